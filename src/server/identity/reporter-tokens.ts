// Verified reporters: the add-in asks Outlook (nested app authentication) for an access token for
// this service's API, and the service checks it as Entra ID's docs ask a resource API to: signature
// from the tenant's published keys (fetched again when a new key id appears, so key rotation needs
// nothing from us), the tenant's own issuer, our audience, expiry and not-before with a small clock
// skew, an allowed tenant, our scope, and only the algorithms Entra signs with. Anything else is
// refused: unsigned (`alg: none`), HMAC (a public key used as a shared secret), tampered, or a
// token for another API. A refused token is an unknown token (401), never a weaker identity.
import type { ReporterTokensConfig } from './config';
import { ENTRA_ISSUER_TEMPLATE, ENTRA_JWKS_TEMPLATE } from './config';
import { loadJose, type Jose } from './esm';

/** Entra signs access tokens with RS256; nothing else is accepted. */
export const ALLOWED_ALGORITHMS = ['RS256'];
const DEFAULT_SKEW_SECONDS = 60;
/** A new key id is looked up at most this often per tenant (kid spraying cannot make us hammer the IdP). */
const DEFAULT_JWKS_COOLDOWN_MS = 30_000;
/** Published keys are read again after this long even when every kid is known. */
const JWKS_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const JWKS_TIMEOUT_MS = 5_000;
/** Tenants whose key sets are kept; the allow-list bounds it anyway. */
const MAX_TENANT_KEY_SETS = 50;

/** Who a verified token says reported. */
export interface ReporterIdentity {
  tenantId: string;
  /** The user's object id in the tenant: stable across renames and devices. */
  objectId: string;
  /** Sign-in address (preferred_username, upn or email). */
  address: string;
  name?: string;
}

export interface ReporterVerifierOptions {
  /** Clock for exp/nbf checks (tests move it instead of waiting). */
  now?: () => number;
  jwksCooldownMs?: number;
}

type KeySet = ReturnType<Jose['createRemoteJWKSet']>;

function fill(template: string, tenant: string): string {
  return template.replace(/\{tenantid\}/g, encodeURIComponent(tenant));
}

/** The scope's name as tokens carry it in `scp` (the part after the API's URI). */
export function scopeName(scope: string): string {
  const slash = scope.lastIndexOf('/');
  return slash >= 0 ? scope.slice(slash + 1) : scope;
}

const ADDRESS = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

export class ReporterTokenVerifier {
  private readonly tenants: Set<string>;
  private readonly keySets = new Map<string, KeySet>();
  private readonly scope: string;

  constructor(
    private readonly config: ReporterTokensConfig,
    private readonly options: ReporterVerifierOptions = {},
  ) {
    this.tenants = new Set(config.tenants.map((tenant) => tenant.toLowerCase()));
    this.scope = scopeName(config.scope);
  }

  /** Whether the token looks like a JWT (three base64url parts): only those are worth a signature check. */
  static looksLikeJwt(token: string): boolean {
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
  }

  private keySet(jose: Jose, tenant: string): KeySet {
    let keys = this.keySets.get(tenant);
    if (!keys) {
      if (this.keySets.size >= MAX_TENANT_KEY_SETS) this.keySets.delete(this.keySets.keys().next().value as string);
      keys = jose.createRemoteJWKSet(new URL(fill(this.config.jwksUriTemplate ?? ENTRA_JWKS_TEMPLATE, tenant)), {
        cooldownDuration: this.options.jwksCooldownMs ?? DEFAULT_JWKS_COOLDOWN_MS,
        cacheMaxAge: JWKS_MAX_AGE_MS,
        timeoutDuration: JWKS_TIMEOUT_MS,
      });
      this.keySets.set(tenant, keys);
    }
    return keys;
  }

  /** The reporter, or undefined when the token is not one this service accepts (the reason goes to `onRefused`). */
  async verify(token: string, onRefused?: (reason: string) => void): Promise<ReporterIdentity | undefined> {
    const refuse = (reason: string) => {
      onRefused?.(reason);
      return undefined;
    };
    if (!ReporterTokenVerifier.looksLikeJwt(token)) return refuse('not a JWT');
    const jose = await loadJose();
    let unverified: Record<string, unknown>;
    try {
      const header = jose.decodeProtectedHeader(token);
      if (typeof header.alg !== 'string' || !ALLOWED_ALGORITHMS.includes(header.alg)) return refuse(`algorithm ${String(header.alg)} not allowed`);
      unverified = jose.decodeJwt(token);
    } catch {
      return refuse('malformed');
    }
    // The tenant picks the issuer and keys to check against; it is trusted only once they match.
    const tenant = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    if (!tenant || !this.tenants.has(tenant)) return refuse('tenant not allowed');
    let payload: Record<string, unknown>;
    try {
      const result = await jose.jwtVerify(token, this.keySet(jose, tenant), {
        issuer: fill(this.config.issuerTemplate ?? ENTRA_ISSUER_TEMPLATE, tenant),
        audience: this.config.audiences,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: this.config.clockSkewSeconds ?? DEFAULT_SKEW_SECONDS,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
        ...(this.options.now ? { currentDate: new Date(this.options.now()) } : {}),
      });
      payload = result.payload as Record<string, unknown>;
    } catch (error) {
      return refuse((error as { code?: string }).code ?? 'invalid');
    }
    if (String(payload.tid).toLowerCase() !== tenant) return refuse('tenant changed');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(this.scope)) return refuse('scope missing');
    const clients = this.config.clientIds ?? [];
    const client = typeof payload.azp === 'string' ? payload.azp : typeof payload.appid === 'string' ? payload.appid : '';
    if (clients.length > 0 && !clients.includes(client)) return refuse('client not allowed');
    const address = [payload.preferred_username, payload.upn, payload.email].find((value): value is string => typeof value === 'string' && ADDRESS.test(value));
    if (!address || typeof payload.oid !== 'string' || payload.oid.length > 100) return refuse('no user in token');
    return {
      tenantId: tenant,
      objectId: payload.oid,
      address: address.toLowerCase(),
      ...(typeof payload.name === 'string' && payload.name ? { name: payload.name.slice(0, 200) } : {}),
    };
  }
}

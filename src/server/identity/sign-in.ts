// Analysts' sign-in with the organisation's OpenID Connect provider (Entra ID first): the
// authorization-code flow with PKCE (S256), state and nonce, done by openid-client (discovery, the
// token request, ID token signature, issuer, audience, nonce and expiry checks). The service is a
// confidential client; the browser only ever holds an opaque session cookie, never a token.
// Roles come from the ID token's app roles (or groups) through identity.oidc.roles; a person with no
// mapped role is refused at the door rather than let in with nothing.
import type { Role } from '../config';
import { isLoopbackHostname, STAFF_ROLES, type OidcConfig, type StaffRole } from './config';
import { loadOpenIdClient, type OpenIdClient } from './esm';

type Configuration = Awaited<ReturnType<OpenIdClient['discovery']>>;

/** What the service keeps between the redirect to the provider and its answer. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignedInPerson {
  subject: string;
  name?: string;
  role: StaffRole | undefined;
  idToken: string;
}

/** Discovery is fetched again after a failure, but not more often than this. */
const DISCOVERY_RETRY_MS = 10_000;
const DEFAULT_ROLE_CLAIMS = ['roles', 'groups'];

/** The strongest role any of the claim values maps to, or undefined. */
export function mapRole(claims: Record<string, unknown>, config: Pick<OidcConfig, 'roles' | 'roleClaims'>): StaffRole | undefined {
  const values = new Set<string>();
  for (const claim of config.roleClaims ?? DEFAULT_ROLE_CLAIMS) {
    const value = claims[claim];
    if (typeof value === 'string') values.add(value);
    else if (Array.isArray(value)) for (const item of value.slice(0, 500)) if (typeof item === 'string') values.add(item);
  }
  let best: StaffRole | undefined;
  for (const role of STAFF_ROLES) {
    if ((config.roles[role] ?? []).some((value) => values.has(value))) best = role;
  }
  return best;
}

/** The sign-in label kept in the audit log: the person's address when the provider gives one. */
function subjectOf(claims: Record<string, unknown>): string {
  for (const claim of ['preferred_username', 'email', 'upn']) {
    const value = claims[claim];
    if (typeof value === 'string' && value.includes('@') && value.length <= 320) return value.toLowerCase();
  }
  return `${String(claims.iss)}#${String(claims.sub)}`;
}

export class OidcSignIn {
  private configuration: Promise<Configuration> | undefined;
  private failedAt = 0;

  constructor(
    private readonly config: OidcConfig,
    /** The callback URL registered with the provider (publicUrl + /auth/callback). */
    readonly redirectUri: string,
  ) {}

  get displayName(): string {
    return this.config.displayName ?? 'Microsoft Entra ID';
  }

  private async discovered(): Promise<{ client: OpenIdClient; configuration: Configuration }> {
    const client = await loadOpenIdClient();
    if (!this.configuration || (this.failedAt && Date.now() - this.failedAt > DISCOVERY_RETRY_MS)) {
      const issuer = new URL(this.config.issuer);
      // Plain http is only for a provider on this machine (tests, local development).
      const insecure = issuer.protocol === 'http:' && isLoopbackHostname(issuer.hostname);
      this.failedAt = 0;
      this.configuration = client.discovery(
        issuer,
        this.config.clientId,
        undefined,
        this.config.clientSecret ? client.ClientSecretBasic(this.config.clientSecret) : client.None(),
        { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
      );
      this.configuration.catch(() => {
        this.failedAt = Date.now();
      });
    }
    return { client, configuration: await this.configuration };
  }

  /** The provider's sign-in URL and what to keep until it answers. */
  async start(): Promise<{ url: string; pending: PendingLogin }> {
    const { client, configuration } = await this.discovered();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: ['openid', 'profile', 'email', ...(this.config.scopes ?? [])].join(' '),
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /** Redeems the provider's answer (the callback URL as received); throws when any check fails. */
  async finish(callbackUrl: URL, pending: PendingLogin): Promise<SignedInPerson> {
    const { client, configuration } = await this.discovered();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = (tokens.claims() ?? {}) as Record<string, unknown>;
    return {
      subject: subjectOf(claims),
      name: typeof claims.name === 'string' ? claims.name.slice(0, 200) : undefined,
      role: mapRole(claims, this.config),
      idToken: tokens.id_token ?? '',
    };
  }

  /** Where to send the browser to sign out at the provider too, when it offers RP-initiated logout. */
  async endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string | undefined> {
    try {
      const { client, configuration } = await this.discovered();
      if (!configuration.serverMetadata().end_session_endpoint) return undefined;
      const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: this.config.clientId };
      if (idToken) parameters.id_token_hint = idToken;
      return client.buildEndSessionUrl(configuration, parameters).href;
    } catch {
      return undefined;
    }
  }
}

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

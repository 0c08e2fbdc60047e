// Who is calling. A bearer token (a static token for automation, or a reporter's Entra access
// token) or, for people in the console, a session cookie from signing in with the organisation's
// identity provider. Every route names the weakest role it needs; staff roles include the weaker
// ones (admin > analyst > viewer), and a reporter may only report and read its own reports.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, TokenConfig } from './config';
import { ApiError } from './errors';
import type { ReporterIdentity } from './identity/reporter-tokens';

export interface Principal {
  role: Role;
  /** Stable label for the audit trail (a person's sign-in address, a token's name); never the token itself. */
  subject: string;
  /**
   * Whether the caller's identity is known, not just its token: staff tokens, signed-in people and
   * reporters with an Entra token. The add-in's shared reporter token is public (policy.json), so a
   * report sent with it is unverified: it may join a campaign but never merge two on its own.
   */
  verified: boolean;
  /** How the caller proved who it is: a static token, a console session, or a reporter's Entra token. */
  kind: 'token' | 'session' | 'reporter';
  /** Display name, when the identity provider gave one. */
  name?: string;
  /** The signed-in reporter (kind 'reporter'). */
  reporter?: ReporterIdentity;
  /** The console session (kind 'session'): its id hash and the CSRF token its page must echo. */
  session?: { idHash: string; csrfToken: string };
}

export interface TokenVerifier {
  /** The principal for this bearer token, or undefined when it is not valid. */
  verify(token: string): Promise<Principal | undefined>;
  /** The signed-in person behind the request's session cookie; absent when sign-in is not configured. */
  fromSession?(request: FastifyRequest): Promise<Principal | undefined>;
  /** The console's origin: session-authenticated changes must come from it. */
  readonly publicOrigin?: string;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Shared tokens from the configuration. Presented tokens are hashed before the lookup, so the time
 * a lookup takes says nothing about how much of a real token was guessed.
 */
export class StaticTokenVerifier implements TokenVerifier {
  private readonly byHash = new Map<string, Principal>();

  constructor(tokens: readonly TokenConfig[]) {
    for (const entry of tokens) {
      const hash = tokenHash(entry.token);
      this.byHash.set(hash, { role: entry.role, subject: entry.name ?? `${entry.role}:${hash.slice(0, 8)}`, verified: entry.role !== 'reporter', kind: 'token' });
    }
  }

  async verify(token: string): Promise<Principal | undefined> {
    return this.byHash.get(tokenHash(token));
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Longest bearer token looked at; real ones (and Entra JWTs) are far shorter. */
const MAX_TOKEN_LENGTH = 8192;

const STAFF_RANK: Partial<Record<Role, number>> = { viewer: 1, analyst: 2, admin: 3 };

/** Whether a principal with `held` may use a route that needs one of `needed`. */
export function roleAllows(held: Role, needed: readonly Role[]): boolean {
  return needed.some((role) => role === held || (STAFF_RANK[role] !== undefined && (STAFF_RANK[held] ?? 0) >= STAFF_RANK[role]!));
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A cookie rides along with every request the browser makes to us, including ones another site
 * makes it send: state-changing calls from a session must carry the session's CSRF token in a header
 * (which another site cannot read or set) and, when the browser names one, come from our origin.
 */
function checkCsrf(request: FastifyRequest, principal: Principal, publicOrigin: string | undefined): void {
  if (SAFE_METHODS.has(request.method)) return;
  const presented = request.headers[CSRF_HEADER];
  if (typeof presented !== 'string' || !principal.session || !sameSecret(presented, principal.session.csrfToken)) {
    throw new ApiError(403, 'csrf', 'This change needs the console\'s CSRF token (X-CSRF-Token); reload the console.');
  }
  const origin = request.headers.origin;
  if (publicOrigin && typeof origin === 'string' && origin !== publicOrigin) {
    throw new ApiError(403, 'csrf', 'This change must come from the console\'s own origin.');
  }
}

async function principalOf(request: FastifyRequest, reply: FastifyReply, verifier: TokenVerifier, publicOrigin?: string): Promise<Principal> {
  const header = request.headers.authorization;
  if (header === undefined && verifier.fromSession) {
    const principal = await verifier.fromSession(request);
    if (principal) {
      checkCsrf(request, principal, publicOrigin);
      return principal;
    }
  }
  const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
  if (!match) {
    reply.header('www-authenticate', 'Bearer realm="lurelens"');
    throw new ApiError(401, 'unauthorized', verifier.fromSession ? 'Sign in, or send an Authorization: Bearer token.' : 'This endpoint needs an Authorization: Bearer token.');
  }
  const principal = match[1].length <= MAX_TOKEN_LENGTH ? await verifier.verify(match[1]) : undefined;
  if (!principal) {
    reply.header('www-authenticate', 'Bearer realm="lurelens", error="invalid_token"');
    throw new ApiError(401, 'unauthorized', 'The bearer token is not valid.');
  }
  return principal;
}

/**
 * onRequest hook: runs before the body is read, so unauthenticated clients cannot make us parse 35 MB.
 * `publicOrigin` (the console's origin) is checked against Origin on session-authenticated changes.
 */
export function requireRole(verifier: TokenVerifier, ...roles: Role[]) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const principal = await principalOf(request, reply, verifier, verifier.publicOrigin);
    if (!roleAllows(principal.role, roles)) {
      const who = principal.kind === 'session' ? `your role is ${principal.role}` : `this token is a ${principal.role} token`;
      throw new ApiError(403, 'forbidden', `This needs the ${roles.join(' or ')} role; ${who}.`);
    }
    request.principal = principal;
  };
}

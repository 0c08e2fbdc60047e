// Who is calling. A TokenVerifier turns a bearer token into a Principal; the static verifier knows
// the configured shared tokens, and an Entra ID verifier (validating JWTs from nested app
// authentication) can implement the same interface without touching the routes.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, TokenConfig } from './config';
import { ApiError } from './errors';

export interface Principal {
  role: Role;
  /** Stable label for the audit trail; never the token itself. */
  subject: string;
  /**
   * Whether the caller's identity is known, not just its token: analyst tokens, and signed-in
   * identities (e.g. Entra ID). The add-in's shared reporter token is public (policy.json), so a
   * report sent with it is unverified: it may join a campaign but never merge two on its own.
   */
  verified: boolean;
}

export interface TokenVerifier {
  /** The principal for this bearer token, or undefined when it is not valid. */
  verify(token: string): Promise<Principal | undefined>;
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
      this.byHash.set(hash, { role: entry.role, subject: entry.name ?? `${entry.role}:${hash.slice(0, 8)}`, verified: entry.role === 'analyst' });
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

/** onRequest hook: runs before the body is read, so unauthenticated clients cannot make us parse 35 MB. */
export function requireRole(verifier: TokenVerifier, ...roles: Role[]) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
    if (!match) {
      reply.header('www-authenticate', 'Bearer realm="lurelens"');
      throw new ApiError(401, 'unauthorized', 'This endpoint needs an Authorization: Bearer token.');
    }
    const principal = match[1].length <= MAX_TOKEN_LENGTH ? await verifier.verify(match[1]) : undefined;
    if (!principal) {
      reply.header('www-authenticate', 'Bearer realm="lurelens", error="invalid_token"');
      throw new ApiError(401, 'unauthorized', 'The bearer token is not valid.');
    }
    if (!roles.includes(principal.role)) {
      throw new ApiError(403, 'forbidden', `This endpoint is for ${roles.join(' or ')} tokens; this token is a ${principal.role} token.`);
    }
    request.principal = principal;
  };
}

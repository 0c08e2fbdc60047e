// Console sessions after sign-in: a random id in an HttpOnly, SameSite=Lax cookie (Secure unless the
// service is plain http on this machine), only its SHA-256 in the database, an absolute lifetime and
// an idle timeout, and a CSRF token the page reads from /api/me and echoes on every change. The
// sign-in in progress (PKCE verifier, state, nonce) is kept the same way under a second cookie that
// lives ten minutes and is used once.
import { createHash, randomBytes } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth';
import type { IdentityStore, LoginRequest, SessionRecord } from '../store/identity';
import type { StaffRole } from './config';
import type { PendingLogin } from './sign-in';

export const SESSION_COOKIE = 'lurelens_session';
export const LOGIN_COOKIE = 'lurelens_login';
/** Time to complete the provider's sign-in page. */
export const LOGIN_MAX_AGE_MS = 10 * 60 * 1000;

export interface SessionOptions {
  /** Cookies only over https (false only for plain http on loopback, in development). */
  secure: boolean;
  /** The path the service is served under ('/' or publicUrl's prefix). */
  path: string;
  sessionMs: number;
  idleMs: number;
  now?: () => number;
}

function hash(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export class SessionManager {
  private readonly now: () => number;

  constructor(
    private readonly store: IdentityStore,
    private readonly options: SessionOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  private cookieOptions(maxAgeSeconds: number) {
    return { httpOnly: true, secure: this.options.secure, sameSite: 'lax' as const, path: this.options.path, maxAge: maxAgeSeconds };
  }

  private cookie(request: FastifyRequest, name: string): string | undefined {
    const value = request.cookies?.[name];
    return typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
  }

  async saveLogin(reply: FastifyReply, pending: PendingLogin, returnTo: string): Promise<void> {
    const id = newSecret();
    await this.store.saveLoginRequest({ idHash: hash(id), ...pending, returnTo, createdMs: this.now() });
    reply.setCookie(LOGIN_COOKIE, id, this.cookieOptions(LOGIN_MAX_AGE_MS / 1000));
  }

  /** The sign-in this browser started (once: a replayed callback finds nothing). */
  async takeLogin(request: FastifyRequest, reply: FastifyReply): Promise<LoginRequest | undefined> {
    const id = this.cookie(request, LOGIN_COOKIE);
    reply.clearCookie(LOGIN_COOKIE, { path: this.options.path });
    return id ? this.store.takeLoginRequest(hash(id), this.now(), LOGIN_MAX_AGE_MS) : undefined;
  }

  async create(reply: FastifyReply, person: { subject: string; name?: string; role: StaffRole; idToken?: string }): Promise<SessionRecord> {
    const now = this.now();
    await this.store.purgeExpired(now, LOGIN_MAX_AGE_MS);
    const id = newSecret();
    const session: SessionRecord = {
      idHash: hash(id),
      subject: person.subject,
      name: person.name,
      role: person.role,
      csrfToken: newSecret(),
      idToken: person.idToken,
      createdMs: now,
      lastSeenMs: now,
      expiresMs: now + this.options.sessionMs,
    };
    await this.store.createSession(session);
    reply.setCookie(SESSION_COOKIE, id, this.cookieOptions(Math.floor(this.options.sessionMs / 1000)));
    return session;
  }

  async principal(request: FastifyRequest): Promise<Principal | undefined> {
    const id = this.cookie(request, SESSION_COOKIE);
    if (!id) return undefined;
    const session = await this.store.touchSession(hash(id), this.now(), this.options.idleMs);
    if (!session) return undefined;
    return {
      role: session.role,
      subject: session.subject,
      name: session.name,
      verified: true,
      kind: 'session',
      session: { idHash: session.idHash, csrfToken: session.csrfToken },
    };
  }

  /** Ends the request's session; returns it (for the provider's sign-out) when there was one. */
  async destroy(request: FastifyRequest, reply: FastifyReply): Promise<SessionRecord | undefined> {
    const id = this.cookie(request, SESSION_COOKIE);
    reply.clearCookie(SESSION_COOKIE, { path: this.options.path });
    if (!id) return undefined;
    const session = await this.store.touchSession(hash(id), this.now(), Number.MAX_SAFE_INTEGER);
    await this.store.deleteSession(hash(id));
    return session;
  }
}

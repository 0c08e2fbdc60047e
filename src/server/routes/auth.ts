// Sign-in for people: /auth/login sends the browser to the organisation's identity provider,
// /auth/callback takes its answer and opens a session, /auth/logout ends it (and at the provider,
// where it offers RP-initiated logout). GET /api/me tells the console who is signed in, with the CSRF
// token it must echo, or that no one is and whether sign-in is offered at all.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireRole } from '../auth';
import type { RouteOptions } from '../context';
import { ERROR_RESPONSES } from '../errors';
import type { Auditor } from '../identity/audit';
import type { SessionManager } from '../identity/sessions';
import { Me } from '../identity/schemas';
import { isStaffRole, type OidcSignIn } from '../identity/sign-in';

export interface AuthRouteOptions extends RouteOptions {
  signIn?: OidcSignIn;
  sessions?: SessionManager;
  auditor: Auditor;
}

const LoginQuery = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
type LoginQuery = Static<typeof LoginQuery>;

/** Where the console lives, relative to the service's path prefix. */
const CONSOLE_PATH = '/console.html';

/** Only a path on this service (never //other.host or a scheme): no open redirect through sign-in. */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !/^\/(?![/\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*$/.test(value)) return CONSOLE_PATH;
  return value;
}

export const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (app, { context, signIn, sessions, auditor }) => {
  const { config, verifier } = context;
  const prefix = new URL(config.publicUrl).pathname.replace(/\/+$/, '');
  const consoleWith = (outcome: string) => `${prefix}${CONSOLE_PATH}?signin=${outcome}`;

  app.get(
    '/api/me',
    { schema: { summary: 'Who is signed in (or which token this is), and whether sign-in is offered', response: { 200: Me, ...ERROR_RESPONSES } } },
    async (request) => {
      const available = { available: Boolean(signIn), ...(signIn ? { provider: signIn.displayName } : {}) };
      const remediation = Boolean(config.identity?.graph);
      let principal = request.headers.authorization === undefined ? await verifier.fromSession?.(request) : undefined;
      if (!principal && typeof request.headers.authorization === 'string') {
        const match = /^Bearer[ ]+([^\s]{1,8192})\s*$/i.exec(request.headers.authorization);
        principal = match ? await verifier.verify(match[1]) : undefined;
      }
      if (!principal) return { signedIn: false, signIn: available, remediation };
      return {
        signedIn: true,
        kind: principal.kind,
        subject: principal.subject,
        name: principal.name,
        role: principal.role,
        csrfToken: principal.session?.csrfToken,
        signIn: available,
        remediation,
      };
    },
  );

  if (!signIn || !sessions) return;

  const redirect = (reply: FastifyReply, location: string) => reply.header('cache-control', 'no-store').redirect(location, 303);

  app.get('/auth/login', { schema: { summary: "Sends the browser to the identity provider's sign-in", querystring: LoginQuery } }, async (request, reply) => {
    const { url, pending } = await signIn.start();
    await sessions.saveLogin(reply, pending, safeReturnTo((request.query as LoginQuery).returnTo));
    return redirect(reply, url);
  });

  // The identity provider's answer (code, state, iss; or error): checked by openid-client, not a schema.
  app.get('/auth/callback', async (request, reply) => {
    const login = await sessions.takeLogin(request, reply);
    if (!login) return redirect(reply, consoleWith('expired'));
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    if (/[?&]error=/.test(query)) return redirect(reply, consoleWith('denied'));
    let person;
    try {
      person = await signIn.finish(new URL(signIn.redirectUri + query), login);
    } catch (error) {
      request.log.warn({ reason: (error as { code?: string }).code ?? (error as Error).message }, 'sign-in answer refused');
      return redirect(reply, consoleWith('failed'));
    }
    if (!person.role) {
      await auditor.record(request, 'auth.sign-in-refused', { type: 'person', id: person.subject }, { reason: 'no role' }, { subject: person.subject, name: person.name, kind: 'session', role: 'none' });
      return redirect(reply, consoleWith('no-role'));
    }
    const session = await sessions.create(reply, { subject: person.subject, name: person.name, role: person.role, idToken: person.idToken });
    await auditor.record(request, 'auth.sign-in', { type: 'person', id: person.subject }, { role: person.role }, { subject: session.subject, name: session.name, kind: 'session', role: session.role });
    request.log.info({ role: person.role }, 'signed in');
    return redirect(reply, prefix + login.returnTo);
  });

  app.post(
    '/auth/logout',
    {
      onRequest: requireRole(verifier, 'viewer'),
      schema: { summary: 'Ends the console session (and, where offered, at the identity provider)', response: { 200: Type.Object({ endSessionUrl: Type.Optional(Type.String()) }), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.kind !== 'session' || !isStaffRole(principal.role)) return {};
      const session = await sessions.destroy(request, reply);
      await auditor.record(request, 'auth.sign-out', { type: 'person', id: principal.subject }, {});
      const endSessionUrl = await signIn.endSessionUrl(session?.idToken, config.publicUrl + CONSOLE_PATH);
      return endSessionUrl ? { endSessionUrl } : {};
    },
  );
};

// One verifier for every kind of caller: the configured static tokens (automation, local default),
// reporters' Entra access tokens (verified reporters) and console sessions (signed-in people).
// Routes keep asking requireRole for a role; which proof was given only shows in the Principal.
import type { FastifyRequest } from 'fastify';
import type { Principal, TokenVerifier } from '../auth';
import { ReporterTokenVerifier } from './reporter-tokens';
import type { SessionManager } from './sessions';

export class Authenticator implements TokenVerifier {
  readonly fromSession?: (request: FastifyRequest) => Promise<Principal | undefined>;

  constructor(
    private readonly staticTokens: TokenVerifier,
    private readonly reporters: ReporterTokenVerifier | undefined,
    sessions: SessionManager | undefined,
    readonly publicOrigin: string,
    private readonly onRefused: (reason: string) => void = () => undefined,
  ) {
    if (sessions) this.fromSession = (request) => sessions.principal(request);
  }

  async verify(token: string): Promise<Principal | undefined> {
    const known = await this.staticTokens.verify(token);
    if (known || !this.reporters || !ReporterTokenVerifier.looksLikeJwt(token)) return known;
    const reporter = await this.reporters.verify(token, this.onRefused);
    if (!reporter) return undefined;
    return { role: 'reporter', subject: reporter.address, name: reporter.name, verified: true, kind: 'reporter', reporter };
  }
}

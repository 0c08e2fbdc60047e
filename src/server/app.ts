// The intake service: a Fastify app with routes grouped by resource, storage behind ReportStore,
// and security headers, CORS, rate limits and log redaction on every response.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
// Node's timers even where a test gives the globals a browser's (jsdom: setInterval returns a number, no unref).
import { clearInterval, setInterval } from 'node:timers';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { renderManifest } from '../manifest/render';
import { Admission } from './admission';
import { AnalysisPool } from './analysis/pool';
import { StaticTokenVerifier, type TokenVerifier } from './auth';
import { ConfigError, validateConfig, type ServerConfig } from './config';
import { Auditor } from './identity/audit';
import { Authenticator } from './identity/authenticator';
import { DefenderForwarder, type DefenderTiming } from './identity/defender';
import { AppGraphClient } from './identity/graph-client';
import { DEFAULT_REMEDIATION_TIMING, Remediator, type RemediationTiming } from './identity/remediation';
import { isLoopbackHostname } from './identity/config';
import { ReporterTokenVerifier, type ReporterVerifierOptions } from './identity/reporter-tokens';
import { SessionManager } from './identity/sessions';
import { OidcSignIn } from './identity/sign-in';
import type { ServiceContext } from './context';
import { ApiError, errorHandler, notFoundHandler } from './errors';
import { packageRoot } from './paths';
import { isApiRequest } from './request-path';
import { loadServicePolicy } from './policy';
import { addinRoutes } from './routes/addin';
import { auditRoutes } from './routes/audit';
import { remediationRoutes } from './routes/remediation';
import { authRoutes } from './routes/auth';
import { campaignRoutes } from './routes/campaigns';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { intakeRoutes } from './routes/intake';
import { webhookRoutes } from './routes/webhook';
import { policyRoutes } from './routes/policy';
import { reportRoutes } from './routes/reports';
import { HealthMonitor } from './health';
import { corsOptions, helmetOptions, LOG_REDACTIONS } from './security';
import { SqlDefenderQueue } from './store/defender-queue';
import { SqlIdentityStore, type IdentityStore } from './store/identity';
import { openStore } from './store/open';
import { SqlStore } from './store/sql-store';
import type { ReportStore } from './store/types';
import { UploadArea } from './uploads';
import { WebhookForwarder } from './webhook';

export interface ServerOptions {
  /** Where log lines go (default stdout); tests capture them here. */
  logStream?: { write(line: string): void };
  /** Replaces the configured shared tokens, e.g. with an Entra ID token validator. */
  verifier?: TokenVerifier;
  /** Replaces the store the configuration names (SQLite, or PostgreSQL with config.database). */
  store?: ReportStore;
  /** Sessions, audit log and remediation storage; by default the store's own database. */
  identityStore?: IdentityStore;
  /** Reporter token checks (tests shorten the JWKS cooldown). */
  reporterTokens?: ReporterVerifierOptions;
  /** When Defender submissions are tried again (tests shorten it). */
  defenderTiming?: Partial<DefenderTiming>;
  /** When a remediation that stopped recording progress counts as interrupted (tests shorten it). */
  remediationTiming?: RemediationTiming;
}

/** Bodies of every route except report submission (which sets its own, from bodyLimitBytes). */
const DEFAULT_BODY_LIMIT = 256 * 1024;
/** How often unfinished intakes' message chunks are looked for (store/raw.ts ORPHAN_AGE_MS says when they count as unfinished). */
const ORPHAN_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

function serviceVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function loadManifest(config: ServerConfig): Promise<string | undefined> {
  let template: string;
  try {
    template = await fs.readFile(config.manifestFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read manifest template ${config.manifestFile}: ${(error as Error).message}`);
  }
  return renderManifest(template, config.publicUrl);
}

/** Request line as logged: no query string (search terms can quote message content). */
function requestForLog(request: FastifyRequest) {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return { method: request.method, url: query < 0 ? url : url.slice(0, query), remoteAddress: request.ip };
}

/**
 * The proxies' addresses go to Fastify as they are. A hop count becomes "the N nearest hops are
 * proxies" here: Fastify itself now refuses hop counts (it cannot tell a proxy from a client that
 * connects directly), so a hop count is only safe where the service is reachable through its
 * proxies alone — the default loopback host; buildServer warns otherwise.
 */
function trustProxyOption(value: ServerConfig['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

export async function buildServer(config: ServerConfig, options: ServerOptions = {}): Promise<FastifyInstance> {
  validateConfig(config);
  const identity = config.identity;
  if (!options.verifier && config.tokens.length === 0 && !identity?.oidc) {
    throw new ConfigError('no tokens configured: give at least one analyst:SECRET token, configure sign-in (identity.oidc), or let "lurelens serve" generate local tokens');
  }
  const publicUrl = new URL(config.publicUrl);
  const secureCookies = publicUrl.protocol === 'https:';
  if (identity?.oidc && !secureCookies && !isLoopbackHostname(publicUrl.hostname)) {
    throw new ConfigError('sign-in (identity.oidc) needs an https publicUrl: session cookies must not travel in clear');
  }
  const policy = await loadServicePolicy(config);
  const manifest = await loadManifest(config);
  const https = config.tls
    ? { key: await fs.readFile(config.tls.keyFile), cert: await fs.readFile(config.tls.certFile) }
    : undefined;

  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: { paths: LOG_REDACTIONS, censor: '[redacted]' },
      serializers: { req: requestForLog },
    },
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOption(config.trustProxy),
    // Strict validation: unknown properties are errors (not silently dropped) and "5" is not 5.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true } },
    return503OnClosing: true,
    // Room for a 35 MB report on a modest link, but no connection held open for long; report bodies
    // are also cut off when they stall or trickle (uploads.ts watchPace).
    requestTimeout: config.intake.requestTimeoutMs,
    connectionTimeout: config.intake.requestTimeoutMs + 5_000,
    ...(https ? { https } : {}),
  }) as unknown as FastifyInstance;

  const store = options.store ?? (await openStore(config));
  const identityStore =
    options.identityStore ?? (store instanceof SqlStore ? new SqlIdentityStore(store.queryable()) : undefined);
  if (!identityStore) throw new ConfigError('this store has no identity storage; pass identityStore');
  const auditor = new Auditor(identityStore);
  const sessions = identity?.oidc
    ? new SessionManager(identityStore, {
        secure: secureCookies,
        path: publicUrl.pathname.replace(/\/+$/, '') || '/',
        sessionMs: (identity.oidc.sessionHours ?? 8) * 3_600_000,
        idleMs: (identity.oidc.idleMinutes ?? 60) * 60_000,
      })
    : undefined;
  const signIn = identity?.oidc ? new OidcSignIn(identity.oidc, `${config.publicUrl}/auth/callback`) : undefined;
  const reporters = identity?.reporters ? new ReporterTokenVerifier(identity.reporters, options.reporterTokens) : undefined;
  const verifier =
    options.verifier ??
    new Authenticator(new StaticTokenVerifier(config.tokens), reporters, sessions, publicUrl.origin, (reason) => app.log.info({ reason }, 'reporter token refused'));
  const uploads = new UploadArea(config.dataDir);
  // Room for a full-size report: its upload and its copy in the database.
  const health = new HealthMonitor(store, config.dataDir, 2 * config.bodyLimitBytes);
  const pool = new AnalysisPool(policy.source, config.analysis, (reason) => {
    health.analysisLost(reason);
    app.log.warn({ reason }, 'an analysis was stopped at its budget; the report is stored as not fully analysed');
  });
  const admission = new Admission({ maxConcurrent: config.intake.maxConcurrent, maxPerClient: config.intake.maxPerClient, retryAfterSeconds: 5 });
  const webhook = config.webhook ? new WebhookForwarder(config.webhook, store, config.publicUrl, app.log) : undefined;
  // Microsoft Graph with the service's own app identity: remediation, and Defender submissions.
  const graph = identity?.graph ? new AppGraphClient(identity.graph) : undefined;
  const defenderQueue = identity?.graph?.defender && store instanceof SqlStore ? new SqlDefenderQueue(store.queryable()) : undefined;
  if (identity?.graph?.defender && !defenderQueue) throw new ConfigError('this store cannot keep Defender submissions; use the SQLite or PostgreSQL store');
  const defender =
    graph && identity?.graph?.defender && defenderQueue ? new DefenderForwarder(graph, identity.graph.defender, store, defenderQueue, auditor, app.log, options.defenderTiming) : undefined;
  const context: ServiceContext = { config, store, identity: identityStore, auditor, policy, verifier, webhook, defender, pool, health, admission, manifest, version: serviceVersion() };
  for (const warning of policy.warnings) app.log.warn(warning);
  if (config.analysis.memoryMb < (4 * config.bodyLimitBytes) / (1024 * 1024) + 64) {
    // A single string of a whole message (twice its size in UTF-16) must fit with room to spare, or
    // V8 can abort the whole process instead of stopping the worker at its limit.
    app.log.warn({ memoryMb: config.analysis.memoryMb }, 'analysis.memoryMb is small for bodyLimitMb: give at least 4 × bodyLimitMb + 64');
  }
  if (typeof config.trustProxy === 'number' && config.trustProxy > 0 && !isLoopback(config.host)) {
    app.log.warn({ host: config.host }, 'trustProxy is a hop count but the service listens beyond loopback: a client connecting directly could choose its address; give the proxy addresses instead');
  }
  if (config.trustProxy === true) {
    app.log.warn('trustProxy is true: every X-Forwarded-For entry is believed, so clients can choose their own address; give a hop count or the proxy addresses');
  }
  if (!manifest) app.log.warn({ manifestFile: config.manifestFile }, 'no manifest template found; /manifest.xml answers 404');

  // Message chunks an intake stopped by a crash left behind (store/raw.ts): swept at start and now and then.
  const sweepOrphans = () =>
    void store.sweepOrphanRaw(Date.now()).then(
      (swept) => swept > 0 && app.log.info({ swept }, 'deleted the message chunks of intakes that never finished'),
      (error: unknown) => app.log.warn({ err: error }, 'could not sweep unfinished message chunks'),
    );
  const sweeper = setInterval(sweepOrphans, ORPHAN_SWEEP_INTERVAL_MS).unref();

  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    await webhook?.stop();
    await defender?.stop();
    await pool.close();
    await store.close();
  });
  app.addHook('onReady', async () => {
    sweepOrphans();
    webhook?.start();
    // Submissions an earlier run left unsent are sent now.
    defender?.start();
  });

  // JSON APIs only: plain text bodies are refused with 415 like any other unknown type.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler(config.bodyLimitBytes, (error) => health.storageFailed(error)));
  app.setNotFoundHandler(notFoundHandler);

  await app.register(helmet, helmetOptions());
  await app.register(cors, corsOptions(config));
  if (config.rateLimit) {
    const limits = config.rateLimit;
    await app.register(rateLimit, {
      global: true,
      max: limits.max,
      timeWindow: limits.timeWindowMs,
      // The add-in's static files, manifest and policy are cheap and fetched by every Outlook that
      // opens the pane (often from one NAT address); only the API is limited.
      allowList: (request) => !isApiRequest(request),
      errorResponseBuilder: (_request, info) =>
        new ApiError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(info.ttl / 1000)} s.`),
    });
  }
  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(cookie);
  auditor.install(app);

  // Reports and downloads are personal data: never kept by browsers or proxies.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiRequest(request) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(authRoutes, { context, signIn, sessions, auditor });
  await app.register(auditRoutes, { context, identity: identityStore, auditor });
  const remediationTiming = options.remediationTiming ?? DEFAULT_REMEDIATION_TIMING;
  await app.register(remediationRoutes, { context, remediationTiming, remediator: graph && identity?.graph ? new Remediator(graph, identityStore, identity.graph, randomUUID, remediationTiming) : undefined });
  await app.register(healthRoutes, { context });
  await app.register(intakeRoutes, { context, admission, uploads });
  await app.register(reportRoutes, { context });
  await app.register(campaignRoutes, { context });
  await app.register(exportRoutes, { context });
  await app.register(webhookRoutes, { context });
  await app.register(policyRoutes, { context });
  await app.register(addinRoutes, { context });
  return app;
}

export interface RunningServer {
  app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:3000 */
  url: string;
}

export async function startServer(config: ServerConfig, options: ServerOptions = {}): Promise<RunningServer> {
  const app = await buildServer(config, options);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigError(`port ${config.port} on ${config.host} is already in use`);
    if (code === 'EACCES') throw new ConfigError(`not allowed to listen on ${config.host}:${config.port}`);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { app, url: `${config.tls ? 'https' : 'http'}://${host}:${port}` };
}

// Service configuration: defaults, then a JSON config file, then LURELENS_* environment variables,
// then command-line flags (each later source wins). docs/service.md lists every setting.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { identityProblems, IdentityConfigSchema, withEnvironmentSecrets, type IdentityConfig } from './identity/config';
import { packageRoot } from './paths';

/**
 * What a caller may do. Staff roles include the weaker ones (admin > analyst > viewer); a reporter
 * may only submit reports and read its own. Static tokens are for automation and the local default;
 * people sign in (identity.oidc).
 */
export type Role = 'admin' | 'analyst' | 'viewer' | 'reporter';
const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer', 'reporter'];

export interface TokenConfig {
  token: string;
  role: Role;
  /** Shown in the audit trail (who triaged); defaults to the role and a short hash of the token. */
  name?: string;
}

export interface WebhookConfig {
  url: string;
  /** When set, each delivery carries X-LureLens-Signature: sha256=HMAC(secret, body). */
  secret?: string;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
  pollMs: number;
}

export interface RateLimitConfig {
  /** API requests per client address per window, all /api/ routes together. */
  max: number;
  timeWindowMs: number;
  /** Report submissions per client address per window. */
  reportsMax: number;
  /**
   * Report submissions per client address per window with the add-in's shared (unverified) token;
   * default a quarter of reportsMax. Anyone can read that token from policy.json.
   */
  unverifiedReportsMax?: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface IntakeLimits {
  /** Report submissions in progress at once, all clients together; more are answered 503 with Retry-After. */
  maxConcurrent: number;
  /** Report submissions in progress at once from one client address. */
  maxPerClient: number;
  /** A report body that pauses longer than this is cut off. */
  idleTimeoutMs: number;
  /** Slowest average rate (bytes/s) a report body may arrive at, checked after the first 10 s. */
  minBytesPerSecond: number;
  /** Longest a whole request may take (headers and body). */
  requestTimeoutMs: number;
}

export interface AnalysisLimits {
  /** Analysis worker threads; 0 picks one per core, between 2 and 4. */
  workers: number;
  /** Longest one message may take to parse and analyse; past it, the report is stored "not fully analysed". */
  timeMs: number;
  /** Heap of one analysis worker in MB; a message that needs more is stored "not fully analysed". */
  memoryMb: number;
  /** MIME parts read per message; the parts after it are not analysed. */
  maxParts: number;
}

/**
 * Which proxies may say who the client is (X-Forwarded-For): false (none, the default), a hop
 * count (the N nearest), or their addresses/CIDR ranges. `true` trusts every entry, which lets a
 * client choose its own address unless the proxy overwrites the header; it is accepted but warned about.
 */
export type TrustProxy = boolean | number | string[];

/**
 * PostgreSQL instead of the embedded SQLite file, for several service instances on one database
 * (docs/service.md). Without it, reports live in dataDir/lurelens.sqlite.
 */
export interface DatabaseConfig {
  /** postgresql://user:password@host:5432/database (libpq's PG* variables and ~/.pgpass fill what it leaves out). */
  url: string;
  /** Connections one service instance keeps open at most. */
  poolSize: number;
}

export interface ServerConfig {
  /** Uploads in progress, local tokens and (without `database`) the SQLite database. */
  dataDir: string;
  database?: DatabaseConfig;
  host: string;
  port: number;
  /** The address people and Outlook use (https in production), e.g. https://lurelens.example.org. */
  publicUrl: string;
  policyFile?: string;
  /** The built add-in (taskpane.html, commands.html, scripts, assets/). */
  webRoot: string;
  /** manifest.xml template; served at /manifest.xml rendered for publicUrl. */
  manifestFile: string;
  tokens: TokenConfig[];
  /** Origins allowed to call the API from a browser besides publicUrl's own. */
  corsOrigins: string[];
  webhook?: WebhookConfig;
  /** Largest accepted message (the .eml itself, after base64 decoding). */
  bodyLimitBytes: number;
  rateLimit: RateLimitConfig | false;
  /** Trust X-Forwarded-* from a reverse proxy (TLS terminator); needed for per-client limits behind one. */
  trustProxy: TrustProxy;
  intake: IntakeLimits;
  analysis: AnalysisLimits;
  /**
   * Serve the preview page and its sample messages (npm start). Off in production: its Report button
   * would file demo reports into the real intake.
   */
  preview: boolean;
  /** Name of the organisation in exports (STIX identity, ARF). */
  organizationName: string;
  logLevel: LogLevel;
  tls?: { certFile: string; keyFile: string };
  /** Sign-in, verified reporters and Microsoft Graph (identity/config.ts); absent: static tokens only. */
  identity?: IdentityConfig;
}

export const MEGABYTE = 1024 * 1024;

export const DEFAULTS = {
  dataDir: './.data',
  host: '127.0.0.1',
  port: 3000,
  bodyLimitMb: 35,
  rateLimit: { max: 1200, timeWindowMs: 60_000, reportsMax: 120 },
  databasePoolSize: 10,
  webhook: { maxAttempts: 10, retryBaseMs: 5_000, retryMaxMs: 3_600_000, timeoutMs: 10_000, pollMs: 1_000 },
  intake: { maxConcurrent: 16, maxPerClient: 8, idleTimeoutMs: 10_000, minBytesPerSecond: 16 * 1024, requestTimeoutMs: 120_000 } as IntakeLimits,
  analysis: { workers: 0, timeMs: 15_000, memoryMb: 512, maxParts: 2000 } as AnalysisLimits,
  organizationName: 'Lure Lens intake service',
  logLevel: 'info' as LogLevel,
} as const;

/** Shortest token accepted: anything shorter could be guessed. */
export const MIN_TOKEN_LENGTH = 16;

const TokenSchema = Type.Object(
  {
    token: Type.String({ minLength: MIN_TOKEN_LENGTH, maxLength: 512 }),
    role: Type.Union(ROLES.map((role) => Type.Literal(role))),
    name: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** The JSON config file (--config / LURELENS_CONFIG). Unknown keys are errors, so typos are caught. */
export const ConfigFileSchema = Type.Object(
  {
    dataDir: Type.Optional(Type.String()),
    database: Type.Optional(
      Type.Object(
        {
          url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
          poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        },
        { additionalProperties: false },
      ),
    ),
    host: Type.Optional(Type.String()),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    publicUrl: Type.Optional(Type.String()),
    policyFile: Type.Optional(Type.String()),
    webRoot: Type.Optional(Type.String()),
    manifestFile: Type.Optional(Type.String()),
    tokens: Type.Optional(Type.Array(TokenSchema)),
    corsOrigins: Type.Optional(Type.Array(Type.String())),
    webhook: Type.Optional(
      Type.Object(
        {
          url: Type.String(),
          secret: Type.Optional(Type.String({ minLength: 16 })),
          maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          retryBaseMs: Type.Optional(Type.Integer({ minimum: 10 })),
          retryMaxMs: Type.Optional(Type.Integer({ minimum: 10 })),
          timeoutMs: Type.Optional(Type.Integer({ minimum: 100 })),
          pollMs: Type.Optional(Type.Integer({ minimum: 10 })),
        },
        { additionalProperties: false },
      ),
    ),
    bodyLimitMb: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 200 })),
    rateLimit: Type.Optional(
      Type.Union([
        Type.Literal(false),
        Type.Object(
          {
            max: Type.Optional(Type.Integer({ minimum: 1 })),
            timeWindowMs: Type.Optional(Type.Integer({ minimum: 1000 })),
            reportsMax: Type.Optional(Type.Integer({ minimum: 1 })),
            unverifiedReportsMax: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
      ]),
    ),
    trustProxy: Type.Optional(Type.Union([Type.Boolean(), Type.Integer({ minimum: 0, maximum: 32 }), Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 })])),
    intake: Type.Optional(
      Type.Object(
        {
          maxConcurrent: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          maxPerClient: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          idleTimeoutMs: Type.Optional(Type.Integer({ minimum: 1000 })),
          minBytesPerSecond: Type.Optional(Type.Integer({ minimum: 0 })),
          requestTimeoutMs: Type.Optional(Type.Integer({ minimum: 5000 })),
        },
        { additionalProperties: false },
      ),
    ),
    analysis: Type.Optional(
      Type.Object(
        {
          workers: Type.Optional(Type.Integer({ minimum: 0, maximum: 64 })),
          timeMs: Type.Optional(Type.Integer({ minimum: 100 })),
          memoryMb: Type.Optional(Type.Integer({ minimum: 64, maximum: 16384 })),
          maxParts: Type.Optional(Type.Integer({ minimum: 10, maximum: 100000 })),
        },
        { additionalProperties: false },
      ),
    ),
    preview: Type.Optional(Type.Boolean()),
    organizationName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    logLevel: Type.Optional(
      Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level))),
    ),
    tls: Type.Optional(Type.Object({ certFile: Type.String(), keyFile: Type.String() }, { additionalProperties: false })),
    identity: Type.Optional(IdentityConfigSchema),
  },
  { additionalProperties: false },
);
export type ConfigFile = Static<typeof ConfigFileSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** "analyst:SECRET", "reporter:SECRET", "admin:SECRET", "viewer:SECRET", or a bare SECRET (an analyst token). */
export function parseTokenSpec(spec: string): TokenConfig {
  const match = /^(admin|analyst|viewer|reporter):(.*)$/s.exec(spec.trim());
  const token = match ? match[2] : spec.trim();
  const role: Role = match ? (match[1] as Role) : 'analyst';
  if (token.length < MIN_TOKEN_LENGTH) throw new ConfigError(`a ${role} token must be at least ${MIN_TOKEN_LENGTH} characters`);
  return { token, role };
}

function parseTokenList(list: string): TokenConfig[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(parseTokenSpec);
}

function defaultPublicUrl(host: string, port: number, tls: boolean): string {
  const name = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
  return `${tls ? 'https' : 'http'}://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/**
 * The public URL as every link is built from it: an http(s) origin, optionally with the path prefix a
 * reverse proxy serves the service under, never a trailing slash, query, fragment or credentials
 * (each would break the links in the manifest, policy.json, webhooks and ARF reports).
 */
export function normalisePublicUrl(value: string): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`publicUrl "${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('publicUrl must be an http(s) URL');
  // URL drops an empty "?" or "#"; the text still has it.
  if (text.includes('?') || text.includes('#')) throw new ConfigError('publicUrl must not have a query (?) or fragment (#), e.g. https://lurelens.example.org');
  if (url.username || url.password) throw new ConfigError('publicUrl must not contain a user name or password');
  const prefix = url.pathname.replace(/\/+$/, '');
  if (prefix && !/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix)) throw new ConfigError(`publicUrl path "${url.pathname}" may only hold plain path segments, e.g. /lurelens`);
  return url.origin + prefix;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A trustProxy value as Fastify takes it; list entries must be addresses, CIDR ranges or proxy-addr's names. */
export function checkTrustProxy(value: TrustProxy): TrustProxy {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 32) throw new ConfigError(`trustProxy hop count must be 0-32, not ${value}`);
    return value;
  }
  for (const entry of value) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(entry) || (family !== 0 && prefixOk && extra === undefined))) {
      throw new ConfigError(`trustProxy entry "${entry}" must be an IP address, a CIDR range (10.0.0.0/8) or loopback/linklocal/uniquelocal`);
    }
  }
  return value;
}

/** --trust-proxy / LURELENS_TRUST_PROXY: true/false, a hop count, or a comma-separated list of addresses. */
export function parseTrustProxy(text: string, source: string): TrustProxy {
  const value = text.trim();
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  try {
    return checkTrustProxy(value.split(',').map((part) => part.trim()).filter(Boolean));
  } catch (error) {
    throw new ConfigError(`${source}: ${(error as Error).message}`);
  }
}

/**
 * A PostgreSQL connection URL as libpq writes them (postgresql://user:password@host:5432/db, or
 * postgresql://user@/db?host=/run/postgresql for a socket), checked before anything connects; the
 * message never repeats a password.
 */
export function checkDatabaseUrl(value: string): string {
  const url = value.trim();
  if (!/^postgres(?:ql)?:\/\/[^\s]*$/.test(url)) {
    throw new ConfigError('database url must look like postgresql://user:password@host:5432/database (SQLite, the default, needs no url)');
  }
  return url;
}

/** Checks the parts of a config every source can get wrong; throws ConfigError naming the setting. */
export function validateConfig(config: ServerConfig): ServerConfig {
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) throw new ConfigError(`port must be 0-65535, not ${config.port}`);
  config.publicUrl = normalisePublicUrl(config.publicUrl);
  config.trustProxy = checkTrustProxy(config.trustProxy);
  if (config.database) {
    config.database.url = checkDatabaseUrl(config.database.url);
    if (!Number.isInteger(config.database.poolSize) || config.database.poolSize < 1) throw new ConfigError('database poolSize must be a positive integer');
  }
  for (const origin of config.corsOrigins) {
    try {
      if (new URL(origin).origin !== origin) throw new Error();
    } catch {
      throw new ConfigError(`corsOrigins entry "${origin}" must be an origin like https://addin.example.org`);
    }
  }
  if (config.webhook) {
    let hook: URL;
    try {
      hook = new URL(config.webhook.url);
    } catch {
      throw new ConfigError(`webhook url "${config.webhook.url}" is not an absolute URL`);
    }
    if (hook.protocol !== 'https:' && hook.protocol !== 'http:') throw new ConfigError('webhook url must be http(s)');
  }
  if (!(config.bodyLimitBytes > 0)) throw new ConfigError('bodyLimitMb must be positive');
  const seen = new Set<string>();
  for (const token of config.tokens) {
    if (!ROLES.includes(token.role)) throw new ConfigError(`token role must be one of ${ROLES.join(', ')}, not "${String(token.role)}"`);
    if (token.token.length < MIN_TOKEN_LENGTH) throw new ConfigError(`a ${token.role} token must be at least ${MIN_TOKEN_LENGTH} characters`);
    if (seen.has(token.token)) throw new ConfigError('the same token is configured twice');
    seen.add(token.token);
  }
  const problems = identityProblems(config.identity);
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return config;
}

/** A complete config from defaults and the given overrides (for tests and embedding). */
export function defaultServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const root = packageRoot();
  const host = overrides.host ?? DEFAULTS.host;
  const port = overrides.port ?? DEFAULTS.port;
  return {
    dataDir: path.resolve(DEFAULTS.dataDir),
    host,
    port,
    publicUrl: overrides.publicUrl ?? defaultPublicUrl(host, port, Boolean(overrides.tls)),
    webRoot: path.join(root, 'dist', 'web'),
    manifestFile: path.join(root, 'manifest.xml'),
    tokens: [],
    corsOrigins: [],
    bodyLimitBytes: DEFAULTS.bodyLimitMb * MEGABYTE,
    rateLimit: { ...DEFAULTS.rateLimit },
    trustProxy: false,
    intake: { ...DEFAULTS.intake },
    analysis: { ...DEFAULTS.analysis },
    preview: false,
    organizationName: DEFAULTS.organizationName,
    logLevel: DEFAULTS.logLevel,
    ...overrides,
  };
}

export interface ConfigSources {
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export const SERVE_USAGE = `Usage: lurelens serve [options]
  Runs the intake service: receives reports from the add-in, groups campaigns, serves the add-in.
  --public-url URL     address people and Outlook use (default http://localhost:PORT; Outlook needs https)
  --port N             port to listen on (default 3000)
  --host H             interface to listen on (default 127.0.0.1)
  --data DIR           where the SQLite database, uploads and local tokens live (default ./.data)
  --database-url URL   PostgreSQL instead of SQLite: postgresql://user:password@host:5432/db
  --policy FILE        policy.json served to the add-in and used for server-side analysis
  --token TOKEN        static token for automation: admin:, analyst:, viewer: or reporter:SECRET
                       (bare SECRET = analyst); repeatable. People sign in with identity.oidc.
                       Without any token, local tokens are generated once and kept in DIR/tokens.json
  --web-root DIR       built add-in files (default dist/web)
  --manifest FILE      manifest.xml template (default ./manifest.xml of the package)
  --webhook-url URL    forward each new report to a SIEM/SOAR webhook
  --body-limit-mb N    largest accepted message in MB (default 35)
  --trust-proxy[=V]    trust X-Forwarded-For from reverse proxies: a hop count (1 = the nearest proxy)
                       or their addresses/CIDRs (10.0.0.5,10.1.0.0/16); bare flag = trust all (unsafe)
  --preview            serve the preview page with sample messages (local demos; npm start uses it)
  --log-level LEVEL    fatal, error, warn, info (default), debug, trace, silent
  --config FILE        JSON config file (see docs/service.md)
Environment: LURELENS_CONFIG, LURELENS_DATA_DIR, LURELENS_DATABASE_URL, LURELENS_HOST, LURELENS_PORT, LURELENS_PUBLIC_URL,
  LURELENS_POLICY, LURELENS_WEB_ROOT, LURELENS_MANIFEST, LURELENS_TOKENS (comma-separated role:secret),
  LURELENS_CORS_ORIGINS, LURELENS_WEBHOOK_URL, LURELENS_WEBHOOK_SECRET, LURELENS_BODY_LIMIT_MB,
  LURELENS_TRUST_PROXY, LURELENS_PREVIEW, LURELENS_LOG_LEVEL, LURELENS_ORGANIZATION, LURELENS_TLS_CERT, LURELENS_TLS_KEY,
  LURELENS_OIDC_CLIENT_SECRET, LURELENS_GRAPH_CLIENT_SECRET (identity settings: docs/identity.md)`;

interface Flags {
  help: boolean;
  config?: string;
  values: Partial<Record<string, string>>;
  tokens: string[];
  trustProxy?: string;
  preview?: boolean;
}

const VALUE_FLAGS: Record<string, string> = {
  '--public-url': 'publicUrl',
  '--port': 'port',
  '--host': 'host',
  '--data': 'dataDir',
  '--database-url': 'databaseUrl',
  '--policy': 'policyFile',
  '--web-root': 'webRoot',
  '--manifest': 'manifestFile',
  '--webhook-url': 'webhookUrl',
  '--body-limit-mb': 'bodyLimitMb',
  '--log-level': 'logLevel',
  '--config': 'config',
};

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = { help: false, values: {}, tokens: [] };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new ConfigError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--trust-proxy') flags.trustProxy = inline ?? 'true';
    else if (arg === '--preview') flags.preview = true;
    else if (arg === '--token') flags.tokens.push(value());
    else if (arg in VALUE_FLAGS) {
      const key = VALUE_FLAGS[arg];
      if (key === 'config') flags.config = value();
      else flags.values[key] = value();
    } else throw new ConfigError(`unknown option ${arg}`);
  }
  return flags;
}

function toPort(value: string, source: string): number {
  if (!/^\d{1,5}$/.test(value)) throw new ConfigError(`${source} must be a port number, not "${value}"`);
  return Number(value);
}

function toMegabytes(value: string, source: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(number > 0) || number > 200) throw new ConfigError(`${source} must be a number of MB (0-200], not "${value}"`);
  return number;
}

function toLogLevel(value: string, source: string): LogLevel {
  const levels: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(value as LogLevel)) throw new ConfigError(`${source} must be one of ${levels.join(', ')}`);
  return value as LogLevel;
}

async function readConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const errors = [...Value.Errors(ConfigFileSchema, data)].slice(0, 10);
  if (errors.length > 0) {
    throw new ConfigError(`config file ${file} is invalid:\n` + errors.map((e) => `  ${e.path || '/'}: ${e.message}`).join('\n'));
  }
  return data as ConfigFile;
}

export interface LoadedConfig {
  config: ServerConfig;
  help: boolean;
}

/** Builds the config from a config file, LURELENS_* variables and flags. Throws ConfigError on bad input. */
export async function loadServerConfig(sources: ConfigSources = {}): Promise<LoadedConfig> {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const flags = parseFlags(sources.argv ?? []);
  const fromCwd = (p: string) => path.resolve(cwd, p);

  const configPath = flags.config ?? env.LURELENS_CONFIG;
  const file: ConfigFile = configPath ? await readConfigFile(fromCwd(configPath)) : {};
  const fileDir = configPath ? path.dirname(fromCwd(configPath)) : cwd;
  const fromFile = (p: string | undefined) => (p === undefined ? undefined : path.resolve(fileDir, p));

  const pick = (flag: string | undefined, envValue: string | undefined) => flag ?? (envValue === '' ? undefined : envValue);
  const host = pick(flags.values.host, env.LURELENS_HOST) ?? file.host ?? DEFAULTS.host;
  const portText = pick(flags.values.port, env.LURELENS_PORT);
  const port = portText !== undefined ? toPort(portText, flags.values.port ? '--port' : 'LURELENS_PORT') : file.port ?? DEFAULTS.port;

  const tlsCert = env.LURELENS_TLS_CERT ? fromCwd(env.LURELENS_TLS_CERT) : fromFile(file.tls?.certFile);
  const tlsKey = env.LURELENS_TLS_KEY ? fromCwd(env.LURELENS_TLS_KEY) : fromFile(file.tls?.keyFile);
  if (Boolean(tlsCert) !== Boolean(tlsKey)) throw new ConfigError('TLS needs both a certificate and a key file');
  const tls = tlsCert && tlsKey ? { certFile: tlsCert, keyFile: tlsKey } : undefined;

  const pathSetting = (flag: string | undefined, envValue: string | undefined, fileValue: string | undefined) => {
    const chosen = pick(flag, envValue);
    return chosen !== undefined ? fromCwd(chosen) : fromFile(fileValue);
  };

  let tokens: TokenConfig[] = file.tokens ?? [];
  if (env.LURELENS_TOKENS) tokens = parseTokenList(env.LURELENS_TOKENS);
  if (flags.tokens.length > 0) tokens = flags.tokens.map(parseTokenSpec);

  const webhookUrl = pick(flags.values.webhookUrl, env.LURELENS_WEBHOOK_URL) ?? file.webhook?.url;
  const webhook: WebhookConfig | undefined = webhookUrl
    ? {
        ...DEFAULTS.webhook,
        ...file.webhook,
        url: webhookUrl,
        secret: env.LURELENS_WEBHOOK_SECRET || file.webhook?.secret,
      }
    : undefined;

  const bodyLimitText = pick(flags.values.bodyLimitMb, env.LURELENS_BODY_LIMIT_MB);
  const bodyLimitMb = bodyLimitText !== undefined ? toMegabytes(bodyLimitText, 'body limit') : file.bodyLimitMb ?? DEFAULTS.bodyLimitMb;
  const logLevelText = pick(flags.values.logLevel, env.LURELENS_LOG_LEVEL);
  const rateLimit = file.rateLimit === false ? false : { ...DEFAULTS.rateLimit, ...file.rateLimit };
  const corsOrigins = env.LURELENS_CORS_ORIGINS ? env.LURELENS_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : file.corsOrigins ?? [];

  const databaseUrl = pick(flags.values.databaseUrl, env.LURELENS_DATABASE_URL) ?? file.database?.url;
  const database: DatabaseConfig | undefined = databaseUrl ? { url: databaseUrl, poolSize: file.database?.poolSize ?? DEFAULTS.databasePoolSize } : undefined;

  const defaults = defaultServerConfig({ host, port, tls });
  const config: ServerConfig = {
    ...defaults,
    dataDir: pathSetting(flags.values.dataDir, env.LURELENS_DATA_DIR, file.dataDir) ?? fromCwd(DEFAULTS.dataDir),
    database,
    publicUrl: pick(flags.values.publicUrl, env.LURELENS_PUBLIC_URL) ?? file.publicUrl ?? defaults.publicUrl,
    policyFile: pathSetting(flags.values.policyFile, env.LURELENS_POLICY, file.policyFile),
    webRoot: pathSetting(flags.values.webRoot, env.LURELENS_WEB_ROOT, file.webRoot) ?? defaults.webRoot,
    manifestFile: pathSetting(flags.values.manifestFile, env.LURELENS_MANIFEST, file.manifestFile) ?? defaults.manifestFile,
    tokens,
    corsOrigins,
    webhook,
    bodyLimitBytes: Math.floor(bodyLimitMb * MEGABYTE),
    rateLimit,
    trustProxy:
      flags.trustProxy !== undefined
        ? parseTrustProxy(flags.trustProxy, '--trust-proxy')
        : env.LURELENS_TRUST_PROXY
          ? parseTrustProxy(env.LURELENS_TRUST_PROXY, 'LURELENS_TRUST_PROXY')
          : file.trustProxy ?? false,
    intake: { ...DEFAULTS.intake, ...file.intake },
    analysis: { ...DEFAULTS.analysis, ...file.analysis },
    preview: flags.preview ?? (env.LURELENS_PREVIEW ? env.LURELENS_PREVIEW === 'true' || env.LURELENS_PREVIEW === '1' : file.preview ?? false),
    organizationName: env.LURELENS_ORGANIZATION || file.organizationName || DEFAULTS.organizationName,
    logLevel: logLevelText ? toLogLevel(logLevelText, 'log level') : (file.logLevel as LogLevel | undefined) ?? DEFAULTS.logLevel,
    identity: withEnvironmentSecrets(file.identity, env),
  };
  return { config: validateConfig(config), help: flags.help };
}

export const LOCAL_TOKENS_FILE = 'tokens.json';

export interface LocalTokens {
  tokens: TokenConfig[];
  file: string;
  /** True when the tokens were created just now (first start). */
  generated: boolean;
}

/**
 * For local use without configured tokens: one analyst and one reporter token, generated at first
 * start and kept (mode 0600) in the data directory so restarts keep working with the same add-in policy.
 */
export async function ensureLocalTokens(dataDir: string): Promise<LocalTokens> {
  const file = path.join(dataDir, LOCAL_TOKENS_FILE);
  try {
    const stored = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
    const tokens = Value.Check(Type.Array(TokenSchema, { minItems: 1 }), stored) ? (stored as TokenConfig[]) : undefined;
    if (!tokens) throw new ConfigError(`${file} is not a list of {token, role}; fix or delete it to generate new tokens`);
    return { tokens, file, generated: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const tokens: TokenConfig[] = [
    { token: randomBytes(32).toString('base64url'), role: 'analyst', name: 'local analyst' },
    { token: randomBytes(32).toString('base64url'), role: 'reporter', name: 'local add-in' },
  ];
  // 'wx': never overwrite tokens another process wrote a moment ago.
  await fs.writeFile(file, JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return { tokens, file, generated: true };
}

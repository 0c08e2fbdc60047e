// Response headers every answer carries (through @fastify/helmet), CORS for the add-in's origins,
// and the log redaction list. The task pane needs Office.js from Microsoft's CDN and Graph/Entra
// for the mailbox channel; nothing else may load or connect.
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyCorsOptions } from '@fastify/cors';
import type { ServerConfig } from './config';
import { STATUS_TOKENS_HEADER } from './schemas';

export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

function directives(frameAncestors: readonly string[]): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", OFFICE_JS_ORIGIN],
    // Fluent UI inserts its generated class rules at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com'],
    'frame-src': ["'self'", 'https://login.microsoftonline.com', OFFICE_JS_ORIGIN],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': [...frameAncestors],
  };
}

export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return Object.entries(directives(frameAncestors))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The console and the preview: same-origin scripts and requests only (no Office.js, Graph or sign-in
 * frames), never framed, no form posts anywhere.
 */
export const STANDALONE_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI inserts its generated class rules at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function helmetOptions(): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      // The API and error pages are never framed; the add-in's pages override this (routes/addin.ts).
      directives: directives(["'none'"]),
    },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    xFrameOptions: { action: 'deny' },
  };
}

/** Browsers may call the API only from the add-in's own origin (and any origin IT adds). */
export function corsOptions(config: ServerConfig): FastifyCorsOptions {
  const allowed = new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PATCH'],
    allowedHeaders: ['authorization', 'content-type', STATUS_TOKENS_HEADER],
    credentials: false,
    maxAge: 600,
  };
}

/**
 * Paths pino replaces with "[redacted]". Request bodies and message content are never logged in
 * the first place (Fastify does not log bodies and our log lines carry ids and counts only); this
 * list is the second line of defence for tokens.
 */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  `req.headers["${STATUS_TOKENS_HEADER}"]`,
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'token',
  'statusToken',
  'eml',
  'body',
  '*.token',
  '*.statusToken',
  '*.eml',
  '*.body',
  '*.authorization',
];

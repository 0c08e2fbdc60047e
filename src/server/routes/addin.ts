// The add-in's own files (task pane, function file, scripts, icons) and its manifest, served by the
// same service so IT deploys one thing. These pages are framed by Outlook on the web, so here the
// CSP allows Outlook's origins as frame ancestors (the API keeps frame-ancestors 'none').
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import { allowedAddinScripts, WELL_KNOWN_ALLOWED_PATH } from '../../manifest/well-known';
import type { RouteOptions } from '../context';
import { ApiError, ErrorBody } from '../errors';
import { decodedPath } from '../request-path';
import { contentSecurityPolicy, STANDALONE_PAGE_POLICY } from '../security';

/** Where Outlook hosts add-in frames: Outlook on the web, new Outlook, Microsoft 365 and Outlook.com. */
export const OUTLOOK_FRAME_ANCESTORS = [
  "'self'",
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://outlook.live.com',
  'https://*.outlook.com',
  'https://*.cloud.microsoft',
];

/**
 * The pages served beside the add-in that are not part of it (the triage console, the preview and
 * its samples). Decided on the decoded, normalised path, as the static file server resolves it, so
 * /%63onsole.html or /x/../console.html is the console too.
 */
export type StandalonePage = 'console' | 'preview';

export function standalonePage(url: string): StandalonePage | undefined {
  const normalized = path.posix.normalize(decodedPath(url));
  if (normalized === '/console.html') return 'console';
  if (normalized === '/preview.html' || normalized.startsWith('/samples/')) return 'preview';
  return undefined;
}

export const addinRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const { config } = context;
  const addinPolicy = contentSecurityPolicy(OUTLOOK_FRAME_ANCESTORS);

  // The preview files demo reports into this service, so it exists only where asked for (npm start).
  if (!config.preview) {
    app.addHook('onRequest', async (request) => {
      if (standalonePage(request.url) === 'preview') throw new ApiError(404, 'not_found', 'The preview is not enabled on this service (--preview).');
    });
  }

  // Encapsulated: only the add-in's files get the frameable policy. The console and the preview are
  // stand-alone pages: never framed (clickjacking a disposition button), and a stricter policy that
  // allows nothing but this origin.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400) return payload;
    if (standalonePage(request.url)) {
      reply.header('content-security-policy', STANDALONE_PAGE_POLICY);
      return payload;
    }
    reply.header('content-security-policy', addinPolicy);
    // X-Frame-Options cannot name Outlook's origins; frame-ancestors above replaces it.
    reply.raw.removeHeader('x-frame-options');
    // Outlook loads the icons cross-origin (manifest IconUrl); MSAL may open a sign-in popup.
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin-allow-popups');
    return payload;
  });

  app.get(
    '/manifest.xml',
    { schema: { summary: 'The add-in manifest, rendered for this service\'s public URL', response: { 200: Type.String(), 404: ErrorBody } } },
    async (_request, reply) => {
      if (!context.manifest) throw new ApiError(404, 'not_found', `No manifest template was found at ${config.manifestFile}.`);
      return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-cache').send(Buffer.from(context.manifest, 'utf8'));
    },
  );

  // Classic Outlook's JavaScript-only runtime reads this before letting commands.js make CORS requests
  // or get tokens (src/manifest/well-known.ts). A route of its own: the static files deny dot-folders.
  const allowed = allowedAddinScripts(config.publicUrl);
  app.get(
    WELL_KNOWN_ALLOWED_PATH,
    { schema: { summary: 'The add-in scripts Office may run for this origin', response: { 200: Type.Object({ allowed: Type.Array(Type.String()) }) } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(allowed),
  );

  const built = existsSync(config.webRoot) && statSync(config.webRoot).isDirectory();
  if (!built) {
    app.log.warn({ webRoot: config.webRoot }, 'add-in files not found; run "npm run build" to serve the task pane');
    return;
  }
  await app.register(fastifyStatic, {
    root: config.webRoot,
    prefix: '/',
    index: false,
    dotfiles: 'deny',
    decorateReply: false,
    // Scripts and icons are versioned by the build; pages must be re-fetched so an update reaches users.
    cacheControl: true,
    maxAge: 0,
  });
};

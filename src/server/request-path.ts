// Paths as the router and the static file server see them. Hooks that decide by path (rate limits,
// caching, framing) must not be fooled by a percent-encoded or dotted spelling of the same path.
import type { FastifyRequest } from 'fastify';

/**
 * Whether a request is for the API, decided by the route it matched: the raw URL may be
 * percent-encoded (/%61pi/reports reaches the same handler), so a prefix test on it could be
 * used to get around the rate limits. Unmatched requests are judged by their decoded path.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions?.url;
  if (route) return route.startsWith('/api/');
  return decodedPath(request.url).startsWith('/api/');
}

/** The URL's path percent-decoded with repeated slashes collapsed; the raw path when it cannot be decoded. */
export function decodedPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Malformed escapes: judge the raw text.
  }
  return decoded.replace(/\/{2,}/g, '/');
}

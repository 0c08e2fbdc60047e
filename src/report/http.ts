// The small part of fetch the channels use, and the result every delivery attempt ends in.
// Channels take a FetchLike so tests hand in a recording transport and the runtime hands in fetch.

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How one delivery attempt ended. `reason` is a short code, safe to log (never content or tokens). */
export type AttemptResult =
  | { outcome: 'delivered'; reportId?: string; duplicate?: boolean; campaignId?: string; statusToken?: string }
  | { outcome: 'retry'; reason: string; status?: number; retryAfterMs?: number }
  | { outcome: 'rejected'; reason: string; status?: number; serverMessage?: string };

export const DEFAULT_TIMEOUT_MS = 60_000;

export class RequestTimeoutError extends Error {
  constructor() {
    super('The request took too long');
    this.name = 'RequestTimeoutError';
  }
}

/** fetch with a deadline; the request is aborted when it passes. */
export async function fetchWithTimeout(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Response> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new RequestTimeoutError());
    }, timeoutMs);
  });
  try {
    return await Promise.race([fetchFn(url, controller ? { ...init, signal: controller.signal } : init), deadline]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** 408, 429 and 5xx are worth retrying; other 4xx are not (the same request would fail again). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After as milliseconds (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(response: Response, now = Date.now()): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const MAX_ERROR_BODY = 4000;

/**
 * The server's explanation of an error, for the user: `message`, `error_description` or `error.message`
 * from a JSON body, else the start of a text body. One line, control characters removed, bounded.
 */
export async function serverMessageOf(response: Response): Promise<string | undefined> {
  let text: string;
  try {
    text = (await response.text()).slice(0, MAX_ERROR_BODY);
  } catch {
    return undefined;
  }
  let message: unknown = text;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const nested = body.error as Record<string, unknown> | string | undefined;
    message =
      body.message ?? body.error_description ?? (typeof nested === 'object' && nested ? nested.message : nested) ?? undefined;
  } catch {
    // Not JSON: use the text as it is, unless it is an HTML error page.
    if (/^\s*</.test(text)) message = undefined;
  }
  if (typeof message !== 'string') return undefined;
  const clean = message.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return clean ? clean.slice(0, 300) : undefined;
}

/** A short code for a thrown fetch error, safe to log. */
export function networkReason(error: unknown): string {
  if (error instanceof RequestTimeoutError) return 'timeout';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  return 'network';
}

/** True for loopback hosts, where plain http is acceptable (development, tests). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

export interface HttpUrl {
  protocol: 'http:' | 'https:';
  /** Host with port, lower-case. */
  host: string;
  /** Host without port. */
  hostname: string;
  /** Path, "/" when empty. */
  path: string;
  hasUserInfo: boolean;
}

/**
 * Reads an absolute http(s) URL with a plain pattern, because the Report button's JavaScript-only
 * runtime is not guaranteed to have the URL class. Returns undefined for anything else.
 */
export function parseHttpUrl(value: string): HttpUrl | undefined {
  const match = /^(https?):\/\/([^/?#\s]+)(\/[^?#\s]*)?(\?[^#\s]*)?(#\S*)?$/i.exec(value.trim());
  if (!match) return undefined;
  const authority = match[2];
  const at = authority.lastIndexOf('@');
  const host = authority.slice(at + 1).toLowerCase();
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  if (!hostname || !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(hostname) || !/^(\[[^\]]+\]|[^:]+)(:\d{1,5})?$/.test(host)) return undefined;
  return { protocol: `${match[1].toLowerCase()}:` as HttpUrl['protocol'], host, hostname, path: match[3] || '/', hasUserInfo: at >= 0 };
}

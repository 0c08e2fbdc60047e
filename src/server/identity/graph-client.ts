// Microsoft Graph as the service itself (application permissions, admin consent): a token from the
// tenant's token endpoint with the client-credentials grant, kept until shortly before it expires,
// and requests that send it only to the configured Graph root (an @odata.nextLink pointing
// elsewhere is refused). Throttling is answered the way Microsoft asks: on 429, 503 or 504 wait as
// long as Retry-After says (bounded) and try again a few times. Failures become GraphError with
// Graph's own error code (ErrorItemNotFound, MailboxNotEnabledForRESTAPI…), safe to log and show.
import { fetchWithTimeout, networkReason, retryAfterMs, type FetchLike } from '../../report/http';
import { ENTRA_AUTHORITY, GRAPH_ROOT, type GraphConfig } from './config';

/** Longest one Graph request may take, its answer's body included. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Throttled calls are tried this often in all. */
const MAX_ATTEMPTS = 4;
/** Wait when Graph throttles without saying how long, and the longest wait accepted. */
const DEFAULT_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** A token is renewed this long before Entra says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** Largest answer read: message metadata pages are far smaller. */
const MAX_RESPONSE_CHARS = 8 * 1024 * 1024;

export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    /** HTTP status; 0 when Graph could not be reached. */
    readonly status: number,
    /** Graph's error code (e.g. ErrorItemNotFound), or network / timeout / malformed. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphClientOptions {
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** REQUEST_TIMEOUT_MS unless a test needs it shorter. */
  requestTimeoutMs?: number;
}

function errorOf(status: number, body: unknown): GraphError {
  const error = (body as { error?: unknown } | undefined)?.error;
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return new GraphError(status, typeof code === 'string' ? code.slice(0, 100) : `http-${status}`, typeof message === 'string' ? message.slice(0, 300) : `HTTP ${status}`);
  }
  // The token endpoint answers OAuth errors: { error, error_description }.
  const description = (body as { error_description?: unknown } | undefined)?.error_description;
  const code = typeof error === 'string' ? error.slice(0, 100) : `http-${status}`;
  return new GraphError(status, code, typeof description === 'string' ? description.split('\r\n')[0].slice(0, 300) : `HTTP ${status}`);
}

/**
 * The answer's body as JSON, read within `timeoutMs` and up to MAX_RESPONSE_CHARS: fetch's deadline
 * ends when the headers arrive, and a body that stalls would hold the caller (a remediation's lease)
 * for as long as the connection stays open.
 */
async function readJson(response: Response, timeoutMs: number): Promise<unknown> {
  const text = await readText(response, timeoutMs);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphError(response.status, 'malformed', 'The answer from Microsoft Graph is not JSON.');
  }
}

async function readText(response: Response, timeoutMs: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GraphError(response.status, 'timeout', 'Microsoft Graph stopped sending its answer midway.')), timeoutMs);
  });
  let text = '';
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) return text + decoder.decode();
      text += decoder.decode(value, { stream: true });
      if (text.length > MAX_RESPONSE_CHARS) throw new GraphError(response.status, 'malformed', 'The answer from Microsoft Graph is too large.');
    }
  } finally {
    clearTimeout(timer);
    // Frees the connection when the read stopped early; nothing to do after the end.
    reader.cancel().catch(() => undefined);
  }
}

export class AppGraphClient {
  private readonly fetch: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  /** Graph's root without version, e.g. https://graph.microsoft.com. */
  readonly root: string;
  private cached?: { token: string; expiresMs: number };
  private pending?: Promise<string>;

  constructor(
    private readonly config: GraphConfig,
    options: GraphClientOptions = {},
  ) {
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    this.root = (config.baseUrl ?? GRAPH_ROOT).replace(/\/+$/, '');
  }

  /** The time left of one request's allowance, from now: the answer's body is read within what the headers left. */
  private deadline(): () => number {
    const started = Date.now();
    return () => Math.max(1, this.timeoutMs - (Date.now() - started));
  }

  private async token(): Promise<string> {
    if (this.cached && this.cached.expiresMs > this.now()) return this.cached.token;
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async requestToken(): Promise<string> {
    if (!this.config.clientSecret) throw new GraphError(0, 'not_configured', 'identity.graph has no client secret (LURELENS_GRAPH_CLIENT_SECRET).');
    const authority = (this.config.authority ?? ENTRA_AUTHORITY).replace(/\/+$/, '');
    const url = `${authority}/${encodeURIComponent(this.config.tenantId)}/oauth2/v2.0/token`;
    const body = new URLSearchParams({
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
      grant_type: 'client_credentials',
      scope: `${this.root}/.default`,
    });
    const left = this.deadline();
    let response: Response;
    try {
      response = await fetchWithTimeout(this.fetch, url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() }, this.timeoutMs);
    } catch (error) {
      throw new GraphError(0, networkReason(error), 'The Entra token endpoint could not be reached.');
    }
    const answer = (await readJson(response, left())) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (response.status !== 200 || typeof answer?.access_token !== 'string') throw errorOf(response.status, answer);
    const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in ?? 0)) * 1000;
    this.cached = { token: answer.access_token, expiresMs: this.now() + Math.max(0, lifetimeMs - TOKEN_MARGIN_MS) };
    return answer.access_token;
  }

  /** A Graph URL from a path under the root (`/v1.0/users/…`), or a nextLink Graph gave (only if under the root). */
  private url(pathOrLink: string): string {
    if (pathOrLink.startsWith('/')) return this.root + pathOrLink;
    if (pathOrLink.startsWith(this.root + '/')) return pathOrLink;
    throw new GraphError(0, 'refused', 'A link from Microsoft Graph points outside Graph; not followed.');
  }

  /** One call; resolves with the status and the parsed body (2xx only), throws GraphError otherwise. */
  async call<T = unknown>(method: 'GET' | 'POST', pathOrLink: string, body?: unknown): Promise<{ status: number; body: T }> {
    const url = this.url(pathOrLink);
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const token = await this.token();
      const left = this.deadline();
      let response: Response;
      try {
        response = await fetchWithTimeout(
          this.fetch,
          url,
          {
            method,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
          },
          this.timeoutMs,
        );
      } catch (error) {
        throw new GraphError(0, networkReason(error), 'Microsoft Graph could not be reached.');
      }
      if (response.status >= 200 && response.status < 300) return { status: response.status, body: (await readJson(response, left())) as T };
      const answer = await readJson(response, left()).catch(() => undefined);
      if (response.status === 401 && !renewed) {
        // The token may have been revoked or rotated early: one fresh token, then give up.
        renewed = true;
        this.cached = undefined;
        continue;
      }
      if ((response.status === 429 || response.status === 503 || response.status === 504) && attempt < MAX_ATTEMPTS) {
        await this.sleep(Math.min(retryAfterMs(response, this.now()) ?? DEFAULT_RETRY_MS * attempt, MAX_RETRY_MS));
        continue;
      }
      throw errorOf(response.status, answer);
    }
  }

  /** Every item of a collection, following @odata.nextLink, up to `max` items. */
  async collect<T>(path: string, max: number): Promise<{ items: T[]; truncated: boolean }> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const { body }: { body: { value?: unknown; '@odata.nextLink'?: unknown } } = await this.call('GET', next);
      if (!Array.isArray(body?.value)) throw new GraphError(200, 'malformed', 'A Microsoft Graph collection came without "value".');
      for (const item of body.value) {
        if (items.length >= max) return { items, truncated: true };
        items.push(item as T);
      }
      next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
    }
    return { items, truncated: false };
  }
}

/** A string literal inside an OData $filter: single quotes doubled, the whole URL-encoded by the caller. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// Reading Microsoft Graph collections within a time budget: GET only, to graph.microsoft.com only, the
// bearer token never sent anywhere else (an @odata.nextLink pointing elsewhere is refused), a few pages
// at most, and throttling answered the way Microsoft asks: on 429 or 503, wait as long as Retry-After
// says and try again, but only while the wait fits in the budget. Never throws: a request that cannot
// be answered in time ends in a failure code the caller turns into "could not be checked".
import { fetchWithTimeout, networkReason, retryAfterMs, type FetchLike } from '../report/http';

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';
export const GRAPH_V1 = `${GRAPH_ORIGIN}/v1.0`;

/** Throttled requests are retried this often at most; after that the part is left unchecked. */
export const MAX_THROTTLE_RETRIES = 2;
/** Without Retry-After, wait this long before the retry (Graph normally sends it). */
const DEFAULT_RETRY_WAIT_MS = 1_000;
/** A page of message metadata is small; anything larger is not what we asked for. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export type GraphFailure = 'throttled' | 'timeout' | 'network' | 'unauthorized' | 'refused' | 'malformed';

export interface GraphPage<T> {
  value: T[];
  /** @odata.count, when asked for with $count=true. */
  count?: number;
  /** @odata.nextLink, only when it points back to Graph. */
  nextLink?: string;
}

export type GraphResult<T> = { ok: true; page: GraphPage<T> } | { ok: false; failure: GraphFailure };

/** The clock the budget runs on; tests hand in their own. */
export interface Budget {
  /** Milliseconds left. */
  remaining(): number;
  sleep(ms: number): Promise<void>;
}

export function wallClockBudget(totalMs: number, now: () => number = Date.now): Budget {
  const deadline = now() + totalMs;
  return {
    remaining: () => Math.max(0, deadline - now()),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

export interface GraphReader {
  fetch: FetchLike;
  token: string;
  budget: Budget;
}

/** True for URLs this reader may send the token to. */
export function isGraphUrl(url: string): boolean {
  return url.startsWith(`${GRAPH_ORIGIN}/`);
}

function failureOfStatus(status: number): GraphFailure {
  if (status === 429 || status === 503) return 'throttled';
  if (status === 401 || status === 403) return 'unauthorized';
  return 'refused';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length > MAX_PAGE_BYTES) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function pageOf<T>(body: unknown): GraphPage<T> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (!Array.isArray(record.value)) return undefined;
  const count = record['@odata.count'];
  const next = record['@odata.nextLink'];
  return {
    value: record.value as T[],
    count: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined,
    nextLink: typeof next === 'string' && isGraphUrl(next) ? next : undefined,
  };
}

/** One GET of a collection page, retried after throttling while the budget allows. */
export async function getPage<T>(reader: GraphReader, url: string): Promise<GraphResult<T>> {
  if (!isGraphUrl(url)) return { ok: false, failure: 'refused' };
  for (let attempt = 0; ; attempt++) {
    const left = reader.budget.remaining();
    if (left <= 0) return { ok: false, failure: 'timeout' };
    let response: Response;
    try {
      response = await fetchWithTimeout(
        reader.fetch,
        url,
        { method: 'GET', headers: { Authorization: `Bearer ${reader.token}`, Accept: 'application/json' } },
        left,
      );
    } catch (error) {
      const reason = networkReason(error);
      return { ok: false, failure: reason === 'network' ? 'network' : 'timeout' };
    }
    if (response.status === 200) {
      const page = pageOf<T>(await readBody(response).catch(() => undefined));
      return page ? { ok: true, page } : { ok: false, failure: 'malformed' };
    }
    const failure = failureOfStatus(response.status);
    if (failure !== 'throttled' || attempt >= MAX_THROTTLE_RETRIES) return { ok: false, failure };
    const wait = retryAfterMs(response) ?? DEFAULT_RETRY_WAIT_MS;
    // Waiting past the budget would only make the pane wait for nothing: leave this part unchecked.
    if (wait >= reader.budget.remaining()) return { ok: false, failure: 'throttled' };
    await reader.budget.sleep(wait);
  }
}

export interface Pages<T> {
  items: T[];
  count?: number;
  /** True when more pages existed than were read. */
  more: boolean;
}

/** Reads up to `maxPages` pages by following @odata.nextLink as Graph hands it out (never rebuilt). */
export async function readPages<T>(reader: GraphReader, url: string, maxPages: number): Promise<{ ok: true; pages: Pages<T> } | { ok: false; failure: GraphFailure }> {
  const items: T[] = [];
  let count: number | undefined;
  let next: string | undefined = url;
  for (let page = 0; page < maxPages && next; page++) {
    const result: GraphResult<T> = await getPage<T>(reader, next);
    if (!result.ok) {
      // What earlier pages gave is still true; the caller marks the rest as more.
      if (page === 0) return result;
      return { ok: true, pages: { items, count, more: true } };
    }
    if (page === 0) count = result.page.count;
    items.push(...result.page.value);
    next = result.page.nextLink;
  }
  return { ok: true, pages: { items, count, more: next !== undefined } };
}

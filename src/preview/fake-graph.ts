// An in-page stand-in for the part of Microsoft Graph the sender-history lookup reads (GET /me/messages
// and /me/mailFolders/sentitems/messages), built from the request and response shapes in Microsoft's
// reference (List messages, $search on messages, query parameters, throttling), so the real client runs
// against it in unit tests and in the preview. It answers the way Graph does:
// - a collection is { "@odata.context", "@odata.count" (with $count=true), "value", "@odata.nextLink" },
//   paged with $top (1-1000) and a $skip that Graph writes into the next link;
// - $select returns the named properties plus id and @odata.etag;
// - $filter understands the comparisons the client sends (receivedDateTime ge/lt, from address eq,
//   'quotes' doubled inside strings) and refuses others; $filter with $orderby obeys Graph's rule that
//   ordered properties lead the filter in the same order, else 400 InefficientFilter;
// - $search is a quoted KQL query of from:/recipients:/to:/participants: words joined by OR, matched
//   against words of names and addresses, newest (sent) first; it cannot be combined with $filter or
//   $orderby;
// - errors are { "error": { "code", "message", "innerError" } }; missing Authorization is 401, a
//   throttled request 429 with Retry-After in seconds.
import type { FetchLike } from '../report/http';

export interface FakeGraphAddress {
  name: string;
  address: string;
}

export interface FakeGraphMessage {
  id: string;
  /** 'sentitems' for mail the user sent; anything else is received mail. */
  folder: 'inbox' | 'sentitems';
  from: FakeGraphAddress;
  toRecipients: FakeGraphAddress[];
  receivedDateTime: string;
  sentDateTime: string;
  internetMessageId: string;
  subject: string;
}

export interface FakeGraphRequest {
  url: string;
  method: string;
  authorization?: string;
}

export interface FakeGraphOptions {
  messages: readonly FakeGraphMessage[];
  /** The bearer token it accepts; any token when undefined. */
  token?: string;
  /** Seconds for a 429's Retry-After when this request (1-based number, URL) should be throttled. */
  throttle?: (requestNumber: number, url: string) => number | undefined;
  /** Milliseconds each answer takes (the preview shows the verdict first, then the history). */
  latencyMs?: number;
}

export interface FakeGraph {
  fetch: FetchLike;
  requests: FakeGraphRequest[];
}

const GRAPH = 'https://graph.microsoft.com/v1.0';
const USER_ID = '5f3c1a2b-0d4e-4f6a-9b8c-7d6e5f4a3b2c';

class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; odata.metadata=minimal', ...headers } });
}

function errorBody(code: string, message: string) {
  return { error: { code, message, innerError: { date: '2026-12-05T09:00:00', 'request-id': 'fake-graph', 'client-request-id': 'fake-graph' } } };
}

type Property = 'receivedDateTime' | 'sentDateTime' | 'from/emailAddress/address';
interface Clause {
  property: Property;
  test: (message: FakeGraphMessage) => boolean;
}

function valueOf(message: FakeGraphMessage, property: Property): string {
  if (property === 'from/emailAddress/address') return message.from.address.toLowerCase();
  return message[property];
}

function parseFilter(filter: string): Clause[] {
  const parts = filter.split(/\s+and\s+/i);
  return parts.map((part): Clause => {
    const date = /^\s*(receivedDateTime|sentDateTime)\s+(ge|gt|le|lt)\s+(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\s*$/i.exec(part);
    if (date) {
      const property = (date[1].toLowerCase() === 'receiveddatetime' ? 'receivedDateTime' : 'sentDateTime') as Property;
      const bound = Date.parse(date[3]);
      const compare = { ge: (a: number) => a >= bound, gt: (a: number) => a > bound, le: (a: number) => a <= bound, lt: (a: number) => a < bound }[date[2].toLowerCase() as 'ge'];
      return { property, test: (message) => compare(Date.parse(valueOf(message, property))) };
    }
    const address = /^\s*from\/emailAddress\/address\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(part);
    if (address) {
      const wanted = address[1].replace(/''/g, "'").toLowerCase();
      return { property: 'from/emailAddress/address', test: (message) => valueOf(message, 'from/emailAddress/address') === wanted };
    }
    throw new GraphError(400, 'BadRequest', `Invalid filter clause: ${part.trim()}`);
  });
}

function parseOrderBy(orderBy: string): { property: Property; descending: boolean }[] {
  return orderBy.split(',').map((entry) => {
    const match = /^\s*(receivedDateTime|sentDateTime|from\/emailAddress\/address)(?:\s+(asc|desc))?\s*$/i.exec(entry);
    if (!match) throw new GraphError(400, 'BadRequest', `Could not find a property named '${entry.trim()}' on type 'microsoft.graph.message'.`);
    const property = (['receivedDateTime', 'sentDateTime', 'from/emailAddress/address'] as Property[]).find((name) => name.toLowerCase() === match[1].toLowerCase())!;
    return { property, descending: (match[2] ?? 'asc').toLowerCase() === 'desc' };
  });
}

/** Graph's rule for messages: ordered properties appear in the filter, first, and in the same order. */
function checkEfficient(clauses: Clause[], order: { property: Property }[]): void {
  const filtered = clauses.map((clause) => clause.property);
  const ordered = order.map((entry) => entry.property);
  const leading = filtered.slice(0, ordered.length);
  if (ordered.some((property, index) => leading[index] !== property)) {
    throw new GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
  }
}

function words(value: string): string[] {
  return value.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** One KQL word against a name or address: a word of it starts with the term, or (CJK) the name contains it. */
function matchesParty(term: string, party: FakeGraphAddress): boolean {
  const lower = term.normalize('NFKC').toLowerCase();
  if (party.address.toLowerCase() === lower) return true;
  if ([...words(party.name), ...words(party.address)].some((word) => word.startsWith(lower))) return true;
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(lower) && party.name.normalize('NFKC').replace(/\s+/g, '').includes(lower);
}

function parseSearch(search: string): (message: FakeGraphMessage) => boolean {
  const quoted = /^"(.*)"$/s.exec(search.trim());
  if (!quoted) throw new GraphError(400, 'BadRequest', 'Syntax error: the $search value must be enclosed in double quotes.');
  const alternatives = quoted[1].split(/\s+OR\s+/).map((alternative) => {
    const match = /^(from|to|recipients|participants):(\S+)$/i.exec(alternative.trim());
    if (!match) throw new GraphError(400, 'BadRequest', `Unsupported search term: ${alternative}`);
    const property = match[1].toLowerCase();
    const term = match[2];
    return (message: FakeGraphMessage) => {
      const parties =
        property === 'from' ? [message.from] : property === 'participants' ? [message.from, ...message.toRecipients] : message.toRecipients;
      return parties.some((party) => matchesParty(term, party));
    };
  });
  return (message) => alternatives.some((test) => test(message));
}

function project(message: FakeGraphMessage, select: string[] | undefined): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: message.id,
    '@odata.etag': `W/"${message.id}"`,
    subject: message.subject,
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    internetMessageId: message.internetMessageId,
    from: { emailAddress: message.from },
    sender: { emailAddress: message.from },
    toRecipients: message.toRecipients.map((emailAddress) => ({ emailAddress })),
  };
  if (!select) return full;
  const out: Record<string, unknown> = { '@odata.etag': full['@odata.etag'], id: message.id };
  for (const name of select) {
    if (!(name in full)) throw new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.message'.`);
    out[name] = full[name];
  }
  return out;
}

function answer(url: URL, messages: readonly FakeGraphMessage[]): Response {
  const path = url.pathname.replace(/\/+$/, '');
  let pool: readonly FakeGraphMessage[];
  if (/^\/v1\.0\/me\/messages$/i.test(path)) pool = messages;
  else if (/^\/v1\.0\/me\/mailFolders\/sentitems\/messages$/i.test(path)) pool = messages.filter((message) => message.folder === 'sentitems');
  else throw new GraphError(404, 'ResourceNotFound', `Resource not found for the segment '${path}'.`);

  const parameters = url.searchParams;
  const top = Number(parameters.get('$top') ?? '10');
  const skip = Number(parameters.get('$skip') ?? '0');
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw new GraphError(400, 'BadRequest', 'Invalid value for $top: between 1 and 1000.');
  if (!Number.isInteger(skip) || skip < 0) throw new GraphError(400, 'BadRequest', 'Invalid value for $skip.');
  const filter = parameters.get('$filter');
  const orderBy = parameters.get('$orderby');
  const search = parameters.get('$search');
  const select = parameters.get('$select')?.split(',').map((name) => name.trim()).filter(Boolean);

  let matched: FakeGraphMessage[];
  if (search !== null) {
    if (filter !== null || orderBy !== null) throw new GraphError(400, 'BadRequest', 'The query parameter $search is not supported with $filter or $orderby.');
    const test = parseSearch(search);
    matched = pool.filter(test).sort((a, b) => Date.parse(b.sentDateTime) - Date.parse(a.sentDateTime));
  } else {
    const clauses = filter !== null ? parseFilter(filter) : [];
    const order = orderBy !== null ? parseOrderBy(orderBy) : [{ property: 'receivedDateTime' as Property, descending: true }];
    if (filter !== null && orderBy !== null) checkEfficient(clauses, order);
    matched = pool.filter((message) => clauses.every((clause) => clause.test(message)));
    matched.sort((a, b) => {
      for (const { property, descending } of order) {
        const left = valueOf(a, property);
        const right = valueOf(b, property);
        if (left !== right) return (left < right ? -1 : 1) * (descending ? -1 : 1);
      }
      return 0;
    });
  }
  const page = matched.slice(skip, skip + top).map((message) => project(message, select));
  const body: Record<string, unknown> = { '@odata.context': `${GRAPH}/$metadata#users('${USER_ID}')/messages${select ? `(${select.join(',')})` : ''}` };
  if (parameters.get('$count') === 'true') body['@odata.count'] = matched.length;
  body.value = page;
  if (skip + top < matched.length) {
    const next = new URL(url.toString());
    next.searchParams.set('$skip', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  return json(200, body);
}

export function createFakeGraph(options: FakeGraphOptions): FakeGraph {
  const requests: FakeGraphRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const headers = new Headers(init.headers);
    const authorization = headers.get('Authorization') ?? undefined;
    requests.push({ url: input, method: init.method ?? 'GET', authorization });
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const url = new URL(input);
    if (url.origin !== 'https://graph.microsoft.com') throw new TypeError('Failed to fetch');
    if (!authorization || !/^Bearer \S+$/.test(authorization) || (options.token !== undefined && authorization !== `Bearer ${options.token}`)) {
      return json(401, errorBody('InvalidAuthenticationToken', 'Access token is empty or invalid.'));
    }
    if ((init.method ?? 'GET') !== 'GET') return json(405, errorBody('ErrorInvalidRequest', 'The OData request is not supported.'));
    const retryAfter = options.throttle?.(requests.length, input);
    if (retryAfter !== undefined) {
      return json(429, errorBody('ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'), { 'Retry-After': String(retryAfter) });
    }
    try {
      return answer(url, options.messages);
    } catch (error) {
      if (error instanceof GraphError) return json(error.status, errorBody(error.code, error.message));
      throw error;
    }
  };
  return { fetch, requests };
}

export interface Correspondence {
  from: FakeGraphAddress;
  to: FakeGraphAddress;
  count: number;
  /** ISO date of the first message. */
  first: string;
  /** Days between two messages. */
  everyDays: number;
  folder?: FakeGraphMessage['folder'];
}

/** A run of messages between two parties at a steady pace: a mailbox's memory of a correspondent. */
export function correspondence(series: Correspondence, idPrefix: string): FakeGraphMessage[] {
  const start = Date.parse(series.first);
  return Array.from({ length: series.count }, (_, index) => {
    const at = new Date(start + index * series.everyDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const id = `${idPrefix}-${index}`;
    return {
      id,
      folder: series.folder ?? 'inbox',
      from: series.from,
      toRecipients: [series.to],
      receivedDateTime: at,
      sentDateTime: at,
      internetMessageId: `<${id}@mail.example>`,
      subject: `Message ${index + 1}`,
    };
  });
}

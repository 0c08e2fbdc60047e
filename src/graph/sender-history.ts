// The pane's look at the user's own mailbox for the sender of the open message (issue: sender history),
// through Microsoft Graph with the signed-in user's token. A few small queries, all GET /me/…, with
// $select naming only senders, recipients and dates (Mail.ReadBasic: never bodies or attachments):
//   1. messages from this exact address: how many ($count) and the earliest few ($orderby ascending);
//   2. the user's Sent Items addressed to it ($search recipients:);
//   3. recent messages whose sender name shares a word with this display name ($search from:), a few
//      pages at most, kept only where the engine's own name comparison says it is the same name;
//      then, for the two namesakes with most messages, their exact count and first date (as in 1).
// Everything runs inside one time budget: the verdict never waits for it, and a part that is throttled
// past the budget or fails is reported as unchecked, never as "nothing found". Results are kept per
// sender for the session (memory only) and never leave the device: the engine reads them in the pane.
import type { MailMessage, Namesake, SenderHistory } from '../engine/model';
import type { ResolvedPolicy } from '../policy/types';
import { namesakeMatcher, personNameParts } from '../engine/sender/namesakes';
import { nameTokens } from '../engine/text/names';
import { normalizeText } from '../engine/text/normalize';
import { skeleton } from '../engine/text/confusables';
import type { FetchLike } from '../report/http';
import { GRAPH_SCOPES, TokenUnavailableError, type TokenProvider } from '../report/tokens';
import { GRAPH_V1, getPage, readPages, wallClockBudget, type Budget, type GraphFailure, type GraphReader } from './reader';

/** The lookup's whole time; the pane shows the verdict at once and adds history when it comes. */
export const HISTORY_BUDGET_MS = 5_000;
/** Earliest messages read from the sender's address: enough to tell 0, 1 or 2 earlier ones exactly. */
const EARLIEST_READ = 4;
/** Sent Items to this address read: one is enough to know the user writes to it. */
const SENT_READ = 5;
/** Page size and pages of the name search: the most recent 150 messages under that name. */
const NAME_PAGE_SIZE = 50;
const NAME_PAGES = 3;
/** Namesakes given exact counts and first dates; the rule shows at most three. */
const NAMESAKES_COUNTED = 2;
const NAMESAKES_KEPT = 5;
/** Words searched for a name: the longest word as written, folded and with look-alike letters replaced. */
const MAX_SEARCH_TERMS = 4;
/** Senders remembered per session; a pane that stays open all day sees a few hundred. */
const CACHE_LIMIT = 200;
/** Addresses we put into a query: a plain addr-spec, nothing that could end a quoted string ('' is doubled). */
const QUERYABLE_ADDRESS = /^[^\s"\\<>()@,;:]{1,64}@[^\s"'\\<>()@,;:]{1,255}$/;

export type HistoryUnavailable = 'no-sender' | 'consent' | 'offline' | 'throttled' | 'timeout' | 'failed';

export type HistoryOutcome = { state: 'checked'; history: SenderHistory } | { state: 'unavailable'; reason: HistoryUnavailable };

export interface SenderHistoryDeps {
  fetch: FetchLike;
  tokens: TokenProvider;
  policy: ResolvedPolicy;
  /** A fresh budget per lookup; the wall clock with HISTORY_BUDGET_MS unless a test hands in its own. */
  budget?: () => Budget;
}

export interface SenderHistoryLookup {
  lookUp(message: MailMessage): Promise<HistoryOutcome>;
}

interface EarliestMessage {
  receivedDateTime?: string;
  internetMessageId?: string;
}

interface FromMessage {
  from?: { emailAddress?: { name?: string; address?: string } };
  receivedDateTime?: string;
}

/** What the mailbox says about one sender, before it is related to a particular message. */
interface SenderRecord {
  received: { total?: number; earliest: EarliestMessage[]; more: boolean };
  sent?: { count: number; more: boolean };
  namesakes?: Namesake[];
}

function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function query(path: string, parameters: Record<string, string>): string {
  const encoded = Object.entries(parameters).map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return `${GRAPH_V1}${path}?${encoded.join('&')}`;
}

/**
 * Messages from one address, oldest first, with the total. Graph refuses $orderby on a property that
 * does not lead the $filter (InefficientFilter), hence the always-true date condition in front.
 */
function fromAddressUrl(address: string, top: number): string {
  return query('/me/messages', {
    $filter: `receivedDateTime ge 1900-01-01T00:00:00Z and from/emailAddress/address eq ${odataString(address)}`,
    $orderby: 'receivedDateTime asc',
    $select: 'receivedDateTime,internetMessageId',
    $top: String(top),
    $count: 'true',
  });
}

function sentToUrl(address: string): string {
  return query('/me/mailFolders/sentitems/messages', { $search: `"recipients:${address}"`, $select: 'sentDateTime', $top: String(SENT_READ) });
}

/** KQL words for the name search: letters and digits only, so nothing in a name can change the query. */
export function searchTermsFor(displayName: string, policy: ResolvedPolicy): string[] {
  const [part] = personNameParts(displayName, policy);
  if (!part) return [];
  const word = /^[\p{L}\p{N}]{2,40}$/u;
  const raw = normalizeText(part).replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ').filter((token) => word.test(token));
  const folded = nameTokens(part).filter((token) => word.test(token));
  const longest = (tokens: string[]) => tokens.reduce<string | undefined>((best, token) => (!best || Array.from(token).length > Array.from(best).length ? token : best), undefined);
  const terms = new Set<string>();
  const add = (term: string | undefined) => {
    if (term && word.test(term)) terms.add(term);
  };
  add(longest(raw));
  const main = longest(folded);
  add(main);
  if (main) add(skeleton(main));
  // 渡辺隆 written without a space: its first two characters are most likely the family name.
  if (main && /^\p{Script=Han}{3,}$/u.test(main)) add(Array.from(main).slice(0, 2).join(''));
  return [...terms].slice(0, MAX_SEARCH_TERMS);
}

function nameSearchUrl(terms: readonly string[]): string {
  return query('/me/messages', { $search: `"${terms.map((term) => `from:${term}`).join(' OR ')}"`, $select: 'from,receivedDateTime', $top: String(NAME_PAGE_SIZE) });
}

function unavailableFor(failure: GraphFailure): HistoryUnavailable {
  switch (failure) {
    case 'throttled':
    case 'timeout':
      return failure;
    case 'network':
      return 'offline';
    case 'unauthorized':
      return 'consent';
    default:
      return 'failed';
  }
}

function tokenUnavailable(error: unknown): HistoryUnavailable {
  if (!(error instanceof TokenUnavailableError)) return 'failed';
  if (error.code === 'network') return 'offline';
  if (error.code === 'unavailable') return 'failed';
  return 'consent';
}

function isoOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(Date.parse(value)).toISOString() : undefined;
}

function messageIdKey(value: string | undefined): string {
  return (value ?? '').trim().replace(/^<|>$/g, '');
}

async function countFrom(reader: GraphReader, address: string, top: number): Promise<{ ok: true; record: SenderRecord['received'] } | { ok: false; failure: GraphFailure }> {
  const result = await getPage<EarliestMessage>(reader, fromAddressUrl(address, top));
  if (!result.ok) return result;
  const earliest = result.page.value.slice(0, top).map((entry) => ({
    receivedDateTime: isoOrUndefined(entry?.receivedDateTime),
    internetMessageId: typeof entry?.internetMessageId === 'string' ? entry.internetMessageId : undefined,
  }));
  return { ok: true, record: { total: result.page.count, earliest, more: result.page.nextLink !== undefined } };
}

async function namesakesOf(reader: GraphReader, message: MailMessage, address: string, policy: ResolvedPolicy): Promise<Namesake[] | undefined> {
  const sameName = namesakeMatcher(message.from?.name ?? '', policy);
  const terms = searchTermsFor(message.from?.name ?? '', policy);
  // A team, a brand or a single word names nobody: there is nobody to compare with.
  if (!sameName || terms.length === 0) return [];
  const found = await readPages<FromMessage>(reader, nameSearchUrl(terms), NAME_PAGES);
  if (!found.ok) return undefined;
  const byAddress = new Map<string, Namesake>();
  for (const entry of found.pages.items.slice(0, NAME_PAGE_SIZE * NAME_PAGES)) {
    const other = entry?.from?.emailAddress;
    const otherAddress = typeof other?.address === 'string' ? other.address.trim().toLowerCase() : '';
    const name = typeof other?.name === 'string' ? other.name.trim() : '';
    if (!otherAddress || otherAddress === address || !name) continue;
    const since = isoOrUndefined(entry.receivedDateTime);
    const known = byAddress.get(otherAddress);
    if (known) {
      known.count += 1;
      if (since && (!known.since || since < known.since)) known.since = since;
    } else if (sameName(name)) {
      // Results come newest first: the name kept is the one the address uses now.
      byAddress.set(otherAddress, { name, address: otherAddress, count: 1, ...(since ? { since } : {}), ...(found.pages.more ? { more: true } : {}) });
    }
  }
  const namesakes = [...byAddress.values()].sort((a, b) => b.count - a.count).slice(0, NAMESAKES_KEPT);
  // The search saw only recent mail: count the leading namesakes exactly, with their first date.
  await Promise.all(
    namesakes.slice(0, NAMESAKES_COUNTED).map(async (namesake) => {
      if (!QUERYABLE_ADDRESS.test(namesake.address)) return;
      const exact = await countFrom(reader, namesake.address, 1);
      if (!exact.ok || exact.record.total === undefined) return;
      namesake.count = Math.max(namesake.count, exact.record.total);
      delete namesake.more;
      const first = exact.record.earliest[0]?.receivedDateTime;
      if (first) namesake.since = first;
    }),
  );
  return namesakes.sort((a, b) => b.count - a.count);
}

async function sentTo(reader: GraphReader, address: string): Promise<SenderRecord['sent']> {
  const result = await getPage<unknown>(reader, sentToUrl(address));
  if (!result.ok) return undefined;
  return { count: Math.min(result.page.value.length, SENT_READ), more: result.page.nextLink !== undefined };
}

/** The record, related to one message: messages before it, without it. */
function historyFor(message: MailMessage, address: string, record: SenderRecord): SenderHistory {
  const current = messageIdKey(message.messageId);
  const others = record.received.earliest.filter((entry) => !current || messageIdKey(entry.internetMessageId) !== current);
  const seenCurrent = others.length < record.received.earliest.length;
  const total = record.received.total;
  // Fewer than EARLIEST_READ in all: every one was read, so the count is exact either way.
  const count = total === undefined ? others.length : Math.max(0, total - (seenCurrent || total > record.received.earliest.length ? 1 : 0));
  const unchecked: NonNullable<SenderHistory['unchecked']> = [];
  if (!record.sent) unchecked.push('sent');
  if (!record.namesakes) unchecked.push('namesakes');
  return {
    address,
    received: {
      count,
      ...(total === undefined && record.received.more ? { more: true } : {}),
      ...(others[0]?.receivedDateTime ? { since: others[0].receivedDateTime } : {}),
    },
    sent: record.sent ? { count: record.sent.count, ...(record.sent.more ? { more: true } : {}) } : { count: 0 },
    namesakes: record.namesakes ?? [],
    ...(unchecked.length > 0 ? { unchecked } : {}),
  };
}

export function createSenderHistoryLookup(deps: SenderHistoryDeps): SenderHistoryLookup {
  const cache = new Map<string, SenderRecord>();
  const budgetFor = deps.budget ?? (() => wallClockBudget(HISTORY_BUDGET_MS));

  async function collect(message: MailMessage, address: string): Promise<SenderRecord | HistoryUnavailable> {
    let token: string;
    try {
      token = await deps.tokens.getToken(GRAPH_SCOPES.readBasic);
    } catch (error) {
      return tokenUnavailable(error);
    }
    const reader: GraphReader = { fetch: deps.fetch, token, budget: budgetFor() };
    const [received, sent, namesakes] = await Promise.all([
      countFrom(reader, address, EARLIEST_READ),
      sentTo(reader, address),
      namesakesOf(reader, message, address, deps.policy),
    ]);
    if (!received.ok) return unavailableFor(received.failure);
    return { received: received.record, sent, namesakes };
  }

  return {
    async lookUp(message) {
      const address = (message.from?.address ?? '').trim().toLowerCase();
      if (!QUERYABLE_ADDRESS.test(address)) return { state: 'unavailable', reason: 'no-sender' };
      const key = `${address}\n${message.from?.name ?? ''}`;
      let record = cache.get(key);
      if (!record) {
        const collected = await collect(message, address);
        if (typeof collected === 'string') return { state: 'unavailable', reason: collected };
        record = collected;
        // Only complete answers are kept; a throttled part is asked again next time.
        if (record.sent && record.namesakes) {
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
          cache.set(key, record);
        }
      }
      return { state: 'checked', history: historyFor(message, address, record) };
    },
  };
}

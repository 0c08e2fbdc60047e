import type { MailMessage } from '../../src/engine/model';
import { analyze } from '../../src/engine/analyze';
import { createSenderHistoryLookup, searchTermsFor, type SenderHistoryDeps } from '../../src/graph/sender-history';
import { getPage, readPages, type Budget } from '../../src/graph/reader';
import { correspondence, createFakeGraph, type FakeGraphMessage, type FakeGraphOptions } from '../../src/preview/fake-graph';
import { TokenUnavailableError, type TokenProvider } from '../../src/report/tokens';
import type { FetchLike } from '../../src/report/http';
import { makePolicy } from '../engine/sender/policy';
import { mail } from '../engine/sender/message';

const ME = { name: 'Hanako Ito', address: 'h.ito@kaiyo-inst.or.jp' };
const WATANABE = { name: '渡辺 隆', address: 't.watanabe@tiss.or.jp' };
const LURE = { name: '渡邊 隆', address: 'watanabe.tiss@gmail.com' };
const LURE_ID = '<CAJ7x2qPk3bN9m@mail.gmail.com>';

/** 212 messages from 渡辺 隆 since April 2021, 15 replies, and the lure itself (already in the inbox). */
function mailbox(extra: FakeGraphMessage[] = []): FakeGraphMessage[] {
  return [
    ...correspondence({ from: WATANABE, to: ME, count: 212, first: '2021-04-05T01:00:00Z', everyDays: 7 }, 'tw'),
    ...correspondence({ from: ME, to: WATANABE, count: 15, first: '2021-05-01T02:00:00Z', everyDays: 60, folder: 'sentitems' }, 'sent'),
    ...correspondence({ from: { name: 'Aiko Mori', address: 'a.mori@jiia.or.jp' }, to: ME, count: 30, first: '2024-01-10T03:00:00Z', everyDays: 14 }, 'am'),
    { ...correspondence({ from: LURE, to: ME, count: 1, first: '2026-12-04T23:00:00Z', everyDays: 1 }, 'lure')[0], internetMessageId: LURE_ID },
    ...extra,
  ];
}

function lureMessage(): MailMessage {
  return mail({ from: `${LURE.name} <${LURE.address}>`, messageId: LURE_ID, subject: '非公開研究会のご案内' });
}

function fakeBudget(total = 5_000): Budget & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    remaining: () => Math.max(0, total - now),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

const tokens: TokenProvider = { getToken: async (scopes) => (scopes.join(' ') === 'Mail.ReadBasic' ? 'token-readbasic' : 'wrong-scope') };

function setUp(options: Partial<FakeGraphOptions> = {}, deps: Partial<SenderHistoryDeps> = {}) {
  const graph = createFakeGraph({ messages: mailbox(), token: 'token-readbasic', ...options });
  const budget = fakeBudget();
  const lookup = createSenderHistoryLookup({ fetch: graph.fetch, tokens, policy: makePolicy(), budget: () => budget, ...deps });
  return { graph, budget, lookup };
}

describe('sender history through Microsoft Graph', () => {
  it('finds that the lure is the first message from its address and that the name writes from elsewhere', async () => {
    const { lookup } = setUp();
    const outcome = await lookup.lookUp(lureMessage());
    expect(outcome).toEqual({
      state: 'checked',
      history: {
        address: 'watanabe.tiss@gmail.com',
        received: { count: 0 },
        sent: { count: 0 },
        namesakes: [{ name: '渡辺 隆', address: 't.watanabe@tiss.or.jp', count: 212, since: '2021-04-05T01:00:00.000Z' }],
      },
    });
    const message = { ...lureMessage(), senderHistory: outcome.state === 'checked' ? outcome.history : undefined };
    const finding = analyze(message, makePolicy()).findings.find((entry) => entry.rule === 'sender-history');
    expect(finding?.severity).toBe('high');
    expect(JSON.stringify(finding?.evidence)).toContain('渡辺 隆 usually writes from t.watanabe@tiss.or.jp (212 messages since 2021)');
  });

  it('asks only Graph, only GET /me/…, with $select and $top, and a handful of requests', async () => {
    const { graph, lookup } = setUp();
    await lookup.lookUp(lureMessage());
    expect(graph.requests.length).toBeGreaterThan(2);
    expect(graph.requests.length).toBeLessThanOrEqual(7);
    for (const request of graph.requests) {
      expect(request.method).toBe('GET');
      expect(request.url.startsWith('https://graph.microsoft.com/v1.0/me/')).toBe(true);
      expect(request.authorization).toBe('Bearer token-readbasic');
      const parameters = new URL(request.url).searchParams;
      expect(parameters.get('$select')).toMatch(/^(receivedDateTime,internetMessageId|sentDateTime|from,receivedDateTime)$/);
      expect(Number(parameters.get('$top'))).toBeLessThanOrEqual(50);
    }
  });

  it('counts an established correspondent’s earlier mail without the open message, and since when', async () => {
    const { lookup } = setUp();
    const message = mail({ from: `${WATANABE.name} <${WATANABE.address}>`, messageId: '<tw-211@mail.example>' });
    const outcome = await lookup.lookUp(message);
    expect(outcome.state === 'checked' && outcome.history.received).toEqual({ count: 211, since: '2021-04-05T01:00:00.000Z' });
    expect(outcome.state === 'checked' && outcome.history.sent).toEqual({ count: 5, more: true });
  });

  it('counts exactly when the open message is not in the user’s own mailbox (a shared one)', async () => {
    const { lookup } = setUp({ messages: mailbox().filter((message) => message.internetMessageId !== LURE_ID) });
    const outcome = await lookup.lookUp(lureMessage());
    expect(outcome.state === 'checked' && outcome.history.received).toEqual({ count: 0 });
  });

  it('sees a second message from the new address as one earlier message', async () => {
    const followUp = correspondence({ from: LURE, to: ME, count: 1, first: '2026-11-20T01:00:00Z', everyDays: 1 }, 'earlier');
    const { lookup } = setUp({ messages: mailbox(followUp) });
    const outcome = await lookup.lookUp(lureMessage());
    expect(outcome.state === 'checked' && outcome.history.received).toEqual({ count: 1, since: '2026-11-20T01:00:00.000Z' });
  });

  it('waits as long as Retry-After says when throttled, then carries on', async () => {
    const { lookup, budget, graph } = setUp({ throttle: (number) => (number === 1 ? 2 : undefined) });
    const outcome = await lookup.lookUp(lureMessage());
    expect(budget.sleeps).toEqual([2_000]);
    expect(graph.requests.length).toBeGreaterThan(3);
    expect(outcome.state === 'checked' && outcome.history.unchecked).toBeUndefined();
  });

  it('leaves a part unchecked rather than wait past its budget', async () => {
    const { lookup, budget } = setUp({ throttle: (_number, url) => (url.includes('sentitems') ? 120 : undefined) });
    const outcome = await lookup.lookUp(lureMessage());
    expect(budget.sleeps).toEqual([]);
    expect(outcome.state === 'checked' && outcome.history.unchecked).toEqual(['sent']);
  });

  it('says the history could not be checked when Graph keeps throttling the main question', async () => {
    const { lookup } = setUp({ throttle: (_number, url) => (url.includes('%24filter') || url.includes('$filter') ? 1 : undefined) });
    expect(await lookup.lookUp(lureMessage())).toEqual({ state: 'unavailable', reason: 'throttled' });
  });

  it('follows @odata.nextLink for the name search, at most three pages', async () => {
    const busy = correspondence({ from: { name: 'Watanabe Takashi', address: 'watanabe@other-lab.example' }, to: ME, count: 400, first: '2025-01-01T00:00:00Z', everyDays: 0.5 }, 'busy');
    const { lookup, graph } = setUp({ messages: mailbox(busy) });
    await lookup.lookUp(mail({ from: 'Takashi Watanabe <watanabe.t@gmail.com>' }));
    const searches = graph.requests.filter((request) => new URL(request.url).searchParams.has('$search') && request.url.includes('from%3A'));
    expect(searches.map((request) => new URL(request.url).searchParams.get('$skip'))).toEqual([null, '50', '100']);
  });

  it('never follows a next link away from Graph and never sends the token elsewhere', async () => {
    const seen: string[] = [];
    const fetch: FetchLike = async (url) => {
      seen.push(url);
      return new Response(JSON.stringify({ value: [{ id: 1 }], '@odata.nextLink': 'https://evil.example/steal' }), { status: 200 });
    };
    const result = await readPages({ fetch, token: 't', budget: fakeBudget() }, 'https://graph.microsoft.com/v1.0/me/messages?$top=1', 3);
    expect(result).toEqual({ ok: true, pages: { items: [{ id: 1 }], count: undefined, more: false } });
    expect(seen).toEqual(['https://graph.microsoft.com/v1.0/me/messages?$top=1']);
    expect(await getPage({ fetch, token: 't', budget: fakeBudget() }, 'https://evil.example/x')).toEqual({ ok: false, failure: 'refused' });
  });

  it.each<[string, TokenProvider, FetchLike | undefined, string]>([
    ['consent refused', { getToken: async () => Promise.reject(new TokenUnavailableError('consent-denied', false)) }, undefined, 'consent'],
    ['sign-in needed', { getToken: async () => Promise.reject(new TokenUnavailableError('interaction-required', true)) }, undefined, 'consent'],
    ['offline before the token', { getToken: async () => Promise.reject(new TokenUnavailableError('network', true)) }, undefined, 'offline'],
    ['offline', tokens, async () => Promise.reject(new TypeError('Failed to fetch')), 'offline'],
    ['permission missing (403)', tokens, async () => new Response('{"error":{"code":"ErrorAccessDenied"}}', { status: 403 }), 'consent'],
  ])('says why it could not check: %s', async (_case, provider, fetch, reason) => {
    const { lookup } = setUp({}, { tokens: provider, ...(fetch ? { fetch } : {}) });
    expect(await lookup.lookUp(lureMessage())).toEqual({ state: 'unavailable', reason });
  });

  it('gives up when Graph answers too slowly for the budget', async () => {
    const slow: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))));
    const lookup = createSenderHistoryLookup({ fetch: slow, tokens, policy: makePolicy(), budget: () => ({ remaining: () => 30, sleep: async () => undefined }) });
    expect(await lookup.lookUp(lureMessage())).toEqual({ state: 'unavailable', reason: 'timeout' });
  });

  it('asks once per sender per session, and relates the answer to each message', async () => {
    const { lookup, graph } = setUp();
    const first = await lookup.lookUp(mail({ from: `${WATANABE.name} <${WATANABE.address}>`, messageId: '<tw-211@mail.example>' }));
    const asked = graph.requests.length;
    const second = await lookup.lookUp(mail({ from: `${WATANABE.name} <${WATANABE.address}>`, messageId: '<tw-0@mail.example>' }));
    expect(graph.requests.length).toBe(asked);
    expect(first.state === 'checked' && first.history.received.count).toBe(211);
    expect(second.state === 'checked' && second.history.received).toEqual({ count: 211, since: '2021-04-12T01:00:00.000Z' });
  });

  it('does not ask about a message without a usable sender address', async () => {
    const { lookup, graph } = setUp();
    expect(await lookup.lookUp(mail({ from: '渡辺 隆 <not an address>' }))).toEqual({ state: 'unavailable', reason: 'no-sender' });
    expect(graph.requests).toEqual([]);
  });

  it('quotes an apostrophe in an address the way OData wants it', async () => {
    const obrien = correspondence({ from: { name: 'Sean O’Brien', address: "s.o'brien@example.ie" }, to: ME, count: 3, first: '2025-05-01T00:00:00Z', everyDays: 3 }, 'ob');
    const { lookup } = setUp({ messages: mailbox(obrien) });
    const outcome = await lookup.lookUp(mail({ from: "Sean O'Brien <s.o'brien@example.ie>", messageId: '<ob-2@mail.example>' }));
    expect(outcome.state === 'checked' && outcome.history.received.count).toBe(2);
  });

  it('searches a name by letters only, as written, folded and without look-alike letters', () => {
    expect(searchTermsFor('Dr. Tаkashi Wаtanabe (TISS)', makePolicy())).toEqual(['wаtanabe', 'watanabe']);
    expect(searchTermsFor('渡邊隆', makePolicy())).toEqual(['渡邊隆', '渡辺隆', '渡辺']);
    // Nothing in a name can add a KQL property, an operator or a quote to the query.
    const hostile = searchTermsFor('"x\\" OR participants:everyone" Kenji Sato', makePolicy());
    expect(hostile.length).toBeGreaterThan(0);
    for (const term of hostile) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(searchTermsFor('Customer Support', makePolicy())).toEqual([]);
  });
});

describe('the fake Graph keeps Graph’s rules', () => {
  const graph = createFakeGraph({ messages: mailbox() });
  const get = (query: string) => graph.fetch(`https://graph.microsoft.com/v1.0/me/messages?${query}`, { method: 'GET', headers: { Authorization: 'Bearer x' } });

  it('refuses $orderby on a property that does not lead the $filter (InefficientFilter)', async () => {
    const response = await get(`$filter=${encodeURIComponent("from/emailAddress/address eq 'a@b.c'")}&$orderby=receivedDateTime%20asc`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('InefficientFilter');
  });

  it('refuses $search together with $filter, and requests without a token', async () => {
    expect((await get(`$search=%22from:x%22&$filter=${encodeURIComponent("from/emailAddress/address eq 'a@b.c'")}`)).status).toBe(400);
    expect((await graph.fetch('https://graph.microsoft.com/v1.0/me/messages', { method: 'GET' })).status).toBe(401);
  });

  it('answers 429 with Retry-After in seconds when throttling', async () => {
    const throttled = createFakeGraph({ messages: [], throttle: () => 7 });
    const response = await throttled.fetch('https://graph.microsoft.com/v1.0/me/messages', { method: 'GET', headers: { Authorization: 'Bearer x' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('7');
  });
});

import type { ReportingPolicy } from '../../src/policy/types';
import type { ReportItem } from '../../src/report/item';
import { Outbox } from '../../src/report/outbox';
import { createPaneReporter } from '../../src/report/pane-reporter';
import { buildReportSubmission } from '../../src/report/payload';
import { ReportService } from '../../src/report/service';
import { memoryStore, type KeyValueStore } from '../../src/report/stores';
import type { TokenProvider } from '../../src/report/tokens';
import { ENDPOINT_TOKEN, GRAPH_TOKEN, fakeItem, fixture, instantSleep, json, recordingFetch, type Responder } from './support';

const reporting: ReportingPolicy = {
  endpointUrl: 'https://lurelens.example.or.jp/api/reports',
  endpointToken: ENDPOINT_TOKEN,
  securityMailbox: 'security@example.or.jp',
  entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73',
  channels: ['endpoint', 'compose'],
  afterReport: 'junk',
};
const graphTokens: TokenProvider = { getToken: async () => GRAPH_TOKEN };
const eml = fixture('original.eml').toString('base64');

function reporter(responder: Responder, options: { item?: ReportItem | undefined; tokens?: TokenProvider; store?: KeyValueStore; policy?: ReportingPolicy } = {}) {
  const fetch = recordingFetch(responder);
  const policy = options.policy ?? reporting;
  const service = new ReportService({ reporting: policy, fetch, store: options.store ?? memoryStore(), sleep: instantSleep(), random: () => 0, log: () => undefined, tokens: options.tokens });
  const item = 'item' in options ? options.item : fakeItem({ eml });
  const paneReporter = createPaneReporter({
    service,
    reporting: policy,
    currentItem: () => item,
    reporter: () => ({ address: 'k.watanabe@example.or.jp', name: '渡辺 健二' }),
    tokens: options.tokens,
    fetch,
  });
  return { paneReporter, fetch };
}

describe('the task pane reporter', () => {
  it('delivers, then moves the message to Junk through Graph, and says both in English and Japanese', async () => {
    const { paneReporter, fetch } = reporter(
      (request) => (request.url.endsWith('/move') ? json(201, { id: 'x' }) : json(201, { id: 'rep_5', duplicate: false, statusToken: 'st' })),
      { tokens: graphTokens },
    );
    const outcome = await paneReporter.report({ reasons: ['impersonation'] });
    expect(outcome).toEqual({
      status: 'delivered',
      channel: 'endpoint',
      destination: 'lurelens.example.or.jp',
      reportId: 'rep_5',
      moved: 'junk',
      message: {
        en: 'Reported to your security team. Thank you. The message was moved to Junk Email.',
        ja: 'セキュリティ担当に報告しました。ご協力ありがとうございます。メッセージは迷惑メール フォルダーに移動しました。',
      },
    });
    expect(fetch.requests.map((request) => request.url)).toEqual([
      'https://lurelens.example.or.jp/api/reports',
      'https://graph.microsoft.com/v1.0/me/messages/AAMkAGI2TG93AAA-/move',
    ]);
  });

  it('says so plainly when the message could not be moved', async () => {
    const { paneReporter } = reporter(() => json(201, { id: 'rep_5', duplicate: false, statusToken: 'st' }));
    const outcome = await paneReporter.report({ reasons: [] });
    expect(outcome.moved).toBeUndefined();
    expect(outcome.message.en).toContain('could not be moved automatically and is still in its folder');
  });

  it('never moves the message when the report is only queued', async () => {
    const { paneReporter, fetch } = reporter(() => json(503, { message: 'down' }), { tokens: graphTokens });
    const outcome = await paneReporter.report({ reasons: [] });
    expect(outcome.status).toBe('queued');
    expect(outcome.moved).toBeUndefined();
    expect(outcome.message.en).toContain('will be sent automatically the next time you open Lure Lens');
    expect(outcome.message.en).toContain('has not been moved or deleted');
    expect(fetch.requests.some((request) => request.url.includes('/move'))).toBe(false);
  });

  it('reports a refusal with the service’s words and leaves the message alone', async () => {
    const { paneReporter, fetch } = reporter(() => json(422, { error: 'invalid', message: 'eml: not a message' }), {
      tokens: graphTokens,
      policy: { ...reporting, securityMailbox: undefined },
    });
    const outcome = await paneReporter.report({ reasons: [] });
    expect(outcome.status).toBe('failed');
    expect(outcome.message.en).toContain('refused the report: "eml: not a message"');
    expect(outcome.message.ja).toContain('「eml: not a message」');
    expect(fetch.requests.some((request) => request.url.includes('/move'))).toBe(false);
  });

  it('fails without touching anything when no message is open', async () => {
    const { paneReporter, fetch } = reporter(() => json(201, {}), { item: undefined });
    const outcome = await paneReporter.report({ reasons: [] });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.message.en).toContain('could not read this message');
    expect(fetch.requests).toHaveLength(0);
  });

  it('flushes the outbox, taking a too-big .eml again from the open message when it is the same item', async () => {
    const store = memoryStore();
    const item = fakeItem({ eml });
    const queued = await buildReportSubmission({ item, reporter: { address: 'k.watanabe@example.or.jp' }, request: { reasons: ['other'] } });
    const outbox = new Outbox(store, { maxInlineEmlChars: 10 });
    expect(await outbox.put(queued)).toEqual({ kept: true, emlKept: false });
    const { paneReporter, fetch } = reporter(() => json(201, { id: 'rep_6', duplicate: false, statusToken: 'st' }), { store, item });
    expect(await paneReporter.pending()).toEqual([
      { key: queued.submission.key, subject: '【要確認】日中関係に関する研究会のご案内', queuedAt: expect.any(String), attempts: 0, state: 'pending' },
    ]);
    expect(await paneReporter.flushOutbox()).toBe(1);
    const sent = JSON.parse(fetch.requests[0].body as string);
    expect(sent.key).toBe(queued.submission.key);
    expect(sent.eml).toBe(eml);
    expect(sent.reasons).toEqual(['other']);
    expect(await paneReporter.pending()).toEqual([]);
  });
});

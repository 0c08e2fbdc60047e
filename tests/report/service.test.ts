import type { ReportingPolicy } from '../../src/policy/types';
import { Outbox, OUTBOX_PREFIX } from '../../src/report/outbox';
import { buildReportSubmission, type PreparedReport } from '../../src/report/payload';
import { ReportService, planChannels, type ReportServiceDeps } from '../../src/report/service';
import { memoryStore, type KeyValueStore } from '../../src/report/stores';
import type { TokenProvider } from '../../src/report/tokens';
import { ENDPOINT_TOKEN, GRAPH_TOKEN, empty, fakeItem, fixture, instantSleep, json, recordingFetch, type Responder } from './support';

const endpointOnly: ReportingPolicy = { endpointUrl: 'https://lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN, afterReport: 'junk' };
const everything: ReportingPolicy = {
  ...endpointOnly,
  securityMailbox: 'security@example.or.jp',
  entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73',
};
const graphTokens: TokenProvider = { getToken: async () => GRAPH_TOKEN };

async function prepared(item = fakeItem({ eml: fixture('original.eml').toString('base64') })): Promise<PreparedReport> {
  return buildReportSubmission({ item, reporter: { address: 'k.watanabe@example.or.jp' }, request: { reasons: ['impersonation'], comment: '研究会？' } });
}

function service(reporting: ReportingPolicy, responder: Responder, extra: Partial<ReportServiceDeps> = {}) {
  const fetch = recordingFetch(responder);
  const sleep = instantSleep();
  const store = extra.store ?? memoryStore();
  const svc = new ReportService({ reporting, fetch, store, sleep, random: () => 0.5, log: () => undefined, ...extra });
  return { svc, fetch, sleep, store };
}

describe('choosing channels', () => {
  it('follows the policy order, keeps only configured channels, and puts compose last', () => {
    expect(planChannels(everything, { tokens: true, compose: true })).toEqual({ automatic: ['endpoint', 'mailbox'], compose: 'security@example.or.jp' });
    expect(planChannels({ ...everything, channels: ['mailbox', 'endpoint', 'compose'] }, { tokens: true, compose: true }).automatic).toEqual(['mailbox', 'endpoint']);
    expect(planChannels(everything, { tokens: false, compose: false })).toEqual({ automatic: ['endpoint'] });
    expect(planChannels({ securityMailbox: 'security@example.or.jp' }, { tokens: true, compose: true })).toEqual({ automatic: [], compose: 'security@example.or.jp' });
  });
});

describe('retries and idempotency', () => {
  it('retries transient failures with backoff, sending the same key every time, then delivers', async () => {
    const { svc, fetch, sleep } = service(endpointOnly, (_, index) =>
      index < 2 ? json(503, { message: 'busy' }) : json(201, { id: 'rep_9', duplicate: false, statusToken: 'st_9' }),
    );
    const report = await prepared();
    const result = await svc.submit(report);
    expect(result).toMatchObject({ status: 'delivered', channel: 'endpoint', destination: 'lurelens.example.or.jp', reportId: 'rep_9' });
    expect(fetch.requests).toHaveLength(3);
    const keys = fetch.requests.map((request) => JSON.parse(request.body as string).key);
    expect(new Set(keys)).toEqual(new Set([report.submission.key]));
    // Full jitter: half of 1 s, then half of 2 s.
    expect(sleep.waits).toEqual([500, 1000]);
    expect(await svc.outbox.list()).toEqual([]);
    expect((await svc.receipts.list()).map((receipt) => [receipt.reportId, receipt.statusToken])).toEqual([['rep_9', 'st_9']]);
  });

  it('stops after three attempts and queues the report in the outbox, untouched otherwise', async () => {
    const { svc, fetch } = service(endpointOnly, () => new TypeError('Failed to fetch'));
    const report = await prepared();
    expect(await svc.submit(report)).toEqual({ status: 'queued', channel: 'endpoint', destination: 'lurelens.example.or.jp' });
    expect(fetch.requests).toHaveLength(3);
    const [entry] = await svc.outbox.list();
    expect(entry).toMatchObject({ key: report.submission.key, state: 'pending', attempts: 1, lastError: 'network' });
    expect(entry.submission.eml).toBe(report.submission.eml);
    expect(entry.leaseUntil).toBeUndefined();
  });

  it('does not wait out a long Retry-After in the pane; the outbox takes it', async () => {
    const { svc, fetch } = service(endpointOnly, () => json(429, { message: 'slow down' }, { 'retry-after': '600' }));
    expect((await svc.submit(await prepared())).status).toBe('queued');
    expect(fetch.requests).toHaveLength(1);
  });

  it('fails at once on a permanent refusal, with the server’s message, and keeps nothing', async () => {
    const { svc, fetch } = service(endpointOnly, () => json(401, { error: 'unauthorized', message: 'The bearer token is not valid.' }));
    expect(await svc.submit(await prepared())).toEqual({
      status: 'failed',
      channel: 'endpoint',
      destination: 'lurelens.example.or.jp',
      problem: 'rejected',
      serverMessage: 'The bearer token is not valid.',
    });
    expect(fetch.requests).toHaveLength(1);
    expect(await svc.outbox.list()).toEqual([]);
  });

  it('falls through to the mailbox channel when the endpoint refuses', async () => {
    const { svc, fetch } = service(everything, (request) => (request.url.includes('lurelens') ? json(403, { message: 'no' }) : empty(202)), { tokens: graphTokens });
    expect(await svc.submit(await prepared())).toMatchObject({ status: 'delivered', channel: 'mailbox', destination: 'security@example.or.jp' });
    expect(fetch.requests.map((request) => request.url)).toEqual(['https://lurelens.example.or.jp/api/reports', 'https://graph.microsoft.com/v1.0/me/sendMail']);
  });

  it('opens the compose form only when no automatic channel can take it', async () => {
    const opened: unknown[] = [];
    const compose = { open: async (form: unknown) => void opened.push(form) };
    const { svc } = service({ securityMailbox: 'security@example.or.jp' }, () => empty(500), { compose });
    const report = await prepared();
    expect(await svc.submit(report)).toEqual({ status: 'compose-opened', channel: 'compose', destination: 'security@example.or.jp' });
    expect(opened).toHaveLength(1);
    expect(await svc.outbox.list()).toEqual([]);
  });

  it('says reporting is not set up when nothing is configured', async () => {
    const { svc, fetch } = service({}, () => empty(500));
    expect(await svc.submit(await prepared())).toEqual({ status: 'failed', problem: 'not-configured' });
    expect(fetch.requests).toHaveLength(0);
  });

  it('does not promise "queued" when the store cannot keep the report', async () => {
    const full: KeyValueStore = { ...memoryStore(), set: async () => Promise.reject(new Error('QuotaExceededError')) };
    const { svc } = service(endpointOnly, () => new TypeError('offline'), { store: full });
    expect(await svc.submit(await prepared())).toEqual({ status: 'failed', problem: 'not-saved' });
  });
});

describe('the outbox across a reload', () => {
  it('survives new instances over the same store and is delivered by flush with the original key', async () => {
    const store = memoryStore();
    const offline = service(endpointOnly, () => new TypeError('offline'), { store });
    const report = await prepared();
    expect((await offline.svc.submit(report)).status).toBe('queued');

    // "Reload": new service, new outbox object, same storage.
    const online = service(endpointOnly, () => json(201, { id: 'rep_1', duplicate: false, statusToken: 'st_1' }), { store });
    expect((await online.svc.outbox.list()).map((entry) => entry.key)).toEqual([report.submission.key]);
    const result = await online.svc.flush(async () => undefined);
    expect(result).toEqual({ delivered: 1, remaining: 0 });
    expect(JSON.parse(online.fetch.requests[0].body as string)).toEqual(report.submission);
    expect(await new Outbox(store).list()).toEqual([]);
    expect((await online.svc.receipts.list())[0]).toMatchObject({ reportId: 'rep_1', statusToken: 'st_1', key: report.submission.key });
  });

  it('keeps only metadata for an .eml too big for local storage and re-fetches it when retrying', async () => {
    const store = memoryStore();
    const big = { ...(await prepared()) };
    big.submission = { ...big.submission, eml: Buffer.from(new Uint8Array(1_200_000).fill(65)).toString('base64') };
    const outbox = new Outbox(store);
    expect(await outbox.put(big)).toEqual({ kept: true, emlKept: false });
    const stored = JSON.parse((await store.get(`${OUTBOX_PREFIX}${big.submission.key}`)) as string);
    expect(stored.submission.eml).toBeUndefined();
    expect(stored.itemId).toBe('AAMkAGI2TG93AAA=');

    const { svc, fetch } = service(endpointOnly, () => json(201, { id: 'rep_2', duplicate: false, statusToken: 'st' }), { store });
    const refetched: string[] = [];
    const result = await svc.flush(async (entry) => {
      refetched.push(entry.itemId as string);
      return big.submission.eml;
    });
    expect(result.delivered).toBe(1);
    expect(refetched).toEqual(['AAMkAGI2TG93AAA=']);
    expect(JSON.parse(fetch.requests[0].body as string).eml).toBe(big.submission.eml);
  });

  it('leaves entries it cannot re-fetch for later and marks refused ones so they are not retried', async () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    const a = await prepared();
    const b = await prepared();
    const { eml: _eml, ...withoutEml } = a.submission;
    await store.set(`${OUTBOX_PREFIX}${a.submission.key}`, JSON.stringify({ key: a.submission.key, submission: withoutEml, subject: 's', notes: [], queuedAt: '2025-06-01T00:00:00Z', attempts: 0, state: 'pending' }));
    await outbox.put(b);
    const { svc, fetch } = service(endpointOnly, () => json(400, { message: 'Invalid submission' }), { store });
    expect(await svc.flush(async () => undefined)).toEqual({ delivered: 0, remaining: 1 });
    expect(fetch.requests).toHaveLength(1);
    const entries = await svc.outbox.list();
    expect(entries.find((entry) => entry.key === a.submission.key)).toMatchObject({ state: 'pending', lastError: 'needs-message' });
    expect(entries.find((entry) => entry.key === b.submission.key)).toMatchObject({ state: 'rejected', serverMessage: 'Invalid submission' });
    expect(await svc.flush(async () => undefined)).toEqual({ delivered: 0, remaining: 1 });
    expect(fetch.requests).toHaveLength(1);
  });

  it('does not send an entry another runtime is sending (lease), but takes it once the lease has run out', async () => {
    let now = Date.parse('2025-06-02T00:00:00Z');
    const store = memoryStore();
    const report = await prepared();
    await new Outbox(store, { now: () => now }).put(report, { lease: true });
    const { svc, fetch } = service(endpointOnly, () => json(201, { id: 'r', duplicate: true, statusToken: 't' }), { store, now: () => now });
    expect((await svc.flush(async () => undefined)).delivered).toBe(0);
    expect(fetch.requests).toHaveLength(0);
    now += 6 * 60_000;
    expect((await svc.flush(async () => undefined)).delivered).toBe(1);
  });
});

describe('My reports', () => {
  it('asks the service with the stored status tokens in a header, never in the URL', async () => {
    const store = memoryStore();
    const first = service(endpointOnly, () => json(201, { id: 'rep_1', duplicate: false, statusToken: 'st_secret_1' }), { store });
    await first.svc.submit(await prepared());
    const statuses = [{ id: 'rep_1', key: 'k', subject: 's', receivedAt: '2025-06-02T00:00:00Z', disposition: 'malicious', feedback: 'Thanks — blocked.' }];
    const { svc, fetch } = service(endpointOnly, () => json(200, { reports: [...statuses, { bogus: true }] }), { store });
    expect(await svc.myReports()).toEqual(statuses);
    const [request] = fetch.requests;
    expect(request.url).toBe('https://lurelens.example.or.jp/api/my/reports');
    expect(request.method).toBe('GET');
    expect(request.headers['x-status-tokens']).toBe('st_secret_1');
    expect(request.url).not.toContain('st_secret_1');
  });

  it('returns nothing (and asks nothing) without an endpoint or without receipts', async () => {
    const { svc, fetch } = service(endpointOnly, () => json(200, []));
    expect(await svc.myReports()).toEqual([]);
    expect(fetch.requests).toHaveLength(0);
  });
});

// The add-in's reporting code against the real intake service (src/server) on 127.0.0.1, with a real
// SQLite database in a temporary directory. Reports go through the endpoint channel exactly as the
// pane and the Report button send them, and are read back the way an analyst would.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { defaultServerConfig } from '../../src/server/config';
import type { ReportingPolicy } from '../../src/policy/types';
import { buildReportSubmission } from '../../src/report/payload';
import { ReportService } from '../../src/report/service';
import { memoryStore, type KeyValueStore } from '../../src/report/stores';
import { fakeItem, fixture, instantSleep } from './support';
import { testDatabaseFor } from '../support/test-database';

const ANALYST = 'analyst-token-for-report-tests-01';
const REPORTER = 'reporter-token-for-report-tests-01';
const PUBLIC_URL = 'https://lurelens.example.test';

let app: FastifyInstance;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-report-it-'));
  mkdirSync(path.join(dir, 'web'));
  app = await buildServer(
    defaultServerConfig({
      host: '127.0.0.1',
      port: 0,
      publicUrl: PUBLIC_URL,
      dataDir: path.join(dir, 'data'),
      // The PostgreSQL run's database for this directory; SQLite otherwise.
      database: await testDatabaseFor(path.join(dir, 'data')),
      webRoot: path.join(dir, 'web'),
      manifestFile: path.join(dir, 'no-manifest.xml'),
      tokens: [
        { token: ANALYST, role: 'analyst', name: 'analyst' },
        { token: REPORTER, role: 'reporter', name: 'add-in' },
      ],
      rateLimit: false,
      logLevel: 'error',
    }),
    { logStream: { write: () => undefined } },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

function reporting(): ReportingPolicy {
  return { endpointUrl: `${base}/api/reports`, endpointToken: REPORTER, afterReport: 'junk' };
}

function service(store: KeyValueStore = memoryStore(), policy = reporting()) {
  return new ReportService({ reporting: policy, fetch: (url, init) => fetch(url, init), store, sleep: instantSleep(), log: () => undefined });
}

async function analystGet(url: string) {
  const response = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${ANALYST}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const reporter = { address: 'k.watanabe@example.or.jp', name: '渡辺 健二' };

describe('reporting against the running intake service', () => {
  it('delivers through the endpoint channel and the analyst reads back exactly what was reported', async () => {
    const item = fakeItem({ eml: fixture('original.eml').toString('base64') });
    const report = await buildReportSubmission({ item, reporter, request: { reasons: ['impersonation'], comment: '研究会の案内に見せかけています' } });
    const svc = service();
    const result = await svc.submit(report);
    expect(result).toMatchObject({ status: 'delivered', channel: 'endpoint', destination: new URL(base).host, duplicate: false });

    const detail = await analystGet(`/api/reports/${result.reportId}`);
    expect(detail).toMatchObject({
      id: result.reportId,
      key: report.submission.key,
      subject: '【要確認】日中関係に関する研究会のご案内',
      reasons: ['impersonation'],
      comment: '研究会の案内に見せかけています',
      emlSource: 'original',
      internetMessageId: '<20250602091355.4f1c@mofa-go.jp>',
      networkMessageId: '8c2f6a1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b',
      reporter: { address: 'k.watanabe@example.or.jp', name: '渡辺 健二' },
      disposition: 'pending',
    });
    const raw = await fetch(`${base}/api/reports/${result.reportId}/eml`, { headers: { authorization: `Bearer ${ANALYST}` } });
    expect(Buffer.from(await raw.arrayBuffer()).equals(fixture('original.eml'))).toBe(true);
  });

  it('never creates a second report when the same report is sent again (idempotency key)', async () => {
    const report = await buildReportSubmission({ item: fakeItem({ eml: fixture('original.eml').toString('base64') }), reporter, request: { reasons: [] } });
    const first = await service().submit(report);
    const second = await service().submit(report);
    expect(second).toMatchObject({ status: 'delivered', reportId: first.reportId, duplicate: true });
  });

  it('accepts a rebuilt .eml and the service reads its Japanese subject', async () => {
    const item = fakeItem({ headers: fixture('headers.txt').toString('utf8'), text: '資料をご確認ください。', html: '<p>資料をご確認ください。</p>' });
    const report = await buildReportSubmission({ item, reporter, request: { reasons: ['other'] } });
    const result = await service().submit(report);
    expect(result.status).toBe('delivered');
    const detail = await analystGet(`/api/reports/${result.reportId}`);
    expect(detail).toMatchObject({ emlSource: 'rebuilt', subject: '【要確認】日中関係に関する研究会のご案内' });
  });

  it('queues while the service is unreachable and delivers from the outbox after a reload', async () => {
    const store = memoryStore();
    const unreachable = service(store, { ...reporting(), endpointUrl: 'http://127.0.0.1:9/api/reports' });
    const report = await buildReportSubmission({ item: fakeItem({ eml: fixture('original.eml').toString('base64') }), reporter, request: { reasons: [] } });
    expect((await unreachable.submit(report)).status).toBe('queued');
    const reloaded = service(store);
    expect(await reloaded.flush(async () => undefined)).toEqual({ delivered: 1, remaining: 0 });
    const [receipt] = await reloaded.receipts.list();
    const detail = await analystGet(`/api/reports/${receipt.reportId}`);
    expect(detail.key).toBe(report.submission.key);
  });

  it('shows the reporter the security team’s decision under My reports, using only their status tokens', async () => {
    const store = memoryStore();
    const svc = service(store);
    const report = await buildReportSubmission({ item: fakeItem({ eml: fixture('original.eml').toString('base64') }), reporter, request: { reasons: [] } });
    const result = await svc.submit(report);
    const triage = await fetch(`${base}/api/reports/${result.reportId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ANALYST}`, 'content-type': 'application/json' },
      body: JSON.stringify({ disposition: 'malicious', feedback: 'ありがとうございます。ブロックしました。' }),
    });
    expect(triage.status).toBe(200);
    const mine = await svc.myReports();
    expect(mine).toEqual([
      expect.objectContaining({ id: result.reportId, key: report.submission.key, disposition: 'malicious', feedback: 'ありがとうございます。ブロックしました。' }),
    ]);
    // Another device without the token sees nothing.
    expect(await service(memoryStore()).myReports()).toEqual([]);
  });

  it('is allowed by the service’s CORS policy for every header the add-in sends', async () => {
    for (const [method, headers] of [
      ['POST', 'authorization,content-type'],
      ['GET', 'authorization,x-status-tokens'],
    ]) {
      const preflight = await fetch(`${base}/api/${method === 'POST' ? 'reports' : 'my/reports'}`, {
        method: 'OPTIONS',
        headers: { origin: PUBLIC_URL, 'access-control-request-method': method, 'access-control-request-headers': headers },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of headers.split(',')) expect(allowed).toContain(header);
    }
  });

  it('explains a refusal with the service’s own message', async () => {
    const report = await buildReportSubmission({ item: fakeItem({ eml: fixture('original.eml').toString('base64') }), reporter, request: { reasons: [] } });
    const result = await service(memoryStore(), { ...reporting(), endpointToken: 'not-a-valid-token-at-all-000' }).submit(report);
    expect(result).toMatchObject({ status: 'failed', problem: 'rejected', serverMessage: 'The bearer token is not valid.' });
  });
});

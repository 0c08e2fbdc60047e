// The preview's reporting is the product's: createOfficeReporter over the fake mailbox, with the
// policy the running service publishes at /policy.json (demo policy + this service's endpoint and
// reporter token), delivering through the endpoint channel to the real intake service.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { analyze } from '../../src/engine';
import { createPolicyLoader } from '../../src/office/policy-source';
import { createPreviewItem, PreviewMailbox } from '../../src/preview/fake-mailbox';
import { installPreviewOffice, removePreviewOffice } from '../../src/preview/office-global';
import { createOfficeReporter } from '../../src/report/office-reporter';
import { memoryStore } from '../../src/report/stores';
import { PREVIEW_USER_ADDRESS, PREVIEW_USER_NAME } from '../../src/samples';
import { buildServer } from '../../src/server/app';
import { defaultServerConfig } from '../../src/server/config';
import { demoPolicyFile, sampleBytes } from './support';
import { freePort } from '../support/free-port';
import { testDatabaseFor } from '../support/test-database';

const ANALYST = 'analyst-token-for-preview-tests-01';
const REPORTER = 'reporter-token-for-preview-tests-01';

let app: FastifyInstance;
let base: string;
let dir: string;


beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-preview-'));
  mkdirSync(path.join(dir, 'web'));
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(demoPolicyFile()));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = await buildServer(
    defaultServerConfig({
      host: '127.0.0.1',
      port,
      publicUrl: base,
      policyFile,
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
  await app.listen({ host: '127.0.0.1', port });
});

afterAll(async () => {
  removePreviewOffice();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reports the selected sample to the service with its exact bytes and the pane’s verdict', async () => {
  const mailbox = new PreviewMailbox({ userAddress: PREVIEW_USER_ADDRESS, userName: PREVIEW_USER_NAME });
  installPreviewOffice(mailbox, 'ja-JP');
  const fetchFn = (url: string, init: RequestInit) => fetch(url, init);

  const load = await createPolicyLoader({ url: `${base}/policy.json`, fetch: fetchFn })(PREVIEW_USER_ADDRESS);
  expect(load.source).toBe('file');
  expect(load.policy.reporting).toMatchObject({ endpointUrl: `${base}/api/reports`, endpointToken: REPORTER });

  const bytes = sampleBytes('mirrorface-lure.eml');
  const item = await createPreviewItem(bytes, 'mirrorface-lure.eml');
  mailbox.select(item);
  const verdict = analyze(item.message, load.policy);
  const events: string[] = [];
  const reporter = createOfficeReporter({
    policy: load.policy,
    currentVerdict: () => verdict,
    mailbox: mailbox as unknown as Office.Mailbox,
    fetch: fetchFn,
    store: memoryStore(),
    log: (event) => void events.push(event),
    addinVersion: 'preview',
  });

  const outcome = await reporter.report({ reasons: ['impersonation', 'unexpected-attachment'], comment: '理事長のなりすましと思われます' });
  expect(outcome).toMatchObject({ status: 'delivered', channel: 'endpoint', destination: new URL(base).host });
  // Read mode cannot move a message and the demo policy configures no Graph: the message stays, and
  // the pane says so.
  expect(outcome.moved).toBeUndefined();
  expect(outcome.message.en).toMatch(/still in its folder/);
  expect(mailbox.item).toBe(item);
  expect(events).toContain('report.delivered');

  const detail = await (await fetch(`${base}/api/reports/${outcome.reportId}`, { headers: { authorization: `Bearer ${ANALYST}` } })).json();
  expect(detail).toMatchObject({
    emlSource: 'original',
    subject: item.message.subject,
    reasons: ['impersonation', 'unexpected-attachment'],
    reporter: { address: PREVIEW_USER_ADDRESS, name: PREVIEW_USER_NAME },
  });
  expect(JSON.stringify(detail)).toContain('dangerous');
  const raw = await fetch(`${base}/api/reports/${outcome.reportId}/eml`, { headers: { authorization: `Bearer ${ANALYST}` } });
  expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

  // The reporter's own list shows it.
  const mine = await reporter.myReports();
  expect(mine.map((report) => report.id)).toContain(outcome.reportId);
});

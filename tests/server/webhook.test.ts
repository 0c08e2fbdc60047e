// Forwarding to a SIEM/SOAR webhook: retried with backoff, signed, bounded, and kept in the
// database so a restart does not lose a delivery.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import { REPLAY_WINDOW_SECONDS, signWebhook, verifyWebhookSignature } from '../../src/server/webhook';
import { call, fixture, postReport, report, startTestServer, submission } from './helpers';
import { waitFor, webhookReceiver as receiver } from '../support/webhook-receiver';

const SECRET = 'webhook-secret-for-tests-123';
const fast = { maxAttempts: 4, retryBaseMs: 40, retryMaxMs: 200, timeoutMs: 2000, pollMs: 30 };

test('a new report is delivered after two failures, signed, with indicators and without the message', async () => {
  const hook = await receiver([503, 500]);
  const server = await startTestServer({ webhook: { url: hook.url, secret: SECRET, ...fast } });
  try {
    const body = submission(fixture('campaign-1.eml'));
    const receipt = await (await postReport(server, body)).json();
    await waitFor(() => hook.received.length >= 3);
    const last = hook.received[2];
    const payload = JSON.parse(last.body);
    expect(payload).toMatchObject({
      event: 'report.created',
      report: {
        id: receipt.id,
        campaignId: receipt.campaignId,
        subject: 'Salary adjustment notice 2025-01',
        from: 'hr@payroll-notice.example',
        links: { report: `https://lurelens.example.test/api/reports/${receipt.id}` },
      },
    });
    expect(payload.report.indicators).toContainEqual({ type: 'url', value: 'https://payroll-notice.example/login?id=1001' });
    expect(last.body).not.toContain('Dear colleague');
    // Signed over the send time and the body; each attempt signs its own time.
    const signature = String(last.headers['x-lurelens-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const t = Number(/^t=(\d+)/.exec(signature)![1]);
    expect(Math.abs(Date.now() / 1000 - t)).toBeLessThan(60);
    expect(signature.split(',v1=')[1]).toBe(createHmac('sha256', SECRET).update(`${t}.${last.body}`).digest('hex'));
    expect(verifyWebhookSignature(SECRET, last.body, signature, Date.now() / 1000)).toBe(true);
    // The same delivery id on every attempt, so the receiver can de-duplicate.
    expect(new Set(hook.received.map((r) => r.headers['x-lurelens-delivery'])).size).toBe(1);
    await waitFor(async () => (await (await call(server, '/api/status')).json()).webhook.delivered === 1);
    // A retried submission (same key) is not forwarded again.
    expect((await postReport(server, body)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.received).toHaveLength(3);
  } finally {
    await server.close();
    await hook.close();
  }
});

test('attempts are bounded: a receiver that always fails gets maxAttempts requests, then the delivery is marked failed', async () => {
  const hook = await receiver([500, 500, 500, 500, 500, 500, 500]);
  const server = await startTestServer({ webhook: { url: hook.url, ...fast, maxAttempts: 3 } });
  try {
    await report(server, fixture('unrelated.eml'));
    await waitFor(async () => (await (await call(server, '/api/status')).json()).webhook.failed === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hook.received).toHaveLength(3);
  } finally {
    await server.close();
    await hook.close();
  }
});

test('a delivery interrupted by a shutdown is not lost: the next start sends it', async () => {
  // A receiver that accepts the request and never answers, so the delivery is in flight at shutdown.
  const requests: IncomingMessage[] = [];
  const hanging = createServer((request) => void requests.push(request));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`;
  const first = await startTestServer({ webhook: { url: hangingUrl, ...fast, timeoutMs: 60_000 } });
  const receipt = await report(first, fixture('campaign-3.eml'));
  await waitFor(() => requests.length === 1);
  await first.close({ keepData: true });
  hanging.closeAllConnections();
  await new Promise<void>((resolve) => hanging.close(() => resolve()));

  const hook = await receiver();
  const second = await startTestServer({ dataDir: first.dataDir, webhook: { url: hook.url, ...fast } });
  try {
    await waitFor(() => hook.received.length === 1);
    expect(JSON.parse(hook.received[0].body).report.id).toBe(receipt.id);
    await waitFor(async () => (await (await call(second, '/api/status')).json()).webhook.delivered === 1);
  } finally {
    await second.close();
    await hook.close();
  }
});

describe('webhook signatures carry their time, so a captured delivery cannot be replayed', () => {
  const body = JSON.stringify({ event: 'report.created', deliveryId: 7, report: { id: 'r1' } });
  const sentAt = 1_767_225_600;
  const header = signWebhook(SECRET, body, sentAt);

  test('a receiver accepts the delivery inside the window', () => {
    expect(verifyWebhookSignature(SECRET, body, header, sentAt)).toBe(true);
    expect(verifyWebhookSignature(SECRET, body, header, sentAt + REPLAY_WINDOW_SECONDS)).toBe(true);
  });

  test.each([
    ['replayed after the window', body, header, sentAt + REPLAY_WINDOW_SECONDS + 1],
    ['with a body that was changed', body.replace('r1', 'r2'), header, sentAt],
    ['with the time moved forward to pass the window', body, header.replace(`t=${sentAt}`, `t=${sentAt + 3600}`), sentAt + 3600],
    ['signed with another secret', body, signWebhook('another-secret-entirely', body, sentAt), sentAt],
    ['without a time', body, header.replace(/^t=\d+,/, ''), sentAt],
    ['with a malformed signature', body, `t=${sentAt},v1=zz`, sentAt],
  ])('refuses a delivery %s', (_case, payload, signature, now) => {
    expect(verifyWebhookSignature(SECRET, payload, signature, now)).toBe(false);
  });
});

test('the receivers\' example in docs/service.md verifies a real signature and refuses a replay', () => {
  const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'service.md'), 'utf8');
  const code = /```js\n([\s\S]*?function verifyLureLens[\s\S]*?)```/.exec(docs)![1];
  const sandbox: { require: NodeRequire; Buffer: typeof Buffer; verify?: (...args: unknown[]) => boolean } = { require, Buffer };
  runInNewContext(`${code}\nverify = verifyLureLens;`, sandbox);
  const body = '{"event":"report.created","deliveryId":1}';
  const header = signWebhook(SECRET, body, 1_767_225_600);
  expect(sandbox.verify!(SECRET, body, header, 1_767_225_700)).toBe(true);
  expect(sandbox.verify!(SECRET, body, header, 1_767_225_600 + REPLAY_WINDOW_SECONDS + 1)).toBe(false);
  expect(sandbox.verify!(SECRET, body + ' ', header, 1_767_225_600)).toBe(false);
});

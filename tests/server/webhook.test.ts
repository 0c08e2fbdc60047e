// Forwarding to a SIEM/SOAR webhook: retried with backoff, signed, bounded, and kept in the
// database so a restart does not lose a delivery.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, fixture, postReport, report, startTestServer, submission } from './helpers';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver on 127.0.0.1 that answers each request with the next status in `statuses` (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SECRET = 'webhook-secret-for-tests-123';
const fast = { maxAttempts: 4, retryBaseMs: 40, retryMaxMs: 200, timeoutMs: 2000, pollMs: 30 };

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

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
    expect(last.headers['x-lurelens-signature']).toBe('sha256=' + createHmac('sha256', SECRET).update(last.body).digest('hex'));
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

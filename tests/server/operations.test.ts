// What operators rely on: failed webhook deliveries can be re-driven, a full disk answers 507 with
// Retry-After and fails readiness (on a real, small filesystem), /api/status says what is wrong, and
// per-client limits count the address the trusted proxy saw, not one the client wrote.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { call, fixture, postReport, report, REPORTER, startTestServer, submission, tempDir, type TestServer } from './helpers';

async function receiver(status: () => number) {
  let count = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count++;
      response.statusCode = status();
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('deliveries the webhook gave up on are listed, warned about, and re-driven once the receiver works again', async () => {
  let healthy = false;
  const hook = await receiver(() => (healthy ? 200 : 500));
  const server = await startTestServer({ webhook: { url: hook.url, maxAttempts: 2, retryBaseMs: 20, retryMaxMs: 50, timeoutMs: 2000, pollMs: 20 } });
  try {
    const { id } = await report(server, fixture('campaign-1.eml'));
    await until(async () => (await (await call(server, '/api/webhook/failed')).json()).items.length === 1);
    const failed = (await (await call(server, '/api/webhook/failed')).json()).items[0];
    expect(failed).toMatchObject({ reportId: id, attempts: 2, lastError: 'HTTP 500' });
    const status = await (await call(server, '/api/status')).json();
    expect(status.webhook.failed).toBe(1);
    expect(status.warnings.join(' ')).toContain('re-drive');
    // The console words it from the code and its parameters (in Japanese too).
    expect(status.warningDetails).toContainEqual({ code: 'webhook-failed', params: { count: 1 }, message: expect.stringContaining('re-drive') });

    healthy = true;
    const redrive = await call(server, '/api/webhook/redrive', { method: 'POST', json: {} });
    expect(await redrive.json()).toEqual({ redriven: 1 });
    await until(async () => (await (await call(server, '/api/status')).json()).webhook.delivered === 1);
    expect((await (await call(server, '/api/webhook/failed')).json()).items).toEqual([]);
    expect(hook.count()).toBe(3);
    // Reporters cannot see or re-drive deliveries.
    expect((await call(server, '/api/webhook/redrive', { method: 'POST', json: {}, token: REPORTER })).status).toBe(403);
  } finally {
    await server.close();
    await hook.close();
  }
});

/** A real 8 MB filesystem (tmpfs) for the data directory; undefined where mounting is not allowed. */
function smallFilesystem(): { dir: string; release: () => void } | undefined {
  const dir = tempDir('lurelens-smallfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    release: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const small = smallFilesystem();
// Mounting needs root, as on the CI machine and the developers' machines.
(small ? test : test.skip)('a full disk answers 507 with Retry-After, fails readiness, and recovers when space is freed', async () => {
  const fs = small!;
  let server: TestServer | undefined;
  try {
    const dataDir = path.join(fs.dir, 'data');
    server = await startTestServer({ dataDir, bodyLimitBytes: 1024 * 1024 });
    expect((await call(server, '/readyz', { token: null })).status).toBe(200);
    expect((await postReport(server, submission(fixture('campaign-1.eml')))).status).toBe(201);

    // Fill the filesystem, leaving a few kilobytes.
    const filler = path.join(fs.dir, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
    } catch {
      // ENOSPC: the filesystem is full, which is the point.
    }
    const big = Buffer.concat([fixture('campaign-1.eml'), Buffer.from('\r\n' + 'x'.repeat(600_000))]);
    const refused = await postReport(server, submission(big));
    expect(refused.status).toBe(507);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused.json()).error).toBe('insufficient_storage');
    const ready = await call(server, '/readyz', { token: null });
    expect(ready.status).toBe(503);
    expect((await ready.json()).reasons).toContain('disk-full');
    const status = await (await call(server, '/api/status')).json();
    expect(status.warnings.join(' ')).toMatch(/full/);
    expect(status.warningDetails.map((warning: { code: string }) => warning.code)).toContain('disk-full');
    // Nothing half-saved: the list still holds the one report.
    expect((await (await call(server, '/api/reports')).json()).total).toBe(1);

    rmSync(filler);
    await until(async () => (await call(server!, '/readyz', { token: null })).status === 200);
    expect((await postReport(server, submission(big))).status).toBe(201);
  } finally {
    await server?.close();
    fs.release();
  }
});

describe('the client address behind a proxy', () => {
  const overrides = { intake: { maxConcurrent: 10, maxPerClient: 10, idleTimeoutMs: 10_000, minBytesPerSecond: 0, requestTimeoutMs: 60_000 } };

  test.each([
    ['a hop count', 1],
    ["the proxy's address", ['127.0.0.1']],
  ])('with trustProxy as %s, the address the proxy appended counts; one the client wrote does not', async (_name, trustProxy) => {
    const server = await startTestServer({ ...overrides, trustProxy, rateLimit: { max: 1000, timeWindowMs: 60_000, reportsMax: 2 } });
    try {
      // nginx with $proxy_add_x_forwarded_for: the client's own header, then the address nginx saw.
      const send = (spoofed: string) =>
        call(server, '/api/reports', { method: 'POST', token: REPORTER, json: submission(fixture('unrelated.eml')), headers: { 'x-forwarded-for': `${spoofed}, 198.51.100.7` } });
      const statuses: number[] = [];
      for (const spoofed of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) statuses.push((await send(spoofed)).status);
      // The limit of 2 reports per window applies to 198.51.100.7, whatever the client claims.
      expect(statuses).toContain(429);
      const lines = server.logs.filter((line) => line.includes('"remoteAddress"'));
      expect(lines.some((line) => line.includes("198.51.100.7"))).toBe(true);
      expect(lines.some((line) => line.includes('203.0.113.'))).toBe(false);
    } finally {
      await server.close();
    }
  });
});

// The intake holds under abuse from anyone with the (public) reporter token: analysis runs in
// workers under time, memory and MIME-part budgets (over budget: stored, "not fully analysed",
// never clean), submissions in progress are capped (503 + Retry-After), bodies go to disk and slow
// ones are cut off, and client errors are 4xx, never 500.
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { mimeBomb, multipartBody } from '../../scripts/bench-abuse';
import { call, fixture, postReport, REPORTER, report, startTestServer, submission, type TestServer } from './helpers';

const servers: TestServer[] = [];
async function start(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(overrides);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function postMultipart(server: TestServer, eml: Buffer, reporter = 'alice@example.org') {
  const { body, contentType } = multipartBody(eml, reporter);
  return call(server, '/api/reports', { method: 'POST', token: REPORTER, body: new Blob([Uint8Array.from(body)]), headers: { 'content-type': contentType } });
}

/** A JSON submission sent by hand, so a test decides when each part of the body goes. */
function rawSubmission(server: TestServer, declared: number) {
  const url = new URL(server.url);
  return httpRequest({
    host: url.hostname,
    port: url.port,
    method: 'POST',
    path: '/api/reports',
    headers: { authorization: `Bearer ${REPORTER}`, 'content-type': 'application/json', 'content-length': String(declared) },
  });
}

/** Opens a submission that sends its headers and part of its body, then waits; resolves with the status or 'closed'. */
function holdOpen(server: TestServer, declared: number, sent: number): { done: Promise<string>; abort: () => void } {
  const request = rawSubmission(server, declared);
  const done = new Promise<string>((resolve) => {
    request.on('response', (response) => {
      response.resume();
      resolve(String(response.statusCode));
    });
    request.on('error', () => resolve('closed'));
    request.on('close', () => resolve('closed'));
  });
  request.write('{"key":"held-open-0001","eml":"' + 'A'.repeat(Math.max(0, sent - 30)));
  return { done, abort: () => request.destroy() };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('analysis budgets', () => {
  test('a MIME bomb is stored whole, analysed up to the part cap, and marked not fully analysed (never clean)', async () => {
    const server = await start({ analysis: { workers: 1, timeMs: 15_000, memoryMb: 512, maxParts: 100 } });
    const bomb = mimeBomb(200 * 1024);
    const response = await postMultipart(server, bomb);
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const detail = await (await call(server, `/api/reports/${id}`)).json();
    expect(detail.incomplete).toBe('parts');
    expect(detail.analysis).toMatchObject({ complete: false, incomplete: { reason: 'parts', message: expect.stringContaining('100 MIME parts') } });
    expect(detail.verdict).not.toBe('clean');
    expect(detail.raw.size).toBe(bomb.length);
    // The headers were still read and the content view was computed at intake.
    expect(detail.subject).toBe('Many parts');
    const content = await (await call(server, `/api/reports/${id}/content`)).json();
    expect(content.headers.some((h: { name: string }) => h.name === 'Subject')).toBe(true);
    const listed = await (await call(server, '/api/reports?analysis=incomplete')).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  test('a message over the time budget is stored, marked not fully analysed, and the next one is analysed normally', async () => {
    const server = await start({ analysis: { workers: 1, timeMs: 100, memoryMb: 512, maxParts: 2000 } });
    const links = Array.from({ length: 20_000 }, (_, i) => `<a href="https://l${i}.example/p">x</a>`).join('');
    const slow = Buffer.from(`From: a@slow.example\r\nSubject: Slow\r\nContent-Type: text/html\r\n\r\n<p>${links}</p>\r\n`);
    const { id } = await report(server, slow);
    const detail = await (await call(server, `/api/reports/${id}`)).json();
    expect(detail.analysis.incomplete).toMatchObject({ reason: 'time' });
    expect(detail.verdict).toBeUndefined();
    expect(detail.raw.size).toBe(slow.length);
    const status = await (await call(server, '/api/status')).json();
    expect(status.analysis.stoppedAtBudget.time).toBeGreaterThanOrEqual(1);
    expect(status.warnings.join(' ')).toContain('not fully analysed');
    expect(status.warningDetails).toContainEqual(expect.objectContaining({ code: 'analyses-stopped', params: expect.objectContaining({ time: expect.any(Number) }) }));
  });

  test('a message over the memory budget is stored and marked; the worker is replaced', async () => {
    const server = await start({ analysis: { workers: 1, timeMs: 30_000, memoryMb: 48, maxParts: 2000 } });
    // 300,000 header fields (6 MB): the parsed fields alone outgrow a 48 MB heap.
    const headers = Array.from({ length: 300_000 }, (_, i) => `X-H${i}: v${i}`).join('\r\n');
    const heavy = Buffer.from(`From: a@heavy.example\r\nSubject: Heavy\r\n${headers}\r\nContent-Type: text/plain\r\n\r\nhello\r\n`);
    const response = await postMultipart(server, heavy);
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const detail = await (await call(server, `/api/reports/${id}`)).json();
    expect(detail.analysis.incomplete?.reason).toBe('memory');
    expect(detail.verdict).not.toBe('clean');
    // A fresh worker analyses the next report.
    const next = await report(server, fixture('campaign-1.eml'));
    expect((await (await call(server, `/api/reports/${next.id}`)).json()).analysis.complete).toBe(true);
  }, 60_000);
});

describe('admission and slow bodies', () => {
  test('over the global cap a submission is answered 503 with Retry-After before its body is read', async () => {
    const server = await start({ intake: { maxConcurrent: 1, maxPerClient: 5, idleTimeoutMs: 10_000, minBytesPerSecond: 0, requestTimeoutMs: 60_000 } });
    const held = holdOpen(server, 1_000_000, 1000);
    await until(async () => (await (await call(server, '/api/status')).json()).intake.inProgress === 1);
    const refused = await postReport(server, submission(fixture('unrelated.eml')));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused.json()).error).toBe('busy');
    held.abort();
    await held.done;
    // The slot is free again once the held request is gone.
    await until(async () => (await (await call(server, '/api/status')).json()).intake.inProgress === 0);
    expect((await postReport(server, submission(fixture('unrelated.eml')))).status).toBe(201);
  });

  test('a refused client still sending its body can finish sending it and reads the 503 (the connection is not reset under it)', async () => {
    const server = await start({ intake: { maxConcurrent: 1, maxPerClient: 5, idleTimeoutMs: 10_000, minBytesPerSecond: 0, requestTimeoutMs: 60_000 } });
    const held = holdOpen(server, 1_000_000, 1000);
    await until(async () => (await (await call(server, '/api/status')).json()).intake.inProgress === 1);
    const body = Buffer.from(JSON.stringify(submission(Buffer.alloc(3_000_000, 'a'))));
    const request = rawSubmission(server, body.length);
    const errors: string[] = [];
    request.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    const answered = new Promise<number>((resolve) => request.on('response', (response) => (response.resume(), resolve(response.statusCode ?? 0))));
    request.write(body.subarray(0, 64 * 1024));
    expect(await answered).toBe(503);
    // The answer came early, as a browser's upload would see it; the rest of the body follows.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await new Promise<void>((resolve) => request.end(body.subarray(64 * 1024), () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toEqual([]);
    request.destroy();
    held.abort();
    await held.done;
  });

  test('one client cannot take every slot: the per-client cap answers 503', async () => {
    const server = await start({ intake: { maxConcurrent: 10, maxPerClient: 1, idleTimeoutMs: 10_000, minBytesPerSecond: 0, requestTimeoutMs: 60_000 } });
    const held = holdOpen(server, 1_000_000, 1000);
    await until(async () => (await (await call(server, '/api/status')).json()).intake.inProgress === 1);
    const refused = await postReport(server, submission(fixture('unrelated.eml')));
    expect(refused.status).toBe(503);
    expect((await refused.json()).message).toContain('This address');
    held.abort();
    await held.done;
  });

  test('a body that stalls is cut off after the idle timeout, frees its slot, and leaves no file behind', async () => {
    const server = await start({ intake: { maxConcurrent: 1, maxPerClient: 1, idleTimeoutMs: 1000, minBytesPerSecond: 0, requestTimeoutMs: 60_000 } });
    const started = Date.now();
    const held = holdOpen(server, 5_000_000, 100_000);
    expect(await held.done).toBe('closed');
    expect(Date.now() - started).toBeLessThan(8_000);
    await until(async () => (await (await call(server, '/api/status')).json()).intake.inProgress === 0);
    expect((await postReport(server, submission(fixture('unrelated.eml')))).status).toBe(201);
    await until(async () => readdirSync(path.join(server.dataDir, 'incoming')).length === 0);
  });
});

describe('client errors are 4xx, not 500', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await start();
  });

  test('malformed multipart is 400 and logged as a rejected request, not a server error', async () => {
    const boundary = 'xyz';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n{"key":"x"}\r\n--${boundary}\r\nContent-Disposition: form-da`;
    const response = await call(server, '/api/reports', { method: 'POST', token: REPORTER, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(response.status).toBe(400);
    expect(server.logs.join('\n')).not.toMatch(/"level":50/);
  });

  test.each([
    ['an extra property in a client finding', { rule: 'r', severity: 'low', title: 't', payload: { any: 'thing' } }],
    ['an evidence string of a megabyte', { rule: 'r', severity: 'low', title: 't', evidence: [{ kind: 'note', text: 'x'.repeat(1_000_000) }] }],
  ])('%s in the client verdict is refused with 400', async (_name, finding) => {
    const response = await postReport(server, submission(fixture('unrelated.eml'), { clientVerdict: { verdict: 'clean', score: 0, findings: [finding as never] } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/validation|too_large/);
  });

  test('6,000 levels of nesting in a client finding are refused with 400', async () => {
    const { clientVerdict: _drop, ...rest } = submission(fixture('unrelated.eml'));
    const nested = '{"a":'.repeat(6000) + '1' + '}'.repeat(6000);
    const body = JSON.stringify(rest).replace(/}$/, `,"clientVerdict":{"verdict":"clean","score":0,"findings":[{"rule":"r","severity":"low","title":"t","evidence":[{"kind":${nested}}]}]}}`);
    const response = await call(server, '/api/reports', { method: 'POST', token: REPORTER, body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(server.logs.join('\n')).not.toMatch(/"level":50/);
  });

  test.each(['<img src=x onerror=alert(1)>', 'alice', 'alice@', 'a b@example.org', 'alice@example'])('reporter address %j is refused', async (address) => {
    const response = await postReport(server, submission(fixture('unrelated.eml'), { reporter: { address } }));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain('reporter/address');
  });
});

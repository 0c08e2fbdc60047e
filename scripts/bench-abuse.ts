// Abuse scenarios for the intake service, run by `npm run bench:service` after the throughput
// figures: a MIME bomb (~944,000 tiny parts in 34 MB), slowly sent bodies, and many parallel large
// reports. During each one a probe asks GET /healthz every 50 ms (p50/p99 latency, failures) and the
// service process's resident memory is sampled (peak RSS from /proc, Linux).
//
// Everything is sent by the reporter token, which is public by design (policy.json): what it can
// do, anyone can do.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Worker } from 'node:worker_threads';

export interface AbuseFigures {
  label: string;
  healthP50: number;
  healthP99: number;
  healthMax: number;
  healthFailures: number;
  peakRssMb: number;
  detail: string;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Resident memory of a process in MB (VmRSS), 0 where /proc is not available. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Probes /healthz every 50 ms from a worker thread of its own (so building and sending large bodies
 * here cannot delay the probe and inflate the figures) and samples the service's memory.
 */
function monitor(url: string, pid: number) {
  let peak = rssMb(pid);
  const memory = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const probe = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const latencies = []; let failures = 0; let stopped = false;
    parentPort.on('message', () => { stopped = true; });
    (async () => {
      while (!stopped) {
        const started = performance.now();
        try {
          const response = await fetch(workerData + '/healthz', { signal: AbortSignal.timeout(15000) });
          await response.body?.cancel();
          if (response.status !== 200) failures++;
        } catch { failures++; }
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      parentPort.postMessage({ latencies, failures });
    })();`,
    { eval: true, workerData: url },
  );
  const result = new Promise<{ latencies: number[]; failures: number }>((resolve) => probe.once('message', resolve));
  return async (label: string, detail: string): Promise<AbuseFigures> => {
    probe.postMessage('stop');
    const { latencies, failures } = await result;
    await probe.terminate();
    clearInterval(memory);
    peak = Math.max(peak, rssMb(pid));
    return {
      label,
      healthP50: percentile(latencies, 50),
      healthP99: percentile(latencies, 99),
      healthMax: Math.max(...latencies),
      healthFailures: failures,
      peakRssMb: peak,
      detail,
    };
  };
}

/** ~944,000 empty text parts in about 34 MB: cheap to send, expensive to take apart. */
export function mimeBomb(targetBytes = 34 * 1024 * 1024): Buffer {
  const head =
    'From: "Bomb" <bomb@mime-bomb.example>\r\nTo: victim@example.org\r\nSubject: Many parts\r\n' +
    `Message-ID: <${randomUUID()}@mime-bomb.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n`;
  // 37 bytes a part: 34 MB hold about 944,000 of them, like the audit's message.
  const unit = '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n';
  const count = Math.floor((targetBytes - head.length - 7) / unit.length);
  return Buffer.from(head + unit.repeat(count) + '--b--\r\n');
}

/** A plausible phishing message padded with a base64 attachment to about `size` bytes. */
export function largeMessage(size: number): Buffer {
  const head =
    'From: "Payroll Team" <hr@payroll-notice.example>\r\nTo: alice@example.org\r\nSubject: Salary adjustment notice\r\n' +
    `Message-ID: <${randomUUID()}@payroll-notice.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n` +
    '--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Your salary adjustment is ready. <a href="https://payroll-notice.example/login?id=1">Review</a></p>\r\n' +
    '--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="adjustment.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  const tail = '\r\n--b--\r\n';
  const line = 'JVBERi0xLjcKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k\r\n';
  const lines = Math.max(0, Math.floor((size - head.length - tail.length) / line.length));
  return Buffer.from(head + line.repeat(lines) + tail);
}

/** The message as multipart/form-data (no base64: the way large reports are best sent). */
export function multipartBody(eml: Buffer, reporter = 'bench@example.org'): { body: Buffer; contentType: string } {
  const boundary = `----lurelens${randomUUID()}`;
  const submission = JSON.stringify({ key: randomUUID(), emlSource: 'original', reporter: { address: reporter }, reasons: ['other'] });
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${submission}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="eml"; filename="report.eml"\r\nContent-Type: message/rfc822\r\n\r\n`),
    eml,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function send(url: string, token: string, eml: Buffer, timeoutMs = 120_000): Promise<number> {
  const { body, contentType } = multipartBody(eml);
  try {
    const response = await fetch(`${url}/api/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      // A view, not a copy: copying 34 MB element by element would stall this process's probe.
      body: new Blob([body as unknown as BlobPart]),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

function countStatuses(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${n}× ${status === 0 ? 'no answer' : status}`).join(', ');
}

/** MIME bombs sent one after another (the audit: six a minute kept intake down). */
export async function mimeBombScenario(url: string, pid: number, token: string, count: number): Promise<AbuseFigures> {
  const bomb = mimeBomb();
  const stop = monitor(url, pid);
  // A fresh Message-ID per copy (same length), so each one is new to the service.
  const idAt = bomb.indexOf('Message-ID: <') + 'Message-ID: <'.length;
  const statuses: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    bomb.write(randomUUID(), idAt, 'latin1');
    statuses.push(await send(url, token, bomb));
  }
  const seconds = (performance.now() - started) / 1000;
  return stop('MIME bomb', `${count} × ${(bomb.length / 1024 / 1024).toFixed(1)} MB with ~${Math.round(bomb.length / 37 / 1000)}k parts in ${seconds.toFixed(1)} s: ${countStatuses(statuses)}`);
}

/**
 * Connections that announce a large body, send half of it at once and then trickle (or stall):
 * the audit held 120 of them with 46 MB bodies. Resolves with each connection's outcome.
 */
export async function slowBodyScenario(url: string, pid: number, token: string, connections: number, declaredBytes: number, holdMs: number): Promise<AbuseFigures> {
  const stop = monitor(url, pid);
  const target = new URL(url);
  const half = Buffer.alloc(Math.floor(declaredBytes / 2), 0x41);
  const outcomes = await Promise.all(
    Array.from(
      { length: connections },
      () =>
        new Promise<string>((resolve) => {
          let settled = false;
          const done = (outcome: string) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            clearInterval(trickle);
            request.destroy();
            resolve(outcome);
          };
          const request = httpRequest({
            host: target.hostname,
            port: target.port,
            method: 'POST',
            path: '/api/reports',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(declaredBytes) },
          });
          request.on('response', (response) => {
            response.resume();
            done(String(response.statusCode));
          });
          request.on('error', () => done('closed'));
          request.write('{"key":"' + randomUUID() + '","eml":"');
          request.write(half);
          // Then one byte a second: alive, but never finishing.
          const trickle = setInterval(() => request.write('A'), 1000);
          const timer = setTimeout(() => done('still open'), holdMs);
        }),
    ),
  );
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  const summary = [...counts].map(([outcome, n]) => `${n}× ${outcome}`).join(', ');
  return stop('slow bodies', `${connections} connections × ${(declaredBytes / 1024 / 1024).toFixed(0)} MB declared, half sent then 1 B/s for up to ${holdMs / 1000} s: ${summary}`);
}

/** Many large reports at once, repeatedly, for `durationMs`. */
export async function parallelLargeScenario(url: string, pid: number, token: string, connections: number, size: number, durationMs: number): Promise<AbuseFigures> {
  const stop = monitor(url, pid);
  const statuses: number[] = [];
  const deadline = Date.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) statuses.push(await send(url, token, largeMessage(size)));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = statuses.filter((s) => s === 201).length;
  return stop(
    'parallel large',
    `${connections} connections × ${(size / 1024 / 1024).toFixed(0)} MB for ${seconds.toFixed(0)} s: ${(stored / seconds).toFixed(1)} reports/s stored; ${countStatuses(statuses)}`,
  );
}

export function formatFigures(figures: AbuseFigures): string {
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '—').padStart(6);
  return (
    `${figures.label.padEnd(15)} /healthz p50 ${ms(figures.healthP50)} ms  p99 ${ms(figures.healthP99)} ms  max ${ms(figures.healthMax)} ms  ` +
    `${figures.healthFailures} failed   peak RSS ${figures.peakRssMb.toFixed(0).padStart(5)} MB\n${''.padEnd(16)}${figures.detail}`
  );
}

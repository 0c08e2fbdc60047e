// Intake throughput: autocannon against a locally started service (own process, 127.0.0.1 only,
// temporary data directory, rate limits off), ~10 s per message size, every request a new key so
// each one is parsed, analysed and committed (fsync) for real.
//
//   npm run bench:service  [-- --duration SECONDS]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServiceProcess } from './durability';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const TOKENS = { analyst: `bench-analyst-${randomUUID()}`, reporter: `bench-reporter-${randomUUID()}` };

/** A plausible phishing message padded with an attachment to the wanted size. */
function message(sizeBytes: number): Buffer {
  const head =
    'From: "Payroll Team" <hr@payroll-notice.example>\r\nTo: alice@example.org\r\nSubject: Salary adjustment notice\r\n' +
    `Message-ID: <${randomUUID()}@payroll-notice.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n` +
    '--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Your salary adjustment is ready. <a href="https://payroll-notice.example/login?id=1">Review</a></p>\r\n' +
    '--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="adjustment.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  const tail = '\r\n--b--\r\n';
  const line = 'JVBERi0xLjcKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k\r\n';
  const lines = Math.max(0, Math.floor((sizeBytes - head.length - tail.length) / line.length));
  return Buffer.from(head + line.repeat(lines) + tail);
}

async function scenario(url: string, label: string, sizeBytes: number, connections: number, duration: number) {
  const eml = message(sizeBytes).toString('base64');
  // The key is the only part that changes; the body is assembled around it per request.
  const prefix = '{"key":"';
  const suffix = `","eml":"${eml}","emlSource":"original","reporter":{"address":"bench@example.org"},"reasons":["other"]}`;
  const result = await autocannon({
    url: `${url}/api/reports`,
    method: 'POST',
    connections,
    duration,
    headers: { authorization: `Bearer ${TOKENS.reporter}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, body: prefix + randomUUID() + suffix }) }],
  });
  const line =
    `${label.padEnd(7)} ${result.requests.average.toFixed(1).padStart(7)} reports/s   ` +
    `p50 ${String(result.latency.p50).padStart(5)} ms   p99 ${String(result.latency.p99).padStart(5)} ms   ` +
    `${result['2xx']} stored, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts (${connections} connections, ${duration} s)`;
  console.log(line);
  return result;
}

/** The floor in the same run: the same server answering GET /healthz (HTTP, security headers, no body, no database). */
async function baseline(url: string, duration: number) {
  const result = await autocannon({ url: `${url}/healthz`, method: 'GET', connections: 8, duration });
  console.log(
    `${'baseline'.padEnd(7)} ${result.requests.average.toFixed(1).padStart(7)} requests/s  ` +
      `p50 ${String(result.latency.p50).padStart(5)} ms   p99 ${String(result.latency.p99).padStart(5)} ms   GET /healthz (HTTP and headers only, 8 connections, ${duration} s)`,
  );
  return result;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const durationIndex = argv.indexOf('--duration');
  const duration = durationIndex >= 0 ? Math.min(Math.max(Number(argv[durationIndex + 1]) || 10, 1), 60) : 10;
  const dir = mkdtempSync(path.join(tmpdir(), 'lurelens-bench-'));
  const configFile = path.join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ rateLimit: false, logLevel: 'warn', publicUrl: 'http://127.0.0.1' }));
  const service = await startServiceProcess(path.join(dir, 'data'), configFile, TOKENS);
  try {
    console.log(`Lure Lens intake benchmark against ${service.url} (SQLite WAL, synchronous=FULL; parse + analyse + commit per report)`);
    const floor = await baseline(service.url, Math.min(duration, 5));
    for (const [label, size, connections] of [['50 KB', 50 * 1024, 8], ['1 MB', 1024 * 1024, 4]] as const) {
      const result = await scenario(service.url, label, size, connections, duration);
      const share = (100 * result.requests.average) / Math.max(floor.requests.average, 1e-9);
      console.log(`        ${share.toFixed(1)}% of the baseline's request rate: the rest is decoding, parsing, analysis and the fsynced commit`);
    }
  } finally {
    service.process.kill('SIGTERM');
    await service.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

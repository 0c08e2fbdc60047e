// Durability check: every report the service acknowledged with 201 must survive the process being
// killed (SIGKILL, no shutdown code runs) in the middle of a load. Starts the service as a child
// process on 127.0.0.1 with a temporary data directory, posts unique reports concurrently, kills it
// after a number of acknowledgements, restarts it on the same directory and compares every
// acknowledged report's stored bytes with what was sent (SHA-256).
//
//   npx tsx scripts/durability.ts [--reports N] [--concurrency N] [--kill-after N] [--size BYTES]
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DurabilityOptions {
  /** Most reports sent in total. */
  reports: number;
  concurrency: number;
  /** SIGKILL the server once this many reports were acknowledged. */
  killAfterAcks: number;
  /** Approximate size of each message. */
  sizeBytes: number;
  /** Give up on the load after this long (the kill happens at the latest then). */
  timeLimitMs: number;
  log: (line: string) => void;
}

export interface DurabilityResult {
  sent: number;
  acknowledged: number;
  /** Acknowledged reports found after the restart. */
  presentAfterRestart: number;
  /** Acknowledged reports whose stored bytes have the SHA-256 of what was sent. */
  identical: number;
  /** Reports stored in total after the restart (can exceed acknowledged: committed, answer lost). */
  storedAfterRestart: number;
  missing: string[];
}

const ROOT = path.resolve(__dirname, '..');
const TOKENS = { analyst: `analyst-${randomBytes(12).toString('hex')}`, reporter: `reporter-${randomBytes(12).toString('hex')}` };
const ANALYST = TOKENS.analyst;
const REPORTER = TOKENS.reporter;

function message(index: number, sizeBytes: number): Buffer {
  const head =
    `From: "Load ${index}" <sender${index}@durability.example>\r\nTo: victim@example.org\r\n` +
    `Subject: Durability check ${index}\r\nMessage-ID: <${randomUUID()}@durability.example>\r\nMIME-Version: 1.0\r\n` +
    'Content-Type: text/plain; charset=utf-8\r\n\r\n';
  const filler = randomBytes(Math.max(0, Math.floor((sizeBytes - head.length) * 0.75)))
    .toString('base64')
    .replace(/(.{76})/g, '$1\r\n');
  return Buffer.from(head + filler + '\r\n');
}

export interface ServiceProcess {
  process: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/**
 * Runs src/server/main.ts in its own Node process (tsx loader in-process, so a signal reaches the
 * server itself and not a wrapper) on 127.0.0.1 with an ephemeral port; resolves with its URL.
 */
export async function startServiceProcess(
  dataDir: string,
  configFile: string,
  tokens: { analyst: string; reporter: string },
  /** Another copy of the sources (e.g. an earlier revision, to compare with); this tree by default. */
  sourceRoot = ROOT,
): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(sourceRoot, 'src/server/main.ts'), '--config', configFile, '--port', '0', '--host', '127.0.0.1', '--data', dataDir,
      '--token', `analyst:${tokens.analyst}`, '--token', `reporter:${tokens.reporter}`],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening:\n${output}`));
    });
  });
  // Keep draining the pipes so the child never blocks on a full buffer.
  child.stdout!.resume();
  child.stderr!.resume();
  return { process: child, url, exited };
}

export async function runDurabilityCheck(partial: Partial<DurabilityOptions> = {}): Promise<DurabilityResult> {
  const given = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined && !Number.isNaN(value)));
  const options: DurabilityOptions = { reports: 400, concurrency: 8, killAfterAcks: 150, sizeBytes: 20_000, timeLimitMs: 20_000, log: console.log, ...given };
  const dir = mkdtempSync(path.join(tmpdir(), 'lurelens-durability-'));
  const dataDir = path.join(dir, 'data');
  const configFile = path.join(dir, 'config.json');
  // No rate limits (the load comes from one address) and quiet logs.
  writeFileSync(configFile, JSON.stringify({ rateLimit: false, logLevel: 'warn', publicUrl: 'http://127.0.0.1' }));
  let second: ServiceProcess | undefined;
  try {
    const first = await startServiceProcess(dataDir, configFile, TOKENS);
    const acknowledged = new Map<string, string>();
    let sent = 0;
    let next = 0;
    let killed = false;
    const deadline = Date.now() + options.timeLimitMs;
    const kill = () => {
      if (killed) return;
      killed = true;
      first.process.kill('SIGKILL');
    };
    const timer = setTimeout(kill, options.timeLimitMs);

    const worker = async () => {
      while (!killed && next < options.reports && Date.now() < deadline) {
        const index = next++;
        const eml = message(index, options.sizeBytes);
        const body = JSON.stringify({ key: randomUUID(), eml: eml.toString('base64'), emlSource: 'original', reporter: { address: `user${index}@example.org` }, reasons: ['other'] });
        sent++;
        try {
          const response = await fetch(`${first.url}/api/reports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${REPORTER}`, 'content-type': 'application/json' },
            body,
          });
          if (response.status === 201) {
            const receipt = (await response.json()) as { id: string };
            acknowledged.set(receipt.id, createHash('sha256').update(eml).digest('hex'));
            if (acknowledged.size >= options.killAfterAcks) kill();
          } else {
            await response.body?.cancel();
          }
        } catch {
          // Connection refused or reset: the server is gone; this report was never acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    kill();
    clearTimeout(timer);
    await first.exited;
    options.log(`killed the service (SIGKILL) after ${acknowledged.size} acknowledgements; ${sent} reports sent`);

    second = await startServiceProcess(dataDir, configFile, TOKENS);
    const auth = { authorization: `Bearer ${ANALYST}` };
    const missing: string[] = [];
    let present = 0;
    let identical = 0;
    for (const [id, expected] of acknowledged) {
      const response = await fetch(`${second.url}/api/reports/${id}/eml`, { headers: auth });
      if (response.status !== 200) {
        missing.push(id);
        await response.body?.cancel();
        continue;
      }
      present++;
      const bytes = Buffer.from(await response.arrayBuffer());
      if (createHash('sha256').update(bytes).digest('hex') === expected) identical++;
    }
    const total = (await (await fetch(`${second.url}/api/reports?limit=1`, { headers: auth })).json()) as { total: number };
    const result: DurabilityResult = {
      sent,
      acknowledged: acknowledged.size,
      presentAfterRestart: present,
      identical,
      storedAfterRestart: total.total,
      missing,
    };
    options.log(
      `sent ${result.sent}, acknowledged ${result.acknowledged}, present after restart ${result.presentAfterRestart} ` +
        `(byte-identical ${result.identical}), stored in total ${result.storedAfterRestart}`,
    );
    return result;
  } finally {
    if (second) {
      second.process.kill('SIGTERM');
      await second.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function flag(argv: string[], name: string): number | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? Number(argv[index + 1]) : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  runDurabilityCheck({
    reports: flag(argv, '--reports'),
    concurrency: flag(argv, '--concurrency'),
    killAfterAcks: flag(argv, '--kill-after'),
    sizeBytes: flag(argv, '--size'),
  } as Partial<DurabilityOptions>).then(
    (result) => {
      const ok = result.missing.length === 0 && result.identical === result.acknowledged;
      console.log(ok ? 'OK: every acknowledged report survived, byte for byte.' : `FAILED: ${result.missing.length} acknowledged report(s) missing`);
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}

// Durability check: every report the service acknowledged with 201 must survive the process being
// killed (SIGKILL, no shutdown code runs) in the middle of a load. Starts the service as a child
// process on 127.0.0.1 with a temporary data directory, posts unique reports concurrently, kills it
// after a number of acknowledgements, restarts it on the same directory and compares every
// acknowledged report's stored bytes with what was sent (SHA-256).
//
// With --database-url the service keeps its reports in that PostgreSQL database instead of SQLite.
// --instances 2 (PostgreSQL only) runs two services on that database, as behind a load balancer:
// the load alternates between them, one is killed, the load goes on against the other (as a load
// balancer would send it), and every acknowledged report is checked on the survivor and, after the
// killed one restarts, on it too.
//
//   npx tsx scripts/durability.ts [--reports N] [--concurrency N] [--kill-after N] [--size BYTES]
//                                 [--database-url URL [--instances 2]]
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
  /** PostgreSQL instead of SQLite (the URL is passed in the environment, never on a command line). */
  databaseUrl?: string;
  /** 2: two services on databaseUrl, one of them killed. */
  instances?: 1 | 2;
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
  /** Two instances: acknowledged reports the surviving instance served while the other was down. */
  presentOnSurvivor?: number;
  /** Two instances: acknowledgements that came from the instance that was not killed. */
  acknowledgedBySurvivor?: number;
}

const ROOT = path.resolve(__dirname, '..');
/** Generous: on a busy machine the service's start (tsx compiling, the analysis worker) takes a while. */
const START_TIMEOUT_MS = 60_000;
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
  /** PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl?: string,
): Promise<ServiceProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // Only what the caller asked for: a LURELENS_DATABASE_URL of the caller's own environment is not inherited.
  delete env.LURELENS_DATABASE_URL;
  if (databaseUrl) env.LURELENS_DATABASE_URL = databaseUrl;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(sourceRoot, 'src/server/main.ts'), '--config', configFile, '--port', '0', '--host', '127.0.0.1', '--data', dataDir,
      '--token', `analyst:${tokens.analyst}`, '--token', `reporter:${tokens.reporter}`],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: the caller never learns its URL, so nothing else would stop it.
      child.kill('SIGKILL');
      reject(new Error(`service did not start in ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
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

/** Fetches every acknowledged report's message from `url`; returns the ids missing and how many are byte-identical. */
async function verify(url: string, acknowledged: ReadonlyMap<string, string>): Promise<{ missing: string[]; present: number; identical: number; total: number }> {
  const auth = { authorization: `Bearer ${ANALYST}` };
  const missing: string[] = [];
  let present = 0;
  let identical = 0;
  for (const [id, expected] of acknowledged) {
    const response = await fetch(`${url}/api/reports/${id}/eml`, { headers: auth });
    if (response.status !== 200) {
      missing.push(id);
      await response.body?.cancel();
      continue;
    }
    present++;
    const bytes = Buffer.from(await response.arrayBuffer());
    if (createHash('sha256').update(bytes).digest('hex') === expected) identical++;
  }
  const total = ((await (await fetch(`${url}/api/reports?limit=1`, { headers: auth })).json()) as { total: number }).total;
  return { missing, present, identical, total };
}

export async function runDurabilityCheck(partial: Partial<DurabilityOptions> = {}): Promise<DurabilityResult> {
  const given = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined && !Number.isNaN(value)));
  const options: DurabilityOptions = { reports: 400, concurrency: 8, killAfterAcks: 150, sizeBytes: 20_000, timeLimitMs: 20_000, log: console.log, ...given };
  const instances = options.instances ?? 1;
  if (instances === 2 && !options.databaseUrl) throw new Error('two instances share a PostgreSQL database: give its URL (--database-url)');
  const dir = mkdtempSync(path.join(tmpdir(), 'lurelens-durability-'));
  const configFile = path.join(dir, 'config.json');
  // No rate limits or admission caps (the load comes from one address) and quiet logs.
  writeFileSync(configFile, JSON.stringify({ rateLimit: false, logLevel: 'warn', publicUrl: 'http://127.0.0.1', intake: { maxConcurrent: 64, maxPerClient: 64 } }));
  // Each instance has its own data directory (uploads in progress, tokens); with PostgreSQL they share the reports.
  const dataDirs = [path.join(dir, 'data-1'), path.join(dir, 'data-2')];
  const start = (index: number) => startServiceProcess(dataDirs[index], configFile, TOKENS, ROOT, options.databaseUrl);
  const running: ServiceProcess[] = [];
  try {
    const services = [await start(0)];
    if (instances === 2) services.push(await start(1));
    running.push(...services);
    const [victim] = services;
    const acknowledged = new Map<string, string>();
    let bySurvivor = 0;
    let sent = 0;
    let next = 0;
    let killed = false;
    const deadline = Date.now() + options.timeLimitMs;
    let acknowledgedAtKill = 0;
    const kill = () => {
      if (killed) return;
      killed = true;
      acknowledgedAtKill = acknowledged.size;
      victim.process.kill('SIGKILL');
    };
    const timer = setTimeout(kill, options.timeLimitMs);
    // One instance: the load stops with the kill. Two: it goes on against the survivor until every report was sent.
    const more = () => (instances === 1 ? !killed : true) && next < options.reports && Date.now() < deadline + (instances === 2 ? options.timeLimitMs : 0);

    const worker = async () => {
      while (more()) {
        const index = next++;
        // Alternating, as a load balancer would; after the kill, only the survivor is left to send to.
        const target = instances === 2 && (killed || index % 2 === 1) ? services[1] : victim;
        const eml = message(index, options.sizeBytes);
        const body = JSON.stringify({ key: randomUUID(), eml: eml.toString('base64'), emlSource: 'original', reporter: { address: `user${index}@example.org` }, reasons: ['other'] });
        sent++;
        try {
          const response = await fetch(`${target.url}/api/reports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${REPORTER}`, 'content-type': 'application/json' },
            body,
          });
          if (response.status === 201) {
            const receipt = (await response.json()) as { id: string };
            acknowledged.set(receipt.id, createHash('sha256').update(eml).digest('hex'));
            if (target !== victim) bySurvivor++;
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
    await victim.exited;
    running.splice(running.indexOf(victim), 1);
    options.log(
      instances === 2
        ? `killed one of two instances (SIGKILL) after ${acknowledgedAtKill} acknowledgements, the other took the load on; ${sent} reports sent`
        : `killed the service (SIGKILL) after ${acknowledgedAtKill} acknowledgements; ${sent} reports sent`,
    );

    let onSurvivor: Awaited<ReturnType<typeof verify>> | undefined;
    if (instances === 2) {
      onSurvivor = await verify(services[1].url, acknowledged);
      options.log(`the surviving instance serves ${onSurvivor.present} of ${acknowledged.size} acknowledged reports (${bySurvivor} acknowledged by it)`);
    }
    const restarted = await start(0);
    running.push(restarted);
    const after = await verify(restarted.url, acknowledged);
    const result: DurabilityResult = {
      sent,
      acknowledged: acknowledged.size,
      presentAfterRestart: after.present,
      identical: after.identical,
      storedAfterRestart: after.total,
      missing: [...new Set([...after.missing, ...(onSurvivor?.missing ?? [])])],
      ...(onSurvivor ? { presentOnSurvivor: onSurvivor.present, acknowledgedBySurvivor: bySurvivor } : {}),
    };
    options.log(
      `sent ${result.sent}, acknowledged ${result.acknowledged}, present after restart ${result.presentAfterRestart} ` +
        `(byte-identical ${result.identical}), stored in total ${result.storedAfterRestart}`,
    );
    return result;
  } finally {
    for (const service of running) {
      service.process.kill('SIGTERM');
      await service.exited;
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
  const urlIndex = argv.indexOf('--database-url');
  runDurabilityCheck({
    reports: flag(argv, '--reports'),
    concurrency: flag(argv, '--concurrency'),
    killAfterAcks: flag(argv, '--kill-after'),
    sizeBytes: flag(argv, '--size'),
    databaseUrl: urlIndex >= 0 ? argv[urlIndex + 1] : process.env.LURELENS_DATABASE_URL,
    instances: flag(argv, '--instances') === 2 ? 2 : 1,
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

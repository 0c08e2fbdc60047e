// Intake throughput: autocannon against a locally started service (own process, 127.0.0.1 only,
// temporary data directory, rate limits off), ~10 s per message size, every request a new key so
// each one is parsed, analysed and committed (fsync) for real, after a warm-up of 2 s per backend that is
// not counted (--warmup 0 counts from the first report): on SQLite, on PostgreSQL (a
// throw-away cluster with fsync on, as in production, started from Debian's programs) and with two
// instances on that PostgreSQL, the load split between them (the PostgreSQL rows are left out,
// saying why, where its programs are missing). The instances of a row share the default number of
// analysis workers (workersPerInstance). Each row also says where the CPU went per report
// (bench-cpu.ts: service, database server, load generator), which stays comparable when the
// machine is shared and the rates are not, and the machine's load average when it ended.
//
// One run on a shared machine proves little (two runs in a row once differed by 22 %), so the
// backends are measured in rounds (--rounds, 3 by default: about four minutes), interleaved and in
// a rotated order, each round on fresh services and databases; the table at the end gives each
// backend's median with its lowest and highest rate, and says in how many rounds two PostgreSQL
// instances were at least as fast as SQLite in the same round. It starts by naming the machine
// (cores, CPU, load). The instances reach the cluster over its unix socket, as instances on the
// database's machine should (--tcp: over TCP on 127.0.0.1, as from other machines). Then the abuse
// scenarios (scripts/bench-abuse.ts: MIME bomb, slow bodies, parallel large reports) against a
// fresh service with /healthz latency and peak memory during each, printed under the throughput
// figures.
//
//   npm run bench:service  [-- --rounds N] [--duration SECONDS] [--warmup SECONDS] [--abuse-only] [--no-abuse]
//                          [--sqlite-only] [--tcp] [--bombs N] [--slow-connections N] [--parallel N] [--compare-with REV]
//
// --compare-with REV runs the throughput and the abuse scenarios against that git revision too (its
// src/ exported into .bench/REV inside this tree, so it uses these node_modules; on databases of its
// own), its backends interleaved with this tree's, so both sets of figures come from the same minutes.
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { countCpu, formatCpu, type CpuShare } from './bench-cpu';
import { formatFigures, largeMessage, mimeBombScenario, parallelLargeScenario, rssMb, slowBodyScenario } from './bench-abuse';
import { startServiceProcess, type ServiceProcess } from './durability';
import { defaultWorkerCount } from '../src/server/analysis/pool';
import { findPostgres } from '../tests/support/postgres-bin';
import { startCluster, type PostgresCluster } from '../tests/support/postgres-cluster';

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

interface Throughput {
  rate: number;
  p50: number;
  p99: number;
  stored: number;
  failed: number;
}

/**
 * Posts new reports of `sizeBytes` for `duration` s over `connections` connections, split evenly
 * between `urls` (one per instance); rates add up, latencies are the slowest instance's.
 */
async function throughput(urls: string[], sizeBytes: number, connections: number, duration: number): Promise<Throughput> {
  const eml = largeMessage(sizeBytes).toString('base64');
  // The key is the only part that changes; the body is assembled around it per request.
  const prefix = '{"key":"';
  const suffix = `","eml":"${eml}","emlSource":"original","reporter":{"address":"bench@example.org"},"reasons":["other"]}`;
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/api/reports`,
        method: 'POST',
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration,
        headers: { authorization: `Bearer ${TOKENS.reporter}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, body: prefix + randomUUID() + suffix }) }],
      }),
    ),
  );
  return {
    rate: results.reduce((sum, result) => sum + result.requests.average, 0),
    p50: Math.max(...results.map((result) => result.latency.p50)),
    p99: Math.max(...results.map((result) => result.latency.p99)),
    stored: results.reduce((sum, result) => sum + result['2xx'], 0),
    failed: results.reduce((sum, result) => sum + result.non2xx + result.errors + result.timeouts, 0),
  };
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

function numberFlag(argv: string[], name: string, fallback: number, max: number): number {
  const index = argv.indexOf(name);
  return index >= 0 ? Math.min(Math.max(Number(argv[index + 1]) || fallback, 1), max) : fallback;
}

/**
 * Analysis workers per instance: one instance has the default, several on this one machine share
 * that many between them (docs/service.md, several instances on one host), so every row of the
 * table runs as many analysis threads on the machine's cores.
 */
function workersPerInstance(instances: number): number {
  return Math.max(1, Math.round(defaultWorkerCount() / instances));
}

async function withServices<T>(count: number, run: (services: ServiceProcess[]) => Promise<T>, sourceRoot?: string, databaseUrl?: string): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lurelens-bench-'));
  const configFile = path.join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ rateLimit: false, logLevel: 'warn', publicUrl: 'http://127.0.0.1', analysis: { workers: workersPerInstance(count) } }));
  const services: ServiceProcess[] = [];
  try {
    for (let i = 0; i < count; i++) services.push(await startServiceProcess(path.join(dir, `data-${i}`), configFile, TOKENS, sourceRoot, databaseUrl));
    return await run(services);
  } finally {
    for (const service of services) {
      service.process.kill('SIGTERM');
      await service.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withService<T>(run: (url: string, pid: number) => Promise<T>, sourceRoot?: string): Promise<T> {
  return withServices(1, ([service]) => run(service.url, service.process.pid ?? 0), sourceRoot);
}

interface Backend {
  label: string;
  /** The source tree measured (this one, or a --compare-with revision). */
  tree: string;
  instances: number;
  /** A fresh PostgreSQL database per round (none: SQLite, in the round's own data directory). */
  database?: (round: number) => Promise<string>;
  /** The PostgreSQL cluster's directory, to count its processes' CPU time. */
  clusterDir?: string;
  sourceRoot?: string;
}

const SIZES = [
  ['50 KB', 50 * 1024, 8],
  ['1 MB', 1024 * 1024, 4],
] as const;

/** One row of one round. */
interface Measurement extends Throughput {
  backend: string;
  size: string;
  round: number;
  cpu: CpuShare;
  /** The machine's 1-minute load average when the row ended: other work on the cores shows here. */
  load: number;
}

/** A source tree to measure: this one, or a revision exported by --compare-with (its sources' directory). */
type Tree = [name: string, sourceRoot: string | undefined];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Round r measures the backends in a rotated order, so no backend always runs first (fresh machine) or last. */
function rotated<T>(items: T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function measureBackend(backend: Backend, round: number, duration: number, warmup: number): Promise<Measurement[]> {
  const databaseUrl = await backend.database?.(round);
  return withServices(
    backend.instances,
    async (services) => {
      const urls = services.map((service) => service.url);
      // Not counted: the first reports of a fresh process compile the analysis code (JIT) in each of its threads.
      if (warmup > 0) await throughput(urls, SIZES[0][1], SIZES[0][2], warmup);
      const rows: Measurement[] = [];
      for (const [size, bytes, connections] of SIZES) {
        const cpu = countCpu(services.map((service) => service.process.pid ?? 0), backend.clusterDir);
        const result = await throughput(urls, bytes, connections, duration);
        const row: Measurement = { ...result, backend: backend.label, size, round, cpu: cpu(result.stored), load: loadavg()[0] };
        rows.push(row);
        console.log(
          `round ${round + 1}  ${backend.label.padEnd(26)} ${size.padEnd(6)} ${result.rate.toFixed(1).padStart(7)} reports/s   p50 ${String(result.p50).padStart(5)} ms   ` +
            `p99 ${String(result.p99).padStart(5)} ms   ${result.stored} stored, ${result.failed} failed (${connections} connections); ` +
            `${formatCpu(row.cpu, backend.clusterDir !== undefined)}; load ${row.load.toFixed(2)}`,
        );
      }
      console.log(
        `round ${round + 1}  ${backend.label.padEnd(26)} peak RSS ${services.map((service) => `${rssMb(service.process.pid ?? 0).toFixed(0)} MB`).join(' + ')}, ` +
          `${workersPerInstance(services.length)} analysis worker(s) each`,
      );
      return rows;
    },
    backend.sourceRoot,
    databaseUrl,
  );
}

/**
 * Every backend `rounds` times, interleaved (round 1: all backends, round 2: all again, in a
 * rotated order, …), so a burst of other work on the machine lands on one round of each rather than
 * on all rounds of one; then the medians side by side with their spread, and how PostgreSQL ×2
 * compared with SQLite round by round (the same minutes, so the same machine load).
 */
async function throughputByBackend(backends: Backend[], rounds: number, duration: number, warmup: number): Promise<void> {
  const rows: Measurement[] = [];
  for (let round = 0; round < rounds; round++) for (const backend of rotated(backends, round)) rows.push(...(await measureBackend(backend, round, duration, warmup)));
  console.log(`\nSide by side: median of ${rounds} round(s) [lowest–highest reports/s]; two instances: the load split between them, rates added, latency of the slower one.`);
  for (const [size] of SIZES) {
    for (const backend of backends) {
      const of = rows.filter((row) => row.size === size && row.backend === backend.label);
      const rates = of.map((row) => row.rate);
      const cpu: CpuShare = {
        service: median(of.map((row) => row.cpu.service)),
        database: median(of.map((row) => row.cpu.database)),
        loadGenerator: median(of.map((row) => row.cpu.loadGenerator)),
      };
      console.log(
        `  ${backend.label.padEnd(26)} ${size.padEnd(6)} ${median(rates).toFixed(1).padStart(7)} reports/s [${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}]   ` +
          `p50 ${median(of.map((row) => row.p50)).toFixed(0).padStart(4)} ms   p99 ${median(of.map((row) => row.p99)).toFixed(0).padStart(4)} ms   ` +
          `${of.reduce((sum, row) => sum + row.failed, 0)} failed; ${formatCpu(cpu, backend.clusterDir !== undefined)}`,
      );
    }
  }
  // The acceptance line (docs/service.md): two PostgreSQL instances against one SQLite instance of the same tree.
  for (const two of backends.filter((backend) => backend.instances === 2)) {
    const sqlite = backends.find((backend) => backend.tree === two.tree && backend.database === undefined);
    if (!sqlite) continue;
    for (const [size] of SIZES) {
      const rate = (label: string, round: number) => rows.find((row) => row.size === size && row.round === round && row.backend === label)?.rate ?? 0;
      const pairs = [...Array(rounds).keys()].map((round) => [rate(two.label, round), rate(sqlite.label, round)] as const);
      const ahead = pairs.filter(([a, b]) => a >= b).length;
      const ratio = median(pairs.map(([a]) => a)) / median(pairs.map(([, b]) => b));
      console.log(`  ${two.label} against ${sqlite.label}, ${size}: ${(ratio * 100).toFixed(0)} % of its median rate; at least as fast in ${ahead} of ${rounds} round(s)`);
    }
  }
}

/**
 * The cluster's URL over its unix socket instead of TCP on 127.0.0.1: what instances on the
 * database's own machine should use (docs/service.md); the kernel's TCP loopback cost the service
 * CPU of its own per statement.
 */
function overSocket(url: string, socketDir: string): string {
  const parsed = new URL(url);
  return `postgresql://${parsed.username}:${parsed.password}@${parsed.pathname}?host=${encodeURIComponent(socketDir)}&port=${parsed.port}`;
}

/** The machine the figures belong to. */
function describeMachine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const [one, five] = loadavg();
  return `${availableParallelism()} core(s) (${model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) at the start`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const duration = numberFlag(argv, '--duration', 10, 60);
  const rounds = numberFlag(argv, '--rounds', 3, 10);
  const tcp = argv.includes('--tcp');
  const warmup = argv.includes('--warmup') ? Math.min(Math.max(Number(argv[argv.indexOf('--warmup') + 1]) || 0, 0), 60) : 2;
  const compareIndex = argv.indexOf('--compare-with');
  const revision = compareIndex >= 0 ? argv[compareIndex + 1] : undefined;
  const trees: Tree[] = [['this tree', undefined]];
  if (revision) trees.push([revision, exportRevision(revision)]);
  if (!argv.includes('--abuse-only')) {
    console.log(`Machine: ${describeMachine()}`);
    await withService(async (url) => {
      console.log(`Lure Lens intake benchmark (parse + analyse + durable commit per report) against ${url}`);
      const floor = await baseline(url, Math.min(duration, 5));
      console.log(`        the floor: the service answers ${floor.requests.average.toFixed(0)} requests/s that touch no message and no database`);
    });
    const programs = findPostgres();
    let cluster: PostgresCluster | undefined;
    if (argv.includes('--sqlite-only')) console.log('PostgreSQL left out (--sqlite-only).');
    else if (programs.missing !== undefined) console.log(`PostgreSQL left out: ${programs.missing}.`);
    else {
      cluster = await startCluster({ durable: true });
      console.log(
        `PostgreSQL ${cluster.port}: a throw-away cluster with fsync and synchronous_commit on (${cluster.dir}), ` +
          (tcp ? 'reached over TCP (--tcp)' : 'reached over its unix socket, as instances on its machine would (--tcp: over TCP)'),
      );
    }
    const backends: Backend[] = trees.flatMap(([tree, sourceRoot], index) => {
      const suffix = trees.length > 1 ? ` (${tree})` : '';
      const on = cluster;
      const database = async (name: string) => {
        const url = await on!.createDatabase(name);
        return tcp ? url : overSocket(url, on!.dir);
      };
      return [
        { label: `SQLite${suffix}`, tree, instances: 1, sourceRoot },
        ...(on
          ? [
              { label: `PostgreSQL${suffix}`, tree, instances: 1, sourceRoot, clusterDir: on.dir, database: (round: number) => database(`bench_one_${index}_${round}`) },
              { label: `PostgreSQL ×2${suffix}`, tree, instances: 2, sourceRoot, clusterDir: on.dir, database: (round: number) => database(`bench_two_${index}_${round}`) },
            ]
          : []),
      ];
    });
    console.log(`${rounds} round(s) of ${backends.length} backend(s), ${duration} s per message size after ${warmup} s of warm-up, each round on fresh services and databases.`);
    try {
      await throughputByBackend(backends, rounds, duration, warmup);
    } finally {
      await cluster?.stop();
    }
    console.log(`Machine at the end: load average ${loadavg()[0].toFixed(2)} (1 min)`);
  }
  if (argv.includes('--no-abuse')) return;
  const bombs = numberFlag(argv, '--bombs', 3, 20);
  const slow = numberFlag(argv, '--slow-connections', 40, 200);
  const parallel = numberFlag(argv, '--parallel', 16, 100);
  for (const [name, sourceRoot] of trees) {
    // A fresh service per scenario, so one scenario's left-overs do not count against the next.
    console.log(`\nAbuse scenarios against ${name} (reporter token, which is public by design; /healthz probed every 50 ms during each):`);
    console.log(formatFigures(await withService((url, pid) => mimeBombScenario(url, pid, TOKENS.reporter, bombs), sourceRoot)));
    console.log(formatFigures(await withService((url, pid) => slowBodyScenario(url, pid, TOKENS.reporter, slow, 46 * 1024 * 1024, 20_000), sourceRoot)));
    console.log(formatFigures(await withService((url, pid) => parallelLargeScenario(url, pid, TOKENS.reporter, parallel, 10 * 1024 * 1024, duration * 1000), sourceRoot)));
  }
}

/** The sources of a git revision under .bench/REV (inside this tree, so its imports find node_modules). */
function exportRevision(revision: string): string {
  if (!/^[\w./-]{1,100}$/.test(revision)) throw new Error(`--compare-with: "${revision}" is not a revision name`);
  const root = path.resolve(__dirname, '..');
  const target = path.join(root, '.bench', revision.replace(/[^\w.-]/g, '_'));
  if (!existsSync(target)) {
    mkdirSync(target, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', revision, 'src', 'package.json', 'manifest.xml'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', target], { input: archive });
  }
  return target;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// Intake throughput: autocannon against a locally started service (own process, 127.0.0.1 only,
// temporary data directory, rate limits off), ~10 s per message size, every request a new key so
// each one is parsed, analysed and committed (fsync) for real, after a warm-up of 2 s per backend that is
// not counted (--warmup 0 counts from the first report): on SQLite, on PostgreSQL (a
// throw-away cluster with fsync on, as in production, started from Debian's programs) and with two
// instances on that PostgreSQL, the load split between them, printed side by side (the PostgreSQL
// rows are left out, saying why, where its programs are missing). The instances of a row share the
// default number of analysis workers (workersPerInstance). Each row also says where the CPU went per
// report (bench-cpu.ts: service, database server, load generator), which stays comparable when the
// machine is shared and the rates are not. Then the abuse scenarios
// (scripts/bench-abuse.ts: MIME bomb, slow bodies, parallel large reports) against a fresh service
// with /healthz latency and peak memory during each, printed under the normal figures.
//
//   npm run bench:service  [-- --duration SECONDS] [--warmup SECONDS] [--abuse-only] [--no-abuse] [--sqlite-only]
//                          [--bombs N] [--slow-connections N] [--parallel N] [--compare-with REV]
//
// --compare-with REV runs the throughput and the abuse scenarios against that git revision too (its
// src/ exported into .bench/REV inside this tree, so it uses these node_modules; on databases of its
// own), one after the other, so both sets of figures come from the same machine in the same minutes.
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countCpu, formatCpu } from './bench-cpu';
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
  instances: number;
  databaseUrl?: string;
  /** The PostgreSQL cluster's directory, to count its processes' CPU time. */
  clusterDir?: string;
}

const SIZES = [
  ['50 KB', 50 * 1024, 8],
  ['1 MB', 1024 * 1024, 4],
] as const;

/** A source tree to measure: this one, or a revision exported by --compare-with (its sources' directory). */
type Tree = [name: string, sourceRoot: string | undefined];

/** Each backend's figures per message size (for each tree, on databases of its own), then the table that puts them side by side. */
async function throughputByBackend(backendsOf: (tree: number) => Promise<Backend[]>, duration: number, warmup: number, trees: Tree[]): Promise<void> {
  const rows: { size: string; line: string }[] = [];
  for (const [index, [tree, sourceRoot]] of trees.entries())
  for (const backend of await backendsOf(index)) {
    const label = trees.length > 1 ? `${backend.label} (${tree})` : backend.label;
    await withServices(
      backend.instances,
      async (services) => {
        // Not counted: the first reports of a fresh process compile the analysis code (JIT) in each of its threads.
        if (warmup > 0) await throughput(services.map((service) => service.url), SIZES[0][1], SIZES[0][2], warmup);
        for (const [size, bytes, connections] of SIZES) {
          const cpu = countCpu(services.map((service) => service.process.pid ?? 0), backend.clusterDir);
          const result = await throughput(services.map((service) => service.url), bytes, connections, duration);
          const line =
            `${label.padEnd(28)} ${size.padEnd(6)} ${result.rate.toFixed(1).padStart(7)} reports/s   p50 ${String(result.p50).padStart(5)} ms   ` +
            `p99 ${String(result.p99).padStart(5)} ms   ${result.stored} stored, ${result.failed} failed (${connections} connections); ` +
            formatCpu(cpu(result.stored), backend.clusterDir !== undefined);
          rows.push({ size, line });
          console.log(line);
        }
        console.log(
          `${label.padEnd(28)} peak RSS ${services.map((service) => `${rssMb(service.process.pid ?? 0).toFixed(0)} MB`).join(' + ')}, ` +
            `${workersPerInstance(services.length)} analysis worker(s) each`,
        );
      },
      sourceRoot,
      backend.databaseUrl,
    );
  }
  console.log('\nSide by side (two instances: the load split between them; rates added, latency of the slower one):');
  for (const [label] of SIZES) for (const row of rows.filter((row) => row.size === label)) console.log(`  ${row.line}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const duration = numberFlag(argv, '--duration', 10, 60);
  const warmup = argv.includes('--warmup') ? Math.min(Math.max(Number(argv[argv.indexOf('--warmup') + 1]) || 0, 0), 60) : 2;
  const compareIndex = argv.indexOf('--compare-with');
  const revision = compareIndex >= 0 ? argv[compareIndex + 1] : undefined;
  const trees: Tree[] = [['this tree', undefined]];
  if (revision) trees.push([revision, exportRevision(revision)]);
  if (!argv.includes('--abuse-only')) {
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
      console.log(`PostgreSQL ${cluster.port}: a throw-away cluster with fsync and synchronous_commit on (${cluster.dir})`);
    }
    const backendsOf = async (tree: number): Promise<Backend[]> => [
      { label: 'SQLite', instances: 1 },
      ...(cluster
        ? [
            { label: 'PostgreSQL', instances: 1, databaseUrl: await cluster.createDatabase(`bench_one_${tree}`), clusterDir: cluster.dir },
            { label: 'PostgreSQL ×2', instances: 2, databaseUrl: await cluster.createDatabase(`bench_two_${tree}`), clusterDir: cluster.dir },
          ]
        : []),
    ];
    try {
      await throughputByBackend(backendsOf, duration, warmup, trees);
    } finally {
      await cluster?.stop();
    }
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

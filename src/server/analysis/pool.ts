// A small pool of worker threads that do intake's expensive work (pool size from the machine's
// cores). Each job runs under a time budget (the worker is terminated and replaced when it is
// exceeded) and a memory budget (V8 resourceLimits: the worker dies with ERR_WORKER_OUT_OF_MEMORY
// instead of the service). A job over budget resolves as { ok: false, reason } — it never rejects —
// so intake can store the report as "not fully analysed". Jobs wait in a FIFO queue; the queue is
// bounded by intake's admission limits (limits.ts), not here.
import { clearTimeout, setTimeout } from 'node:timers';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Policy } from '../../policy/types';
import type { WorkerJob, WorkerReply } from './jobs';

export interface AnalysisBudget {
  /** Worker threads; 0 picks one per core, between 2 and 4. */
  workers: number;
  /** Longest a message may take to parse and analyse. */
  timeMs: number;
  /** V8 heap of one worker (old generation), in MB. */
  memoryMb: number;
  /** MIME parts read per message (examine.ts MAX_MIME_PARTS). */
  maxParts: number;
}

export type JobOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'time' | 'memory' | 'failed'; message: string };

interface Pending {
  id: number;
  job: WorkerJob;
  timeMs: number;
  resolve: (outcome: JobOutcome<unknown>) => void;
  transfer?: ArrayBuffer[];
}

interface Slot {
  worker: Worker;
  startedAt: number;
  current?: Pending;
  timer?: NodeJS.Timeout;
  /** Set when we terminated it (time budget); its exit is expected. */
  retiring?: JobOutcome<unknown>;
}

export function defaultWorkerCount(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

/** A fingerprint of the source tree (paths, sizes, times), so a bundle is rebuilt when the code changes. */
function sourceStamp(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (/\.(ts|json)$/.test(entry.name)) {
        const stat = statSync(full);
        hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(root, 0);
  return hash.digest('hex').slice(0, 16);
}

let bundled: string | undefined;

/**
 * The compiled worker (dist/node) when there is one. From the source tree (tests, benchmarks,
 * `npx tsx src/server/main.ts`) the TypeScript worker is bundled once with esbuild and kept in the
 * temporary directory until the sources change: compiling the engine in every new worker would
 * take seconds.
 */
function workerEntry(): string {
  const compiled = path.join(__dirname, 'worker.js');
  if (existsSync(compiled)) return compiled;
  if (bundled) return bundled;
  const source = path.join(__dirname, 'worker.ts');
  const target = path.join(tmpdir(), `lurelens-analysis-worker-${sourceStamp(path.resolve(__dirname, '..', '..'))}.js`);
  if (!existsSync(target)) {
    // esbuild is a development dependency: this path is only taken where the sources are. Its own
    // process, so the caller's environment (a jsdom test, a loader) cannot get in its way.
    const partial = `${target}.${process.pid}.tmp`;
    const options = { entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: partial, logLevel: 'error' };
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('esbuild'))}).buildSync(${JSON.stringify(options)})`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    renameSync(partial, target);
  }
  return (bundled = target);
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Consecutive workers that died soon after starting without a job (a budget too small to even load). */
  private earlyDeaths = 0;
  private readonly entry = workerEntry();
  readonly size: number;

  constructor(
    private readonly policy: Policy | undefined,
    private readonly budget: AnalysisBudget,
    private readonly onWorkerLost: (reason: string) => void = () => undefined,
  ) {
    this.size = budget.workers > 0 ? budget.workers : defaultWorkerCount();
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, {
      workerData: { policy: this.policy, maxParts: this.budget.maxParts },
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // Worker output would interleave with the service's JSON log lines.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, startedAt: Date.now() };
    worker.on('message', (reply: WorkerReply) => {
      const current = slot.current;
      if (!current || reply.id !== current.id) return;
      this.finish(slot, reply.ok ? { ok: true, value: reply.value } : { ok: false, reason: 'failed', message: reply.error.slice(0, 500) });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      slot.retiring ??= memory
        ? { ok: false, reason: 'memory', message: `The analysis needed more than its ${this.budget.memoryMb} MB memory budget.` }
        : { ok: false, reason: 'failed', message: `The analysis worker failed: ${error.message}`.slice(0, 500) };
    });
    worker.on('exit', () => this.replace(slot));
    worker.unref();
    return slot;
  }

  private finish(slot: Slot, outcome: JobOutcome<unknown>): void {
    const current = slot.current;
    clearTimeout(slot.timer);
    slot.current = undefined;
    slot.timer = undefined;
    current?.resolve(outcome);
    this.dispatch();
  }

  /** A worker exited: whatever it was doing fails with the reason we know, and a fresh one takes its place. */
  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const outcome = slot.retiring ?? { ok: false as const, reason: 'failed' as const, message: 'The analysis worker stopped unexpectedly.' };
    const hadJob = Boolean(slot.current);
    if (slot.current) {
      this.onWorkerLost(outcome.ok ? 'exit' : outcome.reason);
      this.finish(slot, outcome);
    }
    if (this.closed) {
      this.slots.splice(index, 1);
      return;
    }
    // A worker that cannot even start (memory budget below what the engine needs to load) must not
    // be respawned in a tight loop: wait longer each time, up to a minute.
    const early = !hadJob && Date.now() - slot.startedAt < 2_000;
    this.earlyDeaths = early ? this.earlyDeaths + 1 : 0;
    if (this.earlyDeaths > 2) {
      const placeholder: Slot = { ...slot, current: undefined, timer: undefined, retiring: slot.retiring ?? { ok: false, reason: 'failed', message: 'restarting' } };
      this.slots[index] = placeholder;
      const timer = setTimeout(() => {
        if (this.closed || this.slots[index] !== placeholder) return;
        this.slots[index] = this.spawn();
        this.dispatch();
      }, Math.min(60_000, 250 * 2 ** Math.min(this.earlyDeaths, 8)));
      timer.unref();
      return;
    }
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.current || slot.retiring) continue;
      const next = this.queue.shift()!;
      slot.current = next;
      slot.timer = setTimeout(() => {
        slot.retiring = { ok: false, reason: 'time', message: `The analysis took longer than its ${Math.round(next.timeMs / 1000)} s time budget.` };
        void slot.worker.terminate();
      }, next.timeMs);
      slot.worker.postMessage({ id: next.id, job: next.job }, next.transfer ?? []);
    }
  }

  run<T>(job: WorkerJob, timeMs = this.budget.timeMs, transfer?: ArrayBuffer[]): Promise<JobOutcome<T>> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'failed', message: 'The service is shutting down.' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, timeMs, transfer, resolve: resolve as (outcome: JobOutcome<unknown>) => void });
      this.dispatch();
    });
  }

  /** Jobs waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, reason: 'failed', message: 'The service is shutting down.' });
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}

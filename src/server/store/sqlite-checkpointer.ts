// Moves SQLite's WAL checkpoints off the event loop. better-sqlite3 runs on the thread that calls it,
// and SQLite checkpoints automatically inside the commit that crosses 1000 WAL pages: that commit
// then copies ~4 MB into the database file and fsyncs it while every request waits (the largest
// stalls left once raw messages were written in chunks). Here the service's connection has
// automatic checkpoints off, and a worker thread with a connection of its own runs PASSIVE
// checkpoints every CHECKPOINT_INTERVAL_MS: they never wait for or block the writer or readers.
// If the worker stops, the connection checkpoints by itself again (slower, never unbounded).
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const CHECKPOINT_INTERVAL_MS = 250;
/** SQLite's own default, restored when the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript run with eval, so the worker needs no build step (the service also runs from TypeScript sources).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  // A checkpoint that fails (disk full, I/O error) is tried again next time; the service's own writes report the failure.
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export class Checkpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(
    private readonly connection: Database.Database,
    file: string,
  ) {
    connection.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs: CHECKPOINT_INTERVAL_MS },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
  }

  private fallBack(): void {
    if (this.stopped || !this.connection.open) return;
    this.stopped = true;
    this.connection.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }

  /** Stops the worker (its connection closes); the service's connection checkpoints what is left when it closes. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('stop');
    await exited;
  }
}

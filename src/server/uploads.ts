// Report bodies go to disk as they arrive, never into memory: a JSON submission is written whole
// (an analysis worker takes it apart), a multipart one has its message file written and hashed on
// the way. Bodies that arrive too slowly are cut off: no data for `idleMs`, or less than
// `minBytesPerSecond` on average once `graceMs` have passed (a client trickling one byte a second
// would otherwise hold its admission slot for the whole request timeout).
import { clearInterval, setInterval } from 'node:timers';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, promises as fs, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors';
import { StorageError } from './store/types';

export interface BodyPace {
  /** Longest pause between two pieces of a body. */
  idleMs: number;
  /** Slowest average rate accepted once graceMs have passed. */
  minBytesPerSecond: number;
  graceMs: number;
}

/** Where bodies wait while they are received and examined: inside the data directory, private. */
export class UploadArea {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'incoming');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // Left-overs of a crash: their requests were never acknowledged.
    for (const name of readdirSync(this.dir)) rmSync(path.join(this.dir, name), { force: true, recursive: true });
  }

  file(suffix: string): string {
    return path.join(this.dir, `${randomUUID()}.${suffix}`);
  }

  /** Deletes upload files; one that is already gone (or was never written) is fine. */
  async remove(...files: (string | undefined)[]): Promise<void> {
    // unlink, not fs.rm: these are plain files, and rm's lstat first is a second system call per file.
    await Promise.all(files.map((file) => (file ? fs.unlink(file).catch(ignoreMissing) : undefined)));
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

/** Disk errors while receiving are the service's storage failing, not the client's fault. */
export function storageFailure(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StorageError('full', 'No space left to receive the report.', error);
  if (code === 'EROFS' || code === 'EIO' || code === 'EACCES') return new StorageError('unavailable', `The upload area cannot be written (${code}).`, error);
  return error;
}

/**
 * Watches a request body's pace; a body that stalls or trickles gets its connection closed. Returns
 * a function that stops watching and tells whether the body was cut off.
 */
export function watchPace(raw: IncomingMessage, pace: BodyPace): () => boolean {
  const started = Date.now();
  let last = started;
  let received = 0;
  let cut = false;
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    last = Date.now();
  };
  raw.on('data', onData);
  // What had arrived at each check, to measure the rate over the last graceMs: a body that sends
  // half at once and then a byte a second has a fine average but a recent rate of nearly nothing.
  const samples: { at: number; received: number }[] = [];
  const timer = setInterval(() => {
    const now = Date.now();
    samples.push({ at: now, received });
    while (samples.length > 1 && now - samples[1].at >= pace.graceMs) samples.shift();
    const window = samples[0];
    const tooSlow = now - started > pace.graceMs && now - window.at >= pace.graceMs && ((received - window.received) * 1000) / (now - window.at) < pace.minBytesPerSecond;
    if (now - last > pace.idleMs || tooSlow) {
      cut = true;
      stop();
      raw.socket?.destroy();
    }
  }, Math.min(1000, pace.idleMs));
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    raw.off('data', onData);
    return cut;
  };
  return stop;
}

export function slowBody(): ApiError {
  return new ApiError(408, 'request_timeout', 'The report arrived too slowly and was not accepted. Please retry.');
}

/** Counts and bounds what passes; the limit is the service's size limit for the whole body. */
function limiter(limitBytes: number, onTooLarge: () => Error, hash?: ReturnType<typeof createHash>) {
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limitBytes) return callback(onTooLarge());
      hash?.update(chunk);
      callback(null, chunk);
    },
  });
  return { transform, size: () => size };
}

/** Writes a stream to a private file, bounded; returns its size and SHA-256. */
export async function streamToFile(source: Readable, file: string, limitBytes: number, onTooLarge: () => Error): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const counted = limiter(limitBytes, onTooLarge, hash);
  try {
    await pipeline(source, counted.transform, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    throw storageFailure(error);
  }
  return { size: counted.size(), sha256: hash.digest('hex') };
}

/** The request was cut off by watchPace (or the client went away) while we read it. */
export function readFailure(request: FastifyRequest, error: unknown, cut: boolean): unknown {
  if (cut) return slowBody();
  if (request.raw.destroyed && !(error instanceof ApiError) && !(error instanceof StorageError)) {
    return new ApiError(400, 'invalid_request', 'The request body ended before it was complete.');
  }
  return error;
}

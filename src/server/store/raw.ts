// Raw messages, stored in chunks so that no single write or read holds the event loop for long: a
// 35 MB message written as one SQLite BLOB stopped the service for about a second (better-sqlite3
// runs on the event loop; /healthz waited behind it). A message up to SMALL_RAW_BYTES goes into
// the intake transaction itself; a larger one is written first, a chunk per short transaction that
// need not be durable on its own (the report's durable commit makes it so, sql.ts), with the event
// loop free between chunks, and the report row that refers to it is committed last. So a report
// never refers to a missing chunk. Chunks of an intake that fails are deleted by it; chunks left by
// a crash between the two are swept once they are older than any intake can take (ORPHAN_AGE_MS).
//
// Chunks belong to a raw_id the store draws per intake, not to the report id: a failing intake
// deletes only what it wrote itself. (Content addressing was left out: two reports of one message
// differ in their headers, so fixed-size chunks would seldom be shared, and sharing makes deleting
// a failed intake's chunks race with another intake that just found them.)
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { valueRows, type Queryable, type SqlDatabase, type Statement } from './sql';

/** Bytes per chunk: one chunk is the most a single SQLite write copies while the event loop waits. */
export const RAW_CHUNK_BYTES = 256 * 1024;
/** Up to this size the message is written inside the intake transaction (one statement, no orphans possible). */
export const SMALL_RAW_BYTES = 4 * RAW_CHUNK_BYTES;
/** Chunks read per query: reading is cheaper than writing, and fewer round trips help PostgreSQL. */
const CHUNKS_PER_READ = 4;
/** Unreferenced chunks younger than this may belong to an intake still running (on any instance). */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

export function newRawId(): string {
  return randomUUID();
}

function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / RAW_CHUNK_BYTES));
}

function chunkAt(raw: Uint8Array, seq: number): Buffer {
  const start = seq * RAW_CHUNK_BYTES;
  const end = Math.min(raw.byteLength, start + RAW_CHUNK_BYTES);
  return Buffer.from(raw.buffer, raw.byteOffset + start, end - start);
}

/** The statement writing a small message's chunks inside the intake transaction. */
export function smallRawStatement(rawId: string, raw: Uint8Array, nowMs: number): Statement {
  const count = chunkCount(raw.byteLength);
  return {
    sql: `INSERT INTO raw_chunks (raw_id, seq, written_ms, bytes) VALUES ${valueRows(count, 4)}`,
    params: Array.from({ length: count }, (_, seq) => [rawId, seq, nowMs, chunkAt(raw, seq)]).flat(),
  };
}

/**
 * Writes a large message ahead of its report, a chunk per transaction with the event loop free in
 * between. On failure, deletes what it wrote and rethrows.
 */
export async function writeRawAhead(db: SqlDatabase, rawId: string, raw: Uint8Array, nowMs: number): Promise<void> {
  try {
    for (let seq = 0; seq < chunkCount(raw.byteLength); seq++) {
      await db.transaction((tx) => tx.run('INSERT INTO raw_chunks (raw_id, seq, written_ms, bytes) VALUES (?, ?, ?, ?)', [rawId, seq, nowMs, chunkAt(raw, seq)]), {
        durable: false,
      });
      await yieldToEventLoop();
    }
  } catch (error) {
    await deleteRaw(db, rawId).catch(() => undefined);
    throw error;
  }
}

/** Deletes the chunks of an intake that did not store its report, a few at a time (freeing 35 MB is a write too). */
export async function deleteRaw(db: Queryable, rawId: string): Promise<void> {
  const last = Number((await db.get<{ n: number | null }>('SELECT MAX(seq) AS n FROM raw_chunks WHERE raw_id = ?', [rawId]))?.n ?? -1);
  for (let from = 0; from <= last; from += CHUNKS_PER_READ) {
    await db.run('DELETE FROM raw_chunks WHERE raw_id = ? AND seq >= ? AND seq < ?', [rawId, from, from + CHUNKS_PER_READ]);
    await yieldToEventLoop();
  }
}

/** The report's message, chunk by chunk in order; undefined when there is no such report. */
export async function rawChunks(db: Queryable, reportId: string): Promise<{ size: number; sha256: string; chunks: AsyncIterable<Buffer> } | undefined> {
  const report = await db.get<{ raw_id: string; raw_size: number; raw_sha256: string }>('SELECT raw_id, raw_size, raw_sha256 FROM reports WHERE id = ?', [reportId]);
  if (!report) return undefined;
  const rawId = report.raw_id;
  async function* chunks(): AsyncGenerator<Buffer> {
    let delivered = 0;
    for (let next = 0; ; ) {
      const rows = await db.all<{ seq: number; bytes: Buffer }>(
        `SELECT seq, bytes FROM raw_chunks WHERE raw_id = ? AND seq >= ? ORDER BY seq LIMIT ${CHUNKS_PER_READ}`,
        [rawId, next],
      );
      for (const row of rows) {
        if (Number(row.seq) !== next) break;
        delivered += row.bytes.byteLength;
        next++;
        yield row.bytes;
      }
      if (rows.length < CHUNKS_PER_READ || Number(rows[rows.length - 1].seq) !== next - 1) break;
      await yieldToEventLoop();
    }
    // A missing chunk is damage, never a shorter message.
    if (delivered !== Number(report!.raw_size)) throw new Error(`the stored message of report ${reportId} is incomplete (${delivered} of ${report!.raw_size} bytes)`);
  }
  return { size: Number(report.raw_size), sha256: report.raw_sha256, chunks: chunks() };
}

/** The whole message in memory (for the parsers and exports that need it at once). */
export async function readRaw(db: Queryable, reportId: string): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  const raw = await rawChunks(db, reportId);
  if (!raw) return undefined;
  const bytes = Buffer.allocUnsafe(raw.size);
  let offset = 0;
  for await (const chunk of raw.chunks) offset += chunk.copy(bytes, offset);
  return { bytes, sha256: raw.sha256 };
}

/** Deletes chunks written before `beforeMs` that no report refers to (an intake stopped by a crash); returns how many messages. */
export async function sweepOrphanRaw(db: Queryable, beforeMs: number): Promise<number> {
  const orphans = await db.all<{ raw_id: string }>(
    'SELECT DISTINCT raw_id FROM raw_chunks c WHERE written_ms < ? AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.raw_id = c.raw_id)',
    [beforeMs],
  );
  for (const orphan of orphans) await deleteRaw(db, orphan.raw_id);
  return orphans.length;
}

// Raw messages in chunks (store/raw.ts), on the run's engine (SQLite, or PostgreSQL in the
// "postgres" project): every size comes back byte for byte, an intake that does not store its
// report leaves none of its message behind (and never touches another report's), what a crash
// leaves is swept once no intake can still be writing it, and messages stored as one BLOB by the
// previous schema are cut into chunks by the migration.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { ORPHAN_AGE_MS, RAW_CHUNK_BYTES, SMALL_RAW_BYTES } from '../../src/server/store/raw';
import type { SqlStore } from '../../src/server/store/sql-store';
import { dropDatabaseOf, openTestStore } from '../support/test-database';
import { newReport, tempDir } from './helpers';

let dir: string;
let store: SqlStore;
beforeEach(async () => {
  dir = tempDir('lurelens-raw-');
  store = await openTestStore(dir);
});
afterEach(async () => {
  await store.close();
  await dropDatabaseOf(dir);
  rmSync(dir, { recursive: true, force: true });
});

async function chunkCount(): Promise<number> {
  return Number((await store.queryable().get<{ n: number }>('SELECT COUNT(*) AS n FROM raw_chunks'))!.n);
}

async function streamed(id: string): Promise<Buffer> {
  const raw = await store.getRawChunks(id);
  const parts: Buffer[] = [];
  for await (const chunk of raw!.chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

test.each([
  ['one byte', 1],
  ['exactly one chunk', RAW_CHUNK_BYTES],
  ['the largest written inside the intake transaction', SMALL_RAW_BYTES],
  ['one byte more: written ahead, chunk by chunk', SMALL_RAW_BYTES + 1],
  ['a 9 MB message that ends mid-chunk', 9 * 1024 * 1024 + 17],
])('%s comes back byte for byte, whole and streamed', async (_label, size) => {
  const raw = randomBytes(size);
  const report = newReport(raw);
  expect(await store.insertReport(report)).toMatchObject({ kind: 'created', id: report.id });
  const read = await store.getRaw(report.id);
  expect(read?.sha256).toBe(report.rawSha256);
  expect(read?.bytes.equals(raw)).toBe(true);
  expect((await streamed(report.id)).equals(raw)).toBe(true);
  expect(await chunkCount()).toBe(Math.ceil(size / RAW_CHUNK_BYTES));
  expect(await store.getRaw(randomUUID())).toBeUndefined();
});

test('an intake that fails keeps none of its message and leaves the other reports\' messages alone', async () => {
  const first = newReport(randomBytes(3 * 1024 * 1024));
  await store.insertReport(first);
  const stored = await chunkCount();
  // The same report id again (with a new key) breaks a unique constraint after the chunks were written.
  const failing = newReport(randomBytes(2 * 1024 * 1024 + 5), { id: first.id });
  // Read by its message: in later test files of a jest worker, better-sqlite3's errors are not this realm's Error.
  await expect(store.insertReport(failing)).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));
  expect(await chunkCount()).toBe(stored);
  expect((await store.getRaw(first.id))?.bytes.equals(first.raw as Buffer)).toBe(true);
});

test('a retry (same key, same message) and a conflict (same key, other message) keep no second copy', async () => {
  const raw = randomBytes(2 * 1024 * 1024);
  const original = newReport(raw);
  await store.insertReport(original);
  const stored = await chunkCount();
  expect(await store.insertReport(newReport(raw, { key: original.key }))).toMatchObject({ kind: 'duplicate', id: original.id });
  expect(await store.insertReport(newReport(randomBytes(2 * 1024 * 1024), { key: original.key, fingerprint: 'other' }))).toMatchObject({ kind: 'conflict' });
  expect(await chunkCount()).toBe(stored);
});

test('chunks a crashed intake left are swept once old; younger ones may still be an intake at work', async () => {
  const kept = newReport(randomBytes(SMALL_RAW_BYTES + 10));
  await store.insertReport(kept);
  const now = Date.now();
  const db = store.queryable();
  for (const [rawId, writtenMs] of [
    ['crashed', now - ORPHAN_AGE_MS - 1],
    ['in-progress', now - 1000],
  ] as const) {
    for (const seq of [0, 1]) await db.run('INSERT INTO raw_chunks (raw_id, seq, written_ms, bytes) VALUES (?, ?, ?, ?)', [rawId, seq, writtenMs, randomBytes(10)]);
  }
  // The kept report's own chunks are old too: they are referenced, so they stay.
  await db.run('UPDATE raw_chunks SET written_ms = 0 WHERE raw_id NOT IN (?, ?)', ['crashed', 'in-progress']);
  expect(await store.sweepOrphanRaw(now)).toBe(1);
  const left = await db.all<{ raw_id: string }>('SELECT DISTINCT raw_id FROM raw_chunks');
  expect(left.map((row) => row.raw_id).sort()).toEqual(['in-progress', expect.any(String)].sort());
  expect((await store.getRaw(kept.id))?.bytes.equals(kept.raw as Buffer)).toBe(true);
});

test('messages stored whole by the previous schema are cut into chunks by the migration and read back unchanged', async () => {
  const messages = [randomBytes(700 * 1024 + 3), randomBytes(5)];
  const reports = messages.map((raw) => newReport(raw));
  for (const report of reports) await store.insertReport(report);
  // Back to schema 5 for these tables: the message as one BLOB in report_raw, no chunks, no raw_id.
  const db = store.queryable();
  const blob = store.dialect() === 'postgres' ? 'BYTEA' : 'BLOB';
  await db.run(`CREATE TABLE report_raw (report_id TEXT PRIMARY KEY REFERENCES reports(id), bytes ${blob} NOT NULL)`);
  for (const report of reports) await db.run('INSERT INTO report_raw (report_id, bytes) VALUES (?, ?)', [report.id, report.raw]);
  await db.run('DROP TABLE raw_chunks');
  await db.run('DROP INDEX reports_raw');
  await db.run('ALTER TABLE reports DROP COLUMN raw_id');
  // And before every later migration (7: defender_queue, 9: the audit log's time index), so the upgrade runs them all again from 5.
  await db.run('DROP TABLE defender_queue');
  await db.run('DROP INDEX audit_log_at');
  await db.run('DELETE FROM schema_migrations WHERE version >= 6');
  await store.close();

  store = await openTestStore(dir);
  for (const report of reports) expect((await store.getRaw(report.id))?.bytes.equals(report.raw as Buffer)).toBe(true);
  expect(await chunkCount()).toBe(3 + 1);
  const tables = await store.queryable().all(store.dialect() === 'postgres' ? `SELECT to_regclass('report_raw') AS t` : `SELECT name AS t FROM sqlite_master WHERE name = 'report_raw'`);
  expect(tables.filter((row) => row.t !== null)).toEqual([]);
});

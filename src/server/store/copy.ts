// Copies every table of one store's database into another's, for `lurelens migrate-db` (SQLite to
// PostgreSQL). Both sides have the same schema version (migrations.ts gives every version for both
// engines), so rows move column for column; the target must hold no reports yet. Everything is
// written in one target transaction: a copy that fails leaves the target as it was.
import type { Params, Queryable, Row, SqlDatabase, Transaction } from './sql';
import { valueRows } from './sql';

/**
 * Every table a migration creates, parents before the tables that refer to them. A migration that
 * adds a table adds it here (tests/server/store-copy.test.ts fails until it does).
 */
export const COPIED_TABLES = [
  'meta',
  'campaigns',
  'reports',
  'raw_chunks',
  'report_content',
  'indicators',
  'campaign_keys',
  'report_keys',
  'status_tokens',
  'report_events',
  'campaign_events',
  'webhook_queue',
  'stix_objects',
  'login_requests',
  'sessions',
  'audit_log',
  'remediations',
  'remediation_messages',
  'defender_queue',
] as const;

/** Columns filled by the target's own identity sequence (moved past the copied values afterwards). */
const IDENTITY_COLUMNS: Record<string, string> = {
  reports: 'seq',
  indicators: 'seq',
  report_events: 'seq',
  campaign_events: 'seq',
  webhook_queue: 'id',
  audit_log: 'seq',
};

/** Rows per INSERT, and bytes: raw messages are up to 35 MB each. */
const BATCH_ROWS = 200;
const BATCH_BYTES = 32 * 1024 * 1024;

export interface CopySource {
  /** Names of the tables the source holds (besides schema_migrations and the engine's own). */
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  /** The table's rows in insertion order, a batch at a time. */
  rows(table: string, columns: readonly string[]): AsyncIterable<Row>;
}

export interface CopyProgress {
  table: string;
  rows: number;
}

function approximateSize(row: Row): number {
  let size = 0;
  for (const value of Object.values(row)) size += Buffer.isBuffer(value) ? value.byteLength : typeof value === 'string' ? value.length * 2 : 8;
  return size;
}

async function insertBatch(tx: Queryable, table: string, columns: readonly string[], batch: Row[]): Promise<void> {
  if (batch.length === 0) return;
  const params: Params = batch.flatMap((row) => columns.map((column) => row[column] ?? null));
  await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valueRows(batch.length, columns.length)}`, params);
}

/** Refuses a target that already holds reports or campaigns: copying must not mix two services' data. */
export async function assertEmptyTarget(target: Queryable): Promise<void> {
  const row = await target.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM reports) + (SELECT COUNT(*) FROM campaigns) AS n');
  if (Number(row?.n) > 0) throw new Error('the target database already holds reports; copy only into a new, empty database');
}

/**
 * Copies every row of `source` into `target` in one transaction; returns the rows copied per
 * table. Campaigns refer to the campaigns they were merged into, which may come later: they are
 * inserted first and linked afterwards.
 */
export async function copyStore(source: CopySource, target: SqlDatabase, progress: (step: CopyProgress) => void = () => undefined): Promise<CopyProgress[]> {
  const present = new Set(await source.tables());
  const unknown = [...present].filter((table) => !(COPIED_TABLES as readonly string[]).includes(table));
  if (unknown.length > 0) throw new Error(`the source has tables this release does not know how to copy: ${unknown.join(', ')}`);
  return target.transaction(async (tx) => {
    await assertEmptyTarget(tx);
    const done: CopyProgress[] = [];
    for (const table of COPIED_TABLES) {
      if (!present.has(table)) continue;
      const columns = await source.columns(table);
      const inserted = table === 'campaigns' ? columns.filter((column) => column !== 'merged_into') : columns;
      // The target's migration wrote its own creation time; the source's is the service's.
      if (table === 'meta') await tx.run('DELETE FROM meta');
      let count = 0;
      let batch: Row[] = [];
      let bytes = 0;
      for await (const row of source.rows(table, columns)) {
        batch.push(row);
        bytes += approximateSize(row);
        count++;
        if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
          await insertBatch(tx, table, inserted, batch);
          batch = [];
          bytes = 0;
        }
      }
      await insertBatch(tx, table, inserted, batch);
      if (table === 'campaigns') await linkMerged(tx, source);
      const identity = IDENTITY_COLUMNS[table];
      if (identity && target.dialect.name === 'postgres') {
        await tx.get(`SELECT setval(pg_get_serial_sequence('${table}', '${identity}'), COALESCE((SELECT MAX(${identity}) FROM ${table}), 0) + 1, false)`);
      }
      const step = { table, rows: count };
      done.push(step);
      progress(step);
    }
    return done;
  });
}

async function linkMerged(tx: Transaction, source: CopySource): Promise<void> {
  for await (const row of source.rows('campaigns', ['id', 'merged_into'])) {
    if (row.merged_into !== null && row.merged_into !== undefined) await tx.run('UPDATE campaigns SET merged_into = ? WHERE id = ?', [row.merged_into, row.id]);
  }
}

/** Rows per table on either side, to compare after a copy. */
export async function countRows(db: Queryable, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0);
  return counts;
}

// DatabaseMaintenance for the SQLite store (DATA/lurelens.sqlite, WAL journal).
// - Backups use SQLite's online backup API in one step: a single read transaction, so the copy is a
//   snapshot of committed data while the service keeps writing to its WAL, and no write can make
//   the copy restart. The copy is switched to a rollback journal (one self-contained file), checked
//   with PRAGMA integrity_check, flushed, and only then renamed to the name the operator asked for.
// - "In use" is asked of SQLite itself: a running service keeps a shared lock on the WAL index for as
//   long as it has the database open, so an exclusive lock is refused exactly then.
// - Checks open the database read-only; only restore writes, and it moves the previous file aside
//   (with its -wal and -shm, which belong to it) instead of deleting it.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../server/store/migrations';
import { DATABASE_FILE } from '../../server/store/sqlite';
import { fileTimestamp, fsyncPath } from '../files';
import {
  DatabaseError,
  MAX_PROBLEMS,
  type BackupResult,
  type DatabaseMaintenance,
  type DatabaseState,
  type IntegrityResult,
  type RestoreResult,
} from './types';

export const SUPPORTED_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Pages per backup step: all of them, so the copy is one snapshot (see the header). */
const ALL_PAGES = 0x7fffffff;
/** How long a check waits for the service's write lock before it reports the database busy. */
const BUSY_TIMEOUT_MS = 5_000;
const SIDE_FILES = ['-wal', '-shm', '-journal'];

type Row = Record<string, unknown>;

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/** The file and its WAL: committed data not yet checkpointed lives in the WAL. */
function fileSize(file: string): number {
  return statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
}

function readState(db: Database.Database, location: string): DatabaseState {
  const schemaVersion = hasTable(db, 'schema_migrations')
    ? (((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as Row).v as number | null) ?? 0)
    : 0;
  const reports = hasTable(db, 'reports') ? (db.prepare('SELECT COUNT(*) AS n, MAX(received_at) AS newest FROM reports').get() as Row) : undefined;
  return {
    location,
    exists: true,
    schemaVersion,
    supportedVersion: SUPPORTED_SCHEMA,
    reports: (reports?.n as number | undefined) ?? 0,
    ...(typeof reports?.newest === 'string' ? { newestReportAt: reports.newest } : {}),
    sizeBytes: fileSize(location),
  };
}

function checkOpen(db: Database.Database, mode: IntegrityResult['mode']): IntegrityResult {
  const pragma = mode === 'full' ? 'integrity_check' : 'quick_check';
  try {
    const problems = (db.pragma(`${pragma}(${MAX_PROBLEMS})`) as Row[]).map((row) => String(row[pragma])).filter((text) => text !== 'ok');
    // References the schema declares but SQLite does not enforce on old rows (foreign_keys is per connection).
    for (const row of (db.pragma('foreign_key_check') as Row[]).slice(0, MAX_PROBLEMS - problems.length)) {
      problems.push(`${String(row.table)} row ${String(row.rowid)} refers to a missing ${String(row.parent)} row`);
    }
    return { ok: problems.length === 0, mode, problems };
  } catch (error) {
    // A damaged page can stop the check itself: that is its answer.
    return { ok: false, mode, problems: [(error as Error).message] };
  }
}

/** Opens for reading; turns "not a database" and friends into a sentence naming the file. */
function openReadOnly(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseError(`cannot read ${file} as a SQLite database: ${(error as Error).message}`);
  }
}

export class SqliteMaintenance implements DatabaseMaintenance {
  readonly kind = 'sqlite' as const;
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, DATABASE_FILE);
  }

  async state(): Promise<DatabaseState> {
    if (!existsSync(this.file)) return { location: this.file, exists: false, schemaVersion: 0, supportedVersion: SUPPORTED_SCHEMA, reports: 0, sizeBytes: 0 };
    const db = openReadOnly(this.file);
    try {
      return readState(db, this.file);
    } catch (error) {
      throw new DatabaseError(`cannot read ${this.file}: ${(error as Error).message}`);
    } finally {
      db.close();
    }
  }

  async checkIntegrity(mode: IntegrityResult['mode']): Promise<IntegrityResult> {
    const db = openReadOnly(this.file);
    try {
      return checkOpen(db, mode);
    } finally {
      db.close();
    }
  }

  async inUse(): Promise<boolean> {
    if (!existsSync(this.file)) return false;
    const db = new Database(this.file, { fileMustExist: true, timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
      throw new DatabaseError(`cannot lock ${this.file}: ${(error as Error).message}`);
    } finally {
      db.close();
    }
  }

  async backup(target: string): Promise<BackupResult> {
    const started = Date.now();
    if (!existsSync(this.file)) throw new DatabaseError(`there is no database at ${this.file} (check --data / dataDir)`);
    const result = await copyVerified(this.file, target);
    return { ...result, durationMs: Date.now() - started };
  }

  async inspectBackup(file: string): Promise<DatabaseState & { integrity: IntegrityResult }> {
    const db = openReadOnly(file);
    try {
      if (!hasTable(db, 'schema_migrations') || !hasTable(db, 'reports')) throw new DatabaseError(`${file} is a SQLite database, but not one of Lure Lens (no reports or schema_migrations table)`);
      return { ...readState(db, file), integrity: checkOpen(db, 'full') };
    } finally {
      db.close();
    }
  }

  async restore(file: string): Promise<RestoreResult> {
    const backup = await this.inspectBackup(file);
    if (!backup.integrity.ok) throw new DatabaseError(`${file} fails the integrity check: ${backup.integrity.problems.slice(0, 3).join('; ')}`);
    if (backup.schemaVersion > SUPPORTED_SCHEMA) throw new DatabaseError(newerSchemaMessage(file, backup.schemaVersion));
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const incoming = path.join(this.dataDir, `.${DATABASE_FILE}.restoring-${process.pid}`);
    await copyVerified(file, incoming);

    let previous: string | undefined;
    if (existsSync(this.file)) {
      // Fold the WAL into the file when the old database still opens; moved together either way.
      try {
        const db = new Database(this.file, { fileMustExist: true, timeout: 0 });
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
        }
      } catch {
        // Damaged (perhaps why it is being restored): keep it exactly as it is.
      }
      previous = `${this.file}.before-restore-${fileTimestamp(new Date())}`;
      renameSync(this.file, previous);
      for (const suffix of SIDE_FILES) if (existsSync(this.file + suffix)) renameSync(this.file + suffix, previous + suffix);
    }
    renameSync(incoming, this.file);
    fsyncPath(this.dataDir);
    return { ...(previous ? { previous } : {}), restored: await this.state() };
  }
}

export function newerSchemaMessage(file: string, schemaVersion: number): string {
  return (
    `the database ${file} has schema version ${schemaVersion}, but this release of Lure Lens knows up to ${SUPPORTED_SCHEMA}: ` +
    'it was written by a newer release. Run that release again, or restore a backup taken before the upgrade with this release (lurelens restore --from FILE).'
  );
}

/**
 * Copies a database with the online backup API into `target` (atomically: a hidden partial file is
 * verified, flushed and renamed), as one file without a WAL, readable by the owner only.
 */
async function copyVerified(source: string, target: string): Promise<Omit<BackupResult, 'durationMs'>> {
  const dir = path.dirname(path.resolve(target));
  if (!existsSync(dir)) throw new DatabaseError(`the directory ${dir} does not exist`);
  const partial = path.join(dir, `.${path.basename(target)}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  try {
    const db = openReadOnly(source);
    try {
      await db.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    chmodSync(partial, 0o600);
    const copy = new Database(partial, { fileMustExist: true });
    let state: DatabaseState;
    try {
      copy.pragma('journal_mode = DELETE');
      const integrity = checkOpen(copy, 'full');
      if (!integrity.ok) throw new DatabaseError(`the copy of ${source} fails the integrity check: ${integrity.problems.slice(0, 3).join('; ')}`);
      state = readState(copy, partial);
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dir);
    return { file: target, sizeBytes: statSync(target).size, reports: state.reports, schemaVersion: state.schemaVersion };
  } catch (error) {
    rmSync(partial, { force: true });
    for (const suffix of SIDE_FILES) rmSync(partial + suffix, { force: true });
    throw error;
  }
}

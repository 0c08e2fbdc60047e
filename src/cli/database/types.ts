// What the operator commands (backup, restore, doctor, serve's start checks) need from the database,
// behind one interface: SQLite does it with its online backup API and PRAGMA checks; a PostgreSQL
// backend would do the same with pg_dump/pg_restore and amcheck, and the commands would not change.
// The service's own reads and writes go through ReportStore (src/server/store/types.ts), not here.

export interface DatabaseState {
  /** Where the data lives, for messages: a file path (never a password). */
  location: string;
  exists: boolean;
  /** Highest migration applied; 0 for a database nothing was written to yet. */
  schemaVersion: number;
  /** Highest migration this release knows. */
  supportedVersion: number;
  reports: number;
  /** received_at of the newest report. */
  newestReportAt?: string;
  sizeBytes: number;
}

export interface IntegrityResult {
  ok: boolean;
  /** 'quick' reads every page but skips the index cross-checks; 'full' does both (slower on large databases). */
  mode: 'quick' | 'full';
  /** The engine's own descriptions of what is broken (at most MAX_PROBLEMS). */
  problems: string[];
}

export interface BackupResult {
  file: string;
  sizeBytes: number;
  reports: number;
  schemaVersion: number;
  durationMs: number;
}

export interface RestoreResult {
  /** Where the database that was replaced now is (with its -wal/-shm, if it had them). */
  previous?: string;
  restored: DatabaseState;
}

export interface DatabaseMaintenance {
  readonly kind: 'sqlite' | 'postgres';
  state(): Promise<DatabaseState>;
  checkIntegrity(mode: IntegrityResult['mode']): Promise<IntegrityResult>;
  /** True while another process (a running service) has the database open. */
  inUse(): Promise<boolean>;
  /** A consistent copy taken while the service keeps writing, verified before it gets its final name. */
  backup(target: string): Promise<BackupResult>;
  /** Checks a backup file (integrity, schema, contents) without touching the live database. */
  inspectBackup(file: string): Promise<DatabaseState & { integrity: IntegrityResult }>;
  /** Replaces the database with a verified backup; the caller has checked inUse() and the operator's consent. */
  restore(file: string): Promise<RestoreResult>;
}

/** The database is of a kind or version this release must not touch; serve exits with DATABASE_EXIT_CODE. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

export const MAX_PROBLEMS = 20;

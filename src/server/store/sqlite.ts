// SQLite engine: one file under dataDir, WAL with synchronous=FULL so a committed report survives a
// crash or power loss, raw messages in the database with their metadata (one file to back up). One
// connection, one writer: transactions take turns (a queue in this process, BEGIN IMMEDIATE against any other), and a query
// outside a transaction waits while one is open, so it never sees that transaction's uncommitted rows.
// better-sqlite3 works on the event loop, so each step is kept short: raw messages in chunks (raw.ts),
// WAL checkpoints in a worker thread (sqlite-checkpointer.ts).
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CopySource } from './copy';
import { MIGRATIONS } from './migrations';
import type { Dialect, Params, Row, SqlDatabase, Transaction, TransactionOptions } from './sql';
import { SqlStore } from './sql-store';
import { Checkpointer } from './sqlite-checkpointer';
import { StorageError } from './types';

export const DATABASE_FILE = 'lurelens.sqlite';

/** Prepared statements kept per connection; statements with long IN lists vary, so the cache is bounded. */
const STATEMENT_CACHE = 500;

export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  ilike: 'LIKE',
  // One writer at a time: nothing to skip.
  skipLocked: '',
  arrays: false,
  indicatorOrder: 'rowid',
  isDuplicate: (error, table, column) =>
    (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (error as Error).message.endsWith(`: ${table}.${column}`),
};

/** SQLite's failures of the storage itself, as the backend-neutral StorageError; anything else unchanged. */
function translate(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || error instanceof StorageError) return error;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new StorageError('full', 'The database has no space left.', error);
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB)/.test(code) || code === 'EROFS' || code === 'EIO') {
    return new StorageError('unavailable', `The database cannot be used (${code}).`, error);
  }
  return error;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null. */
function bind(params: Params): unknown[] {
  return params.map((value) => (value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

class SqliteDatabase implements SqlDatabase {
  readonly dialect = SQLITE_DIALECT;
  private readonly statements = new Map<string, Database.Statement>();
  /** Transactions (and queries that arrive while one is open) run in this order. */
  private queue: Promise<unknown> = Promise.resolve();
  private open = false;
  private readonly tx: Transaction = {
    dialect: SQLITE_DIALECT,
    all: async <T>(sql: string, params: Params = []) => this.statement(sql).all(...bind(params)) as T[],
    get: async <T>(sql: string, params: Params = []) => this.statement(sql).get(...bind(params)) as T | undefined,
    run: async (sql: string, params: Params = []) => this.statement(sql).run(...bind(params)).changes,
    lock: async () => undefined,
    // In process: a round trip costs nothing here.
    batch: async (statements) => {
      for (const statement of statements) this.statement(statement.sql).run(...bind(statement.params));
    },
  };

  constructor(readonly connection: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result.catch((error: unknown) => Promise.reject(translate(error)));
  }

  /** Runs a single statement now, or after the open transaction. */
  private outside<T>(work: () => Promise<T>): Promise<T> {
    if (this.open) return this.enqueue(work);
    return work().catch((error: unknown) => Promise.reject(translate(error)));
  }

  all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.outside(() => this.tx.all<T>(sql, params));
  }

  get<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return this.outside(() => this.tx.get<T>(sql, params));
  }

  run(sql: string, params?: Params): Promise<number> {
    return this.outside(() => this.tx.run(sql, params));
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.enqueue(async () => {
      // NORMAL only around this commit: in WAL mode it skips the fsync, and the next FULL commit's
      // fsync of the same WAL makes these frames durable too (sql.ts, TransactionOptions).
      if (options.durable === false) this.connection.pragma('synchronous = NORMAL');
      // IMMEDIATE: the write lock is taken now, so no other process can commit in between.
      this.connection.exec('BEGIN IMMEDIATE');
      this.open = true;
      try {
        const result = await work(this.tx);
        this.connection.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
        throw error;
      } finally {
        this.open = false;
        if (options.durable === false) this.connection.pragma('synchronous = FULL');
      }
    });
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.connection.open) this.connection.close();
  }
}

function migrate(db: Database.Database, file: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as Row).v as number | null;
  const newest = MIGRATIONS[MIGRATIONS.length - 1].version;
  if (current !== null && current > newest) {
    throw new Error(`the database ${file} was written by a newer Lure Lens (schema ${current}, this version knows ${newest})`);
  }
  for (const migration of MIGRATIONS) {
    if (current !== null && migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      const now = new Date().toISOString();
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, now);
      if (migration.version === 1) db.prepare(`INSERT INTO meta (key, value) VALUES ('created_at', ?)`).run(now);
    })();
  }
}

/** Opens (creating and migrating as needed) DATA/lurelens.sqlite with the settings the guarantees rest on. */
export function openSqliteConnection(dataDir: string): { connection: Database.Database; file: string } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DATABASE_FILE);
  const connection = new Database(file);
  try {
    // Reports are personal data: readable by the service's user only (the WAL inherits this mode).
    chmodSync(file, 0o600);
    connection.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every commit, so an acknowledged report survives power loss too.
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    migrate(connection, file);
  } catch (error) {
    connection.close();
    throw translate(error);
  }
  return { connection, file };
}

/** A SqlDatabase on an open connection (lurelens migrate-db reads through it too). */
export function sqliteDatabase(connection: Database.Database): SqlDatabase & { readonly connection: Database.Database } {
  return new SqliteDatabase(connection);
}

export class SqliteStore extends SqlStore {
  readonly file: string;
  private readonly checkpointer: Checkpointer;

  constructor(dataDir: string) {
    const { connection, file } = openSqliteConnection(dataDir);
    super(new SqliteDatabase(connection));
    this.file = file;
    this.checkpointer = new Checkpointer(connection, file);
  }

  override async close(): Promise<void> {
    await this.checkpointer.stop();
    await super.close();
  }
}

/** The tables of an open SQLite store as `lurelens migrate-db` reads them (copy.ts). */
export function sqliteCopySource(connection: Database.Database): CopySource {
  return {
    async tables() {
      const rows = connection.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations'`).all() as Row[];
      return rows.map((row) => row.name as string);
    },
    async columns(table) {
      return (connection.pragma(`table_info(${quoteName(table)})`) as Row[]).map((row) => row.name as string);
    },
    async *rows(table, columns) {
      // rowid: the order the rows were written in, which identity columns follow too.
      yield* connection.prepare(`SELECT ${columns.map(quoteName).join(', ')} FROM ${quoteName(table)} ORDER BY rowid`).iterate() as IterableIterator<Row>;
    },
  };
}

function quoteName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table or column name ${name}`);
  return `"${name}"`;
}

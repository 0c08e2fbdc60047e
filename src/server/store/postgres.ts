// PostgreSQL engine, for several service instances on one database (docs/service.md). A pool of
// connections per instance; every transaction READ COMMITTED, with advisory locks where the store
// needs instances to take turns (Transaction.lock: the same idempotency key, grouping key, campaign
// or STIX object), and run again after a deadlock or serialisation failure. Commits wait for the WAL
// flush (synchronous_commit=on is set on every connection, whatever the server's default), so a
// report is acknowledged only once it would survive the database server crashing.
import { createHash } from 'node:crypto';
import { Pool, types, type PoolClient, type PoolConfig, type QueryResultRow } from 'pg';
import { MIGRATIONS } from './migrations';
import type { Dialect, Params, Row, SqlDatabase, Statement, Transaction, TransactionOptions } from './sql';
import { SqlStore } from './sql-store';
import { StorageError } from './types';

export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  ilike: 'ILIKE',
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  arrays: true,
  indicatorOrder: 'seq',
  // The constraint's name is PostgreSQL's own for a column declared UNIQUE (migrations.ts).
  isDuplicate: (error, table, column) => {
    const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
    return code === '23505' && constraint === `${table}_${column}_key`;
  },
};

export interface PostgresOptions {
  /** Connections this instance keeps at most. */
  poolSize: number;
  /** Longest wait for a free connection before a request fails with 503. */
  connectTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 10;

/** Attempts of one transaction that keeps meeting deadlocks or serialisation failures. */
const MAX_ATTEMPTS = 5;
/** Longest a statement may run; a report's insert with a 35 MB message takes well under a second. */
const STATEMENT_TIMEOUT_MS = 60_000;
/** A connection idle inside a transaction this long (its instance hung) is ended, releasing its locks. */
const IDLE_IN_TRANSACTION_MS = 60_000;
/** Held (session-level) while migrating, so instances starting together migrate one at a time. */
const MIGRATION_LOCK = 'lurelens:migrations';
/** SQL texts whose `$n` form is kept. */
const SQL_CACHE = 1000;

/** 64-bit counts (COUNT(*), BIGINT ids and sizes) as numbers, like SQLite's: they stay far below 2^53. */
const INT8_OID = 20;
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
};

const RETRYABLE = new Set(['40001', '40P01']);
const UNAVAILABLE_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** PostgreSQL's and the network's failures of the storage itself, as StorageError; anything else unchanged. */
export function translatePostgresError(error: unknown): unknown {
  if (error instanceof StorageError || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (code === '53100') return new StorageError('full', 'The database has no space left.', error);
  if (typeof code === 'string' && (/^(08|53|57P|58)/.test(code) || code === '25006' || UNAVAILABLE_NETWORK.has(code))) {
    return new StorageError('unavailable', `The database cannot be used (${code}).`, error);
  }
  // The driver's own words for a lost or unobtainable connection.
  if (code === undefined && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(error.message)) {
    return new StorageError('unavailable', 'The database cannot be reached.', error);
  }
  return error;
}

function isRetryable(error: unknown): boolean {
  return RETRYABLE.has((error as { code?: string })?.code ?? '');
}

/** The lock a name stands for: the first 64 bits of its SHA-256, as PostgreSQL's advisory locks take. */
export function advisoryKey(name: string): bigint {
  return createHash('sha256').update(name).digest().readBigInt64BE(0);
}

/** The URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
}

const sqlCache = new Map<string, string>();

/** `?` placeholders as `$1, $2, …` (outside quoted text and identifiers). */
export function numberedPlaceholders(sql: string): string {
  const cached = sqlCache.get(sql);
  if (cached !== undefined) return cached;
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  if (sqlCache.size >= SQL_CACHE) sqlCache.clear();
  sqlCache.set(sql, out);
  return out;
}

/** Parameters as the driver takes them (undefined → NULL, booleans as the integers both schemas store). */
function bind(params: Params): unknown[] {
  return params.map((value) => (value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

/** Runs of one SQL text after which it becomes a named prepared statement. */
const PREPARE_AFTER = 3;
/** Named statements at most (each connection may hold them all): texts with long IN lists vary. */
const PREPARED_MAX = 200;
const runs = new Map<string, number>();
const prepared = new Map<string, string>();

/**
 * The name to prepare `text` under, once it has run PREPARE_AFTER times: the server then parses it
 * once per connection, and plans it once when a generic plan serves (the intake's statements: about
 * a fifth of the server's work per report when each was parsed and planned anew). A text that names
 * all columns with `*` is never prepared: a column added by a newer instance's migration would make
 * the server refuse its cached plan.
 */
export function statementName(text: string): string | undefined {
  const name = prepared.get(text);
  if (name !== undefined || prepared.size >= PREPARED_MAX || text.includes('*')) return name;
  const count = (runs.get(text) ?? 0) + 1;
  if (count < PREPARE_AFTER) {
    if (runs.size >= SQL_CACHE) runs.clear();
    runs.set(text, count);
    return undefined;
  }
  runs.delete(text);
  const named = `lurelens_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  prepared.set(text, named);
  return named;
}

type Runner = Pick<PoolClient, 'query'>;

async function query(runner: Runner, sql: string, params: Params = []): Promise<{ rows: Row[]; rowCount: number }> {
  const text = numberedPlaceholders(sql);
  const result = await runner.query<QueryResultRow>({ text, values: bind(params), name: statementName(text) });
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

function transactionOn(client: PoolClient): Transaction {
  return {
    dialect: POSTGRES_DIALECT,
    all: async <T>(sql: string, params?: Params) => (await query(client, sql, params)).rows as T[],
    get: async <T>(sql: string, params?: Params) => (await query(client, sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: Params) => (await query(client, sql, params)).rowCount,
    lock: async (exclusive: readonly string[], shared: readonly string[] = []) => {
      // One sorted order for every transaction: two that want the same locks never hold one each.
      // A name wanted both ways is taken exclusively.
      const modes = new Map<bigint, boolean>();
      for (const name of shared) modes.set(advisoryKey(name), true);
      for (const name of exclusive) modes.set(advisoryKey(name), false);
      if (modes.size === 0) return;
      const keys = [...modes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      await query(
        client,
        `SELECT CASE WHEN s THEN pg_advisory_xact_lock_shared(k) ELSE pg_advisory_xact_lock(k) END
        FROM (SELECT unnest(?::bigint[]) AS k, unnest(?::boolean[]) AS s ORDER BY 1) AS keys`,
        [keys.map(String), keys.map((key) => modes.get(key))],
      );
    },
    batch: async (statements: readonly Statement[]) => {
      for (const group of batchGroups(statements)) {
        if (group.length === 1) await query(client, group[0].sql, group[0].params);
        else await query(client, `WITH ${group.map((statement, i) => `s${i} AS (${statement.sql})`).join(', ')} SELECT 1`, group.flatMap((statement) => [...statement.params]));
      }
    },
  };
}

/** Parameters per batched statement, far below PostgreSQL's 65535. */
const BATCH_PARAMS = 20_000;

/** Statements in runs whose parameters stay under BATCH_PARAMS (one statement alone may have more). */
function batchGroups(statements: readonly Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  let count = Infinity;
  for (const statement of statements) {
    if (count + statement.params.length > BATCH_PARAMS) {
      groups.push([]);
      count = 0;
    }
    groups[groups.length - 1].push(statement);
    count += statement.params.length;
  }
  return groups;
}

class PostgresDatabase implements SqlDatabase {
  readonly dialect = POSTGRES_DIALECT;

  constructor(readonly pool: Pool) {}

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    try {
      return (await query(this.pool, sql, params)).rows as T[];
    } catch (error) {
      throw translatePostgresError(error);
    }
  }

  async get<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params?: Params): Promise<number> {
    try {
      return (await query(this.pool, sql, params)).rowCount;
    } catch (error) {
      throw translatePostgresError(error);
    }
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let client: PoolClient;
      try {
        client = await this.pool.connect();
      } catch (error) {
        throw translatePostgresError(error);
      }
      let broken: Error | undefined;
      try {
        // One round trip; synchronous_commit off for this transaction only (sql.ts, TransactionOptions):
        // the next synchronous commit flushes the WAL past these records too.
        await client.query(options.durable === false ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN');
        const result = await work(transactionOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection itself failed: the pool must not hand it out again.
          broken = rollbackError as Error;
        }
        if (isRetryable(error) && attempt < MAX_ATTEMPTS) {
          // A little jitter, so the transactions that collided do not collide again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
          continue;
        }
        throw translatePostgresError(error);
      } finally {
        client.release(broken);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A pool on `url` with the session settings the store's guarantees rest on. */
export function postgresPool(url: string, options: PostgresOptions = { poolSize: DEFAULT_POOL_SIZE }): Pool {
  const config: PoolConfig = {
    connectionString: url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'lurelens',
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    // Set when the connection starts, before any query of ours can run on it.
    options: '-c synchronous_commit=on',
    types: typeParsers,
  };
  const pool = new Pool(config);
  // A connection that fails while idle in the pool is dropped by the pool; the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

export function postgresDatabase(pool: Pool): SqlDatabase & { readonly pool: Pool } {
  return new PostgresDatabase(pool);
}

async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  const lock = String(advisoryKey(MIGRATION_LOCK));
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [lock]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const current = (await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0].v;
      const newest = MIGRATIONS[MIGRATIONS.length - 1].version;
      if (current !== null && current > newest) {
        throw new Error(`the database was written by a newer Lure Lens (schema ${current}, this version knows ${newest})`);
      }
      for (const migration of MIGRATIONS) {
        if (current !== null && migration.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.postgres);
          const now = new Date().toISOString();
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now]);
          if (migration.version === 1) await client.query(`INSERT INTO meta (key, value) VALUES ('created_at', $1)`, [now]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [lock]);
    }
  } catch (error) {
    broken = error as Error;
    throw translatePostgresError(error);
  } finally {
    client.release(broken);
  }
}

export class PostgresStore extends SqlStore {
  private constructor(db: SqlDatabase) {
    super(db);
  }

  /** Connects, migrates (one instance at a time) and returns the store; rejects when the database cannot be used. */
  static async open(url: string, options?: PostgresOptions): Promise<PostgresStore> {
    const pool = postgresPool(url, options);
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresStore(postgresDatabase(pool));
  }
}

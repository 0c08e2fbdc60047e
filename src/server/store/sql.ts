// The seam between the store and a database engine. The store's queries (reports.ts, campaigns.ts,
// deliveries.ts, stix-versions.ts) are written once, in the SQL that SQLite and PostgreSQL share,
// against these interfaces; sqlite.ts and postgres.ts supply connections, transactions, locks and
// the few phrases that differ (Dialect). A new table or method is written once and runs on both;
// only its migration is written per engine (migrations.ts).

export type Row = Record<string, unknown>;
export type Params = readonly unknown[];

export interface Queryable {
  /** Every row of a query. Parameters are `?` placeholders, in order. */
  all<T = Row>(sql: string, params?: Params): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: Params): Promise<number>;
}

/** One statement of a batch. */
export interface Statement {
  sql: string;
  params: Params;
}

export interface Transaction extends Queryable {
  readonly dialect: Dialect;
  /**
   * Holds the named locks until the transaction ends: transactions that lock a name in common run
   * one after the other, whichever process or service instance runs them, except that `shared`
   * names can be held by several at once (they wait only for, and hold off, an exclusive holder).
   * SQLite lets one writer in at a time anyway, so there it costs nothing. All names of a call are
   * taken in one sorted order.
   */
  lock(exclusive: readonly string[], shared?: readonly string[]): Promise<void>;
  /**
   * Runs INSERT, UPDATE and DELETE statements that do not read each other's changes, in one round
   * trip where the engine can (PostgreSQL: one statement of data-modifying CTEs, whose foreign keys
   * are checked at its end). Resolves when all ran.
   */
  batch(statements: readonly Statement[]): Promise<void>;
}

/** Where the engines' SQL differs. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** LIKE that ignores case (SQLite's LIKE already does, for ASCII). */
  readonly ilike: string;
  /** Ends a SELECT that claims rows: rows another transaction claimed are skipped, not waited for. */
  readonly skipLocked: string;
  /**
   * Binds a list as one array parameter: the statement's text is then the same whatever the list's
   * length, so PostgreSQL parses and plans it once per connection (statementName, postgres.ts).
   */
  readonly arrays: boolean;
  /** The column giving the indicators table's insertion order. */
  readonly indicatorOrder: string;
  /** Whether `error` is an INSERT refused because `table.column` (a UNIQUE column) already holds the value. */
  isDuplicate(error: unknown, table: string, column: string): boolean;
}

export interface TransactionOptions {
  /**
   * false: the commit need not reach the disk by itself (no fsync, no WAL flush wait); it does with
   * the next durable commit, since both engines keep one log written in order. For rows nothing
   * refers to until a later durable transaction does (raw message chunks, store/raw.ts).
   */
  durable?: boolean;
}

export interface SqlDatabase extends Queryable {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one transaction: it commits, durably, before the promise resolves, and rolls back
   * when `work` throws. PostgreSQL runs `work` again after a serialisation failure or a deadlock, so
   * `work` must not act outside the database.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** SQLite's default limit on bound parameters is 32766, PostgreSQL's 65535: lists go in chunks far below either. */
export const IN_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `?,?,?` for an IN list. */
export function placeholders(count: number): string {
  return new Array(count).fill('?').join(',');
}

/** `(?,?),(?,?)` for a multi-row VALUES list. */
export function valueRows(rows: number, columns: number): string {
  const row = `(${placeholders(columns)})`;
  return new Array(rows).fill(row).join(',');
}

/**
 * INSERTs of rows of text (or NULL) into `table`. Where the engine binds arrays (PostgreSQL), one
 * statement whatever the number of rows: a parameter per column, taken apart by unnest. A VALUES
 * list has a text of its own per row count, and intake's counts (indicators, grouping keys) differ
 * from message to message, so each count would be parsed and planned anew. Elsewhere, VALUES lists
 * of at most `rowsPerStatement` rows (SQLite prepares in process, where that costs little).
 */
export function insertTextRows(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
  options: { rowsPerStatement: number; onConflict?: string },
): Statement[] {
  if (rows.length === 0) return [];
  const head = `INSERT INTO ${table} (${columns.join(', ')})`;
  const tail = options.onConflict ? ` ${options.onConflict}` : '';
  if (dialect.arrays) {
    // Columns named, not `*`: a text with `*` is never prepared (postgres.ts, statementName).
    const names = columns.join(', ');
    return [{ sql: `${head} SELECT ${names} FROM unnest(${columns.map(() => '?::text[]').join(', ')}) AS rows(${names})${tail}`, params: columns.map((_, i) => rows.map((row) => row[i])) }];
  }
  return chunks(rows, options.rowsPerStatement).map((group) => ({ sql: `${head} VALUES ${valueRows(group.length, columns.length)}${tail}`, params: group.flat() }));
}

/**
 * `column` among `values` (text), as conditions with their parameters, one per statement to run:
 * one array parameter where the engine binds arrays (one text whatever the count, see
 * insertTextRows), else IN lists of IN_CHUNK values.
 */
export function textIn(dialect: Dialect, column: string, values: readonly string[]): { condition: string; params: unknown[] }[] {
  if (values.length === 0) return [];
  if (dialect.arrays) return [{ condition: `${column} = ANY(?::text[])`, params: [values] }];
  return chunks(values).map((group) => ({ condition: `${column} IN (${placeholders(group.length)})`, params: group }));
}

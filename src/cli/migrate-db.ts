// `lurelens migrate-db --to postgresql://… [service options]`
// Moves a deployment from the embedded SQLite file to PostgreSQL: the configured SQLite database
// (DATA/lurelens.sqlite) is copied, table by table and byte for byte, into a new, empty PostgreSQL
// database, which is first given this release's schema. The copy is one PostgreSQL transaction
// (all or nothing), row counts are compared afterwards, and the SQLite file is only read, so going
// back is starting the service without the database url. Refused while a service has the SQLite
// database open (reports arriving during the copy would stay behind), when the SQLite schema is
// not this release's (start the service once to upgrade it), and when the target holds reports.
// Exit codes: 0 copied and checked; 2 refused or failed (the target holds nothing new).
import Database from 'better-sqlite3';
import { checkDatabaseUrl } from '../server/config';
import { COPIED_TABLES, countRows, copyStore } from '../server/store/copy';
import { describeDatabaseUrl, postgresDatabase, postgresPool, PostgresStore } from '../server/store/postgres';
import { sqliteCopySource, sqliteDatabase } from '../server/store/sqlite';
import { runReporting, serviceConfig, takeOptions, UsageError } from './args';
import { SqliteMaintenance } from './database/sqlite';
import { DatabaseError } from './database/types';
import type { Io } from './io';

export const MIGRATE_DB_USAGE = `Usage: lurelens migrate-db --to postgresql://user:password@host:5432/database [service options]
  Copies the SQLite database of this deployment into a new, empty PostgreSQL database (created
  beforehand, e.g. createdb -O lurelens lurelens), then compares the row counts of every table.
  Stop the service first. The SQLite file is only read: it stays as it was.
  --to URL       the PostgreSQL database (or LURELENS_MIGRATE_TO; keeps the password out of "ps")
  Service options (--config FILE, --data DIR, LURELENS_* variables) say where the SQLite database is.
  Afterwards set database.url (or LURELENS_DATABASE_URL) to the same URL and start the service.
Exit codes: 0 copied and checked, 2 refused or failed (nothing was copied).`;

export async function runMigrateDb(argv: readonly string[], io: Io): Promise<number> {
  return runReporting('migrate-db', MIGRATE_DB_USAGE, io, async () => {
    const args = takeOptions(argv, { values: ['--to'] });
    if (args.help) return io.out(MIGRATE_DB_USAGE), 0;
    const to = args.values.get('--to') ?? process.env.LURELENS_MIGRATE_TO;
    if (!to) throw new UsageError('give the PostgreSQL database with --to URL');
    const url = checkDatabaseUrl(to);
    const config = await serviceConfig(args);
    const sqlite = new SqliteMaintenance(config.dataDir);

    const state = await sqlite.state();
    if (!state.exists) throw new DatabaseError(`there is no SQLite database at ${state.location} (check --data / dataDir)`);
    if (state.schemaVersion !== state.supportedVersion) {
      throw new DatabaseError(
        `${state.location} has schema ${state.schemaVersion}, this release ${state.supportedVersion}: ` +
          (state.schemaVersion < state.supportedVersion ? 'start the service once on SQLite to upgrade it, stop it, then copy.' : 'it was written by a newer release; use that release.'),
      );
    }
    if (await sqlite.inUse()) throw new DatabaseError('a running service has the SQLite database open; stop it first (systemctl stop lurelens). Nothing was copied.');

    io.out(`Copying ${state.reports} report${state.reports === 1 ? '' : 's'} from ${state.location} to PostgreSQL ${describeDatabaseUrl(url)}…`);
    // Migrates the target to this release's schema (and checks it can be reached) before anything is copied.
    const store = await PostgresStore.open(url, { poolSize: 1 }).catch((error: unknown) => {
      throw new DatabaseError(`cannot use the database ${describeDatabaseUrl(url)}: ${(error as Error).message}`);
    });
    await store.close();
    const connection = new Database(state.location, { readonly: true, fileMustExist: true });
    const target = postgresDatabase(postgresPool(url, { poolSize: 1 }));
    try {
      // One read transaction on the source: the copy is one consistent moment of it.
      connection.exec('BEGIN');
      const started = Date.now();
      const copied = await copyStore(sqliteCopySource(connection), target, (step) => io.out(`  ${step.table.padEnd(16)} ${step.rows} rows`)).catch((error: unknown) => {
        throw new DatabaseError(`the copy failed, nothing was copied: ${(error as Error).message}`);
      });
      const tables = copied.map((step) => step.table);
      const [before, after] = [await countRows(sqliteDatabase(connection), tables), await countRows(target, tables)];
      const differing = tables.filter((table) => table !== 'meta' && before[table] !== after[table]);
      if (differing.length > 0) throw new DatabaseError(`row counts differ after the copy in ${differing.join(', ')}; do not switch to this database`);
      io.out(`Copied ${COPIED_TABLES.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s; every table has the same number of rows on both sides.`);
      io.out(`Now set "database": { "url": … } in the config file (or LURELENS_DATABASE_URL) and start the service.`);
      return 0;
    } finally {
      if (connection.inTransaction) connection.exec('COMMIT');
      connection.close();
      await target.close();
    }
  });
}

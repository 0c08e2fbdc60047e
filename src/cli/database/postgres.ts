// DatabaseMaintenance for a PostgreSQL store (database.url). The database server is the operator's
// (or the cloud provider's) to back up: pg_dump / pg_restore or the managed service's snapshots,
// which know the server's settings, roles and point-in-time recovery better than this command
// could (docs/service.md, "Backups"); backup and restore say so instead of half doing it.
// state, checkIntegrity and inUse read only, so doctor and serve's start checks work as for SQLite.
import { Client } from 'pg';
import { COPIED_TABLES } from '../../server/store/copy';
import { describeDatabaseUrl } from '../../server/store/postgres';
import { SUPPORTED_SCHEMA } from './sqlite';
import { DatabaseError, MAX_PROBLEMS, type BackupResult, type DatabaseMaintenance, type DatabaseState, type IntegrityResult, type RestoreResult } from './types';

const CONNECT_TIMEOUT_MS = 10_000;
/** The commands, exactly: the URL is the service's database.url (LURELENS_DATABASE_URL), which holds the password. */
export const PG_DUMP_COMMAND = 'pg_dump --format=custom --dbname="$LURELENS_DATABASE_URL" --file=lurelens-$(date -u +%Y%m%d).dump';
export const PG_RESTORE_COMMAND = 'pg_restore --dbname="$LURELENS_DATABASE_URL" --no-owner --exit-on-error lurelens-YYYYMMDD.dump';
const BACKUP_ADVICE = `the reports are in PostgreSQL, which lurelens backup does not copy: back it up with
  ${PG_DUMP_COMMAND}
(or the managed service's snapshots); see docs/service.md, "Backups and restore"`;
const RESTORE_ADVICE = `the reports are in PostgreSQL, which lurelens restore does not write: stop every service instance, create a new empty database, point LURELENS_DATABASE_URL at it and run
  ${PG_RESTORE_COMMAND}
(or restore the managed service's snapshot); see docs/service.md, "Backups and restore"`;

export class PostgresMaintenance implements DatabaseMaintenance {
  readonly kind = 'postgres' as const;
  readonly location: string;

  constructor(private readonly url: string) {
    this.location = `PostgreSQL ${describeDatabaseUrl(url)}`;
  }

  private async withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'lurelens-maintenance' });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw new DatabaseError(`cannot connect to ${this.location}: ${(error as Error).message}`);
    }
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async state(): Promise<DatabaseState> {
    return this.withClient(async (client) => {
      const tables = (await client.query<{ migrations: string | null; reports: string | null }>(`SELECT to_regclass('schema_migrations') AS migrations, to_regclass('reports') AS reports`)).rows[0];
      const schemaVersion = tables.migrations ? Number((await client.query('SELECT MAX(version) AS v FROM schema_migrations')).rows[0].v ?? 0) : 0;
      const reports = tables.reports ? (await client.query('SELECT COUNT(*) AS n, MAX(received_at) AS newest FROM reports')).rows[0] : undefined;
      const size = Number((await client.query('SELECT pg_database_size(current_database()) AS size')).rows[0].size);
      return {
        location: this.location,
        // A database nothing was written to yet is created (migrated) at the first start, like a missing SQLite file.
        exists: schemaVersion > 0,
        schemaVersion,
        supportedVersion: SUPPORTED_SCHEMA,
        reports: Number(reports?.n ?? 0),
        ...(typeof reports?.newest === 'string' ? { newestReportAt: reports.newest } : {}),
        sizeBytes: size,
      };
    });
  }

  /** Every table of the schema is there and no index is left invalid (a failed concurrent build); 'full' also counts every table's rows. */
  async checkIntegrity(mode: IntegrityResult['mode']): Promise<IntegrityResult> {
    return this.withClient(async (client) => {
      const problems: string[] = [];
      for (const table of COPIED_TABLES) {
        if ((await client.query(`SELECT to_regclass($1) AS t`, [table])).rows[0].t === null) problems.push(`table ${table} is missing`);
      }
      const invalid = await client.query<{ name: string }>(
        `SELECT i.indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND NOT i.indisvalid`,
      );
      for (const row of invalid.rows) problems.push(`index ${row.name} is invalid (rebuild it with REINDEX)`);
      if (mode === 'full') {
        // Reads every row of every table: a damaged page shows up as an error here.
        for (const table of COPIED_TABLES) {
          if (problems.some((problem) => problem.startsWith(`table ${table} `))) continue;
          try {
            await client.query(`SELECT COUNT(*) FROM ${table}`);
          } catch (error) {
            problems.push(`${table}: ${(error as Error).message}`);
          }
        }
      }
      return { ok: problems.length === 0, mode, problems: problems.slice(0, MAX_PROBLEMS) };
    });
  }

  /** Another service instance is connected to this database. */
  async inUse(): Promise<boolean> {
    return this.withClient(async (client) => {
      const row = (await client.query(`SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lurelens' AND pid <> pg_backend_pid()`)).rows[0];
      return Number(row.n) > 0;
    });
  }

  async backup(): Promise<BackupResult> {
    throw new DatabaseError(BACKUP_ADVICE);
  }

  async inspectBackup(): Promise<DatabaseState & { integrity: IntegrityResult }> {
    throw new DatabaseError(RESTORE_ADVICE);
  }

  async restore(): Promise<RestoreResult> {
    throw new DatabaseError(RESTORE_ADVICE);
  }
}

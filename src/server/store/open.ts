// Which store the configuration asks for: PostgreSQL when a database url is given, otherwise the
// SQLite file in the data directory (the default: nothing to install or run).
import { ConfigError, type ServerConfig } from '../config';
import { describeDatabaseUrl, PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import { StorageError, type ReportStore } from './types';

export async function openStore(config: Pick<ServerConfig, 'dataDir' | 'database'>): Promise<ReportStore> {
  if (!config.database) return new SqliteStore(config.dataDir);
  try {
    return await PostgresStore.open(config.database.url, { poolSize: config.database.poolSize });
  } catch (error) {
    // Unreachable, wrong password, newer schema: a sentence for the operator, never the password.
    const cause = error instanceof StorageError && error.cause instanceof Error ? error.cause : (error as Error);
    throw new ConfigError(`cannot use the database ${describeDatabaseUrl(config.database.url)}: ${cause.message}`);
  }
}

/** Where the reports are kept, for start-up messages (no password). */
export function describeStore(config: Pick<ServerConfig, 'dataDir' | 'database'>): string {
  return config.database ? `PostgreSQL ${describeDatabaseUrl(config.database.url)}` : `SQLite in ${config.dataDir}`;
}

// The maintenance side of the configured database: PostgreSQL when the service configuration names
// one (database.url), otherwise the SQLite file in the data directory.
import type { ServerConfig } from '../../server/config';
import { PostgresMaintenance } from './postgres';
import { SqliteMaintenance } from './sqlite';
import type { DatabaseMaintenance } from './types';

export function databaseFor(config: Pick<ServerConfig, 'dataDir' | 'database'>): DatabaseMaintenance {
  return config.database ? new PostgresMaintenance(config.database.url) : new SqliteMaintenance(config.dataDir);
}

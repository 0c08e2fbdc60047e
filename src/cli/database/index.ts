// The maintenance side of the configured database. SQLite is the only backend today; a PostgreSQL
// one is chosen here when the service configuration names it.
import type { ServerConfig } from '../../server/config';
import { SqliteMaintenance } from './sqlite';
import type { DatabaseMaintenance } from './types';

export function databaseFor(config: Pick<ServerConfig, 'dataDir'>): DatabaseMaintenance {
  return new SqliteMaintenance(config.dataDir);
}

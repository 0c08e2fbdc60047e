// jest globalSetup of the PostgreSQL run: one throw-away cluster for the whole run, with a migrated
// template database that each test service's database is copied from (test-database.ts).
import { PostgresStore } from '../../src/server/store/postgres';
import { startCluster, type PostgresCluster } from './postgres-cluster';
import { ADMIN_URL_VARIABLE, TEMPLATE_DATABASE } from './test-database';

declare global {
  var lurelensPostgresCluster: PostgresCluster | undefined;
}

export default async function setup(): Promise<void> {
  const cluster = await startCluster();
  globalThis.lurelensPostgresCluster = cluster;
  const template = await cluster.createDatabase(TEMPLATE_DATABASE);
  const store = await PostgresStore.open(template, { poolSize: 1 });
  await store.close();
  // Workers start after global setup and inherit this.
  process.env[ADMIN_URL_VARIABLE] = cluster.url('postgres');
  process.stdout.write(`\nPostgreSQL run: throw-away cluster on 127.0.0.1:${cluster.port} (${cluster.dir})\n`);
}

// jest globalTeardown of the PostgreSQL run: stops the run's cluster and removes its directory.
export default async function teardown(): Promise<void> {
  await globalThis.lurelensPostgresCluster?.stop();
  globalThis.lurelensPostgresCluster = undefined;
}

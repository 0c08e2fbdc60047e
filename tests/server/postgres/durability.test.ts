// Two service instances on one PostgreSQL database under load; one is killed with SIGKILL. The
// other keeps taking reports, serves every report either of them acknowledged, and so does the
// killed one once restarted (scripts/durability.ts --instances 2).
import { rmSync } from 'node:fs';
import { runDurabilityCheck } from '../../../scripts/durability';
import { dropDatabaseOf, testDatabaseFor } from '../../support/test-database';
import { tempDir } from '../helpers';

test('one of two instances killed under load loses no acknowledged report', async () => {
  const dir = tempDir('lurelens-durability-two-');
  const lines: string[] = [];
  try {
    const database = await testDatabaseFor(dir);
    if (!database) throw new Error('two instances need the PostgreSQL run (jest project "postgres")');
    const result = await runDurabilityCheck({
      instances: 2,
      databaseUrl: database.url,
      reports: 150,
      concurrency: 6,
      killAfterAcks: 50,
      sizeBytes: 16_000,
      timeLimitMs: 60_000,
      log: (line) => lines.push(line),
    });
    process.stdout.write(`durability, two instances: ${lines.join('; ')}\n`);
    expect(result.acknowledged).toBeGreaterThanOrEqual(50);
    // The survivor went on taking reports after the other was killed.
    expect(result.acknowledgedBySurvivor).toBeGreaterThan(0);
    expect(result.missing).toEqual([]);
    expect(result.presentOnSurvivor).toBe(result.acknowledged);
    expect(result.presentAfterRestart).toBe(result.acknowledged);
    expect(result.identical).toBe(result.acknowledged);
  } finally {
    await dropDatabaseOf(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);

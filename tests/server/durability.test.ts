// Kill the service with SIGKILL in the middle of a concurrent load, restart it on the same data
// directory (in the PostgreSQL run: the same database), and check that every report that got a 201
// is there, byte for byte.
import { rmSync } from 'node:fs';
import { runDurabilityCheck } from '../../scripts/durability';
import { dropDatabaseOf, testDatabaseFor } from '../support/test-database';
import { tempDir } from './helpers';

test('every acknowledged report survives SIGKILL mid-load, byte-identical', async () => {
  const dir = tempDir('lurelens-durability-db-');
  const lines: string[] = [];
  try {
    const result = await runDurabilityCheck({
      reports: 300,
      concurrency: 6,
      killAfterAcks: 80,
      sizeBytes: 16_000,
      // Long enough to reach the kill on a busy machine; the kill comes after 80 acknowledgements either way.
      timeLimitMs: 60_000,
      databaseUrl: (await testDatabaseFor(dir))?.url,
      log: (line) => lines.push(line),
    });
    // The figures, for whoever reads the test output.
    process.stdout.write(`durability: ${lines.join('; ')}\n`);
    expect(result.acknowledged).toBeGreaterThanOrEqual(80);
    // It really was killed mid-load: not everything that was sent got an answer.
    expect(result.sent).toBeLessThan(300);
    expect(result.missing).toEqual([]);
    expect(result.presentAfterRestart).toBe(result.acknowledged);
    expect(result.identical).toBe(result.acknowledged);
    expect(result.storedAfterRestart).toBeGreaterThanOrEqual(result.acknowledged);
  } finally {
    await dropDatabaseOf(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

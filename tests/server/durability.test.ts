// Kill the service with SIGKILL in the middle of a concurrent load, restart it on the same data
// directory, and check that every report that got a 201 is there, byte for byte.
import { runDurabilityCheck } from '../../scripts/durability';

test('every acknowledged report survives SIGKILL mid-load, byte-identical', async () => {
  const lines: string[] = [];
  const result = await runDurabilityCheck({
    reports: 300,
    concurrency: 6,
    killAfterAcks: 80,
    sizeBytes: 16_000,
    timeLimitMs: 15_000,
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
}, 90_000);

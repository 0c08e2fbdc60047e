// A report meant for Microsoft Defender joins its queue in the intake transaction itself, on the
// run's engine (SQLite, or PostgreSQL in the "postgres" project): once insertReport has answered
// (and the 201 is sent), the submission is in the database, so a crash right after cannot lose it;
// an intake that stores no new report queues nothing.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { SqlDefenderQueue } from '../../src/server/store/defender-queue';
import type { SqlStore } from '../../src/server/store/sql-store';
import { dropDatabaseOf, openTestStore } from '../support/test-database';
import { newReport, tempDir } from './helpers';

let dir: string;
let store: SqlStore;
beforeEach(async () => {
  dir = tempDir('lurelens-defender-queue-');
  store = await openTestStore(dir);
});
afterEach(async () => {
  await store.close();
  await dropDatabaseOf(dir);
  rmSync(dir, { recursive: true, force: true });
});

test('a new report for Defender is queued by the same commit that stores it, and is due at once', async () => {
  const queue = new SqlDefenderQueue(store.queryable());
  const report = newReport(randomBytes(2000), { defender: true });
  expect(await store.insertReport(report)).toMatchObject({ kind: 'created' });
  expect(await queue.pending()).toBe(1);
  expect((await queue.claim(Date.now(), 5, 60_000)).map((row) => row.reportId)).toEqual([report.id]);
});

test('a retry, a conflicting key and a report not meant for Defender queue nothing', async () => {
  const queue = new SqlDefenderQueue(store.queryable());
  const first = newReport(randomBytes(2000), { defender: true });
  await store.insertReport(first);
  expect(await store.insertReport({ ...newReport(first.raw as Buffer, { defender: true }), key: first.key, fingerprint: first.fingerprint })).toMatchObject({
    kind: 'duplicate',
    id: first.id,
  });
  expect(await store.insertReport({ ...newReport(randomBytes(2000), { defender: true }), key: first.key })).toMatchObject({ kind: 'conflict' });
  expect(await store.insertReport(newReport(randomBytes(2000)))).toMatchObject({ kind: 'created' });
  expect(await queue.pending()).toBe(1);
});

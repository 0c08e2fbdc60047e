// lurelens migrate-db: a deployment that ran on SQLite moves to PostgreSQL with every report,
// message, campaign (merges included), triage decision, reporter status token and webhook entry,
// and the service on PostgreSQL goes on from there.
import { runMigrateDb } from '../../../src/cli/migrate-db';
import { captureIo } from '../../support/io';
import { createTestDatabase, databaseUrl, dropTestDatabase } from '../../support/test-database';
import { ANALYST, call, fixture, report, REPORTER, startTestServer, tempDir } from '../helpers';

jest.setTimeout(60_000);

test('copies a SQLite deployment into an empty PostgreSQL database, which the service then uses', async () => {
  const dataDir = tempDir('lurelens-migrate-');
  const sqlite = await startTestServer({ dataDir, database: undefined });
  const first = await report(sqlite, fixture('campaign-1.eml'));
  const second = await report(sqlite, fixture('campaign-2.eml'), { reporter: { address: 'bob@example.org' } });
  const third = await report(sqlite, fixture('unrelated.eml'));
  await call(sqlite, `/api/campaigns/${first.campaignId}/merge`, { json: { campaignId: second.campaignId } });
  await call(sqlite, `/api/reports/${third.id}`, { method: 'PATCH', json: { disposition: 'benign', feedback: 'A real newsletter.' } });
  const before = await (await call(sqlite, '/api/reports?limit=50')).json();
  const eml = Buffer.from(await (await call(sqlite, `/api/reports/${first.id}/eml`)).arrayBuffer());
  const running = captureIo();
  // Refused while the service has the file open.
  expect(await runMigrateDb(['--to', 'postgresql://nobody@127.0.0.1:1/none', '--data', dataDir], running)).toBe(2);
  expect(running.text()).toMatch(/a running service has the SQLite database open/);
  await sqlite.close({ keepData: true });

  const name = await createTestDatabase();
  try {
    const url = databaseUrl(name);
    const io = captureIo();
    expect(await runMigrateDb(['--to', url, '--data', dataDir], io)).toBe(0);
    expect(io.text()).toMatch(/every table has the same number of rows on both sides/);
    expect(io.text()).not.toContain(new URL(url).password);
    // A second copy into the same database is refused: it holds reports now.
    const again = captureIo();
    expect(await runMigrateDb(['--to', url, '--data', dataDir], again)).toBe(2);
    expect(again.text()).toMatch(/already holds reports/);

    const postgres = await startTestServer({ dataDir, database: { url, poolSize: 2 } });
    try {
      const after = await (await call(postgres, '/api/reports?limit=50')).json();
      expect(after).toEqual(before);
      expect(Buffer.from(await (await call(postgres, `/api/reports/${first.id}/eml`)).arrayBuffer()).equals(eml)).toBe(true);
      // The merged campaign's id still leads to the survivor.
      expect((await (await call(postgres, `/api/campaigns/${second.campaignId}`)).json()).id).toBe(first.campaignId);
      // The reporter's status token still works.
      const mine = await (await call(postgres, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': third.statusToken } })).json();
      expect(mine.reports).toMatchObject([{ id: third.id, disposition: 'benign', feedback: 'A real newsletter.' }]);
      // New rows get new sequence numbers: the newest report lists first.
      const fourth = await report(postgres, fixture('campaign-3.eml'));
      const list = await (await call(postgres, '/api/reports?limit=1', { token: ANALYST })).json();
      expect(list.items[0].id).toBe(fourth.id);
      expect(list.total).toBe(4);
    } finally {
      await postgres.close({ keepData: true });
    }
  } finally {
    await dropTestDatabase(name);
  }
});

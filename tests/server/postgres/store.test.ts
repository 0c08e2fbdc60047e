// The PostgreSQL store's own guarantees: versioned migrations applied once even when instances
// start together, a database from a newer release refused, commits that wait for the WAL flush,
// failures to connect told without the password, and what the operator commands read of it.
import { Client } from 'pg';
import { databaseFor } from '../../../src/cli/database';
import { openStore } from '../../../src/server/store/open';
import { MIGRATIONS } from '../../../src/server/store/migrations';
import { numberedPlaceholders, PostgresStore } from '../../../src/server/store/postgres';
import { createTestDatabase, databaseUrl, dropTestDatabase } from '../../support/test-database';
import { freePort } from '../../support/free-port';
import { newReport, tempDir } from '../helpers';

let name: string;
let url: string;

beforeEach(async () => {
  // An empty database (not the migrated template): what a new deployment starts with.
  name = await createTestDatabase('template0');
  url = databaseUrl(name);
});
afterEach(async () => dropTestDatabase(name));

async function query<T>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

test('instances starting together migrate once, in order', async () => {
  const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url, { poolSize: 1 })));
  const created = await Promise.all(stores.map((store) => store.instance()));
  expect(new Set(created.map((c) => c.createdAt)).size).toBe(1);
  await Promise.all(stores.map((store) => store.close()));
  const versions = await query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
});

test('a database written by a newer version is refused, not guessed at', async () => {
  await (await PostgresStore.open(url, { poolSize: 1 })).close();
  await query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2099-01-01')");
  await expect(PostgresStore.open(url, { poolSize: 1 })).rejects.toThrow(/written by a newer Lure Lens \(schema 999/);
});

test('every connection of the store commits with synchronous_commit on', async () => {
  // Even where the server's default is off (a tuned or careless server configuration).
  await query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  const store = await PostgresStore.open(url, { poolSize: 1 });
  try {
    const db = (store as unknown as { db: { get(sql: string): Promise<{ synchronous_commit: string }> } }).db;
    expect((await db.get('SHOW synchronous_commit'))?.synchronous_commit).toBe('on');
  } finally {
    await store.close();
  }
});

test('an unreachable database is a configuration error that names the server but not the password', async () => {
  const port = await freePort();
  const attempt = openStore({ dataDir: tempDir(), database: { url: `postgresql://lurelens:s3cret-password@127.0.0.1:${port}/lurelens`, poolSize: 1 } });
  await expect(attempt).rejects.toThrow(/cannot use the database postgresql:\/\/lurelens:\*\*\*@127\.0\.0\.1/);
  await expect(attempt).rejects.not.toThrow(/s3cret-password/);
});

test('lurelens doctor and serve read the PostgreSQL database; backup points to pg_dump instead of copying a file', async () => {
  const maintenance = databaseFor({ dataDir: tempDir(), database: { url, poolSize: 1 } });
  expect(await maintenance.state()).toMatchObject({ exists: false, schemaVersion: 0 });
  const store = await PostgresStore.open(url, { poolSize: 1 });
  try {
    await store.instance();
    expect(await maintenance.state()).toMatchObject({ exists: true, schemaVersion: MIGRATIONS.at(-1)!.version, reports: 0, location: expect.not.stringContaining(new URL(url).password) });
    // A running service holds a connection.
    expect(await maintenance.inUse()).toBe(true);
    expect(await maintenance.checkIntegrity('full')).toEqual({ ok: true, mode: 'full', problems: [] });
    // The exact commands to run instead, with the service's database URL (which holds the password) from the environment.
    await expect(maintenance.backup('/tmp/unused')).rejects.toThrow('pg_dump --format=custom --dbname="$LURELENS_DATABASE_URL" --file=lurelens-');
    await expect(maintenance.restore('/tmp/unused')).rejects.toThrow('pg_restore --dbname="$LURELENS_DATABASE_URL" --no-owner --exit-on-error');
  } finally {
    await store.close();
  }
  expect(await maintenance.inUse()).toBe(false);
  await query('DROP TABLE stix_objects');
  expect((await maintenance.checkIntegrity('quick')).problems).toEqual(['table stix_objects is missing']);
});

test('statements run often are prepared once per connection, and still run after a newer instance adds a column', async () => {
  const store = await PostgresStore.open(url, { poolSize: 1 });
  try {
    const db = store.queryable();
    const lookup = 'SELECT id, key FROM reports WHERE key = ?';
    const everything = 'SELECT r.* FROM reports r WHERE r.key = ?';
    for (let i = 0; i < 5; i++) {
      await db.get(lookup, ['k']);
      await db.get(everything, ['k']);
    }
    const preparedTexts = async () => (await db.all<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).map((row) => row.statement);
    expect(await preparedTexts()).toEqual([numberedPlaceholders(lookup)]);
    // A rolling upgrade: the newer release's migration changes the table under the running instance.
    await query('ALTER TABLE reports ADD COLUMN added_by_a_newer_release TEXT');
    await expect(db.get(lookup, ['k'])).resolves.toBeUndefined();
    await expect(db.get(everything, ['k'])).resolves.toBeUndefined();
  } finally {
    await store.close();
  }
});

test("a report's indicators and grouping keys go in with one statement text whatever their number, and come back as written", async () => {
  const store = await PostgresStore.open(url, { poolSize: 1 });
  try {
    // Text that an array literal must escape, a NULL name, and more rows than one VALUES list held.
    const awkward = ['a,b', '{braces}', 'say "hi"', 'back\\slash', 'NULL', '', '日本語 ｆｕｌｌ', "it's"];
    const reports = [1, 7, 250, 3].map((count, n) =>
      newReport(Buffer.from(`Subject: ${n}\r\n\r\nbody ${n}\r\n`), {
        indicators: Array.from({ length: count }, (_, i) => ({ type: 'url' as const, value: `https://h${n}.example/${awkward[i % awkward.length]}/${i}`, name: i % 3 ? awkward[i % awkward.length] : undefined })),
        groupingKeys: Array.from({ length: Math.min(count, 120) }, (_, i) => ({ key: `url:${n}-${i}`, kind: 'url' as const, label: awkward[i % awkward.length] })),
      }),
    );
    for (const report of reports) expect((await store.insertReport(report)).kind).toBe('created');
    for (const report of reports) {
      const stored = await store.getReport(report.id);
      expect(stored?.indicators).toEqual(report.indicators.map((indicator) => ({ ...indicator, name: indicator.name })));
      const db = store.queryable();
      const keys = await db.all('SELECT key, kind, label FROM report_keys WHERE report_id = ? ORDER BY key', [report.id]);
      expect(keys).toEqual([...report.groupingKeys].sort((a, b) => (a.key < b.key ? -1 : 1)));
      const owned = await db.all<{ key: string }>('SELECT key FROM campaign_keys WHERE campaign_id = ? ORDER BY key', [stored!.campaignId]);
      expect(owned.map((row) => row.key)).toEqual(keys.map((row) => row.key));
    }
    // The intake's batch ran four times with four counts: one text, prepared after its third run.
    const prepared = await store.queryable().all<{ statement: string }>("SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%INSERT INTO indicators%'");
    expect(prepared).toHaveLength(1);
    expect(prepared[0].statement).toMatch(/unnest/);
  } finally {
    await store.close();
  }
});

test('messages are stored compressed with lz4 where the server has it (migration 8)', async () => {
  const store = await PostgresStore.open(url, { poolSize: 1 });
  try {
    const lz4 = (await query<{ enumvals: string[] }>("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'"))[0]?.enumvals.includes('lz4');
    const compression = await query<{ attcompression: string }>("SELECT attcompression FROM pg_attribute WHERE attrelid = 'raw_chunks'::regclass AND attname = 'bytes'");
    expect(compression[0].attcompression).toBe(lz4 ? 'l' : '');
  } finally {
    await store.close();
  }
});

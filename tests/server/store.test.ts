// The SQLite store's guarantees: durable settings, private file, versioned schema.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, SqliteStore } from '../../src/server/store/sqlite';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { tempDir } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('lurelens-store-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('one private file in WAL mode with synchronous=FULL, migrations applied once', async () => {
  const store = new SqliteStore(dir);
  const created = (await store.instance()).createdAt;
  await store.close();
  const reopened = new SqliteStore(dir);
  expect((await reopened.instance()).createdAt).toBe(created);
  await reopened.close();

  const file = path.join(dir, DATABASE_FILE);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
  } finally {
    db.close();
  }
  // synchronous is per connection: check on the store's own.
  const store2 = new SqliteStore(dir);
  // 2 = FULL
  expect((store2 as unknown as { db: { connection: Database.Database } }).db.connection.pragma('synchronous', { simple: true })).toBe(2);
  await store2.close();
});

test('a database written by a newer version is refused, not guessed at', async () => {
  await new SqliteStore(dir).close();
  const db = new Database(path.join(dir, DATABASE_FILE));
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2099-01-01')").run();
  db.close();
  expect(() => new SqliteStore(dir)).toThrow(/written by a newer Lure Lens \(schema 999/);
});

test('checkpoints run beside the service, not in its commits: committed data reaches the database file while the store is open', async () => {
  const store = new SqliteStore(dir);
  try {
    const connection = (store as unknown as { db: { connection: Database.Database } }).db.connection;
    // The service's own connection never stops a commit to copy the WAL into the file.
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const db = store.queryable();
    for (let seq = 0; seq < 24; seq++) await db.run('INSERT INTO raw_chunks (raw_id, seq, written_ms, bytes) VALUES (?, ?, ?, ?)', ['check', seq, Date.now(), Buffer.alloc(256 * 1024, seq)]);
    const file = path.join(dir, DATABASE_FILE);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < 6 * 1024 * 1024 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThanOrEqual(6 * 1024 * 1024);
  } finally {
    await store.close();
  }
});

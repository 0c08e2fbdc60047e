// lurelens migrate-db copies every table a migration creates: a new table that copy.ts does not
// list would be left behind in SQLite when a deployment moves to PostgreSQL.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { COPIED_TABLES } from '../../src/server/store/copy';
import { DATABASE_FILE, SqliteStore, sqliteCopySource } from '../../src/server/store/sqlite';
import { tempDir } from './helpers';

test('every table of the newest schema is copied, parents first', async () => {
  const dir = tempDir('lurelens-copy-');
  try {
    await new SqliteStore(dir).close();
    const connection = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      const tables = await sqliteCopySource(connection).tables();
      expect([...tables].sort()).toEqual([...COPIED_TABLES].sort());
      // A table's references point at tables listed before it (campaigns' own merged_into is linked after the copy).
      for (const table of COPIED_TABLES) {
        const parents = (connection.pragma(`foreign_key_list(${table})`) as { table: string }[]).map((row) => row.table).filter((parent) => parent !== table);
        for (const parent of parents) expect(COPIED_TABLES.indexOf(parent as never)).toBeLessThan(COPIED_TABLES.indexOf(table));
      }
    } finally {
      connection.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Which database a test service uses. In the default run, the SQLite file in its data directory.
// In the PostgreSQL run (jest project "postgres", LURELENS_TEST_BACKEND=postgres) a fresh database
// on the run's throw-away cluster (postgres-global-setup.ts), copied from a migrated template and
// remembered in the data directory, so a service restarted on that directory finds its data again.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../src/server/config';
import { postgresDatabase, postgresPool, PostgresStore } from '../../src/server/store/postgres';
import type { SqlDatabase } from '../../src/server/store/sql';
import type { SqlStore } from '../../src/server/store/sql-store';
import { DATABASE_FILE, sqliteDatabase, SqliteStore } from '../../src/server/store/sqlite';

export type TestBackend = 'sqlite' | 'postgres';

export const TEST_BACKEND: TestBackend = process.env.LURELENS_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
/** The cluster's maintenance database URL, set by postgres-global-setup.ts. */
export const ADMIN_URL_VARIABLE = 'LURELENS_TEST_POSTGRES_URL';
/** The migrated database every test database is copied from. */
export const TEMPLATE_DATABASE = 'lurelens_template';
/** Connections per test service: test files run side by side on one cluster. */
const TEST_POOL_SIZE = 4;
const MARKER = '.test-database';

function adminUrl(): string {
  const url = process.env[ADMIN_URL_VARIABLE];
  if (!url) throw new Error(`the PostgreSQL run needs its cluster: ${ADMIN_URL_VARIABLE} is not set (jest project "postgres" sets it up)`);
  return url;
}

/** The URL of another database on the same cluster. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = '/' + name;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database on the cluster, migrated and empty (or from another template, e.g. template0: no tables); returns its name. */
export async function createTestDatabase(template = TEMPLATE_DATABASE): Promise<string> {
  const name = `test_${randomBytes(8).toString('hex')}`;
  // FILE_COPY: a plain copy of the template's files, faster than WAL_LOG for a small database.
  await admin(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** The database setting for a test service on `dataDir`: none (SQLite) or that directory's PostgreSQL database. */
export async function testDatabaseFor(dataDir: string): Promise<DatabaseConfig | undefined> {
  if (TEST_BACKEND !== 'postgres') return undefined;
  const marker = path.join(dataDir, MARKER);
  let name: string;
  if (existsSync(marker)) {
    name = readFileSync(marker, 'utf8').trim();
  } else {
    name = await createTestDatabase();
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(marker, name);
  }
  return { url: databaseUrl(name), poolSize: TEST_POOL_SIZE };
}

/** Drops the PostgreSQL database of `dataDir`, if it has one. */
export async function dropDatabaseOf(dataDir: string): Promise<void> {
  const marker = path.join(dataDir, MARKER);
  if (existsSync(marker)) await dropTestDatabase(readFileSync(marker, 'utf8').trim());
}

/**
 * The store's own SQL access to a test service's database (stopped or running), for tests that
 * write rows as an older version would have: `?` placeholders on either engine.
 */
export function openTestDatabase(dataDir: string): SqlDatabase {
  const marker = path.join(dataDir, MARKER);
  if (existsSync(marker)) return postgresDatabase(postgresPool(databaseUrl(readFileSync(marker, 'utf8').trim()), { poolSize: 1 }));
  return sqliteDatabase(new Database(path.join(dataDir, DATABASE_FILE)));
}

/** A store of the run's engine for tests of the store itself: SQLite in `dataDir`, or that directory's PostgreSQL database. */
export async function openTestStore(dataDir: string): Promise<SqlStore> {
  const database = await testDatabaseFor(dataDir);
  return database ? PostgresStore.open(database.url, { poolSize: TEST_POOL_SIZE }) : new SqliteStore(dataDir);
}

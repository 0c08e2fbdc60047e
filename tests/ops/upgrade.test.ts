// Upgrades from the previous release: its own service wrote tests/fixtures/upgrade/release-7db0d47.sqlite
// (scripts/make-upgrade-fixture.ts regenerates it). This release must open that database, migrate it
// (after keeping a copy), and serve every old report as it was; a database from a newer release is refused.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteMaintenance, SUPPORTED_SCHEMA } from '../../src/cli/database/sqlite';
import { startServe, DATABASE_EXIT_CODE } from '../../src/cli/serve';
import { FIXTURES } from '../server/helpers';
import { captureIo } from '../support/io';

const UPGRADE = path.join(__dirname, '..', 'fixtures', 'upgrade');

interface FixtureReport {
  key: string;
  file: string;
  id: string;
  campaignId: string;
  statusToken: string;
  subject: string;
  disposition: string;
}
const previous = JSON.parse(readFileSync(path.join(UPGRADE, 'release-7db0d47.json'), 'utf8')) as {
  commit: string;
  schemaVersion: number;
  tokens: { analyst: string; reporter: string };
  reports: FixtureReport[];
};

let dir: string;
let dataDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-upgrade-'));
  dataDir = path.join(dir, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  copyFileSync(path.join(UPGRADE, 'release-7db0d47.sqlite'), path.join(dataDir, 'lurelens.sqlite'));
  writeFileSync(path.join(dir, 'service.json'), JSON.stringify({ rateLimit: false, analysis: { workers: 1 } }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function serveArgs(...extra: string[]): string[] {
  return [
    '--config', path.join(dir, 'service.json'), '--port', '0', '--data', dataDir, '--public-url', 'https://lurelens.example.test',
    '--policy', path.join(FIXTURES, 'policy.json'), '--web-root', path.join(FIXTURES, 'web'), '--manifest', path.join(FIXTURES, 'manifest.xml'),
    '--token', `analyst:${previous.tokens.analyst}`, '--token', `reporter:${previous.tokens.reporter}`, '--log-level', 'silent', ...extra,
  ];
}


test(`the fixture really is the previous release's database (schema ${previous.schemaVersion}, older than this release's)`, async () => {
  const state = await new SqliteMaintenance(dataDir).state();
  expect(state).toMatchObject({ schemaVersion: previous.schemaVersion, reports: previous.reports.length });
  // When this fails the schema has not changed since that release: nothing is being tested; see the header.
  expect(previous.schemaVersion).toBeLessThan(SUPPORTED_SCHEMA);
});

test('opens the previous release\'s database, migrates it after keeping a copy, and serves every old report as it was', async () => {
  const io = captureIo();
  const handle = await startServe(serveArgs(), io);
  if (typeof handle === 'number') throw new Error(`serve exited ${handle}: ${io.stderr.join('\n')}`);
  try {
    const base = handle.url!;
    const get = (route: string, token = previous.tokens.analyst, headers: Record<string, string> = {}) =>
      fetch(base + route, { headers: { authorization: `Bearer ${token}`, ...headers } });

    const list = (await (await get('/api/reports?limit=200')).json()) as { total: number; items: { id: string; subject: string }[] };
    expect(list.total).toBe(previous.reports.length);
    for (const old of previous.reports) {
      const detail = (await (await get(`/api/reports/${old.id}`)).json()) as { subject: string; disposition: string; campaignId: string };
      expect({ id: old.id, subject: detail.subject, disposition: detail.disposition }).toEqual({ id: old.id, subject: old.subject, disposition: old.disposition });
      // The original message, byte for byte as the old release received it.
      const eml = Buffer.from(await (await get(`/api/reports/${old.id}/eml`)).arrayBuffer());
      expect(eml.equals(readFileSync(path.join(FIXTURES, old.file)))).toBe(true);
      expect((await get(`/api/campaigns/${old.campaignId}`)).status).toBe(200);
    }
    // Reporters' status tokens from the old release still show the analyst's feedback.
    const mine = (await (await get('/api/my/reports', previous.tokens.reporter, { 'x-status-tokens': previous.reports.map((r) => r.statusToken).join(', ') })).json()) as {
      reports: { id: string; disposition: string; feedback?: string }[];
    };
    expect(mine.reports).toHaveLength(previous.reports.length);
    expect(mine.reports.find((r) => r.id === previous.reports[0].id)).toMatchObject({ disposition: 'malicious', feedback: 'Thank you: this was phishing.' });

    // New reports go in beside the old ones.
    const eml = readFileSync(path.join(FIXTURES, 'unrelated.eml'));
    const created = await fetch(`${base}/api/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${previous.tokens.reporter}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'after-upgrade-0001', eml: Buffer.concat([eml, Buffer.from('\r\n')]).toString('base64'), emlSource: 'original', reporter: { address: 'new@example.org' }, reasons: ['other'] }),
    });
    expect(created.status).toBe(201);
  } finally {
    await handle.stop();
  }
  expect(await handle.stopped).toBe(0);

  const state = await new SqliteMaintenance(dataDir).state();
  expect(state).toMatchObject({ schemaVersion: SUPPORTED_SCHEMA, reports: previous.reports.length + 1 });
  expect((await new SqliteMaintenance(dataDir).checkIntegrity('full')).ok).toBe(true);

  // The copy kept before the migration is the old database, whole: the way back for a rollback.
  const copies = readdirSync(path.join(dataDir, 'backups'));
  expect(copies).toEqual([expect.stringMatching(new RegExp(`^lurelens-schema-${previous.schemaVersion}-before-upgrade-\\d{8}-\\d{6}Z\\.sqlite$`))]);
  expect(io.stdout.join('\n')).toContain(`Upgrading the database schema ${previous.schemaVersion} → ${SUPPORTED_SCHEMA}; a copy of the ${previous.reports.length} reports before it is in ${path.join(dataDir, 'backups', copies[0])}`);
  const copy = await new SqliteMaintenance(dataDir).inspectBackup(path.join(dataDir, 'backups', copies[0]));
  expect(copy).toMatchObject({ schemaVersion: previous.schemaVersion, reports: previous.reports.length, integrity: { ok: true } });
}, 60_000);

test('--no-upgrade-backup migrates without the copy', async () => {
  const io = captureIo();
  const handle = await startServe(serveArgs('--no-upgrade-backup'), io);
  if (typeof handle === 'number') throw new Error(`serve exited ${handle}: ${io.stderr.join('\n')}`);
  await handle.stop();
  expect(readdirSync(dataDir)).not.toContain('backups');
  expect((await new SqliteMaintenance(dataDir).state()).schemaVersion).toBe(SUPPORTED_SCHEMA);
});

test('refuses a database written by a newer release, saying so, with exit code 3, and leaves it untouched', async () => {
  const file = path.join(dataDir, 'lurelens.sqlite');
  const db = new Database(file);
  db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '2030-01-01T00:00:00Z')`).run(SUPPORTED_SCHEMA + 1);
  db.close();
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');
  const io = captureIo();
  expect(await startServe(serveArgs(), io)).toBe(DATABASE_EXIT_CODE);
  expect(io.stderr.join('\n')).toMatch(new RegExp(`has schema version ${SUPPORTED_SCHEMA + 1}, but this release of Lure Lens knows up to ${SUPPORTED_SCHEMA}: it was written by a newer release`));
  expect(io.stdout).toEqual([]);
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  // Nothing created beside it (SQLite's own -wal/-shm from reading it aside): no copy, no tokens.
  expect(readdirSync(dataDir).filter((name) => !/^lurelens\.sqlite(-wal|-shm)?$/.test(name))).toEqual([]);
});

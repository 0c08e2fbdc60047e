// lurelens backup and restore as an operator uses them: a backup taken while the service is busy
// holds every report acknowledged before it began and opens as a whole database; restore refuses
// to replace a database a service has open, asks before replacing reports, and keeps the old file.
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runBackup } from '../../src/cli/backup';
import { SqliteMaintenance } from '../../src/cli/database/sqlite';
import { runRestore } from '../../src/cli/restore';
import { SqliteStore } from '../../src/server/store/sqlite';
import { startServiceProcess, type ServiceProcess } from '../../scripts/durability';
import { ANALYST, fixture, report, startTestServer } from '../server/helpers';
import { captureIo } from '../support/io';

const UPGRADE_FIXTURE = path.join(__dirname, '..', 'fixtures', 'upgrade', 'release-7db0d47.sqlite');
const TOKENS = { analyst: `analyst-${randomUUID()}`, reporter: `reporter-${randomUUID()}` };


function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function message(index: number): Buffer {
  return Buffer.from(
    `From: "Sender ${index}" <sender${index}@backup.example>\r\nTo: victim@example.org\r\nSubject: Backup check ${index}\r\n` +
      `Message-ID: <${randomUUID()}@backup.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${'x'.repeat(4000)} ${index}\r\n`,
  );
}

/** SHA-256 of each report's raw message (its chunks in order) in a database file, by id. */
function rawById(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    // Schema 6 keeps messages in chunks; older backups as one BLOB per report.
    const chunked = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'raw_chunks'`).get() !== undefined;
    const chunks = db
      .prepare(chunked ? 'SELECT r.id, c.bytes FROM reports r JOIN raw_chunks c ON c.raw_id = r.raw_id ORDER BY r.id, c.seq' : 'SELECT report_id AS id, bytes FROM report_raw')
      .all() as { id: string; bytes: Buffer }[];
    const byId = new Map<string, Buffer[]>();
    for (const chunk of chunks) byId.set(chunk.id, [...(byId.get(chunk.id) ?? []), chunk.bytes]);
    return new Map([...byId].map(([id, parts]) => [id, sha256(Buffer.concat(parts))]));
  } finally {
    db.close();
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('lurelens backup', () => {
  let service: ServiceProcess | undefined;
  afterEach(async () => {
    service?.process.kill('SIGTERM');
    await service?.exited;
    service = undefined;
  });

  it('copies the database while reports keep arriving: every report acknowledged before it began is in the copy, byte for byte', async () => {
    const dataDir = path.join(dir, 'data');
    const configFile = path.join(dir, 'service.json');
    writeFileSync(configFile, JSON.stringify({ rateLimit: false, logLevel: 'warn', publicUrl: 'http://127.0.0.1', analysis: { workers: 1 } }));
    service = await startServiceProcess(dataDir, configFile, TOKENS);
    const url = service.url;

    const acknowledged = new Map<string, string>();
    let writing = true;
    let index = 0;
    const writer = async () => {
      while (writing) {
        const eml = message(index++);
        const response = await fetch(`${url}/api/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKENS.reporter}`, 'content-type': 'application/json' },
          body: JSON.stringify({ key: randomUUID(), eml: eml.toString('base64'), emlSource: 'original', reporter: { address: `user${index}@example.org` }, reasons: ['other'] }),
        });
        if (response.status === 201) acknowledged.set(((await response.json()) as { id: string }).id, sha256(eml));
        else await response.body?.cancel();
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 20));

    const before = new Map(acknowledged);
    const file = path.join(dir, 'copy.sqlite');
    const io = captureIo();
    const code = await runBackup(['--to', file, '--data', dataDir], io);
    const duringBackup = acknowledged.size - before.size;
    // Keep writing a little after the copy, then stop.
    while (acknowledged.size < before.size + duringBackup + 5) await new Promise((resolve) => setTimeout(resolve, 20));
    writing = false;
    await Promise.all(writers);

    expect({ code, stderr: io.stderr }).toEqual({ code: 0, stderr: [] });
    expect(io.stdout.join('\n')).toMatch(/^Backed up \d+ reports \(schema \d+, [\d.]+ MB\) to .*copy\.sqlite in [\d.]+ s; integrity check ok\.$/);
    // One self-contained file: no WAL beside it, rollback journal mode inside it.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const copy = rawById(file);
    const missing = [...before.keys()].filter((id) => copy.get(id) !== before.get(id));
    expect(missing).toEqual([]);
    const inspected = await new SqliteMaintenance(dataDir).inspectBackup(file);
    expect(inspected.integrity).toEqual({ ok: true, mode: 'full', problems: [] });
    expect(inspected.reports).toBe(copy.size);
    expect(inspected.schemaVersion).toBe(inspected.supportedVersion);
    // And the service's own store opens it.
    const restoredDir = path.join(dir, 'opened');
    await new SqliteMaintenance(restoredDir).restore(file);
    const store = new SqliteStore(restoredDir);
    expect((await store.listReports({ limit: 1, offset: 0 })).total).toBe(copy.size);
    await store.close();
  }, 90_000);

  it('writes dated backups into a directory and keeps only the newest N of its own', async () => {
    const dataDir = path.join(dir, 'data');
    copyFileSync(UPGRADE_FIXTURE, path.join(dir, 'seed.sqlite'));
    await new SqliteMaintenance(dataDir).restore(path.join(dir, 'seed.sqlite'));
    const backups = path.join(dir, 'backups');
    mkdirSync(backups);
    const old = ['lurelens-20250101-020000Z.sqlite', 'lurelens-20250102-020000Z.sqlite'];
    for (const name of old) writeFileSync(path.join(backups, name), 'old');
    writeFileSync(path.join(backups, 'notes.txt'), 'not ours');

    const io = captureIo();
    expect(await runBackup(['--dir', backups, '--keep', '2', '--data', dataDir], io)).toBe(0);
    const left = readdirSync(backups).sort();
    // The new backup and the newer of the two old ones are kept; the file that is not a backup is never touched.
    expect(left).toHaveLength(3);
    expect(left).toContain('notes.txt');
    expect(left.filter((name) => old.includes(name))).toEqual([old[1]]);
    expect(io.stdout.join('\n')).toMatch(/Backed up 5 reports[\s\S]*Removed old backup .*lurelens-20250101-020000Z\.sqlite/);
  });

  it('refuses without a database, over an existing file without --force, and with contradictory options', async () => {
    const missing = captureIo();
    expect(await runBackup(['--to', path.join(dir, 'x.sqlite'), '--data', path.join(dir, 'none')], missing)).toBe(2);
    expect(missing.text()).toMatch(/there is no database at .*lurelens\.sqlite/);

    writeFileSync(path.join(dir, 'taken.sqlite'), 'keep me');
    const exists = captureIo();
    expect(await runBackup(['--to', path.join(dir, 'taken.sqlite'), '--data', dir], exists)).toBe(2);
    expect(exists.text()).toMatch(/exists; choose another name or add --force/);
    expect(readFileSync(path.join(dir, 'taken.sqlite'), 'utf8')).toBe('keep me');

    const both = captureIo();
    expect(await runBackup(['--to', 'a', '--dir', 'b'], both)).toBe(2);
    expect(both.text()).toMatch(/either --to FILE or --dir DIR[\s\S]*Usage: lurelens backup/);
    expect(await runBackup(['--to', 'a', '--keep', '3'], captureIo())).toBe(2);
  });
});

describe('lurelens restore', () => {
  async function seeded(): Promise<{ dataDir: string; backup: string }> {
    const dataDir = path.join(dir, 'data');
    const backup = path.join(dir, 'backup.sqlite');
    copyFileSync(UPGRADE_FIXTURE, path.join(dir, 'seed.sqlite'));
    await new SqliteMaintenance(path.join(dir, 'seed')).restore(path.join(dir, 'seed.sqlite'));
    await new SqliteMaintenance(path.join(dir, 'seed')).backup(backup);
    return { dataDir, backup };
  }

  it('refuses while a service has the database open, and changes nothing', async () => {
    const { dataDir, backup } = await seeded();
    const server = await startTestServer({ dataDir });
    try {
      const before = readFileSync(path.join(dataDir, 'lurelens.sqlite'));
      const io = captureIo();
      expect(await runRestore(['--from', backup, '--data', dataDir, '--force'], io)).toBe(2);
      expect(io.text()).toMatch(/a running service has the database open; stop it first/);
      expect(readFileSync(path.join(dataDir, 'lurelens.sqlite')).equals(before)).toBe(true);
    } finally {
      await server.close({ keepData: true });
    }
  });

  it('asks for --force before replacing reports, then keeps the previous database beside the restored one', async () => {
    const { dataDir, backup } = await seeded();
    await new SqliteMaintenance(dataDir).restore(backup);
    // The service upgrades the schema and takes one more report: the backup now lacks it.
    const server = await startTestServer({ dataDir });
    await report(server, fixture('unrelated.eml'));
    const current = await fetch(`${server.url}/api/reports?limit=200`, { headers: { authorization: `Bearer ${ANALYST}` } }).then((r) => r.json() as Promise<{ total: number }>);
    await server.close({ keepData: true });
    expect(current.total).toBe(6);

    const refused = captureIo();
    expect(await runRestore(['--from', backup, '--data', dataDir], refused)).toBe(2);
    expect(refused.text()).toMatch(new RegExp(`holds ${current.total} reports.*Add --force`));

    const io = captureIo();
    expect(await runRestore(['--from', backup, '--data', dataDir, '--force'], io)).toBe(0);
    const previous = readdirSync(dataDir).filter((name) => name.startsWith('lurelens.sqlite.before-restore-'));
    expect(previous).toHaveLength(1);
    expect(io.stdout.join('\n')).toContain(`The previous database was kept as ${path.join(dataDir, previous[0])}`);
    expect(io.stdout.join('\n')).toMatch(/Restored 5 reports, newest received .*, schema 1 into .*lurelens\.sqlite\./);
    expect([...rawById(path.join(dataDir, 'lurelens.sqlite')).keys()].sort()).toEqual([...rawById(backup).keys()].sort());
    expect(rawById(path.join(dataDir, previous[0])).size).toBe(current.total);
  });

  it('restores into an empty data directory without --force', async () => {
    const { backup } = await seeded();
    const io = captureIo();
    expect(await runRestore(['--from', backup, '--data', path.join(dir, 'fresh')], io)).toBe(0);
    expect(io.stdout.join('\n')).not.toContain('previous database');
  });

  it.each([
    ['a damaged backup', (file: string) => {
      const bytes = readFileSync(file);
      // Overwrite the middle of the file (table and index pages) with noise.
      bytes.fill(0x5a, 4096 * 3, 4096 * 6);
      writeFileSync(file, bytes);
    }, /integrity check|malformed|corrupt/],
    ['a backup from a newer release', (file: string) => {
      const db = new Database(file);
      db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')`).run();
      db.close();
    }, /schema version 999.*written by a newer release/],
    ['a SQLite file that is not Lure Lens', (file: string) => {
      rmSync(file);
      const db = new Database(file);
      db.exec('CREATE TABLE t (a)');
      db.close();
    }, /not one of Lure Lens/],
    ['a file that is not a database', (file: string) => writeFileSync(file, 'hello'), /cannot read .* as a SQLite database/],
  ])('refuses %s and leaves the current database alone', async (_name, spoil, expected) => {
    const { dataDir, backup } = await seeded();
    await new SqliteMaintenance(dataDir).restore(backup);
    const before = readFileSync(path.join(dataDir, 'lurelens.sqlite'));
    spoil(backup);
    const io = captureIo();
    expect(await runRestore(['--from', backup, '--data', dataDir, '--force'], io)).toBe(2);
    expect(io.text()).toMatch(expected);
    expect(readFileSync(path.join(dataDir, 'lurelens.sqlite')).equals(before)).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.includes('before-restore') || name.includes('restoring'))).toEqual([]);
  });
});

// Writes tests/fixtures/upgrade/release-<commit>.sqlite and .json: a database written by the code of an
// earlier release, so tests/ops/upgrade.test.ts can check that this release opens it, migrates it and
// serves the old reports. The earlier release is checked out in a temporary git worktree, installed
// and built there, and its own service receives the reports over HTTP, as it did in production.
//
//   npx tsx scripts/make-upgrade-fixture.ts [COMMIT]     (default 7db0d47, the stop-8 release)
//
// At each release, regenerate it for the release before (and keep the older fixtures: each one is a
// database someone may still upgrade from).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { betterSqliteVersion, makeLocalPrebuild } from './local-prebuild';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'tests', 'fixtures', 'upgrade');

/** Runs in the old checkout with its compiled code: starts its service, reports, triages, stops cleanly. */
const WRITER = String.raw`
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { startServer } = require('./dist/node/src/server/app.js');
const { defaultServerConfig } = require('./dist/node/src/server/config.js');

const [dataDir, analyst, reporter] = process.argv.slice(2);
const fixtures = path.join(__dirname, 'tests', 'fixtures', 'server');
const MESSAGES = ['campaign-1.eml', 'campaign-2.eml', 'campaign-3.eml', 'japanese-iso2022jp.eml', 'unrelated.eml'];

async function main() {
  const config = defaultServerConfig({
    host: '127.0.0.1', port: 0, publicUrl: 'https://lurelens.example.test', dataDir,
    webRoot: path.join(fixtures, 'web'), manifestFile: path.join(fixtures, 'manifest.xml'), policyFile: path.join(fixtures, 'policy.json'),
    tokens: [{ token: analyst, role: 'analyst', name: 'fixture analyst' }, { token: reporter, role: 'reporter', name: 'fixture add-in' }],
    logLevel: 'silent', rateLimit: false,
    // Unreachable on purpose: the queue keeps a pending delivery, so that table is upgraded with rows too.
    webhook: { url: 'http://127.0.0.1:9/hook', maxAttempts: 10, retryBaseMs: 3600000, retryMaxMs: 3600000, timeoutMs: 1000, pollMs: 60000 },
  });
  const running = await startServer(config);
  const call = async (route, token, init = {}) => {
    const response = await fetch(running.url + route, { ...init, headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json', ...init.headers } });
    if (!response.ok) throw new Error(route + ': ' + response.status + ' ' + (await response.text()));
    return response.json();
  };
  const reports = [];
  for (const [index, name] of MESSAGES.entries()) {
    const eml = fs.readFileSync(path.join(fixtures, name));
    const key = 'upgrade-fixture-' + index;
    const receipt = await call('/api/reports', reporter, {
      method: 'POST',
      body: JSON.stringify({
        key, eml: eml.toString('base64'), emlSource: 'original',
        reporter: { address: 'reporter' + index + '@example.org', name: 'Reporter ' + index }, reasons: ['suspicious-link'],
        clientVerdict: { verdict: 'suspicious', score: 40, findings: [{ rule: 'link-mismatch', severity: 'medium', title: 'Link text and target differ' }] },
        client: { host: 'Outlook', platform: 'OfficeOnline', version: '16.0', addinVersion: '0.1.0' },
      }),
    });
    reports.push({ key, file: name, id: receipt.id, campaignId: receipt.campaignId, statusToken: receipt.statusToken });
  }
  await call('/api/reports/' + reports[0].id, analyst, { method: 'PATCH', body: JSON.stringify({ disposition: 'malicious', note: 'Fixture note', feedback: 'Thank you: this was phishing.' }) });
  for (const report of reports) {
    const detail = await call('/api/reports/' + report.id, analyst);
    Object.assign(report, { subject: detail.subject, rawSha256: detail.rawSha256, disposition: detail.disposition, verdict: detail.verdict });
  }
  await running.app.close();
  process.stdout.write(JSON.stringify(reports));
}
main().catch((error) => { console.error(error); process.exit(1); });
`;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
}

function main(commitArg = '7db0d47'): void {
  const commit = run('git', ['rev-parse', '--verify', `${commitArg}^{commit}`], ROOT).trim();
  const short = commit.slice(0, 7);
  const work = path.join(tmpdir(), `lurelens-release-${short}`);
  if (existsSync(work)) run('git', ['worktree', 'remove', '--force', work], ROOT);
  run('git', ['worktree', 'add', '--detach', work, commit], ROOT);
  try {
    const oldLock = JSON.parse(readFileSync(path.join(work, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    // The same better-sqlite3 as ours installs from our compiled binary instead of compiling again.
    const sameSqlite = oldLock.packages['node_modules/better-sqlite3']?.version === betterSqliteVersion();
    const env = { ...process.env, ...(sameSqlite ? makeLocalPrebuild(path.join(work, '.prebuilds')) : {}) };
    console.log(`Installing and building ${short} in ${work}${sameSqlite ? '' : ' (better-sqlite3 differs: compiling it)'}…`);
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], work, env);
    run('npx', ['tsc', '-p', 'tsconfig.build.json'], work);

    const dataDir = path.join(work, '.fixture-data');
    rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(path.join(work, 'write-fixture.js'), WRITER);
    const reports = JSON.parse(run(process.execPath, ['write-fixture.js', dataDir, 'fixture-analyst-token-0123456789', 'fixture-reporter-token-0123456789'], work)) as unknown[];

    const database = path.join(dataDir, 'lurelens.sqlite');
    if (existsSync(`${database}-wal`)) throw new Error('the old service left a WAL behind: it did not close cleanly');
    const db = new Database(database, { readonly: true });
    const schemaVersion = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v;
    db.close();
    const version = (JSON.parse(readFileSync(path.join(work, 'package.json'), 'utf8')) as { version: string }).version;

    mkdirSync(OUT, { recursive: true });
    copyFileSync(database, path.join(OUT, `release-${short}.sqlite`));
    const description = {
      commit,
      version,
      schemaVersion,
      writtenBy: 'scripts/make-upgrade-fixture.ts: the release\'s own service, over HTTP',
      tokens: { analyst: 'fixture-analyst-token-0123456789', reporter: 'fixture-reporter-token-0123456789' },
      reports,
    };
    writeFileSync(path.join(OUT, `release-${short}.json`), JSON.stringify(description, null, 2) + '\n');
    console.log(`Wrote tests/fixtures/upgrade/release-${short}.sqlite (${reports.length} reports, schema ${schemaVersion}, Lure Lens ${version}).`);
  } finally {
    run('git', ['worktree', 'remove', '--force', work], ROOT);
  }
}

main(process.argv[2]);

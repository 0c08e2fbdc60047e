// lurelens doctor as an administrator runs it: a healthy deployment exits 0, warnings 1, failures 2;
// the report follows the locale (or --lang); --json is for monitoring.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { languageFromLocale, runDoctor, type DoctorReport } from '../../src/cli/doctor';
import { selfSignedCertificate } from '../support/certificates';
import { freePort } from '../support/free-port';
import { FIXTURES, startTestServer, type TestServer } from '../server/helpers';
import { captureIo } from '../support/io';

const TEMPLATE = path.join(__dirname, '..', '..', 'manifest.xml');


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-doctor-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a healthy deployment', () => {
  let server: TestServer;
  let configFile: string;
  let caFile: string;
  beforeEach(async () => {
    const cert = selfSignedCertificate(dir);
    caFile = cert.certFile;
    const port = await freePort();
    const tokens = [
      { token: randomBytes(36).toString('base64'), role: 'analyst' as const, name: 'SOC' },
      { token: randomBytes(36).toString('base64'), role: 'reporter' as const, name: 'add-in' },
    ];
    const dataDir = path.join(dir, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const config = { publicUrl: `https://localhost:${port}`, port, host: '127.0.0.1', dataDir, policyFile: path.join(FIXTURES, 'policy.json'), manifestFile: TEMPLATE, tokens, tls: cert };
    configFile = path.join(dir, 'lurelens.json');
    writeFileSync(configFile, JSON.stringify({ ...config, tls: { certFile: cert.certFile, keyFile: cert.keyFile } }), { mode: 0o600 });
    server = await startTestServer({ ...config, webRoot: path.join(FIXTURES, 'web') });
  });
  afterEach(() => server.close());

  it('passes every check and exits 0 (with its CA trusted)', async () => {
    const io = captureIo();
    const code = await runDoctor(['--config', configFile, '--ca', caFile, '--lang', 'en'], io);
    const report = io.stdout.join('\n');
    expect({ code, problems: io.stdout.filter((line) => /^(WARN|FAIL)/.test(line)) }).toEqual({ code: 0, problems: [] });
    expect(report).toMatch(/^Lure Lens \d+\.\d+\.\d+ doctor — configuration: .*lurelens\.json$/m);
    for (const title of ['Configuration', 'Node.js and SQLite module', 'Policy', 'Tokens', 'Public URL', 'TLS certificates', 'Add-in manifest', 'Well-known file for classic Outlook', 'Data directory', 'Database', 'Webhook (optional)']) {
      expect(report).toContain(` ${title}: `);
    }
    expect(report).toMatch(/Result: \d+ ok, 0 warning\(s\), 0 failure\(s\), 1 skipped — exit 0$/);
  });

  it('exits 2 when the certificate is not trusted, and says so in Japanese under a Japanese locale', async () => {
    const io = captureIo();
    expect(await runDoctor(['--config', configFile], io, { env: { LANG: 'ja_JP.UTF-8' } })).toBe(2);
    const report = io.stdout.join('\n');
    expect(report).toMatch(/^Lure Lens .* 診断 — 設定: /);
    expect(report).toMatch(/^失敗 {2}TLS 証明書: localhost:\d+: このマシンは証明書を信頼していません: 自己署名証明書です/m);
    expect(report).toMatch(/^ {6}→ すべての Outlook クライアントが信頼する認証局/m);
    expect(report).toMatch(/結果: 正常 \d+、警告 0、失敗 \d+、省略 \d+ — 終了コード 2$/);
  });

  it('writes one JSON document for monitoring', async () => {
    const io = captureIo();
    expect(await runDoctor(['--config', configFile, '--ca', caFile, '--json'], io, { env: {} })).toBe(0);
    const report = JSON.parse(io.stdout.join('\n')) as DoctorReport;
    expect(report).toMatchObject({ language: 'en', status: 'ok', exitCode: 0 });
    expect(report.checks.map((check) => check.id)).toEqual(['config', 'runtime', 'policy', 'tokens', 'public-url', 'tls', 'manifest', 'well-known', 'data-dir', 'database', 'webhook']);
    for (const check of report.checks) expect(check.findings.length).toBeGreaterThan(0);
  });
});

it('exits 1 when there are only warnings (a plain http trial, checked offline)', async () => {
  const io = captureIo();
  expect(await runDoctor(['--offline', '--data', path.join(dir, 'data'), '--policy', path.join(FIXTURES, 'policy.json'), '--manifest', TEMPLATE], io, { env: {} })).toBe(1);
  expect(io.stdout.filter((line) => /^(WARN|FAIL)/.test(line))).toEqual([expect.stringMatching(/^WARN {2}Public URL: http:\/\/localhost:3000 is plain http/)]);
  expect(io.stdout.filter((line) => line.startsWith('skip'))).toHaveLength(5);
});

it('exits 2 with the configuration error when the configuration cannot be read, the other checks left out', async () => {
  const configFile = path.join(dir, 'lurelens.json');
  writeFileSync(configFile, JSON.stringify({ publicUrl: 'https://lurelens.example.org', dataDirectory: '/var/lib/lurelens' }));
  const io = captureIo();
  expect(await runDoctor(['--config', configFile, '--json'], io, { env: {} })).toBe(2);
  const report = JSON.parse(io.stdout.join('\n')) as DoctorReport;
  expect(report.checks).toHaveLength(1);
  expect(report.checks[0]).toMatchObject({ id: 'config', status: 'fail', findings: [{ status: 'fail', text: expect.stringMatching(/is invalid/) }] });
});

it('exits 2 for a bad option, with the usage', async () => {
  const io = captureIo();
  expect(await runDoctor(['--lang', 'fr'], io)).toBe(2);
  expect(io.stderr.join('\n')).toMatch(/--lang must be en or ja[\s\S]*Usage: lurelens doctor/);
});

it.each([
  [{ LANG: 'ja_JP.UTF-8' }, 'ja'],
  [{ LANG: 'ja_JP.UTF-8', LC_ALL: 'C.UTF-8' }, 'en'],
  [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.eucJP' }, 'ja'],
  [{ LANG: 'C' }, 'en'],
  [{}, 'en'],
])('reads the language from the locale %j', (env, language) => {
  expect(languageFromLocale(env)).toBe(language);
});

// Configuration from file, environment and flags (later wins), clear errors, and `lurelens serve`
// generating local tokens on first start.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServe } from '../../src/cli/serve';
import { DEFAULTS, ensureLocalTokens, loadServerConfig, MEGABYTE } from '../../src/server/config';
import { FIXTURES, call } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadServerConfig', () => {
  test('documented defaults', async () => {
    const { config } = await loadServerConfig({ argv: [], env: {}, cwd: dir });
    expect(config).toMatchObject({
      dataDir: path.join(dir, '.data'),
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      bodyLimitBytes: 35 * MEGABYTE,
      rateLimit: DEFAULTS.rateLimit,
      tokens: [],
      trustProxy: false,
      logLevel: 'info',
    });
    expect(config.webRoot).toMatch(/dist[\\/]web$/);
    expect(config.webhook).toBeUndefined();
  });

  test('file < environment < flags; relative paths from the file are resolved next to it', async () => {
    const file = path.join(dir, 'service.json');
    writeFileSync(
      file,
      JSON.stringify({
        port: 4000,
        host: '0.0.0.0',
        dataDir: 'state',
        policyFile: 'policy.json',
        publicUrl: 'https://from-file.example',
        tokens: [{ token: 'file-analyst-token-0001', role: 'analyst' }],
        webhook: { url: 'https://siem.example/hook', maxAttempts: 3 },
        rateLimit: { reportsMax: 10 },
        bodyLimitMb: 20,
      }),
    );
    const { config } = await loadServerConfig({
      argv: ['--config', file, '--port', '5000', '--token', 'reporter:flag-reporter-token-01', '--token', 'flag-analyst-token-0001'],
      env: { LURELENS_PORT: '4500', LURELENS_PUBLIC_URL: 'https://from-env.example/', LURELENS_WEBHOOK_SECRET: 'hook-secret-0123456789' },
      cwd: '/somewhere/else',
    });
    expect(config.port).toBe(5000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(path.join(dir, 'state'));
    expect(config.policyFile).toBe(path.join(dir, 'policy.json'));
    expect(config.publicUrl).toBe('https://from-env.example');
    expect(config.tokens).toEqual([
      { token: 'flag-reporter-token-01', role: 'reporter' },
      { token: 'flag-analyst-token-0001', role: 'analyst' },
    ]);
    expect(config.webhook).toMatchObject({ url: 'https://siem.example/hook', maxAttempts: 3, secret: 'hook-secret-0123456789', retryBaseMs: 5000 });
    expect(config.rateLimit).toEqual({ ...DEFAULTS.rateLimit, reportsMax: 10 });
    expect(config.bodyLimitBytes).toBe(20 * MEGABYTE);
  });

  test('tokens from the environment', async () => {
    const { config } = await loadServerConfig({ argv: [], env: { LURELENS_TOKENS: 'analyst:env-analyst-token-001, reporter:env-reporter-token-01' }, cwd: dir });
    expect(config.tokens.map((t) => t.role)).toEqual(['analyst', 'reporter']);
  });

  test.each([
    [['--port', 'eighty'], /--port must be a port number/],
    [['--bogus'], /unknown option --bogus/],
    [['--token', 'short'], /at least 16 characters/],
    [['--public-url', 'ftp://x.example'], /http\(s\)/],
    [['--public-url', 'https://x.example/path?'], /query \(\?\) or fragment/],
    [['--public-url', 'https://x.example#'], /query \(\?\) or fragment/],
    [['--public-url', 'https://user:pw@x.example'], /user name or password/],
    [['--public-url', 'https://x.example/a b'], /plain path segments/],
    [['--trust-proxy=10.0.0.300'], /trustProxy entry "10.0.0.300"/],
    [['--trust-proxy=10.0.0.0/33'], /trustProxy entry/],
    [['--body-limit-mb', '-1'], /MB/],
    [['--log-level', 'loud'], /log level/],
    [['--data'], /--data needs a value/],
  ])('rejects %j', async (argv, message) => {
    await expect(loadServerConfig({ argv, env: {}, cwd: dir })).rejects.toThrow(message);
  });

  test.each([
    ['https://lurelens.example.org', 'https://lurelens.example.org'],
    ['https://LureLens.Example.org/', 'https://lurelens.example.org'],
    ['https://lurelens.example.org:443//', 'https://lurelens.example.org'],
    ['https://intranet.example.org/security/lurelens/', 'https://intranet.example.org/security/lurelens'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('publicUrl %s is normalised to %s (origin and path prefix, every link built from it works)', async (given, expected) => {
    const { config } = await loadServerConfig({ argv: ['--public-url', given], env: {}, cwd: dir });
    expect(config.publicUrl).toBe(expected);
  });

  test.each([
    [['--trust-proxy'], {}, true],
    [['--trust-proxy=1'], {}, 1],
    [['--trust-proxy=10.0.0.5,10.1.0.0/16, ::1'], {}, ['10.0.0.5', '10.1.0.0/16', '::1']],
    [[], { LURELENS_TRUST_PROXY: '2' }, 2],
    [[], { LURELENS_TRUST_PROXY: 'loopback' }, ['loopback']],
    [[], { LURELENS_TRUST_PROXY: 'false' }, false],
  ])('trustProxy from %j %j is %j', async (argv, env, expected) => {
    const { config } = await loadServerConfig({ argv, env, cwd: dir });
    expect(config.trustProxy).toEqual(expected);
  });

  test('PostgreSQL: the url from the file, environment or flag (later wins), the pool from the file; SQLite without one', async () => {
    expect((await loadServerConfig({ argv: [], env: {}, cwd: dir })).config.database).toBeUndefined();
    const file = path.join(dir, 'db.json');
    writeFileSync(file, JSON.stringify({ database: { url: 'postgresql://file@db.example/lurelens', poolSize: 25 } }));
    expect((await loadServerConfig({ argv: ['--config', file], env: {}, cwd: dir })).config.database).toEqual({ url: 'postgresql://file@db.example/lurelens', poolSize: 25 });
    const env = { LURELENS_DATABASE_URL: 'postgresql://env@db.example/lurelens' };
    expect((await loadServerConfig({ argv: ['--config', file], env, cwd: dir })).config.database).toEqual({ url: env.LURELENS_DATABASE_URL, poolSize: 25 });
    const flag = await loadServerConfig({ argv: ['--database-url', 'postgres://flag@db.example/lurelens'], env, cwd: dir });
    expect(flag.config.database).toEqual({ url: 'postgres://flag@db.example/lurelens', poolSize: DEFAULTS.databasePoolSize });
  });

  test.each([
    ['mysql://user:secret@db.example/lurelens', /database url must look like postgresql:\/\//],
    ['db.example:5432', /database url must look like postgresql:\/\//],
  ])('a database url %s is refused before anything connects, without repeating it', async (url, message) => {
    const attempt = loadServerConfig({ argv: ['--database-url', url], env: {}, cwd: dir });
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.not.toThrow(/secret/);
  });

  test('a config file with a typo or bad JSON is an error naming the file and the field', async () => {
    const typo = path.join(dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ prot: 3000 }));
    await expect(loadServerConfig({ argv: ['--config', typo], env: {}, cwd: dir })).rejects.toThrow(/typo\.json is invalid/);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "port": ');
    await expect(loadServerConfig({ argv: ['--config', broken], env: {}, cwd: dir })).rejects.toThrow(/broken\.json is not valid JSON/);
    await expect(loadServerConfig({ argv: ['--config', path.join(dir, 'none.json')], env: {}, cwd: dir })).rejects.toThrow(/cannot read config file/);
  });
});

test('local tokens are generated once (mode 0600) and reused', async () => {
  const first = await ensureLocalTokens(dir);
  expect(first.generated).toBe(true);
  expect(first.tokens.map((t) => t.role)).toEqual(['analyst', 'reporter']);
  expect(first.tokens.every((t) => t.token.length >= 40)).toBe(true);
  expect(statSync(first.file).mode & 0o777).toBe(0o600);
  const second = await ensureLocalTokens(dir);
  expect(second).toEqual({ ...first, generated: false });
});

describe('lurelens serve', () => {
  test('prints the URL, the manifest URL and the generated tokens, and serves until stopped', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const handle = await startServe(
      ['--port', '0', '--data', path.join(dir, 'data'), '--policy', path.join(FIXTURES, 'policy.json'), '--web-root', path.join(FIXTURES, 'web'), '--manifest', path.join(FIXTURES, 'manifest.xml'), '--public-url', 'https://lurelens.example.test', '--log-level', 'silent'],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    if (typeof handle === 'number') throw new Error(`serve failed: ${err.join('\n')}`);
    try {
      const text = out.join('\n');
      expect(text).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(text).toContain('Add-in manifest:  https://lurelens.example.test/manifest.xml');
      const tokens = JSON.parse(readFileSync(path.join(dir, 'data', 'tokens.json'), 'utf8')) as { token: string; role: string }[];
      for (const token of tokens) expect(text).toContain(token.token);
      const analyst = tokens.find((t) => t.role === 'analyst')!.token;
      expect((await call({ url: handle.url! }, '/api/reports', { token: analyst })).status).toBe(200);
    } finally {
      await handle.stop();
    }
    expect(await handle.stopped).toBe(0);

    // Second start: the same tokens, not printed again.
    const again: string[] = [];
    const second = await startServe(['--port', '0', '--data', path.join(dir, 'data'), '--log-level', 'silent', '--web-root', dir, '--manifest', path.join(dir, 'none.xml')], {
      out: (l) => again.push(l),
      err: () => undefined,
    });
    if (typeof second === 'number') throw new Error('second start failed');
    await second.stop();
    expect(again.join('\n')).toContain('Using the local tokens in');
    expect(again.join('\n')).not.toMatch(/analyst\s+\S{40,}/);
  });

  test('exits 2 with a clear message for bad input, 0 for --help', async () => {
    const err: string[] = [];
    expect(await startServe(['--port', 'x'], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
    expect(err.join('\n')).toMatch(/--port must be a port number[\s\S]*Usage: lurelens serve/);
    const badPolicy: string[] = [];
    const code = await startServe(['--port', '0', '--data', path.join(dir, 'd2'), '--policy', path.join(FIXTURES, 'bad-policy.json'), '--log-level', 'silent'], {
      out: () => undefined,
      err: (l) => badPolicy.push(l),
    });
    expect(code).toBe(2);
    expect(badPolicy.join('\n')).toMatch(/invalid policy .*bad-policy\.json/);
    const out: string[] = [];
    expect(await startServe(['--help'], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    expect(out.join('\n')).toContain('--public-url URL');
  });
});

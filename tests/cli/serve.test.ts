// lurelens serve checks everything it can before it creates anything: a policy error leaves no
// generated tokens behind (they would be printed, then thrown away).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONFIG_EXIT_CODE, startServe } from '../../src/cli/serve';
import { FIXTURES } from '../server/helpers';
import { captureIo } from '../support/io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-serve-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));


it('refuses an invalid policy before generating tokens: nothing is printed, nothing is written', async () => {
  const dataDir = path.join(dir, 'data');
  const io = captureIo();
  const code = await startServe(['--port', '0', '--data', dataDir, '--policy', path.join(FIXTURES, 'bad-policy.json'), '--log-level', 'silent'], io);
  expect(code).toBe(CONFIG_EXIT_CODE);
  expect(io.stderr.join('\n')).toMatch(/invalid policy .*bad-policy\.json/);
  expect(io.stdout).toEqual([]);
  expect(existsSync(path.join(dataDir, 'tokens.json'))).toBe(false);
});

it('refuses unreadable TLS files before generating tokens', async () => {
  const dataDir = path.join(dir, 'data');
  const io = captureIo();
  const previous = { cert: process.env.LURELENS_TLS_CERT, key: process.env.LURELENS_TLS_KEY };
  process.env.LURELENS_TLS_CERT = path.join(dir, 'missing.crt');
  process.env.LURELENS_TLS_KEY = path.join(dir, 'missing.key');
  try {
    expect(await startServe(['--port', '0', '--data', dataDir, '--log-level', 'silent'], io)).toBe(CONFIG_EXIT_CODE);
  } finally {
    for (const [name, value] of [['LURELENS_TLS_CERT', previous.cert], ['LURELENS_TLS_KEY', previous.key]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  expect(io.stderr.join('\n')).toMatch(/cannot read the TLS file .*missing\.crt: ENOENT/);
  expect(io.stdout).toEqual([]);
  expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
});

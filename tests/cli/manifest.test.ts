// lurelens manifest: the manifest an admin uploads for a production or a test deployment, from the
// same renderer the service serves /manifest.xml with, and checked against the manifest schemas first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runManifest } from '../../src/cli/manifest';
import { checkManifestSchema } from '../../src/manifest/schema-check';
import { startTestServer } from '../server/helpers';
import { captureIo } from '../support/io';

const ROOT = path.join(__dirname, '..', '..');
const TEMPLATE = path.join(ROOT, 'manifest.xml');
const TEST_ID = '0f4c7a52-6a8e-4d3b-9c21-5e7f8a9b0c1d';


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-manifest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('prints exactly what the service serves at /manifest.xml for the same public URL', async () => {
  const publicUrl = 'https://lurelens.example.org';
  const server = await startTestServer({ manifestFile: TEMPLATE, publicUrl });
  try {
    const served = await (await fetch(`${server.url}/manifest.xml`)).text();
    const io = captureIo();
    expect(await runManifest(['--public-url', publicUrl], io)).toBe(0);
    expect(io.stdout.join('\n') + '\n').toBe(served);
    expect(served).not.toContain('localhost:3000');
  } finally {
    await server.close();
  }
});

it('gives a test deployment its own id and version, still valid against the manifest schemas', async () => {
  const io = captureIo();
  expect(await runManifest(['--public-url', 'https://lurelens-test.example.org/pilot', '--id', TEST_ID, '--version', '1.1.1'], io)).toBe(0);
  const xml = io.stdout.join('\n');
  expect(xml).toContain(`<Id>${TEST_ID}</Id>`);
  expect(xml).toContain('<Version>1.1.1.0</Version>');
  expect(xml).toContain('https://lurelens-test.example.org/pilot/taskpane.html');
  expect(xml).toContain('<AppDomain>https://lurelens-test.example.org</AppDomain>');
  expect((await checkManifestSchema(xml)).valid).toBe(true);
});

it('makes a new id on request, says which, and writes --out only when valid', async () => {
  const out = path.join(dir, 'manifest-test.xml');
  const io = captureIo();
  expect(await runManifest(['--public-url', 'https://lurelens-test.example.org', '--id', 'new', '--out', out], io)).toBe(0);
  const id = /New add-in id ([0-9a-f-]{36})/.exec(io.stderr.join('\n'))?.[1];
  expect(id).toBeDefined();
  expect(readFileSync(out, 'utf8')).toContain(`<Id>${id}</Id>`);
  expect(io.stdout).toEqual([]);
});

it('takes the public URL and template from the service configuration', async () => {
  const config = path.join(dir, 'lurelens.json');
  writeFileSync(config, JSON.stringify({ publicUrl: 'https://lurelens.example.net', manifestFile: TEMPLATE }));
  const io = captureIo();
  expect(await runManifest(['--config', config], io)).toBe(0);
  expect(io.stdout.join('\n')).toContain('https://lurelens.example.net/taskpane.html');
});

it.each([
  ['no public URL', [], /give the address the add-in is served from/],
  ['a plain http address', ['--public-url', 'http://lurelens.example.org'], /https only/],
  ['a version Outlook cannot compare', ['--public-url', 'https://a.example.org', '--version', '1.2-beta'], /version "1.2-beta" must look like 1.2.0.0/],
  ['an id that is not a GUID', ['--public-url', 'https://a.example.org', '--id', 'test'], /id "test" must be a GUID/],
])('refuses %s with exit 2 and prints no manifest', async (_name, args, message) => {
  const io = captureIo();
  const saved = process.env.LURELENS_PUBLIC_URL;
  delete process.env.LURELENS_PUBLIC_URL;
  try {
    expect(await runManifest(args, io)).toBe(2);
  } finally {
    if (saved !== undefined) process.env.LURELENS_PUBLIC_URL = saved;
  }
  expect(io.stderr.join('\n')).toMatch(message);
  expect(io.stdout).toEqual([]);
});

it('refuses a template that breaks the manifest schemas, naming the line, and writes nothing', async () => {
  const broken = path.join(dir, 'broken.xml');
  // An <Id> that is not a GUID: the schema refuses it, as Exchange does at upload.
  writeFileSync(broken, readFileSync(TEMPLATE, 'utf8').replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'));
  const out = path.join(dir, 'never.xml');
  const io = captureIo();
  expect(await runManifest(['--public-url', 'https://lurelens.example.org', '--template', broken, '--out', out], io)).toBe(2);
  expect(io.stderr.join('\n')).toMatch(/fails the manifest XML schemas; nothing was written:\n {2}line \d+: /);
  expect(() => readFileSync(out)).toThrow();
});

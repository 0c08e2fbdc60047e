// The release package as an administrator installs it (runs after `npm run build`, in npm run test:e2e):
// npm pack → npm install -g into a temporary prefix with production dependencies only → `lurelens` on
// PATH → the service started from there with the systemd unit's own ExecStart line, the backup unit's
// line run beside it, doctor run against it, then stopped with SIGTERM. Offline-capable: packages come
// from the npm cache (--prefer-offline) and better-sqlite3's binary from a local prebuild of this
// checkout's (scripts/local-prebuild.ts), the way docs/service.md tells an offline server to do it.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeLocalPrebuild } from '../../scripts/local-prebuild';
import { freePort } from '../support/free-port';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const TARBALL = `${pkg.name}-${pkg.version}.tgz`;
/** A server package, not a development tree: the add-in is prebuilt inside, so it is small. */
const MAX_TARBALL_BYTES = 5 * 1024 * 1024;

let work: string;
let prefix: string;
let installed: string;
let entries: string[];
const timings: string[] = [];

function timed<T>(label: string, action: () => T): T {
  const started = Date.now();
  const result = action();
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** PATH with the prefix's bin first, as after `npm install -g` on a server. */
function withPrefix(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' };
}

function lurelens(args: string[]) {
  return spawnSync('lurelens', args, { env: withPrefix(), encoding: 'utf8', timeout: 60_000 });
}

/** A unit's ExecStart for this prefix and these paths, as argv. */
function execStart(unit: string, replacements: Record<string, string>): string[] {
  const line = readFileSync(path.join(installed, 'deploy', 'systemd', unit), 'utf8').split('\n').find((l) => l.startsWith('ExecStart='));
  if (!line) throw new Error(`${unit} has no ExecStart`);
  let command = line.slice('ExecStart='.length);
  for (const [from, to] of Object.entries(replacements)) command = command.split(from).join(to);
  return command.split(/\s+/).filter(Boolean);
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'node', 'src', 'cli', 'main.js')) || !existsSync(path.join(ROOT, 'dist', 'web', 'taskpane.html'))) {
    throw new Error('nothing is built: run npm run build first (npm run test:e2e does)');
  }
  work = mkdtempSync(path.join(tmpdir(), 'lurelens-package-'));
  prefix = path.join(work, 'prefix');
  // test:e2e has just built; prepack would build a second time (npm pack on its own runs it).
  timed('npm pack', () => execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], { cwd: ROOT, stdio: 'pipe' }));
  entries = execFileSync('tar', ['-tzf', path.join(work, TARBALL)], { encoding: 'utf8' }).split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, ''));
  const env = { ...process.env, ...makeLocalPrebuild(path.join(work, 'prebuilds')), npm_config_update_notifier: 'false' };
  timed('npm install -g', () =>
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, TARBALL)], { env, stdio: 'pipe', timeout: 600_000 }),
  );
  installed = path.join(prefix, 'lib', 'node_modules', pkg.name);
}, 660_000);

afterAll(() => {
  process.stdout.write(`release package: ${timings.join(', ')}\n`);
  if (work) rmSync(work, { recursive: true, force: true });
});

test('npm pack makes lure-lens-<version>.tgz with the built add-in, the compiled service and the units, and nothing of the development tree', () => {
  expect(statSync(path.join(work, TARBALL)).size).toBeLessThan(MAX_TARBALL_BYTES);
  for (const file of ['bin/lurelens.js', 'dist/node/src/cli/main.js', 'dist/node/src/manifest/schema/OfficeAppManifestV1_1.xsd', 'dist/web/taskpane.html', 'dist/web/commands.js',
    'dist/web/.well-known/microsoft-officeaddins-allowed.json', 'manifest.xml', 'policy.example.json', 'deploy/systemd/lurelens.service', 'deploy/systemd/lurelens-backup.timer', 'docs/service.md']) {
    expect({ file, packed: entries.includes(file) }).toEqual({ file, packed: true });
  }
  const foreign = entries.filter((entry) => /^(src|tests|scripts|node_modules|\.data)\//.test(entry) || entry.endsWith('.map') || entry.endsWith('.ts'));
  expect(foreign).toEqual([]);
});

test('installs with production dependencies only and puts lurelens on PATH', () => {
  expect(statSync(path.join(prefix, 'bin', 'lurelens')).mode & 0o111).not.toBe(0);
  const version = lurelens(['--version']);
  expect({ status: version.status, out: version.stdout.trim() }).toEqual({ status: 0, out: pkg.version });
  for (const command of ['scan', 'serve', 'doctor', 'backup', 'restore', 'manifest']) {
    const help = lurelens([command, '--help']);
    expect({ command, status: help.status, usage: help.stdout.startsWith(`Usage: lurelens ${command}`) }).toEqual({ command, status: 0, usage: true });
  }
  const modules = readdirSync(path.join(installed, 'node_modules'));
  for (const dev of ['typescript', 'webpack', 'jest', 'react', '@fluentui', 'playwright-core']) expect({ dev, installed: modules.includes(dev) }).toEqual({ dev, installed: false });
  for (const dependency of Object.keys(pkg.dependencies)) expect({ dependency, installed: existsSync(path.join(installed, 'node_modules', dependency)) }).toEqual({ dependency, installed: true });
});

test('every package the compiled service loads is a production dependency, and every production dependency is loaded', () => {
  const required = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        for (const match of readFileSync(full, 'utf8').matchAll(/(?:require|import)\((["'])([^"'./][^"']*)\1\)/g)) {
          const specifier = match[2];
          const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
          // Dynamic import(): ESM-only packages (jose, openid-client) the CommonJS build loads on demand.
          // "punycode/" names the npm package, not Node's deprecated built-in of that name.
          const builtin = name.startsWith('node:') || (builtinModules.includes(name) && !specifier.endsWith('/'));
          if (!builtin) required.add(name);
        }
      }
    }
  };
  walk(path.join(installed, 'dist', 'node'));
  expect([...required].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
  expect(Object.keys(pkg.dependencies).filter((name) => !required.has(name)).sort()).toEqual([]);
});

(spawnSync('systemd-analyze', ['--version']).status === 0 ? test : test.skip)('systemd-analyze verify accepts the units for this prefix', () => {
  const units = path.join(work, 'units');
  mkdirSync(units);
  for (const unit of readdirSync(path.join(installed, 'deploy', 'systemd'))) {
    writeFileSync(path.join(units, unit), readFileSync(path.join(installed, 'deploy', 'systemd', unit), 'utf8').split('/usr/local/').join(`${prefix}/`));
  }
  const result = spawnSync('systemd-analyze', ['verify', ...readdirSync(units).map((unit) => path.join(units, unit))], { encoding: 'utf8' });
  expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
});

describe('the service from the installed package', () => {
  let service: ChildProcess | undefined;
  let output = '';
  afterAll(() => service?.kill('SIGKILL'));

  test("starts with the unit's ExecStart, serves the built add-in, passes doctor, is backed up by the backup unit's command and stops on SIGTERM", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dataDir = path.join(work, 'data');
    const backups = path.join(work, 'backups');
    mkdirSync(backups, { mode: 0o700 });
    const configFile = path.join(work, 'lurelens.json');
    const tokens = [
      { token: randomBytes(36).toString('base64'), role: 'analyst', name: 'SOC' },
      { token: randomBytes(36).toString('base64'), role: 'reporter', name: 'add-in' },
    ];
    writeFileSync(configFile, JSON.stringify({ publicUrl: url, port, dataDir, policyFile: path.join(installed, 'policy.example.json'), tokens, analysis: { workers: 1 }, logLevel: 'warn' }), { mode: 0o600 });
    const paths = { '/usr/local/': `${prefix}/`, '/etc/lurelens/lurelens.json': configFile, '/var/backups/lurelens': backups };

    const [command, ...args] = execStart('lurelens.service', paths);
    expect(command).toBe(path.join(prefix, 'bin', 'lurelens'));
    // From the root directory, as systemd starts it: nothing may depend on the working directory.
    service = spawn(command, args, { cwd: '/', env: withPrefix(), stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => service!.once('exit', (code) => resolve(code)));
    service.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!/listening on http/.test(output)) {
      if (Date.now() > deadline || service.exitCode !== null) throw new Error(`the service did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(await (await fetch(`${url}/healthz`)).json()).toEqual(expect.objectContaining({ status: 'ok', version: pkg.version }));
    const pane = await fetch(`${url}/taskpane.html`);
    expect(pane.status).toBe(200);
    expect(await pane.text()).toBe(readFileSync(path.join(installed, 'dist', 'web', 'taskpane.html'), 'utf8'));
    expect(await (await fetch(`${url}/manifest.xml`)).text()).toContain(`${url}/taskpane.html`);

    const doctor = lurelens(['doctor', '--config', configFile, '--json', '--lang', 'en']);
    const report = JSON.parse(doctor.stdout) as { checks: { id: string; status: string; findings: { text: string }[] }[] };
    const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
    // A plain http address on this machine is a warning (a trial); everything else a deployment needs passes.
    expect(doctor.status).toBe(1);
    expect(report.checks.filter((check) => check.status === 'fail' || check.status === 'warn').map((check) => check.id)).toEqual(['public-url']);
    expect(byId.manifest.findings[0].text).toMatch(/passes the manifest XML schemas/);
    expect(byId.runtime.findings[1].text).toMatch(/^SQLite .* \(better-sqlite3 (prebuilt binary|compiled on this machine)\)$/);

    const [backupCommand, ...backupArgs] = execStart('lurelens-backup.service', paths);
    const backup = spawnSync(backupCommand, backupArgs, { cwd: '/', env: withPrefix(), encoding: 'utf8' });
    expect({ status: backup.status, stderr: backup.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readdirSync(backups)).toEqual([expect.stringMatching(/^lurelens-\d{8}-\d{6}Z\.sqlite$/)]);

    service.kill('SIGTERM');
    expect(await exited).toBe(0);
    service = undefined;
  }, 120_000);
});

// The lurelens command as an operator meets it: one version everywhere, and --help for every command.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { manifestVersion, versionInManifest } from '../../src/cli/version';
import { captureIo } from '../support/io';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };


describe('lurelens', () => {
  it('prints the release version from package.json with --version', async () => {
    const io = captureIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.stdout).toEqual([pkg.version]);
  });

  it('keeps the manifest <Version> in step with package.json, and npm version updates it', () => {
    expect(versionInManifest(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'))).toBe(manifestVersion(pkg.version));
    expect(pkg.scripts.version).toContain('scripts/sync-manifest-version.ts');
  });

  it('maps a release version to the four parts a manifest needs, and refuses what Outlook cannot compare', () => {
    expect(manifestVersion('1.2.3')).toBe('1.2.3.0');
    expect(() => manifestVersion('1.2.0-rc.1')).toThrow(/MAJOR.MINOR.PATCH/);
  });

  it.each(['scan', 'serve', 'doctor', 'backup', 'restore', 'manifest'])('answers %s --help with its usage and exit 0', async (command) => {
    const io = captureIo();
    expect(await main([command, '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(new RegExp(`^Usage: lurelens ${command}\\b`));
    expect(io.stderr).toEqual([]);
  });

  it('lists every command in its help; no command or an unknown one exits 2', async () => {
    const help = captureIo();
    expect(await main(['--help'], help)).toBe(0);
    for (const command of ['scan', 'serve', 'doctor', 'backup', 'restore', 'manifest', '--version']) expect(help.stdout.join('\n')).toContain(`lurelens ${command}`);
    expect(await main([], captureIo())).toBe(2);
    const unknown = captureIo();
    expect(await main(['bakup'], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toMatch(/unknown command "bakup"/);
  });
});

// The developer loop in real Outlook (docs/deploy.md, "Try it in your own Outlook"): trusted localhost
// certificates and one-command sideloading, as Microsoft's templates offer. These scripts change the
// developer's machine (a trusted CA, a sideloaded add-in) and need Outlook and a Microsoft 365 account,
// so they are pinned to versions that work on Node 20 and are never part of the test run or CI.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
const LOOP = ['dev-certs', 'outlook:serve', 'outlook:sideload', 'outlook:stop'];

describe('the real-Outlook developer loop', () => {
  it('is offered as npm scripts, with exact versions of Microsoft\'s tools', () => {
    for (const name of LOOP) expect(pkg.scripts[name]).toBeTruthy();
    expect(pkg.devDependencies['office-addin-dev-certs']).toMatch(/^\d+\.\d+\.\d+$/);
    // office-addin-debugging is fetched on demand (pinned): its Microsoft 365 sideloading peer builds
    // native modules that a machine without GitHub access cannot install, so it stays out of the lockfile.
    expect(pkg.scripts['outlook:sideload']).toMatch(/office-addin-debugging@\d+\.\d+\.\d+ start manifest\.xml/);
    expect(pkg.scripts['outlook:stop']).toMatch(/office-addin-debugging@\d+\.\d+\.\d+ stop manifest\.xml/);
    expect(pkg.scripts['outlook:sideload']).toContain('--dev-server "npm run outlook:serve" --dev-server-port 3000');
  });

  it('is never run by npm test or CI', () => {
    const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    const testScripts = ['pretest', 'test', 'test:e2e', 'lint', 'typecheck', 'build'].map((name) => pkg.scripts[name] ?? '').join('\n');
    for (const name of LOOP) {
      expect(ci).not.toContain(name);
      expect(testScripts).not.toContain(name);
    }
    expect(`${ci}\n${testScripts}`).not.toMatch(/office-addin-(dev-certs|debugging)/);
  });

  it('serves the manifest\'s own origin, https://localhost:3000, for the sideloaded manifest', () => {
    expect(readFileSync(path.join(root, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/commands.js');
    expect(pkg.scripts['outlook:serve']).toBe('node scripts/start.js --https');
  });
});

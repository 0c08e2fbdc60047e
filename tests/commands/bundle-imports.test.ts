// Outlook's Report button is one file (dist/web/commands.js) that classic Outlook loads in a
// JavaScript-only runtime. Its policy code must not drag in the public suffix list or the
// built-in policy lists, which it never uses. This follows the source imports (type-only ones
// erase at build time) from the button's policy loader and lists every module it reaches.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0 && files.size < 500) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (match[1]) continue;
      const specifier = match[2];
      if (!specifier.startsWith('.')) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
        continue;
      }
      const base = join(dirname(file), specifier);
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (!target) throw new Error(`cannot resolve ${specifier} from ${relative(ROOT, file)}`);
      queue.push(target);
    }
  }
  return { files: new Set([...files].map((file) => relative(ROOT, file).split('\\').join('/'))), packages };
}

describe('the Report button loads only the policy code it needs', () => {
  it.each(['src/commands/policy-source.ts', 'src/policy/reporting.ts'])('%s reaches neither tldts nor the built-in lists', (entry) => {
    const { files, packages } = reachable(entry);
    expect([...packages].sort()).not.toContain('tldts');
    const policyFiles = [...files].filter((file) => file.startsWith('src/policy/'));
    expect(policyFiles.filter((file) => file.startsWith('src/policy/data/') || /\/(index|defaults|resolve|docs)\.ts$/.test(file))).toEqual([]);
    expect([...files].filter((file) => file.startsWith('src/engine/') && file !== 'src/engine/text/normalize.ts')).toEqual([]);
  });

  it('still validates policy.json before acting on it', () => {
    const { files } = reachable('src/commands/policy-source.ts');
    expect(files).toContain('src/policy/validate.ts');
    expect(files).toContain('src/policy/schema.ts');
  });

  it('would notice a heavy import (the walker is not blind)', () => {
    const { files, packages } = reachable('src/policy/resolve.ts');
    expect(packages).toContain('tldts');
    expect(files).toContain('src/policy/defaults.ts');
  });
});

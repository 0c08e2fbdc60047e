// Where the package is installed, so defaults (dist/web, manifest.xml) work whether the service
// runs from the source tree (tsx), the compiled tree (dist/node) or an installed package.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 10; i++) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'lure-lens') return (cached = dir);
      } catch {
        // Not ours or unreadable: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (cached = process.cwd());
}

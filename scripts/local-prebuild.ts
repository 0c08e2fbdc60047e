// Installs of the release package (tests/package) and of older releases (scripts/make-upgrade-fixture.ts)
// need better-sqlite3's native binary. npm's install script downloads a prebuilt one from GitHub, and
// where it cannot (machines that reach only the npm registry) compiles it, which takes minutes and
// python3, make and g++. This packs the binary this checkout already has into a local prebuild, in the
// file name prebuild-install looks for, and returns the environment that points installs at it
// (npm_config_better_sqlite3_local_prebuilds: the same variable an administrator uses for an
// offline server, docs/service.md). It only fits the same better-sqlite3 version, Node.js ABI,
// platform and architecture.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

export function betterSqliteVersion(root = ROOT): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
}

/** prebuild-install's asset name for this machine (glibc Linux and others without a libc suffix). */
export function prebuildName(version: string): string {
  return `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
}

/** Writes DIR/<prebuild name> from this checkout's compiled binary; returns the environment for npm. */
export function makeLocalPrebuild(dir: string): Record<string, string> {
  const moduleDir = path.join(ROOT, 'node_modules', 'better-sqlite3');
  if (!existsSync(path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'))) throw new Error(`no compiled better-sqlite3 in ${moduleDir}: run npm ci first`);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-czf', path.join(dir, prebuildName(betterSqliteVersion())), '-C', moduleDir, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

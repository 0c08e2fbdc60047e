// Node.js and the native SQLite module. better-sqlite3 is compiled code: installed for one Node.js
// ABI, it refuses to load after Node.js is upgraded, and where its prebuilt binary could not be
// downloaded npm compiled it (which needs python3, make and g++). Both show up here first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../../server/paths';
import { fail, ok, t, warn, type Check, type Finding } from '../check';

/** Whether a Node.js version satisfies an engines range of the form ">=20.19 <21 || >=22". */
export function satisfiesEngines(version: string, range: string): boolean {
  const parse = (text: string) => text.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const current = parse(version.replace(/^v/, ''));
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const match = /^(>=|<=|>|<|=)?\s*v?([\d.]+)$/.exec(comparator);
        if (!match) return false;
        const difference = compare(current, parse(match[2]));
        switch (match[1]) {
          case '>=':
            return difference >= 0;
          case '>':
            return difference > 0;
          case '<=':
            return difference <= 0;
          case '<':
            return difference < 0;
          default:
            return difference === 0;
        }
      }),
  );
}

function nodeFinding(): Finding {
  const engines = (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node;
  const version = process.versions.node;
  if (!engines || satisfiesEngines(version, engines)) return ok(t(`Node.js ${version}`, `Node.js ${version}`));
  return warn(
    t(`Node.js ${version} is not one this release supports (${engines})`, `Node.js ${version} はこのリリースの対応範囲 (${engines}) 外です`),
    t(`Install a supported Node.js, then reinstall the package so its native module matches.`, `対応する Node.js を入れてから、ネイティブ モジュールが合うようにパッケージを入れ直してください。`),
  );
}

function sqliteFinding(): Finding {
  const root = packageRoot();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(':memory:');
    const { version } = db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    db.close();
    const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json'));
    // node-gyp leaves its configuration beside the binary; a downloaded prebuilt binary comes alone.
    const built = existsSync(path.join(moduleDir, 'build', 'config.gypi'));
    return ok(
      built
        ? t(`SQLite ${version} (better-sqlite3 compiled on this machine)`, `SQLite ${version} (better-sqlite3 をこのマシンでコンパイル)`)
        : t(`SQLite ${version} (better-sqlite3 prebuilt binary)`, `SQLite ${version} (better-sqlite3 のビルド済みバイナリ)`),
    );
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    const abi = /NODE_MODULE_VERSION/.test((error as Error).message);
    return fail(
      abi
        ? t(`the database module was built for another Node.js version: ${message}`, `データベース モジュールが別の Node.js 用にビルドされています: ${message}`)
        : t(`the database module does not load: ${message}`, `データベース モジュールを読み込めません: ${message}`),
      t(
        `Rebuild it for this Node.js: cd ${root} && npm rebuild better-sqlite3 (downloads a prebuilt binary, or compiles with python3, make and g++), or reinstall the package.`,
        `この Node.js 用に作り直してください: cd ${root} && npm rebuild better-sqlite3 (ビルド済みバイナリを取得するか、python3・make・g++ でコンパイル)。またはパッケージを入れ直してください。`,
      ),
    );
  }
}

export const runtime: Check = {
  id: 'runtime',
  title: t('Node.js and SQLite module', 'Node.js と SQLite モジュール'),
  async run() {
    return [nodeFinding(), sqliteFinding()];
  },
};

// The data directory: it must exist (or be creatable), be writable by the user doctor runs as (run
// it as the service's user), keep other users out (reports are personal data), and have room for
// reports, a backup's worth of copy and a schema upgrade's copy.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { fail, ok, t, warn, type Check, type Finding } from '../check';
import { DATABASE_FILE } from '../../../server/store/sqlite';

const MB = 1024 * 1024;
/** Below this a handful of large reports (35 MB each by default) fills the disk. */
export const MIN_FREE_BYTES = 200 * MB;
/** Comfortable room: a GiB, and at least twice the database (a backup or upgrade copy needs as much again). */
export const GOOD_FREE_BYTES = 1024 * MB;

function size(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GiB` : `${Math.round(bytes / MB)} MiB`;
}

async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  for (let i = 0; i < 64; i++) {
    try {
      await fs.stat(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
  return current;
}

async function databaseBytes(dir: string): Promise<number> {
  let total = 0;
  for (const suffix of ['', '-wal']) total += await fs.stat(path.join(dir, DATABASE_FILE + suffix)).then((s) => s.size, () => 0);
  return total;
}

/** Free space on the data directory's file system against what reports, backups and upgrades need. */
export function spaceFinding(dir: string, free: number, database: number): Finding {
  const wanted = Math.max(GOOD_FREE_BYTES, 2 * database);
  const where = t(`${size(free)} free for a ${size(database)} database`, `空き ${size(free)} (データベース ${size(database)})`);
  if (free < MIN_FREE_BYTES) {
    return fail(where, t(`Free space on ${dir}'s file system or move dataDir; reports are refused when the disk is full.`, `${dir} のファイル システムの空きを増やすか dataDir を移してください。ディスクが一杯になると報告を受け付けられません。`));
  }
  if (free < wanted) return warn(where, t(`Keep at least ${size(wanted)} free: a backup or a schema upgrade copies the database.`, `少なくとも ${size(wanted)} の空きを確保してください。バックアップやスキーマ更新ではデータベースを複製します。`));
  return ok(where);
}

export const dataDirectory: Check = {
  id: 'data-dir',
  title: t('Data directory', 'データ ディレクトリ'),
  async run(context) {
    const dir = context.config.dataDir;
    const user = process.getuid?.();
    let stat;
    try {
      stat = await fs.stat(dir);
    } catch {
      const parent = await nearestExisting(dir);
      try {
        await fs.access(parent, constants.W_OK);
        return [ok(t(`${dir} does not exist yet; the service creates it at first start`, `${dir} はまだありません。初回起動時にサービスが作成します`))];
      } catch {
        return [fail(t(`${dir} does not exist and ${parent} is not writable`, `${dir} が存在せず、${parent} に書き込めません`), t(`Create it for the service's user: install -d -o lurelens -m 700 ${dir} (systemd: StateDirectory=lurelens).`, `サービスのユーザー用に作成してください: install -d -o lurelens -m 700 ${dir} (systemd では StateDirectory=lurelens)。`))];
      }
    }
    if (!stat.isDirectory()) return [fail(t(`${dir} is not a directory`, `${dir} はディレクトリではありません`), t('Point dataDir at a directory.', 'dataDir にはディレクトリを指定してください。'))];

    const findings: Finding[] = [];
    const probeFile = path.join(dir, `.doctor-${process.pid}`);
    try {
      const handle = await fs.open(probeFile, 'wx', 0o600);
      await handle.writeFile('lurelens doctor write test\n');
      await handle.sync();
      await handle.close();
      await fs.unlink(probeFile);
      findings.push(ok(t(`${dir} is writable`, `${dir} に書き込めます`)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      findings.push(
        fail(
          t(`cannot write in ${dir} (${code})`, `${dir} に書き込めません (${code})`),
          code === 'EROFS'
            ? t(`The file system is read-only here: with ProtectSystem=strict add ReadWritePaths=${dir} to the unit.`, `読み取り専用です: ProtectSystem=strict の場合はユニットに ReadWritePaths=${dir} を追加してください。`)
            : t(`Give the service's user the directory: chown -R lurelens: ${dir}; run doctor as that user (sudo -u lurelens lurelens doctor …).`, `サービスのユーザーに所有させてください: chown -R lurelens: ${dir}。doctor もそのユーザーで実行します (sudo -u lurelens lurelens doctor …)。`),
        ),
      );
    }
    if ((stat.mode & 0o077) !== 0) {
      findings.push(warn(t(`other users may enter ${dir} (mode ${(stat.mode & 0o777).toString(8)}): reports are personal data`, `他のユーザーが ${dir} に入れます (モード ${(stat.mode & 0o777).toString(8)}): 報告は個人データです`), t(`chmod 700 ${dir}`, `chmod 700 ${dir} を実行してください。`)));
    }
    if (user === 0 && stat.uid !== 0) {
      findings.push(warn(t(`doctor runs as root, but ${dir} belongs to uid ${stat.uid}: root can write where the service may not`, `doctor は root で実行中ですが、${dir} の所有者は uid ${stat.uid} です: root はサービスが書けない場所にも書けます`), t('Run doctor as the service\'s user: sudo -u lurelens lurelens doctor …', 'サービスのユーザーで実行してください: sudo -u lurelens lurelens doctor …')));
    }

    const space = await fs.statfs(dir);
    findings.push(spaceFinding(dir, space.bavail * space.bsize, await databaseBytes(dir)));
    return findings;
  },
};

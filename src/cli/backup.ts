// `lurelens backup --to FILE [--force] | --dir DIR [--keep N]  [service options]`
// A consistent copy of the database, taken while the service keeps running and writing (see
// database/sqlite.ts). The copy is verified (integrity check) before it gets its name, so a file
// with that name is always a whole, checked backup. With --dir each run writes
// lurelens-YYYYMMDD-HHMMSSZ.sqlite and --keep removes the oldest of those beyond N, only after a
// successful backup and only files with that pattern.
// Exit codes: 0 the backup was written and verified; 2 it was not (nothing partial is left behind).
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { integerOption, runReporting, serviceConfig, takeOptions, UsageError } from './args';
import { databaseFor } from './database';
import { fileTimestamp } from './files';
import type { Io } from './io';

export const BACKUP_USAGE = `Usage: lurelens backup --to FILE [--force] [service options]
       lurelens backup --dir DIR [--keep N] [service options]
  Copies the database while the service runs, checks the copy's integrity, then gives it its name.
  --to FILE      write the backup to FILE (refuses to replace an existing FILE without --force)
  --dir DIR      write DIR/lurelens-YYYYMMDD-HHMMSSZ.sqlite (UTC); DIR is created if missing
  --keep N       with --dir: afterwards keep the newest N such backups in DIR and remove older ones
  --force        with --to: replace FILE if it exists
  Service options (--config FILE, --data DIR, LURELENS_* variables) say where the database is,
  exactly as for "lurelens serve". Restore with "lurelens restore --from FILE".
Exit codes: 0 backup written and verified, 2 it was not (the message says why).`;

/** What --dir writes and --keep may remove: nothing else in the directory is touched. */
const BACKUP_NAME = /^lurelens-\d{8}-\d{6}Z\.sqlite$/;
const MAX_KEEP = 10_000;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function runBackup(argv: readonly string[], io: Io): Promise<number> {
  return runReporting('backup', BACKUP_USAGE, io, async () => {
    const args = takeOptions(argv, { values: ['--to', '--dir', '--keep'], flags: ['--force'] });
    if (args.help) return io.out(BACKUP_USAGE), 0;
    const to = args.values.get('--to');
    const dir = args.values.get('--dir');
    const keep = integerOption(args, '--keep', 1, MAX_KEEP);
    if (Boolean(to) === Boolean(dir)) throw new UsageError('give either --to FILE or --dir DIR');
    if (keep !== undefined && !dir) throw new UsageError('--keep goes with --dir');
    if (args.flags.has('--force') && !to) throw new UsageError('--force goes with --to');

    const config = await serviceConfig(args);
    let target: string;
    if (dir) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      target = path.resolve(dir, `lurelens-${fileTimestamp(new Date())}.sqlite`);
    } else {
      target = path.resolve(to!);
    }
    if (existsSync(target) && !(to && args.flags.has('--force'))) {
      throw new UsageError(`${target} exists; choose another name${to ? ' or add --force to replace it' : ' (another backup ran this second)'}`);
    }
    const result = await databaseFor(config).backup(target);
    io.out(
      `Backed up ${result.reports} report${result.reports === 1 ? '' : 's'} (schema ${result.schemaVersion}, ${megabytes(result.sizeBytes)}) ` +
        `to ${result.file} in ${(result.durationMs / 1000).toFixed(1)} s; integrity check ok.`,
    );
    if (dir && keep !== undefined) {
      const backups = readdirSync(dir).filter((name) => BACKUP_NAME.test(name)).sort();
      for (const name of backups.slice(0, Math.max(0, backups.length - keep))) {
        rmSync(path.join(dir, name));
        io.out(`Removed old backup ${path.join(dir, name)} (keeping the newest ${keep}).`);
      }
    }
    return 0;
  });
}

// `lurelens restore --from FILE [--force] [service options]`
// Puts a backup back as the service's database. Refused while a service has the database open
// (replacing a file under a running process loses or corrupts data); refused without --force when
// the current database holds reports (they would drop out of view). Either way the current file is
// never deleted: it is renamed to lurelens.sqlite.before-restore-TIMESTAMP beside it.
// Exit codes: 0 restored; 2 refused or failed, with the database unchanged.
import { runReporting, serviceConfig, takeOptions, UsageError } from './args';
import { databaseFor } from './database';
import { newerSchemaMessage } from './database/sqlite';
import { DatabaseError, type DatabaseState } from './database/types';
import type { Io } from './io';

export const RESTORE_USAGE = `Usage: lurelens restore --from FILE [--force] [service options]
  Replaces the service's database with a backup made by "lurelens backup". Stop the service first
  (systemctl stop lurelens); the backup is checked before anything changes, and the current database
  is kept beside it as lurelens.sqlite.before-restore-TIMESTAMP.
  --from FILE    the backup to restore
  --force        replace a current database that holds reports
  Service options (--config FILE, --data DIR, LURELENS_* variables) say where the database is.
Exit codes: 0 restored, 2 refused or failed (the database is unchanged).`;

function describe(state: DatabaseState): string {
  return `${state.reports} report${state.reports === 1 ? '' : 's'}${state.newestReportAt ? `, newest received ${state.newestReportAt}` : ''}, schema ${state.schemaVersion}`;
}

export async function runRestore(argv: readonly string[], io: Io): Promise<number> {
  return runReporting('restore', RESTORE_USAGE, io, async () => {
    const args = takeOptions(argv, { values: ['--from'], flags: ['--force'] });
    if (args.help) return io.out(RESTORE_USAGE), 0;
    const from = args.values.get('--from');
    if (!from) throw new UsageError('give the backup with --from FILE');
    const database = databaseFor(await serviceConfig(args));

    const backup = await database.inspectBackup(from);
    io.out(`Backup ${from}: ${describe(backup)}.`);
    if (!backup.integrity.ok) throw new DatabaseError(`the backup fails the integrity check, nothing was changed:\n  ${backup.integrity.problems.join('\n  ')}`);
    if (backup.schemaVersion > backup.supportedVersion) throw new DatabaseError(newerSchemaMessage(from, backup.schemaVersion));
    if (await database.inUse()) {
      throw new DatabaseError('a running service has the database open; stop it first (systemctl stop lurelens), then restore and start it again. Nothing was changed.');
    }
    const current = await database.state();
    if (current.exists && current.reports > 0 && !args.flags.has('--force')) {
      throw new DatabaseError(
        `the database ${current.location} holds ${describe(current)}. Add --force to replace it with the backup ` +
          '(it is kept as lurelens.sqlite.before-restore-TIMESTAMP). Nothing was changed.',
      );
    }
    const result = await database.restore(from);
    if (result.previous) io.out(`The previous database was kept as ${result.previous}.`);
    io.out(`Restored ${describe(result.restored)} into ${result.restored.location}.`);
    if (result.restored.schemaVersion < result.restored.supportedVersion) io.out('The service upgrades its schema when it starts (a copy is kept first).');
    return 0;
  });
}

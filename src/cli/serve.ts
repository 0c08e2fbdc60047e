// `lurelens serve`: runs the intake service until SIGINT/SIGTERM. Everything that can be checked is
// checked before anything is created: the policy, the TLS files and the database's schema come
// first, so a bad start leaves no generated tokens and no half-migrated database behind.
// Before a release migrates the schema of a database that holds reports, it keeps a copy in
// DATA/backups, so a rollback can restore it.
// Exit codes: 0 stopped cleanly, 1 an error while stopping, 2 the configuration, policy or port is not
// usable, 3 the database is not (written by a newer release, unreadable, or its pre-upgrade copy
// failed). systemd's RestartPreventExitStatus=2 3 keeps those from restarting in a loop.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError, ensureLocalTokens, loadServerConfig, SERVE_USAGE, type ServerConfig } from '../server/config';
import { startServer } from '../server/app';
import { describeStore } from '../server/store/open';
import { loadServicePolicy } from '../server/policy';
import { databaseFor } from './database';
import { newerSchemaMessage } from './database/sqlite';
import { DatabaseError } from './database/types';
import { fileTimestamp } from './files';
import { processIo, type Io } from './io';

export type ServeIo = Pick<Io, 'out' | 'err'>;

export const CONFIG_EXIT_CODE = 2;
export const DATABASE_EXIT_CODE = 3;

/** serve's own options, besides the service configuration in SERVE_USAGE. */
const SERVE_OPTIONS = `  --no-upgrade-backup  do not copy the database to DATA/backups before a schema upgrade
Exit codes: 0 stopped, 1 error while stopping, 2 configuration, policy or port not usable,
  3 database not usable (newer release, unreadable, pre-upgrade copy failed).`;
const NO_UPGRADE_BACKUP = '--no-upgrade-backup';

/** What serve can check without creating anything; throws ConfigError naming the problem. */
async function checkBeforeStart(config: ServerConfig): Promise<void> {
  await loadServicePolicy(config);
  for (const file of config.tls ? [config.tls.certFile, config.tls.keyFile] : []) {
    try {
      await fs.access(file, constants.R_OK);
    } catch (error) {
      throw new ConfigError(`cannot read the TLS file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}

/** Refuses a database from a newer release; copies one that is about to be migrated. */
async function prepareDatabase(config: ServerConfig, backupBeforeUpgrade: boolean, io: ServeIo): Promise<void> {
  const database = databaseFor(config);
  const state = await database.state();
  if (!state.exists) return;
  if (state.schemaVersion > state.supportedVersion) throw new DatabaseError(newerSchemaMessage(state.location, state.schemaVersion));
  if (state.schemaVersion === state.supportedVersion || state.reports === 0 || !backupBeforeUpgrade) return;
  if (database.kind === 'postgres') {
    // The database server's own backups cover it (docs/service.md, "Backups"); say what is about to happen.
    io.out(`Upgrading the database schema ${state.schemaVersion} → ${state.supportedVersion} in ${state.location}; take a pg_dump first if your backups are not recent.`);
    return;
  }
  const dir = path.join(config.dataDir, 'backups');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `lurelens-schema-${state.schemaVersion}-before-upgrade-${fileTimestamp(new Date())}.sqlite`);
  try {
    const copy = await database.backup(file);
    io.out(`Upgrading the database schema ${state.schemaVersion} → ${state.supportedVersion}; a copy of the ${copy.reports} reports before it is in ${file}.`);
  } catch (error) {
    throw new DatabaseError(`could not copy the database before upgrading its schema (${(error as Error).message}); free some space, or start with ${NO_UPGRADE_BACKUP} after a backup of your own`);
  }
}

export interface ServeHandle {
  /** Resolves with the exit code once the server has stopped. */
  stopped: Promise<number>;
  stop(): Promise<void>;
  url?: string;
}

/** Starts the service and returns how to stop it; `runServe` waits for a signal instead. */
export async function startServe(argv: readonly string[], io: ServeIo = processIo()): Promise<ServeHandle | number> {
  let loaded;
  const backupBeforeUpgrade = !argv.includes(NO_UPGRADE_BACKUP);
  try {
    loaded = await loadServerConfig({ argv: argv.filter((arg) => arg !== NO_UPGRADE_BACKUP) });
  } catch (error) {
    io.err(`lurelens serve: ${(error as Error).message}\n${SERVE_USAGE}\n${SERVE_OPTIONS}`);
    return CONFIG_EXIT_CODE;
  }
  if (loaded.help) {
    io.out(`${SERVE_USAGE}\n${SERVE_OPTIONS}`);
    return 0;
  }
  const config = loaded.config;
  try {
    await checkBeforeStart(config);
    await prepareDatabase(config, backupBeforeUpgrade, io);
    if (config.tokens.length === 0) {
      const local = await ensureLocalTokens(config.dataDir);
      config.tokens = local.tokens;
      if (local.generated) {
        io.out('No tokens were configured, so local ones were generated (kept in ' + local.file + '):');
        for (const token of local.tokens) io.out(`  ${token.role.padEnd(8)} ${token.token}`);
        io.out('  The reporter token is served to the add-in in /policy.json; keep the analyst token private.');
      } else {
        io.out(`Using the local tokens in ${local.file}`);
      }
    }
    const running = await startServer(config);
    io.out(`Lure Lens intake service listening on ${running.url}`);
    io.out(`Public URL:       ${config.publicUrl}`);
    io.out(`Add-in manifest:  ${config.publicUrl}/manifest.xml`);
    io.out(`Policy:           ${config.publicUrl}/policy.json`);
    io.out(`Data:             ${describeStore(config)}`);
    if (new URL(config.publicUrl).protocol !== 'https:') {
      io.out('Note: Outlook loads add-ins over https only; put the service behind TLS (docs/service.md) or use --public-url.');
    }
    let resolveStopped!: (code: number) => void;
    const stopped = new Promise<number>((resolve) => (resolveStopped = resolve));
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= running.app.close().then(
        () => resolveStopped(0),
        (error: unknown) => {
          io.err(`lurelens serve: error while stopping: ${(error as Error).message}`);
          resolveStopped(1);
        },
      ));
    return { stopped, stop, url: running.url };
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`lurelens serve: ${error.message}`);
      return CONFIG_EXIT_CODE;
    }
    if (error instanceof DatabaseError) {
      io.err(`lurelens serve: ${error.message}`);
      return DATABASE_EXIT_CODE;
    }
    throw error;
  }
}

export async function runServe(argv: readonly string[], io: ServeIo = processIo()): Promise<number> {
  const handle = await startServe(argv, io);
  if (typeof handle === 'number') return handle;
  const onSignal = () => {
    void handle.stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const code = await handle.stopped;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return code;
}

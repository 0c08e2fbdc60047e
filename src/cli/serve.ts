// `lurelens serve`: runs the intake service until SIGINT/SIGTERM. Exit codes: 0 stopped cleanly,
// 2 the configuration, policy or port was not usable (the message says which).
import { ConfigError, ensureLocalTokens, loadServerConfig, SERVE_USAGE } from '../server/config';
import { startServer } from '../server/app';

export interface ServeIo {
  out(line: string): void;
  err(line: string): void;
}

const defaultIo: ServeIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export interface ServeHandle {
  /** Resolves with the exit code once the server has stopped. */
  stopped: Promise<number>;
  stop(): Promise<void>;
  url?: string;
}

/** Starts the service and returns how to stop it; `runServe` waits for a signal instead. */
export async function startServe(argv: readonly string[], io: ServeIo = defaultIo): Promise<ServeHandle | number> {
  let loaded;
  try {
    loaded = await loadServerConfig({ argv });
  } catch (error) {
    io.err(`lurelens serve: ${(error as Error).message}\n${SERVE_USAGE}`);
    return 2;
  }
  if (loaded.help) {
    io.out(SERVE_USAGE);
    return 0;
  }
  const config = loaded.config;
  try {
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
    io.out(`Data:             ${config.dataDir}`);
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
      return 2;
    }
    throw error;
  }
}

export async function runServe(argv: string[]): Promise<number> {
  const handle = await startServe(argv);
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

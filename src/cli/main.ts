// `lurelens` command: scan messages, run the intake service, and operate it (doctor, backup,
// restore, manifest). Each command's module is loaded only when it runs, so scanning does not pay
// for the HTTP server and the database. Every command answers --help; `lurelens --version` prints
// the release (package.json's version, the one source of the manifest's <Version> too).
import { processIo, type Io } from './io';
import { packageVersion } from './version';

interface Command {
  summary: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand, see the header */
const COMMANDS: Record<string, Command> = {
  scan: {
    summary: 'scan [--policy FILE] [--format text|jsonl] [--fail-on suspicious|dangerous] FILE|DIR...',
    run: (argv, io) => {
      const { runScan, SCAN_USAGE } = require('./scan') as typeof import('./scan');
      return argv.includes('--help') || argv.includes('-h') ? Promise.resolve((io.out(SCAN_USAGE), 0)) : runScan(argv, io);
    },
  },
  serve: {
    summary: 'serve [--config FILE] [--public-url URL] [--port N] [--data DIR] [--policy FILE] ...',
    run: (argv, io) => (require('./serve') as typeof import('./serve')).runServe(argv, io),
  },
  doctor: {
    summary: 'doctor [--config FILE] [--lang en|ja] [--json] [--offline] [--thorough]',
    run: (argv, io) => (require('./doctor') as typeof import('./doctor')).runDoctor(argv, io),
  },
  backup: {
    summary: 'backup --to FILE | --dir DIR [--keep N] [--config FILE]',
    run: (argv, io) => (require('./backup') as typeof import('./backup')).runBackup(argv, io),
  },
  'migrate-db': {
    summary: 'migrate-db --to postgresql://… [--config FILE]',
    run: (argv, io) => (require('./migrate-db') as typeof import('./migrate-db')).runMigrateDb(argv, io),
  },
  restore: {
    summary: 'restore --from FILE [--force] [--config FILE]',
    run: (argv, io) => (require('./restore') as typeof import('./restore')).runRestore(argv, io),
  },
  manifest: {
    summary: 'manifest --public-url URL [--id GUID|new] [--version V] [--out FILE]',
    run: (argv, io) => (require('./manifest') as typeof import('./manifest')).runManifest(argv, io),
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

function usage(): string {
  return [
    'Lure Lens — spots sender impersonation and targeted lures in email, and runs the intake service.',
    '',
    'Usage:',
    ...Object.values(COMMANDS).map((command) => `  lurelens ${command.summary}`),
    '  lurelens --version',
    '',
    'Run "lurelens <command> --help" for details.',
  ].join('\n');
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(packageVersion());
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`lurelens: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`lurelens: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

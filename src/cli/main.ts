// `lurelens` command: scan messages, or serve the intake service and add-in files.
import { runScan, SCAN_USAGE } from './scan';

const USAGE = `Lure Lens — spots sender impersonation and targeted lures in email.

Usage:
  lurelens scan [--policy FILE] [--format text|jsonl] [--fail-on suspicious|dangerous] FILE|DIR...
  lurelens serve [--public-url URL] [--port N] [--host H] [--data DIR] [--policy FILE] [--token TOKEN]

Run "lurelens <command> --help" for details.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = {
    out: (line: string) => process.stdout.write(line + '\n'),
    err: (line: string) => process.stderr.write(line + '\n'),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  if (command === 'scan') {
    if (rest.includes('--help') || rest.includes('-h')) return io.out(SCAN_USAGE), 0;
    return runScan(rest, io);
  }
  if (command === 'serve') {
    // Loaded on demand: scanning should not pay for the HTTP server and database.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runServe } = require('./serve') as typeof import('./serve');
    return runServe([...rest]);
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  io.err(`lurelens: unknown command "${command}"\n\n${USAGE}`);
  return 2;
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

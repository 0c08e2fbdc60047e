// Entry point for running the service directly (`npx tsx src/server/main.ts [serve options]`),
// e.g. by the durability check and the benchmark, which need a process they can kill.
import { runServe } from '../cli/serve';

runServe(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lurelens serve: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

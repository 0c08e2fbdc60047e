// Where the commands write: an injected Io, so tests capture the output without a terminal.

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Whether stdout is a colour terminal. */
  color: boolean;
}

export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

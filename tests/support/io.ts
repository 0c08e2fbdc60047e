// An Io for command tests: collects what a command writes instead of printing it.
import type { Io } from '../../src/cli/io';

export interface CapturedIo extends Io {
  stdout: string[];
  stderr: string[];
  /** Everything written, stdout then stderr. */
  text(): string;
}

export function captureIo(color = false): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, color, out: (line) => stdout.push(line), err: (line) => stderr.push(line), text: () => [...stdout, ...stderr].join('\n') };
}

// Files for the commands: scan's arguments (files as given, directories walked recursively for .eml
// files), and the names and flushes that backup and restore need.
import { closeSync, fsyncSync, openSync, promises as fs } from 'node:fs';
import path from 'node:path';

export interface ExpandedInput {
  file: string;
  /** Set when the argument itself could not be read (missing, permission denied). */
  error?: string;
}

const EML = /\.eml$/i;
/** Guards against pathological trees (and symlink loops, which are never followed). */
const MAX_FILES = 1_000_000;

async function walk(dir: string, out: ExpandedInput[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ file: dir, error: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (out.length >= MAX_FILES) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && EML.test(entry.name)) out.push({ file: full });
  }
}

export async function expandInputs(args: readonly string[]): Promise<ExpandedInput[]> {
  const out: ExpandedInput[] = [];
  for (const arg of args) {
    try {
      const stat = await fs.stat(arg);
      if (stat.isDirectory()) await walk(arg, out);
      else out.push({ file: arg });
    } catch (error) {
      out.push({ file: arg, error: describeFsError(error) });
    }
  }
  return out;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** UTC time as it sorts in file names: 20261130-023000Z. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, 'Z');
}

/** Flushes a file's content, or a directory's entries (after a rename), so it survives power loss. */
export function fsyncPath(target: string): void {
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

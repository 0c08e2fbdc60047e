// `lurelens scan [--policy FILE] [--format text|jsonl] [--fail-on suspicious|dangerous] FILE...`
// Exit codes: 0 scanned (whatever the verdicts), 1 a verdict reached --fail-on, 2 an input or the
// policy could not be read (the other files are still scanned and printed).
import { promises as fs } from 'node:fs';
import { parseEml } from '../mail/eml';
import { analyze } from '../engine/analyze';
import { parsePolicyJson, resolvePolicy } from '../policy';
import type { ResolvedPolicy } from '../policy/types';
import type { VerdictLevel } from '../engine/model';
import { expandInputs, describeFsError } from './files';
import { COLOR, PLAIN, formatJsonl, formatText, toRecord, terminalSafe } from './format';
import type { Io } from './io';

/** Raw messages larger than this are refused with a clear error rather than exhausting memory. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const RANK: Record<VerdictLevel, number> = { clean: 0, suspicious: 1, dangerous: 2 };

export const SCAN_USAGE = `Usage: lurelens scan [--policy FILE] [--format text|jsonl] [--fail-on suspicious|dangerous] FILE|DIR...
  Analyses each .eml file (directories are searched recursively) and prints one verdict per message.
  --policy FILE   policy.json with your organisation's domains, protected people and keywords
  --format        text (default, readable) or jsonl (one JSON object per input)
  --fail-on       exit 1 when any message is at least this bad (default: exit 0 whatever the verdicts)`;

interface ScanOptions {
  policyFile?: string;
  format: 'text' | 'jsonl';
  failOn?: VerdictLevel;
  inputs: string[];
}

function parseArgs(argv: readonly string[]): ScanOptions | string {
  const options: ScanOptions = { format: 'text', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '--policy') options.policyFile = value();
      else if (arg === '--format') {
        const format = value();
        if (format !== 'text' && format !== 'jsonl') return `--format must be text or jsonl, not "${format}"`;
        options.format = format;
      } else if (arg === '--fail-on') {
        const level = value();
        if (level !== 'suspicious' && level !== 'dangerous') return `--fail-on must be suspicious or dangerous, not "${level}"`;
        options.failOn = level;
      } else if (arg === '--') {
        options.inputs.push(...argv.slice(i + 1));
        i = argv.length;
      } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
      else options.inputs.push(arg);
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (options.inputs.length === 0) return 'no input files given';
  return options;
}

async function loadPolicy(file: string | undefined, io: Io): Promise<ResolvedPolicy | undefined> {
  if (!file) return resolvePolicy();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    io.err(`lurelens: cannot read policy ${file}: ${describeFsError(error)}`);
    return undefined;
  }
  const parsed = parsePolicyJson(text, file);
  if (!parsed.ok) {
    io.err(`lurelens: invalid policy ${file}:`);
    for (const message of parsed.errors) io.err(`  ${message}`);
    return undefined;
  }
  return resolvePolicy(parsed.policy);
}

export async function runScan(argv: readonly string[], io: Io): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.err(`lurelens scan: ${options}\n${SCAN_USAGE}`);
    return 2;
  }
  const policy = await loadPolicy(options.policyFile, io);
  if (!policy) return 2;

  const palette = io.color ? COLOR : PLAIN;
  let unreadable = 0;
  let reachedFailOn = false;
  for (const input of await expandInputs(options.inputs)) {
    if (input.error) {
      io.err(`lurelens: cannot read ${terminalSafe(input.file, 400)}: ${input.error}`);
      unreadable++;
      continue;
    }
    let bytes: Uint8Array;
    try {
      const stat = await fs.stat(input.file);
      if (stat.size > MAX_MESSAGE_BYTES) throw new Error(`larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB`);
      bytes = await fs.readFile(input.file);
    } catch (error) {
      io.err(`lurelens: cannot read ${terminalSafe(input.file, 400)}: ${error instanceof Error && !(error as NodeJS.ErrnoException).code ? error.message : describeFsError(error)}`);
      unreadable++;
      continue;
    }
    const message = await parseEml(bytes);
    const verdict = analyze(message, policy);
    const record = toRecord(input.file, verdict);
    io.out(options.format === 'jsonl' ? formatJsonl(record) : formatText(record, palette, message));
    if (options.failOn && RANK[verdict.verdict] >= RANK[options.failOn]) reachedFailOn = true;
  }
  if (unreadable > 0) return 2;
  return reachedFailOn ? 1 : 0;
}

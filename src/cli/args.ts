// Option parsing for the operator commands (doctor, backup, restore, manifest). Each takes its own
// options out here; everything left is the service's configuration (--config, --data, --public-url…),
// read by loadServerConfig exactly as `lurelens serve` reads it, so the command sees the deployment
// the service runs, including LURELENS_* variables.
import { ConfigError, loadServerConfig, type ServerConfig } from '../server/config';
import { DatabaseError } from './database/types';
import type { Io } from './io';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandArgs {
  values: Map<string, string>;
  flags: Set<string>;
  /** Options for loadServerConfig, in their original order. */
  rest: string[];
  help: boolean;
}

export interface OptionSpec {
  /** Options that take a value: --name VALUE or --name=VALUE. */
  values?: readonly string[];
  /** Options without a value. */
  flags?: readonly string[];
}

export function takeOptions(argv: readonly string[], spec: OptionSpec): CommandArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const rest: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--help' || name === '-h') help = true;
    else if (spec.values?.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      if (values.has(name)) throw new UsageError(`${name} is given twice`);
      values.set(name, value);
    } else if (spec.flags?.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      flags.add(name);
    } else rest.push(arg);
  }
  return { values, flags, rest, help };
}

/** A whole number option within bounds, e.g. --keep 14. */
export function integerOption(args: CommandArgs, name: string, min: number, max: number): number | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return Number(text);
}

/**
 * Runs a command body and turns the errors an operator can fix (bad options, configuration, database)
 * into one line on stderr and exit code 2; anything else is a bug and keeps its stack.
 */
export async function runReporting(command: string, usage: string, io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lurelens ${command}: ${error.message}\n${usage}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DatabaseError) {
      io.err(`lurelens ${command}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/** The service's configuration from the options left after the command's own. */
export async function serviceConfig(args: CommandArgs): Promise<ServerConfig> {
  return (await loadServerConfig({ argv: args.rest })).config;
}

// Checks a policy against the schema and says what is wrong in words an IT administrator can act
// on: where (a path like protectedPeople/0/emails/1, and a line:column when parsed from text),
// what was expected, and what was found. Uses TypeBox's interpreter (Value.Errors), never its
// compiler: the task pane runs under a Content Security Policy that forbids eval.
import { Value } from '@sinclair/typebox/value';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { TSchema } from '@sinclair/typebox';
import type { Policy, ReportChannel } from './types';
import { PolicySchema } from './schema';
import { lineAndColumn, scanJson } from './json';

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/** Past this many problems the file is probably not a policy at all; listing more helps nobody. */
export const MAX_REPORTED_ERRORS = 50;
/** policy.json is a configuration file; anything this large is a mistake (or an attack on the pane). */
export const MAX_POLICY_BYTES = 5 * 1024 * 1024;

const ROOT_LABEL = '(policy)';

/** "/protectedPeople/0/emails/1" -> "protectedPeople/0/emails/1"; the root is "(policy)". */
export function displayPath(pointer: string): string {
  if (!pointer) return ROOT_LABEL;
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('/');
}

function truncate(value: string, length: number): string {
  return value.length > length ? value.slice(0, length - 1) + '…' : value;
}

/** How a value is described in a message: `text "abc"`, `the number 7`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `text ${JSON.stringify(truncate(value, 60))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function exampleOf(schema: TSchema): string | undefined {
  const examples = schema.examples;
  if (!Array.isArray(examples) || examples.length === 0) return undefined;
  return truncate(JSON.stringify(examples[0]), 90);
}

/** Optimal string alignment distance, for "did you mean"; inputs are field names (short). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: cols }, (_, col) => (row === 0 ? col : col === 0 ? row : 0)));
  for (let row = 1; row < rows; row++) {
    for (let col = 1; col < cols; col++) {
      const cost = a[row - 1] === b[col - 1] ? 0 : 1;
      let best = Math.min(table[row - 1]![col]! + 1, table[row]![col - 1]! + 1, table[row - 1]![col - 1]! + cost);
      if (row > 1 && col > 1 && a[row - 1] === b[col - 2] && a[row - 2] === b[col - 1]) best = Math.min(best, table[row - 2]![col - 2]! + 1);
      table[row]![col] = best;
    }
  }
  return table[a.length]![b.length]!;
}

function objectProperties(schema: TSchema): Record<string, TSchema> {
  return schema.type === 'object' && schema.properties && typeof schema.properties === 'object' ? (schema.properties as Record<string, TSchema>) : {};
}

/** The closest known field name, or a nested object that has a field of exactly this name. */
export function suggestField(unknown: string, parent: TSchema): string | undefined {
  const known = Object.keys(objectProperties(parent));
  const probe = unknown.slice(0, 64).toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(probe, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (best && best.distance <= Math.max(2, Math.floor(best.name.length / 4))) return best.name;
  // A field written one level too high, e.g. "endpointUrl" at the top instead of inside "reporting".
  for (const [name, child] of Object.entries(objectProperties(parent))) {
    if (unknown in objectProperties(child)) return `${name}/${unknown}`;
  }
  return undefined;
}

function literalChoices(schema: TSchema): string[] | undefined {
  if (!Array.isArray(schema.anyOf)) return undefined;
  const choices = (schema.anyOf as TSchema[]).map((variant) => variant.const);
  return choices.every((choice) => typeof choice === 'string') ? (choices as string[]) : undefined;
}

function entries(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}

/** The sentence after "path: " for one TypeBox error. */
export function explain(error: ValueError): string {
  const { schema, value } = error;
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const name = displayPath(error.path).split('/').pop() ?? '';
      const suggestion = suggestField(name, schema);
      if (suggestion?.includes('/')) {
        const [parent] = suggestion.split('/');
        return `unknown field here; "${name}" belongs inside "${parent}"`;
      }
      if (suggestion) return `unknown field; did you mean "${suggestion}"?`;
      const known = Object.keys(objectProperties(schema));
      return `unknown field (allowed here: ${known.join(', ')})`;
    }
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required here';
    case ValueErrorType.Object: {
      const example = exampleOf(schema);
      return `must be an object in braces { }${example ? ` like ${example}` : ''}, not ${describeValue(value)}`;
    }
    case ValueErrorType.Array: {
      const example = exampleOf(schema);
      return `must be a list in brackets [ ]${example ? ` like ${example}` : ''}, not ${describeValue(value)}`;
    }
    case ValueErrorType.ArrayMaxItems:
      return `may have at most ${entries(schema.maxItems as number)} (has ${Array.isArray(value) ? value.length : '?'})`;
    case ValueErrorType.ArrayMinItems:
      return `must have at least ${entries(schema.minItems as number)}`;
    case ValueErrorType.ArrayUniqueItems:
      return 'lists the same value more than once';
    case ValueErrorType.String:
      return `must be text in double quotes, not ${describeValue(value)}`;
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters long`;
    case ValueErrorType.StringMaxLength:
      return `must be at most ${schema.maxLength} characters long (has ${typeof value === 'string' ? value.length : '?'})`;
    case ValueErrorType.StringPattern:
      return `${typeof schema.errorMessage === 'string' ? schema.errorMessage : `does not have the expected form`} (got ${describeValue(value)})`;
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
      return typeof value === 'number' ? `must be a whole number (got ${value})` : `must be a number, not ${describeValue(value)}`;
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
      return `must be from ${schema.minimum} to ${schema.maximum} (got ${String(value)})`;
    case ValueErrorType.Union: {
      const choices = literalChoices(schema);
      if (choices) return `must be one of ${choices.map((choice) => `"${choice}"`).join(', ')} (got ${describeValue(value)})`;
      return error.message;
    }
    default:
      return error.message;
  }
}

interface CrossFieldRule {
  /** For the documentation. */
  summary: string;
  check(policy: Policy): { pointer: string; message: string } | undefined;
}

function channelListed(policy: Policy, channel: ReportChannel): boolean {
  return policy.reporting?.channels?.includes(channel) ?? false;
}

/** Rules a single field's schema cannot express: settings that would otherwise silently do nothing. */
export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    summary: 'If `reporting.channels` lists "endpoint", `reporting.endpointUrl` must be set.',
    check: (policy) =>
      channelListed(policy, 'endpoint') && !policy.reporting?.endpointUrl
        ? { pointer: '/reporting/endpointUrl', message: 'is required because reporting/channels lists "endpoint"' }
        : undefined,
  },
  {
    summary: 'If `reporting.channels` lists "mailbox", `reporting.securityMailbox` must be set.',
    check: (policy) =>
      channelListed(policy, 'mailbox') && !policy.reporting?.securityMailbox
        ? { pointer: '/reporting/securityMailbox', message: 'is required because reporting/channels lists "mailbox"' }
        : undefined,
  },
  {
    summary: 'If `reporting.channels` lists "mailbox", `reporting.entraClientId` must be set (the mailbox channel signs in to Microsoft Graph).',
    check: (policy) =>
      channelListed(policy, 'mailbox') && !policy.reporting?.entraClientId
        ? { pointer: '/reporting/entraClientId', message: 'is required because reporting/channels lists "mailbox" (it signs in to Microsoft Graph)' }
        : undefined,
  },
  {
    summary: 'If `reporting.channels` lists "compose", `reporting.securityMailbox` must be set (the prefilled message needs a recipient).',
    check: (policy) =>
      channelListed(policy, 'compose') && !policy.reporting?.securityMailbox
        ? { pointer: '/reporting/securityMailbox', message: 'is required because reporting/channels lists "compose" (the prefilled message needs a recipient)' }
        : undefined,
  },
  {
    summary: 'If `senderHistory` is true, `reporting.entraClientId` must be set (the pane signs in to Microsoft Graph with that app).',
    check: (policy) =>
      policy.senderHistory === true && !policy.reporting?.entraClientId
        ? { pointer: '/reporting/entraClientId', message: 'is required because senderHistory is true (the pane reads the mailbox through Microsoft Graph with this app)' }
        : undefined,
  },
  {
    summary: '`reporting.endpointToken` is only accepted together with `reporting.endpointUrl`.',
    check: (policy) =>
      policy.reporting?.endpointToken && !policy.reporting.endpointUrl
        ? { pointer: '/reporting/endpointToken', message: 'is set but reporting/endpointUrl is not, so the token would never be used' }
        : undefined,
  },
];

interface Located {
  pointer: string;
  message: string;
}

function collect(value: unknown): Located[] {
  const found: Located[] = [];
  const seen = new Set<string>();
  const missing = new Set<string>();
  for (const error of Value.Errors(PolicySchema, value)) {
    // A missing required field is also reported as "wrong type: undefined"; once is enough.
    if (error.type === ValueErrorType.ObjectRequiredProperty) missing.add(error.path);
    else if (missing.has(error.path)) continue;
    const message = explain(error);
    const key = `${error.path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ pointer: error.path, message });
    // One more than the cap, so the caller can tell that some were left out.
    if (found.length > MAX_REPORTED_ERRORS) return found;
  }
  if (found.length > 0) return found;
  for (const rule of CROSS_FIELD_RULES) {
    const problem = rule.check(value as Policy);
    if (problem) found.push(problem);
  }
  return found;
}

function capped(lines: string[]): string[] {
  if (lines.length <= MAX_REPORTED_ERRORS) return lines;
  return [...lines.slice(0, MAX_REPORTED_ERRORS), `…and more; fix these first`];
}

/** Validates a parsed policy (e.g. from storage or a fetch). Errors read "path: what is wrong". */
export function validatePolicy(value: unknown): PolicyValidation {
  const problems = collect(value);
  if (problems.length === 0) return { ok: true, policy: value as Policy };
  return { ok: false, errors: capped(problems.map((problem) => `${displayPath(problem.pointer)}: ${problem.message}`)) };
}

/** The nearest location the scan recorded for this pointer or one of its parents. */
function locate(locations: Map<string, number>, pointer: string): number | undefined {
  let current = pointer;
  while (true) {
    const offset = locations.get(current);
    if (offset !== undefined) return offset;
    if (!current) return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/**
 * Parses policy.json text and validates it. Every error starts with `source:line:column:` so an
 * editor or a terminal can jump to it, e.g.
 * `policy.json:12:9: protectedPeople/0/emails/1: must be an email address like name@example.or.jp`.
 */
export function parsePolicyJson(text: string, sourceName = 'policy.json'): PolicyValidation {
  if (text.length > MAX_POLICY_BYTES) {
    return { ok: false, errors: [`${sourceName}: is ${text.length} characters long; a policy may be at most ${MAX_POLICY_BYTES} (is this the right file?)`] };
  }
  // Editors on Windows save a byte-order mark; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(body);
  if (scan.problem) {
    return { ok: false, errors: [`${sourceName}:${scan.problem.line}:${scan.problem.column}: ${scan.problem.message}`] };
  }
  const value: unknown = JSON.parse(body);
  const problems = collect(value);
  if (problems.length === 0) return { ok: true, policy: value as Policy };
  return {
    ok: false,
    errors: capped(
      problems.map((problem) => {
        const offset = locate(scan.locations, problem.pointer);
        const position = offset === undefined ? '' : (({ line, column }) => `${line}:${column}:`)(lineAndColumn(body, offset));
        return `${sourceName}:${position} ${displayPath(problem.pointer)}: ${problem.message}`;
      }),
    ),
  };
}

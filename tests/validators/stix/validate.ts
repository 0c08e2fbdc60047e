// Outside validators for STIX 2.1 exports (see README.md beside this file): the OASIS STIX 2.1
// JSON schemas run by Ajv (draft 2020-12, as the schemas declare), and the OASIS STIX patterning
// grammar compiled by ANTLR. Neither was written by us; this file only wires them up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type * as Antlr from 'antlr4ng' with { 'resolution-mode': 'import' };
import { STIXPatternLexer } from './pattern/generated/STIXPatternLexer';
import { STIXPatternParser } from './pattern/generated/STIXPatternParser';

// antlr4ng ships ESM type declarations; its CommonJS build is what runs here.
const antlr: typeof Antlr = require('antlr4ng');

const SCHEMA_ROOT = join(__dirname, 'schemas');
const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';

/** The object types whose OASIS schemas are vendored, by the file that defines each. */
const OBJECT_SCHEMAS: Record<string, string> = {
  identity: 'sdos/identity.json',
  campaign: 'sdos/campaign.json',
  indicator: 'sdos/indicator.json',
  relationship: 'sros/relationship.json',
};

function schemaFiles(dir: string): string[] {
  return readdirSync(join(SCHEMA_ROOT, dir)).map((file) => `${dir}/${file}`);
}

let ajv: Ajv2020 | undefined;

function validator(): Ajv2020 {
  if (ajv) return ajv;
  // strict: false because the OASIS schemas carry "definitions" and titles next to "$ref", which
  // draft 2020-12 allows but Ajv's strict mode reports; unicodeRegExp: false because their patterns
  // escape "-" outside classes ("\\-"), valid ECMA-262 but refused under the "u" flag.
  ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  for (const file of [...schemaFiles('common'), ...schemaFiles('sdos'), ...schemaFiles('sros')]) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_ROOT, file), 'utf8')));
  }
  return ajv;
}

/** Schema errors of one STIX object, as "<id> <path>: <message>" lines; empty when valid. */
export function stixObjectErrors(object: Record<string, unknown>): string[] {
  const file = OBJECT_SCHEMAS[String(object.type)];
  if (!file) return [`${String(object.id)}: no vendored OASIS schema for type ${String(object.type)}`];
  const validate = validator().getSchema(`${SCHEMA_BASE}/${file}`)!;
  if (validate(object)) return [];
  return (validate.errors ?? []).map((error) => `${String(object.id)} ${error.instancePath || '/'}: ${error.message}`);
}

/**
 * Errors of a bundle: its envelope (STIX 2.1 §8: type, an identifier starting "bundle--", a
 * non-empty objects list, no spec_version) checked with the OASIS identifier schema, then every
 * object against the OASIS schema of its type, every pattern against the grammar.
 */
export function stixBundleErrors(bundle: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const identifier = validator().getSchema(`${SCHEMA_BASE}/common/identifier.json`)!;
  if (bundle.type !== 'bundle') errors.push('bundle: type must be "bundle"');
  if (typeof bundle.id !== 'string' || !identifier(bundle.id) || !bundle.id.startsWith('bundle--')) errors.push('bundle: id must be a bundle identifier');
  if ('spec_version' in bundle) errors.push('bundle: STIX 2.1 bundles carry no spec_version');
  const objects = bundle.objects;
  if (!Array.isArray(objects) || objects.length === 0) return [...errors, 'bundle: objects must be a non-empty list'];
  for (const object of objects as Record<string, unknown>[]) {
    errors.push(...stixObjectErrors(object));
    if (object.type === 'indicator' && object.pattern_type === 'stix') {
      errors.push(...stixPatternErrors(String(object.pattern)).map((message) => `${String(object.id)} pattern: ${message}`));
    }
  }
  return errors;
}

class CollectingListener extends antlr.BaseErrorListener {
  readonly messages: string[] = [];

  override syntaxError(_recognizer: unknown, _symbol: unknown, line: number, column: number, message: string): void {
    this.messages.push(`${line}:${column} ${message}`);
  }
}

/** Syntax errors of a STIX pattern under the OASIS grammar; empty when the whole pattern parses. */
export function stixPatternErrors(pattern: string): string[] {
  const listener = new CollectingListener();
  const lexer = new STIXPatternLexer(antlr.CharStream.fromString(pattern));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const tokens = new antlr.CommonTokenStream(lexer);
  const parser = new STIXPatternParser(tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  parser.pattern();
  // The grammar's start rule does not end in EOF: text after a complete pattern must be refused here.
  const next = tokens.LT(1);
  if (next && next.type !== antlr.Token.EOF) listener.messages.push(`${next.line}:${next.column} unexpected input after the pattern: '${next.text}'`);
  return listener.messages;
}

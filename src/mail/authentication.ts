// Reads what the receiving servers concluded about the sender: Authentication-Results (RFC 8601)
// and the Microsoft 365 fields an add-in can see. We never re-verify signatures ourselves; we read
// the verdict of the mail system that did.
//
// Trust: header fields are prepended on the way, so the topmost Authentication-Results was added by
// the receiving boundary (our own mail system). Older ones further down were added by other hops,
// or written by the sender to look like a pass. We read the topmost one and any directly below it
// from the same authserv-id (a server often writes one per check), and stop at the first from any
// other. ARC-Authentication-Results records an earlier hop's view and never counts.
import type { HeaderField } from '../engine/model';
import { decodeEncodedWords } from './headers';

export type AuthResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy' | 'bestguesspass' | 'other';

export interface AuthenticationSummary {
  /** True when at least one Authentication-Results header was read (ARC-Authentication-Results does not count). */
  present: boolean;
  /** smtp.mailfrom as written: an address, or just a domain (Microsoft 365 writes the domain). */
  spf?: { result: AuthResult; mailfrom?: string; helo?: string };
  /** One entry per signature; domain from header.d, else the domain of header.i. */
  dkim: { result: AuthResult; domain?: string; selector?: string }[];
  /** action= is Microsoft's (none, quarantine, reject, oreject…); policy is the p= Google and others note in a comment. */
  dmarc?: { result: AuthResult; action?: string; headerFrom?: string; policy?: string };
  /** Microsoft composite authentication: pass / fail / softpass / none, with its reason code. */
  compauth?: { result: string; reason?: string };
  /** arc= result reported in the Authentication-Results itself (not ARC-Authentication-Results). */
  arc?: { result: AuthResult };
  microsoft?: {
    /** X-Forefront-Antispam-Report CAT: e.g. NONE, SPM, PHSH, SPOOF, GIMP, DIMP, UIMP, BIMP. */
    category?: string;
    /** SFTY safety tip code, e.g. "9.19" (first-contact / impersonation tips). */
    safety?: string;
    /** SCL spam confidence level, -1 to 9. */
    scl?: number;
    /** SFV spam filter verdict, e.g. NSPM, SPM, SKN. */
    spamVerdict?: string;
    /** X-MS-Exchange-Organization-AuthAs: Internal / Anonymous / Partner. */
    authAs?: string;
  };
}

const RESULT_WORDS = new Set<AuthResult>(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy', 'bestguesspass']);

function asResult(word: string): AuthResult {
  const lower = word.toLowerCase() as AuthResult;
  // RFC 7001 spellings that older servers still write.
  if ((lower as string) === 'hardfail') return 'fail';
  return RESULT_WORDS.has(lower) ? lower : 'other';
}

/** Header values above this size are read only this far; real ones are a few hundred bytes. */
const MAX_VALUE = 64 * 1024;
const MAX_HEADERS_READ = 20;
const MAX_RESULTS = 50;
const MAX_DKIM = 20;

interface Segment {
  /** Words, '=' and quoted-string contents, comments removed. */
  tokens: string[];
  comments: string[];
}

/**
 * Splits a value into ';'-separated segments of tokens, honouring quoted strings (which may hold
 * ';', '(' or spaces) and nested comments, with backslash escapes in both. One linear pass.
 */
function tokenize(value: string): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { tokens: [], comments: [] };
  let word = '';
  let comment = '';
  let depth = 0;
  let inQuote = false;
  let quoted = '';
  const endWord = () => {
    if (word) current.tokens.push(word);
    word = '';
  };
  const text = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (depth > 0) {
      if (ch === '\\') {
        comment += text[++i] ?? '';
      } else if (ch === '(') {
        depth++;
        comment += ch;
      } else if (ch === ')') {
        depth--;
        if (depth === 0) {
          current.comments.push(comment.trim());
          comment = '';
        } else comment += ch;
      } else comment += ch;
      continue;
    }
    if (inQuote) {
      if (ch === '\\') quoted += text[++i] ?? '';
      else if (ch === '"') {
        inQuote = false;
        word += quoted;
        quoted = '';
      } else quoted += ch;
      continue;
    }
    if (ch === '"') {
      inQuote = true;
    } else if (ch === '(') {
      endWord();
      depth = 1;
    } else if (ch === ';') {
      endWord();
      segments.push(current);
      current = { tokens: [], comments: [] };
      if (segments.length > MAX_RESULTS) return segments;
    } else if (ch === '=') {
      endWord();
      current.tokens.push('=');
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      endWord();
    } else word += ch;
  }
  if (inQuote) word += quoted;
  endWord();
  segments.push(current);
  return segments;
}

export interface MethodResult {
  method: string;
  result: string;
  props: Map<string, string>;
  comments: string[];
}

/** key=value pairs of a segment, in order ("key = value" with spaces too). */
function pairsOf(tokens: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i] === '=' || tokens[i + 1] !== '=') continue;
    const next = tokens[i + 2];
    const value = next !== undefined && next !== '=' ? next : '';
    pairs.push([tokens[i], value]);
    i += value ? 2 : 1;
  }
  return pairs;
}

function toMethodResult(segment: Segment): MethodResult | undefined {
  const pairs = pairsOf(segment.tokens);
  if (!pairs.length || segment.tokens[1] !== '=') return undefined;
  const [methodKey, result] = pairs[0];
  const method = methodKey.toLowerCase().replace(/\/.*$/, '');
  if (!/^[a-z][a-z0-9-]*$/.test(method) || !result) return undefined;
  const props = new Map<string, string>();
  for (const [key, value] of pairs.slice(1)) {
    const lower = key.toLowerCase();
    if (!props.has(lower)) props.set(lower, value);
  }
  return { method, result: result.toLowerCase(), props, comments: segment.comments };
}

/** A field that is encoded as a whole: it starts with an RFC 2047 word. */
const ENCODED_FIELD = /^\s*=\?[^?\s]{1,40}\?[bq]\?/i;

/** The authserv-id ('' when the header has none, as Microsoft 365 writes it) and the method results. */
export function parseAuthenticationResults(value: string): { authservId: string; results: MethodResult[] } {
  // Microsoft 365 writes the whole field as RFC 2047 words when it holds other than ASCII (a From
  // address in mathematical bold letters): "=?utf-8?B?c3BmPWZhaWwg…?=". Read what it says.
  const segments = tokenize(ENCODED_FIELD.test(value) ? decodeEncodedWords(value) : value);
  const first = segments[0];
  let authservId = '';
  const results: MethodResult[] = [];
  // An authserv-id is a token without '='; Microsoft omits it and starts with the first result.
  if (first && first.tokens.length && first.tokens[1] !== '=') {
    authservId = first.tokens[0].toLowerCase();
  } else if (first) {
    const result = toMethodResult(first);
    if (result) results.push(result);
  }
  for (const segment of segments.slice(1)) {
    if (results.length >= MAX_RESULTS) break;
    const result = toMethodResult(segment);
    if (result) results.push(result);
  }
  return { authservId, results };
}

function domainOfIdentity(identity: string | undefined): string | undefined {
  if (!identity) return undefined;
  const at = identity.lastIndexOf('@');
  const domain = (at >= 0 ? identity.slice(at + 1) : identity).trim().toLowerCase();
  return domain || undefined;
}

/** Microsoft writes header.d=none when there is no signature. */
function meaningful(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  return lower === 'none' || lower === 'null' ? undefined : lower;
}

function dmarcPolicy(comments: readonly string[]): string | undefined {
  for (const comment of comments) {
    const match = /(?:^|[\s;])p=([a-z]+)/i.exec(comment);
    if (match) return match[1].toLowerCase();
  }
  return undefined;
}

function parseSemicolonFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  const text = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
  for (const part of text.split(';').slice(0, 100)) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const key = part.slice(0, colon).trim().toUpperCase();
    if (!fields.has(key)) fields.set(key, part.slice(colon + 1).trim());
  }
  return fields;
}

function applyResult(summary: AuthenticationSummary, r: MethodResult): void {
  switch (r.method) {
    case 'spf':
      if (!summary.spf) {
        summary.spf = { result: asResult(r.result) };
        const mailfrom = meaningful(r.props.get('smtp.mailfrom'));
        const helo = meaningful(r.props.get('smtp.helo'));
        if (mailfrom) summary.spf.mailfrom = mailfrom;
        if (helo) summary.spf.helo = helo;
      }
      break;
    case 'dkim':
      if (summary.dkim.length < MAX_DKIM) {
        const entry: AuthenticationSummary['dkim'][number] = { result: asResult(r.result) };
        const domain = meaningful(r.props.get('header.d')) ?? domainOfIdentity(meaningful(r.props.get('header.i')));
        const selector = meaningful(r.props.get('header.s'));
        if (domain) entry.domain = domain;
        if (selector) entry.selector = selector;
        summary.dkim.push(entry);
      }
      break;
    case 'dmarc':
      if (!summary.dmarc) {
        summary.dmarc = { result: asResult(r.result) };
        const action = r.props.get('action')?.toLowerCase();
        const headerFrom = meaningful(r.props.get('header.from'));
        const policy = meaningful(r.props.get('policy.dmarc')) ?? dmarcPolicy(r.comments);
        if (action) summary.dmarc.action = action;
        if (headerFrom) summary.dmarc.headerFrom = headerFrom;
        if (policy) summary.dmarc.policy = policy;
      }
      break;
    case 'compauth':
      if (!summary.compauth) {
        summary.compauth = { result: r.result };
        const reason = r.props.get('reason');
        if (reason) summary.compauth.reason = reason;
      }
      break;
    case 'arc':
      if (!summary.arc) summary.arc = { result: asResult(r.result) };
      break;
  }
}

export function readAuthentication(headers: readonly HeaderField[]): AuthenticationSummary {
  const summary: AuthenticationSummary = { present: false, dkim: [] };
  let boundaryId: string | undefined;
  let boundaryDone = false;
  let read = 0;
  let forefrontSeen = false;
  let authAsSeen = false;
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (name === 'authentication-results') {
      if (boundaryDone || read >= MAX_HEADERS_READ) continue;
      const parsed = parseAuthenticationResults(header.value);
      if (boundaryId === undefined) boundaryId = parsed.authservId;
      else if (parsed.authservId !== boundaryId) {
        // An older hop's (or a forged) verdict: everything below it is ignored too.
        boundaryDone = true;
        continue;
      }
      read++;
      summary.present = true;
      for (const result of parsed.results) applyResult(summary, result);
    } else if (name === 'x-forefront-antispam-report' && !forefrontSeen) {
      forefrontSeen = true;
      const fields = parseSemicolonFields(header.value);
      const microsoft = { ...summary.microsoft };
      const category = fields.get('CAT');
      const safety = fields.get('SFTY');
      const scl = fields.get('SCL');
      const verdict = fields.get('SFV');
      if (category) microsoft.category = category.toUpperCase();
      if (safety) microsoft.safety = safety;
      if (scl && /^-?\d{1,2}$/.test(scl)) microsoft.scl = Number(scl);
      if (verdict) microsoft.spamVerdict = verdict.toUpperCase();
      summary.microsoft = microsoft;
    } else if (name === 'x-ms-exchange-organization-authas' && !authAsSeen) {
      authAsSeen = true;
      const authAs = header.value.trim();
      if (authAs) summary.microsoft = { ...summary.microsoft, authAs };
    }
  }
  return summary;
}

// Reads what the receiving servers concluded about the sender: Authentication-Results (RFC 8601)
// and the Microsoft 365 fields an add-in can see. We never re-verify signatures ourselves; we read
// the verdict of the mail system that did.
import type { HeaderField } from '../engine/model';

export type AuthResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy' | 'bestguesspass' | 'other';

export interface AuthenticationSummary {
  /** True when at least one Authentication-Results (or ARC-Authentication-Results) header was read. */
  present: boolean;
  spf?: { result: AuthResult; mailfrom?: string };
  dkim: { result: AuthResult; domain?: string }[];
  dmarc?: { result: AuthResult; action?: string; headerFrom?: string };
  /** Microsoft composite authentication: pass / fail / softpass / none, with its reason code. */
  compauth?: { result: string; reason?: string };
  microsoft?: {
    /** X-Forefront-Antispam-Report CAT: e.g. NONE, SPM, PHSH, SPOOF, GIMP, DIMP, UIMP, BIMP. */
    category?: string;
    /** SFTY safety tip code, e.g. "9.19" (first-contact / impersonation tips). */
    safety?: string;
    /** X-MS-Exchange-Organization-AuthAs: Internal / Anonymous / Partner. */
    authAs?: string;
  };
}

const RESULT_WORDS = new Set<AuthResult>(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy', 'bestguesspass']);

function asResult(word: string): AuthResult {
  const lower = word.toLowerCase() as AuthResult;
  return RESULT_WORDS.has(lower) ? lower : 'other';
}

/** Remove RFC 5322 comments "( … )" without recursion; bounded by the value length. */
function stripComments(value: string): string {
  let depth = 0;
  let out = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

interface MethodResult {
  method: string;
  result: string;
  props: Map<string, string>;
  reason?: string;
}

function parseResultsValue(value: string): MethodResult[] {
  const results: MethodResult[] = [];
  // The first element is the authserv-id; methods follow, separated by ';'.
  const parts = stripComments(value).split(';').slice(1);
  for (const part of parts.slice(0, 50)) {
    const tokens = part.trim().split(/\s+/).filter(Boolean).slice(0, 40);
    const head = tokens.shift();
    if (!head) continue;
    const eq = head.indexOf('=');
    if (eq < 0) continue;
    const method = head.slice(0, eq).toLowerCase().replace(/\/.*$/, '');
    const result = head.slice(eq + 1).toLowerCase();
    const props = new Map<string, string>();
    let reason: string | undefined;
    for (const token of tokens) {
      const at = token.indexOf('=');
      if (at <= 0) continue;
      const key = token.slice(0, at).toLowerCase();
      const val = token.slice(at + 1).replace(/^"|"$/g, '');
      if (key === 'reason') reason = val;
      else if (!props.has(key)) props.set(key, val);
    }
    results.push({ method, result, props, reason });
  }
  return results;
}

function parseSemicolonFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of value.split(';').slice(0, 60)) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    fields.set(part.slice(0, colon).trim().toUpperCase(), part.slice(colon + 1).trim());
  }
  return fields;
}

export function readAuthentication(headers: readonly HeaderField[]): AuthenticationSummary {
  const summary: AuthenticationSummary = { present: false, dkim: [] };
  // Only the topmost Authentication-Results headers were added by our own boundary; older ones
  // further down may come from the sender's side and could be forged. Read in order and keep the first.
  let seen = 0;
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (name === 'authentication-results' && seen < 5) {
      seen++;
      summary.present = true;
      for (const r of parseResultsValue(header.value)) {
        if (r.method === 'spf' && !summary.spf) {
          summary.spf = { result: asResult(r.result), mailfrom: r.props.get('smtp.mailfrom')?.toLowerCase() };
        } else if (r.method === 'dkim' && summary.dkim.length < 10) {
          summary.dkim.push({ result: asResult(r.result), domain: r.props.get('header.d')?.toLowerCase() });
        } else if (r.method === 'dmarc' && !summary.dmarc) {
          summary.dmarc = { result: asResult(r.result), action: r.props.get('action')?.toLowerCase(), headerFrom: r.props.get('header.from')?.toLowerCase() };
        } else if (r.method === 'compauth' && !summary.compauth) {
          summary.compauth = { result: r.result, reason: r.reason };
        }
      }
    } else if (name === 'x-forefront-antispam-report') {
      const fields = parseSemicolonFields(header.value);
      summary.microsoft = { ...summary.microsoft, category: fields.get('CAT'), safety: fields.get('SFTY') };
    } else if (name === 'x-ms-exchange-organization-authas') {
      summary.microsoft = { ...summary.microsoft, authAs: header.value.trim() };
    }
  }
  return summary;
}

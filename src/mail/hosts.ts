// Host names as the engine compares them. Attackers write hosts as Unicode look-alikes, punycode,
// decimal/octal/hex IPv4 or with a trailing dot; all of these are folded to one canonical form.
import { parse } from 'tldts';
import { toASCII, toUnicode } from 'punycode/';

export interface CanonicalHost {
  /** Lower-case ASCII (punycode) form without trailing dot, e.g. "xn--80ak6aa92e.com"; IPv6 keeps its brackets, e.g. "[::1]". */
  ascii: string;
  /** Unicode form for display and confusable checks, e.g. "аррӏе.com". */
  unicode: string;
  /** Registrable domain per the public suffix list (ASCII), e.g. "example.co.jp"; undefined for IPs and bare suffixes. */
  registrable?: string;
  publicSuffix?: string;
  /** True for IPv4/IPv6 literals, including numeric forms like 0x7f.1 or 2130706433. */
  isIp: boolean;
}

/** Longer inputs are not host names (253 ASCII characters, allowing for Unicode before punycode). */
const MAX_HOST_INPUT = 253 * 4;

function stripTrailingDots(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x2e) end--;
  return end === value.length ? value : value.slice(0, end);
}

function trimAddressEnd(value: string): string {
  let end = value.length;
  while (end > 0) {
    const c = value.charCodeAt(end - 1);
    if (c !== 0x3e && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    end--;
  }
  return value.slice(0, end);
}

/** Domain part of an address, lower-cased; '' when there is none. */
export function domainOfAddress(address: string): string {
  if (typeof address !== 'string') return '';
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  return trimAddressEnd(address.slice(at + 1).trim()).toLowerCase();
}

// Code points the WHATWG URL parser forbids in a host; a host containing one cannot be visited.
const FORBIDDEN_HOST_CHARS = /[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/;

/** One IPv4 part as a browser reads it: decimal, octal (leading 0) or 0x-hex. */
const NUMERIC_LABEL = /^(?:\d{1,32}|0x[0-9a-f]{0,32})$/i;

/**
 * A host the browser refused that is nevertheless written as an IPv4 address: every label is a
 * number (decimal, octal or 0x-hex), as in "256.1.1.1" or "0x100.1.1.1". "v1.2" ends in a number
 * too, but its other label is a word, so it is a (broken) name, not an address.
 */
function allLabelsNumeric(host: string): boolean {
  const labels = stripTrailingDots(host).split('.');
  if (labels.length > 4) return false;
  return labels.every((label) => NUMERIC_LABEL.test(label));
}

/** A bracketed or bare IPv6 literal (two or more colons), with an optional :port dropped otherwise. */
function prepareForUrl(host: string): string {
  if (host.startsWith('[')) return host;
  const colons = host.split(':').length - 1;
  if (colons >= 2) return `[${host}]`;
  // "example.com:8080": the port is not part of the host.
  if (colons === 1 && /:\d{0,5}$/.test(host)) return host.slice(0, host.lastIndexOf(':'));
  return host;
}

export function canonicalHost(input: string): CanonicalHost | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > MAX_HOST_INPUT) return undefined;
  let host: string;
  // The WHATWG URL parser applies the same IDNA and IPv4 rules browsers do (0x7f.1 -> 127.0.0.1,
  // full-width letters and dots -> ASCII, case folding), so what we analyse is where a click would really go.
  try {
    host = new URL(`http://${prepareForUrl(trimmed)}/`).hostname;
  } catch {
    // Not a host a browser would visit (bad punycode, an out-of-range IPv4, a disallowed character).
    // Keep a best-effort form for sender domains, unless it holds characters no host can.
    const lower = prepareForUrl(trimmed).toLowerCase();
    if (FORBIDDEN_HOST_CHARS.test(lower.startsWith('[') ? lower.slice(1, -1).replace(/:/g, '') : lower)) return undefined;
    try {
      host = toASCII(lower);
    } catch {
      return undefined;
    }
  }
  const ascii = stripTrailingDots(host.toLowerCase());
  if (!ascii) return undefined;
  const parsed = parse(ascii, { allowPrivateDomains: false, extractHostname: !ascii.startsWith('[') });
  const isIp = ascii.startsWith('[') || Boolean(parsed.isIp) || allLabelsNumeric(ascii);
  let unicode = ascii;
  if (!isIp && ascii.includes('xn--')) {
    try {
      unicode = toUnicode(ascii);
    } catch {
      unicode = ascii;
    }
  }
  const result: CanonicalHost = { ascii, unicode, isIp };
  if (!isIp) {
    if (parsed.domain) result.registrable = parsed.domain;
    if (parsed.publicSuffix) result.publicSuffix = parsed.publicSuffix;
  }
  return result;
}

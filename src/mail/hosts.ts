// Host names as the engine compares them. Attackers write hosts as Unicode look-alikes, punycode,
// decimal/octal/hex IPv4 or with a trailing dot; all of these are folded to one canonical form.
import { parse } from 'tldts';
import { toUnicode } from 'punycode/';
import { asciiHost, stripTrailingDots } from './host-ascii';

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

export function canonicalHost(input: string): CanonicalHost | undefined {
  const ascii = asciiHost(input);
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

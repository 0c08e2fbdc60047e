// Host names as the engine compares them. Attackers write hosts as Unicode look-alikes, punycode,
// decimal/octal/hex IPv4 or with a trailing dot; all of these are folded to one canonical form.
import { parse } from 'tldts';
import { toASCII, toUnicode } from 'punycode/';

export interface CanonicalHost {
  /** Lower-case ASCII (punycode) form without trailing dot, e.g. "xn--80ak6aa92e.com". */
  ascii: string;
  /** Unicode form for display and confusable checks, e.g. "аррӏе.com". */
  unicode: string;
  /** Registrable domain per the public suffix list (ASCII), e.g. "example.co.jp"; undefined for IPs and bare suffixes. */
  registrable?: string;
  publicSuffix?: string;
  /** True for IPv4/IPv6 literals, including numeric forms like 0x7f.1 or 2130706433. */
  isIp: boolean;
}

/** Domain part of an address, lower-cased; '' when there is none. */
export function domainOfAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  return address.slice(at + 1).trim().replace(/[>\s]+$/, '').toLowerCase();
}

export function canonicalHost(input: string): CanonicalHost | undefined {
  let host = input.trim().toLowerCase().replace(/\.+$/, '');
  if (!host || host.length > 253 * 4) return undefined;
  // The WHATWG URL parser applies the same IDNA and IPv4 rules browsers do (0x7f.1 -> 127.0.0.1,
  // full-width letters -> ASCII), so what we analyse is where a click would really go.
  try {
    host = new URL('http://' + (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host) + '/').hostname;
  } catch {
    try {
      host = toASCII(host);
    } catch {
      return undefined;
    }
  }
  const ascii = host.replace(/\.+$/, '');
  if (!ascii) return undefined;
  const parsed = parse(ascii, { allowPrivateDomains: false });
  const isIp = Boolean(parsed.isIp) || ascii.startsWith('[');
  let unicode = ascii;
  try {
    unicode = toUnicode(ascii);
  } catch {
    unicode = ascii;
  }
  return {
    ascii,
    unicode,
    registrable: isIp ? undefined : parsed.domain ?? undefined,
    publicSuffix: isIp ? undefined : parsed.publicSuffix ?? undefined,
    isIp,
  };
}

// The ASCII (punycode) form of a host name, exactly as canonicalHost (hosts.ts) computes it, but
// without the public suffix list: the Report button normalises the security mailbox's domain with
// it and must stay small (see src/policy/reporting.ts).
import { toASCII } from 'punycode/';

/** Longer inputs are not host names (253 ASCII characters, allowing for Unicode before punycode). */
const MAX_HOST_INPUT = 253 * 4;

export function stripTrailingDots(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x2e) end--;
  return end === value.length ? value : value.slice(0, end);
}

// Code points the WHATWG URL parser forbids in a host; a host containing one cannot be visited.
const FORBIDDEN_HOST_CHARS = /[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/;

/** A bracketed or bare IPv6 literal (two or more colons), with an optional :port dropped otherwise. */
function prepareForUrl(host: string): string {
  if (host.startsWith('[')) return host;
  const colons = host.split(':').length - 1;
  if (colons >= 2) return `[${host}]`;
  // "example.com:8080": the port is not part of the host.
  if (colons === 1 && /:\d{0,5}$/.test(host)) return host.slice(0, host.lastIndexOf(':'));
  return host;
}

/**
 * Lower-case ASCII host without trailing dot ("Ｅｘａｍｐｌｅ.jp." -> "example.jp", IDN -> "xn--…");
 * undefined when the input cannot be a host name.
 */
export function asciiHost(input: string): string | undefined {
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
  return stripTrailingDots(host.toLowerCase()) || undefined;
}

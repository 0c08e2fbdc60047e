// Link rewriters: the click-time protection of mail gateways (the recipient's own, or a hop's on
// the way) replaces every link with one on the vendor's host. Exported as they are, those links are
// the gateway's infrastructure ("clicktime.symantec.com" as a malicious domain), and two unrelated
// lures that passed the same gateway would share a host. The destination is recovered here before
// indicators are extracted. A rewriter that keeps only the destination's domain (Mimecast) yields
// that domain and no URL; one whose destination cannot be recovered at all yields nothing.
//
// Formats (as the vendors write them; all bounded by MAX_WRAPPED_LENGTH and MAX_DEPTH):
// - Microsoft Defender Safe Links: https://<region>.safelinks.protection.outlook.com/?url=<encoded>&data=…
// - Proofpoint URL Defense v1: /v1/url?u=<encoded>&k=…; v2: /v2/url?u=<"-" for "%", "_" for "/">&d=…;
//   v3: /v3/__<url>__;<base64url of the characters replaced by "*">!!…
// - Symantec (Broadcom) click-time: https://clicktime.symantec.com/<token>?u=<encoded>
// - Barracuda Link Protection: https://linkprotect.cudasvc.com/url?a=<encoded>&c=…
// - Cisco Secure Email: https://secure-web.cisco.com/<token>/<encoded>
// - Sophos time-of-click: https://<region>.protection.sophos.com/?d=<domain>&u=<base64 url>
// - Trend Micro: https://<host>.trendmicro.com/wis/clicktime/v1/query?url=<encoded>
// - Trellix (FireEye): https://protect2.fireeye.com/v1/url?k=…&u=<encoded>
// - Mimecast: https://protect-<region>.mimecast.com/s/<token>?domain=<domain> (the URL stays with Mimecast)

/** A wrapper inside a wrapper happens (two gateways); deeper is abuse. */
const MAX_DEPTH = 4;
/** Only the first part of a very long link is read; real wrapped links are well below this. */
const MAX_WRAPPED_LENGTH = 8192;

export interface Unwrapped {
  /** The destination URL, when the rewriter kept it. */
  href?: string;
  /** The destination's domain, when only that survived (Mimecast). */
  domain?: string;
  /** Rewriters removed, outermost first; empty when the link was not rewritten. */
  rewriters: string[];
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** First value of a query parameter, percent-decoded ("+" is a space in form encoding). */
function parameter(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  return value === null ? undefined : value;
}

function base64Text(value: string): string | undefined {
  const clean = value.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const text = Buffer.from(clean, 'base64').toString('utf8');
  return text.includes('\uFFFD') ? undefined : text;
}

/** Proofpoint v3: "*" stands for one byte of the trailer, "**X" for a run whose length X encodes. */
const V3_LENGTHS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function proofpointV3(path: string): string | undefined {
  const match = /^\/v3\/__(.+?)__;([A-Za-z0-9_-]*)/.exec(path);
  if (!match) return undefined;
  const [, body, trailer] = match;
  const replaced = Buffer.from(trailer.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  const chars = [...replaced];
  let offset = 0;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '*') {
      out += body[i];
      continue;
    }
    let length = 1;
    if (body[i + 1] === '*' && i + 2 < body.length) {
      const code = V3_LENGTHS.indexOf(body[i + 2]);
      if (code < 0) return undefined;
      length = code + 2;
      i += 2;
    }
    if (offset + length > chars.length) return undefined;
    out += chars.slice(offset, offset + length).join('');
    offset += length;
  }
  return out;
}

function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain);
}

interface Step {
  rewriter: string;
  href?: string;
  domain?: string;
}

/** One rewriter layer, or undefined when `url` is not a known rewriter's link. */
function unwrapOnce(url: URL): Step | undefined {
  const host = url.hostname.toLowerCase();
  if (hostIs(host, 'safelinks.protection.outlook.com') || hostIs(host, 'safelinks.protection.office365.us')) {
    return { rewriter: 'Microsoft Safe Links', href: parameter(url, 'url') };
  }
  if (host === 'urldefense.proofpoint.com' || host === 'urldefense.com' || host === 'urldefense.us') {
    const rewriter = 'Proofpoint URL Defense';
    if (url.pathname.startsWith('/v1/')) return { rewriter, href: parameter(url, 'u') };
    if (url.pathname.startsWith('/v2/')) {
      // searchParams already turned "%xx" escapes back; v2 escapes are "-xx" and "_" for "/".
      const raw = /[?&]u=([^&]*)/.exec(url.search)?.[1];
      return { rewriter, href: raw === undefined ? undefined : decode(raw.replace(/-/g, '%').replace(/_/g, '/')) };
    }
    if (url.pathname.startsWith('/v3/')) {
      // The wrapped URL's own "?" and "#" put part of it in the wrapper's query and fragment.
      const wrapped = url.pathname + url.search + url.hash;
      return { rewriter, href: proofpointV3(decode(wrapped) ?? wrapped) };
    }
    return { rewriter };
  }
  if (hostIs(host, 'clicktime.symantec.com')) return { rewriter: 'Symantec click-time protection', href: parameter(url, 'u') };
  if (hostIs(host, 'linkprotect.cudasvc.com')) return { rewriter: 'Barracuda Link Protection', href: parameter(url, 'a') };
  if (hostIs(host, 'secure-web.cisco.com')) {
    // The destination is the rest of the path after the token, percent-encoded once.
    const rest = /^\/[^/]+\/(.+)$/.exec(url.pathname)?.[1];
    return { rewriter: 'Cisco Secure Email', href: rest ? decode(rest) : undefined };
  }
  if (hostIs(host, 'protection.sophos.com')) {
    const encoded = parameter(url, 'u');
    return { rewriter: 'Sophos time-of-click', href: encoded ? base64Text(encoded) : undefined, domain: parameter(url, 'd') };
  }
  if (hostIs(host, 'trendmicro.com') && url.pathname.includes('/clicktime/')) return { rewriter: 'Trend Micro click-time', href: parameter(url, 'url') };
  if (hostIs(host, 'protect2.fireeye.com') || hostIs(host, 'protect.fireeye.com')) return { rewriter: 'Trellix URL protection', href: parameter(url, 'u') };
  if (hostIs(host, 'mimecast.com') || hostIs(host, 'mimecastprotect.com')) {
    if (!url.pathname.startsWith('/s/')) return undefined;
    return { rewriter: 'Mimecast URL Protect', domain: parameter(url, 'domain') };
  }
  return undefined;
}

function parse(href: string): URL | undefined {
  try {
    const url = new URL(href.trim().slice(0, MAX_WRAPPED_LENGTH));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a link really leads once known rewriters are removed. A link that is not rewritten comes
 * back as it was; a rewritten link whose destination is lost comes back with neither href nor domain.
 */
export function unwrapRewrites(href: string): Unwrapped {
  const rewriters: string[] = [];
  let current = href;
  let url = parse(current);
  for (let depth = 0; url && depth < MAX_DEPTH; depth++) {
    const step = unwrapOnce(url);
    if (!step) break;
    rewriters.push(step.rewriter);
    const inner = step.href ? parse(step.href) : undefined;
    if (!inner) {
      const domain = step.domain?.trim().toLowerCase();
      return { rewriters, domain: domain && /^[a-z0-9.-]{1,253}$/.test(domain) ? domain : undefined };
    }
    current = step.href!;
    url = inner;
  }
  return { href: current, rewriters };
}

// Helpers the link rules share: where a link really goes (through Safe Links and URL Defense
// wrappers), host-list membership in O(labels), and what a link's visible text claims.
import { parse } from 'tldts';
import { canonicalHost, type CanonicalHost } from '../../../mail/hosts';
import { normalizeText } from '../../text/normalize';

/**
 * Top-level domains that abuse statistics list as mostly malicious (Spamhaus's "most abused TLDs",
 * Interisle's Phishing Landscape reports): a weak hint for a link or a sender, and the only endings
 * under which a brand's name counts as an imitation rather than the brand's own country domain.
 * .shop, .live and .best are in Spamhaus's and Interisle's 2021–2024 lists of the most abused; .online,
 * .site, .store, .website, .club, .vip, .work and .life are the cheap generic endings those same reports
 * rank among the new gTLDs with the most phishing and spam domains.
 */
export const ABUSED_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'click', 'icu', 'buzz', 'cyou', 'sbs', 'cfd', 'rest', 'monster', 'quest', 'bond', 'lol', 'mom',
  'tk', 'ml', 'ga', 'cf', 'gq', 'cn', 'cc', 'pw', 'su', 'ws', 'info', 'space', 'fun', 'beauty', 'hair', 'autos', 'boats', 'homes',
  'shop', 'live', 'best', 'online', 'site', 'store', 'website', 'club', 'vip', 'work', 'life',
]);

/** Redirect wrappers are unwrapped at most this deep (a wrapper inside a wrapper happens; deeper is abuse). */
const MAX_UNWRAP_DEPTH = 3;
/** Longer hrefs are still analysed, but only their first part is parsed for wrapped URLs. */
const MAX_HREF_LENGTH = 8192;

/**
 * The scheme a browser would see: it removes tabs and newlines anywhere and control characters
 * and spaces at the start, so "java\tscript:" is still javascript:.
 */
export function schemeOf(href: string): string {
  let cleaned = '';
  const limit = Math.min(href.length, 64);
  for (let i = 0; i < limit; i++) {
    const code = href.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (cleaned.length === 0 && code <= 0x20) continue;
    cleaned += href[i];
  }
  return /^([a-z][a-z0-9+.-]{0,31}):/i.exec(cleaned)?.[1]?.toLowerCase() ?? '';
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Value of one query parameter (first occurrence), decoded; no URLSearchParams in the engine. */
export function queryParameter(search: string, name: string): string | undefined {
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query.split('&', 200)) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (key.toLowerCase() === name) return safeDecode(equals < 0 ? '' : pair.slice(equals + 1));
  }
  return undefined;
}

export function parseWebUrl(href: string): URL | undefined {
  const trimmed = href.trim().slice(0, MAX_HREF_LENGTH);
  const scheme = schemeOf(trimmed);
  if (scheme !== 'http' && scheme !== 'https' && scheme !== '') return undefined;
  try {
    return new URL(scheme ? trimmed : 'http://' + trimmed.replace(/^\/+/, ''));
  } catch {
    return undefined;
  }
}

/** Proofpoint URL Defense, including its instance for US government customers (urldefense.us). */
function isUrlDefense(host: string): boolean {
  return host === 'urldefense.proofpoint.com' || host === 'urldefense.com' || host === 'urldefense.us';
}

function isWrapperHost(host: string): boolean {
  return host.endsWith('safelinks.protection.outlook.com') || isUrlDefense(host);
}

/** One level of a known link-protection wrapper: the inner URL and the service's name. */
function unwrapOnce(url: URL): { inner: string; service: string } | undefined {
  const host = url.hostname.toLowerCase();
  // Microsoft Defender Safe Links: https://<region>.safelinks.protection.outlook.com/?url=<encoded>&data=...
  if (host.endsWith('.safelinks.protection.outlook.com') || host === 'safelinks.protection.outlook.com') {
    const inner = queryParameter(url.search, 'url');
    return inner ? { inner, service: 'Microsoft Safe Links' } : undefined;
  }
  if (isUrlDefense(host)) {
    // v2: /v2/url?u=<url with "-" for "%" and "_" for "/">
    const v2 = queryParameter(url.search, 'u');
    if (v2 && url.pathname.startsWith('/v2/')) {
      const inner = safeDecode(v2.replace(/-/g, '%').replace(/_/g, '/'));
      return inner ? { inner, service: 'Proofpoint URL Defense' } : undefined;
    }
    // v3: /v3/__<url>__;<checksum>!!...
    const v3 = /^\/v3\/__(.+?)__;/.exec(url.pathname + url.search);
    if (v3) return { inner: v3[1], service: 'Proofpoint URL Defense' };
  }
  return undefined;
}

export interface LinkTarget {
  /** The innermost URL after removing known wrappers (the original href when there are none). */
  href: string;
  host?: CanonicalHost;
  url?: URL;
  /** Names of the wrappers removed, outermost first. */
  wrappers: string[];
}

/**
 * Where the link really leads: known protection wrappers removed, host canonicalised. `knownHost`
 * (the view's canonical host of `href`) is reused when nothing was unwrapped.
 */
export function resolveTarget(href: string, knownHost?: CanonicalHost): LinkTarget {
  // Most links are not wrapped: when the host is known and is no wrapper, there is nothing to parse.
  if (knownHost && !isWrapperHost(knownHost.ascii)) return { href: href.trim(), host: knownHost, wrappers: [] };
  let current = href.trim();
  const wrappers: string[] = [];
  let url = parseWebUrl(current);
  for (let depth = 0; url && depth < MAX_UNWRAP_DEPTH; depth++) {
    const unwrapped = unwrapOnce(url);
    if (!unwrapped) break;
    const innerUrl = parseWebUrl(unwrapped.inner);
    if (!innerUrl) break;
    wrappers.push(unwrapped.service);
    current = unwrapped.inner;
    url = innerUrl;
  }
  const host = wrappers.length === 0 && knownHost ? knownHost : url ? canonicalHost(url.hostname) : undefined;
  return { href: current, url, host, wrappers };
}

/** Decodes base64url / base64 text (at most 4 KiB) as UTF-8; undefined when it is not valid. */
function decodeBase64(value: string): string | undefined {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const clean = value.slice(0, 4096).replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    let index = alphabet.indexOf(char);
    if (index < 0) index = char === '-' || char === '+' ? 62 : char === '_' || char === '/' ? 63 : -1;
    if (index < 0) return undefined;
    buffer = (buffer << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Redirect pages of big sites that send the browser anywhere (open redirects): a phisher puts a
 * trusted name in front of the real destination. Returns the destination and the service's name.
 */
export function openRedirect(url: URL): { inner: string; service: string } | undefined {
  const host = url.hostname.toLowerCase();
  const site = brandLabel(host);
  let inner: string | undefined;
  let service = '';
  if (site === 'google' && host.startsWith('translate.') && url.pathname.startsWith('/translate')) {
    inner = queryParameter(url.search, 'u');
    service = 'Google Translate';
  } else if (site === 'google' && url.pathname === '/url') {
    inner = queryParameter(url.search, 'q') ?? queryParameter(url.search, 'url');
    service = 'Google';
  } else if (site === 'bing' && url.pathname === '/ck/a') {
    const encoded = queryParameter(url.search, 'u');
    inner = encoded?.startsWith('a1') ? decodeBase64(encoded.slice(2)) : undefined;
    service = 'Bing';
  } else if (site === 'youtube' && url.pathname === '/redirect') {
    inner = queryParameter(url.search, 'q');
    service = 'YouTube';
  } else if ((host === 'l.facebook.com' || host === 'lm.facebook.com') && url.pathname === '/l.php') {
    inner = queryParameter(url.search, 'u');
    service = 'Facebook';
  } else if (host === 'l.instagram.com') {
    inner = queryParameter(url.search, 'u');
    service = 'Instagram';
  } else if (site === 'linkedin' && url.pathname.startsWith('/redir/redirect')) {
    inner = queryParameter(url.search, 'url');
    service = 'LinkedIn';
  }
  return inner ? { inner, service } : undefined;
}

/** A URL carried inside another: "https://…", "//…" or "www.…", plain or percent-encoded. */
const CARRIED_URL = /(?:https?(?::|%3a)(?:\/|%2f){2}|(?:^|[=/])www\.)/i;
const QUERY_PARAMETER_LIMIT = 50;

/** Base64 shorter than this holds no web address; longer values are not decoded. */
const BASE64_MIN = 16;
const BASE64_MAX = 2048;
/** A path segment that is a host name with its path percent-encoded: "appbnb.web.app%2Fclaim". */
const HOST_SEGMENT = /^(?:[a-z0-9](?:[a-z0-9-]{0,62})\.){1,8}[a-z]{2,24}%2f/i;
const PATH_SEGMENT_LIMIT = 20;

/** A query value that is base64 of a web address (plain or percent-encoded), as some click-trackers write it. */
function base64Destination(value: string): string | undefined {
  if (value.length < BASE64_MIN || value.length > BASE64_MAX || !/^[A-Za-z0-9+/_-]+=*$/.test(value)) return undefined;
  const decoded = decodeBase64(value);
  const text = decoded && /^https?(?::|%3a)/i.test(decoded) ? (decoded.includes('://') ? decoded : safeDecode(decoded)) : undefined;
  return text && /^https?:\/\/[^\s/]/i.test(text) ? text : undefined;
}

/**
 * The destination a link carries in its query or path, the way click-trackers and open redirects
 * do (…/click?url=https%3A%2F%2Fevil.example, …/redirect/https://evil.example): the first query
 * value or path tail that is itself a web address. Undefined when the link carries none. With
 * `tracker` (the link's host is a known click-tracker), also the forms trackers write it in: a
 * query value in base64 (…/link-tracker?redirectUrl=aHR0cHM6Ly9…) and a path segment that is a host
 * with its path percent-encoded (…/3s/shop.example%2Foffer/…). Linear in the link's length; only
 * the first MAX_HREF_LENGTH characters are read.
 */
export function carriedDestination(href: string, tracker = false): string | undefined {
  const trimmed = href.trim().slice(0, MAX_HREF_LENGTH);
  const schemeEnd = trimmed.indexOf('//');
  const rest = schemeEnd >= 0 ? trimmed.slice(schemeEnd + 2) : trimmed;
  if (!tracker && !CARRIED_URL.test(rest)) return undefined;
  const url = parseWebUrl(trimmed);
  if (!url) return undefined;
  const query = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  for (const pair of query.split('&', QUERY_PARAMETER_LIMIT)) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const value = safeDecode(pair.slice(equals + 1))?.trim();
    if (value && /^(?:https?:\/\/|\/\/|www\.)[^\s/]/i.test(value)) return value.startsWith('//') ? 'https:' + value : value;
    const encoded = tracker && value ? base64Destination(value) : undefined;
    if (encoded) return encoded;
  }
  const path = safeDecode(url.pathname) ?? url.pathname;
  const inPath = /https?:\/\/?[^\s/]/i.exec(path);
  if (inPath) return path.slice(inPath.index).replace(/^(https?:)\/(?!\/)/i, '$1//');
  if (!tracker) return undefined;
  for (const segment of url.pathname.split('/', PATH_SEGMENT_LIMIT)) {
    if (HOST_SEGMENT.test(segment)) return 'https://' + (safeDecode(segment) ?? segment);
  }
  return undefined;
}

/** True when the host or one of its parent domains is in the set (O(labels), not O(set)). */
export function hostInSet(host: string | undefined, set: ReadonlySet<string>): boolean {
  if (!host || set.size === 0) return false;
  let rest = host.toLowerCase();
  for (let guard = 0; guard < 127; guard++) {
    if (set.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot < 0) return false;
    rest = rest.slice(dot + 1);
  }
  return false;
}

/** Same site for a reader: same registrable domain, or the same IP address. */
export function sameSite(a: CanonicalHost, b: CanonicalHost): boolean {
  if (a.isIp || b.isIp) return a.ascii === b.ascii;
  return Boolean(a.registrable) && a.registrable === b.registrable;
}

const LEADING = new Set(['<', '(', '[', '"', "'", '「', '『']);
const TRAILING = new Set(['>', ')', ']', '"', "'", '」', '』', '.', ',', ';', ':', '!', '?']);

/** Brackets and quotes around a URL, and sentence punctuation after it, are not part of it. */
function trimPunctuation(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && LEADING.has(value[start])) start++;
  while (end > start && TRAILING.has(value[end - 1])) end--;
  return value.slice(start, end);
}

/** Top-level domains that are also common file extensions: "invoice.zip" as link text is a file name. */
const FILE_LIKE_SUFFIXES = new Set(['zip', 'mov']);

/**
 * The host the visible text of a link names, when the text is itself a URL or a bare domain
 * ("https://www.example.co.jp/login", "paypal.com", "ｐａｙｐａｌ．ｃｏｍ"). Undefined for ordinary
 * words ("Click here"), e-mail addresses and file names ("report.pdf").
 */
/** Characters that normalise to "." (ASCII, full-width, small and one-dot-leader full stops). */
const DOT_LIKE = /[.\uff0e\ufe52\u2024]/;

export function hostNamedByText(text: string): CanonicalHost | undefined {
  // Cheap exits first: most link texts ("Read more", 「詳しくはこちら」) contain no dot at all.
  if (text.length > 2048 || !DOT_LIKE.test(text)) return undefined;
  let shown = trimPunctuation(normalizeText(text));
  if (!shown || shown.includes(' ')) {
    // Allow a short phrase that contains one explicit URL ("Log in at https://example.com").
    if (shown.length > 200) return undefined;
    const explicit = /(?:https?:\/\/|www\.)[^\s<>"'」』]+/.exec(shown);
    if (!explicit) return undefined;
    shown = trimPunctuation(explicit[0]);
  }
  const explicitScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(shown);
  if (!explicitScheme && /^[a-z][a-z0-9+.-]*:/.test(shown) && !/^[^:/]+:\d/.test(shown)) return undefined; // mailto:, tel:
  const authority = (explicitScheme ? shown.slice(shown.indexOf('//') + 2) : shown).split(/[/?#\\]/, 1)[0];
  if (!authority || authority.includes('@')) return undefined;
  const hostPart = authority.replace(/:\d{1,5}$/, '');
  if (!hostPart.includes('.') && !hostPart.startsWith('[')) return undefined;
  const host = canonicalHost(hostPart);
  if (!host) return undefined;
  // Only a plain dotted quad or a bracketed IPv6 literal reads as an address to a person ("v1.2" does not).
  if (host.isIp) return /^(?:\d{1,3}\.){3}\d{1,3}$/.test(hostPart) || hostPart.startsWith('[') ? host : undefined;
  const parsed = parse(host.ascii, { allowPrivateDomains: false });
  if (!parsed.isIcann || !parsed.domain) return undefined;
  if (!explicitScheme && !shown.startsWith('www.') && FILE_LIKE_SUFFIXES.has(parsed.publicSuffix ?? '')) return undefined;
  return host;
}

/**
 * Bare domain names mentioned inside a short link text ("本人認証サービス (smbc-card.com)"), at most
 * three. Used only to compare against known organisations' domains: in ordinary prose a domain
 * name next to a link is too often a different site to count as a claim by itself.
 */
export function domainsMentioned(text: string): CanonicalHost[] {
  if (text.length > 300 || !DOT_LIKE.test(text)) return [];
  const hosts: CanonicalHost[] = [];
  for (const match of normalizeText(text).matchAll(/(?:^|[^a-z0-9.@-])((?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){1,4}[a-z]{2,24})(?![a-z0-9@-])/g)) {
    const host = hostNamedByText(match[1]);
    if (host) hosts.push(host);
    if (hosts.length >= 3) break;
  }
  return hosts;
}

/** The first label of a registrable domain: "amazon" for amazon.co.jp, "mofa" for mofa.go.jp. */
export function brandLabel(domain: string): string | undefined {
  const parsed = parse(domain, { allowPrivateDomains: false });
  return parsed.domainWithoutSuffix ?? undefined;
}

/** Private, loopback, link-local and similar addresses that do not lead to the internet. */
export function isNonPublicIp(host: CanonicalHost): boolean {
  const ascii = host.ascii;
  if (ascii.startsWith('[')) {
    const v6 = ascii.slice(1, -1);
    return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
  }
  const parts = ascii.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part))) return false;
  const [a, b] = parts;
  return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/** Display form of a host: the Unicode form when it differs, so readers see what the attacker wrote. */
export function displayHost(host: CanonicalHost): string {
  return host.unicode !== host.ascii ? `${host.unicode} (${host.ascii})` : host.ascii;
}

/** Shortens long URLs for evidence: the reader needs the host and the start of the path. */
export function clip(value: string, max = 200): string {
  return value.length > max ? value.slice(0, max - 1) + '…' : value;
}

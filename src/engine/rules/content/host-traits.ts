// What a link's host says by itself, shared by the link rules: publishing services anyone can put a
// page on, free site builders, brand infrastructure, a brand's name inside someone else's host, a
// meeting service's name in a meeting link's host, a domain dressed up as a subdomain, and the
// forms a recipient's address takes inside a link. Lists carry their reasons; every check is a few
// set look-ups over the host's labels.
import { parse } from 'tldts';
import type { ResolvedPolicy } from '../../../policy/types';
import type { CanonicalHost } from '../../../mail/hosts';
import { isWithinDomains } from '../../view';
import { HOSTED_FORM_HOSTS } from '../../../policy/data/hosts';
import { ABUSED_TLDS, brandLabel, hostInSet } from './links';
import { randomLabel } from '../../text/random-string';

/**
 * Publishing platforms seen far more often in phishing than in business mail. cloudfunctions.net is Google
 * Cloud Functions' default address (REGION-PROJECT.cloudfunctions.net, in Google's documentation), the
 * sibling of Cloud Run's run.app; reports on phishing hosted on Google Cloud name both.
 */
export const ABUSED_HOSTING: ReadonlySet<string> = new Set([
  'ipfs.io', 'dweb.link', 'cloudflare-ipfs.com', 'w3s.link', 'nftstorage.link', 'mypinata.cloud', '4everland.io', 'fleek.co',
  'r2.dev', 'pages.dev', 'workers.dev', 'web.app', 'firebaseapp.com', 'firebasestorage.googleapis.com', 'run.app', 'cloudfunctions.net',
  'ngrok.io', 'ngrok.app', 'ngrok-free.app', 'ngrok-free.dev', 'trycloudflare.com', 'loca.lt', 'serveo.net',
  '000webhostapp.com', 'glitch.me', 'repl.co', 'replit.dev', 'replit.app', 'translate.goog', 'tiiny.site', 'surge.sh',
  'duckdns.org', 'ddns.net', 'hopto.org', 'zapto.org', 'sytes.net', 'no-ip.org', 'serveftp.com', 'freeddns.org', 'dynv6.net',
]);

/** Free site builders and storage buckets: legitimate small sites live here too, so a weak hint. */
export const FREE_SITES: ReadonlySet<string> = new Set([
  'weebly.com', 'weeblysite.com', 'wixsite.com', 'blogspot.com', 'github.io', 'netlify.app', 'vercel.app', 'webflow.io',
  'square.site', 'notion.site', 'framer.website', 'framer.app', 'godaddysites.com', 'carrd.co', 'gitbook.io', 'sites.google.com',
  'storage.googleapis.com', 'blob.core.windows.net', 'web.core.windows.net', 'azurewebsites.net', 'cloudapp.azure.com',
  'herokuapp.com', 'b-cdn.net', 'contabostorage.com', 'digitaloceanspaces.com', 'backblazeb2.com', 's3.amazonaws.com',
  'yolasite.com', 'site123.me', 'mystrikingly.com', 'webnode.page', 'jimdosite.com',
]);

const HOSTED_FORM_SITES: ReadonlySet<string> = new Set(HOSTED_FORM_HOSTS.filter((entry) => !entry.includes('/')));
const HOSTED_FORM_PATHS: ReadonlySet<string> = new Set(HOSTED_FORM_HOSTS.filter((entry) => entry.includes('/')));

/** The link opens a form builder's page (policy/data/hosts.ts HOSTED_FORM_HOSTS), by host or by host and first path segment. */
export function isHostedForm(host: CanonicalHost, href: string): boolean {
  if (hostInSet(host.ascii, HOSTED_FORM_SITES)) return true;
  if (HOSTED_FORM_PATHS.size === 0) return false;
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/([^/?#]{1,40})/i.exec(href)?.[1]?.toLowerCase();
  return path !== undefined && HOSTED_FORM_PATHS.has(host.ascii + '/' + path);
}

/**
 * A subdomain label that reads as machine-generated ("6so1xs7e.plp7.ru", "qutnudnz.example.info"), by
 * the same test as the sender's domain (randomLabel in text/random-string.ts): phishing kits give every
 * message a subdomain of its own under one wildcard domain, so that blocking one address stops
 * nothing. The registrable name itself is left to the sender rules (a real site's name can be all
 * consonants: "freshrpms.net"), and so are hosts on shared platforms (the Public Suffix List's private
 * section), which assign their tenants codes: d15k2d11r6t6rl.cloudfront.net.
 */
export function generatedSubdomain(host: CanonicalHost): { label: string; reason: { en: string; ja: string } } | undefined {
  if (host.isIp || !host.registrable || host.ascii === host.registrable || !host.ascii.endsWith('.' + host.registrable)) return undefined;
  for (const label of host.ascii.slice(0, -host.registrable.length - 1).split('.', 127)) {
    const reason = randomLabel(label);
    // The private section is consulted only for a random-looking label (a parse per host costs more than the test).
    if (reason) return parse(host.ascii, { allowPrivateDomains: true }).isPrivate ? undefined : { label, reason };
  }
  return undefined;
}

/** Fewer letters and digits beside the foreign ones are a word with an accent ("münchen", "café"), not a code. */
const SALTED_MIN_ASCII = 8;

/**
 * A generated subdomain label salted with letters of another alphabet ("ðwpzkvÿbxqrœtl.webrentals.example"):
 * its letters and digits alone read as generated (randomLabel), and the foreign letters between them make
 * the address internationalised, so that filters matching plain host names miss it. That is evasion, not
 * a name: sites named in other alphabets write whole words ("例え.example.jp", "münchen.example.de").
 * The site's name itself is not judged, also under a shared platform's suffix (a tenant's name is its own).
 */
export function saltedSubdomain(host: CanonicalHost): string | undefined {
  if (host.isIp || !host.ascii.includes('xn--')) return undefined;
  // The site's own name, with shared platforms' suffixes as suffixes (webrentals.eu.com, tenant.pages.dev): only what is in front of it is judged.
  const site = parse(host.ascii, { allowPrivateDomains: true }).domain;
  if (!site || site.includes('xn--') || host.ascii === site || !host.unicode.endsWith('.' + site)) return undefined;
  for (const label of host.unicode.slice(0, -site.length - 1).split('.', 127)) {
    const plain = label.replace(/[^a-z0-9]/g, '');
    if (plain.length !== label.length && plain.length >= SALTED_MIN_ASCII && randomLabel(plain)) return label;
  }
  return undefined;
}

/** Brand infrastructure whose names contain the brand but which the lists of brand domains often omit. */
export const BRAND_INFRASTRUCTURE: ReadonlySet<string> = new Set([
  'amazonaws.com', 'media-amazon.com', 'ssl-images-amazon.com', 'amazon-adsystem.com', 'amazontrust.com',
  'googleapis.com', 'googleusercontent.com', 'googlemail.com', 'googlesyndication.com', 'googleadservices.com', 'googletagmanager.com',
  'microsoftonline.com', 'microsoft365.com', 'microsoftstore.com', 'paypalobjects.com', 'paypal-community.com', 'appleid.apple.com',
]);

/**
 * Meeting services whose invitations are imitated ("zoom-us.join-meeting.top", "teams-meet.live-
 * invite.com"): a host using the service's name as a whole part outside its domains. "teams" is an
 * ordinary word, so it needs a meeting word beside it.
 */
const MEETING_BRANDS: readonly { token: string; brand: string; domains: readonly string[]; needsMeetingWord: boolean }[] = [
  { token: 'zoom', brand: 'Zoom', domains: ['zoom.us', 'zoom.com', 'zoomgov.com'], needsMeetingWord: false },
  { token: 'webex', brand: 'Webex', domains: ['webex.com', 'cisco.com'], needsMeetingWord: false },
  { token: 'gotomeeting', brand: 'GoTo Meeting', domains: ['gotomeeting.com', 'goto.com'], needsMeetingWord: false },
  { token: 'teams', brand: 'Microsoft Teams', domains: ['microsoft.com', 'live.com', 'office.com'], needsMeetingWord: true },
];
const MEETING_WORDS = new Set(['meet', 'meeting', 'meetings', 'join', 'invite', 'invitation', 'webinar', 'call', 'conference', 'microsoft', 'ms']);

export function meetingBrandInHost(host: CanonicalHost): (typeof MEETING_BRANDS)[number] | undefined {
  const parts = host.ascii.split(/[.\-_0-9]+/);
  for (const meeting of MEETING_BRANDS) {
    if (!parts.includes(meeting.token) || isWithinDomains(host.ascii, meeting.domains)) continue;
    if (meeting.needsMeetingWord && !parts.some((part) => MEETING_WORDS.has(part))) continue;
    return meeting;
  }
  return undefined;
}

/** Endings that make a subdomain read like a whole domain ("amazon.co.jp.evil.cn"). */
const DOMAIN_LIKE_ENDINGS = new Set(['com', 'net', 'org', 'gov', 'edu', 'co.jp', 'ne.jp', 'or.jp', 'go.jp', 'ac.jp', 'com.br', 'co.uk', 'com.au', 'com.cn', 'co.kr', 'com.tw', 'com.hk', 'co.in']);

/** Brand names of 3-4 letters ("jcb", "smbc") only count as a whole host part: they occur inside ordinary words. */
const SUBSTRING_TOKEN_LENGTH = 5;
/** Domain labels too common in hosts to mean a brand even when an organisation uses them. */
const GENERIC_TOKENS = new Set(['mail', 'post', 'bank', 'card', 'cloud', 'online', 'japan', 'global', 'group', 'news', 'info', 'service', 'support', 'account', 'secure', 'login', 'shop', 'store', 'office', 'docs', 'drive', 'team', 'line', 'apps', 'home', 'world', 'the']);

export interface BrandToken {
  token: string;
  /** Display name of the brand for evidence. */
  brand: string;
  domains: readonly string[];
}

const brandCache = new WeakMap<ResolvedPolicy, BrandToken[]>();
/**
 * Brand tokens are the names organisations use as their domain names: a domain label that is also
 * one of the organisation's names ("paypal" for PayPal, "jcb" for JCB, "rakuten-card" for
 * 楽天カード / Rakuten Card). Labels that are not a name ("digital" for デジタル庁, "cisco" for Webex)
 * are ordinary words or another brand and would fire on unrelated sites.
 */
export function brandTokens(policy: ResolvedPolicy): BrandToken[] {
  const cached = brandCache.get(policy);
  if (cached) return cached;
  const tokens = new Map<string, BrandToken>();
  for (const organization of policy.knownOrganizations) {
    const names = new Set(organization.names.map((name) => name.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '')));
    const brand = organization.names[0] ?? organization.domains[0] ?? '';
    for (const domain of organization.domains) {
      const label = brandLabel(domain)?.toLowerCase();
      if (!label || label.length < 3 || GENERIC_TOKENS.has(label) || tokens.has(label)) continue;
      if (names.has(label.replace(/-/g, ''))) tokens.set(label, { token: label, brand, domains: organization.domains });
    }
  }
  const list = [...tokens.values()];
  brandCache.set(policy, list);
  return list;
}

/**
 * The brand a host borrows, if any: as a whole part of the host ("amazon.vsrsv.cn", "my-jcb.x.com"),
 * or, for longer names, inside the registrable name ("securepaypal.com"). A hyphenated brand
 * ("rakuten-card") counts anywhere. The brand's name under another top-level domain
 * ("yahoo.com", "cisco.com.au") is most likely the brand itself, unless that domain is a cheap,
 * mostly abused one.
 */
export function brandInHost(host: CanonicalHost, tokens: readonly BrandToken[]): BrandToken | undefined {
  const suffix = host.publicSuffix ?? '';
  const name = suffix && host.ascii.endsWith('.' + suffix) ? host.ascii.slice(0, -suffix.length - 1) : host.ascii;
  const registrableLabel = name.slice(name.lastIndexOf('.') + 1);
  const parts = name.split(/[.\-_0-9]+/).filter(Boolean);
  const abusedTld = ABUSED_TLDS.has(suffix.split('.').pop() ?? '');
  for (const candidate of tokens) {
    const { token } = candidate;
    if (registrableLabel === token && !abusedTld) continue;
    const found = token.includes('-')
      ? name.includes(token)
      : parts.includes(token) || (token.length >= SUBSTRING_TOKEN_LENGTH && registrableLabel.includes(token));
    if (found) return candidate;
  }
  return undefined;
}

export function domainInSubdomain(host: CanonicalHost): boolean {
  if (!host.registrable || host.ascii === host.registrable) return false;
  const labels = host.ascii.slice(0, -host.registrable.length - 1).split('.');
  // A label (not the first) that reads as the end of a domain: "amazon.co.jp.x", "paypal.com.x".
  for (let i = 1; i < labels.length; i++) {
    if (DOMAIN_LIKE_ENDINGS.has(labels[i]) || (i + 1 < labels.length && DOMAIN_LIKE_ENDINGS.has(labels[i] + '.' + labels[i + 1]))) return true;
  }
  return false;
}

/** An address as base64 (phishing kits put the victim's address in the link that way), in its three alignments. */
export function base64Forms(address: string): string[] {
  if (!/^[\x20-\x7e]{6,254}$/.test(address)) return [];
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const encode = (text: string) => {
    let out = '';
    for (let i = 0; i + 2 < text.length; i += 3) {
      const n = (text.charCodeAt(i) << 16) | (text.charCodeAt(i + 1) << 8) | text.charCodeAt(i + 2);
      out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
    }
    return out;
  };
  // The complete 3-byte groups of the address at each offset: found wherever the address sits in the encoded text.
  return [encode(address), encode('\u0000' + address).slice(4), encode('\u0000\u0000' + address).slice(4)].filter((form) => form.length >= 8);
}


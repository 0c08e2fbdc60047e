// Where phishing links go, as seen in real campaigns:
// - a brand in someone else's host ("amazon.vsrsv.cn", "paypal-secure-login.com", "my-jcb-jp.cc");
// - a domain dressed up inside a subdomain ("rakuten-card.co.jp.yfcxx.com", "www.co.jp.olrzicf.cn");
// - hosting that anyone can publish on in minutes without review (IPFS gateways, Cloudflare
//   pages.dev/workers.dev/r2.dev, Firebase web.app, Cloud Run, ngrok tunnels, dynamic DNS);
// - "@" tricks (http://microsoft.com@203.0.113.9/), javascript: and data: links;
// - attached web pages that post what you type, or redirect, to a website.
// Weak hints (free site builders, cloud storage buckets, top-level domains that are mostly abused)
// only count together with another hint on the same link or with credential-lure wording: a small
// business's Wix site or a .xyz domain is not phishing by itself.
// Never counted: links to our own or trusted domains, and to the mail services' tracking hosts.
import type { Evidence, MailAttachment } from '../model';
import type { ResolvedPolicy } from '../../policy/types';
import type { Rule } from '../rule';
import type { MessageView } from '../view';
import { isWithinDomains } from '../view';
import type { CanonicalHost } from '../../mail/hosts';
import { brandLabel, clip, displayHost, hostInSet, parseWebUrl, schemeOf, sameSite } from './content/links';
import { attachmentFacts, ATTACHMENT_LIMIT, fileAttachments } from './content/attachments';

/** Publishing platforms seen far more often in phishing than in business mail. */
const ABUSED_HOSTING: ReadonlySet<string> = new Set([
  'ipfs.io', 'dweb.link', 'cloudflare-ipfs.com', 'w3s.link', 'nftstorage.link', 'mypinata.cloud', '4everland.io', 'fleek.co',
  'r2.dev', 'pages.dev', 'workers.dev', 'web.app', 'firebaseapp.com', 'firebasestorage.googleapis.com', 'run.app',
  'ngrok.io', 'ngrok.app', 'ngrok-free.app', 'ngrok-free.dev', 'trycloudflare.com', 'loca.lt', 'serveo.net',
  '000webhostapp.com', 'glitch.me', 'repl.co', 'replit.dev', 'replit.app', 'translate.goog', 'tiiny.site', 'surge.sh',
  'duckdns.org', 'ddns.net', 'hopto.org', 'zapto.org', 'sytes.net', 'no-ip.org', 'serveftp.com', 'freeddns.org', 'dynv6.net',
]);

/** Free site builders and storage buckets: legitimate small sites live here too, so a weak hint. */
const FREE_SITES: ReadonlySet<string> = new Set([
  'weebly.com', 'weeblysite.com', 'wixsite.com', 'blogspot.com', 'github.io', 'netlify.app', 'vercel.app', 'webflow.io',
  'square.site', 'notion.site', 'framer.website', 'framer.app', 'godaddysites.com', 'carrd.co', 'gitbook.io', 'sites.google.com',
  'storage.googleapis.com', 'blob.core.windows.net', 'web.core.windows.net', 'azurewebsites.net', 'cloudapp.azure.com',
  'herokuapp.com', 'b-cdn.net', 'contabostorage.com', 'digitaloceanspaces.com', 'backblazeb2.com', 's3.amazonaws.com',
  'yolasite.com', 'site123.me', 'mystrikingly.com', 'webnode.page', 'jimdosite.com',
]);

/** Top-level domains that abuse reports list as mostly malicious: a weak hint. */
const ABUSED_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'click', 'icu', 'buzz', 'cyou', 'sbs', 'cfd', 'rest', 'monster', 'quest', 'bond', 'lol', 'mom',
  'tk', 'ml', 'ga', 'cf', 'gq', 'cn', 'cc', 'pw', 'su', 'ws', 'info', 'space', 'fun', 'beauty', 'hair', 'autos', 'boats', 'homes',
]);

/** Brand infrastructure whose names contain the brand but which the lists of brand domains often omit. */
const BRAND_INFRASTRUCTURE = [
  'amazonaws.com', 'media-amazon.com', 'ssl-images-amazon.com', 'amazon-adsystem.com', 'amazontrust.com',
  'googleapis.com', 'googleusercontent.com', 'googlemail.com', 'googlesyndication.com', 'googleadservices.com', 'googletagmanager.com',
  'microsoftonline.com', 'microsoft365.com', 'microsoftstore.com', 'paypalobjects.com', 'paypal-community.com', 'appleid.apple.com',
];

/** Second-level suffixes that make a subdomain read like a whole domain ("amazon.co.jp.evil.cn"). */
const DOMAIN_LIKE_ENDINGS = new Set(['com', 'net', 'org', 'gov', 'edu', 'co.jp', 'ne.jp', 'or.jp', 'go.jp', 'ac.jp', 'com.br', 'co.uk', 'com.au', 'com.cn', 'co.kr', 'com.tw', 'com.hk', 'co.in']);

/** Brand tokens of 3-4 letters ("jcb", "smbc") only count as a whole host part: they occur inside ordinary words. */
const SUBSTRING_TOKEN_LENGTH = 5;
/** Words that are also organisation names or parts of them; too common in hosts to mean a brand. */
const GENERIC_TOKENS = new Set(['mail', 'post', 'bank', 'card', 'cloud', 'online', 'japan', 'global', 'group', 'news', 'info', 'service', 'support', 'account', 'secure', 'login', 'shop', 'store', 'office', 'docs', 'drive', 'team', 'line', 'apps', 'home', 'world', 'the']);

interface BrandToken {
  token: string;
  /** Display name of the brand for evidence. */
  brand: string;
}

const brandCache = new WeakMap<ResolvedPolicy, BrandToken[]>();

function brandTokens(policy: ResolvedPolicy): BrandToken[] {
  const cached = brandCache.get(policy);
  if (cached) return cached;
  const tokens = new Map<string, string>();
  const add = (token: string, brand: string) => {
    if (token.length >= 3 && !GENERIC_TOKENS.has(token) && !tokens.has(token)) tokens.set(token, brand);
  };
  for (const organization of policy.knownOrganizations) {
    const brand = organization.names[0] ?? organization.domains[0] ?? '';
    for (const domain of organization.domains) {
      const label = brandLabel(domain)?.toLowerCase();
      if (!label) continue;
      add(label, brand);
      for (const piece of label.split('-')) if (piece.length >= SUBSTRING_TOKEN_LENGTH) add(piece, brand);
    }
    for (const name of organization.names) {
      const word = name.normalize('NFKC').toLowerCase();
      if (/^[a-z0-9]+$/.test(word)) add(word, brand);
    }
  }
  const list = [...tokens].map(([token, brand]) => ({ token, brand }));
  brandCache.set(policy, list);
  return list;
}

function brandInHost(host: CanonicalHost, tokens: readonly BrandToken[]): BrandToken | undefined {
  const suffix = host.publicSuffix ?? '';
  const name = suffix && host.ascii.endsWith('.' + suffix) ? host.ascii.slice(0, -suffix.length - 1) : host.ascii;
  const parts = name.split(/[.\-_0-9]+/).filter(Boolean);
  for (const candidate of tokens) {
    if (candidate.token.length >= SUBSTRING_TOKEN_LENGTH ? name.includes(candidate.token) : parts.includes(candidate.token)) return candidate;
  }
  return undefined;
}

function domainInSubdomain(host: CanonicalHost): boolean {
  if (!host.registrable || host.ascii === host.registrable) return false;
  const labels = host.ascii.slice(0, -host.registrable.length - 1).split('.');
  // A label (not the first) that reads as the end of a domain: "amazon.co.jp.x", "paypal.com.x".
  for (let i = 1; i < labels.length; i++) {
    if (DOMAIN_LIKE_ENDINGS.has(labels[i]) || (i + 1 < labels.length && DOMAIN_LIKE_ENDINGS.has(labels[i] + '.' + labels[i + 1]))) return true;
  }
  return false;
}


/** True when mail from this sender's own domain is authenticated, so its own site is not a brand misuse. */
function senderAuthenticated(view: MessageView): boolean {
  const registrable = view.fromHost?.registrable;
  if (!registrable) return false;
  const auth = view.authentication;
  if (auth.dmarc?.result === 'pass') return true;
  return auth.dkim.some((signature) => signature.result === 'pass' && Boolean(signature.domain) && (signature.domain === registrable || signature.domain!.endsWith('.' + registrable)));
}

interface Signal {
  reason: string;
  strong: boolean;
  ipfs?: boolean;
}

/** What every link of one message is compared with, computed once per message. */
interface Comparison {
  policy: ResolvedPolicy;
  view: MessageView;
  tokens: readonly BrandToken[];
  knownDomains: readonly string[];
  hostSignals: Map<string, Signal[]>;
}

function linkSignals(href: string, host: CanonicalHost | undefined, comparison: Comparison): Signal[] {
  const scheme = schemeOf(href);
  if (scheme === 'javascript' || scheme === 'vbscript') return [{ reason: 'link runs a script instead of opening a page', strong: true }];
  if (scheme === 'data') {
    return /^\s*data:image\//i.test(href) ? [] : [{ reason: 'link opens a page embedded in the link itself (data: URL)', strong: true }];
  }
  if (!host) return [];
  // Newsletters link to the same few hosts many times: judge each host once per message.
  let byHost = comparison.hostSignals.get(host.ascii);
  if (!byHost) {
    byHost = hostSignals(host, comparison);
    comparison.hostSignals.set(host.ascii, byHost);
  }
  if (byHost === EXEMPT) return [];
  const signals: Signal[] = [];
  // Parsing is only needed when the address could carry user info ("…@host").
  const url = href.includes('@') ? parseWebUrl(href) : undefined;
  if (url && (url.username || url.password)) {
    signals.push({ reason: `text before "@" in the address is ignored: the link really goes to ${displayHost(host)}`, strong: true });
  }
  if (!byHost.some((signal) => signal.ipfs) && /^[a-z]*:?\/\/[^/?#]*\/ip[fn]s\//i.test(href.trim())) signals.push(IPFS_SIGNAL);
  return signals.length === 0 ? byHost : signals.concat(byHost);
}

/** Hosts never counted: ours, trusted partners', and the mail services' tracking hosts. */
const EXEMPT: Signal[] = [];
const IPFS_SIGNAL: Signal = { reason: 'page on IPFS, where anyone can publish anonymously', strong: true, ipfs: true };

function hostSignals(host: CanonicalHost, { policy, view, tokens, knownDomains }: Comparison): Signal[] {
  if (isWithinDomains(host.ascii, policy.organizationDomains) || isWithinDomains(host.ascii, policy.trustedDomains)) return EXEMPT;
  if (hostInSet(host.ascii, policy.trackingLinkHosts)) return EXEMPT;
  const signals: Signal[] = [];
  if (/(^|[.-])ipfs([.-]|$)/.test(host.ascii)) signals.push(IPFS_SIGNAL);
  else if (hostInSet(host.ascii, ABUSED_HOSTING)) signals.push({ reason: 'page on a free publishing service often used for phishing', strong: true });
  if (!isWithinDomains(host.ascii, knownDomains) && !isWithinDomains(host.ascii, BRAND_INFRASTRUCTURE)) {
    const ownSite = view.fromHost !== undefined && sameSite(host, view.fromHost) && senderAuthenticated(view);
    const brand = ownSite ? undefined : brandInHost(host, tokens);
    if (brand) signals.push({ reason: `address contains "${brand.token}" (${brand.brand}) but is not ${brand.brand}'s site`, strong: true });
    if (domainInSubdomain(host)) signals.push({ reason: `address starts like another domain but belongs to ${host.registrable}`, strong: true });
  }
  if (hostInSet(host.ascii, FREE_SITES)) signals.push({ reason: 'page on a free website builder or storage bucket', strong: false });
  const tld = host.publicSuffix?.split('.').pop();
  if (tld && ABUSED_TLDS.has(tld)) signals.push({ reason: `top-level domain .${tld} is mostly used for abuse`, strong: false });
  return signals;
}

const HTML_PAGE_LIMIT = 1 << 20;

/** What an attached web page does when opened: posts a form, redirects or assembles hidden content. */
function htmlAttachmentSignals(attachment: MailAttachment): string[] {
  const facts = attachmentFacts(attachment);
  const isPage = ['html', 'htm', 'shtml', 'xhtml', 'svg', 'mht', 'mhtml'].includes(facts.extension) || facts.sniffed === 'html' || facts.sniffed === 'svg';
  if (!isPage || !attachment.content) return [];
  const page = new TextDecoder('utf-8').decode(attachment.content.subarray(0, HTML_PAGE_LIMIT)).toLowerCase();
  const reasons: string[] = [];
  const form = /<form\b[^>]{0,500}?action\s*=\s*["']?(https?:\/\/[^"'\s>]{1,300})/.exec(page);
  if (form) reasons.push(`attached page sends what you type to ${hostOf(form[1])}`);
  const refresh = /<meta\b[^>]{0,300}?http-equiv\s*=\s*["']?refresh[^>]{0,300}?url\s*=\s*["']?(https?:\/\/[^"'\s>]{1,300})/.exec(page);
  const scripted = /location(?:\.href)?\s*=\s*["'`](https?:\/\/[^"'`\s]{1,300})|location\.(?:replace|assign)\(\s*["'`](https?:\/\/[^"'`\s]{1,300})/.exec(page);
  const target = refresh?.[1] ?? scripted?.[1] ?? scripted?.[2];
  if (target) reasons.push(`attached page redirects to ${hostOf(target)}`);
  const sends = /\b(?:fetch|\.open)\(\s*(?:["'`]post["'`]\s*,\s*)?["'`](https?:\/\/[^"'`\s]{1,300})/.exec(page);
  if (sends && !form) reasons.push(`attached page's script sends data to ${hostOf(sends[1])}`);
  if (page.includes('atob(') && longestBase64Run(page) >= 4000) reasons.push('attached page assembles hidden content from encoded text (HTML smuggling)');
  if (reasons.length > 0 && /type\s*=\s*["']?password/.test(page)) reasons.push('attached page asks for a password');
  return reasons;
}

function hostOf(url: string): string {
  const parsed = parseWebUrl(url);
  return parsed ? parsed.hostname : clip(url, 80);
}

function longestBase64Run(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const base64 = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2f || code === 0x3d;
    run = base64 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

const MAX_EVIDENCE = 6;

export const suspiciousLinkTarget: Rule = {
  id: 'suspicious-link-target',
  title: {
    en: 'A link leads to a site typical of phishing',
    ja: 'フィッシングによく使われるサイトへのリンク',
  },
  explanation: {
    en: 'A link in this message goes somewhere phishing sites usually live: an address that borrows a well-known company\'s name without being its site, a free publishing service where anyone can put up a fake sign-in page in minutes, or an address written to trick the eye. Do not open it or enter any password. If you need the service, use its app or a bookmark.',
    ja: 'このメールのリンク先は、フィッシングサイトがよく置かれる場所です。有名企業の名前を含むが本物ではないアドレス、誰でもすぐに偽のログイン画面を公開できる無料サービス、見た目をだますように書かれたアドレスなどです。開いたりパスワードを入力したりしないでください。サービスを利用する場合は、公式アプリやブックマークから開いてください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.002',
  check(message, policy, context) {
    const comparison: Comparison = {
      policy,
      view: context.view,
      tokens: brandTokens(policy),
      knownDomains: policy.knownOrganizations.flatMap((organization) => organization.domains),
      hostSignals: new Map(),
    };
    const credentialWording = context.findings.some((finding) => finding.rule === 'credential-lure');
    const evidence: Evidence[] = [];
    let high = false;
    for (const link of message.missing.includes('body') ? [] : context.view.links) {
      const signals = linkSignals(link.href, link.host, comparison);
      if (signals.length === 0) continue;
      const strong = signals.some((signal) => signal.strong);
      if (!strong && signals.length < 2 && !credentialWording) continue;
      high ||= strong && signals.length >= 2;
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({
          kind: 'link',
          text: clip(link.text),
          href: clip(link.href),
          host: link.host ? displayHost(link.host) : schemeOf(link.href) + ':',
          reason: signals.map((signal) => signal.reason).join('; '),
        });
      }
    }
    for (const attachment of fileAttachments(message.attachments).slice(0, ATTACHMENT_LIMIT)) {
      const reasons = htmlAttachmentSignals(attachment);
      if (reasons.length === 0) continue;
      high ||= reasons.length >= 2;
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({ kind: 'attachment', name: attachment.name, contentType: attachment.contentType, reason: reasons.join('; ') });
      }
    }
    if (evidence.length === 0) return undefined;
    return { severity: high ? 'high' : 'medium', evidence };
  },
};

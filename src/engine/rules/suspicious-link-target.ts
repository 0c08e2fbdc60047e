// Where phishing links go, as seen in real campaigns:
// - a brand in someone else's host ("amazon.vsrsv.cn", "paypal-secure-login.com", "my-jcb-jp.cc");
// - a domain dressed up inside a subdomain ("rakuten-card.co.jp.yfcxx.com", "www.co.jp.olrzicf.cn");
// - away from the organisation the message presents itself as (a "JCB" notice linking elsewhere);
// - hosting that anyone can publish on in minutes without review (IPFS gateways, Cloudflare
//   pages.dev/workers.dev/r2.dev, Firebase web.app, Cloud Run, ngrok tunnels, dynamic DNS);
// - through the open redirects of big sites (google.com/url, Google Translate, Bing, YouTube);
// - address tricks: "@" (http://microsoft.com@203.0.113.9/), percent-encoded host names,
//   javascript: and data: links;
// - attached web pages that post what you type, or redirect, to a website; links inside attached PDFs.
// Weak hints (free site builders, cloud storage buckets, top-level domains that are mostly abused,
// the recipient's own address inside the link) only count together with another hint on the same
// link, with credential-lure wording, or when the sender is already found to be impersonating
// someone or forged: a small business's Wix site or a .xyz domain is not phishing by itself.
// Never counted: links to our own or trusted domains, and to the mail services' tracking hosts.
// High when one link carries two independent hints, or a decisive one (an "@" trick with a fake
// host name, a page built into the link, a look-alike of the very brand the message claims to be).
import type { Evidence, Finding, LocalizedText, MailMessage } from '../model';
import type { ResolvedPolicy } from '../../policy/types';
import type { Rule } from '../rule';
import type { MessageView } from '../view';
import { isWithinDomains } from '../view';
import { canonicalHost, type CanonicalHost } from '../../mail/hosts';
import { ABUSED_TLDS, brandLabel, clip, displayHost, hostInSet, openRedirect, parseWebUrl, sameSite, schemeOf } from './content/links';
import { ATTACHMENT_LIMIT, fileAttachments } from './content/attachments';
import { findingsOf, IMPERSONATION_RULES } from './content/findings';
import { pdfLinks, webPageBehaviour } from './content/pages';
import { joinReasons } from './content/reasons';
import { hostOfAddress, knownDomainSet, listRewrite } from './sender-context';

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

/** Brand infrastructure whose names contain the brand but which the lists of brand domains often omit. */
const BRAND_INFRASTRUCTURE: ReadonlySet<string> = new Set([
  'amazonaws.com', 'media-amazon.com', 'ssl-images-amazon.com', 'amazon-adsystem.com', 'amazontrust.com',
  'googleapis.com', 'googleusercontent.com', 'googlemail.com', 'googlesyndication.com', 'googleadservices.com', 'googletagmanager.com',
  'microsoftonline.com', 'microsoft365.com', 'microsoftstore.com', 'paypalobjects.com', 'paypal-community.com', 'appleid.apple.com',
]);

/** Endings that make a subdomain read like a whole domain ("amazon.co.jp.evil.cn"). */
const DOMAIN_LIKE_ENDINGS = new Set(['com', 'net', 'org', 'gov', 'edu', 'co.jp', 'ne.jp', 'or.jp', 'go.jp', 'ac.jp', 'com.br', 'co.uk', 'com.au', 'com.cn', 'co.kr', 'com.tw', 'com.hk', 'co.in']);

/** Brand names of 3-4 letters ("jcb", "smbc") only count as a whole host part: they occur inside ordinary words. */
const SUBSTRING_TOKEN_LENGTH = 5;
/** Domain labels too common in hosts to mean a brand even when an organisation uses them. */
const GENERIC_TOKENS = new Set(['mail', 'post', 'bank', 'card', 'cloud', 'online', 'japan', 'global', 'group', 'news', 'info', 'service', 'support', 'account', 'secure', 'login', 'shop', 'store', 'office', 'docs', 'drive', 'team', 'line', 'apps', 'home', 'world', 'the']);
/** More sites than this, besides the organisation's own, make a message a publication rather than a notice. */
const NOTICE_SITES_LIMIT = 3;
const MAX_EVIDENCE = 6;

const IPFS_REASON: LocalizedText = { en: 'page on IPFS, where anyone can publish anonymously', ja: '誰でも匿名で公開できるIPFS上のページです。' };

interface BrandToken {
  token: string;
  /** Display name of the brand for evidence. */
  brand: string;
  domains: readonly string[];
}

interface Signal {
  reason: LocalizedText;
  /** Strong hints are reported alone; weak ones need company. */
  strong: boolean;
  /** Decisive hints make the finding high on their own. */
  decisive?: boolean;
}

/** The organisation a message presents itself as, and the domains that really belong to it. */
interface Presented {
  name: string;
  domains: readonly string[];
}

/** What every link of one message is compared with, computed once per message. */
interface Comparison {
  policy: ResolvedPolicy;
  view: MessageView;
  tokens: readonly BrandToken[];
  /** Every known organisation's domains, as a set for O(labels) membership. */
  knownDomains: ReadonlySet<string>;
  presented?: Presented;
  /** Hosts of the mailing list that relayed the message (List-* headers): its footer links are not the sender's. */
  listHosts: ReadonlySet<string>;
  /** The recipients' addresses, lower-case: phishing links often carry them to pre-fill a fake sign-in page. */
  recipients: readonly string[];
  hostSignals: Map<string, Signal[]>;
}

const brandCache = new WeakMap<ResolvedPolicy, BrandToken[]>();
/**
 * Brand tokens are the names organisations use as their domain names: a domain label that is also
 * one of the organisation's names ("paypal" for PayPal, "jcb" for JCB, "rakuten-card" for
 * 楽天カード / Rakuten Card). Labels that are not a name ("digital" for デジタル庁, "cisco" for Webex)
 * are ordinary words or another brand and would fire on unrelated sites.
 */
function brandTokens(policy: ResolvedPolicy): BrandToken[] {
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
function brandInHost(host: CanonicalHost, tokens: readonly BrandToken[]): BrandToken | undefined {
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

function domainInSubdomain(host: CanonicalHost): boolean {
  if (!host.registrable || host.ascii === host.registrable) return false;
  const labels = host.ascii.slice(0, -host.registrable.length - 1).split('.');
  // A label (not the first) that reads as the end of a domain: "amazon.co.jp.x", "paypal.com.x".
  for (let i = 1; i < labels.length; i++) {
    if (DOMAIN_LIKE_ENDINGS.has(labels[i]) || (i + 1 < labels.length && DOMAIN_LIKE_ENDINGS.has(labels[i] + '.' + labels[i + 1]))) return true;
  }
  return false;
}

/** True when the receiving server verified the From domain (DMARC, or a DKIM signature of that domain). */
function senderAuthenticated(view: MessageView): boolean {
  const registrable = view.fromHost?.registrable;
  if (!registrable) return false;
  const auth = view.authentication;
  if (auth.dmarc?.result === 'pass') return true;
  return auth.dkim.some((signature) => signature.result === 'pass' && Boolean(signature.domain) && (signature.domain === registrable || signature.domain!.endsWith('.' + registrable)));
}

function isExempt(host: CanonicalHost, comparison: Comparison): boolean {
  const { policy } = comparison;
  return (
    isWithinDomains(host.ascii, policy.organizationDomains) ||
    isWithinDomains(host.ascii, policy.trustedDomains) ||
    hostInSet(host.ascii, policy.trackingLinkHosts) ||
    hostInSet(host.ascii, comparison.listHosts)
  );
}

/**
 * The organisation the message presents itself as: the one its display name falsely claims
 * (organization-claim-mismatch), or the one its From address names when that address is not
 * verified. Not for publications: a message linking to many other sites is a newsletter whose
 * name happens to contain a brand ("… Apple Core"), and the sender rule says all there is to say.
 */
function presentedOrganization(message: MailMessage, findings: readonly Finding[], comparison: Comparison): Presented | undefined {
  const { policy, view } = comparison;
  // A list that rewrote From ("Amazon.co.jp via Users") keeps the author's address in Reply-To or
  // X-Original-From; the list's relaying means nobody verified that address, so a brand's domain there is a claim.
  const author = listRewrite(message)?.address;
  const authorHost = author ? hostOfAddress(author) : undefined;
  let presented: Presented | undefined;
  const claim = findings
    .filter((finding) => finding.rule === 'organization-claim-mismatch')
    .flatMap((finding) => finding.evidence)
    .find((evidence): evidence is Extract<Evidence, { kind: 'impersonation' }> => evidence.kind === 'impersonation' && evidence.expected.length > 0);
  if (claim) {
    presented = { name: claim.claimed, domains: claim.expected };
  } else if (authorHost) {
    const organization = policy.knownOrganizations.find((candidate) => isWithinDomains(authorHost.ascii, candidate.domains));
    if (organization) presented = { name: organization.names[0] ?? organization.domains[0], domains: organization.domains };
  } else if (view.fromHost && !senderAuthenticated(view)) {
    const organization = policy.knownOrganizations.find((candidate) => isWithinDomains(view.fromHost?.ascii, candidate.domains));
    if (organization) presented = { name: organization.names[0] ?? organization.domains[0], domains: organization.domains };
  }
  if (!presented || isPublication(comparison, presented.domains)) return undefined;
  return presented;
}

/**
 * A notice sends you to one or two sites; a newsletter links to many. True when the links lead to
 * more than NOTICE_SITES_LIMIT sites besides known organisations, `besides` and exempt hosts.
 */
function isPublication(comparison: Comparison, besides: readonly string[] = []): boolean {
  const elsewhere = new Set<string>();
  for (const link of comparison.view.links) {
    const host = link.host;
    if (!host || isWithinDomains(host.ascii, besides) || hostInSet(host.ascii, comparison.knownDomains) || isExempt(host, comparison)) continue;
    elsewhere.add(host.registrable ?? host.ascii);
    if (elsewhere.size > NOTICE_SITES_LIMIT) return true;
  }
  return false;
}

/** Marks hosts that are never counted (ours, trusted, tracking, the relaying list). */
const EXEMPT: Signal[] = [];
const REDIRECTOR_SITES = new Set(['google', 'bing', 'youtube', 'facebook', 'instagram', 'linkedin']);

/** Sites whose redirect pages openRedirect() understands (cheap test before parsing the URL). */
function isRedirectorHost(host: CanonicalHost): boolean {
  const registrable = host.registrable;
  return registrable !== undefined && REDIRECTOR_SITES.has(registrable.slice(0, registrable.indexOf('.')));
}

/** Hints that depend only on the host: judged once per host and message. */
function hostSignals(host: CanonicalHost, comparison: Comparison): Signal[] {
  const { view, tokens, knownDomains, presented } = comparison;
  const signals: Signal[] = [];
  if (/(^|[.-])ipfs([.-]|$)/.test(host.ascii)) signals.push({ reason: IPFS_REASON, strong: true });
  else if (hostInSet(host.ascii, ABUSED_HOSTING)) signals.push({ reason: { en: 'page on a free publishing service often used for phishing', ja: 'フィッシングによく使われる無料の公開サービス上のページです。' }, strong: true });
  if (!hostInSet(host.ascii, knownDomains) && !hostInSet(host.ascii, BRAND_INFRASTRUCTURE)) {
    const ownSite = view.fromHost !== undefined && sameSite(host, view.fromHost) && senderAuthenticated(view);
    const brand = ownSite ? undefined : brandInHost(host, tokens);
    if (brand) {
      // Imitating the very organisation the message claims to be is the phishing page itself.
      const imitatesPresented = presented !== undefined && brand.domains.some((domain) => presented.domains.includes(domain));
      signals.push({
        reason: {
          en: `address contains "${brand.token}" (${brand.brand}) but is not ${brand.brand}'s site`,
          ja: `アドレスに「${brand.token}」（${brand.brand}）を含みますが、${brand.brand}のサイトではありません。`,
        },
        strong: true,
        decisive: imitatesPresented,
      });
    }
    if (domainInSubdomain(host)) signals.push({
        reason: { en: `address starts like another domain but belongs to ${host.registrable}`, ja: `アドレスの先頭は別のドメインのように見えますが、実際は${host.registrable}のものです。` },
        strong: true,
      });
    if (presented && !isWithinDomains(host.ascii, presented.domains) && !brand) {
      const target = host.registrable ?? host.ascii;
      signals.push({
        reason: { en: `the message presents itself as ${presented.name}, but this link goes to ${target}`, ja: `このメールは${presented.name}を名乗っていますが、リンク先は${target}です。` },
        strong: true,
      });
    }
  }
  if (hostInSet(host.ascii, FREE_SITES)) signals.push({ reason: { en: 'page on a free website builder or storage bucket', ja: '無料のホームページ作成サービスまたはファイル置き場上のページです。' }, strong: false });
  const tld = host.publicSuffix?.split('.').pop();
  if (tld && ABUSED_TLDS.has(tld)) signals.push({ reason: { en: `top-level domain .${tld} is mostly used for abuse`, ja: `トップレベルドメイン「.${tld}」は、主に悪用目的で使われています。` }, strong: false });
  return signals;
}

function linkSignals(href: string, host: CanonicalHost | undefined, comparison: Comparison): Signal[] {
  const trimmed = href.trim();
  const scheme = schemeOf(trimmed);
  if (scheme === 'javascript' || scheme === 'vbscript') {
    // "javascript:void(0)" is a do-nothing button in sloppy HTML, not an attack.
    if (/^[a-z]+:\s*(?:void\s*\(?\s*0\s*\)?\s*;?|;|)$/i.test(trimmed.replace(/[\t\n\r]/g, ''))) return [];
    return [{ reason: { en: 'link runs a script instead of opening a page', ja: 'このリンクはページを開くのではなく、スクリプトを実行します。' }, strong: true }];
  }
  if (scheme === 'data') {
    return /^data:\s*image\//i.test(trimmed) ? [] : [{ reason: { en: 'link opens a page built into the link itself (data: URL)', ja: 'このリンクは、リンク自体に埋め込まれたページを開きます（data: URL）。' }, strong: true, decisive: true }];
  }
  if (!host) return [];
  let byHost = comparison.hostSignals.get(host.ascii);
  if (!byHost) {
    byHost = isExempt(host, comparison) ? EXEMPT : hostSignals(host, comparison);
    comparison.hostSignals.set(host.ascii, byHost);
  }
  if (byHost === EXEMPT) return [];
  const signals: Signal[] = [];
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*%[0-9a-f]{2}/i.test(trimmed)) {
    signals.push({ reason: { en: 'the host name is disguised with percent-encoding', ja: 'ホスト名がパーセントエンコーディングで偽装されています。' }, strong: true });
  }
  // Parsing is only needed for the rarer shapes: user info ("…@host") and redirect pages.
  const url = trimmed.includes('@') || isRedirectorHost(host) ? parseWebUrl(trimmed) : undefined;
  if (url && (url.username || url.password)) {
    const fake = decodeURIComponentSafe(url.username);
    const looksLikeHost = /[a-z0-9-]+\.[a-z]{2,}/i.test(fake);
    const shownPart = clip(fake, 60);
    signals.push({
      reason: {
        en: `the part before "@" (${shownPart}) is ignored: the link really goes to ${displayHost(host)}`,
        ja: `「@」より前の部分（${shownPart}）は無視され、実際のリンク先は${displayHost(host)}です。`,
      },
      strong: true,
      decisive: looksLikeHost,
    });
  }
  if (/^[a-z]*:?\/\/[^/?#]*\/ip[fn]s\//i.test(trimmed) && !byHost.some((signal) => signal.reason === IPFS_REASON)) {
    signals.push({ reason: IPFS_REASON, strong: true });
  }
  const redirect = url ? openRedirect(url) : undefined;
  if (redirect) {
    const inner = parseWebUrl(redirect.inner);
    const innerHost = inner ? canonicalHost(inner.hostname) : undefined;
    const sender = comparison.view.fromHost;
    if (innerHost && !sameSite(innerHost, host) && !isExempt(innerHost, comparison) && !(sender && sameSite(sender, host))) {
      signals.push({
        reason: {
          en: `link passes through ${redirect.service} to hide that it goes to ${displayHost(innerHost)}`,
          ja: `${redirect.service}を経由させて、実際のリンク先（${displayHost(innerHost)}）を隠しています。`,
        },
        strong: true,
      });
    }
  }
  const lowerHref = trimmed.toLowerCase();
  const sender = comparison.view.fromHost;
  if (!(sender && sameSite(sender, host)) && comparison.recipients.some((address) => lowerHref.includes(address) || lowerHref.includes(address.replace('@', '%40')))) {
    signals.push({ reason: { en: 'link carries your e-mail address, to pre-fill a sign-in page', ja: 'リンクにあなたのメールアドレスが含まれています。サインイン画面にあらかじめ入力させるためです。' }, strong: false });
  }
  return signals.length === 0 ? byHost : signals.concat(byHost);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The receiving server found the sender forged (authentication-failure of medium or high severity). */
function forgedSender(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.rule === 'authentication-failure' && finding.severity !== 'low');
}

function recipientsOf(message: MailMessage): string[] {
  return [...message.to, ...message.cc]
    .slice(0, 50)
    .map((recipient) => recipient.address.trim().toLowerCase())
    .filter((address) => address.length >= 6 && address.includes('@'));
}

export const suspiciousLinkTarget: Rule = {
  id: 'suspicious-link-target',
  title: {
    en: 'A link leads to a site typical of phishing',
    ja: 'フィッシングによく使われるサイトへのリンク',
  },
  explanation: {
    en: 'A link in this message goes somewhere phishing sites usually live: an address that borrows a well-known company\'s name without being its site, a site unrelated to the company the message claims to come from, a free publishing service where anyone can put up a fake sign-in page in minutes, or an address written to trick the eye. Do not open it or enter any password. If you need the service, use its app or a bookmark.',
    ja: 'このメールのリンク先は、フィッシングサイトがよく置かれる場所です。有名企業の名前を含むが本物ではないアドレス、メールが名乗る企業とは無関係のサイト、誰でもすぐに偽のログイン画面を公開できる無料サービス、見た目をだますように書かれたアドレスなどです。開いたりパスワードを入力したりしないでください。サービスを利用する場合は、公式アプリやブックマークから開いてください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.002',
  check(message, policy, context) {
    const comparison: Comparison = {
      policy,
      view: context.view,
      tokens: brandTokens(policy),
      knownDomains: knownDomainSet(policy),
      listHosts: new Set(context.view.listPageHosts),
      recipients: recipientsOf(message),
      hostSignals: new Map(),
    };
    const links = message.missing.includes('body') ? [] : context.view.links;
    if (links.length > 0) comparison.presented = presentedOrganization(message, context.findings, comparison);
    // Weak hints count when something else already says the message lies: credential wording, or an
    // impersonating sender of a notice (in a newsletter linking to dozens of sites one cheap domain means nothing).
    const corroborated =
      context.findings.some((finding) => finding.rule === 'credential-lure') ||
      ((findingsOf(context.findings, IMPERSONATION_RULES).length > 0 || forgedSender(context.findings)) && !isPublication(comparison));
    const evidence: Evidence[] = [];
    let high = false;
    const consider = (text: string, href: string, host: CanonicalHost | undefined, extra?: Signal) => {
      const signals = linkSignals(href, host, comparison);
      if (signals.length === 0) return;
      if (extra) signals.push(extra);
      const strong = signals.some((signal) => signal.strong);
      if (!strong && signals.length < 2 && !corroborated) return;
      high ||= signals.some((signal) => signal.decisive) || (strong && signals.length >= 2);
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({
          kind: 'link',
          text: clip(text),
          href: clip(href),
          host: host ? displayHost(host) : schemeOf(href) + ':',
          reason: joinReasons(signals.map((signal) => signal.reason)),
        });
      }
    };
    for (const link of links) consider(link.text, link.href, link.host);
    const attachments = fileAttachments(message.attachments).slice(0, ATTACHMENT_LIMIT);
    for (const attachment of attachments) {
      for (const href of pdfLinks(attachment)) {
        const url = parseWebUrl(href);
        const pdfName = clip(attachment.name, 60);
        consider(`(link in ${attachment.name})`, href, url ? canonicalHost(url.hostname) : undefined, {
          reason: { en: `link inside the attached PDF "${pdfName}"`, ja: `添付のPDF「${pdfName}」の中にあるリンクです。` },
          strong: false,
        });
      }
    }
    for (const attachment of attachments) {
      const reasons = webPageBehaviour(attachment);
      if (reasons.length === 0) continue;
      high ||= reasons.length >= 2;
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({ kind: 'attachment', name: attachment.name, contentType: attachment.contentType, reason: joinReasons(reasons) });
      }
    }
    if (evidence.length === 0) return undefined;
    return { severity: high ? 'high' : 'medium', evidence };
  },
};

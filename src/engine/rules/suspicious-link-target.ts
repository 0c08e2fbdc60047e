// Where phishing links go, as seen in real campaigns:
// - a brand in someone else's host ("amazon.vsrsv.cn", "paypal-secure-login.com", "my-jcb-jp.cc");
// - a domain dressed up inside a subdomain ("rakuten-card.co.jp.yfcxx.com", "www.co.jp.olrzicf.cn");
// - away from the organisation the message presents itself as (a "JCB" notice linking elsewhere);
// - hosting that anyone can publish on in minutes without review (IPFS gateways, Cloudflare
//   pages.dev/workers.dev/r2.dev, Firebase web.app, Cloud Run, ngrok tunnels, dynamic DNS);
// - through the open redirects of big sites (google.com/url, Google Translate, Bing, YouTube), and
//   generically through any link that carries its destination in the query or path: click-trackers
//   and link protectors are not judged themselves, but what they carry is; a bounce off a known
//   organisation's site is a weak hint;
// - a look-alike of a protected domain as the host (the same comparison as for sender domains), and
//   a meeting service's name (Zoom, Webex, Teams) in a meeting link's host that is not the service's;
// - address tricks: "@" (http://microsoft.com@203.0.113.9/), percent-encoded host names,
//   javascript: and data: links;
// - attached web pages that post what you type, or redirect, to a website; links inside attached PDFs.
// Weak hints (free site builders, cloud storage buckets, top-level domains that are mostly abused,
// the recipient's own address inside the link) only count together with another hint on the same
// link, with credential-lure wording, or when the sender is already found to be impersonating
// someone or forged: a small business's Wix site or a .xyz domain is not phishing by itself.
// Never counted: links to our own or trusted domains, to the mail services' tracking hosts (only
// what they carry), and to the sender's own site when authentication vouches for the sender.
// High when one link carries two independent hints, or a decisive one (an "@" trick with a fake
// host name, a page built into the link, a look-alike of the very brand the message claims to be).
import type { Evidence, Finding, LocalizedText, MailMessage } from '../model';
import type { ResolvedPolicy } from '../../policy/types';
import type { Rule } from '../rule';
import type { MessageView } from '../view';
import { isWithinDomains } from '../view';
import { canonicalHost, type CanonicalHost } from '../../mail/hosts';
import { ABUSED_TLDS, carriedDestination, clip, displayHost, hostInSet, openRedirect, parseWebUrl, sameSite, schemeOf } from './content/links';
import { lookalikeOf } from './lookalike-domain';
import { ABUSED_HOSTING, BRAND_INFRASTRUCTURE, FREE_SITES, base64Forms, brandInHost, brandTokens, domainInSubdomain, meetingBrandInHost, type BrandToken } from './content/host-traits';
import { ATTACHMENT_LIMIT, fileAttachments } from './content/attachments';
import { findingsOf, IMPERSONATION_RULES } from './content/findings';
import { pdfLinks, webPageBehaviour } from './content/pages';
import { joinReasons } from './content/reasons';
import { hostOfAddress, listRewrite } from '../sender/identity';
import { knownDomainSet } from '../sender/organizations';

/** More sites than this, besides the organisation's own, make a message a publication rather than a notice. */
const NOTICE_SITES_LIMIT = 3;
const MAX_EVIDENCE = 6;

const IPFS_REASON: LocalizedText = { en: 'page on IPFS, where anyone can publish anonymously', ja: '誰でも匿名で公開できるIPFS上のページです。' };

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
  /** The same addresses in base64, as phishing kits append them after "#" or "?e=". */
  encodedRecipients: readonly string[];
  hostSignals: Map<string, Signal[]>;
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
    const meeting = brand ? undefined : meetingBrandInHost(host);
    if (meeting) {
      signals.push({
        reason: { en: `meeting link whose address borrows the name ${meeting.brand} but is not ${meeting.brand}'s site`, ja: `会議リンクのアドレスに${meeting.brand}の名前が使われていますが、${meeting.brand}のサイトではありません。` },
        strong: true,
      });
    }
    const resemblance = brand || meeting ? undefined : lookalikeOf(host, comparison.policy);
    if (resemblance) {
      const real = resemblance.entry.domain;
      signals.push({
        reason: { en: `address imitates ${real} (${resemblance.technique})`, ja: `アドレスが${real}に似せて作られています（${resemblance.technique}）。` },
        strong: true,
        decisive: resemblance.severity === 'high' || (presented !== undefined && presented.domains.some((domain) => isWithinDomains(real, [domain]))),
      });
    }
    if (domainInSubdomain(host)) signals.push({
        reason: { en: `address starts like another domain but belongs to ${host.registrable}`, ja: `アドレスの先頭は別のドメインのように見えますが、実際は${host.registrable}のものです。` },
        strong: true,
      });
    if (presented && !isWithinDomains(host.ascii, presented.domains) && !brand && !resemblance) {
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
  const byHost = signalsOfHost(host, comparison);
  // A tracker, a link protector or the relaying list is not judged itself, but the destination it carries is.
  if (byHost === EXEMPT) return destinationSignals(trimmed, host, comparison, false);
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
  if (!redirect) signals.push(...destinationSignals(trimmed, host, comparison, true));
  const lowerHref = trimmed.toLowerCase();
  const sender = comparison.view.fromHost;
  const carriesRecipient =
    comparison.recipients.some((address) => lowerHref.includes(address) || lowerHref.includes(address.replace('@', '%40'))) ||
    comparison.encodedRecipients.some((encoded) => trimmed.includes(encoded));
  if (!(sender && sameSite(sender, host)) && carriesRecipient) {
    signals.push({ reason: { en: 'link carries your e-mail address, to pre-fill a sign-in page', ja: 'リンクにあなたのメールアドレスが含まれています。サインイン画面にあらかじめ入力させるためです。' }, strong: false });
  }
  return signals.length === 0 ? byHost : signals.concat(byHost);
}

function signalsOfHost(host: CanonicalHost, comparison: Comparison): Signal[] {
  let byHost = comparison.hostSignals.get(host.ascii);
  if (!byHost) {
    byHost = isExempt(host, comparison) || ownAlignedSite(host, comparison) ? EXEMPT : hostSignals(host, comparison);
    comparison.hostSignals.set(host.ascii, byHost);
  }
  return byHost;
}

/** A link into the sender's own site, when authentication vouches for the sender, never counts against it. */
function ownAlignedSite(host: CanonicalHost, comparison: Comparison): boolean {
  const sender = comparison.view.fromHost;
  return sender !== undefined && sameSite(host, sender) && senderAuthenticated(comparison.view);
}

/**
 * What a click-tracker or redirect carries (carriedDestination): the destination's own strong hints,
 * and, when the outer host is a known organisation's site, the bounce itself (an open redirect of a
 * trusted name used to hide the destination). Ordinary trackers of newsletters carry ordinary
 * destinations and add nothing.
 */
function destinationSignals(href: string, outer: CanonicalHost, comparison: Comparison, judgeBounce: boolean): Signal[] {
  const destination = carriedDestination(href);
  const url = destination ? parseWebUrl(destination) : undefined;
  const inner = url ? canonicalHost(url.hostname) : undefined;
  if (!inner || sameSite(inner, outer)) return [];
  const innerSignals = signalsOfHost(inner, comparison);
  if (innerSignals === EXEMPT) return [];
  const through = displayHost(outer);
  const signals: Signal[] = innerSignals
    .filter((signal) => signal.strong)
    .map((signal) => ({ ...signal, reason: { en: `behind ${through}, the link goes to ${displayHost(inner)}: ${signal.reason.en}`, ja: `${through}の先のリンク先${displayHost(inner)}：${signal.reason.ja}` } }));
  // Big sites' redirectors also carry their own links to news and partners: a weak hint on its own.
  if (judgeBounce && hostInSet(outer.ascii, comparison.knownDomains)) {
    signals.push({
      reason: { en: `link bounces off ${through} to hide that it goes to ${displayHost(inner)}`, ja: `${through}を経由させて、実際のリンク先（${displayHost(inner)}）を隠しています。` },
      strong: false,
    });
  }
  return signals;
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
      encodedRecipients: [],
      hostSignals: new Map(),
    };
    const links = message.missing.includes('body') ? [] : context.view.links;
    if (links.length > 0) comparison.encodedRecipients = comparison.recipients.flatMap(base64Forms);
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

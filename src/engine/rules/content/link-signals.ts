// The hints a link gives about where it leads, each with its reason in both languages: a brand in
// someone else's host, a look-alike, a domain dressed up as a subdomain, the organisation the message
// presents itself as left for another site, free publishing and hosting services, abused top-level
// domains, script and data links, "@" and percent-encoding tricks, open redirects and what
// click-trackers carry, the recipient's own address inside the link. Hints that depend on the host
// alone are judged once per host and message (Comparison.hostSignals).
import { parse } from 'tldts';
import type { LocalizedText } from '../../model';
import { isWithinDomains } from '../../view';
import { canonicalHost, type CanonicalHost } from '../../../mail/hosts';
import { ABUSED_TLDS, carriedDestination, clip, displayHost, hostInSet, openRedirect, parseWebUrl, sameSite, schemeOf } from './links';
import { lookalikeOf } from '../lookalike-domain';
import { ABUSED_HOSTING, BRAND_INFRASTRUCTURE, FREE_SITES, brandInHost, domainInSubdomain, generatedSubdomain, isHostedForm, meetingBrandInHost, saltedSubdomain } from './host-traits';
import { isExempt, senderAuthenticated, type Comparison } from './link-comparison';

const IPFS_REASON: LocalizedText = { en: 'page on IPFS, where anyone can publish anonymously', ja: '誰でも匿名で公開できるIPFS上のページです。' };

export interface Signal {
  reason: LocalizedText;
  /** Strong hints are reported alone; weak ones need company. */
  strong: boolean;
  /** Decisive hints make the finding high on their own. */
  decisive?: boolean;
}

/** Marks hosts that are never counted (ours, trusted, tracking, the relaying list). */
const EXEMPT: Signal[] = [];
const REDIRECTOR_SITES = new Set(['google', 'bing', 'youtube', 'facebook', 'instagram', 'linkedin']);

/** Sites whose redirect pages openRedirect() understands (cheap test before parsing the URL). */
function isRedirectorHost(host: CanonicalHost): boolean {
  const registrable = host.registrable;
  return registrable !== undefined && REDIRECTOR_SITES.has(registrable.slice(0, registrable.indexOf('.')));
}

/** Shorter site names ("abc", "jp") are shared by too many unrelated sites to show the same owner. */
const MIN_SIBLING_NAME = 4;

/** A site's own name: the label in front of its public suffix, with shared platforms' suffixes as suffixes ("example" for example.wixsite.com). */
function siteName(hostname: string): string | undefined {
  const name = parse(hostname, { allowPrivateDomains: true }).domainWithoutSuffix;
  return name && name.length >= MIN_SIBLING_NAME ? name : undefined;
}

/**
 * The link's site carries the same name as the sender's authenticated domain: the sender's own shop, app or
 * campaign site under another ending or on a site builder ("example.shop" or "example.wixsite.com" linked
 * from mail that example.co.jp's domain vouches for). Such a site is the sender's, not a throw-away host.
 */
function siblingOfSender(host: CanonicalHost, view: Comparison['view']): boolean {
  const sender = view.fromHost;
  if (!sender || sender.isIp || host.isIp || !senderAuthenticated(view)) return false;
  const name = siteName(host.ascii);
  return name !== undefined && name === siteName(sender.ascii);
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
  // The sender's own shop or app under another ending or on a builder ("example.shop", "example.wixsite.com" from example.co.jp) is its site.
  const freeSite = hostInSet(host.ascii, FREE_SITES);
  // Only a registered name has an ending: a bare "http://top" is an intranet-style host, not a .top site.
  const tld = host.registrable === undefined ? undefined : host.publicSuffix?.split('.').pop();
  const abusedTld = tld !== undefined && ABUSED_TLDS.has(tld);
  const sibling = (freeSite || abusedTld) && siblingOfSender(host, view);
  if (freeSite && !sibling) signals.push({ reason: { en: 'page on a free website builder or storage bucket', ja: '無料のホームページ作成サービスまたはファイル置き場上のページです。' }, strong: false });
  if (abusedTld && !sibling) signals.push({ reason: { en: `top-level domain .${tld} is mostly used for abuse`, ja: `トップレベルドメイン「.${tld}」は、主に悪用目的で使われています。` }, strong: false });
  const known = hostInSet(host.ascii, knownDomains);
  const salted = known ? undefined : saltedSubdomain(host);
  if (salted) {
    signals.push({
      reason: { en: `address starts with a generated name salted with foreign letters ("${salted}") to slip past filters`, ja: `アドレスの先頭は外国の文字を混ぜた自動生成の名前（「${salted}」）で、フィルター逃れです。` },
      strong: true,
    });
  }
  // A URL shortener hides the destination (shortened-link reports it); here it is one hint that another on the same link completes.
  if (hostInSet(host.ascii, comparison.policy.urlShorteners)) signals.push({ reason: { en: 'link goes through a URL shortener', ja: '短縮URLを経由しています。' }, strong: false });
  const generated = known || salted ? undefined : generatedSubdomain(host);
  if (generated) signals.push({ reason: { en: `the address's subdomain looks machine-generated: ${generated.reason.en}`, ja: `アドレスのサブドメインが機械的に生成されたように見えます：${generated.reason.ja}` }, strong: false });
  return signals;
}

export function linkSignals(href: string, host: CanonicalHost | undefined, comparison: Comparison): Signal[] {
  const trimmed = href.trim();
  const scheme = schemeOf(trimmed);
  if (scheme === 'javascript' || scheme === 'vbscript') {
    // "javascript:void(0)" is a do-nothing button in sloppy HTML, not an attack.
    if (/^[a-z]+:\s*(?:void\s*\(?\s*0\s*\)?\s*;?|;|)$/i.test(trimmed.replace(/[\t\n\r]/g, ''))) return [];
    if (opensOnlySendersSite(trimmed, comparison)) return [];
    return [{ reason: { en: 'link runs a script instead of opening a page', ja: 'このリンクはページを開くのではなく、スクリプトを実行します。' }, strong: true }];
  }
  if (scheme === 'data') {
    return /^data:\s*image\//i.test(trimmed) ? [] : [{ reason: { en: 'link opens a page built into the link itself (data: URL)', ja: 'このリンクは、リンク自体に埋め込まれたページを開きます（data: URL）。' }, strong: true, decisive: true }];
  }
  if (!host) return [];
  const byHost = signalsOfHost(host, comparison);
  // A tracker, a link protector or the relaying list is not judged itself, but the destination it carries is.
  if (byHost === EXEMPT) return destinationSignals(trimmed, host, comparison, false, hostInSet(host.ascii, comparison.policy.trackingLinkHosts));
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
  if (isHostedForm(host, trimmed)) {
    signals.push({ reason: { en: 'link opens a form anyone can create, which collects whatever it asks for', ja: '誰でも作成できるフォームを開くリンクです。入力させた内容はそのまま相手に渡ります。' }, strong: false });
  }
  const lowerHref = trimmed.toLowerCase();
  const sender = comparison.view.fromHost;
  const carriesRecipient =
    comparison.recipients.some((address) => lowerHref.includes(address) || lowerHref.includes(address.replace('@', '%40'))) ||
    comparison.encodedRecipients.some((encoded) => trimmed.includes(encoded));
  if (carriesRecipient && !(sender && sameSite(sender, host)) && !siblingOfSender(host, comparison.view)) {
    signals.push({ reason: { en: 'link carries your e-mail address, to pre-fill a sign-in page', ja: 'リンクにあなたのメールアドレスが含まれています。サインイン画面にあらかじめ入力させるためです。' }, strong: false });
  }
  // The recipient's address in base64 after "#" is that hint already, not a second one.
  const token = carriesRecipient ? undefined : fragmentToken(trimmed);
  if (token) {
    signals.push({
      reason: { en: `generated code after "#" (${clip(token, 24)}), which only the landing page reads`, ja: `「#」の後に、リンク先のページだけが読む自動生成のコード（${clip(token, 24)}）があります。` },
      strong: false,
    });
  }
  return signals.length === 0 ? byHost : signals.concat(byHost);
}

/** Scripts longer than this are not read for the pages they open (a pop-up helper's call is short). */
const MAX_SCRIPT = 1000;

/** A web address written in full in a script: the scheme and the host. */
const SCRIPT_ADDRESS = /https?:\/\/[^/\s"'\\?#]+/gi;
/**
 * An address a script can open without writing it in full: scheme-relative ('//evil.example/'),
 * joined from pieces ('"http://news.example.com" + ".evil.example"') or escaped ("\x2f\x2f…").
 */
const ADDRESS_IN_PIECES = /\/\/|["'`]\s*\+|\+\s*["'`]|\\/;

/**
 * A script link whose every web address is on the sender's own site ('javascript: rs("ss","http://story.news.example.com/…")'):
 * a site's "e-mail this story" message carries the site's own pop-up links. It takes the reader nowhere
 * but where the mail says it comes from, which the sender rules judge. A script naming no address,
 * any other site, or an address it could be hiding (scheme-relative, joined from pieces, encoded) still counts.
 */
function opensOnlySendersSite(script: string, comparison: Comparison): boolean {
  const sender = comparison.view.fromHost;
  if (sender === undefined || script.length > MAX_SCRIPT) return false;
  // The browser percent-decodes a javascript: link before running it ("%2F%2Fevil.example").
  let code: string;
  try {
    code = decodeURIComponent(script);
  } catch {
    return false;
  }
  const hosts = code.match(SCRIPT_ADDRESS);
  if (hosts === null || ADDRESS_IN_PIECES.test(code.replace(SCRIPT_ADDRESS, ' '))) return false;
  return hosts.every((address) => {
    const host = canonicalHost(address.slice(address.indexOf('//') + 2));
    return host !== undefined && sameSite(host, sender);
  });
}

/** Shorter fragments are anchors ("#pricing", "#section-2"); a code needs length to show. */
const MIN_FRAGMENT_TOKEN = 20;
const MAX_FRAGMENT_TOKEN = 256;

/**
 * A generated code as the whole fragment ("…/0rzeBUvv2G#4quuuC5173PRpB66uymelu…"): letters in both
 * cases and digits, no word breaks. The browser never sends the fragment to the server, so a bulk
 * sender puts the per-recipient code there to tell its landing page who clicked while filters see one
 * clean link. Anchors and page routes have words, slashes or "=" ("#pricing", "#/orders/12",
 * "#heading=h.1x2").
 */
function fragmentToken(href: string): string | undefined {
  const hash = href.indexOf('#');
  if (hash < 0) return undefined;
  const fragment = href.slice(hash + 1);
  if (fragment.length < MIN_FRAGMENT_TOKEN || fragment.length > MAX_FRAGMENT_TOKEN || !/^[A-Za-z0-9_-]+$/.test(fragment)) return undefined;
  return /[a-z]/.test(fragment) && /[A-Z]/.test(fragment) && /\d/.test(fragment) ? fragment : undefined;
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
 * What a click-tracker or redirect carries (carriedDestination): the destination's own hints, weak ones
 * included (a throw-away .shop site behind a mailing service's tracker is still one; like any weak hint it
 * counts only with company), and, when the outer host is a known organisation's site, the bounce itself
 * (an open redirect of a trusted name used to hide the destination). Ordinary trackers of newsletters
 * carry ordinary destinations and add nothing.
 */
function destinationSignals(href: string, outer: CanonicalHost, comparison: Comparison, judgeBounce: boolean, tracker = false): Signal[] {
  const destination = carriedDestination(href, tracker);
  const url = destination ? parseWebUrl(destination) : undefined;
  const inner = url ? canonicalHost(url.hostname) : undefined;
  if (!inner || sameSite(inner, outer)) return [];
  const innerSignals = signalsOfHost(inner, comparison);
  if (innerSignals === EXEMPT) return [];
  const through = displayHost(outer);
  const signals: Signal[] = innerSignals
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


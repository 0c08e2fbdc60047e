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
//   javascript: and data: links, a generated subdomain salted with foreign letters
//   ("ðwpzkvÿbxqrœtl.webrentals.eu.com", so that filters matching plain names miss it);
// - links inside attached PDFs (attached web pages that post or redirect are attached-web-page's).
// Weak hints (free site builders, cloud storage buckets, hosted forms, top-level domains that are
// mostly abused, a machine-generated subdomain, the recipient's own address inside the link, a URL
// shortener, a generated code after "#" that only the landing page reads) only count together with another hint on the same
// link, with credential-lure wording, or, in a notice (not a publication linking to many sites), beside another sign that the
// message is not what it seems: a sender or authentication finding (a generated mailbox, a forged or unaligned From, a
// Reply-To elsewhere), or every link leaving for a site unrelated to the sender (unrelated-link-site). Cheap throw-away
// domains, free hosting and shorteners are where bulk phishing lands because it is disposable (Spamhaus's and Interisle's
// abuse reports); SpamAssassin likewise scores such URI traits as small points that only add up with others. A small
// business's Wix site or a .xyz domain is not phishing by itself.
// Never counted: links to our own or trusted domains, to the mail services' tracking hosts (only
// what they carry), and to the sender's own site when authentication vouches for the sender.
// High when one link carries two independent hints, or a decisive one (an "@" trick with a fake
// host name, a page built into the link, a look-alike of the very brand the message claims to be).
// How each hint is read lives in content/link-signals.ts, what links are compared with in
// content/link-comparison.ts; this file decides which hints are enough.
import type { Evidence, Finding } from '../model';
import type { Rule } from '../rule';
import type { CanonicalHost } from '../../mail/hosts';
import { clip, displayHost, schemeOf } from './content/links';
import { pdfLinksOf, pdfLinkText } from './content/pages';
import { joinReasons } from './content/reasons';
import { compareLinksOf, isPublication } from './content/link-comparison';
import { linkSignals, type Signal } from './content/link-signals';

const MAX_EVIDENCE = 6;

/**
 * A finding that says the message is not what it seems, independently of the link hints themselves: anything
 * about the sender or its authentication (impersonation, a forged or unaligned From, a generated mailbox), or
 * every link leaving for a site unrelated to the sender. Wording is not enough (lure words are ordinary in
 * newsletters), nor are the other link rules (a shortener is already this rule's own hint).
 */
function corroborates(finding: Finding): boolean {
  if (finding.informational) return false;
  // A low authentication finding is a soft SPF failure or a mailing list's relaying: ordinary for real mail.
  if (finding.category === 'authentication') return finding.severity !== 'low';
  return finding.category === 'sender' || finding.rule === 'unrelated-link-site';
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
    const comparison = compareLinksOf(message, policy, context);
    const links = message.missing.includes('body') ? [] : context.view.links;
    // Weak hints count when something else already says the message lies: credential wording, or, in a
    // notice, a sign about its sender or its links' destinations (in a newsletter linking to dozens of sites one
    // cheap domain means nothing).
    const corroborated =
      context.findings.some((finding) => finding.rule === 'credential-lure') ||
      (context.findings.some(corroborates) && !isPublication(comparison));
    const evidence: Evidence[] = [];
    let high = false;
    const consider = (text: string, href: string, host: CanonicalHost | undefined, extra?: Signal, attachment?: string) => {
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
          ...(attachment ? { attachment } : {}),
        });
      }
    };
    for (const link of links) consider(link.text, link.href, link.host);
    for (const link of pdfLinksOf(message.attachments)) {
      consider(pdfLinkText(link.name), link.href, link.host, { reason: { en: `link inside the attached PDF "${link.name}"`, ja: `添付のPDF「${link.name}」の中にあるリンクです。` }, strong: false }, link.name);
    }
    if (evidence.length === 0) return undefined;
    return { severity: high ? 'high' : 'medium', evidence };
  },
};

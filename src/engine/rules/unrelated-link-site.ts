// Every link of the message leads to a site that has nothing to do with whoever sent it: "Personal
// Loan" <renew@zhishangmingzhan.example> whose buttons all go to metaverseshades.example, a "bericht
// van de ANWB" from anwb.nl's address, sent through another company's server, whose links go to
// stifte.shop. A company's own notices and newsletters link to its own site (directly or through its
// mailing service's click-tracker); bulk senders that rent throw-away domains to send from and to
// link to use a different domain for each, so that blocking one does not stop the other.
// Low on its own: it adds up with other signs (a generated mailbox, hidden recipients, prize wording).
//
// What it must leave alone:
// - messages where any link goes to a site the sender has: the From, Sender, Reply-To or envelope
//   (Return-Path) domain, or a domain whose DKIM signature verified;
// - sites the message credits by their bare address as a link's text ("Harbor Language School (www.harborlanguage.example)"):
//   a partner named openly is not a destination hidden behind a button (a fallback link with a path is no credit);
// - links to known organisations (social networks, the big brands' own sites), our own and trusted
//   domains, mail services' trackers and the relaying list's pages: a newsletter's footer is not its call to action
//   (a tracker that carries its destination readably is judged by that destination);
// - conversations (a reply in a thread links wherever the discussion goes), free-mail senders (a person
//   sharing a link has no site of their own), delivery reports and trusted mailing lists. An app
//   platform's project address that anyone can send from (noreply@<project>.firebaseapp.com, listed
//   with the free-mail domains) is an app's, not a person's: its own site is the project's host, on
//   either of the platform's domains (<project>.web.app) or a domain named like it (shiftplan-prod's
//   password reset on app.shiftplanhq.com), so "Casino Rewards" from a Firebase project
//   linking to a throw-away domain is read like any other sender;
// - publications: a message linking to more sites than a notice does (NOTICE_SITES_LIMIT, the same count
//   suspicious-link-target uses) is a digest, not a notice.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { canonicalHost, type CanonicalHost } from '../../mail/hosts';
import { isWithinDomains } from '../view';
import { carriedDestination, clip, displayHost, hostInSet, hostNamedByText, parseWebUrl } from './content/links';
import { BRAND_INFRASTRUCTURE } from './content/host-traits';
import { NOTICE_SITES_LIMIT } from './content/link-comparison';
import { dkimPassDomains, hasListHeaders, headerValues, hostOfAddress, isFreemail, registrableOf } from '../sender/identity';
import { knownDomainSet } from '../sender/organizations';
import { tenantOf } from '../sender/tenants';

const MAX_EVIDENCE = 3;
/** A link text that is a site's bare address ("www.example.org", "https://example.org/"): the site's name, not a page in it. */
const SITE_ONLY = /^(?:https?:\/\/)?[^\s/?#]+\/?$/i;
/** Shorter names are found inside too many others. */
const MIN_NAME = 4;

function compact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The site's name (its registrable label) appears in what the message shows, or contains the sender's own name. */
function namedBy(host: CanonicalHost, shown: string, own: ReadonlySet<string>): boolean {
  const registrable = registrableOf(host);
  const suffix = host.publicSuffix && host.publicSuffix !== registrable ? host.publicSuffix : '';
  const label = compact(suffix ? registrable.slice(0, -(suffix.length + 1)) : registrable);
  if (label.length >= MIN_NAME && shown.includes(label)) return true;
  for (const site of own) {
    const ownLabel = compact(site.slice(0, site.indexOf('.') < 0 ? site.length : site.indexOf('.')));
    if (ownLabel.length >= MIN_NAME && label.includes(ownLabel)) return true;
  }
  return false;
}

/**
 * The host a link is judged by: a mail service's click-tracker is not the sender's choice of site, but the
 * destination it carries readably in its path or query is (…/L0/https:%2F%2Fshop.example%2F…); a tracker
 * that carries none stays the tracker, which is never counted.
 */
function trackedHost(href: string, host: CanonicalHost | undefined, trackers: ReadonlySet<string>): CanonicalHost | undefined {
  if (!host || !hostInSet(host.ascii, trackers)) return host;
  const destination = carriedDestination(href, true);
  const url = destination ? parseWebUrl(destination) : undefined;
  return (url && canonicalHost(url.hostname)) || host;
}

export const unrelatedLinkSite: Rule = {
  id: 'unrelated-link-site',
  title: {
    en: 'Every link goes to a site unrelated to the sender',
    ja: 'すべてのリンクが差出人と無関係のサイトを指している',
  },
  explanation: {
    en:
      'None of the links in this message goes to the sender’s own website: they all lead to another domain that has nothing to do ' +
      'with the address the message came from. Companies link to their own site; senders of spam and phishing send from one ' +
      'throw-away domain and link to another. On its own this is only a hint; be careful if anything else about the message is odd.',
    ja:
      'このメールのリンクは差出人自身のサイトを一つも指しておらず、送信元のアドレスとは無関係の別のドメインにつながっています。' +
      '企業は自社のサイトにリンクしますが、迷惑メールやフィッシングは使い捨てのドメインから送り、別のドメインへ誘導します。' +
      'これだけでは手がかりの一つにすぎませんが、他にも不審な点があれば注意してください。',
  },
  severity: 'low',
  category: 'links',
  technique: 'T1566.002',
  requires: ['body', 'headers'],
  check(message, policy, context) {
    const { view } = context;
    const fromHost = view.fromHost;
    if (!fromHost || fromHost.isIp || view.fromTrusted) return undefined;
    // A project on an app platform listed as free mail: its site is the project, not the platform.
    const freemail = isFreemail(fromHost, policy);
    const project = freemail ? tenantOf(fromHost.ascii) : undefined;
    if (freemail && !project) return undefined;
    if (view.deliveryReport || hasListHeaders(message) || headerValues(message, 'In-Reply-To').length > 0) return undefined;
    if (view.links.length === 0) return undefined;
    const sender = project ? fromHost.ascii : registrableOf(fromHost);
    // A project's id is the app's name and a generated or stage suffix ("tallyboard-4c1e9", "shiftplan-prod"):
    // the app's own domain carries the name ("Reset password" on app.shiftplanhq.com).
    const appName = new Set(project ? [project.label.split('-')[0]] : []);
    const own = new Set<string>([sender]);
    for (const address of [message.sender?.address, message.returnPath, ...message.replyTo.map((entry) => entry.address)]) {
      const host = hostOfAddress(address);
      if (host) own.add(registrableOf(host));
    }
    for (const domain of dkimPassDomains(view)) own.add(domain.toLowerCase());
    const known = knownDomainSet(policy);
    const listHosts = new Set(view.listPageHosts);
    // Names the message itself shows: a site it names is not unrelated ("News from HarperCollins" linking to harpercollins.com).
    const shown = compact(`${message.from?.name ?? ''} ${message.subject} ${[...own].join(' ')}`);
    const elsewhere = new Map<string, { host: CanonicalHost; text: string; href: string }>();
    let button = false;
    const credited = new Set<string>();
    for (const link of view.links) {
      const host = trackedHost(link.href, link.host, policy.trackingLinkHosts);
      if (!host) continue;
      const site = registrableOf(host);
      if (own.has(site) || isWithinDomains(site, own) || namedBy(host, shown, own)) return undefined;
      if (project && (isWithinDomains(host.ascii, own) || tenantOf(host.ascii)?.label === project.label || namedBy(host, '', appName))) return undefined;
      if (
        hostInSet(host.ascii, known) ||
        hostInSet(host.ascii, BRAND_INFRASTRUCTURE) ||
        hostInSet(host.ascii, policy.trackingLinkHosts) ||
        hostInSet(host.ascii, listHosts) ||
        isWithinDomains(host.ascii, policy.organizationDomains) ||
        isWithinDomains(host.ascii, policy.trustedDomains)
      ) {
        continue;
      }
      if (!elsewhere.has(site)) elsewhere.set(site, { host, text: link.text, href: link.href });
      if (elsewhere.size > NOTICE_SITES_LIMIT) return undefined;
      // A button or words over the link hide where it goes; a written-out address ("www.example.org/story") is a reference.
      const named = link.source === 'html' ? hostNamedByText(link.text) : undefined;
      button ||= link.source === 'html' && !named;
      if (named && registrableOf(named) === site && SITE_ONLY.test(link.text.trim())) credited.add(site);
    }
    // Every site the buttons lead to is also shown by its own name ("Harbor Language School (www.harborlanguage.example)"): credited, not hidden.
    if (elsewhere.size === 0 || !button || [...elsewhere.keys()].every((site) => credited.has(site))) return undefined;
    const evidence: Evidence[] = [...elsewhere.values()].slice(0, MAX_EVIDENCE).map(({ host, text, href }) => ({
      kind: 'link',
      text: clip(text),
      href: clip(href),
      host: displayHost(host),
      reason: {
        en: `the message comes from ${sender}, but its links go to ${host.registrable ?? host.ascii}, which has nothing to do with it`,
        ja: `メールは${sender}から送られていますが、リンク先は無関係の${host.registrable ?? host.ascii}です。`,
      },
    }));
    return { evidence };
  },
};

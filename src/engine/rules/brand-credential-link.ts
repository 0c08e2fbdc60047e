// A notice that names a company and asks you to sign in, confirm or pay, but whose links go to
// some other site: "ETCマイレージポイントをご確認ください" linking to a .com nobody knows, "Compte
// Microsoft: activités de connexion inhabituelles" from an unrelated sender, "your iCloud storage
// payment method has expired" linking to a mail-tracking domain of someone else.
//
// organization-claim-mismatch and suspicious-link-target cover a brand in the display name or in a
// 【tag】; this rule covers a brand named in the subject text or at the top of the body. To stay
// precise it needs all of: credential or payment wording (credential-lure already reported it), a
// known organisation named, a sender that is not that organisation (nor ours or trusted), and a
// link to a site that is not the organisation's, not a mail service's tracking host and not the
// relaying list's. A message linking to many sites is a publication (a newsletter about a breach
// at Microsoft), not a notice, and is left alone.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { isWithinDomains } from '../view';
import { claimText, mentionsName, type PreparedName } from '../text/words';
import { clip, displayHost, hostInSet } from './content/links';
import { NOTICE_SITES_LIMIT } from './content/link-comparison';
import { dkimPassDomains, hostOfAddress, listRewrite } from '../sender/identity';
import { knownDomainSet, namedOrganizations, type NamedOrganization } from '../sender/organizations';

/** The top of the body, where a notice names who it is from; a brand further down is just mentioned. */
const BODY_HEAD = 600;
const MAX_LINKS = 3;

export const brandCredentialLink: Rule = {
  id: 'brand-credential-link',
  title: {
    en: 'Asks you to sign in or pay for a named company, but links to another site',
    ja: '企業名を挙げてログインや支払いを求めていますが、リンク先は別のサイトです',
  },
  explanation: {
    en:
      'The message names a well-known company or service and asks you to sign in, confirm your details or fix a payment, ' +
      'but it was not sent by that company and its link leads to an unrelated site. Real notices link to the company\'s own ' +
      'site. Do not enter anything on the linked page; open the company\'s app or a bookmark instead.',
    ja:
      'このメールは有名な企業やサービスの名前を挙げてログイン・情報の確認・支払いを求めていますが、その企業から送信されておらず、' +
      'リンク先も無関係なサイトです。本物のお知らせは企業自身のサイトにリンクします。リンク先では何も入力せず、' +
      '公式アプリやブックマークから確認してください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.002',
  check(message, policy, context) {
    if (!context.findings.some((finding) => finding.rule === 'credential-lure')) return undefined;
    // Already said by the rules that read display names and tags.
    if (context.findings.some((finding) => finding.rule === 'suspicious-link-target')) return undefined;
    if (context.view.fromTrusted) return undefined;
    const texts: [string, string][] = [
      ['subject', claimText(message.subject)],
      ['body', claimText(message.text.slice(0, BODY_HEAD))],
    ];
    const author = listRewrite(message)?.address;
    const senderHost = author ? hostOfAddress(author) : context.view.fromHost;
    const signedBy = dkimPassDomains(context.view);
    let named: { entry: NamedOrganization; name: PreparedName; field: string } | undefined;
    for (const entry of namedOrganizations(policy)) {
      const { domains } = entry.organization;
      if (senderHost && isWithinDomains(senderHost.ascii, domains)) continue;
      if (signedBy.some((domain) => isWithinDomains(domain, domains))) continue;
      for (const [field, text] of texts) {
        const name = entry.names.find((candidate) => mentionsName(text, candidate));
        if (name) {
          named = { entry, name, field };
          break;
        }
      }
      if (named) break;
    }
    if (!named) return undefined;
    const domains = named.entry.organization.domains;
    const relayed = context.view.listPageHosts;
    const elsewhere = new Map<string, Evidence>();
    const sites = new Set<string>();
    for (const link of context.view.links) {
      const host = link.host;
      if (!host || host.isIp || isWithinDomains(host.ascii, domains)) continue;
      if (hostInSet(host.ascii, policy.trackingLinkHosts) || isWithinDomains(host.ascii, relayed)) continue;
      if (isWithinDomains(host.ascii, policy.organizationDomains) || isWithinDomains(host.ascii, policy.trustedDomains)) continue;
      // Links to other well-known organisations (social media buttons, app stores) are not the lure.
      if (hostInSet(host.ascii, knownDomainSet(policy))) continue;
      const site = host.registrable ?? host.ascii;
      sites.add(site);
      if (sites.size > NOTICE_SITES_LIMIT) return undefined;
      if (!elsewhere.has(site) && elsewhere.size < MAX_LINKS) {
        elsewhere.set(site, {
          kind: 'link',
          text: clip(link.text),
          href: clip(link.href),
          host: displayHost(host),
          reason: {
            en: `the message names ${named.name.original} but this link goes to ${site}`,
            ja: `このメールは${named.name.original}を名乗っていますが、リンク先は${site}です。`,
          },
        });
      }
    }
    if (elsewhere.size === 0) return undefined;
    const claim: Evidence = {
      kind: 'impersonation',
      field: named.field,
      value: named.field === 'subject' ? message.subject.slice(0, 200) : clip(message.text.slice(0, BODY_HEAD)),
      claimed: named.name.original,
      expected: [...domains],
      actual: (author ?? message.from?.address) || '(no address)',
    };
    return { evidence: [claim, ...elsewhere.values()] };
  },
};

// A link that shows one address and leads to another: the text reads "https://www.mufg.jp/login"
// but a click goes to a different site. The classic trick of credential phishing.
// Not a mismatch by themselves: links through link-protection wrappers (Microsoft Safe Links,
// Proofpoint URL Defense: the wrapped URL is compared instead) and through the mail services in
// policy.trackingLinkHosts; links into the sender's own site (newsletters route clicks through their
// own domain) unless the text names a known organisation or our own domain; a file name whose
// ending is also a top-level domain ("detector.sv", "build.sh") linking to that very file.
// High when the text names a known organisation's domain or the organisation's own and the link
// leads to a third site; medium when it leads into the sender's own site (a newsletter's page about
// the brand it names, or a look-alike sender linking to itself, which the sender rules judge).
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import type { CanonicalHost } from '../../mail/hosts';
import { isWithinDomains } from '../view';
import { clip, displayHost, domainsMentioned, hostInSet, hostNamedByText, resolveTarget, sameSite } from './content/links';

const MAX_EVIDENCE = 5;

/**
 * Text that is itself a protection-wrapped URL (a gateway rewrote the text as well as the link) shows
 * the site it wraps: "https://urldefense.us/v2/url?u=https-3A__github.com_…" shows github.com.
 */
function shownThroughWrapper(text: string): CanonicalHost | undefined {
  if (!/^\s*https:\/\//i.test(text)) return undefined;
  const shown = resolveTarget(text);
  return shown.wrappers.length > 0 ? shown.host : undefined;
}

/** The link text is the name of the file the link opens: its URL's last path segment. */
function namesLinkedFile(text: string, href: string): boolean {
  let file: string;
  try {
    const path = new URL(href).pathname;
    file = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return false;
  }
  return file.includes('.') && text.trim().toLowerCase() === file.toLowerCase();
}

export const linkTextMismatch: Rule = {
  id: 'link-text-mismatch',
  title: {
    en: 'A link shows one address but leads to another',
    ja: '表示されたアドレスと実際のリンク先が違う',
  },
  explanation: {
    en: 'The text of a link shows a web address, but clicking it would take you to a different site. Attackers do this so you trust a link you would never click if you saw where it goes. Hover over links (or press and hold on a phone) to see the real address, and do not sign in from this message.',
    ja: 'リンクの文字列にはあるWebアドレスが表示されていますが、クリックすると別のサイトに移動します。本当の行き先を見せないための攻撃者の手口です。リンクにマウスを重ねて（スマートフォンでは長押しして）本当のアドレスを確認し、このメールからはログインしないでください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.002',
  requires: ['body'],
  check(message, policy, context) {
    const senderHost = context.view.fromHost;
    const knownDomains = policy.knownOrganizations.flatMap((organization) => organization.domains);
    const evidence: Evidence[] = [];
    const namesKnownSite = (host: CanonicalHost) => isWithinDomains(host.ascii, knownDomains) || isWithinDomains(host.ascii, policy.organizationDomains);
    // Newsletters repeat the same link text many times; read each text once.
    const shownByText = new Map<string, { host: CanonicalHost; known: boolean } | undefined>();
    let high = false;
    for (const link of context.view.links) {
      if (link.source !== 'html' || !link.host) continue;
      let claim = shownByText.get(link.text);
      if (claim === undefined && !shownByText.has(link.text)) {
        const host = shownThroughWrapper(link.text) ?? hostNamedByText(link.text) ?? domainsMentioned(link.text).find((mentioned) => namesKnownSite(mentioned));
        claim = host ? { host, known: namesKnownSite(host) } : undefined;
        shownByText.set(link.text, claim);
      }
      if (!claim) continue;
      const shown = claim.host;
      const target = resolveTarget(link.href, link.host);
      if (!target.host || sameSite(shown, target.host)) continue;
      // A click-tracking service we cannot see through: not a mismatch on its own.
      if (target.wrappers.length === 0 && (hostInSet(target.host.ascii, policy.trackingLinkHosts) || hostInSet(link.host.ascii, policy.trackingLinkHosts))) continue;
      const namesKnown = claim.known;
      // "detector.sv" linking to github.com/…/detector.sv names the file it opens, not a site in El Salvador.
      if (!namesKnown && namesLinkedFile(link.text, target.href)) continue;
      const intoSendersSite = senderHost !== undefined && sameSite(target.host, senderHost);
      if (!namesKnown && intoSendersSite) continue;
      // A newsletter's own page about a brand ("Walmart.com" → shopnews.example/walmart) stays medium: the
      // reader lands on the site the mail came from. A known site's name leading anywhere else is high.
      high ||= namesKnown && !intoSendersSite;
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({
          kind: 'link',
          text: clip(link.text),
          href: clip(target.href),
          host: displayHost(target.host),
          shownHost: displayHost(shown),
          reason: namesKnown
            ? { en: 'text names a known organisation\'s site, link goes elsewhere', ja: '表示されている文字は既知の組織のサイトですが、実際のリンク先は別のサイトです。' }
            : { en: 'text shows a different site than the link goes to', ja: '表示されている文字と実際のリンク先のサイトが異なります。' },
        });
      }
    }
    if (evidence.length === 0) return undefined;
    return { severity: high ? 'high' : 'medium', evidence };
  },
};

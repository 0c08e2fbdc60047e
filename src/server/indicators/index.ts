// Indicators an analyst can block or hunt for: who sent it, where replies and bounces go, where the
// links lead, and what was attached. Every indicator leaves the service in STIX with
// indicator_types "malicious-activity" once an analyst confirms the campaign, so what cannot be the
// attacker's stays out, whatever the message says:
// - link rewriters (Safe Links, URL Defense, click-time protection): unwrapped first (rewriters.ts);
// - the organisation's own and trusted domains, known organisations' real domains (lures link the
//   site they imitate), free mail, file sharing, shorteners and tracking hosts as *domains*;
// - globally popular domains (public ranking data, popular.ts): neither the domain nor its URLs,
//   except URLs on hosts where anyone can publish (file sharing, shorteners, private suffixes);
// - mailing-list plumbing when List-Id is present and authentication vouches for the list: the
//   list's domain, its bounce address, the listinfo and unsubscribe links of its footer;
// - a sender address on a brand's or popular site's domain ("security@microsoft.com" is Microsoft's
//   address, spoofed or not), or on free mail when authentication shows a spoof;
// - single-label names ("intranet", "localhost") and bare public suffixes.
import { createHash } from 'node:crypto';
import type { MailMessage } from '../../engine/model';
import { computeAlignment, listPageHosts, mailingListOf } from '../../mail/alignment';
import { readAuthentication } from '../../mail/authentication';
import { canonicalHost, domainOfAddress, type CanonicalHost } from '../../mail/hosts';
import type { ResolvedPolicy } from '../../policy/types';
import type { Indicator } from '../store/types';
import { isPopularDomain, registrableDomain } from './popular';
import { unwrapRewrites } from './rewriters';
import { parseHttpUrl, serializeUri } from './uri';

export { registrableDomain } from './popular';

/** Bounds so a message with 20,000 links or attachments stays cheap to store and export. */
export const MAX_URL_INDICATORS = 300;
export const MAX_ATTACHMENTS = 100;
const MAX_ADDRESS_LENGTH = 320;

export interface AttachmentInfo {
  name: string;
  contentType: string;
  size: number;
  inline: boolean;
  /** Hex SHA-256 of the decoded content; undefined when the content was not available. */
  sha256?: string;
}

export interface IndicatorSet {
  indicators: Indicator[];
  attachments: AttachmentInfo[];
  /**
   * URLs specific enough to link two reports to one campaign: not a bare homepage, not shared or
   * popular infrastructure, not a mailing list's footer (grouping.ts reads these).
   */
  distinctiveUrls: string[];
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** True when host or one of its parent domains is in the set (bounded by the number of labels). */
export function inDomainSet(host: string, domains: ReadonlySet<string> | readonly string[]): boolean {
  const set = domains instanceof Set ? domains : new Set(domains as readonly string[]);
  let candidate = host;
  for (let i = 0; i < 127 && candidate; i++) {
    if (set.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) break;
    candidate = candidate.slice(dot + 1);
  }
  return false;
}

const knownDomainsCache = new WeakMap<ResolvedPolicy, ReadonlySet<string>>();

/** The real domains of the organisations people pose as (policy.knownOrganizations), once per policy. */
function knownOrganizationDomains(policy: ResolvedPolicy): ReadonlySet<string> {
  let domains = knownDomainsCache.get(policy);
  if (!domains) {
    domains = new Set(policy.knownOrganizations.flatMap((organization) => organization.domains.map((domain) => domain.toLowerCase())));
    knownDomainsCache.set(policy, domains);
  }
  return domains;
}

/** The organisation's own, trusted partners' and known organisations' real domains. */
function isGenuineSite(host: string, policy: ResolvedPolicy): boolean {
  return inDomainSet(host, policy.organizationDomains) || inDomainSet(host, policy.trustedDomains) || inDomainSet(host, knownOrganizationDomains(policy));
}

/** Domains that are never exported as indicators, whatever the message says. */
export function isSharedInfrastructure(host: string, policy: ResolvedPolicy): boolean {
  return (
    isGenuineSite(host, policy) ||
    inDomainSet(host, policy.freemailDomains) ||
    inDomainSet(host, policy.fileSharingHosts) ||
    inDomainSet(host, policy.urlShorteners) ||
    inDomainSet(host, policy.trackingLinkHosts) ||
    isPopularDomain(host)
  );
}

/** Hosts where anyone can publish: a URL there is the publisher's even when the domain is famous. */
function isPublishingHost(host: string, policy: ResolvedPolicy): boolean {
  if (inDomainSet(host, policy.fileSharingHosts) || inDomainSet(host, policy.urlShorteners)) return true;
  const registrable = registrableDomain(host);
  return registrable !== canonicalHost(host)?.registrable;
}

/** A name an indicator can be about: at least two labels and more than a public suffix. */
function isNameable(host: CanonicalHost): boolean {
  return host.isIp || (host.ascii.includes('.') && host.registrable !== undefined);
}

/**
 * The hosts of a mailing list's own machinery: its organisational domain (List-Id, RFC 2919) and the
 * hosts of its List-* pages (RFC 2369). Only for a list the message's authentication vouches for
 * (mail/alignment.ts): anyone can write List-Id into a lure to have its landing page left out.
 */
export function listPlumbingHosts(message: MailMessage): Set<string> {
  const hosts = new Set<string>();
  const list = mailingListOf(message);
  if (!list.present || !list.trusted || !list.domain) return hosts;
  hosts.add(list.domain);
  const auth = readAuthentication(message.headers);
  for (const host of listPageHosts(message.headers, computeAlignment(message.from?.address, auth))) hosts.add(host);
  return hosts;
}

/**
 * Whether the From address can be the attacker's own. On a domain anyone could have registered,
 * yes. On free mail, an account is the attacker's unless authentication failed (then it is a
 * spoof of someone else's). On a brand's, a popular site's or a file-sharing service's domain it is
 * the service's address: genuine (its notifications) or forged, never the attacker's.
 */
function senderIsAttackers(domain: string, message: MailMessage, policy: ResolvedPolicy): boolean {
  if (inDomainSet(domain, policy.freemailDomains)) {
    const auth = readAuthentication(message.headers);
    const dmarc = auth.dmarc?.result;
    return !(dmarc === 'fail' || dmarc === 'softfail' || auth.compauth?.result.toLowerCase() === 'fail');
  }
  return !(isGenuineSite(domain, policy) || isPopularDomain(domain) || inDomainSet(domain, policy.fileSharingHosts));
}

function cleanAddress(address: string | undefined): string | undefined {
  const value = (address ?? '').trim().replace(/^<|>$/g, '').toLowerCase();
  if (!value || value.length > MAX_ADDRESS_LENGTH || !value.includes('@')) return undefined;
  // Control characters would corrupt exports (CSV rows, STIX patterns, ARF fields).
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  const host = canonicalHost(domainOfAddress(value));
  if (!host || !isNameable(host)) return undefined;
  return value;
}

export function extractIndicators(message: MailMessage, policy: ResolvedPolicy): IndicatorSet {
  const indicators: Indicator[] = [];
  const seen = new Set<string>();
  const add = (indicator: Indicator): boolean => {
    const id = indicator.type + '\u0000' + indicator.value;
    if (seen.has(id)) return false;
    seen.add(id);
    indicators.push(indicator);
    return true;
  };
  const plumbing = listPlumbingHosts(message);
  const isPlumbing = (host: string) => plumbing.size > 0 && (inDomainSet(host, plumbing) || [...plumbing].some((p) => registrableDomain(p) === registrableDomain(host)));
  const addDomain = (type: 'sender-domain' | 'url-domain', domain: string | undefined) => {
    const host = domain ? canonicalHost(domain) : undefined;
    if (!host || host.isIp || !isNameable(host)) return;
    if (isSharedInfrastructure(host.ascii, policy) || isPlumbing(host.ascii)) return;
    add({ type, value: registrableDomain(host.ascii) });
  };

  const from = cleanAddress(message.from?.address);
  if (from && senderIsAttackers(domainOfAddress(from), message, policy)) {
    add({ type: 'sender-address', value: from });
    addDomain('sender-domain', domainOfAddress(from));
  }
  for (const replyTo of message.replyTo.slice(0, 20)) {
    const address = cleanAddress(replyTo.address);
    if (address && !isGenuineSite(domainOfAddress(address), policy)) add({ type: 'reply-to', value: address });
  }
  const returnPath = cleanAddress(message.returnPath);
  // Through a list, the envelope sender is the list's bounce address.
  if (returnPath && !isPlumbing(domainOfAddress(returnPath)) && !isGenuineSite(domainOfAddress(returnPath), policy)) add({ type: 'return-path', value: returnPath });

  const distinctiveUrls: string[] = [];
  let urls = 0;
  for (const link of message.links) {
    if (urls >= MAX_URL_INDICATORS) break;
    const target = unwrapRewrites(link.href);
    if (!target.href) {
      // Only the destination's domain survived the rewriter (or nothing did).
      if (target.domain) addDomain('url-domain', target.domain);
      continue;
    }
    const url = parseHttpUrl(target.href);
    const host = url ? canonicalHost(url.hostname) : undefined;
    if (!url || !host || !isNameable(host)) continue;
    if (!host.isIp) {
      if (inDomainSet(host.ascii, policy.organizationDomains) || inDomainSet(host.ascii, policy.trustedDomains) || isPlumbing(host.ascii)) continue;
      // Lures link the real site they imitate and social-media footers; a URL there is the site's,
      // unless anyone can publish on that host (a OneDrive share, a short link, a github.io page).
      const wellKnown = inDomainSet(host.ascii, knownOrganizationDomains(policy)) || isPopularDomain(host.ascii);
      if (wellKnown && !isPublishingHost(host.ascii, policy)) continue;
    }
    const href = serializeUri(url);
    if (!add({ type: 'url', value: href })) continue;
    urls++;
    addDomain('url-domain', host.ascii);
    const shared = !host.isIp && isSharedInfrastructure(host.ascii, policy);
    const bareHomepage = (url.pathname === '/' || url.pathname === '') && !url.search;
    if (!shared && !bareHomepage) distinctiveUrls.push(href);
  }

  const attachments: AttachmentInfo[] = [];
  for (const attachment of message.attachments.slice(0, MAX_ATTACHMENTS)) {
    const sha256 = attachment.content ? sha256Hex(attachment.content) : undefined;
    const info: AttachmentInfo = {
      name: attachment.name,
      contentType: attachment.contentType,
      size: attachment.size,
      inline: Boolean(attachment.inline),
      sha256,
    };
    attachments.push(info);
    // Inline images (logos, signatures) are shared by unrelated mail; only real attachments count.
    if (sha256 && !info.inline && attachment.size > 0) add({ type: 'attachment', value: sha256, name: attachment.name.slice(0, 255) });
  }
  return { indicators, attachments, distinctiveUrls };
}

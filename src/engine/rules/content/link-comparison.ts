// What every link of one message is compared with, computed once per message: the policy and the
// message's views, the brands to look for, the organisation the message presents itself as, the
// hosts never judged (ours, trusted, trackers, the relaying list), the recipients' addresses as
// phishing kits carry them, and the per-host verdicts already reached. Used by suspicious-link-target.
import type { Evidence, Finding, MailMessage } from '../../model';
import type { ResolvedPolicy } from '../../../policy/types';
import type { RuleContext } from '../../rule';
import type { MessageView } from '../../view';
import { isWithinDomains } from '../../view';
import type { CanonicalHost } from '../../../mail/hosts';
import { hostInSet } from './links';
import { base64Forms, brandTokens, type BrandToken } from './host-traits';
import { hostOfAddress, listRewrite } from '../../sender/identity';
import { knownDomainSet } from '../../sender/organizations';
import type { Signal } from './link-signals';

/** More sites than this, besides the organisation's own, make a message a publication rather than a notice. */
export const NOTICE_SITES_LIMIT = 3;

/** The organisation a message presents itself as, and the domains that really belong to it. */
export interface Presented {
  name: string;
  domains: readonly string[];
}

/** What every link of one message is compared with, computed once per message. */
export interface Comparison {
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
export function senderAuthenticated(view: MessageView): boolean {
  const registrable = view.fromHost?.registrable;
  if (!registrable) return false;
  const auth = view.authentication;
  if (auth.dmarc?.result === 'pass') return true;
  return auth.dkim.some((signature) => signature.result === 'pass' && Boolean(signature.domain) && (signature.domain === registrable || signature.domain!.endsWith('.' + registrable)));
}

export function isExempt(host: CanonicalHost, comparison: Comparison): boolean {
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
export function isPublication(comparison: Comparison, besides: readonly string[] = []): boolean {
  const elsewhere = new Set<string>();
  for (const link of comparison.view.links) {
    const host = link.host;
    if (!host || isWithinDomains(host.ascii, besides) || hostInSet(host.ascii, comparison.knownDomains) || isExempt(host, comparison)) continue;
    elsewhere.add(host.registrable ?? host.ascii);
    if (elsewhere.size > NOTICE_SITES_LIMIT) return true;
  }
  return false;
}

function recipientsOf(message: MailMessage): string[] {
  return [...message.to, ...message.cc]
    .slice(0, 50)
    .map((recipient) => recipient.address.trim().toLowerCase())
    .filter((address) => address.length >= 6 && address.includes('@'));
}

/** The comparison for one message; the organisation it presents itself as is only worked out when it has links. */
export function compareLinksOf(message: MailMessage, policy: ResolvedPolicy, context: RuleContext): Comparison {
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
  if (!message.missing.includes('body') && context.view.links.length > 0) {
    comparison.encodedRecipients = comparison.recipients.flatMap(base64Forms);
    comparison.presented = presentedOrganization(message, context.findings, comparison);
  }
  return comparison;
}

// Replies go elsewhere: the message is "from" one domain but Reply-To sends your answer to
// another, typically a free-mail inbox the attacker reads ("Mrs. Mavis Wanczyk" from a hacked
// university account, Reply-To mrsmaviswan121@gmail.com). Conversation-based lures (MirrorFace's
// "interview request" or "study group") depend on you replying.
//
// Normal cases it must leave alone: mailing lists (List-Id / List-Post, "X via List" rewrites),
// newsletters whose Reply-To is their mail service (policy.trackingLinkHosts), a Reply-To on the
// same registrable domain or organisation, related brand domains (motleyfool.com → fool.com), and
// a Reply-To that is one of the recipients (group replies), the author's own mailbox of the same
// name at another (not free-mail) domain (editor@weekly.mailhost.example, a newsletter its mail
// service sends, replies to editor@publisher.example), the organisation's help-desk tenant
// (support@acme.example → acme.zendesk.com), and delivery reports, which nobody answers.
// Return-Path differs for every ESP and list, so it is only reported as supporting evidence, never
// as the reason.
import type { Evidence, Finding } from '../model';
import type { Rule } from '../rule';
import type { ResolvedPolicy } from '../../policy/types';
import type { CanonicalHost } from '../../mail/hosts';
import { isWithinDomains } from '../view';
import { hasPersonalTitle } from '../text/names';
import { canonicalHost } from '../../mail/hosts';
import { hasListHeaders, hostOfAddress, isFreemail, listRewrite, registrableOf } from '../sender/identity';
import { protectedEntryFor } from '../sender/protected-domains';
import { SHARED_TENANT_DOMAINS } from '../../policy/data/hosts';

/** Rules whose findings mean the From line claims to be a particular organisation or person. */
const CLAIM_RULES = new Set(['protected-person-impersonation', 'organization-claim-mismatch', 'internal-sender-spoof', 'display-name-address-mismatch', 'lookalike-domain']);

function labelOf(host: CanonicalHost): string {
  const registrable = registrableOf(host);
  const suffix = host.publicSuffix && host.publicSuffix !== registrable ? host.publicSuffix : '';
  return suffix ? registrable.slice(0, -(suffix.length + 1)) : registrable;
}

/** motleyfool.com and fool.com: one brand's long and short domains. */
function related(a: CanonicalHost, b: CanonicalHost): boolean {
  const left = labelOf(a);
  const right = labelOf(b);
  const shorter = left.length <= right.length ? left : right;
  const longer = shorter === left ? right : left;
  return shorter.length >= 4 && longer.includes(shorter);
}

function isMailService(host: CanonicalHost, policy: ResolvedPolicy): boolean {
  return isWithinDomains(host.ascii, policy.trackingLinkHosts);
}

const TENANT_PLATFORMS: ReadonlySet<string> = new Set(SHARED_TENANT_DOMAINS);

/** The tenant's own label on a help-desk platform: "acme" for support@acme.zendesk.com. */
function helpDeskTenant(host: CanonicalHost): string | undefined {
  const platform = registrableOf(host);
  if (!TENANT_PLATFORMS.has(platform) || host.ascii === platform) return undefined;
  return host.ascii.slice(0, -(platform.length + 1)).split('.').pop();
}

/** The organisation's own ticketing tenant: support@acme.example asks for replies at acme.zendesk.com. */
function ownHelpDesk(fromHost: CanonicalHost, reply: CanonicalHost): boolean {
  const tenant = helpDeskTenant(reply);
  const own = labelOf(fromHost);
  return tenant !== undefined && tenant.length >= 4 && own.length >= 4 && (tenant.includes(own) || own.includes(tenant));
}

/** Mailbox names under 4 letters ("a", "jp") say nothing about who reads them. */
const MIN_MAILBOX_NAME = 4;

/**
 * The same mailbox name at another organisation's domain: an author's own address while a
 * newsletter service sends for them. Not for free mail, where anyone can take the name.
 */
function sameMailbox(fromAddress: string, reply: string, host: CanonicalHost, policy: ResolvedPolicy): boolean {
  const name = fromAddress.slice(0, fromAddress.lastIndexOf('@')).toLowerCase();
  return name.length >= MIN_MAILBOX_NAME && name === reply.slice(0, reply.lastIndexOf('@')).toLowerCase() && !isFreemail(host, policy);
}

function sameOwner(a: CanonicalHost | undefined, b: CanonicalHost, policy: ResolvedPolicy): boolean {
  if (isWithinDomains(b.ascii, policy.organizationDomains)) return true;
  const left = protectedEntryFor(a, policy);
  const right = protectedEntryFor(b, policy);
  return left !== undefined && right !== undefined && left.role === right.role && left.owner === right.owner;
}

function claimsIdentity(findings: readonly Finding[], fromName: string): boolean {
  return findings.some((finding) => CLAIM_RULES.has(finding.rule)) || hasPersonalTitle(fromName);
}

export const replyToDivergence: Rule = {
  id: 'reply-to-divergence',
  title: {
    en: 'Your reply would go to a different address than the sender’s',
    ja: '返信すると、差出人とは別のアドレスに届きます',
  },
  explanation: {
    en:
      'This message shows one sender, but its Reply-To setting sends your answer to an address on a different domain. ' +
      'Attackers do this so that the conversation moves to a mailbox they control, often a free webmail account. Before you ' +
      'reply, check the address your mail app puts in the To line; if in doubt, write to the person at an address you already know.',
    ja:
      'このメールの差出人とは別のドメインのアドレスが「返信先（Reply-To）」に設定されており、返信するとそちらに届きます。' +
      '攻撃者はやり取りを自分の管理するメールボックス（無料のWebメールが多い）へ移すためにこの手口を使います。' +
      '返信する前に宛先欄のアドレスを確認し、不安な場合は以前から知っているアドレスに送ってください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    if (message.replyTo.length === 0 || hasListHeaders(message) || listRewrite(message) || context.view.deliveryReport) return undefined;
    const fromHost = context.view.fromHost;
    const fromAddress = message.from?.address ?? '';
    const recipients = new Set([...message.to, ...message.cc].map((entry) => entry.address.toLowerCase()));
    const evidence: Evidence[] = [];
    let freemailReply = false;
    const divergent: CanonicalHost[] = [];
    for (const reply of message.replyTo.slice(0, 5)) {
      const host = hostOfAddress(reply.address);
      if (!host || recipients.has(reply.address.toLowerCase())) continue;
      if (fromHost && (registrableOf(fromHost) === registrableOf(host) || related(fromHost, host))) continue;
      if (isMailService(host, policy) || sameOwner(fromHost, host, policy)) continue;
      if (sameMailbox(fromAddress, reply.address, host, policy) || (fromHost && ownHelpDesk(fromHost, host))) continue;
      evidence.push({ kind: 'address-mismatch', field: 'headers.Reply-To', shown: fromAddress || '(no address)', actual: reply.address });
      divergent.push(host);
      if (isFreemail(host, policy)) freemailReply = true;
    }
    if (evidence.length === 0) return undefined;
    const bounceHost = message.returnPath ? hostOfAddress(message.returnPath) ?? canonicalHost(message.returnPath) : undefined;
    if (bounceHost && divergent.some((host) => registrableOf(host) === registrableOf(bounceHost))) {
      evidence.push({
        kind: 'header',
        name: 'Return-Path',
        value: message.returnPath ?? '',
        meaning: { en: 'Bounces also go to the reply domain, not the sender’s', ja: 'エラー通知も、差出人のドメインではなく返信先と同じドメインに送られます。' },
      });
    }
    const high = freemailReply && (context.view.fromOrganization || claimsIdentity(context.findings, message.from?.name ?? ''));
    return { evidence, severity: high ? 'high' : 'medium' };
  },
};

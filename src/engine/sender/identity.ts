// Who a message says it is from, and what really stands behind it: the address behind each display
// name (including the real author behind a mailing list's "X via List" rewrite), where addresses
// point, which domains authentication vouches for. Shared by the sender-identity rules.
import type { MailMessage } from '../model';
import type { ResolvedPolicy } from '../../policy/types';
import type { MessageView } from '../view';
import { isWithinDomains } from '../view';
import { canonicalHost, domainOfAddress, type CanonicalHost } from '../../mail/hosts';
import { mailingListOf } from '../../mail/alignment';
import { hostInSet } from '../rules/content/links';

/** Mailboxes of mail systems themselves (RFC 5321 postmaster, the bounce daemon), with or without a domain. */
const SYSTEM_MAILBOX = /^(?:mailer-daemon|postmaster)(?:@|$)/i;

/** The message comes from a mail system's own mailbox, which writes bounces and may have no domain. */
export function fromSystemMailbox(message: MailMessage): boolean {
  return SYSTEM_MAILBOX.test(message.from?.address.trim() ?? '');
}

/** The canonical host of an address's domain; undefined when the address has none. */
export function hostOfAddress(address: string | undefined): CanonicalHost | undefined {
  const domain = domainOfAddress(address ?? '');
  return domain ? canonicalHost(domain) : undefined;
}

/** Registrable domain, or the host itself when there is none (single-label hosts like "correios"). */
export function registrableOf(host: CanonicalHost): string {
  return host.registrable ?? host.ascii;
}

/** The host is a free-mail domain or any subdomain of one (name@xa2.so-net.ne.jp, name@x.i.softbank.jp). */
export function isFreemail(host: CanonicalHost | undefined, policy: ResolvedPolicy): boolean {
  if (!host || host.isIp) return false;
  return hostInSet(host.ascii, policy.freemailDomains);
}

export function headerValues(message: MailMessage, name: string): string[] {
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const header of message.headers) {
    if (header.name.toLowerCase() === lower) values.push(header.value);
    if (values.length >= 10) break;
  }
  return values;
}

/**
 * List-Id or List-Post, added by list servers (Mailman, Google Groups, vger) to every message they
 * relay, and believed only when the list's own domain passed SPF or DKIM (mail/alignment.ts):
 * anyone can write these headers to switch off the checks that lists legitimately break.
 */
export function hasListHeaders(message: MailMessage): boolean {
  return mailingListOf(message).trusted;
}

/** The address inside "Name <addr>" or a bare address; '' when none. */
export function addressIn(value: string): string {
  const bracket = /<([^<>\s]{1,320})>/.exec(value.slice(0, 2000));
  if (bracket) return bracket[1].trim();
  const bare = /[^\s<>"(),;:]{1,64}@[^\s<>"(),;:]{1,255}/.exec(value.slice(0, 2000));
  return bare ? bare[0] : '';
}

export interface ListRewrite {
  /** The author's display name before the list appended " via <list>". */
  name: string;
  /** The author's own address (X-Original-From, or Reply-To where the list moved it); undefined when hidden. */
  address?: string;
}

/**
 * Mailman (DMARC mitigation), Google Groups and B4 Relay rewrite From to "Author via List"
 * <list address> and move the author's address to Reply-To or X-Original-From. Only recognised
 * when the message carries list headers, so a bare " via " in a display name proves nothing.
 */
export function listRewrite(message: MailMessage): ListRewrite | undefined {
  const from = message.from;
  if (!from || !hasListHeaders(message)) return undefined;
  const name = from.name.slice(0, 512);
  const at = name.toLowerCase().lastIndexOf(' via ');
  if (at <= 0) return undefined;
  const originalName = name.slice(0, at).trim().replace(/^['"]+|['"]+$/g, '');
  const fromAddress = from.address.toLowerCase();
  const originalFrom = headerValues(message, 'X-Original-From').map(addressIn).find(Boolean);
  const replyTo = message.replyTo.find((entry) => entry.address && entry.address.toLowerCase() !== fromAddress)?.address;
  return { name: originalName, address: originalFrom ?? replyTo };
}

export interface ClaimedIdentity {
  /** Where the name was shown: "from.name" or "sender.name". */
  field: string;
  /** The display name as the reader sees it (for a list rewrite, without " via <list>"). */
  name: string;
  /** The address that really stands behind the name ('' when unknown or missing). */
  address: string;
  host?: CanonicalHost;
  /** True when the name came through a mailing-list rewrite. */
  viaList: boolean;
}

/** The display names a reader sees on this message, each with the address really behind it. */
export function claimedIdentities(message: MailMessage): ClaimedIdentity[] {
  const identities: ClaimedIdentity[] = [];
  if (message.from) {
    const rewrite = listRewrite(message);
    if (rewrite) {
      identities.push({ field: 'from.name', name: rewrite.name, address: rewrite.address ?? '', host: hostOfAddress(rewrite.address), viaList: true });
    } else {
      identities.push({ field: 'from.name', name: message.from.name, address: message.from.address, host: hostOfAddress(message.from.address), viaList: false });
    }
  }
  const sender = message.sender;
  if (sender && sender.name.trim() && sender.name !== message.from?.name) {
    identities.push({ field: 'sender.name', name: sender.name, address: sender.address, host: hostOfAddress(sender.address), viaList: false });
  }
  return identities;
}

/** Domains whose DKIM signature verified: the mail system vouches that these domains sent it. */
export function dkimPassDomains(view: MessageView): string[] {
  return view.authentication.dkim.filter((entry) => entry.result === 'pass' && entry.domain).map((entry) => entry.domain as string);
}

/**
 * Sharing and signing services (Google Drive, DocuSign, SharePoint …) send "Kenji Watanabe via
 * DocuSign" from their own verified domain. The service vouches for itself, not for the name: anyone
 * can open an account under any name, so such a claim is still worth showing, but with less weight.
 */
export function isVerifiedPlatform(host: CanonicalHost | undefined, view: MessageView, policy: ResolvedPolicy): boolean {
  if (!host) return false;
  const organization = policy.knownOrganizations.find((entry) => isWithinDomains(host.ascii, entry.domains));
  if (!organization) return false;
  return dkimPassDomains(view).some((domain) => isWithinDomains(domain, organization.domains));
}


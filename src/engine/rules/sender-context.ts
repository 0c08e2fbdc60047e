// Shared knowledge for the sender-identity rules: who the message claims to be from (including
// the real author behind a mailing list's "X via List" rewrite), where addresses really point,
// and the policy's domains prepared once per policy for look-alike comparison.
import type { MailMessage } from '../model';
import type { KnownOrganization, ResolvedPolicy } from '../../policy/types';
import type { MessageView } from '../view';
import { isWithinDomains } from '../view';
import { canonicalHost, domainOfAddress, type CanonicalHost } from '../../mail/hosts';
import { mailingListOf } from '../../mail/alignment';
import { skeleton } from '../text/confusables';
import { hostInSet } from './content/links';
import { hasMailboxDerivedOrganization } from '../../policy/resolve';
import { prepareName, type PreparedName } from '../text/words';

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

const GOVERNMENT_DOMAIN = /(^|\.)(go|gov|govt|mil|gob|gouv|lg)\.[a-z]{2}$|(^|\.)(gov|mil)$/;
const GOVERNMENT_NAME = /省|庁|内閣|官邸|大使館|自衛隊|警察|ministry|government|embassy|agency|police|\bcabinet\b/i;

/** Ministries, agencies and other public bodies: posing as one is a stronger signal. */
export function isGovernmentOrganization(organization: KnownOrganization): boolean {
  return organization.domains.some((domain) => GOVERNMENT_DOMAIN.test(domain.toLowerCase())) || organization.names.some((name) => GOVERNMENT_NAME.test(name));
}

export function isGovernmentDomain(domain: string): boolean {
  return GOVERNMENT_DOMAIN.test(domain);
}

export type DomainRole = 'organization' | 'trusted' | 'known-organization' | 'protected-person';

export interface ProtectedDomain {
  /** As configured (lower-case ASCII); mail from it or its subdomains is legitimate. */
  domain: string;
  /** Registrable form, e.g. "mofa.go.jp". */
  registrable: string;
  /** Registrable domain without its public suffix: "mofa". */
  label: string;
  /** Public suffix: "go.jp". */
  suffix: string;
  /** Registrable split on dots and hyphens: ["mofa", "go", "jp"]. */
  tokens: string[];
  labelSkeleton: string;
  role: DomainRole;
  /** Whose domain it is, for people: the organisation's first name or the person's name. */
  owner: string;
  government: boolean;
  /**
   * The label is a place, not a name: under lg.jp the registrable label is the prefecture or city
   * (tokyo.lg.jp for the Metropolitan Police's keishicho.metro.tokyo.lg.jp), which a university or a
   * company may share ("u-tokyo.ac.jp"). Such a label only counts for look-alikes of the whole domain.
   */
  placeName: boolean;
}

export interface DomainIndex {
  entries: ProtectedDomain[];
  /** Every configured legitimate domain, for "is this host one of ours or a subdomain". */
  all: string[];
  /** The same as a set, for hostInSet look-ups in O(labels). */
  allSet: ReadonlySet<string>;
  /** Entries by the suffix of their registrable domain ("co.jp"): one-edit typos only compare within a suffix. */
  bySuffix: Map<string, ProtectedDomain[]>;
  byLabelSkeleton: Map<string, ProtectedDomain[]>;
  byToken: Map<string, ProtectedDomain[]>;
}

const domainIndexCache = new WeakMap<ResolvedPolicy, DomainIndex>();

/**
 * The policy's legitimate domains prepared for look-alike comparison: computed once per
 * ResolvedPolicy (a WeakMap keeps it exactly as long as the policy lives), so the per-message
 * work is a few map look-ups and short banded edit distances.
 */
export function protectedDomains(policy: ResolvedPolicy): DomainIndex {
  const cached = domainIndexCache.get(policy);
  if (cached) return cached;
  const entries: ProtectedDomain[] = [];
  const documentation: string[] = [];
  const seen = new Set<string>();
  // A documentation domain guessed from the mailbox (a test mailbox at example.com) stays legitimate but
  // is not protected against look-alikes; one IT wrote into the policy (a demo institute at
  // example.or.jp) is protected like any other.
  const guessedOrganization = hasMailboxDerivedOrganization(policy);
  const add = (domain: string, role: DomainRole, owner: string, government = false) => {
    const host = canonicalHost(domain);
    if (!host || host.isIp) return;
    if (role === 'organization' && guessedOrganization && isDocumentationDomain(host)) {
      documentation.push(host.ascii);
      return;
    }
    const key = `${host.ascii}|${role}`;
    if (seen.has(key)) return;
    seen.add(key);
    const registrable = registrableOf(host);
    const suffix = host.publicSuffix && host.publicSuffix !== registrable ? host.publicSuffix : '';
    const label = suffix ? registrable.slice(0, -(suffix.length + 1)) : registrable;
    entries.push({
      domain: host.ascii,
      registrable,
      label,
      suffix,
      tokens: registrable.split(/[.-]/).filter(Boolean),
      labelSkeleton: skeleton(label),
      role,
      owner,
      government: government || isGovernmentDomain(registrable),
      placeName: suffix === 'lg.jp',
    });
  };
  for (const domain of policy.organizationDomains) add(domain, 'organization', 'organization');
  for (const domain of policy.trustedDomains) add(domain, 'trusted', domain);
  for (const organization of policy.knownOrganizations) {
    const government = isGovernmentOrganization(organization);
    for (const domain of organization.domains) add(domain, 'known-organization', organization.names[0] ?? domain, government);
  }
  for (const person of policy.protectedPeople) {
    for (const domain of person.domains) add(domain, 'protected-person', person.name);
    for (const email of person.emails) {
      const domain = domainOfAddress(email);
      if (domain && !hostInSet(domain, policy.freemailDomains)) add(domain, 'protected-person', person.name);
    }
  }
  const byLabelSkeleton = new Map<string, ProtectedDomain[]>();
  const byToken = new Map<string, ProtectedDomain[]>();
  for (const entry of entries) {
    byLabelSkeleton.set(entry.labelSkeleton, [...(byLabelSkeleton.get(entry.labelSkeleton) ?? []), entry]);
    for (const token of new Set(entry.label.split('-'))) byToken.set(token, [...(byToken.get(token) ?? []), entry]);
  }
  const all = [...entries.map((entry) => entry.domain), ...documentation];
  const bySuffix = new Map<string, ProtectedDomain[]>();
  for (const entry of entries) bySuffix.set(entry.suffix, [...(bySuffix.get(entry.suffix) ?? []), entry]);
  const index: DomainIndex = { entries, all, allSet: new Set(all), bySuffix, byLabelSkeleton, byToken };
  domainIndexCache.set(policy, index);
  return index;
}

/** Reserved for documentation and testing (RFC 2606, RFC 6761; JPRS's example.jp family): no one can register them. */
const DOCUMENTATION_DOMAINS = new Set(['example.com', 'example.net', 'example.org', 'example.jp', 'example.co.jp', 'example.ne.jp', 'example.or.jp', 'example.ac.jp', 'example.ad.jp', 'example.ed.jp', 'example.go.jp', 'example.gr.jp', 'example.lg.jp']);
const DOCUMENTATION_SUFFIXES = ['example', 'test', 'invalid', 'localhost'];

export function isDocumentationDomain(host: CanonicalHost): boolean {
  if (DOCUMENTATION_DOMAINS.has(registrableOf(host))) return true;
  const last = host.ascii.slice(host.ascii.lastIndexOf('.') + 1);
  return DOCUMENTATION_SUFFIXES.includes(last);
}

/** True when the host is one of the policy's legitimate domains or a subdomain of one. */
export function isLegitimateHost(host: CanonicalHost | undefined, policy: ResolvedPolicy): boolean {
  return host !== undefined && hostInSet(host.ascii, protectedDomains(policy).allSet);
}

/** The protected entry a host belongs to (equal or subdomain), if any. */
export function protectedEntryFor(host: CanonicalHost | undefined, policy: ResolvedPolicy): ProtectedDomain | undefined {
  if (!host) return undefined;
  return protectedDomains(policy).entries.find((entry) => host.ascii === entry.domain || host.ascii.endsWith('.' + entry.domain));
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

export interface OwnDomain {
  domain: string;
  registrable: string;
  /** Registrable domain without its public suffix: "kaiyo-inst" for kaiyo-inst.or.jp. */
  label: string;
}

const ownDomainCache = new WeakMap<ResolvedPolicy, OwnDomain[]>();

/** The organisation's own domains with their registrable forms and distinctive labels (cached per policy). */
export function ownDomains(policy: ResolvedPolicy): OwnDomain[] {
  const cached = ownDomainCache.get(policy);
  if (cached) return cached;
  const result: OwnDomain[] = [];
  for (const domain of policy.organizationDomains) {
    const host = canonicalHost(domain);
    if (!host || host.isIp) continue;
    const registrable = registrableOf(host);
    const suffix = host.publicSuffix && host.publicSuffix !== registrable ? host.publicSuffix : '';
    result.push({ domain: host.ascii, registrable, label: suffix ? registrable.slice(0, -(suffix.length + 1)) : registrable });
  }
  ownDomainCache.set(policy, result);
  return result;
}

const knownDomainCache = new WeakMap<ResolvedPolicy, ReadonlySet<string>>();

/** Every known organisation's domain and service host in one set, for hostInSet (equal or subdomain) look-ups. */
export function knownDomainSet(policy: ResolvedPolicy): ReadonlySet<string> {
  let domains = knownDomainCache.get(policy);
  if (!domains) {
    domains = new Set(policy.knownOrganizations.flatMap((organization) => [...organization.domains, ...(organization.serviceDomains ?? [])].map((domain) => domain.toLowerCase())));
    knownDomainCache.set(policy, domains);
  }
  return domains;
}

const serviceHostCache = new WeakMap<ResolvedPolicy, ReadonlySet<string>>();

/** Hosts a known organisation operates for the public (outlook.com, 1drv.ms): its own, though anyone can have an address there. */
export function isBrandServiceHost(host: CanonicalHost | undefined, policy: ResolvedPolicy): boolean {
  if (!host) return false;
  let hosts = serviceHostCache.get(policy);
  if (!hosts) {
    hosts = new Set(policy.knownOrganizations.flatMap((organization) => organization.serviceDomains ?? []));
    serviceHostCache.set(policy, hosts);
  }
  return hostInSet(host.ascii, hosts);
}

export interface NamedOrganization {
  organization: KnownOrganization;
  names: PreparedName[];
}

const namedOrganizationCache = new WeakMap<ResolvedPolicy, NamedOrganization[]>();

/** Known organisations with their names prepared for mentionsName; computed once per policy, shared by the rules that look for a claimed name. */
export function namedOrganizations(policy: ResolvedPolicy): NamedOrganization[] {
  let list = namedOrganizationCache.get(policy);
  if (!list) {
    list = policy.knownOrganizations
      .map((organization) => ({ organization, names: organization.names.map(prepareName).filter((name): name is PreparedName => name !== undefined) }))
      .filter((entry) => entry.names.length > 0);
    namedOrganizationCache.set(policy, list);
  }
  return list;
}

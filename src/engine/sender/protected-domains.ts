// The policy's legitimate domains (our own, trusted partners, known organisations, protected
// people's) prepared once per policy for look-alike comparison, and the questions the rules ask of
// them: is this host one of ours, whose domain is it, is it a documentation domain.
import type { ResolvedPolicy } from '../../policy/types';
import { canonicalHost, domainOfAddress, type CanonicalHost } from '../../mail/hosts';
import { skeleton } from '../text/confusables';
import { hostInSet } from '../rules/content/links';
import { hasMailboxDerivedOrganization } from '../../policy/resolve';
import { registrableOf } from './identity';
import { isGovernmentDomain, isGovernmentOrganization } from './organizations';

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


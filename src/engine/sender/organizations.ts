// The known organisations of the policy, prepared once per policy for the rules that compare a
// message with them: their domains as one set, the hosts they run for the public, their names ready
// for matching, and which of them are public bodies.
import type { KnownOrganization, ResolvedPolicy } from '../../policy/types';
import type { CanonicalHost } from '../../mail/hosts';
import { hostInSet } from '../rules/content/links';
import { prepareName, type PreparedName } from '../text/words';

const GOVERNMENT_DOMAIN = /(^|\.)(go|gov|govt|mil|gob|gouv|lg)\.[a-z]{2}$|(^|\.)(gov|mil)$/;
const GOVERNMENT_NAME = /省|庁|内閣|官邸|大使館|自衛隊|警察|ministry|government|embassy|agency|police|\bcabinet\b/i;

/** Ministries, agencies and other public bodies: posing as one is a stronger signal. */
export function isGovernmentOrganization(organization: KnownOrganization): boolean {
  return organization.domains.some((domain) => GOVERNMENT_DOMAIN.test(domain.toLowerCase())) || organization.names.some((name) => GOVERNMENT_NAME.test(name));
}

export function isGovernmentDomain(domain: string): boolean {
  return GOVERNMENT_DOMAIN.test(domain);
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

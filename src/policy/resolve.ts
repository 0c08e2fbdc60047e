// policy.json merged over the built-in defaults, with every entry in the form the rules compare:
// domains as lower-case ASCII (IDN as punycode, no trailing dot), addresses lower-case, names and
// phrases NFKC with single spaces. The pane and the service call this for every message, so the
// result is memoised per policy object and shared: it is frozen, and callers must not change it.
import { parse } from 'tldts';
import type { KnownOrganization, LureKeyword, Policy, ProtectedPerson, ResolvedPolicy } from './types';
import { canonicalHost, domainOfAddress } from '../mail/hosts';
import { compactText, foldName } from '../engine/text/normalize';
import { BUILTIN_LURE_INTENTS } from './data/intents';
import {
  BUILTIN_LURE_KEYWORDS,
  DEFAULT_LURE_CATEGORY,
  DEFAULT_LURE_WEIGHT,
  FILE_SHARING_HOSTS,
  FREEMAIL_DOMAINS,
  KNOWN_ORGANIZATIONS,
  RISKY_EXTENSIONS,
  SHARED_TENANT_DOMAINS,
  TRACKING_LINK_HOSTS,
  URL_SHORTENERS,
} from './defaults';
import { normalizeDomain, normalizeEmail, normalizeLabel, resolveReporting, unique } from './reporting';

// The normalisers live with the reporting settings (reporting.ts), which the Report button loads alone.
export { normalizeDomain, normalizeEmail, normalizeLabel } from './reporting';

/** A host name is at most 127 labels; walking parents never needs more steps. */
const MAX_LABELS = 127;

/**
 * The entry of `list` that covers `host`: the host itself or its nearest parent domain
 * ("jpn01.safelinks.protection.outlook.com" -> "safelinks.protection.outlook.com").
 * `host` must already be canonical (lower-case ASCII, see canonicalHost).
 */
export function matchHostList(host: string, list: ReadonlySet<string>): string | undefined {
  let candidate = host;
  for (let step = 0; step < MAX_LABELS && candidate; step++) {
    if (list.has(candidate)) return candidate;
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
  return undefined;
}

export function hostInList(host: string, list: ReadonlySet<string>): boolean {
  return matchHostList(host, list) !== undefined;
}

const domains = (values: readonly string[] | undefined): string[] => unique((values ?? []).map(normalizeDomain));

function domainSet(builtIn: readonly string[], added: readonly string[] | undefined): ReadonlySet<string> {
  return new Set(domains([...builtIn, ...(added ?? [])]));
}

function resolvePerson(person: ProtectedPerson): Required<ProtectedPerson> {
  const name = normalizeLabel(person.name);
  const nameKey = foldName(name);
  return {
    name,
    aliases: unique((person.aliases ?? []).map(normalizeLabel), foldName).filter((alias) => foldName(alias) !== nameKey),
    emails: unique((person.emails ?? []).map(normalizeEmail)),
    domains: domains(person.domains),
  };
}

function resolveLureKeywords(added: readonly LureKeyword[] | undefined): Required<LureKeyword>[] {
  const byPhrase = new Map<string, Required<LureKeyword>>();
  for (const keyword of BUILTIN_LURE_KEYWORDS) {
    const phrase = normalizeLabel(keyword.phrase);
    byPhrase.set(compactText(phrase), { phrase, weight: keyword.weight, category: keyword.category });
  }
  for (const keyword of added ?? []) {
    const phrase = normalizeLabel(keyword.phrase);
    const key = compactText(phrase);
    if (!key) continue;
    const builtIn = byPhrase.get(key);
    // Same phrase as a built-in one: the policy's weight/category win; what it leaves out stays as built in.
    byPhrase.set(key, {
      phrase: builtIn?.phrase ?? phrase,
      weight: keyword.weight ?? builtIn?.weight ?? DEFAULT_LURE_WEIGHT,
      category: keyword.category ?? builtIn?.category ?? DEFAULT_LURE_CATEGORY,
    });
  }
  return [...byPhrase.values()];
}

function resolveOrganizations(added: readonly KnownOrganization[] | undefined): KnownOrganization[] {
  const organizations: KnownOrganization[] = [];
  const byName = new Map<string, KnownOrganization>();
  const include = (organization: KnownOrganization) => {
    const names = unique(organization.names.map(normalizeLabel), foldName);
    const sendingDomains = domains(organization.domains);
    // An organisation the policy names again (e.g. "Microsoft" with a partner's domain) gains the
    // policy's names and domains instead of appearing twice with different domains.
    const existing = names.map((name) => byName.get(foldName(name))).find((found) => found !== undefined);
    const target: KnownOrganization = existing ?? { names: [], domains: [] };
    if (!existing) organizations.push(target);
    target.names = unique([...target.names, ...names], foldName);
    target.domains = unique([...target.domains, ...sendingDomains]);
    const serviceDomains = unique([...(target.serviceDomains ?? []), ...domains(organization.serviceDomains)]);
    if (serviceDomains.length > 0) target.serviceDomains = serviceDomains;
    for (const name of target.names) if (!byName.has(foldName(name))) byName.set(foldName(name), target);
  };
  for (const organization of KNOWN_ORGANIZATIONS) include(organization);
  for (const organization of added ?? []) include(organization);
  return organizations;
}

function freeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner && typeof inner === 'object' && !(inner instanceof Set) && !Object.isFrozen(inner)) freeze(inner as object);
  }
  return Object.freeze(value);
}

function build(policy: Policy | undefined): ResolvedPolicy {
  return freeze({
    organizationDomains: domains(policy?.organizationDomains),
    protectedPeople: unique((policy?.protectedPeople ?? []).map(resolvePerson), (person) => foldName(person.name)),
    trustedDomains: domains(policy?.trustedDomains),
    lureKeywords: resolveLureKeywords(policy?.lureKeywords),
    lureIntents: BUILTIN_LURE_INTENTS,
    knownOrganizations: resolveOrganizations(policy?.knownOrganizations),
    freemailDomains: domainSet(FREEMAIL_DOMAINS, policy?.freemailDomains),
    fileSharingHosts: domainSet(FILE_SHARING_HOSTS, policy?.fileSharingHosts),
    urlShorteners: domainSet(URL_SHORTENERS, policy?.urlShorteners),
    riskyExtensions: new Set(
      unique([...RISKY_EXTENSIONS.map((entry) => entry.extension), ...(policy?.riskyExtensions ?? [])].map((extension) => extension.trim().replace(/^\./, '').toLowerCase())),
    ),
    trackingLinkHosts: domainSet(TRACKING_LINK_HOSTS, policy?.trackingLinkHosts),
    reporting: resolveReporting(policy?.reporting),
    senderHistory: policy?.senderHistory === true,
  });
}

const resolvedByPolicy = new WeakMap<Policy, ResolvedPolicy>();
let resolvedDefaults: ResolvedPolicy | undefined;

/**
 * The policy with built-in defaults merged in: every list in policy.json is added to the
 * built-in one. Call it with a validated policy (validatePolicy / parsePolicyJson). The same
 * policy object always gives the same (frozen) result; a changed policy must be a new object.
 */
export function resolvePolicy(policy?: Policy): ResolvedPolicy {
  if (!policy) return (resolvedDefaults ??= build(undefined));
  let resolved = resolvedByPolicy.get(policy);
  if (!resolved) {
    resolved = build(policy);
    resolvedByPolicy.set(policy, resolved);
  }
  return resolved;
}

/**
 * The organisation domain to assume for a mailbox when policy.json names none: its registrable
 * domain (user@tokyo.example.or.jp -> example.or.jp), but the full domain on shared tenant
 * domains (contoso.onmicrosoft.com), and nothing for free mail or anything that is not a domain.
 */
export function mailboxOrganizationDomain(userAddress: string, freemailDomains: ReadonlySet<string>): string | undefined {
  const host = canonicalHost(domainOfAddress(userAddress));
  if (!host || host.isIp || !host.registrable) return undefined;
  if (hostInList(host.ascii, freemailDomains)) return undefined;
  // Private suffixes too (foo.github.io is foo's, not GitHub's).
  const registrable = parse(host.ascii, { allowPrivateDomains: true }).domain ?? host.registrable;
  if (hostInList(registrable, new Set(SHARED_TENANT_DOMAINS))) return host.ascii;
  return registrable;
}

const byMailboxDomain = new WeakMap<ResolvedPolicy, Map<string, ResolvedPolicy>>();
/** Policies whose organisation domain was guessed from the mailbox rather than written by IT. */
const mailboxDerived = new WeakSet<ResolvedPolicy>();

/** True when the policy's organisation domain is the mailbox's own (policyForMailbox), not configured. */
export function hasMailboxDerivedOrganization(policy: ResolvedPolicy): boolean {
  return mailboxDerived.has(policy);
}

/**
 * resolvePolicy for a given user's mailbox: when the policy lists no organizationDomains, the
 * user's own mailbox domain stands in (see mailboxOrganizationDomain), so a pane without any
 * policy.json still knows which mail is internal. Memoised like resolvePolicy.
 */
export function policyForMailbox(userAddress: string, policy?: Policy): ResolvedPolicy {
  const base = resolvePolicy(policy);
  if (base.organizationDomains.length > 0) return base;
  const derived = mailboxOrganizationDomain(userAddress, base.freemailDomains);
  if (!derived) return base;
  let perDomain = byMailboxDomain.get(base);
  if (!perDomain) {
    perDomain = new Map();
    byMailboxDomain.set(base, perDomain);
  }
  let resolved = perDomain.get(derived);
  if (!resolved) {
    resolved = Object.freeze({ ...base, organizationDomains: Object.freeze([derived]) as string[] });
    mailboxDerived.add(resolved);
    perDomain.set(derived, resolved);
  }
  return resolved;
}

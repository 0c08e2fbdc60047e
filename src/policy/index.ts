// Public surface of the policy: what IT writes (policy.json), how it is checked, and what the
// engine sees after the built-in defaults are merged in.
export type {
  AfterReport,
  KnownOrganization,
  LureKeyword,
  LureIntent,
  Policy,
  ProtectedPerson,
  ReportChannel,
  ReportingPolicy,
  ResolvedPolicy,
} from './types';
export { PolicySchema, ProtectedPersonSchema, LureKeywordSchema, KnownOrganizationSchema, ReportingPolicySchema, LIMITS } from './schema';
export { validatePolicy, parsePolicyJson, CROSS_FIELD_RULES, MAX_POLICY_BYTES, type PolicyValidation } from './validate';
export {
  resolvePolicy,
  policyForMailbox,
  mailboxOrganizationDomain,
  matchHostList,
  hostInList,
  normalizeDomain,
  normalizeEmail,
  normalizeLabel,
} from './resolve';
export { resolveReporting, DEFAULT_CHANNEL_ORDER } from './reporting';
export {
  FREEMAIL_DOMAINS,
  FILE_SHARING_HOSTS,
  URL_SHORTENERS,
  TRACKING_LINK_HOSTS,
  RISKY_EXTENSIONS,
  RISKY_EXTENSION_KINDS,
  builtInRiskyExtension,
  KNOWN_ORGANIZATIONS,
  BUILTIN_ORGANIZATION_GROUPS,
  BUILTIN_LURE_KEYWORDS,
  LURE_CATEGORIES,
  DEFAULT_REPORTING,
  DEFAULT_LURE_CATEGORY,
  DEFAULT_LURE_WEIGHT,
  SHARED_TENANT_DOMAINS,
  builtInCounts,
  type RiskyExtension,
  type RiskyExtensionKind,
  type OrganizationGroup,
  type BuiltInLureCategory,
} from './defaults';

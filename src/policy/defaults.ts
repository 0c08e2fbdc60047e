// The built-in lists every policy starts from. policy.json adds to them (see resolve.ts); it
// cannot remove from them, so a careless edit can never switch a protection off.
import { FREEMAIL_DOMAINS } from './data/freemail';
import { FILE_SHARING_HOSTS, TRACKING_LINK_HOSTS, URL_SHORTENERS } from './data/hosts';
import { RISKY_EXTENSIONS } from './data/extensions';
import { KNOWN_ORGANIZATIONS } from './data/organizations';
import { BUILTIN_LURE_KEYWORDS } from './data/lures';

export { FREEMAIL_DOMAINS } from './data/freemail';
export { FILE_SHARING_HOSTS, TRACKING_LINK_HOSTS, URL_SHORTENERS } from './data/hosts';
export { RISKY_EXTENSIONS, RISKY_EXTENSION_KINDS, builtInRiskyExtension, type RiskyExtension, type RiskyExtensionKind } from './data/extensions';
export { KNOWN_ORGANIZATIONS, BUILTIN_ORGANIZATION_GROUPS, type OrganizationGroup } from './data/organizations';
export { BUILTIN_LURE_KEYWORDS, LURE_CATEGORIES, type BuiltInLureCategory } from './data/lures';

// Reporting defaults live in reporting.ts, which the Report button loads without the lists above.
export { DEFAULT_CHANNEL_ORDER, DEFAULT_REPORTING } from './reporting';

/** Category given to policy lure keywords that do not name one. */
export const DEFAULT_LURE_CATEGORY = 'custom';
export const DEFAULT_LURE_WEIGHT = 1;

/**
 * Domains shared by many unrelated customers that the public suffix list does not know about.
 * contoso.onmicrosoft.com belongs to one tenant, but anyone can create another, so such a
 * mailbox domain is used as it is, never widened to onmicrosoft.com.
 */
export const SHARED_TENANT_DOMAINS: readonly string[] = ['onmicrosoft.com', 'onmicrosoft.us', 'sharepoint.com', 'mail.onmicrosoft.com'];

/** How many entries each built-in list has (for the documentation and diagnostics). */
export function builtInCounts() {
  return {
    freemailDomains: FREEMAIL_DOMAINS.length,
    fileSharingHosts: FILE_SHARING_HOSTS.length,
    urlShorteners: URL_SHORTENERS.length,
    riskyExtensions: RISKY_EXTENSIONS.length,
    trackingLinkHosts: TRACKING_LINK_HOSTS.length,
    knownOrganizations: KNOWN_ORGANIZATIONS.length,
    lureKeywords: BUILTIN_LURE_KEYWORDS.length,
  };
}

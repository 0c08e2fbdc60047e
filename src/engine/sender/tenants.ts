// Shared platforms and their customers: the account ("tenant") a host belongs to on a platform where
// anyone can open one (help desks, Microsoft 365, app hosting). Shared by platform-tenant-sender (a name
// that is not the account's) and unrelated-link-site (an app project's own site is its own host).
//
// Shared platforms: the private section of the Public Suffix List (hosting whose every subdomain
// belongs to a different customer) and the tenant domains of help desks and Microsoft 365
// (src/policy/data/hosts.ts).
import { parse } from 'tldts';
import { SHARED_TENANT_DOMAINS } from '../../policy/data/hosts';

export const TENANT_DOMAINS: ReadonlySet<string> = new Set(SHARED_TENANT_DOMAINS);

export interface Tenant {
  /** The customer's own label on the platform: "pqqjd" in pqqjd.zendesk.com. */
  label: string;
  /** Everything the customer chose in front of the platform: "nyaan.example" in nyaan.example.awsapps.com. */
  name: string;
  /** The platform's domain: "zendesk.com", "firebaseapp.com". */
  platform: string;
}

/** The tenant a host belongs to on a shared platform, or undefined for an ordinary domain. */
export function tenantOf(host: string): Tenant | undefined {
  const name = host.toLowerCase().slice(0, 253);
  const parsed = parse(name, { allowPrivateDomains: true });
  if (parsed.isPrivate && parsed.domainWithoutSuffix && parsed.publicSuffix && name.endsWith('.' + parsed.publicSuffix)) {
    return { label: parsed.domainWithoutSuffix, name: name.slice(0, -(parsed.publicSuffix.length + 1)), platform: parsed.publicSuffix };
  }
  const labels = name.split('.');
  for (let i = 1; i < labels.length - 1 && i < 127; i++) {
    const platform = labels.slice(i).join('.');
    if (TENANT_DOMAINS.has(platform)) return { label: labels[i - 1], name: labels.slice(0, i).join('.'), platform };
  }
  return undefined;
}

// Domains whose name says nothing about who sent a lure: the world's most linked sites (public
// ranking data, see top-domains.ts and scripts/top-domains.ts) and namespaces where every
// subdomain belongs to a different customer but which the public suffix list does not mark.
import { getDomain } from 'tldts';
import { TOP_DOMAINS } from './top-domains';

const POPULAR = new Set(TOP_DOMAINS);

/**
 * Customer namespaces missing from the public suffix list's private section: "evil.onmicrosoft.com"
 * is one Microsoft 365 tenant (the attacker's), "onmicrosoft.com" is every tenant. Longest first.
 */
const TENANT_NAMESPACES: readonly string[] = ['mail.onmicrosoft.com', 'onmicrosoft.com'];

/**
 * The domain someone registered, counting private suffixes (attacker.github.io, not github.io:
 * blocking the shared platform would block everyone on it) and tenant namespaces.
 */
export function registrableDomain(asciiHost: string): string {
  for (const namespace of TENANT_NAMESPACES) {
    if (asciiHost.endsWith('.' + namespace)) {
      const tenant = asciiHost.slice(0, -namespace.length - 1);
      return `${tenant.slice(tenant.lastIndexOf('.') + 1)}.${namespace}`;
    }
  }
  return getDomain(asciiHost, { allowPrivateDomains: true }) ?? asciiHost;
}

/** True for a globally popular registrable domain (or a host under one), e.g. linkedin.com, www.facebook.com. */
export function isPopularDomain(asciiHost: string): boolean {
  const icann = getDomain(asciiHost, { allowPrivateDomains: false });
  // A tenant of a private suffix (attacker.github.io) is not the popular platform itself.
  return icann !== null && POPULAR.has(icann) && registrableDomain(asciiHost) === icann;
}

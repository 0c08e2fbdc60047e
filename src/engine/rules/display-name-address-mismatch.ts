// Display name that shows a different address: "support@mail.coinbase.com" <x@medisept.com.au>,
// "Amazon.co.jp" <support@ndihfok.cn>. Mail programs show the name, often without the address,
// so the reader sees the address the attacker typed instead of the real one.
//
// Precision: an address in the name counts when its domain differs from the real sender's
// registrable domain. A bare domain ("CNET News.com", "Comics.com") is normal in newsletter
// names, so it only counts when it is one of the policy's domains (our own, trusted partners,
// known organisations and brands, protected people) — exactly the ones attackers put there.
// Mailing lists that rewrite "author@x via List" are compared with the author's real address.
import { parse } from 'tldts';
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import type { ResolvedPolicy } from '../../policy/types';
import { canonicalHost, type CanonicalHost } from '../../mail/hosts';
import { claimedIdentities, isVerifiedPlatform, registrableOf } from '../sender/identity';
import { isLegitimateHost } from '../sender/protected-domains';

const MENTION_LIMIT = 10;
const LOCAL_CHAR = /[a-z0-9._%+\-!#$&'*/=?^`{|}~]/;
const DOMAIN_CHAR = /[a-z0-9.-]/;

export interface ShownAddress {
  /** As shown, lower case: "support@mail.coinbase.com" or "amazon.co.jp". */
  text: string;
  host: CanonicalHost;
  /** True when an address (with @) was shown; false for a bare domain. */
  isAddress: boolean;
}

function trimDots(value: string): string {
  return value.replace(/^[.-]+|[.-]+$/g, '');
}

/** A host that exists on the public internet: its suffix is a real (ICANN) top-level domain. */
function publicHost(domain: string): CanonicalHost | undefined {
  if (!domain.includes('.')) return undefined;
  const parsed = parse(domain, { allowPrivateDomains: false });
  if (!parsed.isIcann || !parsed.domain) return undefined;
  return canonicalHost(domain);
}

/**
 * Addresses and domain names written inside a display name, found by a linear scan (no regex
 * backtracking). Full-width "＠" and letters are folded first. `recipients` lets a shown recipient
 * address count even on a non-public domain (the "you@yourcompany" trick).
 */
export function shownAddresses(displayName: string, recipients: ReadonlySet<string> = new Set()): ShownAddress[] {
  const text = displayName.slice(0, 512).normalize('NFKC').toLowerCase();
  const chars = Array.from(text);
  const found: ShownAddress[] = [];
  const seen = new Set<string>();
  const covered = new Array<boolean>(chars.length).fill(false);
  for (let at = 0; at < chars.length && found.length < MENTION_LIMIT; at++) {
    if (chars[at] !== '@') continue;
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(chars[start - 1])) start--;
    let end = at + 1;
    while (end < chars.length && DOMAIN_CHAR.test(chars[end])) end++;
    const local = trimDots(chars.slice(start, at).join(''));
    const domain = trimDots(chars.slice(at + 1, end).join(''));
    for (let i = start; i < end; i++) covered[i] = true;
    if (!local || !domain) continue;
    // The domain may run into trailing text ("you@corp.868.6****"): try it whole, then without trailing labels.
    const labels = domain.split('.');
    for (let keep = labels.length; keep >= 1 && keep > labels.length - 4; keep--) {
      const candidate = labels.slice(0, keep).join('.');
      const address = `${local}@${candidate}`;
      const host = publicHost(candidate) ?? (recipients.has(address) ? canonicalHost(candidate) : undefined);
      if (!host) continue;
      if (!seen.has(address)) {
        seen.add(address);
        found.push({ text: address, host, isAddress: true });
      }
      break;
    }
  }
  // Bare domains: runs of domain characters containing a dot, outside the addresses found above.
  let index = 0;
  while (index < chars.length && found.length < MENTION_LIMIT) {
    if (covered[index] || !DOMAIN_CHAR.test(chars[index])) {
      index++;
      continue;
    }
    let end = index;
    while (end < chars.length && !covered[end] && DOMAIN_CHAR.test(chars[end])) end++;
    const token = trimDots(chars.slice(index, end).join(''));
    index = end;
    const host = token.includes('.') ? publicHost(token) : undefined;
    if (host && !seen.has(token)) {
      seen.add(token);
      found.push({ text: token, host, isAddress: false });
    }
  }
  return found;
}

function sameRegistrable(a: CanonicalHost, b: CanonicalHost | undefined): boolean {
  return b !== undefined && registrableOf(a) === registrableOf(b);
}

function severityFor(shown: ShownAddress, policy: ResolvedPolicy): 'high' | 'medium' {
  return isLegitimateHost(shown.host, policy) ? 'high' : 'medium';
}

export const displayNameAddressMismatch: Rule = {
  id: 'display-name-address-mismatch',
  title: {
    en: 'The sender name shows a different address than the real one',
    ja: '差出人名に、実際とは異なるアドレスが書かれています',
  },
  explanation: {
    en:
      'The sender’s name contains an email address or web domain, but the message really came from somewhere else. Many mail ' +
      'apps show only the name, so this makes a message look as if it came from a company or person it did not come from. ' +
      'Trust the real address shown here, not the name.',
    ja:
      '差出人の名前の部分にメールアドレスやドメインが書かれていますが、実際の送信元は別のアドレスです。多くのメールソフトは' +
      '名前だけを表示するため、企業や人物から届いたように見せかける手口です。名前ではなく、ここに示した実際のアドレスで判断してください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    const recipients = new Set([...message.to, ...message.cc].map((entry) => entry.address.toLowerCase()).filter(Boolean));
    const evidence: Evidence[] = [];
    let severity: 'high' | 'medium' = 'medium';
    for (const identity of claimedIdentities(message)) {
      // A list rewrite that hid the author leaves no real address to compare with.
      if (!identity.name || (identity.viaList && !identity.address)) continue;
      const actual = identity.address.toLowerCase();
      for (const shown of shownAddresses(identity.name, recipients)) {
        if (shown.isAddress && shown.text === actual) continue;
        if (sameRegistrable(shown.host, identity.host)) continue;
        if (!shown.isAddress && !isLegitimateHost(shown.host, policy)) continue;
        evidence.push({ kind: 'address-mismatch', field: identity.field, shown: shown.text, actual: identity.address || '(no address)' });
        // "Name (name@corp) via DocuSign" from the verified service is how sharing services write it.
        if (severityFor(shown, policy) === 'high' && !isVerifiedPlatform(identity.host, context.view, policy)) severity = 'high';
      }
    }
    return evidence.length > 0 ? { evidence, severity } : undefined;
  },
};

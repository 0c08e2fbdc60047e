// Indicators an analyst can block or hunt for: who sent it, where replies and bounces go, where the
// links lead, and what was attached. Domains that belong to the organisation, trusted partners or
// shared infrastructure (free mail, file sharing, shorteners, tracking links) are kept out of the
// domain indicators: exporting "gmail.com" or "sharepoint.com" as malicious would do harm.
import { createHash } from 'node:crypto';
import { getDomain } from 'tldts';
import type { MailMessage } from '../engine/model';
import type { ResolvedPolicy } from '../policy/types';
import { canonicalHost, domainOfAddress } from '../mail/hosts';
import type { Indicator } from './store/types';

/** Bounds so a message with 20,000 links or attachments stays cheap to store and export. */
export const MAX_URL_INDICATORS = 300;
export const MAX_ATTACHMENTS = 100;
const MAX_URL_LENGTH = 2048;
const MAX_ADDRESS_LENGTH = 320;

export interface AttachmentInfo {
  name: string;
  contentType: string;
  size: number;
  inline: boolean;
  /** Hex SHA-256 of the decoded content; undefined when the content was not available. */
  sha256?: string;
}

export interface IndicatorSet {
  indicators: Indicator[];
  attachments: AttachmentInfo[];
  /** URLs specific enough to link two reports to one campaign (not a bare homepage, not shared infrastructure). */
  distinctiveUrls: string[];
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** True when host or one of its parent domains is in the set (bounded by the number of labels). */
export function inDomainSet(host: string, domains: ReadonlySet<string> | readonly string[]): boolean {
  const set = domains instanceof Set ? domains : new Set(domains as readonly string[]);
  let candidate = host;
  for (let i = 0; i < 127 && candidate; i++) {
    if (set.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) break;
    candidate = candidate.slice(dot + 1);
  }
  return false;
}

/**
 * The domain someone registered, counting private suffixes (attacker.github.io, not github.io:
 * blocking the shared platform would block everyone on it).
 */
export function registrableDomain(asciiHost: string): string {
  return getDomain(asciiHost, { allowPrivateDomains: true }) ?? asciiHost;
}

/** Domains that are never exported as indicators, whatever the message says. */
export function isSharedInfrastructure(host: string, policy: ResolvedPolicy): boolean {
  return (
    inDomainSet(host, policy.organizationDomains) ||
    inDomainSet(host, policy.trustedDomains) ||
    inDomainSet(host, policy.freemailDomains) ||
    inDomainSet(host, policy.fileSharingHosts) ||
    inDomainSet(host, policy.urlShorteners) ||
    inDomainSet(host, policy.trackingLinkHosts)
  );
}

/** http(s) URL in its canonical form (IDNA host, no fragment), or undefined for anything else. */
export function canonicalUrl(href: string): URL | undefined {
  let text = href.trim();
  if (!text || text.length > MAX_URL_LENGTH) return undefined;
  // Plain-text links are often written without a scheme ("www.example.com/login").
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!/^www\./i.test(text)) return undefined;
    text = 'http://' + text;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
  url.hash = '';
  // Credentials in a URL are never an indicator worth exporting and may be someone's password.
  url.username = '';
  url.password = '';
  return url;
}

function cleanAddress(address: string | undefined): string | undefined {
  const value = (address ?? '').trim().replace(/^<|>$/g, '').toLowerCase();
  if (!value || value.length > MAX_ADDRESS_LENGTH || !value.includes('@')) return undefined;
  // Control characters would corrupt exports (CSV rows, STIX patterns, ARF fields).
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

export function extractIndicators(message: MailMessage, policy: ResolvedPolicy): IndicatorSet {
  const indicators: Indicator[] = [];
  const seen = new Set<string>();
  const add = (indicator: Indicator) => {
    const id = indicator.type + '\u0000' + indicator.value;
    if (seen.has(id)) return;
    seen.add(id);
    indicators.push(indicator);
  };
  const addDomain = (type: 'sender-domain' | 'url-domain', domain: string | undefined) => {
    const host = domain ? canonicalHost(domain) : undefined;
    if (!host || host.isIp) return;
    if (isSharedInfrastructure(host.ascii, policy)) return;
    add({ type, value: registrableDomain(host.ascii) });
  };

  const from = cleanAddress(message.from?.address);
  if (from) {
    add({ type: 'sender-address', value: from });
    addDomain('sender-domain', domainOfAddress(from));
  }
  for (const replyTo of message.replyTo.slice(0, 20)) {
    const address = cleanAddress(replyTo.address);
    if (address) add({ type: 'reply-to', value: address });
  }
  const returnPath = cleanAddress(message.returnPath);
  if (returnPath) add({ type: 'return-path', value: returnPath });

  const distinctiveUrls: string[] = [];
  let urls = 0;
  for (const link of message.links) {
    if (urls >= MAX_URL_INDICATORS) break;
    const url = canonicalUrl(link.href);
    if (!url) continue;
    const host = canonicalHost(url.hostname);
    if (!host) continue;
    // Phishing mail often links to the real site of the organisation it imitates; that is no indicator.
    if (!host.isIp && (inDomainSet(host.ascii, policy.organizationDomains) || inDomainSet(host.ascii, policy.trustedDomains))) continue;
    const before = indicators.length;
    add({ type: 'url', value: url.href });
    if (indicators.length === before) continue;
    urls++;
    addDomain('url-domain', host.ascii);
    const shared = !host.isIp && isSharedInfrastructure(host.ascii, policy);
    const bareHomepage = (url.pathname === '/' || url.pathname === '') && !url.search;
    if (!shared && !bareHomepage) distinctiveUrls.push(url.href);
  }

  const attachments: AttachmentInfo[] = [];
  for (const attachment of message.attachments.slice(0, MAX_ATTACHMENTS)) {
    const sha256 = attachment.content ? sha256Hex(attachment.content) : undefined;
    const info: AttachmentInfo = {
      name: attachment.name,
      contentType: attachment.contentType,
      size: attachment.size,
      inline: Boolean(attachment.inline),
      sha256,
    };
    attachments.push(info);
    // Inline images (logos, signatures) are shared by unrelated mail; only real attachments count.
    if (sha256 && !info.inline && attachment.size > 0) add({ type: 'attachment', value: sha256, name: attachment.name.slice(0, 255) });
  }
  return { indicators, attachments, distinctiveUrls };
}

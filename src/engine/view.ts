// Views of one message that several rules need. Each is computed at most once per analysis,
// and only if a rule asks for it, so a rule that is not triggered costs nothing.
import type { MailMessage } from './model';
import type { ResolvedPolicy } from '../policy/types';
import { decodeCharacterReferences, normalizeText } from './text/normalize';
import { readAuthentication, type AuthenticationSummary } from '../mail/authentication';
import { computeAlignment, listPageHosts, mailingListOf, type Alignment, type MailingList } from '../mail/alignment';
import { isDeliveryReport } from '../mail/delivery-report';
import { canonicalHost, domainOfAddress, type CanonicalHost } from '../mail/hosts';
import { unmaskMixedScriptWords } from './text/words';

export interface ViewLink {
  href: string;
  text: string;
  source: 'html' | 'text';
  /** Canonical target host; undefined for non-web links (mailto:, tel:) or unparseable ones. */
  host?: CanonicalHost;
  scheme: string;
}

export interface MessageView {
  /** Normalised subject (see normalizeText), words disguised with look-alike letters read as Latin (unmaskMixedScriptWords). */
  readonly subject: string;
  /** Normalised body text, unmasked like the subject; capped at BODY_LIMIT characters so every rule stays bounded. */
  readonly body: string;
  /** Canonical host of the From address's domain. */
  readonly fromHost?: CanonicalHost;
  readonly authentication: AuthenticationSummary;
  /** DMARC-style alignment of the From domain with the passing SPF and DKIM identities. */
  readonly alignment: Alignment;
  /** List-Id / List-Post, and whether the list's own domain vouches for them (see mail/alignment.ts). */
  readonly mailingList: MailingList;
  /** Hosts of the mailing list's own pages (List-Unsubscribe, List-Archive …) that authentication vouches for. */
  readonly listPageHosts: readonly string[];
  /** True for a delivery status notification (multipart/report; report-type=delivery-status). */
  readonly deliveryReport: boolean;
  readonly links: readonly ViewLink[];
  /** True when the From domain is one of the organisation's own (or a subdomain of one). */
  readonly fromOrganization: boolean;
  /** True when the From domain is trusted by policy or is the organisation's own. */
  readonly fromTrusted: boolean;
}

/** Analysis looks at the first 1 MiB of body text: lures are written for humans near the top. */
export const BODY_LIMIT = 1 << 20;
/** At most this many links are examined; more is itself unusual, and 20,000 links must stay fast. */
export const LINK_LIMIT = 2000;

export function isWithinDomains(host: string | undefined, domains: Iterable<string>): boolean {
  if (!host) return false;
  for (const domain of domains) {
    if (host === domain || host.endsWith('.' + domain)) return true;
  }
  return false;
}

export function createView(message: MailMessage, policy: ResolvedPolicy): MessageView {
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  const fromHost = () => memo('fromHost', () => {
    const domain = domainOfAddress(message.from?.address ?? '');
    return domain ? canonicalHost(domain) : undefined;
  });
  const readAuthenticationOnce = () => memo('authentication', () => readAuthentication(message.headers));
  const alignment = () => memo('alignment', () => computeAlignment(message.from?.address, readAuthenticationOnce(), message.returnPath));
  return {
    get subject() {
      return memo('subject', () => unmaskMixedScriptWords(normalizeText(message.subject)));
    },
    get body() {
      return memo('body', () => unmaskMixedScriptWords(normalizeText(decodeCharacterReferences(message.text.slice(0, BODY_LIMIT)))));
    },
    get fromHost() {
      return fromHost();
    },
    get authentication() {
      return readAuthenticationOnce();
    },
    get alignment() {
      return alignment();
    },
    get mailingList() {
      return memo('mailingList', () => mailingListOf(message));
    },
    get listPageHosts() {
      return memo('listPageHosts', () => listPageHosts(message.headers, alignment()));
    },
    get deliveryReport() {
      return memo('deliveryReport', () => isDeliveryReport(message));
    },
    get links() {
      return memo('links', () =>
        message.links.slice(0, LINK_LIMIT).map((link): ViewLink => {
          const scheme = /^([a-z][a-z0-9+.-]{0,31}):/i.exec(link.href.trim())?.[1]?.toLowerCase() ?? '';
          let host: CanonicalHost | undefined;
          if (scheme === 'http' || scheme === 'https' || scheme === '') {
            try {
              const url = new URL(scheme ? link.href.trim() : 'http://' + link.href.trim());
              host = canonicalHost(url.hostname);
            } catch {
              host = undefined;
            }
          }
          return { href: link.href, text: link.text, source: link.source, host, scheme };
        }),
      );
    },
    get fromOrganization() {
      return memo('fromOrganization', () => isWithinDomains(fromHost()?.ascii, policy.organizationDomains));
    },
    get fromTrusted() {
      return memo(
        'fromTrusted',
        () => isWithinDomains(fromHost()?.ascii, policy.organizationDomains) || isWithinDomains(fromHost()?.ascii, policy.trustedDomains),
      );
    },
  };
}

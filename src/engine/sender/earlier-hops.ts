// What servers earlier on the message's way concluded about the From domain, read only to find a
// failure the receiving boundary no longer sees. Spoofed mail relayed through a server the domain
// authorises (typically a Microsoft 365 tenant of the sender's own, whose outbound servers every
// domain with "include:spf.protection.outlook.com" lets send) arrives with SPF passing, while the
// first receiving server recorded the truth: SPF or DMARC failing for the very same domain, in
// ARC-Authentication-Results (RFC 8617) or a Received-SPF line further down.
//
// Trust: these fields can be written by anyone, so they may only ever count against a message. A
// forger gains nothing by writing a failure, and a real forwarder (a mailing list, an alias) sends
// with its own envelope domain, so SPF cannot pass for the author's domain after failing for it.
import type { HeaderField } from '../model';
import { parseAuthenticationResults } from '../../mail/authentication';
import { organizationalDomain } from '../../mail/alignment';

export interface EarlierFailure {
  /** The header that recorded it, as named in the message. */
  header: string;
  method: 'spf' | 'dmarc';
  result: string;
  /** The domain it failed for, as written. */
  domain: string;
}

/** Header fields read; real messages carry a handful of each. */
const MAX_FIELDS = 30;
/** Values longer than this are read only this far. */
const MAX_VALUE = 4000;

/** "Fail (protection.outlook.com: domain of example.com does not …)" or "softfail … envelope-from=a@example.com". */
function receivedSpfFailure(value: string): { result: string; domain?: string } | undefined {
  const text = value.slice(0, MAX_VALUE);
  const result = /^\s*(fail|softfail)\b/i.exec(text)?.[1]?.toLowerCase();
  if (!result) return undefined;
  const domain =
    /\bdomain of (?:transitioning )?([a-z0-9.-]{1,253})/i.exec(text)?.[1] ??
    /\benvelope-from=["<]?[^@\s;"<>]{0,64}@([a-z0-9.-]{1,253})/i.exec(text)?.[1];
  return { result, domain };
}

/**
 * The first failure of SPF or DMARC for `fromDomain` (an organisational domain) recorded by an earlier
 * hop: in any ARC-Authentication-Results, or in a Received-SPF below the topmost one (the topmost is
 * the receiving boundary's own, read with Authentication-Results).
 */
export function earlierFailureFor(headers: readonly HeaderField[], fromDomain: string): EarlierFailure | undefined {
  let receivedSpfSeen = 0;
  let read = 0;
  for (const header of headers) {
    if (read >= MAX_FIELDS) break;
    const name = header.name.toLowerCase();
    if (name === 'arc-authentication-results') {
      read++;
      // "i=1; mx.example; spf=fail …": the instance tag comes before the authserv-id.
      const { results } = parseAuthenticationResults(header.value.slice(0, MAX_VALUE).replace(/^\s*i\s*=\s*\d+\s*;/, ''));
      for (const result of results) {
        const domain = result.method === 'spf' ? result.props.get('smtp.mailfrom') : result.method === 'dmarc' ? result.props.get('header.from') : undefined;
        const failed = result.result === 'fail' || (result.method === 'spf' && result.result === 'softfail');
        if (failed && domain && organizationalDomain(domain) === fromDomain) {
          return { header: header.name, method: result.method as 'spf' | 'dmarc', result: result.result, domain };
        }
      }
    } else if (name === 'received-spf') {
      read++;
      if (receivedSpfSeen++ === 0) continue;
      const failure = receivedSpfFailure(header.value);
      if (failure?.domain && organizationalDomain(failure.domain) === fromDomain) {
        return { header: header.name, method: 'spf', result: failure.result, domain: failure.domain };
      }
    }
  }
  return undefined;
}

// What servers earlier on the message's way concluded about the From domain, read only to find a
// failure the receiving boundary no longer sees. Spoofed mail relayed through a server the domain
// authorises (typically a Microsoft 365 tenant of the sender's own, whose outbound servers every
// domain with "include:spf.protection.outlook.com" lets send) arrives with SPF passing, while the
// first receiving server recorded the truth in ARC-Authentication-Results (RFC 8617): SPF or DMARC
// failing for the very same domain.
//
// Trust: these fields can be written by anyone, so they may only ever count against a message. A
// forger gains nothing by writing a failure, and a real forwarder (a mailing list, an alias) sends
// with its own envelope domain, so SPF cannot pass for the author's domain after failing for it.
// Received-SPF lines further down say the same in another form; on the dev half they added no
// message ARC did not already show, so they are not read (the pane's size budget).
import type { HeaderField } from '../model';
import { parseAuthenticationResults } from '../../mail/authentication';
import { organizationalDomain } from '../../mail/alignment';

export interface EarlierFailure {
  method: 'spf' | 'dmarc';
  result: string;
  /** The domain it failed for, as written. */
  domain: string;
}

/** Header fields read; real messages carry a handful. */
const MAX_FIELDS = 30;
/** Values longer than this are read only this far. */
const MAX_VALUE = 4000;

/** The first SPF or DMARC failure for `fromDomain` (an organisational domain) that an ARC-Authentication-Results records. */
export function earlierFailureFor(headers: readonly HeaderField[], fromDomain: string): EarlierFailure | undefined {
  let read = 0;
  for (const header of headers) {
    if (header.name.toLowerCase() !== 'arc-authentication-results') continue;
    if (read++ >= MAX_FIELDS) break;
    // "i=1; mx.example; spf=fail …": the instance tag comes before the authserv-id.
    for (const { method, result, props } of parseAuthenticationResults(header.value.slice(0, MAX_VALUE).replace(/^\s*i\s*=\s*\d+\s*;/, '')).results) {
      const domain = method === 'spf' ? props.get('smtp.mailfrom') : method === 'dmarc' ? props.get('header.from') : undefined;
      if ((result === 'fail' || (method === 'spf' && result === 'softfail')) && domain && organizationalDomain(domain) === fromDomain) {
        return { method: method as EarlierFailure['method'], result, domain };
      }
    }
  }
  return undefined;
}

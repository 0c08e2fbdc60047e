// DMARC-style identifier alignment (RFC 7489 §3.1), computed from what the receiving server wrote.
// A pass alone proves little: anyone can make SPF pass for their own throw-away domain and sign
// with DKIM as themselves. What DMARC asks, and what we ask, is whether a passing check vouches
// for the domain the reader sees in From. Relaxed mode: the organisational domains (registrable
// domain per the public suffix list) must be equal, so mail.paypal.com aligns with paypal.com
// but paypal.com.evil.example does not.
//
// We never re-verify anything; the inputs are the trusted Authentication-Results read by
// readAuthentication. The same test decides whether a mailing list's List-* headers can be
// believed (mailingList below): only the list's own verified domain can vouch for them.
import type { HeaderField } from '../engine/model';
import { readAuthentication, type AuthenticationSummary, type AuthResult } from './authentication';
import { canonicalHost, domainOfAddress } from './hosts';

export interface Alignment {
  /** Organisational domain of the From address (registrable, ASCII); undefined when From has no usable domain. */
  fromDomain?: string;
  /** True when Authentication-Results were read at all; without them nothing below was checked. */
  checked: boolean;
  /**
   * True when those results describe the hop that delivered the message: SPF was judged for the
   * envelope sender in Return-Path (or for a null sender). Archived list mail often carries only the
   * list server's check of the author's earlier hop; that says nothing about the list's own delivery.
   */
  coversDelivery: boolean;
  /** SPF passed for an envelope sender (smtp.mailfrom) in the From domain's organisation. */
  spfAligned: boolean;
  /** A DKIM signature passed for a d= in the From domain's organisation. */
  dkimAligned: boolean;
  /** spfAligned or dkimAligned: the From domain is authenticated, as DMARC would judge it. */
  aligned: boolean;
  /** Organisational domains that passed SPF or DKIM (aligned or not), for explanations. */
  passing: string[];
  /** The receiving server's own DMARC verdict, when it wrote one. */
  dmarc?: AuthResult;
  /** True when some check failed outright (SPF fail/softfail, DKIM fail, DMARC fail) or none passed. */
  failedOrNone: boolean;
}

/** Organisational domain of a host or an address ("bounce@mail.example.co.jp" → "example.co.jp"). */
export function organizationalDomain(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const domain = value.includes('@') ? domainOfAddress(value) : value.trim().toLowerCase();
  const host = domain ? canonicalHost(domain) : undefined;
  if (!host || host.isIp) return undefined;
  return host.registrable ?? host.ascii;
}

/**
 * Alignment of the From domain (`fromAddress`) with the passing SPF and DKIM identities in `auth`;
 * `returnPath` is the envelope sender the final delivery recorded (undefined for a null sender).
 */
export function computeAlignment(fromAddress: string | undefined, auth: AuthenticationSummary, returnPath?: string): Alignment {
  const fromDomain = organizationalDomain(fromAddress && fromAddress.includes('@') ? fromAddress : undefined);
  const passing = new Set<string>();
  let spfAligned = false;
  let dkimAligned = false;
  const spf = auth.spf;
  if (spf?.result === 'pass') {
    const domain = organizationalDomain(spf.mailfrom);
    if (domain) {
      passing.add(domain);
      if (domain === fromDomain) spfAligned = true;
    }
  }
  for (const signature of auth.dkim) {
    if (signature.result !== 'pass') continue;
    const domain = organizationalDomain(signature.domain);
    if (!domain) continue;
    passing.add(domain);
    if (domain === fromDomain) dkimAligned = true;
  }
  const dmarc = auth.dmarc?.result;
  const failed =
    spf?.result === 'fail' || spf?.result === 'softfail' || dmarc === 'fail' || auth.dkim.some((signature) => signature.result === 'fail');
  const envelope = organizationalDomain(returnPath);
  const coversDelivery = Boolean(spf) && (envelope === undefined || organizationalDomain(spf?.mailfrom) === envelope);
  return {
    fromDomain,
    checked: auth.present,
    coversDelivery,
    spfAligned,
    dkimAligned,
    aligned: spfAligned || dkimAligned,
    passing: [...passing].slice(0, 10),
    dmarc,
    failedOrNone: failed || passing.size === 0,
  };
}

export interface MailingList {
  /** True when the message carries List-Id or List-Post (RFC 2919 / RFC 2369). */
  present: boolean;
  /** Organisational domain the list names (from List-Id, else List-Post). */
  domain?: string;
  /**
   * True when the list headers can be believed: the list's domain passed SPF or DKIM here; or From
   * is the list's own posting address (a "Name via List" rewrite) and nothing failed for it; or no
   * Authentication-Results exist to check against (older archives, some sources). Anyone can write
   * List-Id into a message; only the list's own server can make its domain pass, and a From in a
   * domain the sender does not run fails DMARC at the receiving boundary. Results that do not cover
   * the delivering hop (see Alignment.coversDelivery) count as no results.
   */
  trusted: boolean;
}

/** Header values read for the list's domain; real ones are short. */
const MAX_LIST_VALUE = 2000;

/** "<soc.vger.kernel.org>" → "kernel.org"; "Policy talk <policy-talk.lists.example.org>" → "example.org". */
function listIdDomain(value: string): string | undefined {
  const text = value.slice(0, MAX_LIST_VALUE);
  const open = text.lastIndexOf('<');
  const close = text.indexOf('>', open + 1);
  const id = (open >= 0 && close > open ? text.slice(open + 1, close) : text).trim();
  if (!id || /[\s@]/.test(id)) return undefined;
  return organizationalDomain(id);
}

/** "<mailto:list@lists.example.org>" → "list@lists.example.org" (lower case). */
function listPostAddress(value: string): string | undefined {
  const match = /mailto:([^<>\s?,]{1,320})/i.exec(value.slice(0, MAX_LIST_VALUE));
  return match ? match[1].toLowerCase() : undefined;
}

/** Nothing the receiving server checked failed for the From domain. */
function nothingFailedForFrom(auth: AuthenticationSummary, alignment: Alignment): boolean {
  if (alignment.dmarc === 'fail') return false;
  const spf = auth.spf;
  return !(spf && (spf.result === 'fail' || spf.result === 'softfail') && organizationalDomain(spf.mailfrom) === alignment.fromDomain);
}

export function readMailingList(headers: readonly HeaderField[], auth: AuthenticationSummary, alignment: Alignment, fromAddress = ''): MailingList {
  let present = false;
  let domain: string | undefined;
  let postAddress: string | undefined;
  for (const header of headers.slice(0, 1000)) {
    const name = header.name.toLowerCase();
    if (name === 'list-id') {
      present = true;
      domain ??= listIdDomain(header.value);
    } else if (name === 'list-post') {
      present = true;
      postAddress ??= listPostAddress(header.value);
    }
  }
  if (!present) return { present, trusted: false };
  const postDomain = organizationalDomain(postAddress);
  const listDomain = domain ?? postDomain;
  if (!auth.present || !alignment.coversDelivery) return { present, domain: listDomain, trusted: true };
  const vouched = new Set(alignment.passing);
  const passed = [domain, postDomain].some((candidate) => candidate !== undefined && vouched.has(candidate));
  const rewrittenToList = postAddress !== undefined && fromAddress.trim().toLowerCase() === postAddress && nothingFailedForFrom(auth, alignment);
  return { present, domain: listDomain, trusted: passed || rewrittenToList };
}

/**
 * Hosts of the list's own pages (List-Archive, List-Unsubscribe … per RFC 2369) that the message's
 * authentication vouches for: the host's organisational domain passed SPF or DKIM here (or nothing
 * was checked). A phisher can write List-Unsubscribe: <https://their-site> to make their own links
 * look like the list's footer; their domain does not pass for a list they do not run.
 */
export function listPageHosts(headers: readonly HeaderField[], alignment: Alignment): string[] {
  const vouched = new Set(alignment.passing);
  const hosts: string[] = [];
  for (const header of headers.slice(0, 500)) {
    if (!/^list-(?:archive|help|subscribe|unsubscribe|post|owner)$/i.test(header.name)) continue;
    for (const match of header.value.slice(0, 2000).matchAll(/<https?:\/\/([^/>:?#]+)/gi)) {
      const host = canonicalHost(match[1]);
      if (!host?.registrable || hosts.includes(host.ascii)) continue;
      if (!alignment.checked || !alignment.coversDelivery || vouched.has(host.registrable)) hosts.push(host.ascii);
    }
    if (hosts.length >= 20) break;
  }
  return hosts;
}

const listCache = new WeakMap<object, MailingList>();

/** readMailingList for a whole message, computed once per message object. */
export function mailingListOf(message: { from?: { address: string }; returnPath?: string; headers: readonly HeaderField[] }): MailingList {
  let list = listCache.get(message);
  if (!list) {
    const auth = readAuthentication(message.headers);
    list = readMailingList(message.headers, auth, computeAlignment(message.from?.address, auth, message.returnPath), message.from?.address);
    listCache.set(message, list);
  }
  return list;
}

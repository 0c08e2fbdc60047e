import { readAuthentication } from '../../src/mail/authentication';
import { computeAlignment, listPageHosts, mailingListOf, organizationalDomain, readMailingList } from '../../src/mail/alignment';
import type { HeaderField } from '../../src/engine/model';

const results = (value: string): HeaderField => ({ name: 'Authentication-Results', value: `mx.kaiyo-inst.or.jp; ${value}` });
const align = (from: string, value: string) => computeAlignment(from, readAuthentication([results(value)]));

describe('DMARC-style alignment', () => {
  it('aligns a passing DKIM signature of a subdomain with the organisational domain (relaxed mode)', () => {
    const alignment = align('service@paypal.com', 'dkim=pass header.d=mail.paypal.com; spf=pass smtp.mailfrom=bounce@esp.example');
    expect(alignment).toMatchObject({ fromDomain: 'paypal.com', dkimAligned: true, spfAligned: false, aligned: true });
  });

  it('aligns a passing SPF envelope sender in the same organisation, using the public suffix list', () => {
    expect(align('info@news.example.co.jp', 'spf=pass smtp.mailfrom=bounce@mail.example.co.jp').spfAligned).toBe(true);
    // co.jp is a public suffix: two different companies under it do not align.
    expect(align('info@example.co.jp', 'spf=pass smtp.mailfrom=bounce@other.co.jp').aligned).toBe(false);
  });

  it('does not align a pass for a look-alike that merely contains the brand', () => {
    const alignment = align('service@paypal.com', 'spf=pass smtp.mailfrom=x@paypal.com.account-check.example; dkim=pass header.d=paypal-secure.example');
    expect(alignment.aligned).toBe(false);
    expect(alignment.passing).toEqual(['account-check.example', 'paypal-secure.example']);
  });

  it('reports an exact-domain spoof: nothing passes for the From domain', () => {
    const alignment = align('service@paypal.com', 'spf=softfail smtp.mailfrom=paypal.com; dkim=none; dmarc=fail header.from=paypal.com');
    expect(alignment).toMatchObject({ aligned: false, failedOrNone: true, dmarc: 'fail', checked: true });
  });

  it('says nothing was checked when there are no Authentication-Results', () => {
    expect(computeAlignment('a@b.example', readAuthentication([]))).toMatchObject({ checked: false, aligned: false });
  });

  it('finds organisational domains of addresses and hosts, not of IPs', () => {
    expect(organizationalDomain('bounce@a.b.example.ac.jp')).toBe('example.ac.jp');
    expect(organizationalDomain('mail.google.com')).toBe('google.com');
    expect(organizationalDomain('192.0.2.1')).toBeUndefined();
    expect(organizationalDomain('')).toBeUndefined();
  });
});

describe('mailing-list headers', () => {
  const list: HeaderField[] = [
    { name: 'List-Id', value: 'Policy talk <policy-talk.lists.example.org>' },
    { name: 'List-Post', value: '<mailto:policy-talk@lists.example.org>' },
    { name: 'List-Unsubscribe', value: '<https://lists.example.org/unsubscribe>, <https://tracker.phish.example/u>' },
  ];
  const read = (headers: HeaderField[], from = 'author@company.example') => {
    const auth = readAuthentication(headers);
    return readMailingList(headers, auth, computeAlignment(from, auth), from);
  };

  it('trusts them when the list’s own domain passed SPF or DKIM', () => {
    expect(read([...list, results('spf=pass smtp.mailfrom=policy-talk-bounces@lists.example.org')])).toEqual({ present: true, domain: 'example.org', trusted: true });
    expect(read([...list, results('spf=fail smtp.mailfrom=x@y.example; dkim=pass header.d=example.org')]).trusted).toBe(true);
  });

  it('distrusts them when another domain is the one that passed (a phisher writing List-Id)', () => {
    expect(read([...list, results('spf=pass smtp.mailfrom=bulk@cheap-host.example; dkim=pass header.d=cheap-host.example')]).trusted).toBe(false);
  });

  it('trusts a "Name via List" rewrite whose From is the list’s posting address, unless DMARC failed for it', () => {
    // Archived list mail keeps only the list server's check of the author, not a check of the list hop.
    const upstream = results('spf=none smtp.mailfrom=policy-talk-bounces@lists.example.org; dkim=pass header.d=author.example');
    expect(read([...list, upstream], 'policy-talk@lists.example.org').trusted).toBe(true);
    expect(read([...list, results('spf=none smtp.mailfrom=x@lists.example.org; dmarc=fail header.from=lists.example.org')], 'policy-talk@lists.example.org').trusted).toBe(false);
    expect(read([...list, upstream], 'someone@lists.example.org').trusted).toBe(false);
  });

  it('trusts them when the results were written for an earlier hop (SPF judged another envelope than Return-Path)', () => {
    // An archive keeps the list server's check of the author's mail; the list's own delivery was never judged.
    const headers = [...list, results('spf=pass smtp.mailfrom=author@company.example')];
    const auth = readAuthentication(headers);
    const alignment = computeAlignment('author@company.example', auth, 'policy-talk-bounces@lists.example.org');
    expect(alignment.coversDelivery).toBe(false);
    expect(readMailingList(headers, auth, alignment).trusted).toBe(true);
    expect(computeAlignment('author@company.example', auth, 'bounce@company.example').coversDelivery).toBe(true);
  });

  it('trusts them when nothing was checked at all (older archives carry no Authentication-Results)', () => {
    expect(read(list).trusted).toBe(true);
  });

  it('is absent without List-Id or List-Post', () => {
    expect(read([results('spf=pass smtp.mailfrom=a@b.example')])).toEqual({ present: false, trusted: false });
  });

  it('keeps only list pages whose domain passed authentication', () => {
    const headers = [...list, results('spf=pass smtp.mailfrom=b@lists.example.org')];
    const auth = readAuthentication(headers);
    expect(listPageHosts(headers, computeAlignment('a@company.example', auth))).toEqual(['lists.example.org']);
  });

  it('is computed once per message object', () => {
    const message = { from: { address: 'a@company.example' }, headers: list };
    expect(mailingListOf(message)).toBe(mailingListOf(message));
  });
});

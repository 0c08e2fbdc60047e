import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../src/engine/model';
import { unalignedSender as rule } from '../../../src/engine/rules/unaligned-sender';
import { parseEml } from '../../../src/mail/eml';
import { header, listHeaders, mail, runRule } from './message';
import { makePolicy } from './policy';

const results = (value: string) => header('Authentication-Results', `mx.kaiyo-inst.or.jp; ${value}`);
const failure: Finding = { rule: 'authentication-failure', severity: 'medium', category: 'authentication', title: { en: '', ja: '' }, explanation: { en: '', ja: '' }, evidence: [] };

describe('unaligned-sender', () => {
  it('sees an exact-domain spoof of a known brand in a whole message (high): only another domain passed', async () => {
    const message = await parseEml(readFileSync(join(__dirname, '../../fixtures/mail/exact-domain-spoof.eml')));
    const hit = runRule(rule, message);
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence).toContainEqual(expect.objectContaining({ kind: 'header', name: 'From', value: 'service@microsoft.com' }));
    expect(hit?.evidence).toContainEqual({ kind: 'authentication', method: 'spf', result: 'softfail', domain: 'service@microsoft.com' });
  });

  it('is medium for a domain nobody configured, when no check passed at all', () => {
    const hit = runRule(rule, mail({ from: 'Billing <billing@small-shop.example>', returnPath: 'billing@small-shop.example', headers: [results('spf=none smtp.mailfrom=small-shop.example; dkim=none; dmarc=none')] }));
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence.at(-1)).toMatchObject({ meaning: { en: 'No check passed for small-shop.example or any other domain' } });
  });

  it('is low when nothing failed but the message is unsigned and only another envelope domain passed SPF', () => {
    const message = mail({ from: 'bericht van de club <support@motoring-club.example>', returnPath: 'info@insulation-firm.example', headers: [results('spf=pass smtp.mailfrom=insulation-firm.example; dkim=none; dmarc=none')] });
    const hit = runRule(rule, message);
    expect(hit?.severity).toBe('low');
    expect(hit?.evidence.at(-1)).toMatchObject({ meaning: { en: 'No passing check belongs to motoring-club.example; checks passed only for insulation-firm.example' } });
  });

  it('is medium when that unsigned relay writes in the name of a known organisation', () => {
    const message = mail({ from: 'Microsoft <account@microsoft.com>', returnPath: 'info@insulation-firm.example', headers: [results('spf=pass smtp.mailfrom=insulation-firm.example; dkim=none; dmarc=none')] });
    expect(runRule(rule, message)?.severity).toBe('medium');
  });

  describe('a From line with no usable domain', () => {
    const unauthenticated = results('spf=none smtp.mailfrom=office@sports-news.example; dkim=none; dmarc=none');
    const broken = (address: string, ...fields: ReturnType<typeof header>[]) =>
      mail({ from: `Gift card team <${address}>`, returnPath: 'office@sports-news.example', headers: [unauthenticated, ...fields] });

    it.each([
      ['no address at all', ''],
      ['a percent sign in the domain', 'notices@%parcel-desk.example'],
    ])('is low when nothing passed for any domain: %s', (_case, address) => {
      const hit = runRule(rule, broken(address));
      expect(hit?.severity).toBe('low');
      expect(hit?.evidence.at(-1)).toMatchObject({ meaning: { en: 'The From line names no usable domain, and no check passed for any domain' } });
    });

    it('stays quiet when a check passed for some domain (the sending service vouched for itself)', () => {
      const message = mail({ from: 'Gift card team <>', returnPath: 'b@esp.example', headers: [results('spf=pass smtp.mailfrom=b@esp.example; dkim=pass header.d=esp.example')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('stays quiet for a mail system’s own mailbox written without a domain', () => {
      expect(runRule(rule, mail({ from: 'MAILER-DAEMON', headers: [results('spf=none smtp.helo=mx.example')] }))).toBeUndefined();
    });
  });

  describe('stays quiet', () => {
    it.each([
      ['an aligned DKIM pass from a subdomain', 'dkim=pass header.d=mail.small-shop.example; spf=fail smtp.mailfrom=x@other.example'],
      ['an aligned SPF pass', 'spf=pass smtp.mailfrom=bounce@news.small-shop.example'],
      ['a newsletter through a service that passed for itself, nothing failing', 'spf=pass smtp.mailfrom=b@esp.example; dkim=pass header.d=esp.example; dmarc=none'],
      ['Microsoft’s composite authentication passing', 'spf=none smtp.mailfrom=small-shop.example; dkim=none; dmarc=none; compauth=pass reason=109'],
    ])('for %s', (_case, value) => {
      expect(runRule(rule, mail({ from: 'Shop <news@small-shop.example>', headers: [results(value)] }))).toBeUndefined();
    });

    it('when authentication-failure already reported the failure', () => {
      expect(runRule(rule, mail({ from: 'a@small-shop.example', headers: [results('spf=fail smtp.mailfrom=small-shop.example; dmarc=fail')] }), makePolicy(), [failure])).toBeUndefined();
    });

    it('for a mailing list whose own domain vouches for its headers', () => {
      const message = mail({ from: 'Author <a@company.example>', headers: [...listHeaders(), results('spf=pass smtp.mailfrom=policy-talk-bounces@lists.example.org; dkim=fail header.d=company.example')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('but not for forged list headers', () => {
      const message = mail({ from: 'Author <a@company.example>', headers: [...listHeaders(), results('spf=pass smtp.mailfrom=x@bulk.example; dkim=fail header.d=company.example')] });
      expect(runRule(rule, message)?.severity).toBe('medium');
    });

    it('for a delivery status notification', () => {
      const message = mail({ from: 'MAILER-DAEMON@mx.example', headers: [header('Content-Type', 'multipart/report; report-type=delivery-status; boundary="x"'), results('spf=none smtp.helo=mx.example')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('when the results were written for an earlier hop than the one that delivered the message', () => {
      const message = mail({ from: 'a@company.example', returnPath: 'list-bounces@lists.example.org', headers: [results('spf=none smtp.mailfrom=company.example; dkim=fail header.d=company.example')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('without Authentication-Results', () => {
      expect(runRule(rule, mail({ from: 'a@company.example' }))).toBeUndefined();
    });
  });
});

import { platformTenantSender as rule, namesTenant } from '../../../src/engine/rules/platform-tenant-sender';
import { tenantOf } from '../../../src/engine/sender/tenants';
import { analyze } from '../../../src/engine/analyze';
import { header, mail, runRule } from './message';
import { makePolicy } from './policy';
import { resolvePolicy } from '../../../src/policy';

const dkim = (domain: string, extra = '') => header('Authentication-Results', `mx.example; dkim=pass header.d=${domain}; spf=pass smtp.mailfrom=${extra || domain}`);

describe('platform-tenant-sender', () => {
  it('finds the tenant on private Public Suffix List hosting and on help-desk and Microsoft 365 domains', () => {
    expect(tenantOf('wexlo-3f9d2.firebaseapp.com')).toEqual({ label: 'wexlo-3f9d2', name: 'wexlo-3f9d2', platform: 'firebaseapp.com' });
    expect(tenantOf('xkvrt.zendesk.com')).toEqual({ label: 'xkvrt', name: 'xkvrt', platform: 'zendesk.com' });
    expect(tenantOf('mail.qorbimu.onmicrosoft.com')).toEqual({ label: 'qorbimu', name: 'mail.qorbimu', platform: 'onmicrosoft.com' });
    expect(tenantOf('zendesk.com')).toBeUndefined();
    expect(tenantOf('example.co.jp')).toBeUndefined();
  });

  it.each([
    ['a token brand on a help-desk tenant', '"Stablecoin.io" <support@xkvrt.zendesk.com>'],
    ['a casino on a Firebase project', 'Jackpot Palace Club <noreply@wexlo-3f9d2.firebaseapp.com>'],
    ['an airdrop on a Microsoft 365 trial tenant', 'TOKEN-AIRDROP <mail.airdrop@qorbimu.onmicrosoft.com>'],
    ['a ministry on app hosting', '外務省 <noreply@portal-7f3a.web.app>'],
  ])('is medium for %s', (_label, from) => {
    const hit = runRule(rule, mail({ from }));
    expect(hit?.severity).toBeUndefined();
    expect(hit?.evidence[0]).toMatchObject({ kind: 'header', name: 'From' });
  });

  it('is low for a From domain signed only by an unrelated Microsoft 365 tenant', () => {
    const hit = runRule(rule, mail({ from: 'Home Title Lock <offers@deck.social-mail.example>', headers: [dkim('ste20995472.onmicrosoft.com', 'deck.social-mail.example')] }));
    expect(hit?.severity).toBe('low');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'authentication', method: 'dkim', domain: 'ste20995472.onmicrosoft.com' });
    // Said in both languages, not as a bare "pass" the pane would read as "the sender was confirmed".
    expect(hit?.evidence[0]).toMatchObject({ meaning: { en: expect.stringContaining('does not vouch'), ja: expect.stringContaining('保証しません') } });
  });

  describe('stays quiet', () => {
    it.each([
      ['a help desk under its own name', { from: 'Acme Support <help@acme.zendesk.com>' }],
      ['a Firebase project signing with its one-word name', { from: 'MyShop <noreply@myshop-1234.firebaseapp.com>' }],
      ['a WorkMail organisation spelt a little differently', { from: 'Nyaaaan <shironeko@nyaan.example.awsapps.com>' }],
      ['a tenant address without a display name', { from: 'noreply@xkvrt.zendesk.com' }],
      ['an ordinary company domain', { from: 'Tether <support@tether.example>' }],
      ['a university signed by its own initial domain', { from: 'Jan Muster <jan@ant.uni-bremen.de>', headers: [dkim('antunibremen.onmicrosoft.com', 'uni-bremen.de')] }],
      ['a sender signed by its own domain as well', { from: 'Shop <news@shop.example>', headers: [dkim('shop.example'), dkim('xyz123.onmicrosoft.com')] }],
    ])('for %s', (_label, parts) => {
      expect(runRule(rule, mail(parts))).toBeUndefined();
    });

    it('for a tenant IT trusts', () => {
      const from = 'Forum Desk <desk@xkvrt.zendesk.com>';
      expect(runRule(rule, mail({ from }))).toBeDefined();
      expect(runRule(rule, mail({ from }), makePolicy({ trustedDomains: ['xkvrt.zendesk.com'] }))).toBeUndefined();
    });
  });

  it('names a tenant by a word or by the name written as one word', () => {
    expect(namesTenant(['acme', 'support'], 'acme')).toBe(true);
    expect(namesTenant(['my', 'shop'], 'myshop-1234')).toBe(true);
    expect(namesTenant(['jackpot', 'palace'], 'wexlo-3f9d2')).toBe(false);
  });

  it('counts with a second sign: a casino on Firebase with reward wording is flagged, the name alone is not', () => {
    const policy = resolvePolicy({ organizationDomains: ['kaiyo-inst.or.jp'] });
    const from = 'Jackpot Vault <noreply@birchwood-cfad3.firebaseapp.com>';
    expect(analyze(mail({ from, subject: 'Weekly news' }), policy).verdict).toBe('clean');
    expect(analyze(mail({ from, subject: 'Your bonus is unlocked', text: 'Claim your welcome bonus today.' }), policy).verdict).not.toBe('clean');
  });
});

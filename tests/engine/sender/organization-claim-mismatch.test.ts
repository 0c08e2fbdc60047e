import { organizationClaimMismatch as rule, subjectTags } from '../../../src/engine/rules/organization-claim-mismatch';
import { header, listHeaders, mail, runRule } from './message';

describe('organization-claim-mismatch', () => {
  describe('fires', () => {
    it.each([
      ['Microsoft 365 from an unrelated domain', 'Microsoft 365 <no-reply@rednoticias23.com>', 'Microsoft 365'],
      ['DHL with a delivery word', 'DHL Paket <no-reply.30@dhl.de.securdeutsh.com>', 'DHL'],
      ['a brand written with Cyrillic letters', 'Мicrosoft <mf@rednoticias23.com>', 'Microsoft'],
      ['a Japanese card brand', '三井住友カード <info@smbc-card-info.cn>', '三井住友カード'],
      ['a Japanese brand inside a company name', '楽天銀行株式会社 <Rakuten1@udiworc.cn>', '楽天'],
      ['the organisation’s own name from outside', 'Kaiyo-Inst Events <events@kaiyo-events.net>', 'kaiyo-inst'],
      ['a brand with a trademark sign glued to it', 'Microsoft™ Support <newsletter@renewal-notice.example>', 'Microsoft'],
    ])('for %s', (_case, from, claimed) => {
      const hit = runRule(rule, mail({ from }));
      expect(hit?.evidence[0]).toMatchObject({ kind: 'impersonation', field: 'from.name', claimed });
      expect(hit?.severity).toBe('medium');
    });

    it('is high for a ministry', () => {
      const hit = runRule(rule, mail({ from: '外務省 国際協力局 <mofa-kokusai@press-office.com>' }));
      expect(hit).toMatchObject({ severity: 'high', evidence: [{ claimed: '外務省', expected: ['mofa.go.jp'] }] });
    });

    it('is high for a brand from free webmail', () => {
      const hit = runRule(rule, mail({ from: 'PayPal Service <paypal.service.jp@gmail.com>' }));
      expect(hit?.severity).toBe('high');
    });

    it('reads the Japanese sender tag in the subject', () => {
      const hit = runRule(rule, mail({ from: 'お客様サポート <notice@qad29.com>', subject: '【三井住友カード】ご利用確認のお願い' }));
      expect(hit?.evidence[0]).toMatchObject({ field: 'subject', value: '【三井住友カード】', claimed: '三井住友カード', actual: 'notice@qad29.com' });
    });

    it('compares a mailing-list rewrite with the author in Reply-To', () => {
      const message = mail({ from: '"楽天 via Osst-users" <osst-users@lists.example.org>', replyTo: ['楽天 <no-reply8@lianglan.net>'], headers: listHeaders('osst-users@lists.example.org') });
      expect(runRule(rule, message)?.evidence[0]).toMatchObject({ value: '楽天', actual: 'no-reply8@lianglan.net' });
    });

    it('fires when the name is shown but the address is missing', () => {
      expect(runRule(rule, mail({ from: 'Microsoft account team <>' }))?.evidence[0]).toMatchObject({ actual: '(no address)' });
    });
  });

  describe('stays quiet', () => {
    it.each([
      ['the brand’s own domain', 'Microsoft 365 <no-reply@microsoft.com>'],
      ['a subdomain of the brand', 'Amazon.co.jp <store-news@mail.amazon.co.jp>'],
      ['a brand name inside another word', 'Dhlservice Logistics <info@example-logistics.com>'],
      ['a short name inside a word', 'Ruby Groups <info@ruby-groups.example>'],
      ['our own domain', 'Microsoft Teams rollout <it@kaiyo-inst.or.jp>'],
      ['a trusted partner', 'Amazon research seminar <events@asia-policy-forum.org>'],
      ['an ordinary person', '鈴木 花子 <hanako@example.co.jp>'],
    ])('for %s', (_case, from) => {
      expect(runRule(rule, mail({ from }))).toBeUndefined();
    });

    it('when an email service sends for the brand and DKIM verifies the brand’s domain', () => {
      const message = mail({
        from: 'Amazon Prime <prime@em.amazon-mailer.net>',
        headers: [header('Authentication-Results', 'mx.kaiyo-inst.or.jp; dkim=pass header.d=amazon.co.jp; spf=pass smtp.mailfrom=em.amazon-mailer.net')],
      });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('for a subject tag that only mentions the brand in passing', () => {
      expect(runRule(rule, mail({ from: 'ショップ通信 <news@shop.example.co.jp>', subject: '【Amazon限定】夏のセール' }))).toBeUndefined();
      expect(runRule(rule, mail({ from: 'ショップ通信 <news@shop.example.co.jp>', subject: '【重要なお知らせ】システムメンテナンス' }))).toBeUndefined();
    });

    it('when the list hid the author', () => {
      const message = mail({ from: '"Amazon.co.jp via Osst-users" <osst-users@lists.example.org>', headers: listHeaders('osst-users@lists.example.org') });
      expect(runRule(rule, message)).toBeUndefined();
    });
  });

  it('extracts bracketed sender tags', () => {
    expect(subjectTags('[List] 【重要】【MyJCB】ご利用確認')).toEqual(['重要', 'MyJCB']);
    expect(subjectTags('no tags here')).toEqual([]);
  });

  describe('claims where else a reader looks', () => {
    it('finds the brand in the address itself', () => {
      const hit = runRule(rule, mail({ from: 'Service <paypal.service.center@gmail.com>' }));
      expect(hit?.evidence[0]).toMatchObject({ field: 'from.address', claimed: 'PayPal', actual: 'paypal.service.center@gmail.com' });
      expect(hit?.severity).toBe('high'); // free mail
    });

    it.each([
      ['the subject', { subject: 'Your Microsoft 365 subscription has expired' }, 'subject'],
      ['the opening words', { text: 'Dear Amazon customer, we could not process your order.' }, 'body'],
      ['the signature', { text: `${'Thank you for shopping with us. '.repeat(10)}Regards, PayPal Customer Service` }, 'signature'],
    ])('is low for a brand in %s from free mail', (_case, parts, field) => {
      const hit = runRule(rule, mail({ from: 'Support <account.help.desk@gmail.com>', ...parts }));
      expect(hit?.severity).toBe('low');
      expect(hit?.evidence[0]).toMatchObject({ kind: 'impersonation', field });
    });

    it('is low for a brand that is the topic of the sender\'s own publication; a look-alike naming the brand in its domain stays medium', () => {
      const column = runRule(rule, mail({ from: 'GadgetWeekly Microsoft Watch <subscriptions@gadgetweekly.example>' }));
      expect(column?.severity).toBe('low');
      expect(column?.evidence[0]).toMatchObject({ field: 'from.name', claimed: 'Microsoft' });
      expect(runRule(rule, mail({ from: 'Microsoft Account Team <subscriptions@gadgetweekly.example>' }))?.severity).toBe('medium');
      expect(runRule(rule, mail({ from: 'PayPal Secure <service@paypal-secure.com>' }))?.severity).toBe('medium');
    });

    it('never reads lines quoted from earlier mail as the sender\'s own words', () => {
      const reply = '> > or any of the Microsoft usb keyboards, I have one with two ports\n> on its hub\nI use the same one, works fine here.';
      expect(runRule(rule, mail({ from: 'Bill <wkearney99@gmail.com>', subject: 'Re: keyboards', text: reply }))).toBeUndefined();
      const lure = '> Your order\nDear Microsoft customer, your mailbox is full.';
      expect(runRule(rule, mail({ from: 'Support <account.help.desk@gmail.com>', subject: 'Re: mailbox', text: lure }))?.evidence[0]).toMatchObject({ field: 'body', claimed: 'Microsoft' });
    });

    it.each([
      ['an identifiable sender whose authentication is not known', 'News <news@tech-weekly.example>', 'Microsoft ships a new Outlook'],
      ['the organisation itself', 'Amazon <shipment-tracking@amazon.co.jp>', 'Your Amazon order has shipped'],
      ['a mailbox name that only contains a short brand', 'Ken <dhl.fan@gmail.com>', 'Hello'],
    ])('stays quiet for %s', (_case, from, subject) => {
      expect(runRule(rule, mail({ from, subject }))).toBeUndefined();
    });
  });
});

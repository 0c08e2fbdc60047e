import { analyze } from '../../../src/engine/analyze';
import { credentialLure as rule } from '../../../src/engine/rules/credential-lure';
import { resolvePolicy } from '../../../src/policy';
import { mail, runRule, textLink } from './message';

const policy = resolvePolicy({ organizationDomains: ['example-institute.jp'] });

const RENEWAL =
  'Hello, this is an automated confirmation that your Total Protect Plus plan has been renewed for another 12 months. ' +
  'A charge of $299.00 has been applied to your account. Invoice ID: TP88Z/11284848. ' +
  'If this charge was unexpected, please contact our Billing Response Line within 24 hours: +1 (202) 555-0147.';

// Call-back scams (content/callback.ts), as credential-lure reports them.
describe('credential-lure: call-back scams', () => {
  it('reports a renewal charge whose only way to act is a phone number', () => {
    const hit = runRule(rule, mail({ subject: 'Your Order Confirmation #TP88Z/11284848', text: RENEWAL }), policy);
    expect(hit?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'phrase', field: 'body', phrase: '+1 (202) 555-0147', category: 'callback' })]));
    expect(rule.category).toBe('wording');
  });

  it.each([
    ['a help-desk line written 1 202 555-0188', 'Automatic renewal notice: a payment of USD574.99 will be processed today for your membership. Customer assistance desk: 1 202 555-0188.'],
    ['a Japanese renewal notice', 'ご利用中のセキュリティソフトは自動更新されました。ご請求金額：39,800円。お心当たりのない場合は24時間以内に 0120-123-456 までお電話ください。'],
  ])('reads %s', (_case, text) => {
    expect(runRule(rule, mail({ subject: 'Receipt', text }), policy)).toBeDefined();
  });

  it('never flags on its own: it is wording', () => {
    expect(analyze(mail({ subject: 'Your order', text: RENEWAL }), policy).verdict).toBe('clean');
  });

  describe('stays quiet', () => {
    it('for a real receipt, which links to the account', () => {
      const text = `${RENEWAL} Manage your subscription: https://account.example.com/subscriptions`;
      const message = mail({ subject: 'Your receipt', text, links: [textLink('https://account.example.com/subscriptions')] });
      expect(runRule(rule, message, policy)).toBeUndefined();
    });

    it.each([
      ['a price and a phone number without any charge', 'The caterer quoted $450 for Thursday’s lunch; you can reach them at 212-555-0147.'],
      ['a renewal reminder without an amount', 'Reminder: the lab’s licence renewal is due next month. Questions? Call facilities at 617-555-0199.'],
      ['a charge without a phone number', 'Your card was charged $12.99 for the May issue. Thank you for subscribing.'],
      ['a date and time that look like digits', 'Payment of $40 received on 2025-08-27 10:15:30. Thank you.'],
    ])('for %s', (_case, text) => {
      expect(runRule(rule, mail({ subject: 'Note', text }), policy)).toBeUndefined();
    });
  });
});

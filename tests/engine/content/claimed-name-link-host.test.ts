import { claimedNameLinkHost as rule } from '../../../src/engine/rules/claimed-name-link-host';
import { analyze } from '../../../src/engine/analyze';
import { resolvePolicy } from '../../../src/policy';
import { from, htmlLink, mail, runRule } from './message';

const policy = resolvePolicy({ organizationDomains: ['example-institute.jp'], trustedDomains: ['partner-example.org'] });

describe('claimed-name-link-host', () => {
  it.each([
    ['a token brand on a bought domain', 'Ripple Team', 'ripple@bounce.mailer-example.com', 'https://mail83-ripple.net/claim'],
    ['a wallet brand glued to other words', 'Exodus', 'hello@shop-example.com.br', 'https://exodus-walletdesktopapp.io/download'],
    ['a community name', 'Team Optimism', 'hello@talks-example.org', 'https://optimism-holder.com/'],
  ])('is high for %s', (_label, name, address, href) => {
    const hit = runRule(rule, mail({ ...from(address, name), links: [htmlLink(href, 'Claim now')] }), policy);
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'link', host: new URL(href).hostname, reason: { en: expect.stringContaining(`calls itself "${name}"`) } });
  });

  it('is medium when only a subdomain label carries the name', () => {
    const hit = runRule(rule, mail({ ...from('sdv2-noreply@notifications-example.com', 'Lido DAO'), links: [htmlLink('https://lido-airdrop.prices-example.co.uk/', 'Claim')] }), policy);
    expect(hit?.severity).toBeUndefined();
    expect(rule.severity).toBe('medium');
  });

  describe('stays quiet', () => {
    it.each([
      ['a link into the sender’s own site', 'Exodus', 'news@exodus.example', 'https://exodus-wallet.exodus.example/'],
      ['a name the sender’s own domain carries', 'Acme', 'news@acme-mail.example', 'https://acme-store.example/'],
      ['a name that is the whole label of another site', 'Ripple', 'news@mailer-example.com', 'https://ripple.example/'],
      ['generic display-name words', 'Support Team', 'help@desk-example.com', 'https://support-team.example/'],
      ['short words', 'IBM', 'jobs@careers-example.com', 'https://ibm-cloud.example/'],
      ['a Japanese name', '山田 太郎', 'yamada@example-shoji.co.jp', 'https://yamada-lab.example/'],
      ['a trusted partner', 'Forum Desk', 'desk@partner-example.org', 'https://forum-desk.example/'],
    ])('for %s', (_label, name, address, href) => {
      expect(runRule(rule, mail({ ...from(address, name), links: [htmlLink(href, 'Open')] }), policy)).toBeUndefined();
    });
  });

  it('flags the message on its own when the bought domain carries the claimed name', () => {
    const message = mail({ ...from('ripple@bounce.mailer-example.com', 'Ripple Team'), subject: 'XRP allocation', links: [htmlLink('https://mail83-ripple.net/', 'Register')] });
    expect(analyze(message, policy).verdict).toBe('suspicious');
  });
});

import { unrelatedLinkSite as rule } from '../../../src/engine/rules/unrelated-link-site';
import { analyze } from '../../../src/engine/analyze';
import { resolvePolicy } from '../../../src/policy';
import type { MailMessage } from '../../../src/engine/model';
import { from, htmlLink, mail, runRule, textLink } from './message';

const policy = resolvePolicy({ organizationDomains: ['example-institute.jp'], trustedDomains: ['partner-example.org'] });

/** Bulk mail as the honeypots receive it: a rented sending domain, buttons to another rented domain. */
function bulk(overrides: Partial<MailMessage> = {}): MailMessage {
  return mail({
    ...from('renew@loans-sender-example.com', 'Personal Loan'),
    returnPath: 'renew@loans-sender-example.com',
    subject: 'Personal loans from $100 to $40,000',
    links: [htmlLink('https://metaverse-shades-example.com/r/8812', 'Request now'), htmlLink('https://metaverse-shades-example.com/u/8812', 'Unsubscribe')],
    ...overrides,
  });
}

describe('unrelated-link-site', () => {
  it('reports buttons that all lead to a site the sender does not have', () => {
    const hit = runRule(rule, bulk(), policy);
    expect(hit?.evidence).toHaveLength(1);
    expect(hit?.evidence[0]).toMatchObject({ kind: 'link', host: 'metaverse-shades-example.com', reason: { en: expect.stringContaining('comes from loans-sender-example.com') } });
    expect(rule.severity).toBe('low');
  });

  it('reports a brand address sent through someone else whose links go to a third site', () => {
    const message = bulk({ ...from('support@anwb-example.nl', 'bericht van de ANWB'), returnPath: 'info@isolatie-example.nl', links: [htmlLink('https://stifte-example.shop/p', 'Vraag nu aan')] });
    expect(runRule(rule, message, policy)?.evidence[0]).toMatchObject({ host: 'stifte-example.shop' });
  });

  it('counts a notice spread over three rented sites like suspicious-link-target does (a digest links to more)', () => {
    const spread = bulk({
      links: [
        htmlLink('https://www.bags-outlet-example.ru/', 'SHOP NOW'),
        htmlLink('https://view-bags-example.ru/', 'View it in your browser'),
        htmlLink('http://ww.unsub-bags-example.ru/td.asp?id=4', 'Unsubscribe instantly'),
      ],
    });
    expect(runRule(rule, spread, policy)?.evidence.map((evidence) => evidence.kind === 'link' && evidence.host)).toEqual([
      'www.bags-outlet-example.ru',
      'view-bags-example.ru',
      'ww.unsub-bags-example.ru',
    ]);
  });

  it('is not silenced by a fallback address with a path to the same site', () => {
    const fallback = bulk({ links: [htmlLink('https://metaverse-shades-example.com/r/8812', 'Request now'), htmlLink('https://metaverse-shades-example.com/r/8812', 'https://metaverse-shades-example.com/r/8812')] });
    expect(runRule(rule, fallback, policy)).toBeDefined();
  });

  it('adds up with another weak sign but never flags alone', () => {
    expect(analyze(bulk(), policy).verdict).toBe('clean');
    const hidden = bulk({ to: [], cc: [] });
    expect(analyze(hidden, policy).findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['hidden-recipients', 'unrelated-link-site']));
    expect(analyze(hidden, policy).verdict).toBe('suspicious');
  });

  describe('app projects sending from a platform’s address', () => {
    const project = (links: MailMessage['links'], name = 'Spin Palace Club') =>
      bulk({ ...from('noreply@lucky-3c81e.firebaseapp.com', name), returnPath: 'noreply@lucky-3c81e.firebaseapp.com', links });

    it('reads a Firebase project like any sender: its site is the project, not every site on the platform', () => {
      const hit = runRule(rule, project([htmlLink('https://spin-bonus-example.com/claim', 'CLAIM 100 FREE SPINS')]), policy);
      expect(hit?.evidence[0]).toMatchObject({ host: 'spin-bonus-example.com', reason: { en: expect.stringContaining('comes from lucky-3c81e.firebaseapp.com') } });
    });

    it('adds up with the name that is not the project’s', () => {
      const verdict = analyze(project([htmlLink('https://spin-bonus-example.com/claim', 'CLAIM 100 FREE SPINS')]), policy);
      expect(verdict.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['platform-tenant-sender', 'unrelated-link-site']));
      expect(verdict.verdict).not.toBe('clean');
    });

    it('stays quiet for the app’s own domain, named like its project (a password reset on the app’s site)', () => {
      const reset = bulk({
        ...from('noreply@rotaboard-prod.firebaseapp.com', 'Rotaboard Team'),
        returnPath: 'noreply@rotaboard-prod.firebaseapp.com',
        links: [htmlLink('https://app.rotaboardhq.com/reset?code=Qm4', 'Reset password')],
      });
      expect(runRule(rule, reset, policy)).toBeUndefined();
    });

    it.each<[string, string]>([
      ['its own project address', 'https://lucky-3c81e.firebaseapp.com/__/auth/action?mode=verifyEmail&oobCode=Ab12'],
      ['the same project on the platform’s other domain', 'https://lucky-3c81e.web.app/welcome'],
    ])('stays quiet for links to %s', (_case, href) => {
      expect(runRule(rule, project([htmlLink(href, 'Verify your e-mail')], 'Lucky'), policy)).toBeUndefined();
    });
  });

  describe('click-trackers of mailing services', () => {
    const base64 = (text: string) => Buffer.from(text).toString('base64');

    it('judges the destination a tracker carries, not the tracker', () => {
      const carried = bulk({ links: [htmlLink('https://r.us-east-1.awstrack.me/L0/https:%2F%2Fmetaverse-shades-example.com%2Fr/1/0101018f/abc', 'Request now')] });
      expect(runRule(rule, carried, policy)?.evidence[0]).toMatchObject({ host: 'metaverse-shades-example.com' });
    });

    it.each<[string, string]>([
      ['an opaque ActiveCampaign link', 'https://loans-news.acemlna.com/lt.php?x=73Qa~HF9LmUP2YRBxM41CDOv8YRUmBQzkfw5Z2YFJ8UL31G'],
      ['a Klaviyo link', 'https://trk.klclick.com/ls/click?upn=u001.Ab12Cd34'],
      ['a tracker carrying the sender’s own site', `https://loans.lt.acemlnb.com/Prod/link-tracker?redirectUrl=${base64('https%3A%2F%2Fwww.loans-sender-example.com%2Frates')}&sig=Ab12`],
    ])('stays quiet for a newsletter whose buttons go through %s', (_case, href) => {
      expect(runRule(rule, bulk({ links: [htmlLink(href, 'See today’s rates'), htmlLink('https://loans-news.activehosted.com/proc.php?nl=1&act=unsub', 'Unsubscribe')] }), policy)).toBeUndefined();
    });
  });

  describe('stays quiet', () => {
    it.each<[string, Partial<MailMessage>]>([
      ['when one link goes to the sender’s own site', { links: [htmlLink('https://metaverse-shades-example.com/r', 'Request'), htmlLink('https://www.loans-sender-example.com/about', 'About us')] }],
      ['when a link goes to the envelope sender’s site', { returnPath: 'bounce@metaverse-shades-example.com' }],
      ['for links to a site the message names', { subject: 'Metaverse Shades Example: spring sale' }],
      ['for a site carrying the sender’s own name', { ...from('news@fool-example.com', 'The Fool'), links: [htmlLink('https://motleyfool-example.com/x', 'Read')] }],
      ['for written-out addresses (a reference, not a button)', { links: [htmlLink('https://metaverse-shades-example.com/story', 'https://metaverse-shades-example.com/story')] }],
      ['for plain-text links', { links: [textLink('https://metaverse-shades-example.com/story')] }],
      ['for a site also credited by its bare address', { links: [htmlLink('https://www.metaverse-shades-example.com/lesson?id=33460', 'here'), htmlLink('http://www.metaverse-shades-example.com', 'www.metaverse-shades-example.com')] }],
      ['for links to known organisations and trackers', { links: [htmlLink('https://www.facebook.com/x', 'Follow'), htmlLink('https://safelinks.protection.outlook.com/?url=x', 'Open')] }],
      ['for digests linking to many sites', { links: ['a', 'b', 'c', 'd'].map((name) => htmlLink(`https://${name}-site-example.com/`, 'Read')) }],
      ['for replies in a conversation', { headers: [{ name: 'In-Reply-To', value: '<1@example.org>' }] }],
      ['for free-mail senders', { ...from('someone@gmail.com', 'Someone'), returnPath: 'someone@gmail.com' }],
      ['for trusted senders', { ...from('news@partner-example.org', 'Partner') }],
      ['without links', { links: [] }],
    ])('%s', (_label, overrides) => {
      expect(runRule(rule, bulk(overrides), policy)).toBeUndefined();
    });
  });
});

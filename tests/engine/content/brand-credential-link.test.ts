import { brandCredentialLink } from '../../../src/engine/rules/brand-credential-link';
import { contentPolicy } from './policy';
import { from, htmlLink, mail, priorFinding, runRule } from './message';

const policy = contentPolicy({
  knownOrganizations: [
    { names: ['Microsoft'], domains: ['microsoft.com'] },
    { names: ['ETCマイレージ', 'ETC利用照会'], domains: ['smile-etc.jp'] },
    { names: ['Amazon', 'アマゾン'], domains: ['amazon.co.jp', 'amazon.com'] },
  ],
});
const wording = priorFinding('credential-lure', 'wording');

describe('brand-credential-link', () => {
  test('a Japanese brand in the subject, credential wording and a link to an unrelated site', () => {
    const message = mail({
      ...from('shopnews@mail.points-example.com', 'ご案内'),
      subject: '【期限迫る】ETCマイレージポイントをご確認ください',
      text: 'お客様のポイントが24時間以内に失効予定です。',
      links: [htmlLink('https://exchange.hunan-example.com/mileage', 'ポイント交換ページ')],
    });
    const hit = runRule(brandCredentialLink, message, policy, [wording]);
    expect(hit?.evidence[0]).toEqual(expect.objectContaining({ kind: 'impersonation', field: 'subject', claimed: 'ETCマイレージ', expected: ['smile-etc.jp'] }));
    expect(hit?.evidence[1]).toEqual(expect.objectContaining({ kind: 'link', host: 'exchange.hunan-example.com', reason: { en: expect.stringContaining('hunan-example.com'), ja: expect.stringMatching(/リンク先はhunan-example\.comです。$/) } }));
  });

  test('an English brand at the top of the body, from an unrelated sender', () => {
    const message = mail({
      ...from('info@screening-offers.example', 'Health Screening | Affiliate'),
      subject: 'Free testing package',
      text: 'Microsoft account. Unusual sign-in activity. Review recent activity to secure your account.',
      links: [htmlLink('https://vertuold.example/review', 'Review recent activity')],
    });
    expect(runRule(brandCredentialLink, message, policy, [wording])?.evidence[0]).toEqual(expect.objectContaining({ field: 'body', claimed: 'Microsoft' }));
  });

  test('needs credential wording: a brand and a link alone are an ordinary mention', () => {
    const message = mail({ subject: 'Amazon の新サービスについて', text: '記事はこちら', links: [htmlLink('https://news.example.jp/a', '記事')] });
    expect(runRule(brandCredentialLink, message, policy)).toBeUndefined();
  });

  test('leaves the company itself, links to its own site, and publications alone', () => {
    const own = mail({ ...from('account-security-noreply@microsoft.com'), subject: 'Microsoft account unusual sign-in', links: [htmlLink('https://account.microsoft.com/activity', 'Review')] });
    expect(runRule(brandCredentialLink, own, policy, [wording])).toBeUndefined();
    const ownLinks = mail({ subject: 'アマゾンのアカウント確認', links: [htmlLink('https://www.amazon.co.jp/ap/signin', 'ログイン')] });
    expect(runRule(brandCredentialLink, ownLinks, policy, [wording])).toBeUndefined();
    const sites = ['a', 'b', 'c', 'd', 'e'].map((site) => htmlLink(`https://${site}-news.example/`, site));
    const newsletter = mail({ subject: 'This week: Microsoft warns of password-expiry phishing', links: sites });
    expect(runRule(brandCredentialLink, newsletter, policy, [wording])).toBeUndefined();
  });

  test('does not repeat what suspicious-link-target already reported', () => {
    const message = mail({ subject: 'Microsoft: verify your account', links: [htmlLink('https://login.example.net/', 'Verify')] });
    expect(runRule(brandCredentialLink, message, policy, [wording, priorFinding('suspicious-link-target', 'links')])).toBeUndefined();
  });
});

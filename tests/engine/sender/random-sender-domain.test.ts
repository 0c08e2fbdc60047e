import { randomSenderDomain as rule } from '../../../src/engine/rules/random-sender-domain';
import { randomLabel } from '../../../src/engine/text/random-string';
import { mail, runRule } from './message';

describe('random-sender-domain', () => {
  it.each([
    ['zmau42cdk83iftmucnoavnqel28t.com', 'generated code'],
    ['r4wbt6mshvx1.com', 'generated code'],
    ['xkqzvbtrwplm.net', 'almost no vowels'],
    ['bcdfghjklm.co.jp', 'almost no vowels'],
  ])('fires for %s', (domain, why) => {
    const hit = runRule(rule, mail({ from: `Support <info@${domain}>` }));
    expect(hit?.evidence[0]).toMatchObject({ kind: 'header', name: 'From', meaning: { en: expect.stringContaining(why) } });
  });

  it.each(['ietf.org', 'kddi.com', 'dmtf.org', 'kaiyo-inst.or.jp', 'xn--eckwd4c7c.xn--zckzah', 'strengths-finder.com', 'windows365.microsoft.com', 'szczyrkowski.pl', 'tokyo-university.ac.jp', 'rwmfgconsulting.com'])(
    'stays quiet for %s',
    (domain) => {
      expect(runRule(rule, mail({ from: `Someone <a@${domain}>` }))).toBeUndefined();
    },
  );

  it.each([
    ['dwzhckip.news-mailer.example', 'dwzhckip'],
    ['asdhbsvjldmopsfjij4.shop.example', 'asdhbsvjldmopsfjij'],
    ['ghghghgggg-64b02.app-hosting.example', 'ghghghgggg'],
  ])('fires for a generated label in front of the name: %s', (domain, label) => {
    expect(runRule(rule, mail({ from: `News <news@${domain}>` }))?.evidence[0]).toMatchObject({ value: domain, meaning: { en: expect.stringContaining(`"${label}" has almost no vowels`) } });
  });

  it.each(['tracking-dhl.africa-post.example', 'mr21p30im-asmtp001.me.example.com', 'em3231.heinen-doors.example', 'a27-220.smtp-out.amazonses.com', 'strengthsfinder.mail.example.com', 'lkml.kernel.org', 'bounce.e.rakuten.co.jp', 'mail.kaiyo-inst.or.jp'])(
    'stays quiet for the subdomains of %s',
    (domain) => {
      expect(runRule(rule, mail({ from: `Someone <a@${domain}>` }))).toBeUndefined();
    },
  );

  it('finishes on a very long label', () => {
    expect(randomLabel('a1'.repeat(100_000))).toBeDefined();
  });
});

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

  it('finishes on a very long label', () => {
    expect(randomLabel('a1'.repeat(100_000))).toBeDefined();
  });
});

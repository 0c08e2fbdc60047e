import { findResemblance, lookalikeDomain as rule, mixedScriptCharacters } from '../../../src/engine/rules/lookalike-domain';
import { canonicalHost } from '../../../src/mail/hosts';
import { mail, runRule } from './message';
import { makePolicy } from './policy';
import { policyForMailbox } from '../../../src/policy';

function resemblance(domain: string) {
  const host = canonicalHost(domain);
  if (!host) throw new Error(`not a host: ${domain}`);
  return findResemblance(host, makePolicy());
}

describe('lookalike-domain', () => {
  describe('recognises each technique', () => {
    it.each([
      // [domain, resembles, technique]
      ['kaiyo-lnst.or.jp', 'kaiyo-inst.or.jp', 'substitution'],
      ['kaiyo-insst.or.jp', 'kaiyo-inst.or.jp', 'repetition'],
      ['kaiyo-ist.or.jp', 'kaiyo-inst.or.jp', 'omission'],
      ['kaiyo-isnt.or.jp', 'kaiyo-inst.or.jp', 'transposition'],
      ['kaiyoinst.or.jp', 'kaiyo-inst.or.jp', 'hyphenation'],
      ['rnofa.go.jp', 'mofa.go.jp', 'homoglyph'],
      ['paypa1.com', 'paypal.com', 'homoglyph'],
      ['xn--pypal-4ve.com', 'paypal.com', 'homoglyph (punycode)'], // pаypal.com with a Cyrillic а
      ['mofa.jp', 'mofa.go.jp', 'tld-swap'],
      ['mofa.go.com', 'mofa.go.jp', 'tld-swap'],
      ['mofa-go.jp', 'mofa.go.jp', 'hyphenation'],
      ['kaiyo-inst.com', 'kaiyo-inst.or.jp', 'tld-swap'],
      ['mofa.go.jp.press-office.com', 'mofa.go.jp', 'combosquat'],
      ['mofa-jp.com', 'mofa.go.jp', 'combosquat'],
      ['secure-mofa.com', 'mofa.go.jp', 'combosquat'],
      ['example-univ-ac.jp', 'example-univ.ac.jp', 'tld-swap'],
      ['asia-policy-forum.net', 'asia-policy-forum.org', 'tld-swap'],
    ])('%s imitates %s by %s', (domain, resembles, technique) => {
      expect(resemblance(domain)).toMatchObject({ entry: { domain: resembles }, technique });
    });

    it('marks every look-alike character with its code point, name and position in the domain', () => {
      const hit = runRule(rule, mail({ from: '外務省 <info@mail.mоfа.go.jp>' })); // Cyrillic о and а
      expect(hit?.severity).toBe('high');
      expect(hit?.evidence[0]).toMatchObject({
        kind: 'lookalike',
        field: 'from.address',
        domain: 'mail.mоfа.go.jp',
        resembles: 'mofa.go.jp',
        technique: 'homoglyph (punycode)',
        differences: [
          { char: 'о', codePoint: 'U+043E', description: 'CYRILLIC SMALL LETTER O', index: 6 },
          { char: 'а', codePoint: 'U+0430', description: 'CYRILLIC SMALL LETTER A', index: 8 },
        ],
      });
    });

    it('points at the changed letter of a typo', () => {
      const hit = runRule(rule, mail({ from: 'Kenji Watanabe <k.watanabe@kaiyo-lnst.or.jp>' }));
      expect(hit?.evidence[0]).toMatchObject({ technique: 'substitution', differences: [{ char: 'l', codePoint: 'U+006C', index: 6 }] });
    });

    it('checks Reply-To as well as From', () => {
      const hit = runRule(rule, mail({ from: 'Hanako Suzuki <hanako@asia-policy-forum.org>', replyTo: ['hanako@asia-policy-forum.net'] }));
      expect(hit?.evidence[0]).toMatchObject({ field: 'replyTo.address', resembles: 'asia-policy-forum.org' });
    });

    it('is medium for a brand name inside a longer domain (brands own many domains)', () => {
      const hit = runRule(rule, mail({ from: 'Amazon <info@amazon-security-center.net>' }));
      expect(hit).toMatchObject({ severity: 'medium', evidence: [{ technique: 'combosquat', resembles: expect.stringMatching(/^amazon\./) }] });
    });

    it('is medium for a brand on another ending, high for a ministry', () => {
      expect(runRule(rule, mail({ from: 'DHL <x@dhl.info>' }))).toBeUndefined(); // three letters: too short to judge
      expect(runRule(rule, mail({ from: 'PayPal <x@paypal.info>' }))?.severity).toBe('medium');
      expect(runRule(rule, mail({ from: '外務省 <x@mofa.info>' }))?.severity).toBe('high');
    });

    it('flags letters from two alphabets in one label even when nothing known is imitated', () => {
      const hit = runRule(rule, mail({ from: 'Shop <x@shоpping-deals.com>' })); // Cyrillic о
      expect(hit).toMatchObject({ severity: 'medium', evidence: [{ technique: 'mixed-script', resembles: 'shopping-deals.com', differences: [{ codePoint: 'U+043E', index: 2 }] }] });
    });
  });

  describe('stays quiet', () => {
    it.each([
      ['the real domain', 'info@mofa.go.jp'],
      ['a subdomain of the real domain', 'press@mail.mofa.go.jp'],
      ['our own domain', 'k.watanabe@kaiyo-inst.or.jp'],
      ['free webmail', 'someone@gmail.com'],
      ['a free-mail provider one letter from another', 'someone@outlook.jp'],
      ['a short label one letter from a short protected label', 'info@mods.go.jp'],
      ['an unrelated domain', 'news@asahi.com'],
      ['a Japanese internationalised domain', 'info@日本語ドメイン.jp'],
      ['a domain that merely contains a short brand', 'info@groups.example.com'],
    ])('for %s', (_case, address) => {
      expect(runRule(rule, mail({ from: `Sender <${address}>` }))).toBeUndefined();
    });
  });

  it('ignores documentation domains, which nobody can register', () => {
    const policy = makePolicy({ organizationDomains: ['example.jp'] });
    expect(runRule(rule, mail({ from: 'Mail Delivery System <MAILER-DAEMON@mx.example.co.jp>' }), policy)).toBeUndefined();
    expect(runRule(rule, mail({ from: 'Sender <x@mofa.example>' }))).toBeUndefined();
  });

  it('protects a documentation domain IT configured, but not one guessed from a test mailbox', () => {
    const configured = makePolicy({ organizationDomains: ['example.or.jp'] });
    const hit = runRule(rule, mail({ from: 'Kenji Watanabe <k.watanabe@example-or.jp>' }), configured);
    expect(hit?.evidence[0]).toMatchObject({ kind: 'lookalike', domain: 'example-or.jp', resembles: 'example.or.jp' });
    const guessed = policyForMailbox('someone@example.com', {});
    expect(guessed.organizationDomains).toEqual(['example.com']);
    expect(runRule(rule, mail({ from: 'Sender <x@examp1e.com>' }), guessed)).toBeUndefined();
  });

  it('does not treat the parent of a configured subdomain as a look-alike', () => {
    const policy = makePolicy({ organizationDomains: ['mail.kaiyo-inst.or.jp'] });
    expect(runRule(rule, mail({ from: 'Kenji <k.watanabe@kaiyo-inst.or.jp>' }), policy)).toBeUndefined();
  });

  it('reads mixed scripts per label', () => {
    expect(mixedScriptCharacters('日本語ドメイン.jp')).toEqual([]);
    expect(mixedScriptCharacters('примеp.com').map((note) => note.codePoint)).toEqual(['U+0070']); // Latin p among Cyrillic
  });

  it('finds the one look-alike among hundreds of known organisations', () => {
    const policy = makePolicy({
      knownOrganizations: Array.from({ length: 400 }, (_, i) => ({ names: [`Brand ${i}`], domains: [`brand-number-${i}.co.jp`] })),
    });
    const message = mail({ from: 'X <x@brand-numbar-17.co.jp>', replyTo: ['y@unrelated-example.com'] });
    expect(runRule(rule, message, policy)?.evidence[0]).toMatchObject({ resembles: 'brand-number-17.co.jp' });
  });
});

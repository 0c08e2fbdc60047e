import { canonicalHost, domainOfAddress } from '../../src/mail/hosts';

describe('canonicalHost', () => {
  it('folds Unicode hosts to punycode and back', () => {
    expect(canonicalHost('аррӏе.com')).toEqual({ ascii: 'xn--80ak6aa92e.com', unicode: 'аррӏе.com', registrable: 'xn--80ak6aa92e.com', publicSuffix: 'com', isIp: false });
    expect(canonicalHost('xn--80ak6aa92e.com')).toEqual(canonicalHost('аррӏе.com'));
    expect(canonicalHost('BÜCHER.de')).toMatchObject({ ascii: 'xn--bcher-kva.de', unicode: 'bücher.de' });
    expect(canonicalHost('日本語.jp')).toMatchObject({ ascii: 'xn--wgv71a119e.jp', unicode: '日本語.jp', registrable: 'xn--wgv71a119e.jp' });
  });

  it('reads full-width letters and dots as a browser does', () => {
    expect(canonicalHost('ＥＸＡＭＰＬＥ．ｃｏｍ')).toMatchObject({ ascii: 'example.com', registrable: 'example.com' });
    expect(canonicalHost('example。co。jp')).toMatchObject({ ascii: 'example.co.jp', registrable: 'example.co.jp' });
  });

  it('drops trailing dots, surrounding space, a port and invisible characters', () => {
    expect(canonicalHost('example.com.')?.ascii).toBe('example.com');
    expect(canonicalHost(' Example.COM.. ')?.ascii).toBe('example.com');
    expect(canonicalHost('example.com:8443')?.ascii).toBe('example.com');
    expect(canonicalHost('exa\u200bmple.com')?.ascii).toBe('example.com');
  });

  it('recognises every way of writing an IPv4 address', () => {
    for (const written of ['127.0.0.1', '0x7f.1', '2130706433', '0177.0.0.1', '0x7F000001', '127.1', '127.0.0.1.']) {
      expect(canonicalHost(written)).toEqual({ ascii: '127.0.0.1', unicode: '127.0.0.1', isIp: true });
    }
    expect(canonicalHost('1.2.3')?.ascii).toBe('1.2.0.3');
  });

  it('does not take a name that merely ends in a number for an IP address', () => {
    for (const written of ['v1.2', 'host.1', 'mail-3.10', 'a1.b2.3']) {
      const host = canonicalHost(written);
      expect(host).toBeDefined();
      expect(host?.isIp).toBe(false);
    }
    expect(canonicalHost('v1.2')?.ascii).toBe('v1.2');
    // Still an address when every part is a number, even one a browser refuses.
    expect(canonicalHost('1.2.3.4.')?.isIp).toBe(true);
    expect(canonicalHost('999.1.1.1')?.isIp).toBe(true);
  });

  it('marks numeric hosts a browser would refuse as IPs rather than names', () => {
    expect(canonicalHost('256.1.1.1')?.isIp).toBe(true);
    expect(canonicalHost('0x100.1.1.1')?.isIp).toBe(true);
    expect(canonicalHost('256.1.1.1')?.registrable).toBeUndefined();
  });

  it('recognises IPv6 with or without brackets', () => {
    expect(canonicalHost('::1')).toEqual({ ascii: '[::1]', unicode: '[::1]', isIp: true });
    expect(canonicalHost('[2001:DB8::1]')).toEqual({ ascii: '[2001:db8::1]', unicode: '[2001:db8::1]', isIp: true });
    expect(canonicalHost('::ffff:127.0.0.1')?.ascii).toBe('[::ffff:7f00:1]');
  });

  it('finds the registrable domain under Japanese second-level suffixes', () => {
    expect(canonicalHost('www.example.co.jp')).toMatchObject({ registrable: 'example.co.jp', publicSuffix: 'co.jp' });
    expect(canonicalHost('www.mofa.go.jp')).toMatchObject({ registrable: 'mofa.go.jp', publicSuffix: 'go.jp' });
    expect(canonicalHost('mail.jica.or.jp')).toMatchObject({ registrable: 'jica.or.jp', publicSuffix: 'or.jp' });
    expect(canonicalHost('www.u-tokyo.ac.jp')).toMatchObject({ registrable: 'u-tokyo.ac.jp', publicSuffix: 'ac.jp' });
    expect(canonicalHost('www.city.shibuya.tokyo.jp')).toMatchObject({ registrable: 'city.shibuya.tokyo.jp' });
    expect(canonicalHost('example.jp')).toMatchObject({ registrable: 'example.jp', publicSuffix: 'jp' });
  });

  it('gives no registrable domain for a public suffix on its own', () => {
    for (const suffix of ['co.jp', 'go.jp', 'or.jp', 'ac.jp', 'jp', 'com', 'co.uk']) {
      const host = canonicalHost(suffix)!;
      expect(host.registrable).toBeUndefined();
      expect(host.publicSuffix).toBe(suffix);
      expect(host.isIp).toBe(false);
    }
  });

  it('ignores private suffixes, so a hosting customer is not treated as its own registrable domain', () => {
    expect(canonicalHost('victim-login.github.io')?.registrable).toBe('github.io');
    expect(canonicalHost('phish.web.app')?.registrable).toBe('web.app');
  });

  it('rejects what cannot be a host', () => {
    for (const bad of ['', '   ', '...', 'exa mple.com', 'a<b>.com', 'x'.repeat(2000)]) expect(canonicalHost(bad)).toBeUndefined();
    expect(canonicalHost(undefined as unknown as string)).toBeUndefined();
  });
});

describe('domainOfAddress', () => {
  it('takes the part after the last @, lower-cased and trimmed', () => {
    expect(domainOfAddress('Someone@Example.CO.JP')).toBe('example.co.jp');
    expect(domainOfAddress('"a@b"@evil.example')).toBe('evil.example');
    expect(domainOfAddress('user@example.com> ')).toBe('example.com');
    expect(domainOfAddress('no-at-sign')).toBe('');
  });

  it('stays fast on a long run of spaces inside an address', () => {
    const hostile = 'a@b' + ' '.repeat(200_000) + 'x';
    expect(domainOfAddress(hostile).endsWith('x')).toBe(true);
  });
});

import type { Policy } from '../../src/policy/types';
import { hostInList, mailboxOrganizationDomain, matchHostList, policyForMailbox, resolvePolicy } from '../../src/policy/resolve';
import { BUILTIN_LURE_KEYWORDS, FILE_SHARING_HOSTS, FREEMAIL_DOMAINS, KNOWN_ORGANIZATIONS } from '../../src/policy/defaults';

describe('resolvePolicy', () => {
  it('starts from the built-in lists when there is no policy', () => {
    const resolved = resolvePolicy();
    expect(resolved.organizationDomains).toEqual([]);
    expect(resolved.protectedPeople).toEqual([]);
    expect(resolved.freemailDomains.has('gmail.com')).toBe(true);
    expect(resolved.fileSharingHosts.size).toBe(new Set(FILE_SHARING_HOSTS).size);
    expect(resolved.riskyExtensions.has('lnk')).toBe(true);
    expect(resolved.lureKeywords).toHaveLength(BUILTIN_LURE_KEYWORDS.length);
    expect(resolved.knownOrganizations).toHaveLength(KNOWN_ORGANIZATIONS.length);
    expect(resolved.reporting).toEqual({ channels: ['compose'], afterReport: 'junk', reportedFolderName: 'Reported phishing' });
  });

  it('adds policy lists to the built-in ones instead of replacing them', () => {
    const resolved = resolvePolicy({
      freemailDomains: ['example-isp.ne.jp'],
      fileSharingHosts: ['files.example-share.jp'],
      urlShorteners: ['sho.rt'],
      trackingLinkHosts: ['click.example-mailer.jp'],
      riskyExtensions: ['.XLL', 'wiz'],
      lureKeywords: [{ phrase: '日中首脳会談' }],
      knownOrganizations: [{ names: ['例示平和財団'], domains: ['example-peace.org'] }],
    });
    expect(resolved.freemailDomains.has('example-isp.ne.jp')).toBe(true);
    expect(resolved.freemailDomains.has('docomo.ne.jp')).toBe(true);
    expect(resolved.fileSharingHosts.has('files.example-share.jp') && resolved.fileSharingHosts.has('drive.google.com')).toBe(true);
    expect(resolved.urlShorteners.has('sho.rt') && resolved.urlShorteners.has('bit.ly')).toBe(true);
    expect(resolved.trackingLinkHosts.has('click.example-mailer.jp') && resolved.trackingLinkHosts.has('safelinks.protection.outlook.com')).toBe(true);
    expect(resolved.riskyExtensions.has('xll') && resolved.riskyExtensions.has('wiz') && resolved.riskyExtensions.has('iso')).toBe(true);
    expect(resolved.lureKeywords).toHaveLength(BUILTIN_LURE_KEYWORDS.length + 1);
    expect(resolved.lureKeywords).toContainEqual({ phrase: '日中首脳会談', weight: 1, category: 'custom' });
    expect(resolved.knownOrganizations).toHaveLength(KNOWN_ORGANIZATIONS.length + 1);
    expect(resolved.knownOrganizations.some((organization) => organization.domains.includes('mofa.go.jp'))).toBe(true);
  });

  it('normalises domains: case, trailing dots, Japanese (IDN) names, duplicates', () => {
    const resolved = resolvePolicy({
      organizationDomains: ['Example.OR.jp.', 'example.or.jp', '例え.jp', 'ｅｘａｍｐｌｅ.go.jp'],
      trustedDomains: ['EXAMPLE.ac.jp'],
    });
    expect(resolved.organizationDomains).toEqual(['example.or.jp', 'xn--r8jz45g.jp', 'example.go.jp']);
    expect(resolved.trustedDomains).toEqual(['example.ac.jp']);
  });

  it('gives protected people empty lists and normalised entries', () => {
    const resolved = resolvePolicy({
      protectedPeople: [
        { name: '  Yuko\u3000Sato ' },
        { name: 'Kenji Watanabe', aliases: ['渡辺 健二', '渡辺\u200b健二', 'kenji watanabe', 'ﾜﾀﾅﾍﾞ ｹﾝｼﾞ'], emails: ['K.Watanabe@Example.OR.JP'], domains: ['Example.AC.jp.'] },
      ],
    });
    expect(resolved.protectedPeople).toEqual([
      { name: 'Yuko Sato', aliases: [], emails: [], domains: [] },
      // The zero-width space makes no new alias, and the name itself is not repeated as an alias.
      { name: 'Kenji Watanabe', aliases: ['渡辺 健二', 'ワタナベ ケンジ'], emails: ['k.watanabe@example.or.jp'], domains: ['example.ac.jp'] },
    ]);
  });

  it('lets a policy phrase re-weight a built-in one without duplicating it', () => {
    const builtIn = BUILTIN_LURE_KEYWORDS.find((keyword) => keyword.phrase === '台湾有事');
    expect(builtIn).toEqual({ phrase: '台湾有事', weight: 2, category: 'geopolitics' });
    const resolved = resolvePolicy({ lureKeywords: [{ phrase: '台湾 有事', weight: 4 }, { phrase: 'ENABLE  CONTENT', category: 'my-coaching' }] });
    expect(resolved.lureKeywords).toHaveLength(BUILTIN_LURE_KEYWORDS.length);
    expect(resolved.lureKeywords).toContainEqual({ phrase: '台湾有事', weight: 4, category: 'geopolitics' });
    expect(resolved.lureKeywords).toContainEqual({ phrase: 'enable content', weight: 5, category: 'my-coaching' });
  });

  it('merges an organisation that names a built-in one into it', () => {
    const resolved = resolvePolicy({ knownOrganizations: [{ names: ['ＭＩＣＲＯＳＯＦＴ', 'Microsoft Japan'], domains: ['Partner-Mail.example.jp'] }] });
    expect(resolved.knownOrganizations).toHaveLength(KNOWN_ORGANIZATIONS.length);
    const microsoft = resolved.knownOrganizations.find((organization) => organization.names.includes('Microsoft'));
    expect(microsoft?.names).toContain('Microsoft Japan');
    expect(microsoft?.domains).toEqual(expect.arrayContaining(['microsoft.com', 'partner-mail.example.jp']));
    // The built-in data itself is untouched.
    expect(KNOWN_ORGANIZATIONS.find((organization) => organization.names.includes('Microsoft'))?.domains).not.toContain('partner-mail.example.jp');
  });

  it('orders reporting channels with compose last and only configured ones by default', () => {
    const configured = resolvePolicy({
      reporting: { endpointUrl: 'https://lurelens.example.or.jp/api/reports', securityMailbox: 'Security@Example.or.jp', entraClientId: '4F1C2B7E-9A3D-4E8B-B6C5-2D0A1F9E8C73' },
    }).reporting;
    expect(configured).toEqual({
      channels: ['endpoint', 'mailbox', 'compose'],
      endpointUrl: 'https://lurelens.example.or.jp/api/reports',
      securityMailbox: 'security@example.or.jp',
      entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73',
      afterReport: 'junk',
      reportedFolderName: 'Reported phishing',
    });
    expect(resolvePolicy({ reporting: { securityMailbox: 'security@example.or.jp' } }).reporting.channels).toEqual(['compose']);
    expect(
      resolvePolicy({ reporting: { channels: ['compose', 'endpoint'], endpointUrl: 'https://lurelens.example.or.jp/api/reports', securityMailbox: 'security@example.or.jp' } })
        .reporting.channels,
    ).toEqual(['endpoint', 'compose']);
    expect(resolvePolicy({ reporting: { afterReport: 'reportedFolder', reportedFolderName: ' 報告済み ' } }).reporting).toMatchObject({
      afterReport: 'reportedFolder',
      reportedFolderName: '報告済み',
    });
  });

  it('looks up sender history only when the policy says so', () => {
    expect(resolvePolicy().senderHistory).toBe(false);
    expect(resolvePolicy({ senderHistory: false }).senderHistory).toBe(false);
    expect(resolvePolicy({ senderHistory: true, reporting: { entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73' } }).senderHistory).toBe(true);
  });

  it('returns the same frozen object for the same policy object', () => {
    const policy: Policy = { organizationDomains: ['example.or.jp'] };
    const first = resolvePolicy(policy);
    expect(resolvePolicy(policy)).toBe(first);
    expect(resolvePolicy()).toBe(resolvePolicy(undefined));
    expect(resolvePolicy({ organizationDomains: ['example.or.jp'] })).not.toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.organizationDomains) && Object.isFrozen(first.knownOrganizations[0])).toBe(true);
    expect(() => first.organizationDomains.push('attacker.example')).toThrow(TypeError);
  });
});

describe('policyForMailbox', () => {
  it("uses the mailbox's registrable domain when the policy names no organisation domains", () => {
    expect(policyForMailbox('k.watanabe@example.or.jp').organizationDomains).toEqual(['example.or.jp']);
    expect(policyForMailbox('Y.Sato@Tokyo.Example.OR.JP', { organizationDomains: [] }).organizationDomains).toEqual(['example.or.jp']);
    expect(policyForMailbox('taro@例え.jp').organizationDomains).toEqual(['xn--r8jz45g.jp']);
  });

  it('keeps the policy’s own organisation domains', () => {
    const policy: Policy = { organizationDomains: ['example.or.jp', 'example-forum.jp'] };
    expect(policyForMailbox('someone@example-forum.jp', policy)).toBe(resolvePolicy(policy));
  });

  it('never derives an organisation from free mail, Japanese carriers or ISPs included', () => {
    for (const address of ['someone@gmail.com', 'someone@docomo.ne.jp', 'someone@ezweb.ne.jp', 'someone@i.softbank.jp', 'someone@yahoo.co.jp', 'someone@xa2.so-net.ne.jp']) {
      expect(policyForMailbox(address).organizationDomains).toEqual([]);
    }
    // A domain the policy adds to the free-mail list counts too.
    expect(policyForMailbox('someone@example-isp.ne.jp', { freemailDomains: ['example-isp.ne.jp'] }).organizationDomains).toEqual([]);
  });

  it('does not widen a shared tenant domain to everyone on it', () => {
    expect(policyForMailbox('admin@contoso.onmicrosoft.com').organizationDomains).toEqual(['contoso.onmicrosoft.com']);
    expect(mailboxOrganizationDomain('someone@project.github.io', new Set())).toBe('project.github.io');
  });

  it('leaves the organisation unknown for addresses without a usable domain', () => {
    for (const address of ['', 'no-at-sign', 'user@localhost', 'user@[192.0.2.1]', 'user@192.0.2.1']) {
      expect(policyForMailbox(address).organizationDomains).toEqual([]);
    }
  });

  it('is memoised per policy and mailbox domain', () => {
    const policy: Policy = {};
    const first = policyForMailbox('a@example.or.jp', policy);
    expect(policyForMailbox('b@example.or.jp', policy)).toBe(first);
    expect(policyForMailbox('c@example.ac.jp', policy)).not.toBe(first);
    expect(first.knownOrganizations).toBe(resolvePolicy(policy).knownOrganizations);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('matchHostList', () => {
  const list = new Set(['sharepoint.com', 'safelinks.protection.outlook.com', 'i.softbank.jp']);
  it('matches a host or any subdomain of an entry, never a parent or a look-alike', () => {
    expect(matchHostList('contoso-my.sharepoint.com', list)).toBe('sharepoint.com');
    expect(matchHostList('jpn01.safelinks.protection.outlook.com', list)).toBe('safelinks.protection.outlook.com');
    expect(hostInList('i.softbank.jp', list)).toBe(true);
    expect(hostInList('softbank.jp', list)).toBe(false);
    expect(hostInList('protection.outlook.com', list)).toBe(false);
    expect(hostInList('evilsharepoint.com', list)).toBe(false);
    expect(hostInList('sharepoint.com.evil.example', list)).toBe(false);
  });
});

describe('built-in free-mail list', () => {
  it('includes Japanese carriers and ISPs as well as global providers', () => {
    const freemail = resolvePolicy().freemailDomains;
    for (const domain of ['docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp', 'ymobile.ne.jp', 'nifty.com', 'biglobe.ne.jp', 'ocn.ne.jp', 'plala.or.jp', 'yahoo.co.jp', 'gmail.com', 'outlook.jp', 'qq.com', 'naver.com']) {
      expect(freemail.has(domain)).toBe(true);
    }
    expect(FREEMAIL_DOMAINS).not.toContain('example.or.jp');
  });
});

import type { Policy } from '../../src/policy/types';
import { DEFAULT_CHANNEL_ORDER, DEFAULT_REPORTING, normalizeDomain, normalizeEmail, resolveReporting, securityTeamName } from '../../src/policy/reporting';
import { validatePolicy } from '../../src/policy/validate';
import { policyForMailbox, resolvePolicy } from '../../src/policy/resolve';
import { canonicalHost } from '../../src/mail/hosts';
import * as defaults from '../../src/policy/defaults';
import * as policyIndex from '../../src/policy';

// Each policy is resolved by the Report button (resolveReporting alone) and by the pane/service
// (resolvePolicy); both must send reports to the same places.
const policies: [string, Policy | undefined][] = [
  ['no policy.json', undefined],
  ['empty policy', {}],
  ['empty reporting', { reporting: {} }],
  [
    'channels unlisted: every configured one in the default order',
    {
      reporting: {
        securityMailbox: 'soc@example.or.jp',
        entraClientId: '0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0',
        endpointUrl: '  https://lurelens.example.or.jp/api/reports ',
        endpointToken: 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f',
      },
    },
  ],
  [
    'verified reporters: the API scope the service publishes',
    {
      reporting: {
        entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73',
        endpointUrl: 'https://lurelens.example.or.jp/api/reports',
        endpointToken: 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f',
        endpointScope: 'api://lurelens.example.or.jp/4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73/Reports.Submit',
      },
    },
  ],
  ['mailbox without client id is not configured', { reporting: { securityMailbox: 'soc@example.or.jp' } }],
  ['channels listed, repeated, compose first', { reporting: { channels: ['compose', 'mailbox', 'endpoint', 'mailbox'], endpointUrl: 'https://r.example.jp/api' } }],
  ['only compose listed', { reporting: { channels: ['compose'], endpointUrl: 'https://r.example.jp/api' } }],
  ['security mailbox on a Japanese (IDN) domain', { reporting: { securityMailbox: ' Security@セキュリティ.例え.JP. ', entraClientId: 'abc' } }],
  ['security mailbox in full-width letters', { reporting: { securityMailbox: 'ＳＯＣ@ＥＸＡＭＰＬＥ．ｊｐ' } }],
  ['security mailbox whose domain is not a host', { reporting: { securityMailbox: ' soc@exa mple.jp ' } }],
  ['after report: own folder with an untidy name', { reporting: { afterReport: 'reportedFolder', reportedFolderName: '  報告済み\u200b　フィッシング ' } }],
  ['after report: leave in place', { reporting: { afterReport: 'leave', endpointUrl: 'https://r.example.jp/api' } }],
];

describe('resolveReporting (what the Report button loads)', () => {
  it.each(policies)('gives the same settings as resolvePolicy: %s', (_name, policy) => {
    const light = resolveReporting(policy?.reporting);
    expect(light).toEqual(resolvePolicy(policy).reporting);
    // The pane resolves for the signed-in mailbox; reporting does not depend on it.
    expect(light).toEqual(policyForMailbox('k.watanabe@tokyo.example.or.jp', policy).reporting);
  });

  it('tries configured channels in the default order and always ends with compose', () => {
    expect(resolveReporting(policies[3][1]?.reporting).channels).toEqual(['endpoint', 'mailbox', 'compose']);
    expect(resolveReporting({ channels: ['compose', 'mailbox', 'endpoint', 'mailbox'] }).channels).toEqual(['mailbox', 'endpoint', 'compose']);
    expect(resolveReporting(undefined)).toEqual({ channels: ['compose'], afterReport: 'junk', reportedFolderName: 'Reported phishing' });
  });

  it("keeps the service API's scope, so the pane and the Report button can ask for the reporter's token", () => {
    const scope = 'api://lurelens.example.or.jp/4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73/Reports.Submit';
    expect(resolveReporting({ endpointScope: ` ${scope} ` }).endpointScope).toBe(scope);
    expect(resolveReporting({})).not.toHaveProperty('endpointScope');
  });

  it('writes the security mailbox with an ASCII (punycode) domain and keeps unusable ones as written', () => {
    expect(resolveReporting({ securityMailbox: ' Security@セキュリティ.例え.JP. ' }).securityMailbox).toBe('security@xn--dckta5b5b2j4a.xn--r8jz45g.jp');
    expect(resolveReporting({ securityMailbox: 'ＳＯＣ@ＥＸＡＭＰＬＥ．ｊｐ' }).securityMailbox).toBe('ｓｏｃ@example.jp');
    expect(resolveReporting({ securityMailbox: ' soc@exa mple.jp ' }).securityMailbox).toBe('soc@exa mple.jp');
    expect(normalizeEmail('@example.jp')).toBeUndefined();
  });

  it('normalises domains exactly as canonicalHost does', () => {
    for (const value of ['Example.JP.', 'セキュリティ.例え.jp', 'xn--n3h.com', '0x7f.1', '[::1]', 'example.com:8080', '::1', 'exa mple.jp', 'a..b', '', 'ａｂｃ．ｊｐ', 'xn--zz.jp', `${'a'.repeat(1100)}.jp`]) {
      expect([value, normalizeDomain(value)]).toEqual([value, canonicalHost(value.trim())?.ascii]);
    }
  });

  it('is the one definition of the reporting defaults', () => {
    expect(defaults.DEFAULT_REPORTING).toBe(DEFAULT_REPORTING);
    expect(defaults.DEFAULT_CHANNEL_ORDER).toBe(DEFAULT_CHANNEL_ORDER);
    expect(policyIndex.DEFAULT_REPORTING).toBe(DEFAULT_REPORTING);
    expect(policyIndex.resolveReporting).toBe(resolveReporting);
  });

  it('names the security team in both languages, each falling back to the other', () => {
    expect(securityTeamName(resolveReporting({ securityTeamName: ' Information\u200B  Security Office ', securityTeamNameJa: '情報セキュリティ室' }))).toEqual({ en: 'Information Security Office', ja: '情報セキュリティ室' });
    expect(securityTeamName(resolveReporting({ securityTeamNameJa: '情報セキュリティ室' }))).toEqual({ en: '情報セキュリティ室', ja: '情報セキュリティ室' });
    expect(securityTeamName(resolveReporting({ securityTeamName: 'CSIRT' }))).toEqual({ en: 'CSIRT', ja: 'CSIRT' });
    expect(securityTeamName(resolveReporting({}))).toBeUndefined();
    expect(validatePolicy({ reporting: { securityTeamName: '   ' } }).ok).toBe(false);
    expect(validatePolicy({ reporting: { securityTeamName: 'x'.repeat(101) } }).ok).toBe(false);
  });
});

// A small, realistic ResolvedPolicy for the sender-identity tests: a Japanese policy institute,
// one of its directors and an outside expert it works with, the ministries and brands people
// pose as, and the free mail services attackers register look-alike accounts on.
import type { ResolvedPolicy } from '../../../src/policy/types';

export const ORGANIZATION_DOMAIN = 'kaiyo-inst.or.jp';

export function makePolicy(overrides: Partial<ResolvedPolicy> = {}): ResolvedPolicy {
  return {
    organizationDomains: [ORGANIZATION_DOMAIN],
    protectedPeople: [
      {
        name: 'Kenji Watanabe',
        aliases: ['渡辺 健二', '渡邊健二', 'Watanabe Kenji'],
        emails: ['k.watanabe@kaiyo-inst.or.jp'],
        domains: [],
      },
      {
        name: 'Yuko Tanaka',
        aliases: ['田中 裕子', 'Prof. Yuko Tanaka'],
        emails: ['yuko.tanaka@example-univ.ac.jp'],
        domains: ['example-univ.ac.jp'],
      },
    ],
    trustedDomains: ['asia-policy-forum.org'],
    lureKeywords: [],
    knownOrganizations: [
      { names: ['外務省', 'Ministry of Foreign Affairs', 'MOFA'], domains: ['mofa.go.jp'] },
      { names: ['防衛省', 'Ministry of Defense', 'JMOD'], domains: ['mod.go.jp'] },
      { names: ['Microsoft', 'Microsoft 365', 'Office 365'], domains: ['microsoft.com', 'office.com', 'office365.com'] },
      { names: ['Amazon', 'アマゾン'], domains: ['amazon.co.jp', 'amazon.com'] },
      { names: ['DHL'], domains: ['dhl.com', 'dhl.de'] },
      { names: ['楽天', 'Rakuten'], domains: ['rakuten.co.jp', 'rakuten-card.co.jp'] },
      { names: ['三井住友カード', 'SMBC'], domains: ['smbc-card.com', 'smbc.co.jp'] },
      { names: ['PayPal'], domains: ['paypal.com'] },
      { names: ['DocuSign'], domains: ['docusign.net', 'docusign.com'] },
    ],
    freemailDomains: new Set(['gmail.com', 'yahoo.co.jp', 'yahoo.com', 'outlook.com', 'outlook.jp', 'hotmail.com', 'icloud.com', 'aol.com', 'mail.ee', 'zohomail.com']),
    fileSharingHosts: new Set(),
    urlShorteners: new Set(),
    riskyExtensions: new Set(),
    trackingLinkHosts: new Set(['sendgrid.net', 'mailchimp.com', 'list-manage.com', 'amazonses.com']),
    reporting: {},
    ...overrides,
  };
}

/** The policy when IT has not configured anything about the organisation itself. */
export function makeEmptyOrganizationPolicy(): ResolvedPolicy {
  return makePolicy({ organizationDomains: [], protectedPeople: [], trustedDomains: [] });
}

// A small, realistic resolved policy for the content rules' tests: a Japanese research institute
// (example-institute.jp) with a short lure dictionary and short host lists. Tests build exactly the
// policy they need with `contentPolicy({...})`; nothing here depends on the built-in defaults.
import type { LureKeyword, ResolvedPolicy } from '../../../src/policy/types';

export const LURE_KEYWORDS: Required<LureKeyword>[] = [
  // geopolitics
  { phrase: 'Taiwan Strait', weight: 3, category: 'geopolitics' },
  { phrase: 'Taiwan', weight: 1, category: 'geopolitics' },
  { phrase: 'North Korea', weight: 2, category: 'geopolitics' },
  { phrase: 'Japan-China relations', weight: 3, category: 'geopolitics' },
  { phrase: 'security policy', weight: 2, category: 'geopolitics' },
  { phrase: '台湾有事', weight: 3, category: 'geopolitics' },
  { phrase: '台湾', weight: 1, category: 'geopolitics' },
  { phrase: '日中関係', weight: 3, category: 'geopolitics' },
  { phrase: '北朝鮮', weight: 2, category: 'geopolitics' },
  { phrase: '安全保障', weight: 2, category: 'geopolitics' },
  // pretext
  { phrase: 'interview request', weight: 2, category: 'pretext' },
  { phrase: 'speaking fee', weight: 2, category: 'pretext' },
  { phrase: 'draft for your comments', weight: 2, category: 'pretext' },
  { phrase: '取材のお願い', weight: 2, category: 'pretext' },
  { phrase: '講演依頼', weight: 2, category: 'pretext' },
  { phrase: '謝礼', weight: 1, category: 'pretext' },
  // credential
  { phrase: 'verify your account', weight: 3, category: 'credential' },
  { phrase: 'password expires', weight: 3, category: 'credential' },
  { phrase: 'sign in', weight: 1, category: 'credential' },
  { phrase: 'パスワードの有効期限', weight: 3, category: 'credential' },
  { phrase: 'アカウントが停止', weight: 3, category: 'credential' },
  { phrase: 'ご本人確認', weight: 2, category: 'credential' },
  // urgency
  { phrase: 'urgent', weight: 1, category: 'urgency' },
  { phrase: 'within 24 hours', weight: 2, category: 'urgency' },
  { phrase: '至急', weight: 1, category: 'urgency' },
  // payment
  { phrase: 'payment failed', weight: 3, category: 'payment' },
  { phrase: 'お支払い方法に問題', weight: 3, category: 'payment' },
  // payload coaching (beyond the rule's built-ins)
  { phrase: 'open the attached file on a PC', weight: 3, category: 'payload-coaching' },
];

export function contentPolicy(overrides: Partial<ResolvedPolicy> = {}): ResolvedPolicy {
  return {
    organizationDomains: ['example-institute.jp'],
    protectedPeople: [],
    trustedDomains: ['partner-university.ac.jp'],
    lureKeywords: LURE_KEYWORDS,
    knownOrganizations: [
      { names: ['外務省', 'Ministry of Foreign Affairs', 'MOFA'], domains: ['mofa.go.jp'] },
      { names: ['PayPal'], domains: ['paypal.com', 'paypal.jp'] },
      { names: ['Amazon', 'アマゾン'], domains: ['amazon.co.jp', 'amazon.com'] },
      { names: ['JCB'], domains: ['jcb.co.jp', 'jcb.jp'] },
      { names: ['楽天カード', 'Rakuten Card'], domains: ['rakuten-card.co.jp'] },
      { names: ['Microsoft'], domains: ['microsoft.com', 'office.com', 'live.com'] },
    ],
    freemailDomains: new Set(['gmail.com', 'yahoo.co.jp', 'outlook.com', 'hotmail.com', 'proton.me']),
    fileSharingHosts: new Set(['drive.google.com', 'docs.google.com', 'onedrive.live.com', '1drv.ms', 'sharepoint.com', 'dropbox.com', 'wetransfer.com', 'we.tl', 'box.com']),
    urlShorteners: new Set(['bit.ly', 't.co', 'tinyurl.com', 'is.gd']),
    riskyExtensions: new Set(['exe', 'scr', 'js', 'vbs', 'hta', 'lnk', 'iso', 'img', 'one', 'chm', 'docm', 'xlsm', 'html', 'htm', 'svg', 'ps1', 'bat']),
    trackingLinkHosts: new Set(['safelinks.protection.outlook.com', 'click.mlsend.com', 'links.newsletter-esp.com', 'sendgrid.net']),
    reporting: {},
    ...overrides,
  };
}

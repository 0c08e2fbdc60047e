// A display name that speaks for an organisation, on a free-mail address: "Customer Support Team"
// <helpdesk.verify2024@gmail.com>, 「カスタマーサポートセンター」 <x@yahoo.co.jp>, "Bank Security
// Department" <x@outlook.com>, 「客服中心」 <x@163.com>. Companies, ministries and help desks write
// from their own domains; a team or a department on a mailbox anyone can open is a claim nobody
// vouches for, whatever the organisation (it need not be one of the known ones).
//
// Left alone: people's names (with or without a title), a name that an earlier rule already reports
// as a particular organisation's claim, and mailing-list rewrites ("X via List"). Low on its own: a
// freelancer's "Studio Tanaka" on Gmail is real; it counts once anything else is wrong.
import type { Rule } from '../rule';
import { claimText, containsWord } from '../text/words';
import { claimedIdentities, isFreemail } from '../sender/identity';

/** Words that make a display name an organisation or one of its units, in Latin script (whole words). */
const ORGANIZATION_WORDS = [
  'team', 'support', 'service', 'services', 'department', 'dept', 'security', 'customer', 'customers', 'helpdesk', 'help desk',
  'administrator', 'administration', 'billing', 'accounts', 'notification', 'notifications', 'official', 'inc', 'ltd', 'llc',
  'corp', 'corporation', 'company', 'gmbh', 'bank', 'center', 'centre', 'headquarters', 'secretariat', 'office', 'division',
  'equipe', 'équipe', 'equipo', 'atendimento', 'kundenservice', 'abteilung',
].map(claimText);

/** The same in Japanese, Chinese and Korean (found anywhere in the name: no spaces between words). */
const ORGANIZATION_WORDS_CJK = [
  '株式会社', '有限会社', '事務局', 'カスタマー', 'サポート', 'センター', '運営', '公式', '銀行', '窓口', '担当部', '管理部', '本部',
  '客服', '公司', '银行', '中心', '团队', '官方', '고객센터', '은행', '운영팀', '주식회사', '지원팀',
].map((word) => claimText(word).replace(/ /g, ''));

/** Findings that already say which organisation the name claims: this rule would count the same claim twice. */
const CLAIM_RULES = new Set(['organization-claim-mismatch', 'internal-sender-spoof', 'protected-person-impersonation']);

export function organizationWordIn(name: string): string | undefined {
  const text = claimText(name);
  const latin = ORGANIZATION_WORDS.find((word) => containsWord(text, word));
  if (latin) return latin;
  const compact = text.replace(/ /g, '');
  return ORGANIZATION_WORDS_CJK.find((word) => compact.includes(word));
}

export const organizationNameOnFreemail: Rule = {
  id: 'organization-name-on-freemail',
  title: {
    en: 'An organisation’s name on a free-mail address',
    ja: 'フリーメールのアドレスで組織を名乗っています',
  },
  explanation: {
    en:
      'The sender’s name presents an organisation, a department or a support team, but the address is a free webmail account ' +
      'that anyone can open in a minute. Companies and public bodies write from their own domains. Treat the message as coming ' +
      'from an unknown individual: do not sign in, pay or send documents because of it.',
    ja:
      '差出人名は組織・部署・サポート窓口を名乗っていますが、アドレスは誰でもすぐに作れる無料のWebメールです。企業や公的機関は' +
      '自らのドメインから送信します。見知らぬ個人からのメールとして扱い、このメールを理由にログイン・支払い・書類の送付をしないでください。',
  },
  severity: 'low',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    if (context.findings.some((finding) => CLAIM_RULES.has(finding.rule))) return undefined;
    for (const identity of claimedIdentities(message)) {
      if (identity.viaList || !identity.name.trim() || !isFreemail(identity.host, policy)) continue;
      const word = organizationWordIn(identity.name);
      if (!word) continue;
      return {
        evidence: [
          {
            kind: 'header',
            name: identity.field === 'sender.name' ? 'Sender' : 'From',
            value: `${identity.name} <${identity.address}>`,
            meaning: {
              en: `The name speaks for an organisation ("${word}") but the address is free webmail`,
              ja: `名前は組織（「${word}」）を名乗っていますが、アドレスは無料のWebメールです。`,
            },
          },
        ],
      };
    }
    return undefined;
  },
};

// Geopolitical and pretext wording: the bait of targeted spear-phishing against researchers,
// think tanks and officials (invitations to comment on Taiwan, North Korea, Japan–China relations,
// requests for interviews or lecture fees). Wording alone is normal in newsletters and memos, so this
// finding only counts towards the verdict when something else about the message is also wrong
// (see analyze.ts); the mirrorface-pattern rule combines it with sender and payload findings.
// Tuning: phrases, weights and categories live in policy.lureKeywords (categories "geopolitics" and
// "pretext", plus any category IT adds that is not credential/urgency/payment/payload-coaching or a
// scam category read by advance-fee-scam).
import type { Rule } from '../rule';
import { COACHING_CATEGORY, CREDENTIAL_CATEGORIES, SCAM_CATEGORIES, distinctPhrases, messagePhrases, phraseEvidence, totalWeight } from './content/phrases';

/** Distinct-phrase weight needed to report at all: one weak word (weight 1) is not a lure. */
const REPORT_WEIGHT = 2;
/** Weight from which the wording is called out as strong. */
const STRONG_WEIGHT = 5;
const MAX_EVIDENCE = 10;

export const lureWording: Rule = {
  id: 'lure-wording',
  title: {
    en: 'Wording typical of targeted lures',
    ja: '標的型攻撃でよく使われる文言',
  },
  explanation: {
    en: 'The message talks about topics that targeted attackers use as bait, such as international affairs, security policy, interview or lecture requests. That is normal in newsletters and colleagues\' mail, so on its own it is no cause for alarm. It matters when the sender or an attachment or link is also unusual: then check with the sender by phone or a known address before opening anything.',
    ja: 'このメールには、国際情勢・安全保障・取材や講演の依頼など、標的型攻撃が「餌」として使う話題が含まれています。ニュースレターや同僚からのメールでもよくあることなので、これだけで危険というわけではありません。送信者や添付ファイル・リンクにも不審な点がある場合は、開く前に電話や既知の連絡先で送信者に確認してください。',
  },
  severity: 'low',
  category: 'wording',
  check(message, policy, context) {
    const lures = messagePhrases(policy, context.view).filter(
      (match) => !CREDENTIAL_CATEGORIES.has(match.category) && !SCAM_CATEGORIES.has(match.category) && match.category !== COACHING_CATEGORY,
    );
    const weight = totalWeight(lures);
    if (weight < REPORT_WEIGHT) return undefined;
    return {
      severity: weight >= STRONG_WEIGHT ? 'medium' : 'low',
      evidence: distinctPhrases(lures).slice(0, MAX_EVIDENCE).map(phraseEvidence),
    };
  },
};

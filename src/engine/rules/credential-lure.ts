// Brand-phishing wording: "verify your account", "your password expires", 「アカウントが停止」,
// 「お支払い方法に問題」. It is a wording finding: it counts only when a link, attachment or the
// sender corroborates it (a bank really does write "your card statement is ready").
// Most of it is found by intent (src/policy/data/intents.ts): an owned thing (account, パスワード,
// 包裹, 계정) close to a threat or demand (suspended, 停止, 派送失败, 정지), in any wording and in
// English, Japanese, Chinese and Korean, so a rephrased lure is still recognised.
// Tuning: policy.lureKeywords with categories "credential", "urgency" and "payment". Urgency alone
// ("urgent", 「至急」) is everyday business language and never reported by itself.
import type { Rule } from '../rule';
import { distinctPhrases, messagePhrases, phraseEvidence, totalWeight } from './content/phrases';

const CREDENTIAL_OR_PAYMENT = new Set(['credential', 'payment']);
const WORDING = new Set(['credential', 'payment', 'urgency']);
/** Distinct-phrase weight needed: one strong phrase (weight 2+) or two weak ones. */
const REPORT_WEIGHT = 2;
const MAX_EVIDENCE = 10;

export const credentialLure: Rule = {
  id: 'credential-lure',
  title: {
    en: 'Asks you to sign in, verify an account or fix a payment',
    ja: 'ログイン・アカウント確認・支払い手続きを求める文言',
  },
  explanation: {
    en: 'The message uses the wording of account-theft mail: it warns that an account is locked, a password is expiring or a payment failed, and pushes you to act. Real services say this too, so look at the rest: if the link or sender is not the service\'s own, do not sign in from the message. Open the service\'s app or a bookmark instead.',
    ja: 'アカウントの停止、パスワードの有効期限、支払いの失敗などを知らせて行動を急がせる、アカウント乗っ取りメールによくある文言です。本物のサービスも同様の連絡をすることがあるため、他の点も確認してください。リンク先や送信者がそのサービスのものでなければ、メールからログインせず、公式アプリやブックマークから確認してください。',
  },
  severity: 'medium',
  category: 'wording',
  check(message, policy, context) {
    const wording = messagePhrases(policy, context.view).filter((match) => WORDING.has(match.category));
    if (!wording.some((match) => CREDENTIAL_OR_PAYMENT.has(match.category))) return undefined;
    if (totalWeight(wording) < REPORT_WEIGHT) return undefined;
    return { evidence: distinctPhrases(wording).slice(0, MAX_EVIDENCE).map(phraseEvidence) };
  },
};

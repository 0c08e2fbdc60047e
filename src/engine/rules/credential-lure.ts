// Brand-phishing wording: "verify your account", "your password expires", 「アカウントが停止」,
// 「お支払い方法に問題」. It is a wording finding: it counts only when a link, attachment or the
// sender corroborates it (a bank really does write "your card statement is ready").
// Most of it is found by intent (src/policy/data/intents.ts): an owned thing (account, パスワード,
// 包裹, 계정) close to a threat or demand (suspended, 停止, 派送失败, 정지), in any wording and in
// English, Japanese, Chinese and Korean, so a rephrased lure is still recognised.
// It also reads call-back scams: a charge notice with a phone number and no link (content/callback.ts).
// Tuning: policy.lureKeywords with categories "credential", "urgency" and "payment". Urgency alone
// ("urgent", 「至急」) is everyday business language and never reported by itself.
import type { Rule } from '../rule';
import { distinctPhrases, messagePhrases, phraseEvidence, totalWeight } from './content/phrases';
import { CALLBACK_CATEGORY, callbackNumber } from './content/callback';

const CREDENTIAL_OR_PAYMENT = new Set(['credential', 'payment', CALLBACK_CATEGORY]);
const WORDING = new Set(['credential', 'payment', 'urgency']);
/** Distinct-phrase weight needed: one strong phrase (weight 2+) or two weak ones. */
const REPORT_WEIGHT = 2;
const MAX_EVIDENCE = 10;

export const credentialLure: Rule = {
  id: 'credential-lure',
  title: {
    en: 'Asks you to sign in, verify an account, fix a payment or call about a charge',
    ja: 'ログイン・アカウント確認・支払い手続き・請求についての電話を求める文言',
  },
  explanation: {
    en: 'The message uses the wording of account-theft mail: it warns that an account is locked, a password is expiring or a payment failed, and pushes you to act, or it reports a charge with only a phone number to call (a fake help desk). Real services say this too, so look at the rest: if the link or sender is not the service\'s own, do not sign in from the message or call its number. Open the service\'s app or a bookmark instead.',
    ja: 'アカウントの停止、パスワードの有効期限、支払いの失敗などを知らせて行動を急がせる、アカウント乗っ取りメールによくある文言です。リンクがなく電話番号だけを示す請求の通知（偽のサポート窓口）も含みます。本物のサービスも同様の連絡をすることがあるため、他の点も確認してください。リンク先や送信者がそのサービスのものでなければ、メールからログインしたり電話したりせず、公式アプリやブックマークから確認してください。',
  },
  severity: 'medium',
  category: 'wording',
  check(message, policy, context) {
    const wording = messagePhrases(policy, context.view).filter((match) => WORDING.has(match.category));
    const callback = callbackNumber(context.view);
    if (callback) wording.push(callback);
    if (!wording.some((match) => CREDENTIAL_OR_PAYMENT.has(match.category))) return undefined;
    if (totalWeight(wording) < REPORT_WEIGHT) return undefined;
    return { evidence: distinctPhrases(wording).slice(0, MAX_EVIDENCE).map(phraseEvidence) };
  },
};

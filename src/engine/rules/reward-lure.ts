// Prize, bonus and giveaway bait: "Claim your BWB airdrop", "Congratulations! 200 free spins
// unlocked", "Sie wurden ausgewählt … Gutschein sichern", 「賞金を受け取る」, 「领取奖金」, 「경품 수령」.
// Casino-bonus, crypto-airdrop and "you have won" mail is the commonest bait of bulk phishing
// (the FTC's prize-scam and the SEC's crypto-giveaway warnings describe the same pretexts). Found
// by intent (a prize or bonus near a word making the reader take it, src/policy/data/intents.ts)
// and by the built-in prize phrases.
//
// What it must leave alone: shops and newsletters write "win" and "free" every day, so this is a
// wording finding and only counts beside a sender, authentication, link or attachment finding
// (analyze.ts). When advance-fee-scam already reported the same wording with a hiding sender, the
// wording is not counted a second time.
import type { Rule } from '../rule';
import { distinctPhrases, messagePhrases, phraseEvidence, totalWeight } from './content/phrases';

/** Distinct-phrase weight needed: one reward intent or one strong prize phrase ("you have won"). */
const REPORT_WEIGHT = 3;
const MAX_EVIDENCE = 6;
const PRIZE_CATEGORY = 'prize';

export const rewardLure: Rule = {
  id: 'reward-lure',
  title: {
    en: 'Promises a prize, bonus or free gift',
    ja: '賞品・ボーナス・無料プレゼントをうたう文言',
  },
  explanation: {
    en:
      'The message says you have won or been selected for a prize, a casino bonus, free coins or a gift, and asks you to claim it. ' +
      'This is the commonest bait of scam mail: the "prize" leads to a page that asks for card details, a fee or your login. Shops ' +
      'advertise with similar words, so look at the rest: if the sender or the link is not the shop you know, do not claim anything.',
    ja:
      '当選した、選ばれた、カジノのボーナスや無料のコイン・プレゼントがもらえるとうたい、受け取るよう促す文言です。' +
      '詐欺メールで最もよく使われる「餌」で、受け取りページではカード情報・手数料・ログイン情報を求められます。' +
      'お店の広告でも似た表現を使うため、他の点も確認してください。送信者やリンク先が知っているお店のものでなければ、何も受け取らないでください。',
  },
  severity: 'medium',
  category: 'wording',
  check(_message, policy, context) {
    if (context.findings.some((finding) => finding.rule === 'advance-fee-scam')) return undefined;
    const prizes = messagePhrases(policy, context.view).filter((match) => match.category === PRIZE_CATEGORY);
    if (totalWeight(prizes) < REPORT_WEIGHT) return undefined;
    return { evidence: distinctPhrases(prizes).slice(0, MAX_EVIDENCE).map(phraseEvidence) };
  },
};

import { analyze } from '../../../src/engine/analyze';
import { rewardLure } from '../../../src/engine/rules/reward-lure';
import { resolvePolicy } from '../../../src/policy';
import { from, mail, priorFinding, runRule, textLink } from './message';

// The built-in dictionary and intents, as a deployment without policy.json has them.
const policy = resolvePolicy({ organizationDomains: ['example-institute.jp'] });
const phrases = (hit: ReturnType<typeof runRule>) => (hit?.evidence ?? []).map((item) => (item.kind === 'phrase' ? item.phrase : item.kind));

describe('reward-lure', () => {
  it.each([
    ['a crypto airdrop', 'Claim Your Airdrop', 'Bitget Wallet’s token is live. Secure your early airdrop points: claim before the pool is gone.'],
    ['a casino bonus', 'Welcome offer', 'Your exclusive casino bonus awaits: 200 spins and a bonus unlocked for you today.'],
    ['a German prize draw', 'Sie wurden ausgewählt', 'Sie wurden ausgewählt! Sichern Sie sich jetzt Ihren Gutschein im Wert von 250 Euro.'],
    ['a Dutch survey prize', 'Doe mee', 'Beantwoord drie vragen en maak kans op een cadeaukaart: de winnaar wordt vandaag bekend.'],
    ['a Portuguese prize', 'Parabéns', 'Você foi selecionado para resgatar um prêmio exclusivo.'],
    ['a Japanese prize', '【当選のお知らせ】', 'おめでとうございます。抽選の結果、賞金10万円に当選しました。こちらから受け取り手続きをしてください。'],
    ['a Chinese red packet', '恭喜', '恭喜您获得平台红包，请立即领取。'],
    ['a Korean prize', '경품 안내', '축하합니다! 경품 당첨 안내입니다. 지금 수령하세요.'],
    ['a crypto token giveaway', 'Your tokens are ready', 'To celebrate the launch we are allocating tokens to early users. Claim your tokens before the period ends.'],
  ])('recognises %s by intent, in any wording', (_label, subject, text) => {
    const hit = runRule(rewardLure, mail({ subject, text }), policy);
    expect(hit).toBeDefined();
    expect(hit?.evidence[0]).toMatchObject({ kind: 'phrase', category: 'prize' });
  });

  it('quotes the intent it found', () => {
    const hit = runRule(rewardLure, mail({ subject: 'Action needed', text: 'Congratulations, your reward is ready: claim it before Friday.' }), policy);
    expect(phrases(hit)).toEqual(expect.arrayContaining([expect.stringMatching(/reward … claim|congratulations … reward/i)]));
  });

  describe('stays quiet', () => {
    it.each([
      ['a shop price list', 'Winter sale', 'Free shipping on orders over $50. New prices on all jackets.'],
      ['a German price list', 'Preise', 'Der Preis für den Kurs ist gesunken; die Anmeldung ist kostenlos.'],
      ['loyalty points in Japanese', 'ポイントのお知らせ', '今月獲得したポイントは120ポイントです。'],
      ['a colleague writing about a research award', 'Award ceremony', 'The committee will announce the award next week; please send your slides.'],
      ['a developer platform’s token notice', 'Token expiry', 'Your personal access token expires in 7 days. Generate a new token in your settings.'],
    ])('for %s', (_label, subject, text) => {
      expect(runRule(rewardLure, mail({ subject, text }), policy)).toBeUndefined();
    });

    it('when advance-fee-scam already reported the wording with a hiding sender', () => {
      const message = mail({ subject: 'You have won', text: 'Claim your prize today.' });
      expect(runRule(rewardLure, message, policy)).toBeDefined();
      expect(runRule(rewardLure, message, policy, [priorFinding('advance-fee-scam', 'sender')])).toBeUndefined();
    });
  });

  it('is wording: alone it never flags, beside a sign about the sender or the link it does', () => {
    const text = 'Congratulations! Your bonus is unlocked: claim 200 free spins now.';
    expect(analyze(mail({ ...from('news@casino-news.example', 'Casino News'), subject: 'Bonus', text }), policy).verdict).toBe('clean');
    const shortened = mail({ ...from('news@casino-news.example', 'Casino News'), subject: 'Bonus', text, links: [textLink('https://bit.ly/3abcDEF')] });
    expect(analyze(shortened, policy).verdict).toBe('suspicious');
  });
});

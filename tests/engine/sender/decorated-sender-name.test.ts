import { decoratedSenderName } from '../../../src/engine/rules/decorated-sender-name';
import { analyze } from '../../../src/engine/analyze';
import { mail, runRule } from './message';
import { makePolicy } from './policy';

describe('decorated-sender-name', () => {
  test.each([
    ['a check mark pretending to be verified', 'UPS ✔️ <notice@parcel-example.com>'],
    ['a gift as bait', 'Congratulations🎁 <noreply@promo-example.com>'],
    ['a Japanese name with emoji', '🎁当選事務局🎁 <info@campaign-example.jp>'],
    ['a name that shouts', 'Unser Geschenk an Sie! <info@promo-example.de>'],
    ['a name with a price', '$0 Heating Revolution <admin@comfort-example.com>'],
    ['a name with a discount', 'Entdecken Sie mit 70% Rabatt - Ryoko Team <news@router-example.de>'],
    ['a Japanese name with a full-width exclamation mark', '当選おめでとうございます！ <info@campaign-example.jp>'],
  ])('reports %s', (_label, from) => {
    const hit = runRule(decoratedSenderName, mail({ from }));
    const name = from.slice(0, from.indexOf(' <'));
    expect(hit?.evidence[0]).toEqual({
      kind: 'note',
      text: { en: expect.stringContaining(`display name "${name}"`), ja: expect.stringContaining(`差出人の表示名「${name}」`) },
    });
  });

  test('plain names, Japanese names and trademark signs are left alone', () => {
    for (const from of ['Hanako Suzuki <hanako@asia-policy-forum.org>', '渡辺 健二 <k.watanabe@kaiyo-inst.or.jp>', 'Acme® Cloud™ <news@acme-example.com>', '【公式】サポート <support@shop-example.jp>', 'Yahoo!News <news@yahoo-example.com>', 'Team 2024 <team@example.org>', 'Ops 24/7 <ops@example.org>']) {
      expect(runRule(decoratedSenderName, mail({ from }))).toBeUndefined();
    }
  });

  test('is low: a decorated shop newsletter alone stays clean', () => {
    const verdict = analyze(mail({ from: 'Flower Shop 🌸 <news@flowers-example.jp>', subject: '春の新作' }), makePolicy());
    expect(verdict.verdict).toBe('clean');
    expect(verdict.findings.map((finding) => finding.rule)).toContain('decorated-sender-name');
  });
});

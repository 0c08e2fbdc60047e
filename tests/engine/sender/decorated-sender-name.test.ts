import { decoratedSenderName } from '../../../src/engine/rules/decorated-sender-name';
import { analyze } from '../../../src/engine/analyze';
import { mail, runRule } from './message';
import { makePolicy } from './policy';

describe('decorated-sender-name', () => {
  test.each([
    ['a check mark pretending to be verified', 'UPS ✔️ <notice@parcel-example.com>'],
    ['a gift as bait', 'Congratulations🎁 <noreply@promo-example.com>'],
    ['a Japanese name with emoji', '🎁当選事務局🎁 <info@campaign-example.jp>'],
  ])('reports %s', (_label, from) => {
    const hit = runRule(decoratedSenderName, mail({ from }));
    const name = from.slice(0, from.indexOf(' <'));
    expect(hit?.evidence[0]).toEqual({
      kind: 'note',
      text: { en: expect.stringContaining(`display name "${name}"`), ja: expect.stringContaining(`差出人の表示名「${name}」`) },
    });
  });

  test('plain names, Japanese names and trademark signs are left alone', () => {
    for (const from of ['Hanako Suzuki <hanako@asia-policy-forum.org>', '渡辺 健二 <k.watanabe@kaiyo-inst.or.jp>', 'Acme® Cloud™ <news@acme-example.com>', '【公式】サポート <support@shop-example.jp>']) {
      expect(runRule(decoratedSenderName, mail({ from }))).toBeUndefined();
    }
  });

  test('is low: a decorated shop newsletter alone stays clean', () => {
    const verdict = analyze(mail({ from: 'Flower Shop 🌸 <news@flowers-example.jp>', subject: '春の新作' }), makePolicy());
    expect(verdict.verdict).toBe('clean');
    expect(verdict.findings.map((finding) => finding.rule)).toContain('decorated-sender-name');
  });
});

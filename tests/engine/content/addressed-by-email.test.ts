import { addressedByEmail } from '../../../src/engine/rules/addressed-by-email';
import { analyze } from '../../../src/engine/analyze';
import { contentPolicy } from './policy';
import { mail, runRule } from './message';

const policy = contentPolicy();
const to = [{ name: '', address: 'taro.yamada@example-institute.jp' }];

describe('addressed-by-email', () => {
  test.each([
    ['English', 'Dear taro.yamada@example-institute.jp, your parcel is waiting.'],
    ['German', 'Hallo taro.yamada@example-institute.jp, Sie haben gewonnen!'],
    ['French', 'Bonjour taro.yamada@example-institute.jp, ton cadeau t’attend.'],
    ['Japanese', 'taro.yamada@example-institute.jp 様\nいつもご利用ありがとうございます。'],
  ])('finds a %s greeting by address', (_language, text) => {
    const hit = runRule(addressedByEmail, mail({ to, text }), policy);
    expect(hit?.evidence[0]).toEqual(expect.objectContaining({ kind: 'phrase', field: 'body', phrase: expect.stringContaining('taro.yamada@example-institute.jp') }));
  });

  test('finds the recipient’s own address in the subject', () => {
    const hit = runRule(addressedByEmail, mail({ to, subject: 'taro.yamada@example-institute.jp, Limited-Time Offer' }), policy);
    expect(hit?.evidence).toEqual([expect.objectContaining({ field: 'subject', phrase: 'taro.yamada@example-institute.jp' })]);
  });

  test('leaves greetings by name, addresses elsewhere in the text and delivery reports alone', () => {
    expect(runRule(addressedByEmail, mail({ to, text: 'Dear Mr Yamada, please write to office@example-institute.jp.' }), policy)).toBeUndefined();
    expect(runRule(addressedByEmail, mail({ to, text: '山田様\nお問い合わせは info@example-shop.jp までお願いします。' }), policy)).toBeUndefined();
    expect(runRule(addressedByEmail, mail({ to, subject: 'Delivery failure: taro.yamada@example-institute.jp' }), policy)).toBeUndefined();
  });

  test('is a low wording hint: on its own the message stays clean', () => {
    const verdict = analyze(mail({ to, text: 'Hi taro.yamada@example-institute.jp, here is the agenda.' }), policy);
    expect(verdict.verdict).toBe('clean');
    expect(verdict.findings.map((finding) => [finding.rule, finding.severity])).toContainEqual(['addressed-by-email', 'low']);
  });
});

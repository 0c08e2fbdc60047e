import { analyze } from '../../../src/engine/analyze';
import { advanceFeeScam } from '../../../src/engine/rules/advance-fee-scam';
import { lureWording } from '../../../src/engine/rules/lure-wording';
import { resolvePolicy } from '../../../src/policy';
import { mail, priorFinding, runRule } from '../content/message';

// The built-in dictionary and free-mail list, as a deployment without policy.json has them.
const policy = resolvePolicy({ organizationDomains: ['example-institute.jp'] });
const notes = (hit: ReturnType<typeof runRule>) => (hit?.evidence ?? []).filter((item) => item.kind !== 'phrase').map((item) => item.kind);

const INHERITANCE =
  'Dear Beneficiary, I am writing on behalf of the bank. My late husband left an inheritance fund of ten million US dollars ' +
  'and you were randomly selected as next of kin.';
const INHERITANCE_JA = '遺産相続の件でご連絡いたします。亡くなった顧客の相続人として、あなたが未受領の資金の受取人に選ばれました。寄付金として500万ドルをお渡しします。';

describe('advance-fee-scam', () => {
  test('an English inheritance scam from free mail with replies going elsewhere and hidden recipients is high', () => {
    const message = mail({
      from: { name: 'Mrs. Grace Example', address: 'grace.example1960@gmail.com' },
      replyTo: [{ name: '', address: 'grace.office@outlook.com' }],
      to: [],
      subject: 'Your donation',
      text: INHERITANCE,
    });
    const hit = runRule(advanceFeeScam, message, policy);
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'phrase', phrase: 'dear beneficiary', category: 'advance-fee' })]));
    expect(notes(hit)).toEqual(['note', 'address-mismatch', 'note']);
    expect(analyze(message, policy).verdict).not.toBe('clean');
  });

  test('a Japanese inheritance scam asking for replies to a free-mail address in the text is reported', () => {
    const hit = runRule(
      advanceFeeScam,
      mail({ from: { name: '弁護士 山田', address: 'office@lawyer-example.jp' }, subject: '遺産相続のご連絡', text: `${INHERITANCE_JA}\nご連絡は yamada.lawyer@yahoo.co.jp までお願いします。` }),
      policy,
    );
    expect(hit).toBeDefined();
    expect(hit?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'note', text: { en: expect.stringContaining('yamada.lawyer@yahoo.co.jp'), ja: expect.stringContaining('yamada.lawyer@yahoo.co.jp') } })]));
  });

  test('prize and extortion wording count with a forged or doubtful sender found by an earlier rule', () => {
    const prize = mail({ subject: 'Sie haben gewonnen!', text: 'Herzlichen Glückwunsch, Sie sind unser Gewinner: ein Einkaufsgutschein im Wert von 500 €.' });
    expect(runRule(advanceFeeScam, prize, policy)).toBeUndefined();
    const doubt = priorFinding('authentication-failure', 'authentication');
    expect(runRule(advanceFeeScam, prize, policy, [doubt])).toBeDefined();
    const ja = mail({ subject: '【高額当選しました】', text: '当選者として賞金300万円をお受け取りください。' });
    expect(runRule(advanceFeeScam, ja, policy, [doubt])?.severity).toBe('high');
  });

  test('the contract over-invoicing story and Chinese gambling spam count with a forged sender', () => {
    const doubt = priorFinding('authentication-failure', 'authentication');
    const contract = mail({ text: 'I am looking for a trustworthy person: the contract was over-invoiced by four million pounds. A life changing opportunity.' });
    expect(runRule(advanceFeeScam, contract, policy, [doubt])?.severity).toBe('high');
    const gambling = mail({ text: 'Hola 先生，世界杯你买球了吗? 充值送50%，网站见下。' });
    expect(runRule(advanceFeeScam, gambling, policy, [doubt])).toBeDefined();
    expect(runRule(advanceFeeScam, gambling, policy)).toBeUndefined();
  });

  test('the same words from an ordinary, identifiable sender are not reported', () => {
    // A charity's newsletter: its own domain, a named recipient, no Reply-To elsewhere.
    const newsletter = mail({
      from: { name: 'Example Foundation', address: 'news@example-foundation.org' },
      subject: 'Charity project update: beneficiaries of the inheritance fund',
      text: INHERITANCE,
    });
    expect(runRule(advanceFeeScam, newsletter, policy)).toBeUndefined();
    expect(analyze(newsletter, policy).verdict).toBe('clean');
    const japanese = mail({ from: { name: '相続相談センター', address: 'info@souzoku-example.jp' }, subject: '遺産相続セミナーのご案内', text: INHERITANCE_JA });
    expect(runRule(advanceFeeScam, japanese, policy)).toBeUndefined();
  });

  test('a friend writing from personal free mail about a lottery is at most medium; an app platform is not a person', () => {
    const friend = mail({ from: { name: 'Taro Sato', address: 'taro.sato@gmail.com' }, subject: 'Congratulations!', text: 'You won the office lottery: a gift card! 高額当選おめでとう。' });
    expect(runRule(advanceFeeScam, friend, policy)?.severity).toBe('medium');
    expect(analyze(friend, policy).verdict).toBe('clean');
    const casino = mail({ from: { name: 'Casino', address: 'noreply@promo-1a2b3.firebaseapp.com' }, subject: 'You have won 10,000 €', text: 'You have won! 500 free spins, no deposit needed.' });
    expect(runRule(advanceFeeScam, casino, policy)?.severity).toBe('high');
  });

  test('one weak word from free mail is not enough', () => {
    const message = mail({ from: { name: 'Taro', address: 'taro@gmail.com' }, to: [], subject: 'Congratulations!', text: 'Congratulations on the new job. 寄付金の件は来週話しましょう。' });
    expect(runRule(advanceFeeScam, message, policy)).toBeUndefined();
  });

  test('a body full of "@" (hostile input) still gives a bounded, correct answer', () => {
    const noise = 'x@y '.repeat(200_000) + 'write to winner.office@gmail.com';
    const hit = runRule(advanceFeeScam, mail({ from: { name: 'Office', address: 'office@lawyer-example.jp' }, text: `${INHERITANCE} ${noise}` }), policy);
    // The contact address lies beyond the addresses examined, so only the wording… and no sign: nothing reported.
    expect(hit).toBeUndefined();
    const early = runRule(advanceFeeScam, mail({ from: { name: 'Office', address: 'office@lawyer-example.jp' }, text: `${INHERITANCE} write to winner.office@gmail.com ${noise}` }), policy);
    expect(early?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'note', text: { en: expect.stringContaining('winner.office@gmail.com'), ja: expect.stringContaining('winner.office@gmail.com') } })]));
  });

  test('scam wording is not reported again as a targeted-lure topic', () => {
    expect(runRule(lureWording, mail({ text: INHERITANCE }), policy)).toBeUndefined();
  });

  describe('scam intents: a rephrased story is still recognised', () => {
    // No fixed phrase of the dictionary below; only the pair of ideas (src/policy/data/intents.ts).
    const relative = mail({
      from: { name: 'Peter Example', address: 'info@compromised-club.example.jp' },
      replyTo: [{ name: '', address: 'p.example@mailbox-provider.example' }],
      subject: 'HELLO',
      text: 'A foreigner bearing your last name left an estate of usd12,800,000 with our bank. He died intestate with no next-of-kin.',
    });
    const crypto = mail({
      from: { name: 'Orinda R.', address: 'orinda.r@gmail.com' },
      returnPath: 'report-ppvguaohyzdqqtvec@bulk.example',
      subject: 'Your balance has been replenished',
      text: 'Your cloud mining account has been collecting all year. Withdraw your funds as soon as possible.',
    });
    const dating = mail({ from: { name: 'Sex Dating', address: 'oypyhyszimi@offers.example' }, to: [], subject: 'how to conquer a dream girl? sex for everyone only here!', text: 'Click for date' });

    test.each([
      ['an inheritance with no next of kin, replies going to another domain', relative, 'advance-fee'],
      ['a crypto balance to withdraw, from free mail and a generated bounce address', crypto, 'advance-fee'],
      ['sex-dating spam to hidden recipients', dating, 'romance'],
    ])('%s', (_name, message, category) => {
      const hit = runRule(advanceFeeScam, message, policy);
      expect(hit?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'phrase', category })]));
      expect(analyze(message, policy).verdict).not.toBe('clean');
    });

    test.each([
      ['news of a disaster', 'About two million people died when the dam broke; the estate of the region is ruined and its fortune lost.'],
      ['a charity appeal', 'Your donation helps fund our work with orphanages. Please donate today.'],
      ['an exchange explaining withdrawals', 'Withdrawals of funds to your bank account take one working day.'],
      ['a colleague proposing a date to meet', 'Could we meet next week? Please suggest a date that suits the girls in the team.'],
    ])('stays quiet for %s, even sent by Bcc from free mail', (_name, text) => {
      const message = mail({ from: { name: 'Hanako', address: 'hanako.example@gmail.com' }, to: [], subject: 'Note', text });
      expect(runRule(advanceFeeScam, message, policy)).toBeUndefined();
    });
  });

  describe('the story and its ask together are the scam', () => {
    // A fortune story followed by the ask that turns it into money: secrecy, identity details, a fee.
    const widow = 'I am a widow: my late husband left an inheritance fund that I wish to give to a stranger for charity.';
    test.each([
      ['identity details', `${widow} Reply with your full name, age, occupation and telephone number.`],
      ['secrecy', `${widow} Please keep this transaction strictly confidential until the transfer is done.`],
      ['a release fee', `${widow} The bank only asks you to pay the release fee of 250 dollars first.`],
      ['identity details, in Portuguese', 'Meu falecido marido deixou um fundo para caridade. Envie o seu nome completo, a sua idade e o telefone.'],
    ])('a story with %s from personal free mail alone is high and flags the message', (_name, text) => {
      const message = mail({ from: { name: 'Mrs. Helen Example', address: 'helen.example1957@gmail.com' }, subject: 'Greetings', text });
      expect(runRule(advanceFeeScam, message, policy)?.severity).toBe('high');
      expect(analyze(message, policy).verdict).not.toBe('clean');
    });

    test('the story alone from personal free mail stays medium', () => {
      const message = mail({ from: { name: 'Mrs. Helen Example', address: 'helen.example1957@gmail.com' }, subject: 'Greetings', text: `${widow} Please write back.` });
      expect(runRule(advanceFeeScam, message, policy)?.severity).toBe('medium');
    });

    test.each([
      ['a travel agent', 'For the visa we need your full name as in the passport, your age and a telephone number.'],
      ['a confidential deal', 'This transaction is confidential: please do not forward the term sheet.'],
      ['a conference fee', 'Please pay the registration fee before Friday; the processing takes a week.'],
    ])('an ask without a story is not reported (%s), even by Bcc from free mail', (_name, text) => {
      const message = mail({ from: { name: 'Hanako', address: 'hanako.example@gmail.com' }, to: [], subject: 'Next steps', text });
      expect(runRule(advanceFeeScam, message, policy)).toBeUndefined();
    });
  });
});

import { analyze } from '../../../src/engine/analyze';
import { lureWording } from '../../../src/engine/rules/lure-wording';
import { credentialLure } from '../../../src/engine/rules/credential-lure';
import { resolvePolicy } from '../../../src/policy';
import { contentPolicy } from './policy';
import { mail, runRule } from './message';

const policy = contentPolicy();

describe('lure-wording', () => {
  test('reports geopolitical and pretext phrases in English with field, category and context', () => {
    const hit = runRule(
      lureWording,
      mail({ subject: 'Interview request: the Taiwan Strait after the election', text: 'We would value your view on North Korea and will pay a speaking fee.' }),
      policy,
    );
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence).toEqual(
      expect.arrayContaining([
        { kind: 'phrase', field: 'subject', phrase: 'interview request', category: 'pretext', context: expect.stringContaining('interview request'), at: { start: 0, end: 17 } },
        expect.objectContaining({ field: 'subject', phrase: 'Taiwan Strait', category: 'geopolitics' }),
        expect.objectContaining({ field: 'body', phrase: 'North Korea' }),
        expect.objectContaining({ field: 'body', phrase: 'speaking fee', category: 'pretext' }),
      ]),
    );
  });

  test('reports Japanese lures', () => {
    const hit = runRule(lureWording, mail({ subject: '【講演依頼】日中関係の今後について', text: '謝礼をお支払いします。' }), policy);
    expect(hit?.evidence.map((evidence) => evidence.kind === 'phrase' && evidence.phrase)).toEqual(['講演依頼', '日中関係', '謝礼']);
    expect(hit?.severity).toBe('medium');
  });

  test('a single weak word is not reported; a little wording is low', () => {
    expect(runRule(lureWording, mail({ subject: 'Trip to Taiwan', text: 'Photos attached.' }), policy)).toBeUndefined();
    expect(runRule(lureWording, mail({ subject: 'North Korea briefing', text: '' }), policy)?.severity).toBe('low');
  });

  test('repeating the same phrase does not add weight', () => {
    expect(runRule(lureWording, mail({ text: 'Taiwan. '.repeat(50) }), policy)).toBeUndefined();
  });

  test('credential and urgency wording is not geopolitical lure wording', () => {
    expect(runRule(lureWording, mail({ text: 'Urgent: verify your account within 24 hours' }), policy)).toBeUndefined();
  });

  test('evasions: full-width, half-width katakana, zero-width joiners and spacing', () => {
    const variants = ['ｎｏｒｔｈ ｋｏｒｅａ and the ｔａｉｗａｎ ｓｔｒａｉｔ', 'N\u200dorth Kor\u200bea and the Taiw\u2060an Strait', 'N o r t h  K o r e a and the T a i w a n strait', '北\u200b朝\u200c鮮と台 湾 有 事'];
    for (const text of variants) {
      const hit = runRule(lureWording, mail({ text }), policy);
      expect(hit?.severity).toBe('medium');
    }
  });

  test('a legitimate newsletter full of lure words stays clean on its own', () => {
    const newsletter = mail({
      ...{ from: { name: 'Policy Digest', address: 'digest@think-tank-news.org' } },
      subject: 'Weekly digest: Taiwan Strait, North Korea and Japan-China relations',
      text: '安全保障 と 日中関係 の最新分析。 Security policy experts discuss the Taiwan Strait.',
    });
    const verdict = analyze(newsletter, policy, [lureWording, credentialLure]);
    expect(verdict.findings.map((finding) => finding.rule)).toEqual(['lure-wording']);
    expect(verdict.verdict).toBe('clean');
  });
});

describe('credential-lure', () => {
  test('reports English brand-phishing wording', () => {
    const hit = runRule(credentialLure, mail({ subject: 'Action needed', text: 'Please verify your account within 24 hours or it will be closed.' }), policy);
    expect(hit?.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phrase: 'verify your account', category: 'credential' }),
        expect.objectContaining({ phrase: 'within 24 hours', category: 'urgency' }),
      ]),
    );
  });

  test('reports Japanese brand-phishing wording, also written in half-width katakana', () => {
    expect(runRule(credentialLure, mail({ subject: '【重要】アカウントが停止されました', text: '' }), policy)).toBeDefined();
    expect(runRule(credentialLure, mail({ text: 'ﾊﾟｽﾜｰﾄﾞの有効期限が切れます' }), policy)).toBeDefined();
    expect(runRule(credentialLure, mail({ text: 'お支払い方法に問\u200b題があります' }), policy)).toBeDefined();
  });

  test('reads wording disguised with look-alike letters of another alphabet, and quotes it where it was written', () => {
    // Cyrillic а, о, е and і among Latin letters: the reader sees "verify your account".
    const text = 'Please vеrіfy your аccоunt within 24 hours.';
    const hit = runRule(credentialLure, mail({ subject: 'Notice', text }), policy);
    const phrase = hit?.evidence.find((item) => item.kind === 'phrase' && item.phrase === 'verify your account');
    expect(phrase).toMatchObject({ at: { start: 7, end: 26 } });
    expect(text.slice(7, 26)).toBe('vеrіfy your аccоunt');
  });

  test('urgency alone, or one weak credential word, is ordinary business language', () => {
    expect(runRule(credentialLure, mail({ subject: '至急', text: 'Urgent: please review the minutes.' }), policy)).toBeUndefined();
    expect(runRule(credentialLure, mail({ text: 'Please sign in to the conference Wi-Fi with the code on your badge.' }), policy)).toBeUndefined();
  });

  test('a mailing list footer pointing to the preference centre is not an account demand', () => {
    const builtIn = resolvePolicy();
    const footer = 'You receive this because you have an account with us. To stop, visit Account Settings and click "Update your email preferences".';
    expect(runRule(credentialLure, mail({ subject: 'New arrivals this week', text: footer }), builtIn)).toBeUndefined();
    expect(runRule(credentialLure, mail({ subject: 'Notice', text: 'Please update your account details today.' }), builtIn)).toBeDefined();
  });

  test('is wording: uncorroborated it cannot make a message suspicious', () => {
    const verdict = analyze(mail({ text: 'Your password expires today. Verify your account within 24 hours.' }), policy, [credentialLure]);
    expect(verdict.findings).toHaveLength(1);
    expect(verdict.verdict).toBe('clean');
  });
});

describe('tax-refund intent (built-in intents)', () => {
  const builtIn = resolvePolicy();
  test.each([
    ['English', 'Annual Tax Return - Your refund is ready to be proceed.', '[IRS] Tax Report. See the attached PDF.'],
    ['Japanese', '【国税庁】還付金のお知らせ', '所得税の還付金を受け取りするには、以下から申請してください。'],
    ['Korean', '국세청 환급금 안내', '미수령 환급금이 있습니다. 지금 신청하세요.'],
  ])('finds the %s refund pretext, and counts it with a generated sender address', (_language, subject, text) => {
    const message = mail({ from: { name: 'Annual Tax - Report', address: 'report-ppvguaohyzdqqtvec@bulk.offers.example' }, subject, text });
    expect(runRule(credentialLure, message, builtIn)?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'payment' })]));
    expect(analyze(message, builtIn).verdict).not.toBe('clean');
  });

  test('an accountant writing about a client’s tax return stays clean', () => {
    const message = mail({ from: { name: 'Sato Tax Office', address: 'sato@sato-tax.example.jp' }, subject: 'Your tax return', text: 'Your tax return is filed; the refund should arrive in about six weeks.' });
    expect(analyze(message, builtIn).verdict).toBe('clean');
  });
});

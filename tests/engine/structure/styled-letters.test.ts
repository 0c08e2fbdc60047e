import { styledLetters as rule } from '../../../src/engine/rules/styled-letters';
import { analyze } from '../../../src/engine/analyze';
import { parseEml } from '../../../src/mail/eml';
import { makePolicy } from '../sender/policy';
import { mail, runRule } from '../sender/message';

const NOTICE = 'Dear customer, your subscription could not be renewed. Update your billing details within 24 hours to keep your account.';

describe('styled-letters', () => {
  it('fires for a subject written in mathematical bold letters, read through the real parser', async () => {
    const subject = '𝐘𝐨𝐮𝐫 𝐏𝐚𝐲𝐦𝐞𝐧𝐭 𝐅𝐚𝐢𝐥𝐞𝐝';
    const raw = [
      'From: Billing <billing@renewals.example.net>',
      'To: someone@example.org',
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      NOTICE,
      '',
    ].join('\r\n');
    const hit = runRule(rule, await parseEml(Buffer.from(raw)));
    expect(hit?.evidence).toEqual([
      { kind: 'note', text: { en: '"𝐘𝐨𝐮𝐫" (U+1D418…) in the subject', ja: '件名の「𝐘𝐨𝐮𝐫」（U+1D418…）' } },
    ]);
  });

  it.each([
    ['small capitals in the display name', { from: 'ᴄᴜꜱᴛᴏᴍᴇʀ ꜱᴇʀᴠɪᴄᴇ <info@promo.example.net>' }],
    ['negative squared letters opening the body', { text: '🅵🆁🅴🅴 🅶🅸🅵🆃 waiting for you. Confirm your address to receive it.' }],
    ['circled letters in the subject', { subject: 'ⓒⓛⓐⓘⓜ your reward' }],
    ['double-struck letters mixed from Letterlike Symbols', { subject: 'ℍ𝕠𝕥 deals ℂ𝕃𝕀ℂ𝕂 now' }],
  ])('fires for %s', (_case, parts) => {
    expect(runRule(rule, mail({ text: NOTICE, ...parts }))).toBeDefined();
  });

  it('shows a word\'s worth of a run that fills the body, not all of it', () => {
    const hit = runRule(rule, mail({ text: '𝐀'.repeat(3000) }));
    const shown = hit?.evidence[0].kind === 'note' ? hit.evidence[0].text.en : '';
    expect(shown).toBe(`"${'𝐀'.repeat(40)}…" (U+1D400…) in the text`);
  });

  it('is a low hint that never flags alone', () => {
    expect(rule.severity).toBe('low');
    expect(analyze(mail({ subject: '𝐅𝐑𝐄𝐄 gift', text: NOTICE }), makePolicy(), [rule]).verdict).toBe('clean');
  });

  describe('stays quiet', () => {
    it.each([
      ['Japanese mail with circled digits and full-width letters', { subject: '【重要】ＩＴセキュリティ研修のご案内', text: '①受付 ②講義 ③演習 の順に進みます。ＰＣをご持参ください。' }],
      ['circled letters used as list markers', { text: 'Options: Ⓐ keep the current plan, Ⓑ upgrade, Ⓒ cancel.' }],
      ['two blood-type emoji', { subject: 'Blood drive on Friday 🅰️🅱️ all types welcome' }],
      ['a formula with single-letter variables', { text: 'The estimate is 𝑓(𝑥) = 𝑎𝑥 + 𝑏 for every sample.' }],
      ['a newsletter with bold done in markup', { subject: 'Our December issue', html: '<b>Big news</b>', text: 'Big news: our December issue is out.' }],
    ])('for %s', (_case, parts) => {
      expect(runRule(rule, mail(parts))).toBeUndefined();
    });
  });
});

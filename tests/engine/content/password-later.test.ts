// Japanese PPAP and MirrorFace-style mail announce the archive's password for later. By intent,
// after NFKC (full-width letters and digits), in either order.
import { findPasswordLater, protectedArchive } from '../../../src/engine/rules/protected-archive';
import { normalizeText } from '../../../src/engine/text/normalize';
import { contentPolicy } from './policy';
import { attachment, mail, runRule } from './message';

const policy = contentPolicy();

describe('a password announced for later', () => {
  it.each([
    'パスワードは別途お送りします。',
    '解凍パスワードは別メールにてお知らせいたします。',
    '別途、パスワードをご連絡します',
    'ＰＷは後ほど送付します',
    'パスワードについては追ってご連絡いたします。',
    'The password will follow in a separate email.',
    'I will send the password separately.',
    '密码将在另一封邮件中发送 (separately)',
  ])('is found in “%s”', (text) => {
    expect(findPasswordLater(normalizeText(text))).toBeDefined();
  });

  it.each(['パスワードを忘れた場合は、こちらから再設定してください。', 'Please keep your password safe.', '資料は別途お送りします。', ''])('is not read into “%s”', (text) => {
    expect(findPasswordLater(normalizeText(text))).toBeUndefined();
  });

  it('makes an archive Outlook gives only by name a medium protected-archive finding, with the sentence as evidence', () => {
    const hit = runRule(protectedArchive, mail({ text: '資料を添付いたします。解凍パスワードは別メールでお送りします。', attachments: [attachment('会議資料.zip')], missing: ['attachmentContent'] }), policy);
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'attachment', name: '会議資料.zip', reason: { ja: 'パスワードを別に送ると本文に書かれたZIP形式の圧縮ファイルです。' } });
    expect(hit?.evidence[1]).toMatchObject({ kind: 'phrase', category: 'password', phrase: expect.stringContaining('別メール') });
  });

  it('stays quiet without an archive, and for a readable archive that is not encrypted', () => {
    expect(runRule(protectedArchive, mail({ text: 'パスワードは別途お送りします。' }), policy)).toBeUndefined();
  });

  // Its time on long bodies is measured by `npm run bench` ('100,000 password words').
  it('answers on a long body of password words that never say "later"', () => {
    expect(findPasswordLater('パスワード'.repeat(100_000))).toBeUndefined();
    expect(findPasswordLater('password '.repeat(100_000))).toBeUndefined();
  });
});

import { hiddenCharacters, hiddenCharactersRule as rule } from '../../../src/engine/rules/hidden-characters';
import type { MailAttachment } from '../../../src/engine/model';
import { mail, runRule } from './message';

const attachment = (name: string): MailAttachment => ({ name, contentType: 'application/octet-stream', size: 1024 });

describe('hidden-characters', () => {
  it('is high for a right-to-left override in an attachment name', () => {
    const hit = runRule(rule, mail({ attachments: [attachment('invoice\u202Efdp.exe')] }));
    expect(hit).toEqual({
      severity: 'high',
      evidence: [
        {
          kind: 'characters',
          field: 'attachment.name',
          value: 'invoice\u202Efdp.exe',
          characters: [{ char: '\u202E', codePoint: 'U+202E', description: 'RIGHT-TO-LEFT OVERRIDE', index: 7 }],
        },
      ],
    });
  });

  it('is high for a Japanese file name disguised with an override', () => {
    const hit = runRule(rule, mail({ attachments: [attachment('研究会資料\u202Excod.scr')] }));
    expect(hit?.severity).toBe('high');
  });

  it('is medium for zero-width characters that split words in a Japanese subject', () => {
    const hit = runRule(rule, mail({ subject: '【メルカ\uFE09リ】アカウント制限の\u2064お知らせ' }));
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence[0]).toMatchObject({
      field: 'subject',
      characters: [
        { codePoint: 'U+FE09', description: 'VARIATION SELECTOR-10', index: 4 },
        { codePoint: 'U+2064', description: 'INVISIBLE PLUS', index: 15 },
      ],
    });
  });

  it('is medium for a zero-width space in an English display name', () => {
    const hit = runRule(rule, mail({ from: 'Micro\u200Bsoft Support <x@example.com>' }));
    expect(hit?.evidence[0]).toMatchObject({ field: 'from.name', characters: [{ codePoint: 'U+200B', description: 'ZERO WIDTH SPACE', index: 5 }] });
  });

  it('finds marks from another script laid over Latin letters', () => {
    expect(hiddenCharacters('A\u073Flert').map((note) => note.description)).toEqual(['Syriac combining mark']);
  });

  it('finds variation selectors hidden between Latin letters', () => {
    expect(hiddenCharacters('M\u{E0139}icrosoft').map((note) => note.codePoint)).toEqual(['U+E0139']);
  });

  describe('stays quiet for legitimate uses', () => {
    it.each([
      ['an emoji with its presentation selector', '✔️ Confirmed'],
      ['a family emoji joined by zero-width joiners', 'Weekend 👨\u200D👩\u200D👧 photos'],
      ['a keycap emoji', 'Step 1️⃣ done'],
      ['a Persian word with a zero-width non-joiner', 'می\u200Cخواهم'],
      ['a direction mark in Hebrew text', 'שלום\u200F עולם'],
      ['direction marks a right-to-left writer\'s mail client adds at the ends of a Latin subject', '\u200ERe: rfnoc questions:\u200F\u200F'],
      ['an ideographic variation selector in a Japanese name', '葛\u{E0100}飾区 渡邊 様'],
      ['a byte-order mark at the very start', '\uFEFFWeekly report'],
      ['accents on Latin letters', 'Réunion à Genève'],
      ['voiced kana', 'ガイダンス'],
      ['a Welsh flag', 'Cymru 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}'],
    ])('%s', (_case, subject) => {
      expect(runRule(rule, mail({ subject }))).toBeUndefined();
    });
  });

  it('still finds a direction mark that splits a word in a Latin subject', () => {
    const hit = runRule(rule, mail({ subject: 'Your Pay\u200FPal account is limited' }));
    expect(hit?.evidence[0]).toMatchObject({ field: 'subject', characters: [expect.objectContaining({ codePoint: 'U+200F' })] });
  });

  it('stays bounded on a long value full of invisible characters', () => {
    const notes = hiddenCharacters('\u200B'.repeat(100_000));
    expect(notes).toHaveLength(20);
  });
});

// Words written in decorative look-alike letters: "𝐘𝐨𝐮𝐫 𝐏𝐚𝐲𝐦𝐞𝐧𝐭 𝐅𝐚𝐢𝐥𝐞𝐝", "ᴄᴏɴɢʀᴀᴛᴜʟᴀᴛɪᴏɴꜱ", "🅵🆁🅴🅴 🅶🅸🅵🆃".
// Unicode encodes these letters for mathematics and phonetics, not for styling text (The Unicode
// Standard, 22.2 "Letterlike Symbols" and "Mathematical Alphanumeric Symbols"); mail programs and
// mailing services write bold as markup. Spam and phishing write them as characters so that filters
// looking for "payment" or "free" see symbols, which is why filters map them back to plain letters
// before matching (SpamAssassin's ASCII plugin, our own NFKC normalisation): the trick no longer
// hides the words, but it still marks who sent them.
//
// Checked: the subject, the sender's display name and the start of the body, for a run of three or
// more such letters in a row (a word: fewer is a list marker or a variable). What it must leave alone: a lone Ⓐ/ⓑ as a list marker,
// ①②③ and full-width letters (ordinary in Japanese mail), one or two 🅰️ 🅱️ emoji, and a formula's
// single-letter math variables ("𝑥 + 𝑦"). A mathematician's mail with longer runs is the exception,
// so this is only a low hint that counts together with other findings.
import type { Rule } from '../rule';
import { codePointLabel } from '../text/normalize';

/** The start of the body is where the styled headline is; every value is read this far. */
const BODY_PREFIX = 4000;

/**
 * Styled Latin letters and digits: Mathematical Alphanumeric Symbols (U+1D400–1D7FF) and the
 * Letterlike Symbols that fill its gaps (ℂ ℍ ℕ ℙ ℝ ℤ ℬ ℰ ℋ ℒ ℯ …, within U+2102–2134; the block's
 * ℃ № ™ never make three in a row); small capitals (ᴀ ᴄ ᴅ … in Phonetic Extensions, ʙ ɢ ʜ ɪ ʟ ɴ ʀ ʏ in
 * IPA Extensions, ꜰ ꜱ); circled letters Ⓐ–ⓩ; parenthesized, squared and negative letters (U+1F110–1F189).
 */
const STYLED_RUN = /[\u{1D400}-\u{1D7FF}\u2102-\u2134\u1D00-\u1D22\u0299\u0262\u029C\u026A\u029F\u0274\u0280\u028F\uA730\uA731\u24B6-\u24E9\u{1F110}-\u{1F189}]{3,}/gu;
/** Letters of a run the evidence shows. */
const SHOWN_LETTERS = 40;
/** Emoji presentation selectors that may follow 🅰 and friends; kept out of the shown word. */
const VARIATION_SELECTOR = /\uFE0F/g;

/** Where the run was found, as the evidence names it. */
const PLACES: Record<string, [string, string]> = { subject: ['subject', '件名'], body: ['text', '本文'], name: ['sender’s name', '差出人名'] };

export const styledLetters: Rule = {
  id: 'styled-letters',
  title: { en: 'Words are spelt with decorative symbols', ja: '装飾記号で綴られた語があります' },
  explanation: {
    en: 'Some words are spelt with symbols that look like letters, a trick to slip past filters. A small hint on its own.',
    ja: '文字に似た記号で綴られた語があります。フィルターを逃れる手口で、これだけでは小さな手がかりです。',
  },
  severity: 'low',
  category: 'structure',
  technique: 'T1027',
  check(message) {
    const values: [string, string | undefined][] = [
      ['subject', message.subject],
      ['name', message.from?.name],
      ['body', message.text.slice(0, BODY_PREFIX)],
    ];
    for (const [place, value] of values) {
      STYLED_RUN.lastIndex = 0;
      const whole = value && STYLED_RUN.exec(value.slice(0, BODY_PREFIX).replace(VARIATION_SELECTOR, ''))?.[0];
      if (!whole) continue;
      // A run can fill the whole prefix; the evidence shows a word's worth of it.
      const letters = Array.from(whole);
      const run = letters.length > SHOWN_LETTERS ? letters.slice(0, SHOWN_LETTERS).join('') + '…' : whole;
      const [en, ja] = PLACES[place];
      const label = codePointLabel(run);
      return { evidence: [{ kind: 'note', text: { en: `"${run}" (${label}…) in the ${en}`, ja: `${ja}の「${run}」（${label}…）` } }] };
    }
    return undefined;
  },
};

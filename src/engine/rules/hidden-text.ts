// Text the reader cannot see: phishing pads its HTML with words styled out of sight (display:none,
// zero font size, white on white …) so that filters read a harmless newsletter, or random words
// that defeat message fingerprints ("hash-busters"), while the reader sees only the lure. The
// parser keeps that text out of the reader's text and hands it over apart (mail/html.ts).
//
// What it must leave alone: a newsletter's hidden preheader (one short line for the inbox preview,
// often padded with invisible spaces), responsive layouts that hide a second copy of the visible
// content for mobile or Outlook, and security banners a mail system inserts hidden. So it counts
// words the reader does not see anywhere in the visible text, and fires only when there are many
// of them and they are most of what is hidden.
//
// The same trick without any hiding style: blank space taller than any screen pushes the rest out of
// view. A kit puts its lure and link at the top, then an empty box 470,500 pixels high, then a whole
// newsletter for the filters; others push their footer down behind an empty box of 2,000+ pixels or
// dozens of empty lines. SpamAssassin reads the intent in plain text (BLANK_LINES_80_90, "hide
// content below the page fold"); Sublime's "HTML whitespace stuffing" counts runs of 30 <br> or
// 10 empty paragraphs. No layout needs a box of two thousand pixels: real
// templates stay under a thousand, and their preheaders' max-height:9999px hacks are not read.
import type { Rule } from '../rule';

/** Hidden words that appear nowhere in the visible text: more than a preheader ever holds. */
const MANY_NOVEL_WORDS = 40;
/** So many that the hidden text is a document of its own (medium). */
const DOCUMENT_OF_NOVEL_WORDS = 150;
/** Share of the hidden words that must be new: a hidden copy of the visible content is layout, not deceit. */
const NOVEL_SHARE = 0.5;
/** Words examined; the hidden text is capped by the parser too. */
const MAX_WORDS = 5000;

const WORD = /[\p{L}\p{N}]{2,40}/gu;

/** The HTML read for padding: kits put it right under the lure. */
const PADDING_SCAN_LIMIT = 512 * 1024;
/**
 * Blank space that pushes what follows out of view: a box's height, or the margin or padding above
 * it, in CSS (inline or in a style sheet) of 2,000px or more (twice a tall screen) or 1,000vh (ten
 * screens; layouts use 100vh); max-height and line-height do not match. Or Sublime's whitespace
 * stuffing: 30 <br> or 10 <p>&nbsp;</p> in a row. Left out to keep the pane small, because no message
 * we measure on used them: min-height, the space below a box, &#160; for &nbsp;, Sublime's 20
 * <div><br></div>. Every part is linear in the HTML: a line break is <br[\s/]*> (not <br\s*\/?\s*>,
 * whose two runs of spaces backtrack over each other on "<br" followed by a page of spaces).
 */
const PADDING =
  /[\s;"'{](?:height|margin|padding)(?:-top)?\s*:\s*(?:(?:[2-9]\d{3}|\d{5,9})px|\d{4,9}vh)|(?:<br[\s/]*>\s*){30}|(?:<p>\s*&nbsp;\s*<\/p>\s*){10}/i;

/** The first blank space that pushes content out of view, as written; undefined when there is none. */
export function pushingPadding(html: string): string | undefined {
  return PADDING.exec(html.slice(0, PADDING_SCAN_LIMIT))?.[0];
}

export function novelHiddenWords(hidden: string, visible: string): { words: number; novel: number; sample: string[] } {
  const seen = new Set((visible.slice(0, 200_000).toLowerCase().match(WORD) ?? []).slice(0, 50_000));
  const words = (hidden.toLowerCase().match(WORD) ?? []).slice(0, MAX_WORDS);
  const novel = words.filter((word) => !seen.has(word));
  return { words: words.length, novel: novel.length, sample: [...new Set(novel)].slice(0, 6) };
}

/** What padding evidence means: no style hides the text, a blank space keeps it out of sight. */
const PUSHED_OUT = {
  en: 'A blank space taller than any screen pushes the rest of the message out of view',
  ja: '画面よりはるかに高い空白で、メールの残りの部分が見えない位置に押し出されています',
};

export const hiddenText: Rule = {
  id: 'hidden-text',
  title: {
    en: 'The message contains text you cannot see',
    ja: 'メールに、画面には表示されない文章が含まれています',
  },
  explanation: {
    en:
      'Part of this message is written so that it is never displayed: invisible, zero-sized or white on white, or pushed far below ' +
      'the lure by a blank space taller than any screen. Legitimate senders ' +
      'rarely hide whole passages; scammers do it so that spam filters read harmless text while you see only the lure. ' +
      'Treat the visible request with suspicion.',
    ja:
      'このメールの一部は、表示されないように書かれています（非表示、文字サイズ0、白地に白い文字、または画面よりはるかに高い空白で誘い文句の下へ押し出すなど）。' +
      '正規の送信者が文章をまるごと隠すことは' +
      'ほとんどありません。詐欺メールは、迷惑メールフィルターには無害な文章を読ませ、受信者には誘い文句だけを見せるためにこの手口を使います。' +
      '表示されている依頼内容を疑ってください。',
  },
  severity: 'low',
  category: 'structure',
  technique: 'T1027',
  requires: ['body'],
  check(message) {
    const hidden = message.hiddenText ?? '';
    // Without hidden text there are no words to count (and the visible text is not read).
    const { words, novel, sample } = novelHiddenWords(hidden, hidden && message.text);
    if (novel < MANY_NOVEL_WORDS || novel < words * NOVEL_SHARE) {
      const padding = message.html && pushingPadding(message.html);
      return padding
        ? { evidence: [{ kind: 'header', name: 'HTML', value: padding, meaning: PUSHED_OUT }] }
        : undefined;
    }
    const shown = hidden.length > 300 ? hidden.slice(0, 300) + '…' : hidden;
    return {
      severity: novel >= DOCUMENT_OF_NOVEL_WORDS ? 'medium' : 'low',
      evidence: [
        {
          kind: 'header',
          name: 'HTML',
          value: shown,
          meaning: {
            en: `${novel} hidden words that appear nowhere in the visible text (e.g. ${sample.join(', ')})`,
            ja: `表示されている本文のどこにもない単語が、見えない形で${novel}語含まれています（例：${sample.join('、')}）。`,
          },
        },
      ],
    };
  },
};

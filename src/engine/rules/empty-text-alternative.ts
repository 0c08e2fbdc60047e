// The plain-text copy of the message says nothing: its HTML carries a whole notice, while the
// text/plain alternative beside it is blank, a word, or a placeholder the kit shipped with
// ("Optional message here in case the HTML cannot load", "AAA"). Every mail program and mailing
// service writes the text copy from the same content (or the author writes a short one pointing to
// the online version), so a text copy that neither says what the HTML says nor points anywhere is
// the mark of hand-assembled bulk mail: phishing kits fill the required part with anything.
//
// What it must leave alone: messages without a text copy (the reader's text is then the HTML's own),
// text copies that summarise the HTML, and newsletters' "view this message online at https://…"
// notes, which carry the address of the online version. The pane reads Outlook's own text of the
// HTML, so there this rule stays quiet; it reads structure the .eml still has (service, CLI).
import type { Rule } from '../rule';

/** The HTML must say something: a notice, not a banner and a greeting. */
const HTML_LETTERS = 100;
/** A text copy this much shorter than the HTML does not carry the message. */
const SHARE = 0.25;
/** Longer text copies are real text; the HTML's text is only counted below this. */
const MAX_TEXT_LETTERS = 500;
/** Letters counted in each copy: enough to compare a short placeholder with a notice. */
const COUNT_LIMIT = 20_000;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
/** A pointer to the online version ("view it at https://…", "www.example.com"). */
const ADDRESS = /https?:\/\/|www\.[a-z0-9-]/i;

function letters(text: string): number {
  return text.slice(0, COUNT_LIMIT).match(LETTER_OR_DIGIT)?.length ?? 0;
}

export const emptyTextAlternative: Rule = {
  id: 'empty-text-alternative',
  title: {
    en: 'The plain-text copy of the message is empty or a placeholder',
    ja: 'メールのテキスト版が空、または仮の文字だけです',
  },
  explanation: {
    en:
      'Mail carries its content twice, formatted and as plain text written from it. Here the plain-text copy is blank or a placeholder: ' +
      'mail programs and mailing services do not do this, hastily assembled scam mail does. It matters together with other signs.',
    ja:
      'メールは書式付きの版と、そこから作るテキスト版を持ちます。このメールのテキスト版は空か仮の文字だけで、これはメールソフトや配信サービスではなく急ごしらえの詐欺メールの特徴です。他の兆候と組み合わさった場合に意味を持ちます。',
  },
  severity: 'low',
  category: 'structure',
  requires: ['body'],
  check(message) {
    // The parser keeps the HTML's text only beside a text copy of the message's own (mail/eml.ts).
    const htmlText = message.htmlText;
    if (!htmlText || ADDRESS.test(message.text.slice(0, COUNT_LIMIT))) return undefined;
    const textLetters = letters(message.text);
    if (textLetters >= MAX_TEXT_LETTERS) return undefined;
    const htmlLetters = letters(htmlText);
    if (htmlLetters < HTML_LETTERS || textLetters >= htmlLetters * SHARE) return undefined;
    const shown = message.text.trim().replace(/\s+/g, ' ').slice(0, 120);
    return {
      evidence: [
        {
          kind: 'note',
          text: {
            en: `The plain-text copy reads "${shown}" (${textLetters} letters); the formatted copy has ${htmlLetters}.`,
            ja: `テキスト版は「${shown}」（${textLetters}文字）だけですが、書式付きの版には${htmlLetters}文字あります。`,
          },
        },
      ],
    };
  },
};

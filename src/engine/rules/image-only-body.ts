// The message is a picture of a message: its HTML shows an image (usually a link) and hardly any
// text. Text drawn into an image cannot be read by filters or by us, which is why brand lures,
// fake invoices and prize notices are sent this way ("Your parcel is waiting" as a JPEG button).
//
// What it must leave alone: ordinary mail with images and text, tracking pixels (1×1 images are not
// counted by the parser), signature logos under a real message, and messages without HTML.
import type { Rule } from '../rule';

/** Fewer visible letters and digits than this is "hardly any text" (a greeting and a name). */
const FEW_CHARACTERS = 60;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** Letters and digits in the first part of the text (enough to tell "hardly any" from "some"). */
function visibleCharacters(text: string): number {
  return text.slice(0, 10_000).match(LETTER_OR_DIGIT)?.length ?? 0;
}

export const imageOnlyBody: Rule = {
  id: 'image-only-body',
  title: {
    en: 'The message is mostly a picture',
    ja: 'メールの内容がほとんど画像だけです',
  },
  explanation: {
    en:
      'This message shows one or more images and almost no text. Putting the words into a picture hides them from spam filters ' +
      'and from this check, which is why scams and fake notices are often sent this way. Do not click the image; if the message ' +
      'claims to be from a company you use, open its app or website yourself.',
    ja:
      'このメールは画像が表示されるだけで、文章がほとんどありません。文章を画像にすると迷惑メールフィルターやこの検査から内容を隠せるため、' +
      '詐欺や偽のお知らせでよく使われます。画像はクリックせず、利用している企業からの連絡だとしている場合は、公式アプリやWebサイトを自分で開いて確認してください。',
  },
  severity: 'low',
  category: 'structure',
  requires: ['body'],
  check(message) {
    if (!message.html || !message.imageCount) return undefined;
    const characters = visibleCharacters(message.text);
    if (characters >= FEW_CHARACTERS) return undefined;
    return {
      evidence: [
        {
          kind: 'note',
          text: {
            en: `${message.imageCount} image${message.imageCount === 1 ? '' : 's'} and only ${characters} letters of text`,
            ja: `画像が${message.imageCount}枚あり、文字は${characters}文字しかありません。`,
          },
        },
      ],
    };
  },
};

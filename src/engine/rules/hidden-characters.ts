// Hidden characters: zero-width spaces and joiners, invisible operators, variation selectors
// and tag characters, marks borrowed from another script, and bidirectional overrides, inside
// display names, the subject or attachment names. Japanese brand phishing splits words with them
// ("メルカ︉リ", "お知⁤らせ") to slip past filters; a RIGHT-TO-LEFT OVERRIDE turns
// "invoice‮fdp.exe" into what reads as "invoiceexe.pdf".
//
// Legitimate uses are left alone: joiners inside emoji sequences (👨‍👩‍👧) and Arabic/Indic
// script, direction marks in Hebrew or Arabic text and at either end of a value (a right-to-left
// writer's mail client adds "‏‏" after "rfnoc questions:": they split no word and reorder nothing
// around them), emoji and keycap variation selectors,
// ideographic variation selectors after kanji (異体字 in names), tag characters in flag emoji,
// and a byte-order mark at the very start of a value (an encoder artefact).
import type { CharacterNote, Evidence } from '../model';
import type { Rule } from '../rule';
import { BIDI_CONTROL, codePointLabel } from '../text/normalize';
import { describeChar, scriptOf } from '../text/confusables';

const NOTE_LIMIT = 20;
const VALUE_LIMIT = 2048;
const ATTACHMENT_LIMIT = 50;

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/u;
const OVERRIDE = /[\u202D\u202E]/u;
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;
const JOINING_SCRIPT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Oriya}]/u;
const PICTOGRAPHIC = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u20E3\uFE0F]/u;
const SYMBOL_OR_DIGIT = /[\p{S}\p{N}\p{Extended_Pictographic}#*]/u;
const HAN = /\p{Script=Han}/u;
const MARK = /\p{M}/u;
/** Direction marks (LRM, RLM, ALM): invisible, and they only steer the neutral characters beside them. */
const DIRECTION_MARK = /[\u200E\u200F\u061C]/u;
/** What may stand between a direction mark and the end of a value: spaces and other marks. */
const EDGE_FILLER = /[\s\u200E\u200F\u061C]/u;

function isVariationSelector(code: number): boolean {
  return (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);
}

/** The text between these positions holds something other than spaces and direction marks. */
interface Content {
  first: number;
  last: number;
}

/** True when the character at position i hides something; false where such characters are normal. */
function isSuspicious(chars: readonly string[], i: number, hasRtl: boolean, content: Content): boolean {
  const char = chars[i];
  const code = char.codePointAt(0) ?? 0;
  const before = chars[i - 1] ?? '';
  const after = chars[i + 1] ?? '';
  if (INVISIBLE.test(char)) {
    if (OVERRIDE.test(char)) return true;
    if (code === 0xfeff && i === 0) return false;
    if (code === 0x200d && (PICTOGRAPHIC.test(before) || PICTOGRAPHIC.test(after))) return false;
    if ((code === 0x200c || code === 0x200d) && (JOINING_SCRIPT.test(before) || JOINING_SCRIPT.test(after))) return false;
    if (DIRECTION_MARK.test(char) && (i < content.first || i > content.last)) return false;
    if (BIDI_CONTROL.test(char) || code === 0x061c) return !hasRtl;
    return true;
  }
  if (isVariationSelector(code)) {
    if (code >= 0xe0100) return !HAN.test(before);
    if (code === 0xfe0e || code === 0xfe0f) return !SYMBOL_OR_DIGIT.test(before);
    return !HAN.test(before);
  }
  if (code >= 0xe0000 && code <= 0xe007f) {
    // Subdivision flags: 🏴 followed by tag letters and CANCEL TAG.
    let k = i;
    while (k > 0 && (chars[k - 1].codePointAt(0) ?? 0) >= 0xe0000 && (chars[k - 1].codePointAt(0) ?? 0) <= 0xe007f) k--;
    return chars[k - 1] !== '\u{1F3F4}';
  }
  if (MARK.test(char)) {
    // A mark from another script on a letter ("Aܿlܿeܿrt": Syriac marks on Latin letters) disguises the word.
    const markScript = scriptOf(char);
    if (markScript === 'Common' || markScript === 'Inherited') return false;
    let k = i - 1;
    while (k >= 0 && MARK.test(chars[k])) k--;
    const base = k >= 0 ? chars[k] : '';
    return base !== '' && scriptOf(base) !== markScript;
  }
  return false;
}

/** Hidden characters in one value, with their positions (in code points). */
export function hiddenCharacters(value: string): CharacterNote[] {
  const chars = Array.from(value.slice(0, VALUE_LIMIT));
  const hasRtl = RTL_LETTER.test(value.slice(0, VALUE_LIMIT));
  const content = { first: 0, last: chars.length - 1 };
  while (content.first < chars.length && EDGE_FILLER.test(chars[content.first])) content.first++;
  while (content.last >= 0 && EDGE_FILLER.test(chars[content.last])) content.last--;
  const notes: CharacterNote[] = [];
  for (let i = 0; i < chars.length && notes.length < NOTE_LIMIT; i++) {
    if (isSuspicious(chars, i, hasRtl, content)) {
      notes.push({ char: chars[i], codePoint: codePointLabel(chars[i]), description: describeChar(chars[i]), index: i });
    }
  }
  return notes;
}

export const hiddenCharactersRule: Rule = {
  id: 'hidden-characters',
  title: {
    en: 'Invisible or direction-changing characters are hidden in the message',
    ja: 'メールに見えない文字や表示方向を変える文字が隠されています',
  },
  explanation: {
    en:
      'The sender name, subject or an attachment name contains characters you cannot see: zero-width spaces, invisible ' +
      'symbols, or controls that reverse the direction of text. Legitimate senders have no reason to use them; attackers ' +
      'use them to get past filters or to make a dangerous file (for example ".exe") look like a document. The characters ' +
      'are listed below. Do not open attachments from this message.',
    ja:
      '差出人名・件名・添付ファイル名に、目に見えない文字（ゼロ幅スペース、不可視の記号、文字の表示方向を逆にする制御文字など）' +
      'が含まれています。正規の送信者が使う理由はなく、攻撃者がフィルターをすり抜けたり、危険なファイル（例：「.exe」）を' +
      '文書に見せかけたりするために使います。該当する文字を下に示します。このメールの添付ファイルは開かないでください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1036.002',
  check(message) {
    const evidence: Evidence[] = [];
    let high = false;
    const inspect = (field: string, value: string | undefined) => {
      if (!value) return;
      const characters = hiddenCharacters(value);
      if (characters.length > 0) evidence.push({ kind: 'characters', field, value: value.slice(0, VALUE_LIMIT), characters });
      return characters;
    };
    inspect('from.name', message.from?.name);
    inspect('sender.name', message.sender?.name);
    for (const reply of message.replyTo.slice(0, 5)) inspect('replyTo.name', reply.name);
    inspect('subject', message.subject);
    for (const attachment of message.attachments.slice(0, ATTACHMENT_LIMIT)) {
      const characters = inspect('attachment.name', attachment.name);
      // A direction control in a file name exists only to disguise its real extension.
      if (characters?.some((note) => BIDI_CONTROL.test(note.char))) high = true;
    }
    return evidence.length > 0 ? { evidence, severity: high ? 'high' : 'medium' } : undefined;
  },
};

// Characters that readers take for other characters. Attackers register "аpple.com" with a
// Cyrillic "а", write "PayPaI" with a capital I, or "rnicrosoft" with "rn" for "m". `skeleton`
// folds every such look-alike to one representative so that two strings a reader cannot tell
// apart compare equal.
//
// The mapping is Unicode's own: the confusables data of UTS #39 (Unicode Security Mechanisms,
// confusables.txt; generated into confusables-data.ts with its licence notice), applied over NFKD
// with accents removed and lower-cased, which is the UTS #39 skeleton made case- and accent-blind
// for comparing names and domains. The generated table keeps every character Unicode calls
// confusable with an ASCII letter or digit, a kana or a kanji: the scripts of the names, brands and
// domains we compare. A short hand-kept table below only adds what the data leaves out or maps the
// other way for Japanese readers (kanji 力/口/工 read as katakana カ/ロ/エ, not the reverse) and names
// the characters attackers use most, for the pane's explanations.
import { UNICODE_CONFUSABLES } from './confusables-data';

/** [character, what it looks like, its Unicode name]. */
const CONFUSABLE_ENTRIES: readonly (readonly [string, string, string])[] = [
  // Cyrillic lower case (Unicode's data has these too; listed for their names)
  ['\u0430', 'a', 'CYRILLIC SMALL LETTER A'],
  ['\u0435', 'e', 'CYRILLIC SMALL LETTER IE'],
  ['\u043A', 'k', 'CYRILLIC SMALL LETTER KA'],
  ['\u043E', 'o', 'CYRILLIC SMALL LETTER O'],
  ['\u0440', 'p', 'CYRILLIC SMALL LETTER ER'],
  ['\u0441', 'c', 'CYRILLIC SMALL LETTER ES'],
  ['\u0443', 'y', 'CYRILLIC SMALL LETTER U'],
  ['\u0445', 'x', 'CYRILLIC SMALL LETTER HA'],
  ['\u0455', 's', 'CYRILLIC SMALL LETTER DZE'],
  ['\u0456', 'i', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'],
  ['\u0458', 'j', 'CYRILLIC SMALL LETTER JE'],
  ['\u04BB', 'h', 'CYRILLIC SMALL LETTER SHHA'],
  ['\u04CF', 'l', 'CYRILLIC SMALL LETTER PALOCHKA'],
  ['\u0501', 'd', 'CYRILLIC SMALL LETTER KOMI DE'],
  ['\u051B', 'q', 'CYRILLIC SMALL LETTER QA'],
  ['\u051D', 'w', 'CYRILLIC SMALL LETTER WE'],
  // Cyrillic capitals whose lower-case form does not look Latin
  ['\u0412', 'b', 'CYRILLIC CAPITAL LETTER VE'],
  ['\u041C', 'm', 'CYRILLIC CAPITAL LETTER EM'],
  ['\u041D', 'h', 'CYRILLIC CAPITAL LETTER EN'],
  ['\u0422', 't', 'CYRILLIC CAPITAL LETTER TE'],
  ['\u0406', 'i', 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I'], // see CAPITAL_I
  ['\u04C0', 'l', 'CYRILLIC LETTER PALOCHKA'],
  // Greek
  ['\u03B1', 'a', 'GREEK SMALL LETTER ALPHA'],
  ['\u03B9', 'i', 'GREEK SMALL LETTER IOTA'],
  ['\u03BA', 'k', 'GREEK SMALL LETTER KAPPA'],
  ['\u03BD', 'v', 'GREEK SMALL LETTER NU'],
  ['\u03BF', 'o', 'GREEK SMALL LETTER OMICRON'],
  ['\u03C1', 'p', 'GREEK SMALL LETTER RHO'],
  ['\u03C5', 'u', 'GREEK SMALL LETTER UPSILON'],
  ['\u03C7', 'x', 'GREEK SMALL LETTER CHI'],
  ['\u0392', 'b', 'GREEK CAPITAL LETTER BETA'],
  ['\u0397', 'h', 'GREEK CAPITAL LETTER ETA'],
  ['\u0399', 'i', 'GREEK CAPITAL LETTER IOTA'], // see CAPITAL_I
  ['\u039C', 'm', 'GREEK CAPITAL LETTER MU'],
  ['\u039D', 'n', 'GREEK CAPITAL LETTER NU'],
  ['\u03A4', 't', 'GREEK CAPITAL LETTER TAU'],
  ['\u0396', 'z', 'GREEK CAPITAL LETTER ZETA'],
  // Armenian
  ['\u0570', 'h', 'ARMENIAN SMALL LETTER HO'],
  ['\u0578', 'n', 'ARMENIAN SMALL LETTER VO'],
  ['\u057D', 'u', 'ARMENIAN SMALL LETTER SEH'],
  ['\u0585', 'o', 'ARMENIAN SMALL LETTER OH'],
  // Latin letters that are not ASCII and do not decompose
  ['\u0131', 'i', 'LATIN SMALL LETTER DOTLESS I'],
  ['\u0251', 'a', 'LATIN SMALL LETTER ALPHA'],
  ['\u0261', 'g', 'LATIN SMALL LETTER SCRIPT G'],
  ['\u0269', 'i', 'LATIN SMALL LETTER IOTA'],
  ['\u01C0', 'l', 'LATIN LETTER DENTAL CLICK'],
  ['\u2113', 'l', 'SCRIPT SMALL L'],
  ['\u00F8', 'o', 'LATIN SMALL LETTER O WITH STROKE'],
  ['\u0111', 'd', 'LATIN SMALL LETTER D WITH STROKE'],
  ['\u0127', 'h', 'LATIN SMALL LETTER H WITH STROKE'],
  ['\u0142', 'l', 'LATIN SMALL LETTER L WITH STROKE'],
  // ASCII look-alikes: digits and a bar for letters (capital I is handled by CAPITAL_I below)
  ['1', 'l', 'DIGIT ONE'],
  ['|', 'l', 'VERTICAL LINE'],
  ['0', 'o', 'DIGIT ZERO'],
  // Kanji that Japanese readers take for katakana (力/カ, 口/ロ, 工/エ …)
  ['\u529B', '\u30AB', 'CJK IDEOGRAPH 力 (looks like katakana カ)'],
  ['\u53E3', '\u30ED', 'CJK IDEOGRAPH 口 (looks like katakana ロ)'],
  ['\u5DE5', '\u30A8', 'CJK IDEOGRAPH 工 (looks like katakana エ)'],
  ['\u4E8C', '\u30CB', 'CJK IDEOGRAPH 二 (looks like katakana ニ)'],
  ['\u516B', '\u30CF', 'CJK IDEOGRAPH 八 (looks like katakana ハ)'],
  ['\u5915', '\u30BF', 'CJK IDEOGRAPH 夕 (looks like katakana タ)'],
  ['\u535C', '\u30C8', 'CJK IDEOGRAPH 卜 (looks like katakana ト)'],
  ['\u4E00', '\u30FC', 'CJK IDEOGRAPH 一 (looks like the long-vowel mark ー)'],
];

const CONFUSABLES: ReadonlyMap<string, { target: string; name: string }> = new Map(
  CONFUSABLE_ENTRIES.map(([char, target, name]) => [char, { target, name }]),
);

/** Unicode's confusables: character → prototype (one or more characters), decoded once (see scripts/confusables-data.ts). */
const OFFICIAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of UNICODE_CONFUSABLES.split('|')) {
    const colon = group.lastIndexOf(':');
    const prototype = group.slice(0, colon);
    let code = 0;
    for (const part of group.slice(colon + 1).split(',')) {
      const [delta, run] = part.split('+');
      code += parseInt(delta, 16);
      const last = code + (run ? parseInt(run, 16) : 0);
      for (; code <= last; code++) map.set(String.fromCodePoint(code), prototype);
      code--;
    }
  }
  return map;
})();

/**
 * The hand table wins over Unicode's data, in both directions of each pair: Unicode maps katakana
 * カ to the kanji 力, the hand table maps 力 to カ, so カ must stay カ for the two to meet.
 */
const OVERRIDES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [char, target] of CONFUSABLE_ENTRIES) {
    map.set(char, target);
    if (!map.has(target)) map.set(target, target);
  }
  return map;
})();

/** Letter pairs that read as one letter at mail-font sizes ("rn" is Unicode's own prototype of "m"). Applied last. */
const MULTI_CHARACTER: readonly (readonly [string, string])[] = [
  ['rn', 'm'],
  ['vv', 'w'],
  ['cl', 'd'],
];

/**
 * Capital I looks like a small l. Inside a lower-case word ("PayPaI") it is read as l; at the
 * start of a word or in capitals ("IBM", "Ibaraki") it is read as I, so it folds to i there.
 */
const CAPITAL_I = new Set(['I', '\u0399', '\u0406']);

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Combining marks, except the kana voicing marks (they turn か into が: a different sound, not decoration). */
const MARK = /(?![\u3099\u309A])\p{M}/gu;

/** Maximum input handled; names and domains are far shorter, and this bounds the work. */
const SKELETON_LIMIT = 1024;

/** Removes invisible characters and accents, applies NFKC-style folding (full-width to ASCII). */
export function foldMarks(value: string): string {
  return value.slice(0, SKELETON_LIMIT * 2).replace(IGNORABLE, '').normalize('NFKD').replace(MARK, '').normalize('NFC');
}

/** One character's representative, lower case: the hand table, else Unicode's data (as written, then lower-cased). */
function representative(char: string): string {
  const override = OVERRIDES.get(char);
  if (override !== undefined) return override;
  const official = OFFICIAL.get(char);
  if (official !== undefined) return (OVERRIDES.get(official) ?? official).toLowerCase();
  const lower = char.toLowerCase();
  if (lower === char) return char;
  return OVERRIDES.get(lower) ?? OFFICIAL.get(lower)?.toLowerCase() ?? lower;
}

/**
 * The confusable skeleton: invisible characters and accents removed, compatibility forms folded
 * (full-width, mathematical bold), every look-alike replaced by its representative (UTS #39 data),
 * lower case. Two strings with the same skeleton look the same to a reader. Linear in the input.
 */
export function skeleton(value: string): string {
  let out = '';
  let afterLowerCase = false;
  for (const char of foldMarks(value)) {
    const wasAfterLowerCase = afterLowerCase;
    afterLowerCase = char !== char.toUpperCase() && char === char.toLowerCase();
    if (CAPITAL_I.has(char)) {
      out += wasAfterLowerCase ? 'l' : 'i';
      continue;
    }
    out += representative(char);
  }
  for (const [from, to] of MULTI_CHARACTER) out = out.split(from).join(to);
  return out;
}

/** True when the character is folded to something else by `skeleton` (a look-alike). */
export function isConfusable(char: string): boolean {
  // Only the hand table's near-identical glyphs: Unicode's data also pairs letters that differ
  // visibly (Cyrillic п and n), which is right for comparing two names but not for calling one
  // letter inside a word a disguise.
  return CAPITAL_I.has(char) || CONFUSABLES.has(char) || CONFUSABLES.has(char.toLowerCase());
}

const INVISIBLE_NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Syriac', /\p{Script=Syriac}/u],
  ['Thaana', /\p{Script=Thaana}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hangul', /\p{Script=Hangul}/u],
];

/** Script name of a character ("Latin", "Cyrillic", …), "Common" for digits and punctuation. */
export function scriptOf(char: string): string {
  for (const [name, pattern] of SCRIPTS) if (pattern.test(char)) return name;
  if (/\p{Script=Inherited}/u.test(char)) return 'Inherited';
  return 'Common';
}

function asciiName(code: number): string | undefined {
  const char = String.fromCharCode(code);
  if (code >= 0x41 && code <= 0x5a) return `LATIN CAPITAL LETTER ${char}`;
  if (code >= 0x61 && code <= 0x7a) return `LATIN SMALL LETTER ${char.toUpperCase()}`;
  if (code >= 0x30 && code <= 0x39) {
    return `DIGIT ${['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'][code - 0x30]}`;
  }
  if (code === 0x2d) return 'HYPHEN-MINUS';
  if (code === 0x2e) return 'FULL STOP';
  if (code === 0x5f) return 'LOW LINE';
  return undefined;
}

/**
 * What a character is, for people: its Unicode name for the characters attackers use (look-alikes,
 * invisible and direction controls, ASCII, full-width forms), otherwise its script and kind,
 * e.g. "Syriac combining mark".
 */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const confusable = CONFUSABLES.get(char);
  if (confusable) return confusable.name;
  const invisible = INVISIBLE_NAMES[code];
  if (invisible) return invisible;
  const ascii = asciiName(code);
  if (ascii) return ascii;
  if (code >= 0xff01 && code <= 0xff5e) {
    const inner = asciiName(code - 0xfee0);
    return inner ? `FULLWIDTH ${inner}` : 'FULLWIDTH FORM';
  }
  if (code >= 0xfe00 && code <= 0xfe0f) return `VARIATION SELECTOR-${code - 0xfe00 + 1}`;
  if (code >= 0xe0100 && code <= 0xe01ef) return `VARIATION SELECTOR-${code - 0xe0100 + 17}`;
  if (code >= 0xe0000 && code <= 0xe007f) return 'TAG CHARACTER';
  const script = scriptOf(char);
  const kind = /\p{M}/u.test(char)
    ? 'combining mark'
    : /\p{L}/u.test(char)
      ? 'letter'
      : /\p{N}/u.test(char)
        ? 'digit'
        : /\p{Cf}/u.test(char)
          ? 'invisible format character'
          : 'symbol';
  return script === 'Common' || script === 'Inherited' ? kind : `${script} ${kind}`;
}

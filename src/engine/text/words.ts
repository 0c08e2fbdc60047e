// Finding a name (an organisation, a department) inside a display name or subject as a whole
// word: "DHL Paket" claims DHL, "Dhlservice" does not; "Amazon.co.jp" claims Amazon. Look-alike
// letters, accents, invisible characters and full-width forms are folded first (see skeleton),
// so "Мicrosoft" with a Cyrillic М still claims Microsoft. Japanese has no spaces between words,
// so names in Japanese or Chinese script are found anywhere in the text.
import { skeleton } from './confusables';
import { isCjk } from './names';

/** Letters of the alphabets whose letters pass for Latin ones: Greek, Cyrillic, Armenian, Cherokee. */
const LOOKALIKE_LETTER = /[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u13a0-\u13ff]/;
const LETTER_RUN = /[\p{L}\p{M}]{2,40}/gu;
const LATIN_LOWER = /[a-z]/;
const ONE_LATIN_LETTER = /^[a-z]$/;

/**
 * Text unmasked: a disguised lure sits in the first lines (as INTENT_SCAN_LIMIT assumes), and a
 * megabyte of hostile mixed words must not cost the analysis a second pass over all of it.
 */
const UNMASK_LIMIT = 64 * 1024;

/** The Latin letter each look-alike passes for ('' for none); at most the few hundred letters of LOOKALIKE_LETTER. */
const latinLetters = new Map<string, string>();

function latinFor(char: string): string {
  let latin = latinLetters.get(char);
  if (latin === undefined) {
    latin = skeleton(char);
    if (!ONE_LATIN_LETTER.test(latin)) latin = '';
    latinLetters.set(char, latin);
  }
  return latin;
}

/**
 * Unmasks words spelt with look-alike letters of another alphabet among Latin ones ("acсоuпt" with
 * Cyrillic с, о and п reads "account"), so that the wording rules read what the reader reads. For
 * normalised (lower-case) text. Each foreign letter becomes the one Latin letter it passes for
 * (UTS #39 skeleton); a word with a foreign letter that passes for none is left as written, and so
 * are words of one alphabet (Russian or Greek text). One code unit stays one code unit, so offsets
 * into the text stay valid. Reads the first UNMASK_LIMIT characters.
 */
export function unmaskMixedScriptWords(text: string): string {
  if (text.length > UNMASK_LIMIT) return unmaskMixedScriptWords(text.slice(0, UNMASK_LIMIT)) + text.slice(UNMASK_LIMIT);
  if (!LOOKALIKE_LETTER.test(text)) return text;
  return text.replace(LETTER_RUN, (word) => {
    if (!LOOKALIKE_LETTER.test(word) || !LATIN_LOWER.test(word)) return word;
    let out = '';
    for (const char of word) {
      if (!LOOKALIKE_LETTER.test(char)) {
        out += char;
        continue;
      }
      const latin = latinFor(char);
      if (!latin) return word;
      out += latin;
    }
    return out;
  });
}

/** Texts longer than this are cut; display names and subjects are far shorter. */
const CLAIM_TEXT_LIMIT = 1024;

/**
 * Marks that compatibility folding would turn into letters glued to the name before them
 * ("Mcafee™" → "mcafeetm", "Netflix℠" → "netflixsm"): they decorate a brand, so they become a space.
 */
const BRAND_MARKS = /[\u2122\u2120]/g;

/** Skeleton with every run of non-letters/digits turned into one space: "Amazon.co.jp" → "amazon co jp", "Mcafee™" → "mcafee". */
export function claimText(value: string): string {
  return skeleton(value.slice(0, CLAIM_TEXT_LIMIT).replace(BRAND_MARKS, ' ')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const ASCII_WORD_CHAR = /[a-z0-9]/;

/** True when `word` occurs in `text` with no ASCII letter or digit directly before or after it. */
export function containsWord(text: string, word: string): boolean {
  if (!word) return false;
  let from = 0;
  while (from <= text.length - word.length) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = at > 0 ? text[at - 1] : '';
    const after = text[at + word.length] ?? '';
    if (!ASCII_WORD_CHAR.test(before) && !ASCII_WORD_CHAR.test(after)) return true;
    from = at + 1;
  }
  return false;
}

export interface PreparedName {
  /** The name as configured, for messages. */
  original: string;
  /** claimText of the name. */
  text: string;
  compact: string;
  cjk: boolean;
}

/** Names too short to be matched safely (two Latin letters are in too many words) yield undefined. */
export function prepareName(name: string): PreparedName | undefined {
  const text = claimText(name);
  const compact = text.replace(/ /g, '');
  const cjk = isCjk(compact);
  if (cjk ? Array.from(compact).length < 2 : compact.length < 3) return undefined;
  return { original: name, text, compact, cjk };
}

/**
 * Single letters split off by punctuation glued to the next word: "d isney plus" (from "D'isney
 * Plus") → "disney plus", "p a y p a l" → "paypal". Undefined when the text has no such letter.
 */
export function glueSplitLetters(text: string): string | undefined {
  const tokens = text.split(' ');
  const single = (token: string | undefined) => token !== undefined && token.length === 1 && /[a-z]/.test(token);
  if (!tokens.some((token, index) => single(token) && index + 1 < tokens.length)) return undefined;
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!single(tokens[i])) {
      words.push(tokens[i]);
      continue;
    }
    let end = i;
    while (single(tokens[end + 1])) end++;
    if (end > i) {
      // A run of letters ("a m a z o n") is one word.
      words.push(tokens.slice(i, end + 1).join(''));
      i = end;
    } else if (i + 1 < tokens.length) {
      // One letter split off a word ("d isney").
      words.push(tokens[i] + tokens[i + 1]);
      i++;
    } else {
      words.push(tokens[i]);
    }
  }
  return words.join(' ');
}

// Rules test one text against hundreds of names in a row: keep the last results.
let lastText: string | undefined;
let lastGlued: string | undefined;
let lastCompactText: string | undefined;
let lastCompact = '';
function gluedCached(text: string): string | undefined {
  if (text !== lastText) {
    lastText = text;
    lastGlued = glueSplitLetters(text);
  }
  return lastGlued;
}
function compactCached(text: string): string {
  if (text !== lastCompactText) {
    lastCompactText = text;
    lastCompact = text.replace(/ /g, '');
  }
  return lastCompact;
}

/** Does the prepared claim text (see claimText) mention the name? */
export function mentionsName(text: string, name: PreparedName): boolean {
  if (name.cjk) return compactCached(text).includes(name.compact);
  if (containsWord(text, name.text)) return true;
  // "Microsoft365" for "Microsoft 365": multi-word names may be written without spaces.
  if (name.text !== name.compact && containsWord(text, name.compact)) return true;
  // "D'isney Plus", "P.a.y.P.a.l": a brand split by punctuation to get past filters still reads as the brand.
  const glued = gluedCached(text);
  return glued !== undefined && (containsWord(glued, name.text) || containsWord(glued, name.compact));
}

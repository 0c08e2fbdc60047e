// Quoting the message as it was written. The engine finds phrases in normalised text (invisible
// characters removed, NFKC, lower case, white space collapsed: normalizeText) and reports where, in
// that text, each match lies. To show the reader their own message (original case, full-width
// letters, line breaks), the same normalisation is repeated here one piece of the original at a time,
// remembering where every normalised character came from.
//
// A piece is one code point with the marks that combine with it (and, for the body, a character
// reference such as &aacute; that the engine decodes first). Normalising piece by piece gives the
// same text as normalising the whole in all but rare cases (a Greek final sigma, Hangul jamo written
// apart); the result is compared with the engine's text, and on any difference the quote falls back
// to the engine's own context. Linear in the part of the text read; never markup, only strings.
import { decodeCharacterReferences, normalizeText, stripInvisible } from '../engine/text/normalize';
import { BODY_LIMIT } from '../engine/view';
import type { Segment } from './visible';

/** Original text shown either side of a match; whole lines are not needed to recognise a sentence. */
export const QUOTE_CONTEXT = 60;
/** At most this many quotes per field: more adds length, not understanding. */
export const MAX_QUOTES = 3;

export interface FoldedText {
  /** The normalised text, as far as it was read. */
  text: string;
  /** For each code unit of `text`, the start and end (UTF-16 offsets) of the piece of the original it came from. */
  from: Int32Array;
  to: Int32Array;
}

/** Marks that attach to the code point before them, so NFKC may combine them: combining marks, half-width (semi-)voiced sound marks. */
const COMBINING = /[\p{M}\uFF9E\uFF9F]/u;
/** Character references as the engine decodes them (decodeCharacterReferences), tried at one position. */
const REFERENCE_AT = /&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/iy;

function pieceEnd(value: string, start: number, references: boolean): { end: number; source: string } {
  if (references && value.charCodeAt(start) === 0x26) {
    REFERENCE_AT.lastIndex = start;
    const match = REFERENCE_AT.exec(value);
    if (match) {
      const decoded = decodeCharacterReferences(match[0]);
      if (decoded !== match[0]) return { end: start + match[0].length, source: decoded };
    }
  }
  let end = start + ((value.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
  while (end < value.length) {
    const next = String.fromCodePoint(value.codePointAt(end) ?? 0);
    if (!COMBINING.test(next)) break;
    end += next.length;
  }
  return { end, source: value.slice(start, end) };
}

/**
 * normalizeText(value) with the origin of every character, read until `need` normalised code units
 * exist (the whole value by default). `references`: decode character references first, as the engine
 * does for the body.
 */
export function foldWithOrigins(value: string, options: { need?: number; references?: boolean } = {}): FoldedText {
  const need = options.need ?? Infinity;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  // A run of white space becomes one space, written only once something follows it (so the end is trimmed).
  let space: { from: number; to: number } | undefined;
  for (let start = 0; start < value.length && text.length < need; ) {
    const { end, source } = pieceEnd(value, start, options.references ?? false);
    const folded = stripInvisible(source).normalize('NFKC').toLowerCase();
    for (const char of folded) {
      if (/\s/.test(char)) {
        // Leading white space is trimmed away; an inner run spans all the pieces it came from.
        if (text.length === 0) continue;
        if (space) space.to = end;
        else space = { from: start, to: end };
        continue;
      }
      if (space) {
        text += ' ';
        from.push(space.from);
        to.push(space.to);
        space = undefined;
      }
      text += char;
      for (let i = 0; i < char.length; i++) {
        from.push(start);
        to.push(end);
      }
    }
    start = end;
  }
  return { text, from: Int32Array.from(from), to: Int32Array.from(to) };
}

export interface QuoteSource {
  /** The field as the message has it (message.subject, message.text). */
  original: string;
  /** Whether the engine decoded character references in it (the body) and read only its first BODY_LIMIT characters. */
  body: boolean;
}

/** Where each match lies in the original, or undefined when the normalisation here does not agree with the engine's. */
export function originalRanges(source: QuoteSource, matches: readonly { start: number; end: number }[]): { start: number; end: number }[] | undefined {
  if (matches.length === 0) return [];
  const read = source.body ? source.original.slice(0, BODY_LIMIT) : source.original;
  const engineText = normalizeText(source.body ? decodeCharacterReferences(read) : read);
  const need = Math.max(...matches.map((match) => match.end));
  if (need > engineText.length) return undefined;
  const folded = foldWithOrigins(read, { need, references: source.body });
  if (folded.text.length < need || folded.text !== engineText.slice(0, folded.text.length)) return undefined;
  return matches.map((match) => ({ start: folded.from[match.start], end: folded.to[match.end - 1] }));
}

/** Never split a surrogate pair when cutting at `index`. */
function safeCut(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  return (text.charCodeAt(index) & 0xfc00) === 0xdc00 ? index - 1 : index;
}

/** Where the context before `start` begins: the start of its line, else of a word, within QUOTE_CONTEXT. */
function contextStart(text: string, start: number): number {
  const from = safeCut(text, start - QUOTE_CONTEXT);
  if (from === 0) return 0;
  const before = text.slice(from, start);
  const line = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  if (line >= 0) return from + line + 1;
  const word = before.search(/\s/);
  return word >= 0 ? from + word + 1 : from;
}

/** Where the context after `end` stops: the end of its line, else of a word, within QUOTE_CONTEXT. */
function contextEnd(text: string, end: number): number {
  const to = safeCut(text, end + QUOTE_CONTEXT);
  if (to === text.length) return to;
  const after = text.slice(end, to);
  const line = after.search(/[\r\n]/);
  if (line >= 0) return end + line;
  const spaces = [...after.matchAll(/\s/g)];
  return spaces.length > 0 ? end + (spaces[spaces.length - 1].index ?? after.length) : to;
}

/**
 * Quotes of the original text around the given ranges, with the ranges highlighted: ranges whose
 * context overlaps share one quote (a subject with three phrases is quoted once), at most MAX_QUOTES.
 */
export function quotesOf(original: string, ranges: readonly { start: number; end: number }[]): Segment[][] {
  const ordered = [...ranges].filter((range) => range.end > range.start).sort((a, b) => a.start - b.start);
  const groups: { from: number; to: number; ranges: { start: number; end: number }[] }[] = [];
  for (const range of ordered) {
    const from = contextStart(original, range.start);
    const to = contextEnd(original, range.end);
    const last = groups[groups.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.ranges.push(range);
    } else {
      groups.push({ from, to, ranges: [range] });
    }
  }
  return groups.slice(0, MAX_QUOTES).map((group) => {
    const segments: Segment[] = [];
    const push = (text: string, highlight: boolean) => {
      if (text) segments.push({ text, highlight });
    };
    push(group.from > 0 ? '…' : '', false);
    let at = group.from;
    for (const range of group.ranges) {
      const start = Math.max(at, range.start);
      push(original.slice(at, start), false);
      push(original.slice(start, range.end), true);
      at = Math.max(at, range.end);
    }
    push(original.slice(at, group.to), false);
    push(group.to < original.length ? '…' : '', false);
    return segments;
  });
}

/**
 * Quotes for phrases the engine found without offsets (or when they cannot be mapped): each phrase
 * found as written in the original, ignoring case where that keeps offsets; undefined when one is not found.
 */
export function rangesByText(original: string, phrases: readonly string[]): { start: number; end: number }[] | undefined {
  const lower = original.toLowerCase();
  const caseless = lower.length === original.length;
  const ranges: { start: number; end: number }[] = [];
  for (const phrase of phrases) {
    if (!phrase) return undefined;
    let at = original.indexOf(phrase);
    if (at < 0 && caseless) at = lower.indexOf(phrase.toLowerCase());
    if (at < 0) return undefined;
    ranges.push({ start: at, end: at + phrase.length });
  }
  return ranges;
}

// How far apart two short strings are, and where they differ. Used to tell "kenjiwatanabe"
// from "kenjiwatanbe" and "mofa.go.jp" from "mofa.go.jq". Everything works on code points (not
// UTF-16 units) so that one Japanese or Cyrillic character counts as one edit.
import type { CharacterNote } from '../model';
import { codePointLabel } from './normalize';
import { describeChar } from './confusables';

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), bounded: only the diagonal band of width `max` is computed, so the cost is
 * O(length × max), and as soon as the distance must exceed `max` it returns `max + 1`.
 */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const limit = Math.max(0, Math.floor(max));
  const over = limit + 1;
  if (Math.abs(left.length - right.length) > limit) return over;
  if (left.length === 0 || right.length === 0) return Math.min(Math.max(left.length, right.length), over);
  const width = right.length + 1;
  // Three rows: two back for transpositions. Cells outside the band hold `over`.
  let previous2 = new Array<number>(width).fill(over);
  let previous = new Array<number>(width).fill(over);
  let current = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(right.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= left.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(right.length, i + limit);
    // Rows are reused; only the cells the band reads outside itself need resetting (keeps it O(n·max)).
    current[0] = i <= limit ? i : over;
    if (from - 1 >= 1) current[from - 1] = over;
    if (to + 1 <= right.length) current[to + 1] = over;
    let rowMinimum = current[0];
    for (let j = from; j <= to; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      current[j] = Math.min(value, over);
      if (current[j] < rowMinimum) rowMinimum = current[j];
    }
    if (rowMinimum > limit) return over;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return Math.min(previous[right.length], over);
}

/** 1 for equal strings, falling towards 0 as edits accumulate (relative to the longer string). */
export function similarityFromDistance(distance: number, a: string, b: string): number {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  if (longest === 0) return 1;
  return Math.max(0, Math.round((1 - distance / longest) * 100) / 100);
}

export type EditKind = 'substitution' | 'omission' | 'insertion' | 'repetition' | 'transposition';

/**
 * For two strings one edit apart, which edit turns `expected` into `actual`:
 * "mofa" → "mofaa" is a repetition, "mofa" → "mfoa" a transposition, "mofa" → "moa" an omission.
 * Undefined when they are equal or more than one edit apart.
 */
export function classifyEdit(actual: string, expected: string): EditKind | undefined {
  const a = Array.from(actual);
  const e = Array.from(expected);
  let start = 0;
  while (start < a.length && start < e.length && a[start] === e[start]) start++;
  let endA = a.length;
  let endE = e.length;
  while (endA > start && endE > start && a[endA - 1] === e[endE - 1]) {
    endA--;
    endE--;
  }
  const extra = a.slice(start, endA);
  const missing = e.slice(start, endE);
  if (extra.length === 1 && missing.length === 1) return 'substitution';
  if (extra.length === 0 && missing.length === 1) return 'omission';
  if (extra.length === 1 && missing.length === 0) {
    // "mofaa": the added letter repeats its neighbour. The trimmed window may sit on either copy.
    const added = extra[0];
    return a[start - 1] === added || a[start + 1] === added ? 'repetition' : 'insertion';
  }
  if (extra.length === 2 && missing.length === 2 && extra[0] === missing[1] && extra[1] === missing[0]) return 'transposition';
  return undefined;
}

/**
 * The characters of `actual` that a reader would not expect, given that it imitates `expected`.
 * Equal lengths compare position by position (homoglyphs, substitutions); otherwise the differing
 * middle after the common beginning and end is reported, and a character that is missing is
 * reported as the expected character, marked "(missing)". `offset` shifts indices when `actual`
 * is part of a longer value (a registrable domain inside a host name). At most `limit` notes.
 */
export function characterDifferences(actual: string, expected: string, offset = 0, limit = 20): CharacterNote[] {
  const a = Array.from(actual);
  const e = Array.from(expected);
  const notes: CharacterNote[] = [];
  const note = (char: string, index: number, missing = false) => {
    if (notes.length < limit) {
      notes.push({ char, codePoint: codePointLabel(char), description: describeChar(char) + (missing ? ' (missing)' : ''), index: offset + index });
    }
  };
  if (a.length === e.length) {
    for (let i = 0; i < a.length; i++) if (a[i] !== e[i]) note(a[i], i);
    return notes;
  }
  let start = 0;
  while (start < a.length && start < e.length && a[start] === e[start]) start++;
  let endA = a.length;
  let endE = e.length;
  while (endA > start && endE > start && a[endA - 1] === e[endE - 1]) {
    endA--;
    endE--;
  }
  if (endA > start) {
    for (let i = start; i < endA; i++) note(a[i], i);
  } else {
    for (let i = start; i < endE; i++) note(e[i], start, true);
  }
  return notes;
}

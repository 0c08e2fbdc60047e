// Which characters differ between the address a message claims and the one it really comes from, so
// the pane can mark them: "example-or.jp" against "example.or.jp" marks only the hyphen and the dot.
// A longest-common-subsequence diff over code points, bounded: addresses are at most 254 characters,
// and anything longer is compared by common start and end only.
import type { Segment } from './visible';

/** Longest strings diffed character by character (an email address is at most 254). */
export const MAX_DIFF_LENGTH = 320;

function segmentsFromFlags(points: readonly string[], flags: readonly boolean[]): Segment[] {
  const segments: Segment[] = [];
  for (let i = 0; i < points.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.highlight === flags[i]) last.text += points[i];
    else segments.push({ text: points[i], highlight: flags[i] });
  }
  return segments;
}

/** Marks everything between the common start and the common end. */
function affixFlags(a: readonly string[], b: readonly string[]): { a: boolean[]; b: boolean[] } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { a: a.map((_, i) => i >= start && i < a.length - end), b: b.map((_, i) => i >= start && i < b.length - end) };
}

/** Marks what is not in a longest common subsequence (case-sensitive: "I" for "l" is a difference). */
function lcsFlags(a: readonly string[], b: readonly string[]): { a: boolean[]; b: boolean[] } {
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const fa = a.map(() => true);
  const fb = b.map(() => true);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      fa[i++] = false;
      fb[j++] = false;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return { a: fa, b: fb };
}

/** Marked runs beyond which a character-level diff is noise: two unrelated addresses share scattered letters. */
export const MAX_MARKED_RUNS = 3;

function runs(flags: readonly boolean[]): number {
  let count = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] && !flags[i - 1]) count++;
  return count;
}

/**
 * Both strings split into runs, with the characters that differ highlighted: letter by letter for a
 * look-alike ("examp1e" / "example"), as one block between the common start and end when the two
 * have little in common. `extra` marks more positions of `a`.
 */
export function diffStrings(a: string, b: string, extra: readonly number[] = []): { a: Segment[]; b: Segment[] } {
  const pa = Array.from(a);
  const pb = Array.from(b);
  let flags = pa.length <= MAX_DIFF_LENGTH && pb.length <= MAX_DIFF_LENGTH ? lcsFlags(pa, pb) : affixFlags(pa, pb);
  if (runs(flags.a) > MAX_MARKED_RUNS || runs(flags.b) > MAX_MARKED_RUNS) flags = affixFlags(pa, pb);
  for (const index of extra) if (index >= 0 && index < flags.a.length) flags.a[index] = true;
  return { a: segmentsFromFlags(pa, flags.a), b: segmentsFromFlags(pb, flags.b) };
}

/** Of several addresses a sender is known by, the one closest to what was seen (most characters in common). */
export function closest(seen: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const candidate of candidates.slice(0, 20)) {
    const { a } = diffStrings(seen, candidate);
    const same = a.reduce((sum, segment) => sum + (segment.highlight ? 0 : Array.from(segment.text).length), 0);
    // Whole addresses beat bare domains when equally close: the reader compares addresses.
    const score = same * 2 + (candidate.includes('@') ? 1 : 0);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

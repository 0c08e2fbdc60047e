// Whether a display name is a given person's name, forgiving the ways one name is written: order of
// family and given name, spacing, width, variant kanji (渡邊/渡辺), romanisation (Ohno/Ono), titles and
// honorifics (names.ts) and letters from other scripts that look the same (confusables.ts). Optionally
// one or two typos in long names. Used for the people IT protects (protected-person-impersonation) and
// for the names in the user's own mailbox (sender-history).
import { compactText } from './normalize';
import { skeleton } from './confusables';
import { damerauLevenshtein, similarityFromDistance } from './similarity';
import { foldVariantKanji, isCjk, nameCandidates, nameSpellings } from './names';

/** One compact spelling of a person's name, prepared for comparison. */
export interface Spelling {
  compact: string;
  skeleton: string;
  length: number;
  cjk: boolean;
  /** Edits tolerated: none for short names (too many real people share them), more for long ones. */
  tolerance: number;
  /** May be found inside a run of Japanese text ("外務省渡辺健二"); only for names IT listed, where a longer run is rarely another person. */
  inside: boolean;
}

export interface NameMatch {
  similarity: number;
}

/** Damerau-Levenshtein ≤ 1 for names of 6+ characters, ≤ 2 for 12+; exact (or look-alike) below. */
export function nameTolerance(length: number): number {
  if (length >= 12) return 2;
  if (length >= 6) return 1;
  return 0;
}

export interface SpellingOptions {
  /**
   * True: typos count (nameTolerance) and the name may sit inside a run of Japanese text. For the few
   * people IT listed. False: only the same name, however written; for anyone in a mailbox, where a
   * typo apart is usually someone else (Yuki/Yuko Tanaka).
   */
  forgiving: boolean;
}

/** The spellings of one person's names (name and aliases), each compared as written, reordered and folded. */
export function prepareSpellings(names: readonly string[], options: SpellingOptions): Spelling[] {
  const compacts = new Set<string>();
  for (const name of names) for (const spelling of nameSpellings(name)) compacts.add(spelling);
  return [...compacts].map((compact): Spelling => {
    const length = Array.from(compact).length;
    const cjk = isCjk(compact);
    return {
      compact,
      skeleton: skeleton(compact),
      length,
      cjk,
      tolerance: options.forgiving ? nameTolerance(length) : 0,
      inside: options.forgiving && cjk && length >= 3,
    };
  });
}

function matchSpelling(candidate: string, candidateSkeleton: string, spelling: Spelling): NameMatch | undefined {
  if (candidate === spelling.compact) return { similarity: 1 };
  if (candidateSkeleton === spelling.skeleton) {
    // Look-alike letters: equal to the eye, so as strong as an exact match; the similarity shows it is not identical.
    return { similarity: similarityFromDistance(damerauLevenshtein(candidate, spelling.compact, 4), candidate, spelling.compact) };
  }
  if (spelling.tolerance === 0) return undefined;
  const length = Array.from(candidate).length;
  if (Math.abs(length - spelling.length) > spelling.tolerance) return undefined;
  const distance = damerauLevenshtein(candidateSkeleton, spelling.skeleton, spelling.tolerance);
  if (distance > spelling.tolerance) return undefined;
  return { similarity: similarityFromDistance(distance, candidateSkeleton, spelling.skeleton) };
}

/** The best match of a display name against one person's spellings, if any. */
export function matchPersonName(displayName: string, spellings: readonly Spelling[]): NameMatch | undefined {
  let best: NameMatch | undefined;
  const consider = (match: NameMatch | undefined) => {
    if (match && (!best || match.similarity > best.similarity)) best = match;
  };
  for (const candidate of nameCandidates(displayName)) {
    const candidateSkeleton = skeleton(candidate);
    for (const spelling of spellings) consider(matchSpelling(candidate, candidateSkeleton, spelling));
    if (best?.similarity === 1) return best;
  }
  if (!spellings.some((spelling) => spelling.inside)) return best;
  // Japanese names run into neighbouring words without spaces ("外務省渡辺健二"): look inside.
  const compactDisplay = foldVariantKanji(compactText(displayName.slice(0, 256)));
  const displaySkeleton = skeleton(compactDisplay);
  for (const spelling of spellings) {
    if (!spelling.inside) continue;
    if (compactDisplay.includes(spelling.compact)) consider({ similarity: 1 });
    else if (displaySkeleton.includes(spelling.skeleton)) consider({ similarity: 0.9 });
  }
  return best;
}

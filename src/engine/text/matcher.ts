// Multi-phrase search for lure wording. One Aho–Corasick automaton per phrase list finds every
// phrase in one pass over the text, so a 1 MiB body with hundreds of phrases costs one scan.
//
// Evasions handled (readers see the same words, so detection must too):
// - full-width / half-width / zero-width variants: the text is normalised first (normalizeText);
// - spacing and separators ("T a i w a n", "台 湾 海 峡", "Taiwan-Strait"): the automaton runs over a
//   compacted copy with white space and a few separator characters removed, and every candidate is
//   then checked against where the removed characters were.
//
// The check that keeps Latin phrases precise on the compacted copy, in O(phrase cuts) per candidate:
// - a "cut" is a place where separators were removed; the text between cuts is a "fragment";
// - the candidate must start and end at a word boundary of the original (a cut, a non-word
//   character, or the edge of the text), so "expo" never matches inside "exposure";
// - every cut inside the candidate must be either a place where the phrase itself has a separator
//   ("taiwan strait" written "taiwan  strait" or "taiwan-strait") or lie between two one-letter
//   fragments (letter-spacing: "t a i w a n"). So "I ran" never matches "iran", while "iran" written
//   as "i r a n" does. Cuts are counted with a running sum, so the check needs no scan of the match.
// Phrases written in Chinese characters or kana have no spaces between words, so any cut is allowed
// inside them and no word boundary is required at a CJK edge.
//
// One pass, constant memory: the compacted copy is never materialised. Its last 256 characters
// (longer than any phrase) live in ring buffers; a candidate ending at character m is judged when
// character m+1 arrives (its right boundary), and the scan stops once the match cap is reached.
// Cost: O(text length + candidates), with candidates capped; ~15 ms for 1 MiB on a laptop core.
import type { ResolvedPolicy } from '../../policy/types';
import { normalizeText } from './normalize';

export interface PhraseEntry {
  phrase: string;
  category: string;
  weight: number;
}

export interface PhraseMatch {
  /** The phrase as configured. */
  phrase: string;
  category: string;
  weight: number;
  /** Where it was found, e.g. "subject" or "body". */
  field: string;
  /** Code-unit offsets of the match in the normalised text of the field. */
  start: number;
  end: number;
  /** The match with about 40 characters either side, from the normalised text. */
  context: string;
  /** The id of the lure intent that found it (src/policy/data/intents.ts); absent for a dictionary phrase. */
  intent?: string;
}

export interface PhraseMatcher {
  /** Number of usable phrases. */
  readonly size: number;
  /**
   * Finds phrases in one field. `normalizedText` must already be normalizeText()'d (the message
   * view's subject and body are). At most `limit` matches are returned; a match lying wholly inside
   * a longer match is dropped, so "台湾有事" is not also counted as "台湾".
   */
  find(field: string, normalizedText: string, limit?: number): PhraseMatch[];
}

/** Default and hard cap on matches returned per call. */
export const MATCH_LIMIT = 200;
/** Longer phrases are not lures but sentences; they are ignored so every check stays short. */
const MAX_PHRASE_LENGTH = 120;
/** Raw automaton hits examined per call, accepted or not: keeps pathological lists linear. */
const CANDIDATE_LIMIT = 20_000;
const CONTEXT_CHARS = 40;
/** Transition keys are state * 2^16 + code unit; fits a safe integer for any realistic automaton. */
const ALPHABET = 0x10000;

/**
 * Character classes by code unit, one table lookup per character in the hot loop:
 * SEPARATOR: removed for the compacted copy (normalizeText already turned all white space into ' ');
 * WORD: letters, digits and marks of scripts that separate words with spaces. CJK, kana and
 * surrogate halves are not word characters: "Taiwanの情勢" has a word boundary after "taiwan".
 */
const SEPARATOR = 1;
const WORD = 2;
const OTHER = 3;
/** 0 = not classified yet; filled on first sight, so only characters that occur cost a lookup. */
const classTable = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
for (const separator of [0x20, 0x2e /* . */, 0x2d /* - */, 0x5f /* _ */, 0x2a /* * */, 0xb7 /* · */, 0x2022 /* • */]) classTable[separator] = SEPARATOR;

function classify(code: number): number {
  let kind = classTable[code];
  if (kind === 0) {
    const isWord = code < 0x2e80 && (code < 0xd800 || code > 0xdfff) && LETTER_OR_DIGIT.test(String.fromCharCode(code));
    kind = isWord ? WORD : OTHER;
    classTable[code] = kind;
  }
  return kind;
}

function isWordUnit(code: number): boolean {
  return classify(code) === WORD;
}

function isSeparator(code: number): boolean {
  return classify(code) === SEPARATOR;
}

/** Chinese characters, kana, Hangul and CJK punctuation: text written without spaces between words. */
function isCjkUnit(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0xd800 && code <= 0xdfff);
}

interface CompiledPhrase extends PhraseEntry {
  /** Compacted length in code units. */
  length: number;
  /** Offsets (within the compacted phrase) where the phrase itself had separators. */
  cuts: number[];
  /** Latin phrases must not be split anywhere else; CJK phrases may be. */
  strictCuts: boolean;
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

function compilePhrase(entry: PhraseEntry): { compact: string; compiled: CompiledPhrase } | undefined {
  const normalized = normalizeText(entry.phrase);
  let compact = '';
  const cuts: number[] = [];
  let pendingCut = false;
  let hasCjk = false;
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    if (isSeparator(code)) {
      pendingCut = compact.length > 0;
      continue;
    }
    if (pendingCut) cuts.push(compact.length);
    pendingCut = false;
    if (isCjkUnit(code)) hasCjk = true;
    compact += normalized[i];
  }
  if (compact.length === 0 || compact.length > MAX_PHRASE_LENGTH) return undefined;
  return {
    compact,
    compiled: {
      phrase: entry.phrase,
      category: entry.category,
      weight: entry.weight,
      length: compact.length,
      cuts,
      strictCuts: !hasCjk,
      boundaryBefore: isWordUnit(compact.charCodeAt(0)),
      boundaryAfter: isWordUnit(compact.charCodeAt(compact.length - 1)),
    },
  };
}

/**
 * The last WINDOW characters of the compacted text, in ring buffers: a phrase is at most
 * MAX_PHRASE_LENGTH long, so checking a candidate never looks further back. Constant memory,
 * one pass, and the scan stops as soon as enough matches are found.
 */
const WINDOW = 256;
const MASK = WINDOW - 1;

class CompactWindow {
  /** Code units of the compacted text. */
  readonly units = new Uint16Array(WINDOW);
  /** Index in the normalised text of each compacted character. */
  readonly origin = new Int32Array(WINDOW);
  /** 1 when separators were removed just before the compacted character. */
  readonly cutBefore = new Uint8Array(WINDOW);
  /** Running count of strict cuts (cuts that are not letter-spacing) up to and including each position. */
  readonly strictCuts = new Int32Array(WINDOW);
  /** Compacted characters seen so far. */
  length = 0;

  isWordAt(position: number): boolean {
    return isWordUnit(this.units[position & MASK]);
  }

  isBoundaryBefore(start: number): boolean {
    return start === 0 || this.cutBefore[start & MASK] === 1 || !this.isWordAt(start - 1);
  }

  /** Valid once the character at `end` (if any) has been added. */
  isBoundaryAfter(end: number): boolean {
    return end >= this.length || this.cutBefore[end & MASK] === 1 || !this.isWordAt(end);
  }

  strictCutAt(position: number): boolean {
    return position > 0 && this.strictCuts[position & MASK] - this.strictCuts[(position - 1) & MASK] === 1;
  }

  /** Strict cuts at positions start+1 … end-1 (strictly inside [start, end)). */
  strictCutsInside(start: number, end: number): number {
    return end - 1 > start ? this.strictCuts[(end - 1) & MASK] - this.strictCuts[start & MASK] : 0;
  }
}

/** Valid once strictCuts is settled up to end-1 and the character at `end` (if any) is known. */
function acceptable(window: CompactWindow, phrase: CompiledPhrase, start: number, end: number): boolean {
  if (start < 0) return false;
  if (phrase.boundaryBefore && !window.isBoundaryBefore(start)) return false;
  if (phrase.boundaryAfter && !window.isBoundaryAfter(end)) return false;
  if (!phrase.strictCuts) return true;
  // Strict cuts inside the match must all be the phrase's own.
  const inside = window.strictCutsInside(start, end);
  if (inside === 0) return true;
  let atPhraseCuts = 0;
  for (const offset of phrase.cuts) if (window.strictCutAt(start + offset)) atPhraseCuts++;
  return inside === atPhraseCuts;
}

/** The span with about CONTEXT_CHARS characters either side, never cutting a surrogate pair. */
export function snippet(normalized: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(normalized.length, end + CONTEXT_CHARS);
  // Never cut a surrogate pair in half.
  if (from > 0 && (normalized.charCodeAt(from) & 0xfc00) === 0xdc00) from--;
  if (to < normalized.length && (normalized.charCodeAt(to - 1) & 0xfc00) === 0xd800) to++;
  return (from > 0 ? '…' : '') + normalized.slice(from, to) + (to < normalized.length ? '…' : '');
}

/** Keeps the first of identical spans and drops spans lying inside a longer one. Input is small (≤ limit). */
function dropContained(matches: PhraseMatch[]): PhraseMatch[] {
  const ordered = matches
    .map((match, index) => ({ match, index }))
    .sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end || a.index - b.index);
  const kept: { match: PhraseMatch; index: number }[] = [];
  let reach = -1;
  for (const item of ordered) {
    if (item.match.end <= reach) continue;
    kept.push(item);
    reach = item.match.end;
  }
  return kept.sort((a, b) => a.index - b.index).map((item) => item.match);
}

export function buildPhraseMatcher(entries: readonly PhraseEntry[]): PhraseMatcher {
  const phrases: CompiledPhrase[] = [];
  const transitions = new Map<number, number>();
  const own: number[][] = [[]];
  for (const entry of entries) {
    const compiledEntry = compilePhrase(entry);
    if (!compiledEntry) continue;
    const index = phrases.length;
    phrases.push(compiledEntry.compiled);
    let state = 0;
    const { compact } = compiledEntry;
    for (let i = 0; i < compact.length; i++) {
      const key = state * ALPHABET + compact.charCodeAt(i);
      let next = transitions.get(key);
      if (next === undefined) {
        next = own.length;
        own.push([]);
        transitions.set(key, next);
      }
      state = next;
    }
    own[state].push(index);
  }

  // Most steps start at the root or see a character no phrase uses; both are answered by a table.
  const rootNext = new Int32Array(ALPHABET);
  const inAlphabet = new Uint8Array(ALPHABET);
  for (const [key, child] of transitions) {
    const code = key % ALPHABET;
    inAlphabet[code] = 1;
    if (key < ALPHABET) rootNext[code] = child;
  }

  // Breadth-first: failure link = longest proper suffix that is also a trie path; the dictionary
  // link skips straight to the next suffix state that ends a phrase.
  const stateCount = own.length;
  const fail = new Int32Array(stateCount);
  const dictionary = new Int32Array(stateCount);
  const children: [number, number][][] = Array.from({ length: stateCount }, () => []);
  for (const [key, child] of transitions) {
    const parent = Math.floor(key / ALPHABET);
    children[parent].push([key - parent * ALPHABET, child]);
  }
  const queue: number[] = [];
  for (const [, child] of children[0]) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    for (const [code, child] of children[state]) {
      let fallback = fail[state];
      let target = transitions.get(fallback * ALPHABET + code);
      while (target === undefined && fallback !== 0) {
        fallback = fail[fallback];
        target = transitions.get(fallback * ALPHABET + code);
      }
      fail[child] = target !== undefined && target !== child ? target : 0;
      dictionary[child] = own[fail[child]].length > 0 ? fail[child] : dictionary[fail[child]];
      queue.push(child);
    }
  }

  // One window per matcher, reused: find() runs to completion synchronously and only reads
  // positions it wrote in the same call, so each call starts from length 0 without clearing.
  const window = new CompactWindow();
  return {
    size: phrases.length,
    find(field: string, normalizedText: string, limit = MATCH_LIMIT): PhraseMatch[] {
      const cap = Math.max(0, Math.min(limit, MATCH_LIMIT));
      if (phrases.length === 0 || cap === 0 || normalizedText.length === 0) return [];
      window.length = 0;
      const { units, origin, cutBefore, strictCuts } = window;
      const found: PhraseMatch[] = [];
      // Phrases ending at the last compacted character; checked one character later, when the
      // character after them (their right boundary) is known.
      const pending: number[] = [];
      let candidates = 0;
      let state = 0;
      let length = 0;
      let pendingCut = false;
      // Letter-spacing bookkeeping, one character behind (see the header comment).
      let previousWord = false;
      let previousLeftOpen = false;
      let beforePreviousSingle = false;
      let strict = 0;

      const checkPending = (end: number) => {
        for (const index of pending) {
          if (found.length >= cap) break;
          const phrase = phrases[index];
          const start = end - phrase.length;
          if (!acceptable(window, phrase, start, end)) continue;
          const from = window.origin[start & MASK];
          const to = window.origin[(end - 1) & MASK] + 1;
          found.push({ phrase: phrase.phrase, category: phrase.category, weight: phrase.weight, field, start: from, end: to, context: snippet(normalizedText, from, to) });
        }
        pending.length = 0;
      };

      for (let i = 0; i < normalizedText.length && found.length < cap && candidates < CANDIDATE_LIMIT; i++) {
        const code = normalizedText.charCodeAt(i);
        const kind = classTable[code] || classify(code);
        if (kind === SEPARATOR) {
          pendingCut = true;
          continue;
        }
        const m = length;
        const cut = pendingCut && m > 0;
        pendingCut = false;
        const word = kind === WORD;
        if (m > 0) {
          // Settle character m-1 now that its right neighbour is known.
          const previousSingle = previousWord && previousLeftOpen && (cut || !word);
          if (cutBefore[(m - 1) & MASK] === 1 && !(beforePreviousSingle && previousSingle)) strict++;
          strictCuts[(m - 1) & MASK] = strict;
          beforePreviousSingle = previousSingle;
        }
        const slot = m & MASK;
        units[slot] = code;
        origin[slot] = i;
        cutBefore[slot] = cut ? 1 : 0;
        previousLeftOpen = m === 0 || cut || !previousWord;
        previousWord = word;
        length = m + 1;
        // Candidates ending just before this character can be judged now that it is known.
        if (pending.length > 0) {
          window.length = length;
          checkPending(m);
        }

        if (!inAlphabet[code]) {
          // No phrase contains this character: every partial match ends here.
          state = 0;
          continue;
        }
        if (state === 0) {
          state = rootNext[code];
        } else {
          let next = transitions.get(state * ALPHABET + code);
          while (next === undefined && state !== 0) {
            state = fail[state];
            next = state === 0 ? rootNext[code] : transitions.get(state * ALPHABET + code);
          }
          state = next ?? 0;
        }
        for (let out = own[state].length > 0 ? state : dictionary[state]; out !== 0 && candidates < CANDIDATE_LIMIT; out = dictionary[out]) {
          for (const index of own[out]) {
            if (++candidates > CANDIDATE_LIMIT) break;
            pending.push(index);
          }
        }
      }
      window.length = length;
      if (length > 0 && found.length < cap) {
        const m = length;
        const lastSingle = previousWord && previousLeftOpen;
        if (cutBefore[(m - 1) & MASK] === 1 && !(beforePreviousSingle && lastSingle)) strict++;
        strictCuts[(m - 1) & MASK] = strict;
        checkPending(m);
      }
      return dropContained(found);
    },
  };
}

const NO_PHRASES: readonly PhraseEntry[] = [];
const policyMatchers = new WeakMap<ResolvedPolicy, WeakMap<readonly PhraseEntry[], PhraseMatcher>>();

/**
 * The matcher for the policy's lure dictionary plus phrases a rule always needs (`alwaysOn`, a
 * constant array), built once per resolved policy and list. Policy phrases come first, so where
 * both lists hold the same phrase the policy's category and weight are reported.
 */
export function lureMatcherFor(policy: ResolvedPolicy, alwaysOn: readonly PhraseEntry[] = NO_PHRASES): PhraseMatcher {
  let byList = policyMatchers.get(policy);
  if (!byList) {
    byList = new WeakMap();
    policyMatchers.set(policy, byList);
  }
  let matcher = byList.get(alwaysOn);
  if (!matcher) {
    matcher = buildPhraseMatcher([...policy.lureKeywords, ...alwaysOn]);
    byList.set(alwaysOn, matcher);
  }
  return matcher;
}

/** Normalised subject and body, as the message view provides them. */
export interface SearchableText {
  readonly subject: string;
  readonly body: string;
}

const messageMatches = new WeakMap<SearchableText, WeakMap<PhraseMatcher, PhraseMatch[]>>();

/**
 * Every phrase of `matcher` in the subject and body, computed once per message view and matcher,
 * so several rules reading different categories of one dictionary share a single scan.
 */
export function findInMessage(matcher: PhraseMatcher, text: SearchableText): readonly PhraseMatch[] {
  let perMatcher = messageMatches.get(text);
  if (!perMatcher) {
    perMatcher = new WeakMap();
    messageMatches.set(text, perMatcher);
  }
  let matches = perMatcher.get(matcher);
  if (!matches) {
    const inSubject = matcher.find('subject', text.subject);
    matches = inSubject.concat(matcher.find('body', text.body, MATCH_LIMIT - inSubject.length));
    perMatcher.set(matcher, matches);
  }
  return matches;
}

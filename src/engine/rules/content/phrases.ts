// The phrases of one message, found once and shared by every wording-based rule.
import type { Evidence } from '../../model';
import type { ResolvedPolicy } from '../../../policy/types';
import type { MessageView } from '../../view';
import { findInMessage, lureMatcherFor, type PhraseEntry, type PhraseMatch } from '../../text/matcher';
import { findIntents } from '../../text/intents';

/**
 * Instructions that make a booby-trapped document run its code. They are always searched for, even
 * when IT replaces the lure dictionary: no legitimate sender needs the reader to lower Office's
 * protection. Policy phrases of category "payload-coaching" are added to these.
 */
export const COACHING_PHRASES: readonly PhraseEntry[] = [
  'enable content',
  'enable editing',
  'enable macros',
  'enable macro',
  'enable the content',
  'enable all content',
  'click enable content',
  'allow macros',
  'enable the macros',
  'コンテンツの有効化',
  'コンテンツを有効',
  '編集を有効',
  'マクロを有効',
  'マクロの有効化',
  '保護ビューを解除',
].map((phrase) => ({ phrase, category: 'payload-coaching', weight: 4 }));

/**
 * Payload coaching comes in two kinds: "enable content/macros", and passwords for an encrypted
 * attachment ("zip password", 「解凍パスワード」). The second is read by protected-archive, which
 * finds the password itself; enable-content-coaching counts only the first.
 */
export function isPasswordCoaching(phrase: string): boolean {
  const folded = phrase.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return folded.includes('password') || folded.includes('パスワード') || folded.includes('passcode');
}

export const CREDENTIAL_CATEGORIES: ReadonlySet<string> = new Set(['credential', 'urgency', 'payment']);
export const COACHING_CATEGORY = 'payload-coaching';
/** Scam wording (advance-fee, prize, extortion, romance): read only by advance-fee-scam, which needs a hiding sender too. */
export const SCAM_CATEGORIES: ReadonlySet<string> = new Set(['advance-fee', 'prize', 'extortion', 'romance']);

const combined = new WeakMap<MessageView, PhraseMatch[]>();

/**
 * Every lure phrase (policy dictionary plus the built-in coaching phrases) and every lure intent
 * (an owned thing and a threat to it, close together) in subject and body; once per message.
 */
export function messagePhrases(policy: ResolvedPolicy, view: MessageView): readonly PhraseMatch[] {
  let matches = combined.get(view);
  if (!matches) {
    matches = [...findInMessage(lureMatcherFor(policy, COACHING_PHRASES), view), ...findIntents(policy, view)];
    combined.set(view, matches);
  }
  return matches;
}

/** One match per distinct phrase (its first occurrence, subject before body). */
export function distinctPhrases(matches: readonly PhraseMatch[]): PhraseMatch[] {
  const seen = new Set<string>();
  const distinct: PhraseMatch[] = [];
  for (const match of matches) {
    const key = match.phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(match);
  }
  return distinct;
}

/** Sum of the weights of distinct phrases: repeating one word does not make a lure stronger. */
export function totalWeight(matches: readonly PhraseMatch[]): number {
  let total = 0;
  for (const match of distinctPhrases(matches)) total += match.weight;
  return total;
}

export function phraseEvidence(match: PhraseMatch): Evidence {
  return { kind: 'phrase', field: match.field, phrase: match.phrase, category: match.category, context: match.context, at: { start: match.start, end: match.end } };
}

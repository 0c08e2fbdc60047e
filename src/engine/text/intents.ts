// Lure intents (src/policy/data/intents.ts): a word naming what the reader owns ("account",
// 「お荷物」, "账户", "계정") within INTENT_WINDOW characters of a word naming what happens to it or
// what is demanded ("suspended", 「不在」, "冻结", "정지"), in either order, in the subject or the body.
// Rephrasing a lure changes its phrases but rarely separates these two ideas by more than a clause.
//
// Cost: one Aho–Corasick pass per field (the phrase matcher, so width, case and spacing variants are
// folded the same way as for phrases), then one linear walk over at most MATCH_LIMIT term matches.
import type { LureIntent, ResolvedPolicy } from '../../policy/types';
import { buildPhraseMatcher, snippet, type PhraseMatch, type PhraseMatcher, type SearchableText } from './matcher';

/**
 * Characters allowed between the two words: a clause ("your account has been temporarily
 * suspended", 「お客様のアカウントは一時的に利用を停止」), not a paragraph.
 */
export const INTENT_WINDOW = 48;
/**
 * Intents are looked for in the first 64 KiB of the body: a notice states its threat near the top,
 * and a second full scan of a megabyte of text would double the cost of the wording rules.
 */
export const INTENT_SCAN_LIMIT = 64 * 1024;

interface Role {
  intent: number;
  object: boolean;
}

interface IntentMatcher {
  matcher: PhraseMatcher;
  roles: Map<string, Role[]>;
  intents: readonly LureIntent[];
}

const NO_INTENTS: readonly LureIntent[] = [];

/**
 * The preference-centre link every commercial mailing carries (CAN-SPAM's opt-out, RFC 8058's
 * one-click unsubscribe, M3AAWG's sender practices): "update your email preferences" is a footer, not
 * a demand about an account. Matched with no role, so the "update your" inside it is dropped (the
 * matcher keeps only the longer of two nested matches) and pairs with nothing.
 */
const FOOTER_TERMS = ['update your preferences', 'update your email preferences', 'update your communication preferences', 'update your subscription preferences'];
const matcherCache = new WeakMap<readonly LureIntent[], IntentMatcher>();

function intentMatcher(intents: readonly LureIntent[]): IntentMatcher {
  let cached = matcherCache.get(intents);
  if (cached) return cached;
  const roles = new Map<string, Role[]>();
  intents.forEach((intent, index) => {
    for (const [terms, object] of [[intent.objects, true], [intent.actions, false]] as const) {
      for (const term of terms) {
        const key = term.normalize('NFKC').toLowerCase();
        const list = roles.get(key) ?? [];
        if (!list.some((role) => role.intent === index && role.object === object)) list.push({ intent: index, object });
        roles.set(key, list);
      }
    }
  });
  // The phrase field carries the term itself, so each match can be mapped back to its roles.
  const matcher = buildPhraseMatcher([...roles.keys(), ...FOOTER_TERMS].map((term) => ({ phrase: term, category: 'intent-term', weight: 0 })));
  cached = { matcher, roles, intents };
  matcherCache.set(intents, cached);
  return cached;
}

function findInField(prepared: IntentMatcher, field: string, text: string, found: Map<number, PhraseMatch>): void {
  if (!text) return;
  const terms = prepared.matcher.find(field, text).sort((a, b) => a.start - b.start);
  // For each intent, where the last object word and the last action word ended.
  const lastObject = new Map<number, PhraseMatch>();
  const lastAction = new Map<number, PhraseMatch>();
  for (const term of terms) {
    for (const role of prepared.roles.get(term.phrase.normalize('NFKC').toLowerCase()) ?? []) {
      if (found.has(role.intent)) continue;
      const partner = (role.object ? lastAction : lastObject).get(role.intent);
      if (partner && partner !== term && term.start - partner.end <= INTENT_WINDOW) {
        const intent = prepared.intents[role.intent];
        const start = Math.min(partner.start, term.start);
        const end = Math.max(partner.end, term.end);
        found.set(role.intent, {
          phrase: `${text.slice(partner.start, partner.end)} … ${text.slice(term.start, term.end)}`,
          category: intent.category,
          weight: intent.weight,
          field,
          start,
          end,
          context: snippet(text, start, end),
          intent: intent.id,
        });
        continue;
      }
      (role.object ? lastObject : lastAction).set(role.intent, term);
    }
  }
}

/** At most one match per intent (its first occurrence, subject before body); computed once per message view. */
const cache = new WeakMap<SearchableText, WeakMap<readonly LureIntent[], PhraseMatch[]>>();

export function findIntents(policy: ResolvedPolicy, text: SearchableText): readonly PhraseMatch[] {
  const intents = policy.lureIntents ?? NO_INTENTS;
  if (intents.length === 0) return [];
  let perList = cache.get(text);
  if (!perList) {
    perList = new WeakMap();
    cache.set(text, perList);
  }
  let matches = perList.get(intents);
  if (!matches) {
    const prepared = intentMatcher(intents);
    const found = new Map<number, PhraseMatch>();
    findInField(prepared, 'subject', text.subject, found);
    findInField(prepared, 'body', text.body.slice(0, INTENT_SCAN_LIMIT), found);
    matches = [...found.values()];
    perList.set(intents, matches);
  }
  return matches;
}

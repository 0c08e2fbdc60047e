// Words spelt with look-alike letters from another script: "Amаzon accоunt is tempоrarily on
// hоld" (Cyrillic а and о among Latin letters), "Соngrаtulаtіоns". The reader sees ordinary words;
// a spam or phishing filter looking for "Amazon" or "account" sees nothing it knows. No writer mixes
// alphabets inside one word by accident: a Russian or Greek text is written in its own letters,
// and a Latin brand inside it stays a separate word ("аккаунт PayPal").
//
// Checked: the subject, the sender's display names and the start of the body. Medium for one
// disguised word; high when several are, or when the disguised word is a known organisation's name.
import type { CharacterNote, Evidence, MailMessage } from '../model';
import type { Rule } from '../rule';
import type { ResolvedPolicy } from '../../policy/types';
import { describeChar, isConfusable, scriptOf, skeleton } from '../text/confusables';
import { codePointLabel } from '../text/normalize';

/** The start of the body is where the disguised lure is; this bounds the work. */
const BODY_PREFIX = 4000;
const VALUE_LIMIT = 1024;
/** Alphabets whose letters pass for Latin ones. */
const LOOKALIKE_SCRIPTS = new Set(['Cyrillic', 'Greek', 'Armenian', 'Cherokee']);
const MAX_WORDS = 5;
const SEVERAL = 3;
/** Runs of letters (with their marks); digits and punctuation separate words. */
const WORD = /[\p{L}\p{M}]{3,40}/gu;

interface DisguisedWord {
  word: string;
  notes: CharacterNote[];
}

/** A word of Latin letters with some look-alikes from another alphabet, or undefined. */
export function disguisedWord(word: string): DisguisedWord | undefined {
  const chars = Array.from(word);
  let latin = 0;
  const notes: CharacterNote[] = [];
  let otherLetters = 0;
  for (let i = 0; i < chars.length; i++) {
    const script = scriptOf(chars[i]);
    if (script === 'Latin') latin++;
    else if (LOOKALIKE_SCRIPTS.has(script)) {
      otherLetters++;
      if (isConfusable(chars[i])) notes.push({ char: chars[i], codePoint: codePointLabel(chars[i]), description: describeChar(chars[i]), index: i });
    }
  }
  // Every foreign letter must be a look-alike: a Cyrillic word with one Latin typo is not a disguise.
  if (latin === 0 || notes.length === 0 || notes.length !== otherLetters) return undefined;
  return { word, notes };
}

/** Letters of the look-alike alphabets (Greek, Cyrillic, Armenian, Cherokee): without one there is nothing to find. */
const LOOKALIKE_RANGE = /[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u13a0-\u13ff]/;
const LATIN_LETTER = /[a-z\u00c0-\u024f]/i;

function disguisedWords(value: string): DisguisedWord[] {
  const found: DisguisedWord[] = [];
  if (!LOOKALIKE_RANGE.test(value)) return found;
  for (const match of value.matchAll(WORD)) {
    // Cheap tests first: most words are all Latin or all another script.
    if (!LOOKALIKE_RANGE.test(match[0]) || !LATIN_LETTER.test(match[0])) continue;
    const disguised = disguisedWord(match[0]);
    if (disguised) found.push(disguised);
    if (found.length >= MAX_WORDS) break;
  }
  return found;
}

const namesCache = new WeakMap<ResolvedPolicy, Set<string>>();

/** Skeletons of known organisations' single-word names ("amazon", "paypal"), for the high case. */
function organizationWords(policy: ResolvedPolicy): Set<string> {
  let names = namesCache.get(policy);
  if (!names) {
    names = new Set(policy.knownOrganizations.flatMap((organization) => organization.names).map((name) => skeleton(name)).filter((name) => /^[a-z]{4,}$/.test(name)));
    namesCache.set(policy, names);
  }
  return names;
}

function fields(message: MailMessage): [string, string][] {
  const result: [string, string][] = [['subject', message.subject.slice(0, VALUE_LIMIT)]];
  if (message.from?.name) result.push(['from.name', message.from.name.slice(0, VALUE_LIMIT)]);
  if (message.sender?.name) result.push(['sender.name', message.sender.name.slice(0, VALUE_LIMIT)]);
  result.push(['body', message.text.slice(0, BODY_PREFIX)]);
  return result;
}

export const mixedScriptWords: Rule = {
  id: 'mixed-script-words',
  title: {
    en: 'Words are spelt with look-alike letters from another alphabet',
    ja: '別の文字体系の「そっくり文字」で綴られた単語があります',
  },
  explanation: {
    en:
      'Some words in this message look normal but mix letters from different alphabets, for example a Cyrillic "а" or "о" ' +
      'inside an English word. Nobody writes like that by accident: it is done so that filters do not recognise words such as ' +
      'a company name or "account". Treat the message as a disguised scam and do not follow its links.',
    ja:
      'このメールには、見た目は普通でも異なる文字体系の文字が混ざった単語があります（例：英単語の中のキリル文字の「а」や「о」）。' +
      '偶然こうなることはなく、会社名や「account」などの語をフィルターに認識させないための偽装です。' +
      '偽装された詐欺メールとして扱い、リンクを開かないでください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy) {
    const evidence: Evidence[] = [];
    const brands = organizationWords(policy);
    let count = 0;
    let brand = false;
    let outsideBody = false;
    for (const [field, value] of fields(message)) {
      for (const disguised of disguisedWords(value)) {
        count++;
        if (field !== 'body') outsideBody = true;
        if (brands.has(skeleton(disguised.word))) brand = true;
        if (evidence.length < MAX_WORDS) evidence.push({ kind: 'characters', field, value: disguised.word, characters: disguised.notes });
      }
    }
    if (count === 0) return undefined;
    const high = brand || (count >= SEVERAL && outsideBody);
    return { evidence, severity: high ? 'high' : 'medium' };
  },
};

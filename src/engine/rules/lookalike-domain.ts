// Look-alike sender domains: mofa.go.jp imitated as mofa-go.jp, mofa.go.com, rnofa.go.jp,
// mofa.go.jp.press-office.com or with a Cyrillic "о"; kaiyo-inst.or.jp as kaiyo-lnst.or.jp.
// The From, Sender and Reply-To domains are compared with every domain the policy vouches for
// (our own, trusted partners, known organisations, protected people's domains).
//
// Techniques, strongest first: homoglyph (same skeleton, incl. punycode and rn→m), one typing
// edit (omission, repetition, transposition, substitution, insertion; labels of 5+ characters
// only, so short names like "mod" don't collide with ordinary words), hyphenation, TLD swap,
// and combo-squatting (the real domain or its name used as part of a longer one). A domain that
// IS one of the legitimate ones, or a subdomain of one, never fires; neither do free-mail providers.
// Combo-squats on a brand's name (not ours, not a ministry) are medium: brands own many domains.
import type { CharacterNote, Evidence } from '../model';
import type { Rule } from '../rule';
import type { ResolvedPolicy } from '../../policy/types';
import type { CanonicalHost } from '../../mail/hosts';
import { skeleton, scriptOf, describeChar } from '../text/confusables';
import { codePointLabel } from '../text/normalize';
import { characterDifferences, classifyEdit, damerauLevenshtein } from '../text/similarity';
import { hostOfAddress, isFreemail, registrableOf } from '../sender/identity';
import { isBrandServiceHost } from '../sender/organizations';
import { isDocumentationDomain, isLegitimateHost, protectedDomains, type ProtectedDomain } from '../sender/protected-domains';
import { ABUSED_TLDS } from './content/links';

/** Shorter labels collide with real, unrelated domains too often for one-edit matching. */
const TYPO_MIN_LABEL = 5;
/**
 * Five-letter labels are dense: kepco and tepco, two power companies, are one letter apart. At this
 * length a substituted letter must be a slip of the finger (a neighbouring key); from six letters
 * any one edit counts.
 */
const FREE_TYPO_LABEL = 6;
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Neighbouring keys on a QWERTY keyboard (same row or the rows above and below, offset by up to one). */
function adjacentKeys(a: string, b: string): boolean {
  const position = (char: string) => {
    for (let row = 0; row < KEYBOARD_ROWS.length; row++) {
      const column = KEYBOARD_ROWS[row].indexOf(char);
      if (column >= 0) return { row, column };
    }
    return undefined;
  };
  const left = position(a);
  const right = position(b);
  return left !== undefined && right !== undefined && Math.abs(left.row - right.row) <= 1 && Math.abs(left.column - right.column) <= 1;
}

/** For a five-letter label, a substitution counts only between neighbouring keys. */
function plausibleTypo(actual: string, expected: string, kind: string): boolean {
  if (expected.length >= FREE_TYPO_LABEL || kind !== 'substitution') return true;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    if (actual[i] !== expected[i]) return adjacentKeys(actual[i], expected[i]);
  }
  return true;
}
/** A brand's name inside a longer domain ("secure-amazon.com") needs 5+ letters; ours and ministries 4+. */
const COMBO_MIN_LABEL = 5;
const COMBO_MIN_LABEL_PROTECTED = 4;

interface Candidate {
  field: string;
  host: CanonicalHost;
}

export interface Resemblance {
  entry: ProtectedDomain;
  technique: string;
  differences: CharacterNote[];
  severity: 'high' | 'medium';
}

/** Parts of a host: its registrable domain in Unicode, the label before the suffix, and tokens. */
interface HostParts {
  unicode: string;
  registrableUnicode: string;
  /** Label of the registrable domain, ASCII and Unicode: "mofa-go" for mofa-go.jp. */
  label: string;
  labelUnicode: string;
  suffix: string;
  /** Host tokens before the public suffix, split on dots and hyphens: mofa.go.com → [mofa, go]. */
  prefixTokens: string[];
  /** For each prefix token, whether it begins a DNS label (after a dot or at the start) rather than after a hyphen. */
  labelStarts: boolean[];
  /** Code point offset of the registrable domain's label in `unicode`. */
  labelOffset: number;
}

function hostParts(host: CanonicalHost): HostParts {
  const registrable = registrableOf(host);
  const suffix = host.publicSuffix && host.publicSuffix !== registrable ? host.publicSuffix : '';
  const label = suffix ? registrable.slice(0, -(suffix.length + 1)) : registrable;
  const unicodeLabels = host.unicode.split('.');
  const registrableLabelCount = registrable.split('.').length;
  const registrableUnicode = unicodeLabels.slice(-registrableLabelCount).join('.');
  const labelUnicode = unicodeLabels.slice(-registrableLabelCount, unicodeLabels.length - (suffix ? suffix.split('.').length : 0)).join('.');
  const prefix = suffix ? host.ascii.slice(0, -(suffix.length + 1)) : host.ascii;
  return {
    unicode: host.unicode,
    registrableUnicode,
    label,
    labelUnicode,
    suffix,
    ...tokenize(prefix),
    labelOffset: Array.from(host.unicode).length - Array.from(registrableUnicode).length,
  };
}

function tokenize(prefix: string): { prefixTokens: string[]; labelStarts: boolean[] } {
  const prefixTokens: string[] = [];
  const labelStarts: boolean[] = [];
  for (const label of prefix.split('.')) {
    label.split('-').forEach((token, position) => {
      if (!token || prefixTokens.length >= 40) return;
      prefixTokens.push(token);
      labelStarts.push(position === 0);
    });
  }
  return { prefixTokens, labelStarts };
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let k = 0; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer;
    return start;
  }
  return -1;
}

/** The host (before its suffix) ends with these tokens, starting at a label boundary: mail.mofa.go, not secure-mofa. */
function endsWithLabels(parts: HostParts, needle: readonly string[]): boolean {
  const haystack = parts.prefixTokens;
  if (needle.length === 0 || needle.length > haystack.length) return false;
  const offset = haystack.length - needle.length;
  return parts.labelStarts[offset] && needle.every((token, k) => haystack[offset + k] === token);
}

function comboSeverity(entry: ProtectedDomain): 'high' | 'medium' {
  return entry.role === 'known-organization' && !entry.government ? 'medium' : 'high';
}

/** Compare one host with the policy's domains; the strongest resemblance found, if any. */
export function findResemblance(host: CanonicalHost, policy: ResolvedPolicy): Resemblance | undefined {
  const index = protectedDomains(policy);
  if (index.entries.length === 0) return undefined;
  const parts = hostParts(host);
  // A configured subdomain (mail.example.or.jp) does not make its own parent domain a look-alike.
  const candidateRegistrable = registrableOf(host);
  const related = (list: readonly ProtectedDomain[] | undefined) => (list ?? []).filter((entry) => entry.registrable !== candidateRegistrable);

  // Homoglyphs: the label reads the same as a protected label but is spelled differently.
  const labelSkeleton = skeleton(parts.labelUnicode);
  for (const entry of related(index.byLabelSkeleton.get(labelSkeleton))) {
    if (parts.labelUnicode === entry.label) continue;
    const punycode = parts.label.startsWith('xn--') || parts.label.includes('.xn--');
    return {
      entry,
      technique: punycode ? 'homoglyph (punycode)' : 'homoglyph',
      differences: characterDifferences(parts.labelUnicode, entry.label, parts.labelOffset),
      severity: 'high',
    };
  }

  const labelLength = parts.label.length;
  for (const entry of related(index.bySuffix.get(parts.suffix))) {
    // Hyphens added or removed: kaiyoinst.or.jp, kaiyo--inst.or.jp.
    if (parts.label !== entry.label && parts.label.replace(/-/g, '') === entry.label.replace(/-/g, '') && entry.label.length >= 3) {
      return { entry, technique: 'hyphenation', differences: characterDifferences(parts.labelUnicode, entry.label, parts.labelOffset), severity: 'high' };
    }
    // One typing edit away, same suffix: kaiyo-lnst.or.jp, amazom.co.jp, mfoa.go.jp (label ≥ 5 only).
    if (entry.label.length >= TYPO_MIN_LABEL && Math.abs(entry.label.length - labelLength) <= 1) {
      const technique = damerauLevenshtein(parts.label, entry.label, 1) === 1 ? classifyEdit(parts.label, entry.label) ?? 'typo' : undefined;
      if (technique && plausibleTypo(parts.label, entry.label, technique)) {
        return {
          entry,
          technique,
          differences: characterDifferences(parts.labelUnicode, entry.label, parts.labelOffset),
          severity: 'high',
        };
      }
    }
  }

  const candidateTld = (parts.suffix || host.ascii).split('.').pop() ?? '';
  // Both checks below need the entry's name among the host's tokens: one set look-up rules most entries out.
  const hostTokens = new Set(parts.prefixTokens);
  for (const entry of index.entries) {
    if (entry.registrable === candidateRegistrable) continue;
    const labelTokens = entry.label.split(/[.-]/).filter(Boolean);
    if (!hostTokens.has(labelTokens[0])) continue;
    const suffixTokens = entry.suffix ? entry.suffix.split('.') : [];
    // TLD swap: the real name with a different ending: mofa.jp, mofa.go.com, mofa-go.jp for mofa.go.jp.
    // Not for a place name (tokyo.lg.jp): "tokyo" under another ending is anyone in Tokyo.
    for (let kept = entry.placeName ? -1 : suffixTokens.length - 1; kept >= 0; kept--) {
      const imitation = [...labelTokens, ...suffixTokens.slice(0, kept)];
      if (kept === 0 && entry.label.length < 4) continue;
      if (parts.suffix !== entry.suffix && endsWithLabels(parts, imitation)) {
        const hyphenated = parts.label.includes('-') && !entry.label.includes('-');
        // A brand under another ending is usually the brand itself (softbank.jp, nomura.com, chase.co.uk);
        // only a cheap ending abused for throw-away domains makes it an imitation (paypal.top).
        if (comboSeverity(entry) === 'medium' && !hyphenated && !ABUSED_TLDS.has(candidateTld)) continue;
        // Brands own many country domains (amazon.de, amazon.co.jp); only ours and ministries' endings are certain.
        return { entry, technique: hyphenated ? 'hyphenation' : 'tld-swap', differences: [], severity: comboSeverity(entry) };
      }
    }
    // The whole real domain inside a longer one: mofa.go.jp.press-office.com, dhl.de.securdeutsh.com.
    if (suffixTokens.length > 0 && indexOfSequence(parts.prefixTokens, [...labelTokens, ...suffixTokens]) >= 0) {
      return { entry, technique: 'combosquat', differences: [], severity: 'high' };
    }
  }

  // The real name as one word of a longer domain: secure-mofa.com, mofa-jp.com, amazon-security.net.
  for (const token of new Set(parts.prefixTokens)) {
    for (const entry of related(index.byToken.get(token))) {
      if (entry.placeName) continue;
      const minimum = entry.role === 'known-organization' && !entry.government ? COMBO_MIN_LABEL : COMBO_MIN_LABEL_PROTECTED;
      const labelTokens = entry.label.split('-');
      // The name as the whole label under another ending is a TLD swap, judged above (softbank.jp is SoftBank's).
      if (entry.label.length < minimum || parts.label === entry.label || indexOfSequence(parts.prefixTokens, labelTokens) < 0) continue;
      return { entry, technique: 'combosquat', differences: [], severity: comboSeverity(entry) };
    }
  }
  return undefined;
}

const LETTER = /\p{L}/u;
/** Scripts that legitimately mix in one Japanese domain label (UTS #39 "highly restrictive"). */
const JAPANESE_MIX = new Set(['Latin', 'Han', 'Hiragana', 'Katakana']);

/** Letters from scripts that should not meet in one label: Latin "paypal" with a Cyrillic "а". */
export function mixedScriptCharacters(unicodeHost: string): CharacterNote[] {
  const notes: CharacterNote[] = [];
  let offset = 0;
  for (const label of unicodeHost.split('.')) {
    const chars = Array.from(label);
    const scripts = new Map<string, number>();
    for (const char of chars) if (LETTER.test(char)) scripts.set(scriptOf(char), (scripts.get(scriptOf(char)) ?? 0) + 1);
    const names = [...scripts.keys()].filter((name) => name !== 'Common' && name !== 'Inherited');
    const mixed = names.length > 1 && !names.every((name) => JAPANESE_MIX.has(name));
    if (mixed) {
      const main = [...scripts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      chars.forEach((char, i) => {
        if (LETTER.test(char) && scriptOf(char) !== main && notes.length < 20) {
          notes.push({ char, codePoint: codePointLabel(char), description: describeChar(char), index: offset + i });
        }
      });
    }
    offset += chars.length + 1;
  }
  return notes;
}

/**
 * The resemblance of a sender or link host to a protected domain, with the exemptions every caller
 * needs: the protected domains themselves and their subdomains, free mail, the brands' own public
 * services (outlook.com, 1drv.ms) and documentation domains imitate nothing.
 */
export function lookalikeOf(host: CanonicalHost, policy: ResolvedPolicy): Resemblance | undefined {
  if (host.isIp || isLegitimateHost(host, policy) || isFreemail(host, policy) || isBrandServiceHost(host, policy) || isDocumentationDomain(host)) return undefined;
  return findResemblance(host, policy);
}

function candidates(message: Parameters<Rule['check']>[0]): Candidate[] {
  const list: Candidate[] = [];
  const add = (field: string, address: string | undefined) => {
    const host = hostOfAddress(address);
    if (host && !host.isIp && !list.some((entry) => entry.host.ascii === host.ascii)) list.push({ field, host });
  };
  add('from.address', message.from?.address);
  add('sender.address', message.sender?.address);
  for (const entry of message.replyTo.slice(0, 5)) add('replyTo.address', entry.address);
  return list;
}

export const lookalikeDomain: Rule = {
  id: 'lookalike-domain',
  title: {
    en: 'The sender’s domain imitates a domain you trust',
    ja: '送信元のドメインが、信頼できるドメインに似せて作られています',
  },
  explanation: {
    en:
      'The address this message came from (or where replies would go) is not the real domain of your organisation, a partner ' +
      'or a well-known organisation, but a copy made to look like it: a changed or swapped letter, a look-alike character from ' +
      'another alphabet, an added word or a different ending. Such domains are registered for attacks. Do not reply or open ' +
      'anything; the differing characters are listed below.',
    ja:
      'このメールの送信元（または返信先）は、自組織・取引先・有名な組織の本物のドメインではなく、それに似せて作られたものです' +
      '（文字の入れ替えや置き換え、別の文字体系のよく似た文字、単語の追加、末尾の違いなど）。このようなドメインは攻撃のために' +
      '取得されます。返信や開封はしないでください。異なる文字を下に示します。',
  },
  severity: 'high',
  category: 'sender',
  technique: 'T1656',
  check(message, policy) {
    const evidence: Evidence[] = [];
    let high = false;
    for (const candidate of candidates(message)) {
      // Documentation domains (example.com, example.co.jp) imitate nothing: nobody can own them.
      if (isLegitimateHost(candidate.host, policy) || isFreemail(candidate.host, policy) || isBrandServiceHost(candidate.host, policy) || isDocumentationDomain(candidate.host)) continue;
      const resemblance = lookalikeOf(candidate.host, policy);
      if (resemblance) {
        evidence.push({
          kind: 'lookalike',
          field: candidate.field,
          domain: candidate.host.unicode,
          resembles: resemblance.entry.domain,
          technique: resemblance.technique,
          differences: resemblance.differences,
        });
        if (resemblance.severity === 'high') high = true;
        continue;
      }
      // Letters from two alphabets in one label are a disguise even when we don't know what is imitated.
      const mixed = mixedScriptCharacters(candidate.host.unicode);
      if (mixed.length > 0) {
        evidence.push({ kind: 'lookalike', field: candidate.field, domain: candidate.host.unicode, resembles: skeleton(candidate.host.unicode), technique: 'mixed-script', differences: mixed });
      }
    }
    if (evidence.length === 0) return undefined;
    return { evidence, severity: high ? 'high' : 'medium' };
  },
};

// Who else writes under this name: the sender-history rule and the pane's mailbox lookup both need to
// tell whether a name in the user's mailbox ("渡辺 隆" <t.watanabe@tiss.or.jp>) is the name this message
// shows ("渡邊 隆" <watanabe.tiss@gmail.com>). Names are compared the way the protected-person rule
// compares them (order, spacing, width, variant kanji, romanisation, look-alike letters) but with no
// typo tolerance: across a whole mailbox, a name one letter apart is usually another person.
//
// Only names that identify a person are compared. Left alone: a single word ("Kenji", "Support"), a
// Japanese name shorter than three characters (a family name alone), a team or company ("Customer
// Support", 「総務課事務局」) and a known organisation's name ("Microsoft Teams"), which
// organization-claim-mismatch checks against the organisation's own domains.
import type { ResolvedPolicy } from '../../policy/types';
import { compactText } from '../text/normalize';
import { isCjk, nameParts, nameTokens } from '../text/names';
import { matchPersonName, prepareSpellings } from '../text/name-match';
import { claimText, mentionsName } from '../text/words';
import { organizationWordIn } from '../rules/organization-name-on-freemail';
import { namedOrganizations } from './organizations';

/** Latin names need a given and a family name; more than four words is a phrase, not a name. */
const MAX_NAME_WORDS = 4;
/** Three characters: 渡辺隆 is a person, 渡辺 alone is half of Japan's Watanabes. */
const MIN_CJK_NAME = 3;

function isPersonName(part: string): boolean {
  const tokens = nameTokens(part);
  if (tokens.length === 0 || tokens.length > MAX_NAME_WORDS) return false;
  if (isCjk(part)) return Array.from(compactText(tokens.join(''))).length >= MIN_CJK_NAME;
  return tokens.filter((token) => /^\p{L}{2,}$/u.test(token)).length >= 2;
}

function namesOrganization(displayName: string, policy: ResolvedPolicy): boolean {
  if (organizationWordIn(displayName)) return true;
  const text = claimText(displayName);
  return namedOrganizations(policy).some((entry) => entry.names.some((name) => mentionsName(text, name)));
}

/** The pieces of a display name that name a person (see the header); none for a team, a brand or a single word. */
export function personNameParts(displayName: string, policy: ResolvedPolicy): string[] {
  if (!displayName.trim() || namesOrganization(displayName, policy)) return [];
  return nameParts(displayName).filter(isPersonName);
}

/**
 * A test for "the same person's name as `displayName`", or undefined when the display name does not
 * name a person (see the header). The test accepts another display name in any of its usual forms.
 */
export function namesakeMatcher(displayName: string, policy: ResolvedPolicy): ((name: string) => boolean) | undefined {
  const parts = personNameParts(displayName, policy);
  if (parts.length === 0) return undefined;
  const spellings = prepareSpellings(parts, { forgiving: false });
  return (name) => name.trim() !== '' && matchPersonName(name, spellings) !== undefined;
}

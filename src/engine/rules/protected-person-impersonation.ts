// Protected person impersonation: the display name is one of the people the policy protects
// (directors, former executives, outside experts the staff correspond with) but the address is
// not theirs. This is the core of MirrorFace-style spear-phishing: a free-mail account named
// after a known researcher writes to a think-tank about a "study group" or an interview.
//
// Matching is deliberately forgiving about spelling (order of family and given name, spaces in
// Japanese names, variant kanji such as 渡邊/渡邉 for 渡辺 and 髙 for 高, Hepburn or Kunrei romaji and
// long vowels (Ohno/Ono, Syun/Shun), full-width letters, titles, honorifics, look-alike letters from
// other scripts, one or two typos in long names) and
// strict about the address: only the person's configured emails and domains, or the
// organisation's own domains, make the name legitimate.
// Sharing and signing services (DocuSign, Google Drive …) that verifiably sent the message under
// the person's name lower it to medium: the service vouches for itself, not for the account name.
// Tuning: add a person's other addresses to `emails`/`domains` when their real mail is flagged.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import type { ProtectedPerson, ResolvedPolicy } from '../../policy/types';
import { isWithinDomains } from '../view';
import { matchPersonName, prepareSpellings, type Spelling } from '../text/name-match';
import { claimedIdentities, isFreemail, isVerifiedPlatform, registrableOf, type ClaimedIdentity } from '../sender/identity';

interface PreparedPerson {
  person: Required<ProtectedPerson>;
  spellings: Spelling[];
  emails: Set<string>;
}

const preparedCache = new WeakMap<ResolvedPolicy, PreparedPerson[]>();

function preparePeople(policy: ResolvedPolicy): PreparedPerson[] {
  const cached = preparedCache.get(policy);
  if (cached) return cached;
  const prepared = policy.protectedPeople.map(
    (person): PreparedPerson => ({
      person,
      spellings: prepareSpellings([person.name, ...person.aliases], { forgiving: true }),
      emails: new Set(person.emails.map((email) => email.toLowerCase())),
    }),
  );
  preparedCache.set(policy, prepared);
  return prepared;
}

function isPersonsAddress(identity: ClaimedIdentity, prepared: PreparedPerson, policy: ResolvedPolicy): boolean {
  const address = identity.address.toLowerCase();
  if (address && prepared.emails.has(address)) return true;
  const host = identity.host?.ascii;
  if (!host) return false;
  // The organisation's own domains are protected by its own DMARC; a namesake colleague is not an impersonator.
  return isWithinDomains(host, prepared.person.domains) || isWithinDomains(host, policy.organizationDomains);
}

function expectedAddresses(person: Required<ProtectedPerson>, policy: ResolvedPolicy): string[] {
  const expected = [...person.emails, ...person.domains];
  return expected.length > 0 ? expected : [...policy.organizationDomains];
}

export const protectedPersonImpersonation: Rule = {
  id: 'protected-person-impersonation',
  title: {
    en: 'The sender uses the name of a person you know, but not their address',
    ja: '知っている人物の名前を使っていますが、その人のアドレスではありません',
  },
  explanation: {
    en:
      'The name shown as the sender matches someone your organisation has asked us to watch for (a colleague, an executive or an ' +
      'expert you work with), but the message was sent from an address that person does not use. Attackers borrow trusted names ' +
      'so that you reply, open an attachment or click a link. Do not do any of these; check with the person through an address ' +
      'or phone number you already know.',
    ja:
      '差出人として表示されている名前は、組織が注意対象として登録している人物（同僚、役員、やり取りのある有識者など）と一致しますが、' +
      'その人物が使っていないアドレスから送信されています。攻撃者は信頼されている名前を借りて、返信や添付ファイルの開封、' +
      'リンクのクリックを促します。これらは行わず、以前から知っているアドレスや電話番号で本人に確認してください。',
  },
  severity: 'high',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    const people = preparePeople(policy);
    if (people.length === 0) return undefined;
    const evidence: Evidence[] = [];
    let onlyThroughPlatforms = true;
    for (const identity of claimedIdentities(message)) {
      // A list that hid the author's address leaves nothing to compare; the list itself is not the impersonator.
      if (!identity.name.trim() || (identity.viaList && !identity.address)) continue;
      for (const prepared of people) {
        const match = matchPersonName(identity.name, prepared.spellings);
        if (!match || isPersonsAddress(identity, prepared, policy)) continue;
        evidence.push({
          kind: 'impersonation',
          field: identity.field,
          value: identity.name,
          claimed: prepared.person.name,
          expected: expectedAddresses(prepared.person, policy),
          actual: identity.address || '(no address)',
          similarity: match.similarity,
        });
        if (isVerifiedPlatform(identity.host, context.view, policy)) {
          evidence.push({
            kind: 'note',
            text: {
              en: 'Sent through a sharing or signing service, which does not check account names',
              ja: 'ファイル共有・電子署名サービスを経由して送信されています（これらのサービスはアカウント名が本人のものか確認しません）。',
            },
          });
        } else {
          onlyThroughPlatforms = false;
        }
        if (isFreemail(identity.host, policy) && identity.host) {
          const domain = registrableOf(identity.host);
          evidence.push({
            kind: 'note',
            text: { en: `Sent from a free webmail account (${domain})`, ja: `無料のWebメール（${domain}）から送信されています。` },
          });
        }
        break;
      }
    }
    if (evidence.length === 0) return undefined;
    return onlyThroughPlatforms ? { evidence, severity: 'medium' } : { evidence };
  },
};

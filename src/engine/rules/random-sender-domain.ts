// The sender's domain is a random string: "zmau42cdk83iftmucnoavnqel28t.com", "r4wbt6mshvx1.com".
// Bulk phishing registers throw-away domains by the thousand with generated names; no organisation
// picks a name nobody can say, type or remember. Low on its own: it adds up with other signs.
//
// What it must leave alone: short names and acronyms (ietf.org, dmtf.org, kddi.com), internationalised
// domains (xn--…), and words of languages with long consonant clusters: a name only counts as random
// when it is long and almost without vowels, or when letters and digits alternate again and again.
import type { Rule } from '../rule';
import { registrableOf } from '../sender/identity';

/** Shorter names are acronyms or words; randomness needs length to show. */
const MIN_LENGTH = 8;
/** Vowels (with y) in real names: rarely under one letter in five. */
const MIN_VOWEL_SHARE = 0.2;
/** Letter/digit changes in a generated name ("r4wbt6mshvx1" has 4). */
const MIN_DIGIT_SWITCHES = 4;

/** Why the label looks generated, or undefined when it looks like a name. */
export function randomness(label: string): { en: string; ja: string } | undefined {
  if (label.startsWith('xn--')) return undefined;
  const name = label.replace(/-/g, '').slice(0, 253);
  if (name.length < MIN_LENGTH) return undefined;
  const letters = name.replace(/[^a-z]/g, '');
  const vowels = letters.replace(/[^aeiouy]/g, '').length;
  let switches = 0;
  for (let i = 1; i < name.length; i++) if (/\d/.test(name[i]) !== /\d/.test(name[i - 1])) switches++;
  if (switches >= MIN_DIGIT_SWITCHES && name.length - letters.length >= 3) {
    return { en: `"${label}" mixes letters and digits like a generated code`, ja: `「${label}」は、自動生成されたコードのように文字と数字が入り混じっています。` };
  }
  if (letters.length >= MIN_LENGTH && vowels / letters.length < MIN_VOWEL_SHARE) {
    return { en: `"${label}" has almost no vowels: it is not a name anyone chose to be read`, ja: `「${label}」には母音がほとんどなく、読める名前として選ばれたものではありません。` };
  }
  return undefined;
}

export const randomSenderDomain: Rule = {
  id: 'random-sender-domain',
  title: {
    en: 'The sender’s domain is a random string',
    ja: '差出人のドメイン名が無作為な文字列です',
  },
  explanation: {
    en:
      'The domain in the sender’s address looks machine-generated rather than chosen by an organisation. Bulk scams register ' +
      'throw-away domains like this by the thousand. It matters together with other signs.',
    ja:
      '差出人アドレスのドメイン名が、組織が選んだ名前ではなく機械的に生成されたもののように見えます。大量の詐欺メールは、このような使い捨てドメインを大量に取得して送信します。' +
      '他の兆候と組み合わさった場合に意味を持ちます。',
  },
  severity: 'low',
  category: 'sender',
  check(_message, _policy, context) {
    const host = context.view.fromHost;
    if (!host || host.isIp || !host.registrable) return undefined;
    const registrable = registrableOf(host);
    const suffix = host.publicSuffix && host.publicSuffix !== registrable ? host.publicSuffix : '';
    const label = suffix ? registrable.slice(0, -(suffix.length + 1)) : registrable;
    const reason = randomness(label);
    if (!reason) return undefined;
    return { evidence: [{ kind: 'header', name: 'From', value: host.unicode, meaning: reason }] };
  },
};

// The sender's domain is a random string: "zmau42cdk83iftmucnoavnqel28t.com", "r4wbt6mshvx1.com",
// or a generated label in front of a name ("dwzhckip.news.example", "asdhbsvjldmopsfjij4.shop.example").
// Bulk phishing registers throw-away domains by the thousand with generated names, or makes a fresh
// subdomain per campaign; no organisation picks a name nobody can say, type or remember. Low on its
// own: it adds up with other signs.
//
// What it must leave alone: short names and acronyms (ietf.org, dmtf.org, kddi.com), internationalised
// domains (xn--…), and words of languages with long consonant clusters: a name only counts as random
// when it is long and almost without vowels, or when letters and digits alternate again and again.
// Labels in front of the registrable name are read piece by piece between hyphens, so that words
// joined to a short code ("tracking-dhl", "mail-ab12") stay names, and for missing vowels only (their letters are read):
// mail systems' own host names mix letters and digits ("mr21p30im-asmtp001") without being random.
import type { Rule } from '../rule';
import { registrableOf } from '../sender/identity';
import { randomLabel } from '../text/random-string';

/** Host names have at most 127 labels; more is not read. */
const MAX_LABELS = 127;

/** Why a label in front of the registrable domain looks generated, read piece by piece between hyphens. */
function subdomainPieces(host: string, registrable: string): { en: string; ja: string } | undefined {
  if (host === registrable || !host.endsWith('.' + registrable)) return undefined;
  for (const label of host.slice(0, -(registrable.length + 1)).split('.').slice(0, MAX_LABELS)) {
    for (const piece of label.split('-')) {
      // Letters only: without digits, randomLabel's vowel test is the one that can answer.
      const reason = randomLabel(piece.replace(/[^a-z]/g, ''));
      if (reason) return reason;
    }
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
    const reason = randomLabel(label) ?? subdomainPieces(host.ascii, registrable);
    if (!reason) return undefined;
    return { evidence: [{ kind: 'header', name: 'From', value: host.unicode, meaning: reason }] };
  },
};

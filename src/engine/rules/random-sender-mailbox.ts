// The mailbox name is letters in random case: "pfRppobjlplHtsF@duty.example", "OjFzRsV@…",
// Return-Path "PqmIwZjO@slave.example". Bulk senders generate a fresh mailbox for every message so
// that no filter can learn it; people and companies choose names someone can read or type.
// Low on its own: it adds up with other signs.
//
// What it must leave alone: names in camel case ("TetherTeam", "McQuirk", "iPhoneNews", "DeltaAirLines"),
// acronyms ("MSNBCNews", "FOXSportsFLASH"), and the bounce addresses of mailing services, which
// are generated too but as encoded identifiers mixing digits ("bounces+1234-ab12@…",
// "Online#3.19725.55-A8YAgb1NX5rYkdRR.1@…"): a name with any digit is such an identifier and is
// not read; otherwise each piece between separators is, and one needs at least two case pieces
// that are no word at all ("GQVbc|RBBd", "pf|Rppobjlpl|Hts|F").
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { randomCaseStretch } from '../text/random-case';

function localPart(address: string | undefined): string {
  const at = (address ?? '').lastIndexOf('@');
  return at > 0 ? (address ?? '').slice(0, at) : '';
}

export const randomSenderMailbox: Rule = {
  id: 'random-sender-mailbox',
  title: {
    en: 'The sender’s mailbox name is random letters',
    ja: '差出人のアドレスの名前部分が無作為な文字列です',
  },
  explanation: {
    en:
      'The part of the sender’s address before "@" is a jumble of capital and small letters that no person or company would choose. ' +
      'Bulk scams generate a new address like this for every message so that filters cannot learn it. It matters together with other signs.',
    ja:
      '差出人アドレスの「@」より前の部分が、人や企業が選ぶとは思えない大文字と小文字の無作為な並びです。大量の詐欺メールは、' +
      'フィルターに学習されないよう、このようなアドレスを1通ごとに生成します。他の兆候と組み合わさった場合に意味を持ちます。',
  },
  severity: 'low',
  category: 'sender',
  check(message) {
    const evidence: Evidence[] = [];
    const places: [string, string | undefined][] = [
      ['From', message.from?.address],
      ['Return-Path', message.returnPath],
    ];
    for (const [name, address] of places) {
      const stretch = randomCaseStretch(localPart(address));
      if (!stretch) continue;
      evidence.push({
        kind: 'header',
        name,
        value: address ?? '',
        meaning: { en: `"${stretch}" is letters in random case, generated rather than chosen`, ja: `「${stretch}」は大文字と小文字が無作為に並んだ、生成された文字列です。` },
      });
    }
    return evidence.length > 0 ? { evidence } : undefined;
  },
};

// The mailbox name is letters in random case: "pfRppobjlplHtsF@duty.example", "OjFzRsV@…",
// Return-Path "PqmIwZjO@slave.example", or a Sender line behind a readable From ("QRBXLMK" <pTzKwQe@…>). Bulk senders generate a fresh mailbox for every message so
// that no filter can learn it; people and companies choose names someone can read or type.
// The same goes for lower-case noise beside real words: "report-ppvguaohyzdqqtvec@…",
// "zwbfyifxdjp.customer-service@…": two clusters of four consonants in one ten-letter piece, which
// no language strings together. Low on its own: it adds up with other signs.
//
// What it must leave alone: names in camel case ("TetherTeam", "McQuirk", "iPhoneNews", "DeltaAirLines"),
// acronyms ("MSNBCNews", "FOXSportsFLASH"), and the bounce addresses of mailing services, which
// are generated too but as encoded identifiers mixing digits ("bounces+1234-ab12@…",
// "Online#3.19725.55-A8YAgb1NX5rYkdRR.1@…"): a name with any digit is such an identifier and is
// not read; otherwise each piece between separators is, and one needs at least two case pieces
// that are no word at all ("GQVbc|RBBd", "pf|Rppobjlpl|Hts|F"). Names joined without a separator
// ("markschwartz", "krzysztofnowak") have at most one long consonant cluster.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { consonantNoise, randomCaseStretch } from '../text/random-string';

function localPart(address: string | undefined): string {
  const at = (address ?? '').lastIndexOf('@');
  return at > 0 ? (address ?? '').slice(0, at) : '';
}

/** What makes the mailbox name generated, or undefined when it reads as a name. */
function generatedMeaning(local: string): { en: string; ja: string } | undefined {
  const stretch = randomCaseStretch(local);
  if (stretch) return { en: `"${stretch}" is letters in random case, generated rather than chosen`, ja: `「${stretch}」は大文字と小文字が無作為に並んだ、生成された文字列です。` };
  const noise = consonantNoise(local);
  if (noise) return { en: `"${noise}" is a string of letters no one could read, generated rather than chosen`, ja: `「${noise}」は読むことのできない文字の並びで、生成された文字列です。` };
  return undefined;
}

export const randomSenderMailbox: Rule = {
  id: 'random-sender-mailbox',
  title: {
    en: 'The sender’s mailbox name is random letters',
    ja: '差出人のアドレスの名前部分が無作為な文字列です',
  },
  explanation: {
    en:
      'The part of the sender’s address before "@" is a jumble of letters (often capital and small mixed) that no person or company would choose. ' +
      'Bulk scams generate a new address like this for every message so that filters cannot learn it. It matters together with other signs.',
    ja:
      '差出人アドレスの「@」より前の部分が、人や企業が選ぶとは思えない（多くは大文字と小文字の混じった）無作為な文字の並びです。大量の詐欺メールは、' +
      'フィルターに学習されないよう、このようなアドレスを1通ごとに生成します。他の兆候と組み合わさった場合に意味を持ちます。',
  },
  severity: 'low',
  category: 'sender',
  check(message) {
    const evidence: Evidence[] = [];
    const places: [string, string | undefined][] = [
      ['From', message.from?.address],
      ['Sender', message.sender?.address],
      ['Return-Path', message.returnPath],
    ];
    for (const [name, address] of places) {
      const meaning = generatedMeaning(localPart(address));
      if (meaning) evidence.push({ kind: 'header', name, value: address ?? '', meaning });
    }
    return evidence.length > 0 ? { evidence } : undefined;
  },
};

// The message could not be read in full: parts nested deeper than the MIME library follows, a
// header section larger than it accepts, boundaries that never close, more parts than are listed.
// Real mail clients and mail systems write none of these; they are how a message hides its payload
// from scanners (nest invoice.pdf.exe under 300 empty multiparts and a parser that gives up sees a
// clean, empty message). Our own walker still lists and examines what it could reach (mail/mime-walk.ts),
// and this rule makes sure that a message we could not fully read never comes out clean: it alone
// makes the verdict at least suspicious.
//
// What it must leave alone: messages the source never provided in full (Outlook without attachment
// bytes, mobile without headers): those are "not checked" (MissingPart), not a property of the message.
import type { Evidence, IncompleteReason, LocalizedText } from '../model';
import type { Rule } from '../rule';

const MEANING: Readonly<Record<IncompleteReason, LocalizedText>> = {
  'mime-depth': {
    en: 'Parts of the message are nested deeper than mail programs normally go',
    ja: 'メールの部品が、通常のメールソフトではありえない深さまで入れ子になっています。',
  },
  'header-size': {
    en: 'A header section is far larger than real mail ever needs',
    ja: 'ヘッダー部分が、通常のメールではありえないほど大きくなっています。',
  },
  'mime-structure': {
    en: 'The dividers between the parts of the message are missing or broken',
    ja: 'メールの部品どうしの区切りが欠けているか、壊れています。',
  },
  'part-limit': {
    en: 'The message has more parts or attachments than could be examined',
    ja: '検査できる数を超える部品や添付ファイルが含まれています。',
  },
  'parser-error': {
    en: 'The message is malformed in a way the mail reader could not follow',
    ja: 'メールの形式が壊れており、読み取れない部分があります。',
  },
};

export const unreadableMessage: Rule = {
  id: 'unreadable-message',
  title: {
    en: 'This message could not be fully read',
    ja: 'このメールは最後まで読み取れませんでした',
  },
  explanation: {
    en:
      'Lure Lens could not read every part of this message, because it is built in a way real mail programs never build messages. ' +
      'Attackers do this to hide an attachment or a link from security checks. What could be read is shown in the other findings, ' +
      'but something may be missing: do not open its attachments or links, and report it if you were not expecting it.',
    ja:
      'このメールは通常のメールソフトでは作られない形で組み立てられているため、Lure Lensはすべての部分を読み取れませんでした。' +
      '攻撃者は添付ファイルやリンクをセキュリティ検査から隠すためにこの手口を使います。読み取れた範囲は他の検出結果に示していますが、' +
      '見落としがあるかもしれません。添付ファイルやリンクは開かず、心当たりがなければ報告してください。',
  },
  // High: alone it makes the verdict suspicious, so an unreadable message never comes out clean.
  severity: 'high',
  category: 'structure',
  technique: 'T1027',
  check(message) {
    const reasons = message.incomplete ?? [];
    if (reasons.length === 0) return undefined;
    const evidence: Evidence[] = [...new Set(reasons)].slice(0, 5).map((reason) => ({ kind: 'note', text: MEANING[reason] ?? MEANING['parser-error'] }));
    return { evidence };
  },
};

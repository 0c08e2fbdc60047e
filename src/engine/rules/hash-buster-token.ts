// A token of random letters in the subject or an attachment's name: "Notificação - Valores a Receber -
// qWrUAngJaLJzBndSE", "GO.Get.Bitcoin.0.7495.BTCwkS9HOxBaj6TeHJUKYMScs24gJigILcOkRvO.pdf",
// "sJswLOJPwC6Ql4337.pdf". Bulk senders add a fresh token to every copy (a "hash buster") so that
// filters that recognise a campaign by its subject or by its attachment's name or hash see every
// message as new. People name files and write subjects in words, dates and order numbers.
// Low on its own: it adds up with other signs.
//
// What it must leave alone: invoice, order and ticket numbers ("NP00X10383838", "INV-2024-0042"),
// camel-case product names ("PowerPoint", "iPhone"), acronyms, dates, camera and scanner file names
// ("IMG_1234", "DSC00123", "scan0001"), lower-case hexadecimal identifiers: none of them is letters
// in random case (text/random-case.ts).
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { generatedToken } from '../text/random-string';
import { ATTACHMENT_LIMIT, fileAttachments } from './content/attachments';

/** The extension is not part of the name a person would choose. */
function stem(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

export const hashBusterToken: Rule = {
  id: 'hash-buster-token',
  title: {
    en: 'The subject or an attachment name carries a random token',
    ja: '件名または添付ファイル名に無作為な文字列が含まれています',
  },
  explanation: {
    en:
      'The subject or the name of an attached file contains a jumble of capital and small letters that no person would type. ' +
      'Mass mailings add a fresh jumble to every copy so that filters cannot recognise the campaign. It matters together with other signs.',
    ja:
      '件名または添付ファイル名に、人が入力するとは思えない大文字と小文字の無作為な並びが含まれています。' +
      '大量送信されるメールは、フィルターに同じキャンペーンだと気づかれないよう、1通ごとに新しい文字列を付けます。他の兆候と組み合わさった場合に意味を持ちます。',
  },
  severity: 'low',
  category: 'structure',
  check(message) {
    const evidence: Evidence[] = [];
    const inSubject = generatedToken(message.subject);
    if (inSubject) {
      evidence.push({
        kind: 'header',
        name: 'Subject',
        value: message.subject.slice(0, 200),
        meaning: { en: `"${inSubject}" is letters in random case, generated for this copy`, ja: `「${inSubject}」は、このメールのために生成された無作為な文字列です。` },
      });
    }
    for (const attachment of fileAttachments(message.attachments).slice(0, ATTACHMENT_LIMIT)) {
      const token = generatedToken(stem(attachment.name));
      if (!token) continue;
      evidence.push({
        kind: 'attachment',
        name: attachment.name,
        contentType: attachment.contentType,
        reason: { en: `the file name carries "${token}", letters in random case generated for this copy`, ja: `ファイル名に、このメールのために生成された無作為な文字列「${token}」が含まれています。` },
      });
      break;
    }
    return evidence.length > 0 ? { evidence } : undefined;
  },
};

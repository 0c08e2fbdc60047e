// A token of random letters in the subject or an attachment's name: "Notificação - Valores a Receber -
// tKzOmPbRvYhXcQdWe", "GO.Get.Bitcoin.0.3120.BTCpR7mZtQa2XwLbN8yKcVe4dHjSf9GuIoTnBqA.pdf",
// "sJswLOJPwC6Ql4337.pdf". Bulk senders add a fresh token to every copy (a "hash buster") so that
// filters that recognise a campaign by its subject or by its attachment's name or hash see every
// message as new. People name files and write subjects in words, dates and order numbers.
// The same filler hides in the HTML, where the reader never sees it: a tag stuffed with dozens of
// made-up empty attributes (<a href="" 7d2e90ab="" c4f1="" 96be="" …>, <id= wexplorvbn="" …>) changes
// every copy's fingerprint and drowns the words a filter reads. No editor or mailing service writes a
// tag with ten empty attributes.
// Low on its own: it adds up with other signs.
//
// What it must leave alone: invoice, order and ticket numbers ("NP00X10383838", "INV-2024-0042"),
// camel-case product names ("PowerPoint", "iPhone"), acronyms, dates, camera and scanner file names
// ("IMG_1234", "DSC00123", "scan0001"), lower-case hexadecimal identifiers: none of them is letters
// in random case (text/random-case.ts). In HTML: empty alt="" and class="" (a few per tag), and a
// style attribute broken by a quote inside it (font-family: "Arial Black" read as arial="" black",=""),
// whose fragments keep their CSS punctuation and are not counted.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { generatedToken } from '../text/random-string';
import { ATTACHMENT_LIMIT, fileAttachments } from './content/attachments';

/** The extension is not part of the name a person would choose. */
function stem(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

/** Empty attributes in one tag: more than any editor writes (real tags hold at most a few). */
const JUNK_ATTRIBUTES = 10;
/** The HTML read for junk attributes: filler sits in the template, near the top. */
const HTML_SCAN_LIMIT = 512 * 1024;
/** One tag (no '<' or '>' inside), bounded so a missing '>' cannot make one match span the document. */
const TAG = /<[a-z][^<>]{0,20000}>/gi;
/** An empty attribute whose name is a plain token (CSS fragments such as font-size:="" keep their punctuation). */
const EMPTY_ATTRIBUTE = /\s[^\s"'<>=:;,?()]{1,80}=""/g;

/** The first tag stuffed with junk attributes, and how many it holds. */
export function junkAttributeTag(html: string): { tag: string; count: number } | undefined {
  const text = html.slice(0, HTML_SCAN_LIMIT);
  // Most HTML has no ten empty attributes at all: skip it without a regex.
  let empties = 0;
  for (let at = text.indexOf('=""'); at >= 0 && empties < JUNK_ATTRIBUTES; at = text.indexOf('=""', at + 3)) empties++;
  if (empties < JUNK_ATTRIBUTES) return undefined;
  for (const match of text.matchAll(TAG)) {
    const count = match[0].match(EMPTY_ATTRIBUTE)?.length ?? 0;
    if (count >= JUNK_ATTRIBUTES) return { tag: match[0], count };
  }
  return undefined;
}

export const hashBusterToken: Rule = {
  id: 'hash-buster-token',
  title: {
    en: 'The subject, an attachment name or the HTML carries random filler',
    ja: '件名・添付ファイル名・HTMLに無作為な文字列が含まれています',
  },
  explanation: {
    en:
      'The subject or the name of an attached file contains a jumble of capital and small letters that no person would type, or the ' +
      'message’s formatting is stuffed with made-up filler you cannot see. Mass mailings add fresh filler to every copy so that filters ' +
      'cannot recognise the campaign. It matters together with other signs.',
    ja:
      '件名または添付ファイル名に、人が入力するとは思えない大文字と小文字の無作為な並びが含まれているか、メールの書式データに目に見えない無意味な文字列が詰め込まれています。' +
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
    const junk = message.html ? junkAttributeTag(message.html) : undefined;
    if (junk) {
      evidence.push({
        kind: 'header',
        name: 'HTML',
        value: junk.tag.length > 200 ? junk.tag.slice(0, 200) + '…' : junk.tag,
        meaning: {
          en: `one tag carries ${junk.count} empty attributes with made-up names, filler the reader never sees`,
          ja: `1つのタグに、意味のない名前の空の属性が${junk.count}個含まれています（受信者には見えない詰め物です）。`,
        },
      });
    }
    return evidence.length > 0 ? { evidence } : undefined;
  },
};

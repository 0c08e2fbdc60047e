// File names built to show a harmless type while really being another: "report.pdf.exe",
// "資料.docx\u3000.lnk" (an ideographic space before the real extension), names padded with many spaces
// so the real extension falls out of view, and names containing a right-to-left override that makes
// "invoice‮fdp.exe" display as "invoiceexe.pdf". There is no honest reason for any of these.
import type { Evidence, LocalizedText } from '../model';
import type { Rule } from '../rule';
import { normalizeText } from '../text/normalize';
import { ATTACHMENT_LIMIT, displayName, fileAttachments, hasBidiControl, realExtension, riskOfExtension, stemOf } from './content/attachments';
import { joinReasons } from './content/reasons';

/** Types people expect to open safely; shown as the decoy extension. */
const DECOY_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'rtf', 'csv', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff',
  'mp3', 'mp4', 'wav', 'avi', 'mov', 'zip', 'rar', '7z', 'hwp', 'jtd', 'odt', 'ods', 'xml', 'htm', 'html', 'eml', 'msg', 'ics',
]);
/** This much blank space before the extension only serves to hide it. */
const PADDING = 5;

/** White space (any kind, incl. ideographic) and underscores at the end of the value. */
function countTrailingBlanks(value: string): number {
  let count = 0;
  for (let i = value.length - 1; i >= 0; i--) {
    const char = value[i];
    if (char !== '_' && char.trim() !== '') break;
    count++;
  }
  return count;
}

export const doubleExtension: Rule = {
  id: 'double-extension',
  title: {
    en: 'Attachment name disguises its real type',
    ja: '添付ファイル名が本当の種類を偽装している',
  },
  explanation: {
    en: 'An attachment\'s name is built to look like a harmless document while it is really another kind of file, for example "report.pdf.exe" or a name with many spaces or hidden characters that push the real type out of view. Nobody does this by accident. Do not open it; report the message.',
    ja: '添付ファイル名が、無害な文書に見えるよう細工されていますが、実際は別の種類のファイルです（例：「report.pdf.exe」、多数の空白や見えない文字で本当の拡張子を隠した名前）。偶然このような名前になることはありません。開かずにこのメールを報告してください。',
  },
  severity: 'high',
  category: 'attachments',
  technique: 'T1566.001',
  check(message, policy) {
    const evidence: Evidence[] = [];
    for (const attachment of fileAttachments(message.attachments).slice(0, ATTACHMENT_LIMIT)) {
      const name = attachment.name;
      if (!name) continue;
      const real = realExtension(name);
      const reasons: LocalizedText[] = [];
      if (hasBidiControl(name)) {
        reasons.push({
          en: `name contains a character that reverses how it is displayed; the real type is .${real || '(none)'}`,
          ja: `名前に表示の向きを逆にする文字が含まれています。本当の種類は${real ? `「.${real}」` : '拡張子なし'}です。`,
        });
      }
      const risky = riskOfExtension(real, policy) !== undefined;
      if (risky) {
        const rawStem = stemOf(name);
        const trailingBlank = countTrailingBlanks(rawStem);
        // The decoy is read the way a person reads it: full-width dots and letters count.
        const normalizedStem = normalizeText(rawStem);
        const stem = normalizedStem.slice(0, normalizedStem.length - countTrailingBlanks(normalizedStem));
        const decoy = /\.([a-z0-9]{2,5})$/.exec(stem)?.[1];
        if (decoy && decoy !== real && DECOY_EXTENSIONS.has(decoy)) reasons.push({ en: `looks like .${decoy} but is really .${real}`, ja: `「.${decoy}」に見えますが、実際は「.${real}」のファイルです。` });
        else if (trailingBlank >= PADDING) reasons.push({ en: `${trailingBlank} blank characters push the real type (.${real}) out of view`, ja: `${trailingBlank}個の空白で、本当の種類（.${real}）が見えない位置に押し出されています。` });
      }
      if (reasons.length > 0) {
        evidence.push({ kind: 'attachment', name: displayName(attachment), contentType: attachment.contentType, reason: joinReasons(reasons) });
      }
    }
    return evidence.length > 0 ? { evidence } : undefined;
  },
};

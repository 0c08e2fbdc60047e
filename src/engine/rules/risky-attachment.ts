// Attachments whose type can run code or fake a sign-in page: programs, scripts, shortcuts (.lnk),
// disk images (.iso/.img/.vhd, which hide their contents from mail scanning), HTML applications,
// OneNote and help files (high); macro-enabled Office files, web pages and SVG images (medium).
// The type is read from the name, the declared content type and, when the bytes are available,
// the bytes themselves (an "invoice.pdf" that starts with "MZ" is a program). ZIP and RAR archives
// are listed from their directories, without unpacking, to find a shortcut or script inside.
// Tuning: policy.riskyExtensions adds extensions (reported as medium unless built in as high).
import type { Evidence, LocalizedText, Severity } from '../model';
import type { Rule } from '../rule';
import {
  attachmentFacts,
  ATTACHMENT_LIMIT,
  displayName,
  fileAttachments,
  realExtension,
  riskOfContentType,
  riskOfExtension,
  riskOfSniffed,
  type Danger,
} from './content/attachments';
import { joinReasons } from './content/reasons';

const SNIFFED_LABEL: Record<string, LocalizedText> = {
  executable: { en: 'a Windows program', ja: 'Windowsのプログラム' },
  'disk-image': { en: 'a disk image', ja: 'ディスクイメージ' },
  shortcut: { en: 'a Windows shortcut', ja: 'Windowsのショートカット' },
  chm: { en: 'a compiled help file', ja: 'ヘルプファイル（CHM）' },
  onenote: { en: 'a OneNote notebook', ja: 'OneNoteのノートブック' },
  html: { en: 'a web page', ja: 'Webページ' },
  svg: { en: 'an SVG image that can contain scripts', ja: 'スクリプトを含められるSVG画像' },
};

const MAX_EVIDENCE = 10;
const MAX_INNER_NAMES = 3;

function worse(a: Danger | undefined, b: Danger | undefined): Danger | undefined {
  return a === 'runs-code' || b === 'runs-code' ? 'runs-code' : a ?? b;
}

export const riskyAttachment: Rule = {
  id: 'risky-attachment',
  title: {
    en: 'Attachment of a dangerous file type',
    ja: '危険な種類の添付ファイル',
  },
  explanation: {
    en: 'An attachment is a kind of file that can run programs on your computer or imitate a sign-in page: for example a program, script, shortcut, disk image, macro-enabled Office file or web page. Business partners almost never need to send these. Do not open it; report the message, and if you expected a file from this person, ask them to share it another way.',
    ja: '添付ファイルが、パソコン上でプログラムを実行したり、ログイン画面を偽装したりできる種類のファイルです（プログラム、スクリプト、ショートカット、ディスクイメージ、マクロ付きOfficeファイル、Webページなど）。取引先がこのようなファイルを送る必要はほとんどありません。開かずにこのメールを報告し、ファイルを待っていた場合は別の方法で共有してもらってください。',
  },
  severity: 'high',
  category: 'attachments',
  technique: 'T1566.001',
  check(message, policy) {
    const evidence: Evidence[] = [];
    let severity: Severity | undefined;
    for (const attachment of fileAttachments(message.attachments).slice(0, ATTACHMENT_LIMIT)) {
      const facts = attachmentFacts(attachment);
      const reasons: LocalizedText[] = [];
      let danger: Danger | undefined;
      const byName = riskOfExtension(facts.extension, policy);
      if (byName) reasons.push({ en: `.${facts.extension} file`, ja: `「.${facts.extension}」形式のファイルです。` });
      danger = worse(danger, byName);
      const byType = riskOfContentType(attachment.contentType);
      if (byType && !byName) {
        const declared = attachment.contentType.split(';', 1)[0].trim();
        reasons.push({ en: `declared as ${declared}`, ja: `ファイルの種類（Content-Type）が「${declared}」と指定されています。` });
      }
      danger = worse(danger, byType);
      const bySniff = riskOfSniffed(facts.sniffed);
      if (bySniff && bySniff !== byName) {
        const label = SNIFFED_LABEL[facts.sniffed ?? ''] ?? { en: String(facts.sniffed), ja: String(facts.sniffed) };
        const named = facts.extension ? `.${facts.extension}` : '(none)';
        const namedJa = facts.extension ? `「.${facts.extension}」` : '拡張子なし';
        reasons.push(
          byName
            ? { en: `content is ${label.en}`, ja: `中身は${label.ja}です。` }
            : { en: `named ${named} but the content is ${label.en}`, ja: `名前は${namedJa}ですが、中身は${label.ja}です。` },
        );
      }
      danger = worse(danger, bySniff);
      if (facts.hasMacros) {
        reasons.push({ en: 'Office file containing macros', ja: 'マクロを含むOfficeファイルです。' });
        danger = worse(danger, 'needs-help');
      }
      if (facts.archive) {
        const inner = facts.archive.names
          .map((name) => ({ name, risk: riskOfExtension(realExtension(name.split('/').pop() ?? name), policy) }))
          .filter((entry) => entry.risk);
        if (inner.length > 0) {
          const shown = inner.slice(0, MAX_INNER_NAMES).map((entry) => entry.name).join(', ');
          const more = inner.length - MAX_INNER_NAMES;
          reasons.push({
            en: `archive contains ${shown}${more > 0 ? ` and ${more} more` : ''}`,
            ja: `圧縮ファイルの中に${shown}${more > 0 ? `など（ほか${more}件）` : ''}が入っています。`,
          });
          danger = inner.reduce<Danger | undefined>((acc, entry) => worse(acc, entry.risk), danger);
        }
        // What opened entries really are (content/archives.ts inspectZip): names that lie, macros, nested archives.
        for (const entry of (facts.archive.inspected ?? []).slice(0, MAX_INNER_NAMES)) {
          if (entry.sniffed && riskOfSniffed(entry.sniffed)) {
            const label = SNIFFED_LABEL[entry.sniffed] ?? { en: entry.sniffed, ja: entry.sniffed };
            reasons.push({ en: `${entry.name} inside the archive is ${label.en}`, ja: `圧縮ファイル内の${entry.name}の中身は${label.ja}です。` });
            danger = worse(danger, riskOfSniffed(entry.sniffed));
          } else if (entry.macros) {
            reasons.push({ en: `${entry.name} inside the archive is an Office file containing macros`, ja: `圧縮ファイル内の${entry.name}はマクロを含むOfficeファイルです。` });
            danger = worse(danger, 'needs-help');
          } else if (entry.inner) {
            const risky = entry.inner.filter((name) => riskOfExtension(realExtension(name.split('/').pop() ?? name), policy));
            if (risky.length) {
              reasons.push({ en: `${entry.name} inside the archive holds ${risky.slice(0, MAX_INNER_NAMES).join(', ')}`, ja: `圧縮ファイル内の${entry.name}の中に${risky.slice(0, MAX_INNER_NAMES).join('、')}が入っています。` });
              danger = risky.reduce<Danger | undefined>((acc, name) => worse(acc, riskOfExtension(realExtension(name.split('/').pop() ?? name), policy)), danger);
            }
          }
        }
      }
      if (!danger) continue;
      const level: Severity = danger === 'runs-code' ? 'high' : 'medium';
      severity = severity === 'high' || level === 'high' ? 'high' : 'medium';
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({ kind: 'attachment', name: displayName(attachment), contentType: attachment.contentType, reason: joinReasons(reasons) });
      }
    }
    return severity ? { severity, evidence } : undefined;
  },
};

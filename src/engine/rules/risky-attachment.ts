// Attachments whose type can run code or fake a sign-in page: programs, scripts, shortcuts (.lnk),
// disk images (.iso/.img/.vhd, which hide their contents from mail scanning), HTML applications,
// OneNote and help files (high); macro-enabled Office files, web pages and SVG images (medium).
// The type is read from the name, the declared content type and, when the bytes are available,
// the bytes themselves (an "invoice.pdf" that starts with "MZ" is a program). ZIP and RAR archives
// are listed from their directories, without unpacking, to find a shortcut or script inside.
// Tuning: policy.riskyExtensions adds extensions (reported as medium unless built in as high).
import type { Evidence, Severity } from '../model';
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

const SNIFFED_LABEL: Record<string, string> = {
  executable: 'a Windows program',
  'disk-image': 'a disk image',
  shortcut: 'a Windows shortcut',
  chm: 'a compiled help file',
  onenote: 'a OneNote notebook',
  html: 'a web page',
  svg: 'an SVG image that can contain scripts',
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
      const reasons: string[] = [];
      let danger: Danger | undefined;
      const byName = riskOfExtension(facts.extension, policy);
      if (byName) reasons.push(`.${facts.extension} file`);
      danger = worse(danger, byName);
      const byType = riskOfContentType(attachment.contentType);
      if (byType && !byName) reasons.push(`declared as ${attachment.contentType.split(';', 1)[0].trim()}`);
      danger = worse(danger, byType);
      const bySniff = riskOfSniffed(facts.sniffed);
      if (bySniff && bySniff !== byName) {
        const label = SNIFFED_LABEL[facts.sniffed ?? ''] ?? facts.sniffed;
        reasons.push(byName ? `content is ${label}` : `named .${facts.extension || '(none)'} but the content is ${label}`);
      }
      danger = worse(danger, bySniff);
      if (facts.hasMacros) {
        reasons.push('Office file containing macros');
        danger = worse(danger, 'needs-help');
      }
      if (facts.archive) {
        const inner = facts.archive.names
          .map((name) => ({ name, risk: riskOfExtension(realExtension(name.split('/').pop() ?? name), policy) }))
          .filter((entry) => entry.risk);
        if (inner.length > 0) {
          const shown = inner.slice(0, MAX_INNER_NAMES).map((entry) => entry.name).join(', ');
          reasons.push(`archive contains ${shown}${inner.length > MAX_INNER_NAMES ? ` and ${inner.length - MAX_INNER_NAMES} more` : ''}`);
          danger = inner.reduce<Danger | undefined>((acc, entry) => worse(acc, entry.risk), danger);
        }
      }
      if (!danger) continue;
      const level: Severity = danger === 'runs-code' ? 'high' : 'medium';
      severity = severity === 'high' || level === 'high' ? 'high' : 'medium';
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({ kind: 'attachment', name: displayName(attachment), contentType: attachment.contentType, reason: reasons.join('; ') });
      }
    }
    return severity ? { severity, evidence } : undefined;
  },
};

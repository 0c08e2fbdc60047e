// What an attached web page does when opened, read from its source without running it: posts a
// form, redirects, sends data from a script, or assembles hidden content (HTML smuggling).
// Every search is a bounded regular expression or a linear scan over the first MiB.
import type { Evidence, LocalizedText, MailAttachment } from '../../model';
import { canonicalHost, type CanonicalHost } from '../../../mail/hosts';
import { ATTACHMENT_LIMIT, attachmentFacts, fileAttachments } from './attachments';
import { clip, parseWebUrl } from './links';

const PAGE_LIMIT = 1 << 20;
/** Encoded text this long, decoded by script, is a file being smuggled past the mail filter. */
const SMUGGLED_BLOB = 4000;
const PAGE_EXTENSIONS = new Set(['html', 'htm', 'shtml', 'xhtml', 'svg', 'svgz', 'mht', 'mhtml']);

export function isWebPage(attachment: MailAttachment): boolean {
  const facts = attachmentFacts(attachment);
  return PAGE_EXTENSIONS.has(facts.extension) || facts.sniffed === 'html' || facts.sniffed === 'svg';
}

function hostOf(url: string): string {
  const parsed = parseWebUrl(url);
  return parsed ? parsed.hostname : clip(url, 80);
}

function longestBase64Run(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const base64 = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2f || code === 0x3d;
    run = base64 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** Reasons an attached page is a phishing page; empty for ordinary pages and when there are no bytes. */
export function webPageBehaviour(attachment: MailAttachment): LocalizedText[] {
  if (!attachment.content || !isWebPage(attachment)) return [];
  const page = new TextDecoder('utf-8').decode(attachment.content.subarray(0, PAGE_LIMIT)).toLowerCase();
  const reasons: LocalizedText[] = [];
  const form = /<form\b[^>]{0,500}?action\s*=\s*["']?(https?:\/\/[^"'\s>]{1,300})/.exec(page);
  if (form) reasons.push({ en: `attached page sends what you type to ${hostOf(form[1])}`, ja: `添付のページは、入力した内容を${hostOf(form[1])}に送信します。` });
  const refresh = /<meta\b[^>]{0,300}?http-equiv\s*=\s*["']?refresh[^>]{0,300}?url\s*=\s*["']?(https?:\/\/[^"'\s>]{1,300})/.exec(page);
  const scripted = /location(?:\.href)?\s*=\s*["'`](https?:\/\/[^"'`\s]{1,300})|location\.(?:replace|assign)\(\s*["'`](https?:\/\/[^"'`\s]{1,300})/.exec(page);
  const target = refresh?.[1] ?? scripted?.[1] ?? scripted?.[2];
  if (target) reasons.push({ en: `attached page redirects to ${hostOf(target)}`, ja: `添付のページは、開くと${hostOf(target)}に移動します。` });
  const sends = /\b(?:fetch|\.open)\(\s*(?:["'`]post["'`]\s*,\s*)?["'`](https?:\/\/[^"'`\s]{1,300})/.exec(page);
  if (sends && !form) reasons.push({ en: `attached page's script sends data to ${hostOf(sends[1])}`, ja: `添付のページのスクリプトが、${hostOf(sends[1])}にデータを送信します。` });
  if (page.includes('atob(') && longestBase64Run(page) >= SMUGGLED_BLOB) reasons.push({ en: 'attached page assembles hidden content from encoded text (HTML smuggling)', ja: '添付のページは、符号化された文字列から隠れたファイルを組み立てます（HTMLスマグリング）。' });
  if (reasons.length > 0 && /type\s*=\s*["']?password/.test(page)) reasons.push({ en: 'attached page asks for a password', ja: '添付のページはパスワードの入力を求めます。' });
  return reasons;
}

const PDF_SCAN_LIMIT = 1 << 20;
const PDF_LINK_LIMIT = 20;

/**
 * Link targets written in an attached PDF's link annotations (/URI (…) or /URI <hex>), from the
 * uncompressed part of the file: phishing PDFs are often one big "View document" button. Links
 * inside compressed object streams are not read (that would need decompression).
 */
export function pdfLinks(attachment: MailAttachment): string[] {
  // Three rules ask about the same attachment for each message: read its bytes once.
  const known = pdfLinksRead.get(attachment);
  if (known) return known;
  const links = readPdfLinks(attachment);
  pdfLinksRead.set(attachment, links);
  return links;
}

const pdfLinksRead = new WeakMap<MailAttachment, string[]>();

/** A link written in an attached PDF: no link text, the file it sits in instead. */
export interface PdfLink {
  pdf: MailAttachment;
  /** The PDF's name as shown (clipped). */
  name: string;
  href: string;
  host: CanonicalHost | undefined;
}

/** The links written in the message's attached PDFs, file by file (bounded by ATTACHMENT_LIMIT and PDF_LINK_LIMIT). */
export function pdfLinksOf(attachments: readonly MailAttachment[]): PdfLink[] {
  const found: PdfLink[] = [];
  for (const pdf of fileAttachments(attachments).slice(0, ATTACHMENT_LIMIT)) {
    const name = clip(pdf.name, 60);
    for (const href of pdfLinks(pdf)) {
      const url = parseWebUrl(href);
      found.push({ pdf, name, href, host: url ? canonicalHost(url.hostname) : undefined });
    }
  }
  return found;
}

/**
 * The link text given for a link in an attached PDF (which has none of its own), for readers of the
 * evidence that do not know `attachment`; the pane, console and CLI show the file from `attachment`.
 */
export function pdfLinkText(name: string): string {
  return `(link in ${name})`;
}

/** Evidence for a link in an attached PDF. */
export function pdfLinkEvidence(link: Pick<PdfLink, 'name' | 'href'>, host: string, reason: LocalizedText): Evidence {
  return { kind: 'link', text: pdfLinkText(link.name), attachment: link.name, href: clip(link.href), host, reason };
}

function readPdfLinks(attachment: MailAttachment): string[] {
  const content = attachment.content;
  if (!content || attachmentFacts(attachment).sniffed !== 'pdf') return [];
  const end = Math.min(content.length, PDF_SCAN_LIMIT);
  const links: string[] = [];
  for (let at = 0; at + 5 < end && links.length < PDF_LINK_LIMIT; at++) {
    // "/URI"
    if (content[at] !== 0x2f || content[at + 1] !== 0x55 || content[at + 2] !== 0x52 || content[at + 3] !== 0x49) continue;
    let cursor = at + 4;
    while (cursor < end && (content[cursor] === 0x20 || content[cursor] === 0x0a || content[cursor] === 0x0d)) cursor++;
    let value = '';
    if (content[cursor] === 0x28) {
      // Literal string: backslash escapes, ends at the first unescaped ")".
      for (cursor++; cursor < end && value.length < 2000; cursor++) {
        const byte = content[cursor];
        if (byte === 0x29) break;
        if (byte === 0x5c && cursor + 1 < end) {
          cursor++;
          const escaped = content[cursor];
          value += escaped === 0x6e ? '\n' : escaped === 0x72 ? '\r' : escaped === 0x74 ? '\t' : String.fromCharCode(escaped);
          continue;
        }
        value += String.fromCharCode(byte);
      }
    } else if (content[cursor] === 0x3c) {
      // Hex string.
      let hex = '';
      for (cursor++; cursor < end && content[cursor] !== 0x3e && hex.length < 4000; cursor++) hex += String.fromCharCode(content[cursor]);
      const digits = hex.replace(/[^0-9a-f]/gi, '');
      for (let i = 0; i + 1 < digits.length; i += 2) value += String.fromCharCode(parseInt(digits.slice(i, i + 2), 16));
    }
    at = cursor - 1; // the loop's increment moves past what was read
    if (/^https?:\/\//i.test(value.trim())) links.push(value.trim());
  }
  return links;
}

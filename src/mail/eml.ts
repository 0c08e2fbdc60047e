// Raw RFC 5322 mail (.eml) -> MailMessage. postal-mime does the MIME tree (bodies, transfer
// encodings, attachments); the top-level header section we read ourselves from the bytes, because
// Japanese mail puts raw Shift_JIS / EUC-JP / ISO-2022-JP in headers, encoded words are often
// broken, and rules need every header field in order. Whatever arrives, this never throws: broken
// parts degrade to what could be read.
import PostalMime from 'postal-mime';
import type { Attachment as PostalAttachment, Email } from 'postal-mime';
import type { HeaderField, IncompleteReason, MailAddress, MailAttachment, MailMessage } from '../engine/model';
import { decodeBytes } from './charset';
import { attachmentName, decodeEncodedWords, decodeHeaderBytes, findHeaderEnd, parseAddressList, parseHeaderBlock } from './headers';
import { readBodies } from './bodies';
import { parseParameters, walkMime } from './mime-walk';
import { findForwarded } from './forwarded';
import { isMailSystemReport } from './delivery-report';

export { decodeEncodedWords, parseAddressList, parseHeaderBlock } from './headers';

/** MIME parts nested deeper than this are not parsed by postal-mime; our own walker (mime-walk.ts) then reads the message. */
export const MAX_MIME_DEPTH = 256;
/** Attachments listed per message; more is itself suspicious and the rest adds nothing. */
export const MAX_ATTACHMENTS = 1000;
/**
 * Part delimiters postal-mime is given at most: it spends about 0.1 ms per part, so a 1.4 MB run of
 * empty parts held the service's event loop for 16 s. Real mail stays far below; beyond it our own
 * linear walker reads the message and says it was not read in full.
 */
const MAX_LIBRARY_DELIMITERS = MAX_ATTACHMENTS;
/** Header bytes postal-mime accepts across all parts. */
const MAX_HEADER_BYTES = 8 * 1024 * 1024;

export type EmlInput = Uint8Array | ArrayBuffer | string;

export function emptyMessage(): MailMessage {
  return { replyTo: [], to: [], cc: [], subject: '', headers: [], text: '', links: [], attachments: [], missing: [] };
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // instanceof fails across realms (jest sandboxes, iframes); the tag does not.
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

function toBytes(input: unknown): Uint8Array {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (isArrayBuffer(input)) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Uint8Array(0);
}

/** Drops what comes before the first header: a UTF-8 BOM, blank lines, an mbox "From " line. */
function skipPreamble(bytes: Uint8Array): Uint8Array {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.length && (bytes[start] === 0x0d || bytes[start] === 0x0a)) start++;
  if (bytes[start] === 0x46 && bytes[start + 1] === 0x72 && bytes[start + 2] === 0x6f && bytes[start + 3] === 0x6d && bytes[start + 4] === 0x20) {
    // "From sender date" (mbox), not "From : name <address>" (a header with space before the colon).
    let after = start + 5;
    while (bytes[after] === 0x20 || bytes[after] === 0x09) after++;
    if (bytes[after] !== 0x3a) {
      const newline = bytes.indexOf(0x0a, start);
      start = newline < 0 ? bytes.length : newline + 1;
    }
  }
  return start === 0 ? bytes : bytes.subarray(start);
}

function firstValue(headers: readonly HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const header of headers) if (header.name.toLowerCase() === lower) return header.value;
  return undefined;
}

function allValues(headers: readonly HeaderField[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter((header) => header.name.toLowerCase() === lower).map((header) => header.value);
}

function addressesOf(headers: readonly HeaderField[], name: string): MailAddress[] {
  const result: MailAddress[] = [];
  for (const value of allValues(headers, name)) {
    for (const address of parseAddressList(value)) result.push(address);
  }
  return result;
}

function removeComments(value: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

// Zone names Date.parse does not know but Japanese and Asian mail uses.
const ZONE_OFFSETS: Record<string, string> = {
  JST: '+0900', KST: '+0900', HKT: '+0800', SGT: '+0800', CST8: '+0800', AEST: '+1000', AEDT: '+1100',
  CET: '+0100', CEST: '+0200', BST: '+0100', UTC: '+0000', UT: '+0000', Z: '+0000',
};

/** ISO 8601 when the Date header parses, else the header as written (trimmed); undefined when absent. */
export function parseMailDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = removeComments(value.slice(0, 300)).replace(/\s+/g, ' ').trim();
  if (!cleaned) return undefined;
  const attempts = [cleaned, cleaned.replace(/\b([A-Z]{1,4}\d?)$/, (zone) => ZONE_OFFSETS[zone] ?? zone)];
  for (const attempt of attempts) {
    const ms = Date.parse(attempt);
    if (!Number.isNaN(ms)) {
      try {
        return new Date(ms).toISOString();
      } catch {
        break;
      }
    }
  }
  return cleaned;
}

function contentTypeOf(headers: readonly HeaderField[]): { type: string; charset?: string } {
  const value = firstValue(headers, 'Content-Type') ?? '';
  const type = value.split(';', 1)[0].trim().toLowerCase();
  const charset = /charset\s*=\s*"?([^";\s]{1,40})/i.exec(value)?.[1];
  return { type, charset };
}

function toUint8(content: PostalAttachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  if (isArrayBuffer(content)) return new Uint8Array(content);
  if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
  return new Uint8Array(0);
}

function toAttachments(attachments: readonly PostalAttachment[]): MailAttachment[] {
  const result: MailAttachment[] = [];
  // More than MAX_ATTACHMENTS is reported by parseBodies as 'part-limit'.
  for (const attachment of attachments.slice(0, MAX_ATTACHMENTS)) {
    const content = toUint8(attachment.content);
    const contentType = (attachment.mimeType || 'application/octet-stream').toLowerCase();
    const entry: MailAttachment = {
      name: attachmentName(attachment.filename, contentType, content),
      contentType,
      size: content.byteLength,
      content,
    };
    if (attachment.disposition === 'inline' || attachment.related) entry.inline = true;
    result.push(entry);
  }
  return result;
}

interface Bodies {
  text?: string;
  html?: string;
  attachments: MailAttachment[];
  incomplete: IncompleteReason[];
}

/** What made postal-mime give up, from its error message; anything else is a parser error. */
/** Thrown before the library is called for a body with more parts than it should be given. */
class PartLimitError extends Error {}

function reasonOf(error: unknown): IncompleteReason {
  if (error instanceof PartLimitError) return 'part-limit';
  const text = error instanceof Error ? error.message : String(error);
  if (/nesting depth/i.test(text)) return 'mime-depth';
  if (/header size/i.test(text)) return 'header-size';
  return 'parser-error';
}

/**
 * A multipart whose boundary is missing or never appears has no parts to hide anything in: the
 * library then gives an empty body, so the raw body is read as text instead (truncated bounces do this).
 */
function unusableBoundary(bytes: Uint8Array, headers: readonly HeaderField[], bodyStart: number): boolean {
  const { main, params } = parseParameters(firstValue(headers, 'Content-Type') ?? '');
  if (!main.startsWith('multipart/')) return false;
  const boundary = params.get('boundary');
  if (!boundary) return true;
  const needle = new TextEncoder().encode('--' + boundary);
  for (let at = bytes.indexOf(0x2d, bodyStart); at >= 0; at = bytes.indexOf(0x2d, at + 1)) {
    let match = true;
    for (let k = 1; k < needle.length && match; k++) match = bytes[at + k] === needle[k];
    if (match) return false;
  }
  return true;
}

/** The part of a top-level body postal-mime could not use, read as text so nothing is lost. */
function rawBodyText(bytes: Uint8Array, bodyStart: number, charset: string | undefined): string {
  // Line ends as postal-mime gives them, so both paths produce the same text.
  return decodeBytes(bytes.subarray(bodyStart), charset).replace(/\r\n?/g, '\n');
}

/** Whether the body has more lines starting with "--" (part delimiters) than `limit`; stops counting there. */
function moreDelimitersThan(bytes: Uint8Array, bodyStart: number, limit: number): boolean {
  let count = 0;
  for (let at = Math.max(bodyStart - 1, 0); at < bytes.length - 2; at++) {
    if (bytes[at] === 0x0a && bytes[at + 1] === 0x2d && bytes[at + 2] === 0x2d && ++count > limit) return true;
  }
  return false;
}

async function parseBodies(bytes: Uint8Array, headers: readonly HeaderField[], bodyStart: number): Promise<Bodies> {
  const contentType = contentTypeOf(headers);
  let parsed: Email;
  try {
    if (contentType.type.startsWith('multipart/') && moreDelimitersThan(bytes, bodyStart, MAX_LIBRARY_DELIMITERS)) throw new PartLimitError();
    parsed = await PostalMime.parse(bytes, {
      maxNestingDepth: MAX_MIME_DEPTH,
      maxHeadersSize: MAX_HEADER_BYTES,
      attachmentEncoding: 'arraybuffer',
      // A message/rfc822 part with no Content-Disposition is an attached original (Apple Mail, digests):
      // listed as an attachment, mail/forwarded.ts reads it with its own headers instead of losing them in our text.
      rfc822Attachments: true,
    });
  } catch (error) {
    // Too deep, too many header bytes, or a parser bug: our own tolerant walker reads what it can
    // (attachments included), and the message says it was not read in full.
    const walked = walkMime(bytes, headers, bodyStart, MAX_ATTACHMENTS);
    const incomplete = [...new Set<IncompleteReason>([reasonOf(error), ...walked.incomplete])];
    if (walked.text === undefined && walked.html === undefined && walked.attachments.length === 0) {
      const text = rawBodyText(bytes, bodyStart, contentType.charset);
      return contentType.type === 'text/html' ? { html: text, attachments: [], incomplete } : { text, attachments: [], incomplete };
    }
    return { text: walked.text, html: walked.html, attachments: walked.attachments, incomplete };
  }
  let text = typeof parsed.text === 'string' ? parsed.text : undefined;
  let html = typeof parsed.html === 'string' ? parsed.html : undefined;
  // A single-part body with no (or a plainly wrong ASCII) charset label that is not UTF-8 comes out
  // as replacement characters; read the raw bytes again with a guessed charset, as mail clients do.
  const transfer = (firstValue(headers, 'Content-Transfer-Encoding') ?? '').trim().toLowerCase();
  const undeclared = !contentType.charset || /ascii/i.test(contentType.charset);
  const unencoded = transfer === '' || transfer === '7bit' || transfer === '8bit' || transfer === 'binary';
  if (undeclared && unencoded && !contentType.type.startsWith('multipart/')) {
    if (text && text.indexOf('\ufffd') >= 0) text = rawBodyText(bytes, bodyStart, undefined);
    if (html && html.indexOf('\ufffd') >= 0) html = rawBodyText(bytes, bodyStart, undefined);
  }
  const attachments = Array.isArray(parsed.attachments) ? parsed.attachments : [];
  const incomplete: IncompleteReason[] = [];
  if (attachments.length > MAX_ATTACHMENTS) incomplete.push('part-limit');
  if (!text && !html && attachments.length === 0 && unusableBoundary(bytes, headers, bodyStart)) text = rawBodyText(bytes, bodyStart, contentType.charset);
  return { text, html, attachments: toAttachments(attachments), incomplete };
}

function sameAddress(a: MailAddress | undefined, b: MailAddress | undefined): boolean {
  return (a?.address ?? '').toLowerCase() === (b?.address ?? '').toLowerCase();
}

function returnPathOf(headers: readonly HeaderField[]): string | undefined {
  const value = firstValue(headers, 'Return-Path');
  if (value === undefined) return undefined;
  const address = parseAddressList(value)[0]?.address ?? value.replace(/[<>\s]/g, '');
  // "<>" is the null sender of bounces: there is no envelope address to report.
  return address || undefined;
}

/** Fills `message` step by step, so a failure late on keeps everything read before it. */
async function parseInto(message: MailMessage, raw: Uint8Array): Promise<void> {
  const bytes = skipPreamble(raw);
  const { headerEnd, bodyStart } = findHeaderEnd(bytes);
  const headerBytes = bytes.subarray(0, headerEnd);
  let headers = parseHeaderBlock(decodeHeaderBytes(headerBytes));
  const declaredCharset = contentTypeOf(headers).charset;
  // Raw 8-bit headers are usually in the body's charset: decode again when the body names a Japanese one.
  if (declaredCharset && /jis|euc|932/i.test(declaredCharset) && headerBytes.some((byte) => byte >= 0x80)) {
    headers = parseHeaderBlock(decodeHeaderBytes(headerBytes, declaredCharset));
  }

  message.headers = headers;
  const from = addressesOf(headers, 'From')[0];
  if (from) message.from = from;
  const sender = addressesOf(headers, 'Sender')[0];
  if (sender && sender.address && !sameAddress(sender, from)) message.sender = sender;
  message.replyTo = addressesOf(headers, 'Reply-To');
  const returnPath = returnPathOf(headers);
  if (returnPath) message.returnPath = returnPath;
  message.to = addressesOf(headers, 'To');
  message.cc = addressesOf(headers, 'Cc');
  message.subject = decodeEncodedWords(firstValue(headers, 'Subject') ?? '').trim();
  const date = parseMailDate(firstValue(headers, 'Date'));
  if (date) message.date = date;
  const messageId = firstValue(headers, 'Message-ID')?.trim();
  if (messageId) message.messageId = messageId;

  const bodies = await parseBodies(bytes, headers, bodyStart);
  Object.assign(message, readBodies(bodies.html, bodies.text ?? ''));
  message.attachments = bodies.attachments;
  if (bodies.incomplete.length) message.incomplete = bodies.incomplete;
}

/** parseEml for a message found `depth` forwards deep. */
async function parseAt(input: EmlInput, depth: number): Promise<MailMessage> {
  const message = emptyMessage();
  try {
    await parseInto(message, toBytes(input));
    // A delivery, read or abuse report returns a message (usually our own): not a message to us.
    if (!isMailSystemReport(message)) {
      const forwarded = await findForwarded(message, (bytes, next) => parseAt(bytes, next), depth);
      if (forwarded.length) message.forwarded = forwarded;
    }
  } catch {
    // Keep what was read; every field already holds a well-formed value.
  }
  return message;
}

/**
 * Parses a raw message. Never throws and never rejects: malformed input yields the best message
 * that could be read, and input that is not mail at all yields a mostly empty one. `missing` is
 * always empty: an .eml carries headers, body and attachment content. Forwarded originals
 * (attached or inline) are read too, bounded (mail/forwarded.ts).
 */
export async function parseEml(input: EmlInput): Promise<MailMessage> {
  return parseAt(input, 0);
}

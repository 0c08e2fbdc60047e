// Rebuilding an .eml from an Outlook item's parts, for hosts without getAsFileAsync (before Mailbox
// 1.14). The result is a standard MIME message: the original header block (minus the fields that
// described the original body structure), text and HTML bodies as multipart/alternative, and every
// attachment Outlook will hand out, all inside multipart/mixed. What could not be recovered is named in
// X-Lure-Lens-Rebuilt-Note fields so the analyst knows the copy is incomplete.
import { base64Encode, utf8Encode } from './encoding';
import { parseHeaderBlock } from './headers';
import { newBoundary } from './ids';
import type { ItemAttachmentInfo, ReportItem } from './item';
import {
  CRLF,
  boundaryIsFree,
  fileNameParameter,
  foldedHeader,
  formatAddress,
  formatDate,
  headerSafe,
  isPrintableAscii,
  multipart,
  safeContentType,
  serializePart,
  textPart,
  unstructuredHeader,
  wrapBase64,
  type MimePart,
} from './mime';

/** Fields that described the original body; ours replaces them. */
const STRUCTURE_FIELDS = new Set(['content-type', 'content-transfer-encoding', 'mime-version', 'content-disposition']);
/** More attachments than this is not a real message; the rest are named in a note instead. */
const MAX_ATTACHMENTS = 250;

export interface RebuiltEml {
  /** The rebuilt message, base64. */
  eml: string;
  /** What could not be included (English, for the analyst). */
  notes: string[];
}

export class ItemUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ItemUnreadableError';
  }
}

async function settle<T>(promise: () => Promise<T>): Promise<T | undefined> {
  try {
    return await promise();
  } catch {
    return undefined;
  }
}

function headerBlockOf(item: ReportItem, original: string | undefined, notes: string[]): string[] {
  const lines: string[] = [];
  const fields = original ? parseHeaderBlock(original) : [];
  const present = new Set(fields.map((field) => field.name.toLowerCase()));
  for (const field of fields) {
    const lower = field.name.toLowerCase();
    if (STRUCTURE_FIELDS.has(lower)) {
      if (lower === 'content-type' && isPrintableAscii(field.value)) {
        lines.push(foldedHeader('X-Lure-Lens-Original-Content-Type', field.value));
      }
      continue;
    }
    // A raw 8-bit subject is re-encoded so the header block stays ASCII (RFC 2047).
    if (lower === 'subject' && !isPrintableAscii(field.value)) lines.push(unstructuredHeader('Subject', field.value));
    else lines.push(field.raw);
  }
  if (fields.length === 0) notes.push('Original header block unavailable; headers were recreated from the item properties.');
  if (!present.has('from') && item.from) lines.push(foldedHeader('From', formatAddress(item.from)));
  if (!present.has('sender') && item.sender && item.from && item.sender.address.toLowerCase() !== item.from.address.toLowerCase()) {
    lines.push(foldedHeader('Sender', formatAddress(item.sender)));
  }
  if (!present.has('to') && item.to.length) lines.push(foldedHeader('To', item.to.map(formatAddress).join(', ')));
  if (!present.has('cc') && item.cc.length) lines.push(foldedHeader('Cc', item.cc.map(formatAddress).join(', ')));
  if (!present.has('subject')) lines.push(unstructuredHeader('Subject', item.subject));
  if (!present.has('date') && item.date && !Number.isNaN(item.date.getTime())) lines.push(`Date: ${formatDate(item.date)}`);
  if (!present.has('message-id') && item.internetMessageId) {
    lines.push(foldedHeader('Message-ID', headerSafe(item.internetMessageId).trim()));
  }
  lines.push('MIME-Version: 1.0');
  lines.push('X-Lure-Lens-Rebuilt: yes (Outlook could not provide the original; rebuilt from the item parts)');
  return lines;
}

function attachmentHeaders(info: ItemAttachmentInfo, contentType: string, fileName: string): string[] {
  const disposition = info.isInline ? 'inline' : 'attachment';
  return [
    `Content-Type: ${contentType};${CRLF} ${fileNameParameter('name', fileName, true)}`,
    `Content-Disposition: ${disposition};${CRLF} ${fileNameParameter('filename', fileName)}`,
  ];
}

const BASE64_TEXT = /^[A-Za-z0-9+/=\s]*$/;

async function attachmentPart(item: ReportItem, info: ItemAttachmentInfo, notes: string[]): Promise<MimePart | undefined> {
  const label = headerSafe(info.name).slice(0, 200) || info.id;
  const content = await settle(() => item.getAttachmentContent(info.id));
  if (!content) {
    notes.push(`Attachment could not be retrieved: ${label}`);
    return undefined;
  }
  switch (content.format) {
    case 'base64':
      if (!BASE64_TEXT.test(content.content)) {
        notes.push(`Attachment content was not valid base64: ${label}`);
        return undefined;
      }
      return {
        headers: [...attachmentHeaders(info, safeContentType(info.contentType), info.name), 'Content-Transfer-Encoding: base64'],
        body: wrapBase64(content.content),
      };
    case 'eml': {
      const text = content.content.replace(/\r?\n/g, CRLF);
      const name = /\.eml$/i.test(info.name) ? info.name : `${info.name || 'attached-message'}.eml`;
      // message/rfc822 may only be 7bit/8bit (RFC 2046); lines over 998 or NULs force a base64 octet-stream.
      const lineSafe = !text.includes('\0') && text.split(CRLF).every((line) => line.length <= 998);
      if (lineSafe) {
        return {
          headers: [...attachmentHeaders(info, 'message/rfc822', name), `Content-Transfer-Encoding: ${/^[\x00-\x7f]*$/.test(text) ? '7bit' : '8bit'}`],
          body: text,
        };
      }
      return {
        headers: [...attachmentHeaders(info, 'application/octet-stream', name), 'Content-Transfer-Encoding: base64'],
        body: base64Encode(utf8Encode(content.content), 76),
      };
    }
    case 'icalendar':
      return {
        headers: [...attachmentHeaders(info, 'text/calendar; charset=utf-8', info.name || 'invite.ics'), 'Content-Transfer-Encoding: base64'],
        body: base64Encode(utf8Encode(content.content), 76),
      };
    case 'url':
      // A cloud attachment is only a link; keep the link (never fetch it).
      return {
        headers: [...attachmentHeaders(info, 'text/uri-list; charset=utf-8', `${info.name || 'shared-file'}.uri`), 'Content-Transfer-Encoding: base64'],
        body: base64Encode(utf8Encode(`${content.content.trim()}${CRLF}`), 76),
      };
    default:
      notes.push(`Attachment in an unknown format: ${label}`);
      return undefined;
  }
}

function enclose(subtype: 'mixed' | 'alternative', children: MimePart[]): MimePart {
  for (let attempt = 0; attempt < 8; attempt++) {
    const boundary = newBoundary();
    if (boundaryIsFree(boundary, children)) return multipart(subtype, boundary, children);
  }
  // Twelve random bytes colliding eight times means the content is built to collide; refuse.
  throw new Error('Could not choose a MIME boundary');
}

/** Rebuilds the message from its parts. Throws ItemUnreadableError when Outlook gives nothing at all. */
export async function rebuildEml(item: ReportItem): Promise<RebuiltEml> {
  const notes: string[] = [];
  const [headers, text, html] = await Promise.all([
    settle(() => item.getAllHeaders()),
    settle(() => item.getBody('text')),
    settle(() => item.getBody('html')),
  ]);
  if (headers === undefined && text === undefined && html === undefined) {
    throw new ItemUnreadableError('Outlook returned neither headers nor body for this item');
  }
  if (text === undefined && html === undefined) notes.push('Message body unavailable.');

  const bodies: MimePart[] = [];
  if (text !== undefined) bodies.push(textPart('plain', text));
  if (html !== undefined) bodies.push(textPart('html', html));
  if (bodies.length === 0) bodies.push(textPart('plain', ''));
  const body = bodies.length > 1 ? enclose('alternative', bodies) : bodies[0];

  const attachments: MimePart[] = [];
  // One at a time: Outlook serialises these calls anyway and parallel base64 strings multiply memory.
  for (const info of item.attachments.slice(0, MAX_ATTACHMENTS)) {
    const part = await attachmentPart(item, info, notes);
    if (part) attachments.push(part);
  }
  if (item.attachments.length > MAX_ATTACHMENTS) notes.push(`${item.attachments.length - MAX_ATTACHMENTS} further attachments were not included.`);

  const content = attachments.length ? enclose('mixed', [body, ...attachments]) : body;
  const headerLines = headerBlockOf(item, headers, notes);
  for (const note of notes) headerLines.push(unstructuredHeader('X-Lure-Lens-Rebuilt-Note', note));
  const message = `${headerLines.join(CRLF)}${CRLF}${serializePart(content)}`;
  return { eml: base64Encode(utf8Encode(message)), notes };
}

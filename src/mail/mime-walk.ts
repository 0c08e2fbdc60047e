// Our own MIME reader for the messages the library gives up on. postal-mime refuses parts nested
// deeper than its limit and header sections larger than its limit; an attacker who knows that can
// wrap invoice.pdf.exe in 300 empty multiparts and the message would come out clean. This walker
// never refuses: it reads the body as a flat sequence of parts separated by any boundary declared
// so far, so nesting costs nothing and there is no recursion to exhaust. A multipart only adds its
// boundary; a leaf becomes body text or an attachment. One forward pass over the bytes, every
// limit a named constant, and whatever it had to skip is reported as an IncompleteReason.
import type { HeaderField, IncompleteReason, MailAttachment } from '../engine/model';
import { decodeBytes } from './charset';
import { attachmentName, decodeHeaderBytes, parseHeaderBlock } from './headers';

/**
 * Parts read per message; more is reported as 'part-limit'. The work is linear in the input whatever
 * the count (each header section is read once, and sections never overlap), so the limit is high:
 * it only bounds the memory of nesting far beyond any real message.
 */
export const MAX_WALK_PARTS = 100_000;
/** Boundaries remembered; each multipart declares one. */
const MAX_BOUNDARIES = 100_000;
/** A part's header section is read this far (Content-* fields come first in practice); the rest is reported. */
const MAX_PART_HEADER_BYTES = 256 * 1024;
/** RFC 2046 allows 70 characters; attackers write longer ones, which we still accept up to here. */
const MAX_BOUNDARY_LENGTH = 200;
/** Body text kept per text part, as for the view (BODY_LIMIT): lures are near the top. */
const MAX_TEXT_PART_BYTES = 4 * 1024 * 1024;

export interface WalkedBodies {
  text?: string;
  html?: string;
  attachments: MailAttachment[];
  incomplete: IncompleteReason[];
}

interface ContentFields {
  type: string;
  params: Map<string, string>;
  disposition: string;
  dispositionParams: Map<string, string>;
  transferEncoding: string;
  contentId: boolean;
}

function firstValue(headers: readonly HeaderField[], name: string): string {
  for (const header of headers) if (header.name.toLowerCase() === name) return header.value;
  return '';
}

/**
 * Parameters of a structured field ("type/sub; a=1; b=\"x;y\""), with RFC 2231 continuations
 * (name*0*=…, name*1*=…) and charset'lang'percent-encoding joined and decoded. Linear in the value.
 */
export function parseParameters(value: string): { main: string; params: Map<string, string> } {
  const text = value.slice(0, 16 * 1024);
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\' && i + 1 < text.length) current += text[++i];
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  const main = (pieces.shift() ?? '').trim().toLowerCase();
  const params = new Map<string, string>();
  const extended = new Map<string, { parts: string[]; encoded: boolean }>();
  for (const piece of pieces.slice(0, 100)) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    const raw = piece.slice(eq + 1).trim();
    const star = /^([^*]+)\*(?:(\d{1,3})\*?)?$/.exec(key);
    if (star) {
      const entry = extended.get(star[1]) ?? { parts: [], encoded: false };
      const index = star[2] === undefined ? 0 : Number(star[2]);
      entry.parts[index] = raw;
      if (key.endsWith('*') && index === 0) entry.encoded = true;
      extended.set(star[1], entry);
    } else if (!params.has(key)) params.set(key, raw);
  }
  for (const [key, { parts, encoded }] of extended) {
    let joined = parts.filter((part) => part !== undefined).join('');
    if (encoded) {
      const match = /^([^']*)'[^']*'(.*)$/.exec(joined);
      joined = match ? percentDecode(match[2], match[1]) : percentDecode(joined, 'utf-8');
    }
    params.set(key, joined);
  }
  return { main, params };
}

function percentDecode(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length && bytes.length < 4096; i++) {
    const hex = value[i] === '%' ? /^[0-9a-f]{2}$/i.exec(value.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return decodeBytes(Uint8Array.from(bytes), charset || 'utf-8');
}

function contentFields(headers: readonly HeaderField[]): ContentFields {
  const type = parseParameters(firstValue(headers, 'content-type'));
  const disposition = parseParameters(firstValue(headers, 'content-disposition'));
  return {
    type: type.main || 'text/plain',
    params: type.params,
    disposition: disposition.main,
    dispositionParams: disposition.params,
    transferEncoding: firstValue(headers, 'content-transfer-encoding').trim().toLowerCase(),
    contentId: firstValue(headers, 'content-id') !== '',
  };
}

const BASE64: Int16Array = (() => {
  const table = new Int16Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** Lenient base64: skips line breaks and junk, restarts after padding. Output never exceeds 3/4 of the input. */
export function decodeBase64Bytes(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((input.length * 3) / 4));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input[i];
    if (code === 0x3d) {
      buffer = 0;
      bits = 0;
      continue;
    }
    const value = BASE64[code];
    if (value < 0) continue;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, length);
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** Quoted-printable: "=XX" escapes and soft line breaks ("=" at the end of a line). */
export function decodeQuotedPrintableBytes(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.length);
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input[i];
    if (code !== 0x3d) {
      out[length++] = code;
      continue;
    }
    const high = hexDigit(input[i + 1]);
    const low = hexDigit(input[i + 2]);
    if (high >= 0 && low >= 0) {
      out[length++] = (high << 4) | low;
      i += 2;
      continue;
    }
    // Soft line break: "=" then optional spaces, then CRLF or LF.
    let k = i + 1;
    while (input[k] === 0x20 || input[k] === 0x09) k++;
    if (input[k] === 0x0d && input[k + 1] === 0x0a) i = k + 1;
    else if (input[k] === 0x0a) i = k;
    else out[length++] = code;
  }
  return out.subarray(0, length);
}

function decodeTransfer(body: Uint8Array, encoding: string): Uint8Array {
  if (encoding === 'base64') return decodeBase64Bytes(body);
  if (encoding === 'quoted-printable') return decodeQuotedPrintableBytes(body);
  return body;
}

/** The line-break bytes just before a boundary line belong to the boundary, not to the part (RFC 2046). */
function trimBoundaryBreak(bytes: Uint8Array, start: number, end: number): number {
  if (end > start && bytes[end - 1] === 0x0a) end--;
  if (end > start && bytes[end - 1] === 0x0d) end--;
  return end;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

type State = 'preamble' | 'headers' | 'body';

class Walk {
  readonly boundaries = new Set<string>();
  readonly incomplete = new Set<IncompleteReason>();
  texts: string[] = [];
  htmls: string[] = [];
  attachments: MailAttachment[] = [];
  parts = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxAttachments: number,
  ) {}

  addBoundary(fields: ContentFields): void {
    const boundary = fields.params.get('boundary');
    if (!boundary || boundary.length > MAX_BOUNDARY_LENGTH) {
      this.incomplete.add('mime-structure');
      return;
    }
    if (this.boundaries.size >= MAX_BOUNDARIES) this.incomplete.add('part-limit');
    else this.boundaries.add(boundary);
  }

  /** 0 when the line [at, end) is no boundary line, 1 for "--boundary", 2 for the closing "--boundary--". */
  boundaryLine(at: number, end: number): 0 | 1 | 2 {
    const bytes = this.bytes;
    if (bytes[at] !== 0x2d || bytes[at + 1] !== 0x2d) return 0;
    let stop = end;
    while (stop > at + 2 && (bytes[stop - 1] === 0x0d || bytes[stop - 1] === 0x20 || bytes[stop - 1] === 0x09)) stop--;
    if (stop - at - 2 > MAX_BOUNDARY_LENGTH + 2) return 0;
    const candidate = latin1(bytes, at + 2, stop);
    if (this.boundaries.has(candidate)) return 1;
    return candidate.endsWith('--') && this.boundaries.has(candidate.slice(0, -2)) ? 2 : 0;
  }

  readHeaders(start: number, end: number): ContentFields {
    let stop = end;
    if (stop - start > MAX_PART_HEADER_BYTES) {
      this.incomplete.add('header-size');
      stop = start + MAX_PART_HEADER_BYTES;
    }
    return contentFields(parseHeaderBlock(decodeHeaderBytes(this.bytes.subarray(start, stop))));
  }

  countPart(): boolean {
    if (this.parts >= MAX_WALK_PARTS) {
      this.incomplete.add('part-limit');
      return false;
    }
    this.parts++;
    return true;
  }

  addLeaf(fields: ContentFields, start: number, end: number): void {
    const filename = fields.dispositionParams.get('filename') ?? fields.params.get('name') ?? '';
    const isText = fields.type === 'text/plain' || fields.type === 'text/html';
    if (isText && fields.disposition !== 'attachment' && !filename) {
      const raw = decodeTransfer(this.bytes.subarray(start, Math.max(start, end)), fields.transferEncoding);
      const text = decodeBytes(raw.subarray(0, MAX_TEXT_PART_BYTES), fields.params.get('charset')).replace(/\r\n?/g, '\n');
      (fields.type === 'text/html' ? this.htmls : this.texts).push(text);
      return;
    }
    if (this.attachments.length >= this.maxAttachments) {
      this.incomplete.add('part-limit');
      return;
    }
    const content = decodeTransfer(this.bytes.subarray(start, Math.max(start, end)), fields.transferEncoding);
    const attachment: MailAttachment = {
      name: attachmentName(filename, fields.type, content),
      contentType: fields.type,
      size: content.byteLength,
      content,
    };
    if (fields.disposition === 'inline' || (fields.contentId && fields.disposition !== 'attachment')) attachment.inline = true;
    this.attachments.push(attachment);
  }
}

/**
 * Reads the body of a message whose top-level header section is `headers`, from `bodyStart`. Never
 * throws; what could not be read is listed in `incomplete`.
 *
 * One pass over the lines. Between boundary lines a part is first its header section (read as soon
 * as its blank line arrives, so a nested multipart's boundary is known before its first use), then
 * its body. An inline message/rfc822 part is followed by the enclosed message's own header section.
 */
export function walkMime(bytes: Uint8Array, headers: readonly HeaderField[], bodyStart: number, maxAttachments: number): WalkedBodies {
  const walk = new Walk(bytes, maxAttachments);
  const top = contentFields(headers);
  if (!top.type.startsWith('multipart/')) {
    walk.countPart();
    walk.addLeaf(top, bodyStart, bytes.length);
  } else {
    walk.addBoundary(top);
    let state: State = 'preamble';
    let sectionStart = bodyStart;
    let fields: ContentFields | undefined;
    let closed = false;
    const finish = (end: number) => {
      if (state === 'body' && fields) walk.addLeaf(fields, sectionStart, trimBoundaryBreak(bytes, sectionStart, end));
    };
    let lineStart = bodyStart;
    while (lineStart < bytes.length) {
      const newline = bytes.indexOf(0x0a, lineStart);
      const lineEnd = newline < 0 ? bytes.length : newline;
      const next = lineEnd + 1;
      const kind = walk.boundaryLine(lineStart, lineEnd);
      if (kind !== 0) {
        finish(lineStart);
        fields = undefined;
        closed = kind === 2;
        // After a closing delimiter comes an epilogue until the enclosing multipart's next boundary.
        state = kind === 2 || !walk.countPart() ? 'preamble' : 'headers';
        sectionStart = next;
      } else if (state === 'headers') {
        let k = lineStart;
        while (k < lineEnd && bytes[k] === 0x0d) k++;
        if (k === lineEnd) {
          fields = walk.readHeaders(sectionStart, lineStart);
          sectionStart = next;
          if (fields.type.startsWith('multipart/')) {
            walk.addBoundary(fields);
            state = 'preamble';
          } else if (fields.type === 'message/rfc822' && fields.disposition === 'inline') {
            // As parseEml asks of postal-mime: only an original marked inline is read as part of this message.
            state = 'headers';
          } else state = 'body';
        }
      }
      lineStart = next;
    }
    finish(bytes.length);
    if (walk.parts === 0 || !closed) walk.incomplete.add('mime-structure');
  }
  const result: WalkedBodies = { attachments: walk.attachments, incomplete: [...walk.incomplete] };
  if (walk.texts.length) result.text = walk.texts.join('\n');
  if (walk.htmls.length) result.html = walk.htmls.join('\n');
  return result;
}

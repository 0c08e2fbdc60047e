// Writing RFC 5322 / RFC 2045-2047 / RFC 2231 message text. Used to rebuild an .eml when Outlook
// cannot hand out the original. Every function is linear in its input.
import { utf8Encode, base64Encode } from './encoding';

export const CRLF = '\r\n';
/** Longest line we write (RFC 5322 recommends 78; 998 is the hard limit). */
const SOFT_LINE = 78;
/** RFC 2047: an encoded word is at most 75 characters. "=?UTF-8?B?" + "?=" take 12 of them. */
const MAX_WORD_BYTES = 45; // 45 bytes -> 60 base64 characters -> 72-character word

export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Removes characters that would break a header line (CR, LF, other controls). */
export function headerSafe(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f]+/g, ' ');
}

/** RFC 2047 B-encoded words for `text`, never splitting a character across words. */
export function encodedWords(text: string, firstWordBytes = MAX_WORD_BYTES): string[] {
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const char of text) {
    const bytes = utf8Encode(char).length;
    const limit = words.length === 0 ? firstWordBytes : MAX_WORD_BYTES;
    if (chunkBytes + bytes > limit && chunk) {
      words.push(`=?UTF-8?B?${base64Encode(utf8Encode(chunk))}?=`);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += char;
    chunkBytes += bytes;
  }
  if (chunk || words.length === 0) words.push(`=?UTF-8?B?${base64Encode(utf8Encode(chunk))}?=`);
  return words;
}

/** Folds an ASCII header at spaces so lines stay near 78 characters. */
export function foldedHeader(name: string, value: string): string {
  const first = `${name}: `;
  const tokens = value.split(' ');
  const lines: string[] = [];
  let line = first;
  let lineHasToken = false;
  for (const token of tokens) {
    if (lineHasToken && line.length + 1 + token.length > SOFT_LINE) {
      lines.push(line);
      line = ` ${token}`;
    } else {
      line += lineHasToken ? ` ${token}` : token;
    }
    lineHasToken = true;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** An unstructured header (Subject, Comments): ASCII as is, anything else as folded encoded words. */
export function unstructuredHeader(name: string, text: string): string {
  const clean = headerSafe(text).trim();
  if (isPrintableAscii(clean) && !/=\?/.test(clean)) return foldedHeader(name, clean);
  // The first word shares its line with the field name; keep that line within 78 characters too.
  const firstBytes = Math.max(6, Math.floor((SOFT_LINE - name.length - 2 - 12) / 4) * 3);
  return `${name}: ${encodedWords(clean, Math.min(MAX_WORD_BYTES, firstBytes)).join(`${CRLF} `)}`;
}

export interface MimeAddress {
  name?: string;
  address: string;
}

const ATEXT_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;

/** One mailbox as RFC 5322 text, with the display name quoted or encoded as needed. */
export function formatAddress(mailbox: MimeAddress): string {
  const address = headerSafe(mailbox.address).replace(/[\s<>]/g, '');
  const name = headerSafe(mailbox.name ?? '').trim();
  if (!name || name === address) return `<${address}>`;
  if (!isPrintableAscii(name)) return `${encodedWords(name).join(' ')} <${address}>`;
  if (ATEXT_PHRASE.test(name)) return `${name} <${address}>`;
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in UTC, e.g. "Tue, 01 Jul 2025 09:30:00 +0000". */
export function formatDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

/** A Content-Type we can safely write; anything odd becomes application/octet-stream. */
export function safeContentType(contentType: string | undefined, fallback = 'application/octet-stream'): string {
  const bare = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(bare) ? bare : fallback;
}

function percentEncode(text: string): string {
  let out = '';
  for (const byte of utf8Encode(text)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9!#$&+.^_`|~-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A file-name parameter (`name` on Content-Type, `filename` on Content-Disposition). Non-ASCII names use
 * RFC 2231 (with continuations so no line gets too long); `legacy` adds an RFC 2047 form some readers want.
 */
export function fileNameParameter(parameter: string, fileName: string, legacy = false): string {
  const clean = headerSafe(fileName).trim() || 'attachment';
  const ascii = isPrintableAscii(clean);
  if (ascii && (clean.length <= 60 || legacy)) return `${parameter}="${clean.replace(/(["\\])/g, '\\$1')}"`;
  if (legacy) return `${parameter}="${encodedWords(clean).join(' ')}"`;
  const encoded = percentEncode(clean);
  const segments: string[] = [];
  let start = 0;
  while (start < encoded.length) {
    let end = Math.min(encoded.length, start + 60);
    // Never cut a %XX escape in half.
    const percent = encoded.lastIndexOf('%', end - 1);
    if (end < encoded.length && percent > end - 3 && percent >= start) end = percent;
    segments.push(encoded.slice(start, end));
    start = end;
  }
  if (segments.length === 1) return `${parameter}*=UTF-8''${segments[0]}`;
  return segments.map((segment, index) => `${parameter}*${index}*=${index === 0 ? "UTF-8''" : ''}${segment}`).join(`;${CRLF} `);
}

export interface MimePart {
  /** Complete header lines (already folded), without the trailing CRLF. */
  headers: string[];
  /** Body text with CRLF line ends. */
  body: string;
}

/** Base64 text wrapped to 76-character lines. Accepts base64 with any whitespace. */
export function wrapBase64(base64: string): string {
  const compact = base64.replace(/\s+/g, '');
  const lines: string[] = [];
  for (let i = 0; i < compact.length; i += 76) lines.push(compact.slice(i, i + 76));
  return lines.join(CRLF);
}

export function textPart(subtype: 'plain' | 'html', text: string): MimePart {
  return {
    headers: [`Content-Type: text/${subtype}; charset=utf-8`, 'Content-Transfer-Encoding: base64'],
    body: base64Encode(utf8Encode(text), 76),
  };
}

export function serializePart(part: MimePart): string {
  return `${part.headers.join(CRLF)}${CRLF}${CRLF}${part.body}`;
}

/** A multipart entity; `boundary` must not occur in any child (the caller checks with `boundaryIsFree`). */
export function multipart(subtype: 'mixed' | 'alternative', boundary: string, children: MimePart[]): MimePart {
  const body =
    `This is a multi-part message in MIME format.${CRLF}` +
    children.map((child) => `--${boundary}${CRLF}${serializePart(child)}${CRLF}`).join('') +
    `--${boundary}--${CRLF}`;
  return { headers: [`Content-Type: multipart/${subtype};${CRLF} boundary="${boundary}"`], body };
}

export function boundaryIsFree(boundary: string, children: MimePart[]): boolean {
  return children.every((child) => !child.body.includes(`--${boundary}`) && !child.headers.some((line) => line.includes(boundary)));
}

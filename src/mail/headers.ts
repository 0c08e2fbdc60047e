// Header helpers shared by the .eml parser and the Outlook adapter (which gets the header block
// as one string from getAllInternetHeadersAsync). Everything is linear in the input and never
// throws: a header we cannot make sense of is skipped, not fatal.
// The named export: ESM builds (the browser bundles) have no PostalMime.addressParser static.
import { addressParser } from 'postal-mime';
import type { HeaderField, MailAddress } from '../engine/model';
import { decodeBytes, guessCharset, hasIso2022JpEscapes } from './charset';

/** Above this many fields the rest of a header block is ignored (real mail has a few hundred). */
export const MAX_HEADER_FIELDS = 10_000;
/** Address fields are parsed from at most this many characters, and yield at most MAX_ADDRESSES. */
const MAX_ADDRESS_FIELD_CHARS = 256 * 1024;
const MAX_ADDRESSES = 2000;

function isWsp(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function trimWsp(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isWsp(value.charCodeAt(start))) start++;
  while (end > start && isWsp(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** RFC 5322 field name: printable ASCII except ':' (and, in practice, no spaces inside). */
function isFieldName(name: string): boolean {
  if (name.length === 0 || name.length > 256) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 0x3a) return false;
  }
  return true;
}

/**
 * Splits a header block into fields, in order, repeats kept. Accepts CRLF or LF line ends,
 * unfolds continuation lines (the line break is removed, the folding whitespace kept), and stops
 * at the first empty line after a header (so a block with a body attached is fine too). Lines that
 * are not headers (an mbox "From " line, junk) are skipped together with their continuations.
 * Values are left raw: encoded words are not decoded.
 */
export function parseHeaderBlock(raw: string): HeaderField[] {
  const fields: HeaderField[] = [];
  if (!raw) return fields;
  let current: { name: string; parts: string[] } | null = null;
  let seenAny = false;
  const flush = () => {
    if (!current) return;
    const joined = current.parts.length === 1 ? current.parts[0] : current.parts.join('');
    fields.push({ name: current.name, value: trimWsp(joined.indexOf('\r') >= 0 ? joined.replace(/\r/g, ' ') : joined) });
    current = null;
  };
  let pos = 0;
  while (pos <= raw.length && fields.length < MAX_HEADER_FIELDS) {
    let end = raw.indexOf('\n', pos);
    if (end < 0) end = raw.length;
    let lineEnd = end;
    while (lineEnd > pos && raw.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    const line = raw.slice(pos, lineEnd);
    pos = end + 1;
    if (line.length === 0) {
      if (seenAny) break;
      if (pos > raw.length) break;
      continue;
    }
    seenAny = true;
    if (isWsp(line.charCodeAt(0))) {
      if (current) current.parts.push(line);
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    const name = colon > 0 ? trimWsp(line.slice(0, colon)) : '';
    if (isFieldName(name)) current = { name, parts: [line.slice(colon + 1)] };
  }
  flush();
  return fields;
}

// ---------------------------------------------------------------------------------------------
// RFC 2047 encoded words

const BASE64_VALUES = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  // URL-safe variants turn up from broken encoders; they decode unambiguously.
  table[0x2d] = 62;
  table[0x5f] = 63;
  return table;
})();

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

interface Base64State {
  buffer: number;
  bits: number;
}

/**
 * Lenient base64: skips junk and treats '=' as the end of a chunk (some encoders concatenate
 * padded chunks). The state carries over to the next adjacent word, because some encoders also
 * split words in the middle of a 4-character group.
 */
function decodeBase64Into(text: string, out: number[], state: Base64State): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) {
      state.buffer = 0;
      state.bits = 0;
      continue;
    }
    const value = code < 128 ? BASE64_VALUES[code] : -1;
    if (value < 0) continue;
    state.buffer = ((state.buffer << 6) | value) & 0xffffff;
    state.bits += 6;
    if (state.bits >= 8) {
      state.bits -= 8;
      out.push((state.buffer >> state.bits) & 0xff);
    }
  }
}

const utf8Encoder = new TextEncoder();

function decodeQInto(text: string, out: number[]): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5f) out.push(0x20);
    else if (code === 0x3d && i + 2 < text.length && hexValue(text.charCodeAt(i + 1)) >= 0 && hexValue(text.charCodeAt(i + 2)) >= 0) {
      out.push((hexValue(text.charCodeAt(i + 1)) << 4) | hexValue(text.charCodeAt(i + 2)));
      i += 2;
    } else if (code < 0x80) out.push(code);
    else {
      // A raw non-ASCII character inside a Q word (already decoded from 8-bit): keep it as UTF-8.
      const end = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
      for (const byte of utf8Encoder.encode(text.slice(i, end))) out.push(byte);
      i = end - 1;
    }
  }
}

/** Finds `needle` at or after `from`, remembering the last answer so repeated forward searches stay linear. */
class ForwardSearch {
  private lastFrom = -1;
  private lastFound = -1;
  constructor(
    private readonly haystack: string,
    private readonly needle: string,
  ) {}
  find(from: number): number {
    if (this.lastFrom >= 0 && from >= this.lastFrom && (this.lastFound < 0 || this.lastFound >= from)) return this.lastFound;
    this.lastFrom = from;
    this.lastFound = this.haystack.indexOf(this.needle, from);
    return this.lastFound;
  }
}

interface EncodedWord {
  charset: string;
  encoding: 'B' | 'Q';
  text: string;
  end: number;
}

const MAX_WORD_WITH_SPACES = 1024;

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Reads the encoded word starting at `start` ("=?"). Tolerates what real mailers get wrong:
 * a missing final '=', no terminator at all (the word ends at whitespace or the end), and
 * whitespace inside a word when a terminator follows before the next word starts.
 */
function readEncodedWord(value: string, start: number, terminators: ForwardSearch, starts: ForwardSearch): EncodedWord | undefined {
  let i = start + 2;
  const charsetStart = i;
  while (i < value.length && i - charsetStart <= 64) {
    const code = value.charCodeAt(i);
    if (code === 0x3f || isSpaceCode(code)) break;
    i++;
  }
  if (i === charsetStart || value.charCodeAt(i) !== 0x3f) return undefined;
  const charset = value.slice(charsetStart, i);
  const encodingChar = value.charAt(i + 1).toUpperCase();
  if ((encodingChar !== 'B' && encodingChar !== 'Q') || value.charCodeAt(i + 2) !== 0x3f) return undefined;
  const encoding = encodingChar as 'B' | 'Q';
  const textStart = i + 3;
  let j = textStart;
  while (j < value.length) {
    const code = value.charCodeAt(j);
    if (code === 0x3f) {
      const next = value.charCodeAt(j + 1);
      if (next === 0x3d) return { charset, encoding, text: value.slice(textStart, j), end: j + 2 };
      if (j + 1 >= value.length || isSpaceCode(next)) return { charset, encoding, text: value.slice(textStart, j), end: j + 1 };
      // "…=?charset?" here means a new word starts and this one was never closed.
      if (j > textStart && value.charCodeAt(j - 1) === 0x3d) return { charset, encoding, text: value.slice(textStart, j - 1), end: j - 1 };
      j++;
      continue;
    }
    if (isSpaceCode(code)) {
      const terminator = terminators.find(j);
      const nextStart = starts.find(j);
      const closesBeforeNextWord = terminator >= 0 && (nextStart < 0 || terminator < nextStart);
      if (closesBeforeNextWord && terminator - textStart <= MAX_WORD_WITH_SPACES) {
        const inner = value.slice(textStart, terminator);
        const plausible = encoding === 'Q' || /^[A-Za-z0-9+/=\s_-]*$/.test(inner);
        if (plausible) return { charset, encoding, text: inner, end: terminator + 2 };
      }
      return { charset, encoding, text: value.slice(textStart, j), end: j };
    }
    j++;
  }
  return { charset, encoding, text: value.slice(textStart), end: value.length };
}

// Line breaks (and NUL) in a decoded header would let a subject or a name pretend to be several
// lines, or end a header when the value is written out again. Other control characters are kept:
// they are evidence, and every place that shows text escapes them.
const CONTROL_CHARS = /[\u0000\n\r]/g;

function cleanControls(value: string): string {
  CONTROL_CHARS.lastIndex = 0;
  return CONTROL_CHARS.test(value) ? value.replace(CONTROL_CHARS, ' ') : value;
}

function isLinearWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isSpaceCode(value.charCodeAt(i))) return false;
  return true;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) count++;
  return count;
}

/**
 * Adjacent words of one charset are decoded as one byte string, so a character split across two
 * words survives. Stateful ISO-2022-JP words each end by switching back to ASCII, and a decoder
 * sees that switch followed at once by the next word's switch as an error; when joining produces
 * more replacement characters than decoding word by word, the words are decoded separately.
 */
function decodeWordGroup(words: number[][], charset: string): string {
  const total = words.reduce((sum, word) => sum + word.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const word of words) {
    joined.set(word, offset);
    offset += word.length;
  }
  const together = decodeBytes(joined, charset);
  if (words.length === 1 || together.indexOf('\ufffd') < 0) return together;
  const separately = words.map((word) => decodeBytes(Uint8Array.from(word), charset)).join('');
  return countReplacements(separately) < countReplacements(together) ? separately : together;
}

/**
 * Decodes RFC 2047 encoded words (B and Q, any charset TextDecoder knows, with aliases such as
 * cp932). Adjacent words of one charset are decoded together, so a character split across two
 * words survives; whitespace between encoded words is dropped as the RFC says. Broken words are
 * decoded as far as they make sense; anything else is left as written. CR, LF and NUL become
 * spaces. Never throws.
 */
export function decodeEncodedWords(value: string): string {
  if (typeof value !== 'string' || value.length === 0) return '';
  if (value.indexOf('=?') < 0) return cleanControls(value);
  const out: string[] = [];
  const terminators = new ForwardSearch(value, '?=');
  const starts = new ForwardSearch(value, '=?');
  let pending: { charset: string; words: number[][]; base64: Base64State } | null = null;
  const flushPending = () => {
    if (!pending) return;
    out.push(decodeWordGroup(pending.words, pending.charset));
    pending = null;
  };
  let pos = 0;
  let scan = 0;
  while (scan < value.length) {
    const start = starts.find(scan);
    if (start < 0) break;
    const word = readEncodedWord(value, start, terminators, starts);
    if (!word) {
      scan = start + 2;
      continue;
    }
    const between = value.slice(pos, start);
    const charset = word.charset.toLowerCase().split('*')[0];
    if (!(pending && isLinearWhitespace(between))) {
      flushPending();
      out.push(between);
    } else if (pending.charset !== charset) {
      flushPending();
    }
    if (!pending) pending = { charset, words: [], base64: { buffer: 0, bits: 0 } };
    const bytes: number[] = [];
    if (word.encoding === 'B') decodeBase64Into(word.text, bytes, pending.base64);
    else {
      pending.base64 = { buffer: 0, bits: 0 };
      decodeQInto(word.text, bytes);
    }
    pending.words.push(bytes);
    pos = scan = word.end;
  }
  flushPending();
  out.push(value.slice(pos));
  return cleanControls(out.join(''));
}

// ---------------------------------------------------------------------------------------------
// Addresses

function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const PLACEHOLDER_BASE = 0xf700;

/** Maps C0 controls other than tab/CR/LF to U+F700+code (DEL to U+F720), or undefined when there are none (or the range is already in use). */
function shieldControls(value: string): string | undefined {
  let hasControl = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= PLACEHOLDER_BASE && code <= PLACEHOLDER_BASE + 0x20) return undefined;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) hasControl = true;
  }
  if (!hasControl) return undefined;
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (ch) =>
    String.fromCharCode(ch === '\u007f' ? PLACEHOLDER_BASE + 0x20 : PLACEHOLDER_BASE + ch.charCodeAt(0)),
  );
}

function unshieldControls(value: string): string {
  return value.replace(/[\uf700-\uf720]/g, (ch) => {
    const code = ch.charCodeAt(0) - PLACEHOLDER_BASE;
    return code === 0x20 ? '\u007f' : String.fromCharCode(code);
  });
}

/**
 * Parses an address field (To, Cc, From, Reply-To…) into mailboxes. Groups are flattened into
 * their members; display names are decoded (including broken encoded words) and kept even when
 * they look like an address themselves: `"ceo@corp.com" <evil@x.com>` gives name "ceo@corp.com"
 * and address "evil@x.com". Entries with neither a name nor an address are dropped.
 */
export function parseAddressList(value: string): MailAddress[] {
  if (typeof value !== 'string' || !value.trim()) return [];
  const input = value.length > MAX_ADDRESS_FIELD_CHARS ? value.slice(0, MAX_ADDRESS_FIELD_CHARS) : value;
  // postal-mime drops control characters from names; they are evidence (an escape sequence in a
  // display name), so carry them through as private-use placeholders and put them back afterwards.
  const shielded = shieldControls(input);
  let parsed: { name: string; address?: string }[];
  try {
    parsed = addressParser(shielded ?? input, { flatten: true }) as { name: string; address?: string }[];
  } catch {
    return [];
  }
  const result: MailAddress[] = [];
  for (const mailbox of parsed) {
    if (result.length >= MAX_ADDRESSES) break;
    let name = typeof mailbox.name === 'string' ? mailbox.name : '';
    if (shielded) name = unshieldControls(name);
    // postal-mime decodes well-formed words; what is left are broken ones we can still read.
    if (name.indexOf('=?') >= 0) name = decodeEncodedWords(name);
    name = collapseSpaces(cleanControls(name));
    let address = typeof mailbox.address === 'string' ? mailbox.address.trim() : '';
    if (shielded) address = unshieldControls(address);
    if (address.startsWith('<') && address.endsWith('>')) address = address.slice(1, -1).trim();
    // `<"a@b">`: the whole address in quotes is read as the address it spells (forgers write From this way).
    const quoted = /^"([^"\\\s]{1,320}@[^"\\\s@]{1,255})"$/.exec(address);
    if (quoted) address = quoted[1];
    address = cleanControls(address);
    if (!name && !address) continue;
    result.push({ name, address });
  }
  return result;
}

/** Header bytes read to name an attached message after its subject; a subject sits in the first few KB. */
const ATTACHED_SUBJECT_SEARCH = 64 * 1024;

/**
 * The name an attachment is listed under: its declared file name, decoded and without control
 * characters; an attached message without one is named after its subject, as mail programs show it.
 */
export function attachmentName(declared: string | null | undefined, contentType: string, content: Uint8Array): string {
  const name = declared ? (declared.indexOf('=?') >= 0 ? decodeEncodedWords(declared) : declared).replace(/[\u0000\r\n]/g, ' ').trim() : '';
  if (name || (contentType !== 'message/rfc822' && contentType !== 'message/global')) return name;
  const head = content.subarray(0, ATTACHED_SUBJECT_SEARCH);
  const subjectField = parseHeaderBlock(decodeHeaderBytes(head.subarray(0, findHeaderEnd(head).headerEnd))).find((field) => field.name.toLowerCase() === 'subject');
  const subject = decodeEncodedWords(subjectField?.value ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 120);
  return `${subject || 'message'}.eml`;
}

// ---------------------------------------------------------------------------------------------
// Raw header bytes (for .eml)

/** Index just past the blank line that ends the header section, or the input length when there is none. */
export function findHeaderEnd(bytes: Uint8Array): { headerEnd: number; bodyStart: number } {
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    // A line holding only CRs counts as empty, as it does for postal-mime.
    let k = lineStart;
    while (k < i && bytes[k] === 0x0d) k++;
    if (k === i) return { headerEnd: lineStart, bodyStart: i + 1 };
    lineStart = i + 1;
  }
  return { headerEnd: bytes.length, bodyStart: bytes.length };
}

function lineIsPlainAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80 || bytes[i] === 0x1b) return false;
  return true;
}

const asciiDecoder = new TextDecoder('utf-8');

/**
 * Turns a raw header section into text. ASCII lines are copied; lines with 8-bit bytes (raw
 * UTF-8, Shift_JIS or EUC-JP that RFC 5322 forbids but Japanese mailers send) are decoded with one
 * charset guessed from all of them together, so every such line of a message is read the same
 * way; lines with raw ISO-2022-JP escapes are decoded as ISO-2022-JP. `hint` is the declared body
 * charset, used when it is a Japanese legacy charset that fits.
 */
export function decodeHeaderBytes(bytes: Uint8Array, hint?: string): string {
  const lines: Uint8Array[] = [];
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(lineStart, i));
      lineStart = i + 1;
    }
  }
  const eightBit: Uint8Array[] = [];
  let eightBitSize = 0;
  for (const line of lines) {
    if (!lineIsPlainAscii(line) && !hasIso2022JpEscapes(line) && eightBitSize < 1 << 20) {
      eightBit.push(line);
      eightBitSize += line.length + 1;
    }
  }
  let charset: string | undefined;
  if (eightBit.length) {
    const joined = new Uint8Array(eightBitSize);
    let offset = 0;
    for (const part of eightBit) {
      joined.set(part, offset);
      joined[offset + part.length] = 0x0a;
      offset += part.length + 1;
    }
    charset = guessCharset(joined, hint && /jis|euc|932|sjis/i.test(hint) ? hint : undefined);
  }
  const out: string[] = [];
  for (const line of lines) {
    if (lineIsPlainAscii(line)) out.push(asciiDecoder.decode(line));
    else if (hasIso2022JpEscapes(line)) out.push(decodeBytes(line, 'iso-2022-jp'));
    else out.push(decodeBytes(line, charset));
  }
  return out.join('\n');
}

// Byte helpers that work in every runtime the report code runs in: the task pane (browser), classic
// Outlook's JavaScript-only runtime (no Buffer, TextEncoder not guaranteed) and Node (tests, service).
// All loops are linear in the input.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  // URL-safe variants decode too; some clients hand those out.
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(text: string): Uint8Array {
  // Messages are mostly ASCII; copying code units directly avoids a buffer three times the size.
  if (/^[\x00-\x7f]*$/.test(text)) {
    const ascii = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) ascii[i] = text.charCodeAt(i);
    return ascii;
  }
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out[n++] = code;
    else if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[n++] = 0xe0 | (code >> 12);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    } else {
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 0x3f);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    }
  }
  return out.subarray(0, n);
}

/** Base64 of bytes; with `lineLength` (a multiple of 4) lines are separated by CRLF, as MIME bodies need. */
export function base64Encode(bytes: Uint8Array, lineLength = 0): string {
  const parts: string[] = [];
  let line = '';
  const perLine = lineLength > 0 ? lineLength : Number.POSITIVE_INFINITY;
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const quad =
      ALPHABET[a >> 2] +
      ALPHABET[((a & 3) << 4) | (b >> 4)] +
      (i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=') +
      (i + 2 < bytes.length ? ALPHABET[c & 63] : '=');
    line += quad;
    if (line.length >= perLine) {
      parts.push(line);
      line = '';
    }
    // Flush long unwrapped output in blocks so string concatenation stays cheap.
    if (lineLength === 0 && line.length >= 65536) {
      parts.push(line);
      line = '';
    }
  }
  if (line) parts.push(line);
  return parts.join(lineLength > 0 ? '\r\n' : '');
}

export class Base64Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base64Error';
  }
}

/** Decodes base64 (standard or URL-safe), ignoring whitespace. Throws Base64Error on any other character. */
export function base64Decode(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) break; // '=' padding ends the data
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
    const value = code < 128 ? DECODE[code] : -1;
    if (value < 0) throw new Base64Error(`Not base64: unexpected character at position ${i}`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Number of bytes a base64 string decodes to, without decoding it. */
export function base64DecodedLength(text: string): number {
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) break;
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
    chars++;
  }
  return Math.floor((chars * 6) / 8);
}

/** Bytes as a string of the same code units (for scanning ASCII structure such as header names). */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return out;
}

// Turning bytes of an unknown or mislabelled charset into text. Japanese mail in particular arrives
// as ISO-2022-JP, Shift_JIS or EUC-JP, often with the label missing or wrong, and raw 8-bit bytes
// in headers where RFC 5322 forbids them. We never fail: the worst case is visible mojibake.

// Labels mail software writes that the WHATWG Encoding Standard (and so TextDecoder) does not know.
const LABEL_ALIASES = new Map<string, string>(Object.entries({
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  'windows-932': 'shift_jis',
  'x-ms-cp932': 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  'x-shift_jis': 'shift_jis',
  'x-sjis-open': 'shift_jis',
  'sjis-open': 'shift_jis',
  'sjis-win': 'shift_jis',
  eucjp: 'euc-jp',
  'euc_jp': 'euc-jp',
  'x-eucjp': 'euc-jp',
  'eucjp-ms': 'euc-jp',
  'eucjp-win': 'euc-jp',
  'cp51932': 'euc-jp',
  'iso-2022-jp-1': 'iso-2022-jp',
  'iso-2022-jp-2': 'iso-2022-jp',
  'iso-2022-jp-3': 'iso-2022-jp',
  'iso-2022-jp-ms': 'iso-2022-jp',
  cp50220: 'iso-2022-jp',
  cp50221: 'iso-2022-jp',
  cp50222: 'iso-2022-jp',
  jis: 'iso-2022-jp',
  'x-iso-2022-jp': 'iso-2022-jp',
  cp949: 'euc-kr',
  cp936: 'gbk',
  cp950: 'big5',
  'iso-8859-8-e': 'iso-8859-8',
  'utf-7': 'utf-8',
  'unicode-1-1-utf-7': 'utf-8',
  'x-unknown': 'windows-1252',
  unknown: 'windows-1252',
  '8bit': 'utf-8',
  default: 'utf-8',
}));

// Decoders are cached by label; failures too, but only a bounded number so a message that
// invents thousands of labels cannot grow the cache without limit.
const decoderCache = new Map<string, TextDecoder | null>();
const DECODER_CACHE_LIMIT = 128;

function makeDecoder(label: string): TextDecoder | null {
  const cached = decoderCache.get(label);
  if (cached !== undefined) return cached;
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = null;
  }
  if (decoderCache.size < DECODER_CACHE_LIMIT) decoderCache.set(label, decoder);
  return decoder;
}

/** Canonical TextDecoder label for a charset name from a message, or undefined when unknown. */
export function resolveCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  if (label.length > 64) return undefined;
  let clean = label.trim().toLowerCase();
  // RFC 2231 language suffix ("utf-8*ja") and stray quotes.
  const star = clean.indexOf('*');
  if (star >= 0) clean = clean.slice(0, star);
  clean = clean.replace(/^["']+|["']+$/g, '');
  if (!clean) return undefined;
  const alias = LABEL_ALIASES.get(clean);
  if (alias) return alias;
  if (makeDecoder(clean)) return clean;
  // "x-euc-jp", "windows_1252", "cp-1252": strip decorations and retry once.
  const stripped = clean.replace(/^x-/, '').replace(/_/g, '-');
  const strippedAlias = LABEL_ALIASES.get(stripped);
  if (strippedAlias) return strippedAlias;
  if (makeDecoder(stripped)) return stripped;
  const codePage = /^(?:cp|windows|ms)-?(\d{3,5})$/.exec(stripped);
  if (codePage) {
    const known = LABEL_ALIASES.get(`cp${codePage[1]}`);
    if (known) return known;
    const windows = `windows-${codePage[1]}`;
    if (makeDecoder(windows)) return windows;
  }
  return undefined;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** ESC $ @, ESC $ B (JIS X 0208) or ESC ( J / ESC ( I: raw ISO-2022-JP. */
export function hasIso2022JpEscapes(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] !== 0x1b) continue;
    const a = bytes[i + 1];
    const b = bytes[i + 2];
    if ((a === 0x24 && (b === 0x40 || b === 0x42)) || (a === 0x28 && (b === 0x4a || b === 0x49))) return true;
  }
  return false;
}

/**
 * Lower is better: replacement characters mean the charset is wrong; EUC-JP read as Shift_JIS
 * comes out as half-width katakana and private-use characters, Shift_JIS read as EUC-JP mostly
 * as replacements.
 */
function implausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) score += 4;
    else if (c >= 0xff61 && c <= 0xff9f) score += 1;
    else if (c >= 0xe000 && c <= 0xf8ff) score += 3;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) score += 2;
  }
  return score;
}

/**
 * Guesses the charset of bytes that are not valid UTF-8: Shift_JIS or EUC-JP when one reads
 * cleanly, otherwise windows-1252 (every byte maps to something, so nothing is lost silently).
 * `hint` (e.g. the message's declared body charset) wins when it decodes without errors.
 */
export function guessCharset(bytes: Uint8Array, hint?: string): string {
  if (hasIso2022JpEscapes(bytes)) return 'iso-2022-jp';
  if (isAscii(bytes) || isValidUtf8(bytes)) return 'utf-8';
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const hinted = resolveCharset(hint);
  if (hinted && hinted !== 'utf-8' && hinted !== 'iso-2022-jp') {
    const decoder = makeDecoder(hinted);
    if (decoder && decoder.decode(sample).indexOf('\ufffd') < 0) return hinted;
  }
  let best = 'windows-1252';
  let bestScore = Infinity;
  for (const candidate of ['shift_jis', 'euc-jp', 'utf-8']) {
    const decoder = makeDecoder(candidate);
    if (!decoder) continue;
    const score = implausibility(decoder.decode(sample));
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  // When even the best guess is mostly errors the bytes are not Japanese; fall back to Latin-1.
  return bestScore * 4 > sample.length ? 'windows-1252' : best;
}

/**
 * Decodes bytes as `charset` when that is known, else guesses. Never throws. A declared charset
 * that plainly does not fit (undeclared 8-bit text labelled us-ascii, Shift_JIS labelled UTF-8)
 * is replaced by a guess, as mail clients do.
 */
export function decodeBytes(bytes: Uint8Array, charset?: string): string {
  if (bytes.length === 0) return '';
  let label = resolveCharset(charset);
  if (label && /ascii/.test(label) && !isAscii(bytes)) label = undefined;
  else if (label === 'utf-8' && !isValidUtf8(bytes)) label = undefined;
  if (!label) label = guessCharset(bytes, charset);
  const decoder = makeDecoder(label) ?? utf8Lenient;
  try {
    return decoder.decode(bytes);
  } catch {
    return utf8Lenient.decode(bytes);
  }
}

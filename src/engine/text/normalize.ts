// Text folding shared by every rule. Attackers split words with zero-width characters, write
// them in full-width letters (ｔａｉｗａｎ) or half-width katakana, or space them out; readers see
// the same word, so detection must too. All functions are linear in the input length.

/**
 * Invisible or direction-changing code points: zero-width space/joiners, bidi marks, embeddings,
 * overrides and isolates, word joiner and invisible operators, BOM, soft hyphen, combining grapheme
 * joiner, Mongolian vowel separator, Hangul fillers.
 */
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;

/** Bidi controls that can reorder what the reader sees (RLO turns "cod.exe" into "exe.doc"). */
export const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function hasInvisible(value: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(value);
}

/** Positions and code points of invisible characters, at most `limit` of them. */
export function findInvisible(value: string, limit = 20): { index: number; char: string }[] {
  const found: { index: number; char: string }[] = [];
  let index = 0;
  for (const char of value) {
    if (found.length >= limit) break;
    INVISIBLE.lastIndex = 0;
    if (INVISIBLE.test(char)) found.push({ index, char });
    index++;
  }
  return found;
}

export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/**
 * Letter look-alikes NFKC leaves alone: small capitals (ᴘᴀʏᴘᴀʟ), negative circled and squared
 * letters (🅿🅰🆈), regional-indicator letters (🇵🇦🇾). Spammers write whole subjects in them so
 * that word filters miss what every reader reads. (Mathematical bold/italic/script letters,
 * circled letters and full-width forms are already folded by NFKC.)
 */
const SMALL_CAPITALS: Readonly<Record<string, string>> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm',
  ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ǫ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};
const LETTER_LOOKALIKES = /[ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ]|\uD83C[\uDD50-\uDD69\uDD70-\uDD89\uDDE6-\uDDFF]/g;
const NEEDS_LOOKALIKE_FOLD = /[\u01EB\u0262\u0274\u0280\u028F\u029C\u029F\u026A\u0299\u1D00-\u1D22\uA730\uA731]|\uD83C[\uDD50-\uDDFF]/;

function foldLetterLookalike(char: string): string {
  const mapped = SMALL_CAPITALS[char];
  if (mapped) return mapped;
  const code = char.codePointAt(0) ?? 0;
  for (const start of [0x1f150, 0x1f170, 0x1f1e6]) if (code >= start && code < start + 26) return String.fromCharCode(0x61 + code - start);
  return char;
}

export function foldLetterLookalikes(value: string): string {
  return NEEDS_LOOKALIKE_FOLD.test(value) ? value.replace(LETTER_LOOKALIKES, foldLetterLookalike) : value;
}

/**
 * The form every comparison uses: invisible characters removed, NFKC (full-width ASCII becomes
 * ASCII, half-width katakana becomes full-width, ideographic space becomes a space, mathematical
 * bold 𝐏𝐚𝐲 becomes Pay), small capitals and other letter look-alikes folded, lower case, runs of
 * white space collapsed to one space, trimmed.
 */
export function normalizeText(value: string): string {
  return foldLetterLookalikes(stripInvisible(value).normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** normalizeText without any white space: "台 湾 海 峡" and "台湾海峡" compare equal. */
export function compactText(value: string): string {
  return normalizeText(value).replace(/ /g, '');
}

/**
 * Folding for personal names: compact, and without the punctuation people put between name parts
 * ("Watanabe, Kenji", "渡辺・健二", "K.Watanabe").
 */
export function foldName(value: string): string {
  // The katakana long-vowel mark (ー) is part of names and is kept.
  return compactText(value).replace(/[.,，、・･·'"’`()（）[\]「」『』<>＜＞_\-‐―－]/g, '');
}

/** "U+0456" */
export function codePointLabel(char: string): string {
  return 'U+' + (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

const ACCENTS: Readonly<Record<string, string>> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', uml: '\u0308', cedil: '\u0327', ring: '\u030A' };
const NAMED: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", szlig: 'ß', euro: '€', laquo: '«', raquo: '»', ndash: '–', mdash: '—', hellip: '…' };
const REFERENCE = /&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;

function decodeReference(whole: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  }
  const named = NAMED[body] ?? NAMED[body.toLowerCase()];
  if (named) return named;
  // "aacute", "Ntilde", "ouml", "ccedil": a letter and the name of its accent.
  const accent = ACCENTS[body.slice(1)];
  return accent && /^[a-z]$/i.test(body[0]) ? (body[0] + accent).normalize('NFC') : whole;
}

/**
 * HTML character references left in plain text ("Su cuenta est&aacute; restringida"): mailers that
 * paste HTML into the text part leave them, and the reader of the HTML part sees the letters. Numeric
 * references, the accented Latin letters and the common named ones are decoded; others stay as written.
 */
export function decodeCharacterReferences(value: string): string {
  if (value.indexOf('&') < 0) return value;
  return value.replace(REFERENCE, decodeReference);
}

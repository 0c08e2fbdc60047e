// Personal names as they appear in display names: "Dr. Kenji Watanabe", "WATANABE, Kenji",
// "渡辺 健二 様", "渡辺健二（JIIA）". These helpers cut a display name into the pieces that could
// be a name and produce the spellings one person's name takes (order swapped, spaces dropped,
// titles and honorifics removed) so the impersonation rule compares like with like.
import { normalizeText } from './normalize';

/** Display names longer than this are cut: names are short, and this bounds the work. */
export const NAME_INPUT_LIMIT = 256;
const TOKEN_LIMIT = 12;
const WINDOW_LIMIT = 4;

/** Titles written before or after a Latin-script name; they are not part of it. */
const LATIN_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'madam', 'dame', 'hon', 'rev',
  'amb', 'ambassador', 'gen', 'col', 'capt', 'lt', 'phd', 'md', 'esq', 'jr', 'sr', 'barrister', 'president', 'director',
]);

/** Japanese honorifics and job titles written after a name, with or without a space. */
const JAPANESE_SUFFIXES = [
  '様', 'さま', 'さん', '殿', '氏', '君', '先生', '教授', '准教授', '名誉教授', '博士', '大使', '部長', '課長', '局長',
  '室長', '所長', '理事長', '理事', '会長', '社長', '副社長', '専務', '常務', '顧問', '大臣', '次官', '審議官',
].sort((a, b) => b.length - a.length);

/** Characters that separate name parts or wrap them; replaced by a space before splitting. */
const NAME_PUNCTUATION = /[.,，、。・･·'"’‘“”`_()（）[\]［］{}「」『』【】〈〉《》<>＜＞\-‐‑–—―－/／\\|｜:：;；!！?？*＊~〜]/g;

/** Pieces of a display name that may stand alone: "渡辺健二（JIIA）" → "渡辺健二", "JIIA". */
const SEGMENT_BREAK = /[()（）[\]［］【】<>＜＞「」『』|｜/／:：;；@＠]|\s[-–—]\s/;

/**
 * Variant kanji (異体字) that stand for the same character in family names: registers and business
 * cards write 渡邊 or 渡邉 where others write 渡辺, 髙橋 for 高橋, 齋藤 or 齊藤 for 斎藤. Folded to one
 * form before names are compared. Pairs from the variant-character lists of the Japanese family
 * register (戸籍統一文字) and JIS X 0213; 斉 and 斎 are distinct characters but stand for the same
 * Saitō so often that readers do not tell them apart.
 */
const VARIANT_KANJI: ReadonlyMap<string, string> = new Map(
  [
    ['邊', '辺'], ['邉', '辺'], ['齋', '斎'], ['齊', '斎'], ['斉', '斎'], ['髙', '高'], ['﨑', '崎'], ['嵜', '崎'], ['𠮷', '吉'],
    ['濱', '浜'], ['濵', '浜'], ['澤', '沢'], ['嶋', '島'], ['嶌', '島'], ['櫻', '桜'], ['廣', '広'], ['龍', '竜'], ['國', '国'],
    ['會', '会'], ['實', '実'], ['眞', '真'], ['德', '徳'], ['惠', '恵'], ['關', '関'], ['條', '条'], ['槗', '橋'], ['冨', '富'],
    ['曾', '曽'], ['渕', '淵'], ['彌', '弥'], ['萬', '万'], ['榮', '栄'], ['瀨', '瀬'], ['壽', '寿'], ['亞', '亜'], ['禮', '礼'],
    ['傳', '伝'], ['藏', '蔵'], ['峯', '峰'], ['檜', '桧'], ['籠', '篭'], ['舘', '館'],
  ] as const,
);

/**
 * Romanisations of one Japanese name: Hepburn and Kunrei spellings (syun/shun, tuji/tsuji, hukuda/
 * fukuda) and the ways long vowels are written (Ohno, Oono, Ono; Satou, Satoh, Sato) fold to one.
 * Only applied to whole tokens of ASCII letters, on both sides of a comparison.
 */
const ROMAJI_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/sy/g, 'sh'], [/ty/g, 'ch'], [/zy/g, 'j'], [/tu/g, 'tsu'], [/tsts/g, 'ts'], [/ti/g, 'chi'], [/si/g, 'shi'], [/zi/g, 'ji'], [/hu/g, 'fu'],
  [/oh(?![aeiouy])/g, 'o'], [/ou/g, 'o'], [/oo/g, 'o'], [/uu/g, 'u'],
];

export function foldVariantKanji(value: string): string {
  let out = '';
  for (const char of value) out += VARIANT_KANJI.get(char) ?? char;
  return out;
}

export function foldRomaji(token: string): string {
  if (!/^[a-z]{2,40}$/.test(token)) return token;
  let folded = token;
  for (const [pattern, replacement] of ROMAJI_FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

function stripJapaneseSuffix(token: string): string {
  for (const suffix of JAPANESE_SUFFIXES) {
    if (token.length > suffix.length && token.endsWith(suffix)) return token.slice(0, -suffix.length);
  }
  return token;
}

/** Lower-case name words without punctuation, titles or honorifics, at most TOKEN_LIMIT of them. */
export function nameTokens(value: string): string[] {
  const words = normalizeText(value.slice(0, NAME_INPUT_LIMIT)).replace(NAME_PUNCTUATION, ' ').split(' ');
  const tokens: string[] = [];
  for (const word of words) {
    if (!word || LATIN_TITLES.has(word) || JAPANESE_SUFFIXES.includes(word)) continue;
    const token = foldRomaji(foldVariantKanji(stripJapaneseSuffix(word)));
    if (token) tokens.push(token);
    if (tokens.length >= TOKEN_LIMIT) break;
  }
  return tokens;
}

/**
 * The compact spellings of one name: as written, family/given swapped, and for three or more
 * parts with initials ("Kenji A. Watanabe") dropped. "Kenji Watanabe" → kenjiwatanabe, watanabekenji.
 */
export function nameSpellings(name: string): string[] {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return [];
  const spellings = new Set<string>();
  const add = (parts: string[]) => {
    if (parts.length > 0) spellings.add(parts.join(''));
  };
  add(tokens);
  if (tokens.length >= 2) add([...tokens].reverse());
  const withoutInitials = tokens.filter((token) => !/^[a-z]$/.test(token));
  if (withoutInitials.length >= 2 && withoutInitials.length !== tokens.length) {
    add(withoutInitials);
    add([...withoutInitials].reverse());
  }
  if (tokens.length === 3) {
    // "Watanabe Kenji A." / "Kenji A. Watanabe": family name moved from one end to the other.
    add([tokens[2], tokens[0], tokens[1]]);
    add([tokens[1], tokens[2], tokens[0]]);
  }
  return [...spellings];
}

/** A display name whole, then its pieces that may stand alone ("渡辺健二（JIIA）" → "渡辺健二", "JIIA"). */
function segmentsOf(text: string): string[] {
  return [text, ...text.split(SEGMENT_BREAK).slice(0, 6)];
}

/** Commas separate "Family, Given" but also "Name, Title". */
function commaPartsOf(segment: string): string[] {
  return segment.split(/[,，、]/).slice(0, 4);
}

/**
 * The pieces of a display name that may each be a whole name: the name, its segments and their comma
 * parts ("Dr. Kenji Watanabe, Senior Fellow (JIIA)" → …, "Dr. Kenji Watanabe", "Senior Fellow", "JIIA"). Bounded.
 */
export function nameParts(displayName: string): string[] {
  const parts: string[] = [];
  for (const segment of segmentsOf(displayName.slice(0, NAME_INPUT_LIMIT))) parts.push(segment, ...commaPartsOf(segment));
  return parts;
}

/**
 * Strings from a display name that might be a person's name: each segment whole, and every run
 * of up to four consecutive words within it, all compact. Bounded: at most a few hundred.
 */
export function nameCandidates(displayName: string): string[] {
  const text = displayName.slice(0, NAME_INPUT_LIMIT);
  const candidates = new Set<string>();
  for (const segment of segmentsOf(text)) {
    const tokens = nameTokens(segment);
    if (tokens.length === 0) continue;
    candidates.add(tokens.join(''));
    for (let size = 1; size <= Math.min(WINDOW_LIMIT, tokens.length); size++) {
      for (let start = 0; start + size <= tokens.length; start++) candidates.add(tokens.slice(start, start + size).join(''));
    }
    for (const part of commaPartsOf(segment)) {
      const partTokens = nameTokens(part);
      if (partTokens.length > 0) candidates.add(partTokens.join(''));
    }
  }
  return [...candidates];
}

/** True for names written in Japanese or Chinese script (no spaces between words). */
export function isCjk(value: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(value);
}

const LEADING_TITLE = /^\s*["'(]?\s*(mr|mrs|ms|miss|dr|prof|professor|sir|madam|dame|barrister|rev|ambassador|gen|col|capt)\b\.?/i;
const TRAILING_HONORIFIC = /(様|さま|殿|先生|教授|博士|大使)\s*$/;

/** "Mr. David Malpass", "Dr Serhiy", "渡辺健二 先生": the name presents itself as a particular person. */
export function hasPersonalTitle(displayName: string): boolean {
  const text = displayName.slice(0, NAME_INPUT_LIMIT).normalize('NFKC');
  return LEADING_TITLE.test(text) || TRAILING_HONORIFIC.test(text);
}

// Does an HTML element hide its content from the reader? Phishing pads its HTML with text nobody
// sees: random words that throw off filters ("hash-busters"), a brand name split by invisible
// letters, a harmless newsletter under the lure. Readers see only what is drawn, so the reader's
// text must not contain it, and the rules want to know it was there. Read from the element's own
// attributes (inline style, hidden, font color, bgcolor); style sheets are not evaluated.
import type { TagAttributes } from './html';

/**
 * What decides whether an element's text is seen, as CSS computes it. Some properties hide a whole
 * subtree whatever its descendants say (display:none, opacity:0, a zero-height box that clips its
 * overflow); font size, colour and visibility are inherited and a descendant may set them back
 * (layout generators put font-size:0 on every table cell and the real size on the text inside).
 */
export interface Visibility {
  /** An ancestor or the element itself removes the subtree from view. */
  removed: boolean;
  /** Inherited font size is zero. */
  zeroFont: boolean;
  /** Inherited visibility is hidden. */
  invisible: boolean;
  /** Inherited text colour, lower case; undefined for the reader's default (dark) text. */
  color?: string;
  /** Background the text is drawn on: 'light' (white-ish), 'other'; undefined for the reader's white page. */
  background?: 'light' | 'other';
  /** Own background colour as written (to compare with the text colour). */
  backgroundColor?: string;
}

export const PAGE: Visibility = { removed: false, zeroFont: false, invisible: false };

/** Style values read this far; real inline styles are short. */
const MAX_STYLE = 4000;

/** "prop: value; …" → map of lower-case property to lower-case value (last one wins, as in CSS). */
function declarations(style: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of style.slice(0, MAX_STYLE).split(';').slice(0, 100)) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    map.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase());
  }
  return map;
}

const ZERO_LENGTH = /^[-+]?0*\.?0+(?:px|pt|em|rem|%|ex|ch|vw|vh|mm|cm|in)?$/;
const WHITE = /^(?:white|#fff|#ffffff|#fefefe|#fdfdfd|rgba?\(\s*25[3-5]\s*,\s*25[3-5]\s*,\s*25[3-5]\s*(?:,\s*1(?:\.0+)?\s*)?\))$/;
const TRANSPARENT = /^(?:transparent|rgba\([^)]{0,40},\s*0(?:\.0+)?\s*\)|#[0-9a-f]{6}00|#[0-9a-f]{3}0)$/;

function colorOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const color = value.trim().toLowerCase();
  return color || undefined;
}

/** The first colour named in a `background` shorthand ("#fff url(x) no-repeat"). */
function backgroundColor(map: Map<string, string>, bgcolor: string | undefined): string | undefined {
  const explicit = colorOf(map.get('background-color'));
  if (explicit) return explicit;
  const shorthand = map.get('background');
  if (shorthand) {
    const first = shorthand.split(/\s+/).find((token) => /^(?:#|rgb|hsl|[a-z]+$)/.test(token) && !/^(?:none|no-repeat|repeat|center|top|left|right|bottom|fixed|scroll)$/.test(token));
    if (first) return first;
    if (/url\(/.test(shorthand)) return 'image';
  }
  return colorOf(bgcolor);
}

/** True when text drawn with this visibility cannot be seen. */
export function hidesText(look: Visibility): boolean {
  if (look.removed || look.zeroFont || look.invisible) return true;
  const color = look.color;
  if (!color) return false;
  if (TRANSPARENT.test(color)) return true;
  if (look.backgroundColor && color === look.backgroundColor) return true;
  return WHITE.test(color) && (look.background === undefined || look.background === 'light');
}

/** The visibility of an element's content, from its own attributes and its parent's visibility. */
export function elementVisibility(name: string, attributes: TagAttributes | undefined, parent: Visibility): Visibility {
  if (!attributes) return { ...parent, backgroundColor: undefined };
  const map = declarations(attributes.get('style') ?? '');
  const look: Visibility = { ...parent, backgroundColor: undefined };
  const background = backgroundColor(map, attributes.get('bgcolor'));
  if (background) {
    look.background = WHITE.test(background) ? 'light' : 'other';
    look.backgroundColor = background;
  }
  if (attributes.get('hidden') !== undefined && name !== 'input') look.removed = true;
  if (map.get('display') === 'none' || map.get('mso-hide') === 'all') look.removed = true;
  const opacity = map.get('opacity');
  if (opacity !== undefined && /^0*\.?0+%?$/.test(opacity)) look.removed = true;
  if (map.get('overflow') === 'hidden') {
    for (const property of ['max-height', 'height', 'max-width', 'width']) {
      const value = map.get(property);
      if (value !== undefined && ZERO_LENGTH.test(value)) look.removed = true;
    }
  }
  const visibility = map.get('visibility');
  if (visibility !== undefined) look.invisible = visibility === 'hidden' || visibility === 'collapse';
  const fontSize = map.get('font-size');
  if (fontSize !== undefined) look.zeroFont = ZERO_LENGTH.test(fontSize);
  if (name === 'font' && attributes.get('size') !== undefined) look.zeroFont = /^\s*0\s*$/.test(attributes.get('size') ?? '');
  const color = colorOf(map.get('color')) ?? (name === 'font' ? colorOf(attributes.get('color')) : undefined);
  if (color) look.color = color;
  return look;
}

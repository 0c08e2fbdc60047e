// A small forward-only HTML tokenizer. Message HTML is hostile and can be megabytes long, so we
// never build a DOM and never run a regex across the document: every loop moves forward, every
// search remembers its last answer, and the whole walk is linear in the input.
import { elementVisibility, hidesText, PAGE, type Visibility } from './html-visibility';

/** Named character references decoded everywhere (with ';'). */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  AMP: '&', LT: '<', GT: '>', QUOT: '"',
  copy: '©', COPY: '©', reg: '®', REG: '®', trade: '™', TRADE: '™',
  hellip: '…', mldr: '…', mdash: '—', ndash: '–', minus: '−', hyphen: '‐', dash: '‐',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', prime: '′', Prime: '″',
  bull: '•', bullet: '•', middot: '·', centerdot: '·', dagger: '†', Dagger: '‡', permil: '‰',
  zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f', shy: '\u00ad',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', hairsp: '\u200a', ZeroWidthSpace: '\u200b', NoBreak: '\u2060',
  euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤', dollar: '$',
  sect: '§', para: '¶', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ',
  iexcl: '¡', iquest: '¿', brvbar: '¦', uml: '¨', acute: '´', cedil: '¸', macr: '¯', ordf: 'ª', ordm: 'º',
  not: '¬', sup1: '¹', sup2: '²', sup3: '³', frac14: '¼', frac12: '½', frac34: '¾',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  ETH: 'Ð', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', THORN: 'Þ', szlig: 'ß',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  eth: 'ð', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', thorn: 'þ', yuml: 'ÿ',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒', lArr: '⇐', check: '✓', cross: '✗',
  colon: ':', sol: '/', bsol: '\\', period: '.', comma: ',', excl: '!', quest: '?', num: '#', percnt: '%',
  lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', lcub: '{', rcub: '}', commat: '@',
  equals: '=', plus: '+', ast: '*', semi: ';', lowbar: '_', grave: '`', Hat: '^', vert: '|', verbar: '|',
  Tab: '\t', NewLine: '\n',
};

/** Entities browsers also decode without the ';' (the legacy ones that matter in practice). */
const LEGACY_ENTITIES = ['amp', 'AMP', 'lt', 'LT', 'gt', 'GT', 'quot', 'QUOT', 'nbsp', 'copy', 'COPY', 'reg', 'REG'];

/** What browsers show for &#128;–&#159;: the windows-1252 characters, not C1 controls. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function codePointText(value: number): string {
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\ufffd';
  if (value >= 0x80 && value <= 0x9f) return WINDOWS_1252_C1[value - 0x80];
  return String.fromCodePoint(value);
}

/**
 * Decodes character references: named ones from a common table, decimal and hex ones (with or
 * without ';'). In attribute values a legacy entity without ';' followed by '=' or a letter is
 * left alone, as browsers do, so "?a=1&copy=2" stays a query string.
 */
export function decodeEntities(value: string, inAttribute = false): string {
  let amp = value.indexOf('&');
  if (amp < 0) return value;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    let i = amp + 1;
    let replacement: string | undefined;
    let end = i;
    if (value.charCodeAt(i) === 0x23) {
      // Numeric reference.
      i++;
      const hex = value.charCodeAt(i) === 0x78 || value.charCodeAt(i) === 0x58;
      if (hex) i++;
      const digitsStart = i;
      let number = 0;
      while (i < value.length) {
        const c = value.charCodeAt(i);
        const digit = hex ? (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1) : c >= 0x30 && c <= 0x39 ? c - 0x30 : -1;
        if (digit < 0) break;
        if (number <= 0x10ffff) number = number * (hex ? 16 : 10) + digit;
        i++;
      }
      if (i > digitsStart) {
        replacement = codePointText(number);
        end = value.charCodeAt(i) === 0x3b ? i + 1 : i;
      }
    } else {
      while (i < value.length && i - amp <= 32 && isAsciiAlnum(value.charCodeAt(i))) i++;
      const name = value.slice(amp + 1, i);
      if (value.charCodeAt(i) === 0x3b && Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name)) {
        replacement = NAMED_ENTITIES[name];
        end = i + 1;
      } else {
        // Longest legacy entity that prefixes the name, e.g. "&ampfoo" or "&nbsp ".
        let best = 0;
        for (const legacy of LEGACY_ENTITIES) {
          if (legacy.length <= best || !name.startsWith(legacy)) continue;
          const after = value.charCodeAt(amp + 1 + legacy.length);
          if (inAttribute && (after === 0x3d || isAsciiAlnum(after))) continue;
          best = legacy.length;
          replacement = NAMED_ENTITIES[legacy];
          end = amp + 1 + legacy.length;
        }
      }
    }
    if (replacement !== undefined) {
      out += value.slice(last, amp) + replacement;
      last = end;
    }
    amp = value.indexOf('&', Math.max(end, amp + 1));
  }
  return last === 0 ? value : out + value.slice(last);
}

export interface TagAttributes {
  get(name: string): string | undefined;
}

export interface HtmlVisitor {
  /** Raw (not yet entity-decoded) text between tags that a reader would see. */
  text(raw: string): void;
  /** Return true to ask for the tag's attributes. */
  wantsAttributes?(name: string): boolean;
  startTag(name: string, attributes: TagAttributes | undefined): void;
  endTag(name: string): void;
  /** Checked after every tag; true stops the walk. */
  done?(): boolean;
}

/** Elements whose content a reader never sees as text (scripts, styles, the title…). */
const HIDDEN_CONTENT = new Set(['script', 'style', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'template', 'object']);

class AttributeMap implements TagAttributes {
  private readonly values = new Map<string, string>();
  set(name: string, value: string): void {
    // The first occurrence wins, as in browsers.
    if (!this.values.has(name)) this.values.set(name, value);
  }
  get(name: string): string | undefined {
    return this.values.get(name);
  }
}

function isTagNameChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 0x2d || code === 0x3a || code === 0x5f;
}

function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/**
 * Reads the rest of a tag from `pos` (just after its name) to the closing '>'. Quoted attribute
 * values may contain '>'. Returns the index after '>' (or the input length when the tag never closes).
 */
function readTagRest(html: string, pos: number, attributes: AttributeMap | undefined): number {
  const n = html.length;
  let i = pos;
  while (i < n) {
    let c = html.charCodeAt(i);
    if (c === 0x3e) return i + 1;
    if (isHtmlSpace(c) || c === 0x2f) {
      i++;
      continue;
    }
    // Attribute name.
    const nameStart = i;
    while (i < n) {
      c = html.charCodeAt(i);
      if (isHtmlSpace(c) || c === 0x2f || c === 0x3e || (c === 0x3d && i > nameStart)) break;
      i++;
    }
    const name = attributes ? html.slice(nameStart, i).toLowerCase() : '';
    while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== 0x3d) {
      attributes?.set(name, '');
      continue;
    }
    i++;
    while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
    c = html.charCodeAt(i);
    let value: string;
    if (c === 0x22 || c === 0x27) {
      const close = html.indexOf(c === 0x22 ? '"' : "'", i + 1);
      const valueEnd = close < 0 ? n : close;
      value = attributes ? html.slice(i + 1, valueEnd) : '';
      i = close < 0 ? n : close + 1;
    } else {
      const valueStart = i;
      while (i < n && !isHtmlSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3e) i++;
      value = attributes ? html.slice(valueStart, i) : '';
    }
    attributes?.set(name, attributes ? decodeEntities(value, true) : '');
  }
  return n;
}

/** Case-insensitive search for "</name" that remembers its answer per name, keeping repeated searches linear. */
class ClosingTagFinder {
  private readonly cache = new Map<string, { from: number; found: number }>();
  constructor(private readonly html: string) {}
  find(name: string, from: number): number {
    const cached = this.cache.get(name);
    if (cached && from >= cached.from && (cached.found < 0 || cached.found >= from)) return cached.found;
    let at = this.html.indexOf('</', from);
    while (at >= 0) {
      let matches = true;
      for (let k = 0; k < name.length; k++) {
        const code = this.html.charCodeAt(at + 2 + k) | 0x20;
        if (code !== name.charCodeAt(k)) {
          matches = false;
          break;
        }
      }
      if (matches && !isTagNameChar(this.html.charCodeAt(at + 2 + name.length))) break;
      at = this.html.indexOf('</', at + 2);
    }
    this.cache.set(name, { from, found: at });
    return at;
  }
}

/** Walks the document once, reporting visible text runs and tags. */
export function walkHtml(html: string, visitor: HtmlVisitor): void {
  const n = html.length;
  const closing = new ClosingTagFinder(html);
  let textStart = 0;
  let i = 0;
  const emitText = (end: number) => {
    if (end > textStart) visitor.text(html.slice(textStart, end));
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 || next === 0x3f) {
      // Comment, doctype, CDATA or processing instruction: never visible.
      emitText(lt);
      let end: number;
      if (html.startsWith('<!--', lt)) {
        const close = html.indexOf('-->', lt + 4);
        end = close < 0 ? n : close + 3;
      } else {
        const close = html.indexOf('>', lt + 2);
        end = close < 0 ? n : close + 1;
      }
      i = textStart = end;
      continue;
    }
    const isEnd = next === 0x2f;
    const nameStart = lt + (isEnd ? 2 : 1);
    const first = html.charCodeAt(nameStart);
    if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) {
      // "a < b" or "</ 3": a literal '<', part of the text.
      i = lt + 1;
      continue;
    }
    emitText(lt);
    let nameEnd = nameStart + 1;
    while (nameEnd < n && isTagNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const attributes = !isEnd && visitor.wantsAttributes?.(name) ? new AttributeMap() : undefined;
    const tagEnd = readTagRest(html, nameEnd, attributes);
    if (isEnd) visitor.endTag(name);
    else visitor.startTag(name, attributes);
    i = textStart = tagEnd;
    if (!isEnd && HIDDEN_CONTENT.has(name)) {
      // Raw text up to the matching end tag (or the end of the document, as browsers do).
      const close = closing.find(name, tagEnd);
      if (close < 0) {
        i = textStart = n;
      } else {
        const closeEnd = readTagRest(html, close + 2 + name.length, undefined);
        visitor.endTag(name);
        i = textStart = closeEnd;
      }
    }
    if (visitor.done?.()) return;
  }
  emitText(n);
}

/** Elements that start on a new line. */
const BLOCK_TAGS = new Set([
  'div', 'tr', 'li', 'dt', 'dd', 'thead', 'tbody', 'tfoot', 'caption', 'section', 'article', 'header', 'footer',
  'nav', 'aside', 'main', 'form', 'fieldset', 'legend', 'address', 'center', 'figure', 'figcaption',
  'details', 'summary', 'body', 'html', 'option', 'textarea', 'hgroup', 'menu', 'dl',
]);
/** Elements a browser sets apart with a blank line (margins). */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'hr']);
const CELL_TAGS = new Set(['td', 'th']);

const HTML_WHITESPACE_RUN = /[ \t\n\f\r]+/g;
const NEEDS_COLLAPSE = /[\t\n\f\r]| {2}/;

/** Whitespace runs (HTML's notion) become one space; other characters are kept. */
export function collapseHtmlWhitespace(value: string): string {
  return NEEDS_COLLAPSE.test(value) ? value.replace(HTML_WHITESPACE_RUN, ' ') : value;
}

/** Elements that never have content or an end tag. */
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Open elements tracked for visibility; deeper nesting is treated as its nearest tracked ancestor. */
const MAX_OPEN_ELEMENTS = 2000;
/** An end tag closes the nearest open element of its name within this many; further away it is stray. */
const END_TAG_REACH = 64;
/** Hidden text kept per message; enough to show and measure it. */
export const MAX_HIDDEN_TEXT = 20_000;

export interface HtmlReading {
  /** What the reader sees (see htmlToText). */
  text: string;
  /** Text inside elements styled out of sight (see html-visibility.ts), whitespace collapsed, capped. */
  hidden: string;
  /** Separate hidden elements that held text. */
  hiddenRuns: number;
  /**
   * <img> elements that are not 1×1 tracking pixels, and image buttons (<input type="image">), which
   * show a picture as well and which no mail editor writes: kits use them so that counting <img> misses the banner.
   */
  images: number;
  /**
   * Non-space characters of the visible text, and of those the ones inside the single link that holds
   * the most (a written-out address such as "https://…" or "www.…" does not count: that is a link the
   * reader can read, not a clickable page).
   */
  linkedText: { visible: number; inLargestLink: number };
}

/** A link whose text starts like this is a written-out address the reader can read, not a clickable page. */
const WRITTEN_OUT_ADDRESS = /^\s*(?:[a-z][\w+.-]*:\/\/|www\.)/i;

interface OpenElement {
  name: string;
  look: Visibility;
  /** hidesText(look), computed once. */
  hidden: boolean;
}

function isPixel(attributes: TagAttributes | undefined): boolean {
  const small = (value: string | undefined) => value !== undefined && /^\s*[01](?:px)?\s*$/i.test(value);
  return small(attributes?.get('width')) || small(attributes?.get('height')) || /(?:^|;)\s*display\s*:\s*none/i.test(attributes?.get('style') ?? '');
}

/**
 * Reads an HTML body as a reader sees it: the visible text (scripts, styles, the title, comments
 * and hidden elements removed, block elements and <br> turned into line breaks, table cells
 * separated by spaces, inline tags removed without adding space so "Pay<b>Pal</b>" stays one word,
 * entities decoded, whitespace collapsed, at most one blank line in a row), the hidden text apart,
 * and the number of images. Linear in the input.
 */
export function readHtml(html: string): HtmlReading {
  if (typeof html !== 'string' || !html) return { text: '', hidden: '', hiddenRuns: 0, images: 0, linkedText: { visible: 0, inLargestLink: 0 } };
  const parts: string[] = [];
  const hiddenParts: string[] = [];
  let hiddenLength = 0;
  let hiddenRuns = 0;
  let runOpen = false;
  let images = 0;
  const linkedText = { visible: 0, inLargestLink: 0 };
  // The open link's visible characters (-1: no link open), and whether its text is a written-out address.
  let linkCharacters = -1;
  let linkIsAddress = false;
  const endLink = () => {
    if (!linkIsAddress && linkCharacters > linkedText.inLargestLink) linkedText.inLargestLink = linkCharacters;
    linkCharacters = -1;
  };
  let preDepth = 0;
  // Line breaks wait until the next visible text, so nested blocks give one break, not several.
  let pendingBreak = 0;
  const open: OpenElement[] = [];
  const hiddenNow = () => open.length > 0 && open[open.length - 1].hidden;
  const breakBefore = (level: number) => {
    if (level > pendingBreak) pendingBreak = level;
  };
  const boundary = (name: string) => {
    if (PARAGRAPH_TAGS.has(name)) breakBefore(2);
    else if (BLOCK_TAGS.has(name)) breakBefore(1);
    else if (CELL_TAGS.has(name)) parts.push(' ');
  };
  const close = (name: string) => {
    const lowest = Math.max(0, open.length - END_TAG_REACH);
    for (let i = open.length - 1; i >= lowest; i--) {
      if (open[i].name !== name) continue;
      open.length = i;
      runOpen = false;
      return;
    }
  };
  walkHtml(html, {
    text(raw) {
      const decoded = decodeEntities(raw);
      if (hiddenNow()) {
        const piece = collapseHtmlWhitespace(decoded);
        if (!piece.trim()) return;
        if (!runOpen) {
          hiddenRuns++;
          runOpen = true;
        }
        if (hiddenLength < MAX_HIDDEN_TEXT) {
          const kept = piece.slice(0, MAX_HIDDEN_TEXT - hiddenLength);
          hiddenParts.push(kept);
          hiddenLength += kept.length;
        }
        return;
      }
      let piece = preDepth > 0 ? decoded.replace(/\r\n?/g, '\n') : collapseHtmlWhitespace(decoded);
      if (piece.indexOf('\u00a0') >= 0) piece = piece.replace(/\u00a0/g, ' ');
      const characters = piece.replace(/\s/g, '').length;
      linkedText.visible += characters;
      if (linkCharacters >= 0) {
        if (linkCharacters === 0 && characters) linkIsAddress = WRITTEN_OUT_ADDRESS.test(piece);
        linkCharacters += characters;
      }
      if (pendingBreak && piece.trim()) {
        if (parts.length) parts.push(pendingBreak === 2 ? '\n\n' : '\n');
        pendingBreak = 0;
      }
      parts.push(piece);
    },
    wantsAttributes() {
      return true;
    },
    startTag(name, attributes) {
      const picture = name === 'img' || (name === 'input' && attributes?.get('type')?.trim().toLowerCase() === 'image');
      if (picture && !(open.length > 0 && open[open.length - 1].look.removed) && !isPixel(attributes)) images++;
      if (name === 'a') {
        // Links do not nest: as in browsers, a new <a> ends the one still open.
        if (linkCharacters >= 0) endLink();
        linkCharacters = 0;
      }
      if (!VOID_TAGS.has(name) && open.length < MAX_OPEN_ELEMENTS) {
        const look = elementVisibility(name, attributes, open.length > 0 ? open[open.length - 1].look : PAGE);
        const hidden = hidesText(look);
        if (hidden !== hiddenNow()) {
          hiddenParts.push(' ');
          runOpen = false;
        }
        open.push({ name, look, hidden });
      }
      if (hiddenNow()) return;
      if (name === 'pre') preDepth++;
      if (name === 'br') parts.push('\n');
      else boundary(name);
    },
    endTag(name) {
      if (name === 'a' && linkCharacters >= 0) endLink();
      const wasHidden = hiddenNow();
      if (!VOID_TAGS.has(name)) close(name);
      if (wasHidden) return;
      if (name === 'pre' && preDepth > 0) preDepth--;
      if (name === 'br') parts.push('\n');
      else boundary(name);
    },
  });
  if (linkCharacters >= 0) endLink();
  return { text: tidyLines(parts.join('')), hidden: hiddenParts.join('').replace(/\s+/g, ' ').trim(), hiddenRuns, images, linkedText };
}

/** The text a reader would see in an HTML body (see readHtml). */
export function htmlToText(html: string): string {
  return readHtml(html).text;
}

function collapseSpaces(line: string): string {
  return line.indexOf('  ') >= 0 || line.indexOf('\t') >= 0 ? line.replace(/[ \t]{2,}|\t/g, ' ') : line;
}

/** Trims each line, collapses spaces and keeps at most one empty line between paragraphs. */
function tidyLines(text: string): string {
  const out: string[] = [];
  let blank = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let lineStart = pos;
    let lineEnd = end;
    while (lineStart < lineEnd && (text.charCodeAt(lineStart) === 0x20 || text.charCodeAt(lineStart) === 0x09)) lineStart++;
    while (lineEnd > lineStart && (text.charCodeAt(lineEnd - 1) === 0x20 || text.charCodeAt(lineEnd - 1) === 0x09)) lineEnd--;
    const line = collapseSpaces(text.slice(lineStart, lineEnd));
    pos = end + 1;
    if (!line) {
      blank++;
      continue;
    }
    if (out.length) out.push(blank > 0 ? '\n\n' : '\n');
    out.push(line);
    blank = 0;
  }
  return out.join('');
}

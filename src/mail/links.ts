// Every link a reader could click: HTML anchors and image-map areas (with the text the reader
// sees, so rules can compare what is shown with where it goes) and URLs written as plain text.
import type { MailLink } from '../engine/model';
import { collapseHtmlWhitespace, decodeEntities, htmlToText, walkHtml } from './html';

export { htmlToText, decodeEntities };

/** At most this many links are processed (duplicates included); a message with more is cut short. */
export const MAX_LINKS = 20_000;
/** Visible text kept per anchor; an unclosed <a> must not collect the rest of a 5 MB document. */
const MAX_ANCHOR_TEXT = 2000;

/** Browsers drop leading/trailing spaces and tabs/newlines anywhere in a URL. */
function cleanHref(raw: string): string {
  let href = raw.trim();
  if (/[\t\n\r]/.test(href)) href = href.replace(/[\t\n\r]/g, '');
  return href;
}

function visibleText(parts: string[]): string {
  return collapseHtmlWhitespace(parts.join('')).replace(/\u00a0/g, ' ').trim();
}

/** Tags that separate words when rendered; inline tags (b, span, font…) do not. */
const WORD_BREAK_TAGS = new Set(['br', 'p', 'div', 'td', 'th', 'li', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'img']);

/**
 * Anchors and areas of an HTML body. When `outsideText` is given, the visible text that is not
 * inside an anchor is collected into it, so URLs written there as plain text can be found without
 * finding each anchor's text a second time.
 */
function linksFromHtml(html: string, add: (link: MailLink) => boolean, outsideText?: string[]): void {
  let anchor: { href: string; parts: string[]; length: number } | undefined;
  let stopped = false;
  const finishAnchor = () => {
    if (!anchor) return;
    if (!add({ href: anchor.href, text: visibleText(anchor.parts), source: 'html' })) stopped = true;
    anchor = undefined;
  };
  walkHtml(html, {
    text(raw) {
      if (!anchor) {
        outsideText?.push(decodeEntities(raw));
        return;
      }
      if (anchor.length >= MAX_ANCHOR_TEXT) return;
      const decoded = decodeEntities(raw);
      const piece = decoded.length + anchor.length > MAX_ANCHOR_TEXT ? decoded.slice(0, MAX_ANCHOR_TEXT - anchor.length) : decoded;
      anchor.parts.push(piece);
      anchor.length += piece.length;
    },
    wantsAttributes(name) {
      return name === 'a' || name === 'area';
    },
    startTag(name, attributes) {
      if (name === 'a') {
        // Anchors do not nest: a new <a> closes the open one, as in browsers.
        finishAnchor();
        const href = cleanHref(attributes?.get('href') ?? '');
        if (href && !href.startsWith('#')) anchor = { href, parts: [], length: 0 };
        outsideText?.push(' ');
      } else if (name === 'area') {
        const href = cleanHref(attributes?.get('href') ?? '');
        if (href && !href.startsWith('#')) {
          if (!add({ href, text: collapseHtmlWhitespace(attributes?.get('alt') ?? '').trim(), source: 'html' })) stopped = true;
        }
      } else if (WORD_BREAK_TAGS.has(name)) {
        if (anchor) anchor.parts.push(' ');
        else outsideText?.push(' ');
      }
    },
    endTag(name) {
      if (name === 'a') {
        finishAnchor();
        outsideText?.push(' ');
      } else if (!anchor && WORD_BREAK_TAGS.has(name)) outsideText?.push(' ');
    },
    done() {
      return stopped;
    },
  });
  if (!stopped) finishAnchor();
}

function isUrlStop(code: number): boolean {
  if (code <= 0x20 || code === 0x7f) return true;
  switch (code) {
    case 0x22: // "
    case 0x3c: // <
    case 0x3e: // >
    case 0x60: // `
    case 0x5c: // \
    case 0x5e: // ^
    case 0x7b: // {
    case 0x7d: // }
    case 0x7c: // |
    case 0xa0:
      return true;
  }
  // Unicode spaces, CJK punctuation and kana, full-width brackets and punctuation: Japanese text
  // often runs straight on after a URL ("https://example.jp/からログイン").
  if (code >= 0x2000 && code <= 0x200b) return true;
  if (code === 0x2028 || code === 0x2029 || code === 0x3000) return true;
  if (code >= 0x3001 && code <= 0x30ff) return true;
  if (code >= 0xff01 && code <= 0xff0f) return true;
  if (code >= 0xff1a && code <= 0xff20) return true;
  if (code >= 0xff3b && code <= 0xff40) return true;
  if (code >= 0xff5b && code <= 0xff65) return true;
  return false;
}

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", ')', ']', '*', '\u2019', '\u201d']);

function trimTrailingPunctuation(url: string): string {
  let opens = 0;
  let closes = 0;
  for (let k = 0; k < url.length; k++) {
    const code = url.charCodeAt(k);
    if (code === 0x28) opens++;
    else if (code === 0x29) closes++;
  }
  let end = url.length;
  while (end > 0) {
    const ch = url[end - 1];
    if (!TRAILING_PUNCTUATION.has(ch)) break;
    // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
    if (ch === ')') {
      if (closes <= opens) break;
      closes--;
    }
    end--;
  }
  return url.slice(0, end);
}

const URL_START = /https?:\/\/|www\./gi;

function linksFromText(text: string, add: (link: MailLink) => boolean): void {
  URL_START.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = URL_START.exec(text))) {
    const start = match.index;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const isWww = match[0].length === 4;
    // "xhttp://" or "foo.www.example" are not the start of a URL.
    if (isAsciiLetter(before) || (isWww && (isAsciiDigit(before) || before === 0x2e || before === 0x2f || before === 0x40 || before === 0x2d))) {
      continue;
    }
    let end = start + match[0].length;
    while (end < text.length && !isUrlStop(text.charCodeAt(end))) end++;
    URL_START.lastIndex = end;
    const url = trimTrailingPunctuation(text.slice(start, end));
    if (url.length <= match[0].length + (isWww ? 1 : 0)) continue;
    if (!add({ href: url, text: url, source: 'text' })) return;
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Links in a message: anchors (`<a href>`, with their visible text entity-decoded and whitespace
 * collapsed), `<area href>` (text: its alt), then http/https/www. URLs written in the plain text.
 * Without a plain text (an HTML-only message), URLs written as text in the HTML outside any anchor
 * are found instead. Fragment-only and empty hrefs are skipped. Exact duplicates (same href, text and source) are
 * kept once, and a plain-text URL that an HTML link already covers (as its href or its visible
 * text) is not repeated. At most MAX_LINKS links are processed.
 */
export function extractLinks(html: string | undefined, text: string | undefined): MailLink[] {
  const links: MailLink[] = [];
  const seen = new Set<string>();
  const coveredByHtml = new Set<string>();
  let processed = 0;
  const add = (link: MailLink): boolean => {
    if (processed >= MAX_LINKS) return false;
    processed++;
    if (link.source === 'text' && coveredByHtml.has(link.href)) return true;
    const key = `${link.source}\u0000${link.href}\u0000${link.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      links.push(link);
      if (link.source === 'html') {
        coveredByHtml.add(link.href);
        if (link.text) coveredByHtml.add(link.text);
      }
    }
    return processed < MAX_LINKS;
  };
  try {
    const hasText = typeof text === 'string' && text.length > 0;
    const outsideAnchors: string[] | undefined = hasText ? undefined : [];
    if (typeof html === 'string' && html) linksFromHtml(html, add, outsideAnchors);
    const plain = hasText ? text : outsideAnchors?.join('');
    if (plain && processed < MAX_LINKS) linksFromText(plain, add);
  } catch {
    // A bug here must not cost the rest of the message; keep what was found.
  }
  return links;
}

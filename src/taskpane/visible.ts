// Message-derived strings made safe to look at: characters that are invisible or reorder text
// (zero-width, bidi controls, control characters) become visible markers such as ⟨U+202E⟩, so a
// reader sees exactly what the sender wrote. Output is always plain text for React text nodes.

/** Code points that render as nothing or change how neighbouring text is displayed. */
export function isHiddenCodePoint(cp: number, keepLineBreaks = false): boolean {
  if (keepLineBreaks && (cp === 0x0a || cp === 0x0d || cp === 0x09)) return false;
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xfff0 && cp <= 0xfffb) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

export function codePointLabel(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

/** The text with every hidden character replaced by ⟨U+XXXX⟩. Linear in the input. */
export function visible(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    out += isHiddenCodePoint(cp, options.keepLineBreaks) ? `⟨${codePointLabel(cp)}⟩` : char;
  }
  return out;
}

/** At most `max` code points, with an ellipsis when cut. */
export function truncate(text: string, max: number): { shown: string; truncated: boolean } {
  const points = Array.from(text);
  if (points.length <= max) return { shown: text, truncated: false };
  return { shown: points.slice(0, Math.max(1, max - 1)).join('') + '…', truncated: true };
}

export interface Segment {
  text: string;
  highlight: boolean;
}

/** The context with the first occurrence of the phrase (case-insensitive) highlighted. */
export function highlightPhrase(context: string, phrase: string): Segment[] {
  const at = phrase ? context.toLowerCase().indexOf(phrase.toLowerCase()) : -1;
  if (at < 0 || context.toLowerCase().length !== context.length) {
    return [{ text: context, highlight: false }];
  }
  return [
    { text: context.slice(0, at), highlight: false },
    { text: context.slice(at, at + phrase.length), highlight: true },
    { text: context.slice(at + phrase.length), highlight: false },
  ].filter((segment) => segment.text.length > 0);
}

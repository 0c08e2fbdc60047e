// Bounds on message-derived free text kept in report rows (subject, sender names, header summary).
// A hostile message can fold a multi-megabyte subject; the raw .eml keeps it whole for download,
// but list rows, the report detail and search text carry a bounded copy.

/** UTF-16 code units kept of one free-text field taken from the message. */
export const MAX_FIELD_CHARS = 2000;
/** Nesting followed when bounding the JSON header summary (it is a few levels deep). */
const MAX_DEPTH = 8;

/**
 * At most `max` UTF-16 code units, cut on a code-point boundary (never between the halves of a
 * surrogate pair), ending in "…" when something was cut.
 */
export function capText(text: string, max = MAX_FIELD_CHARS): string {
  if (text.length <= max) return text;
  return cutText(text, Math.max(0, max - 1)) + '…';
}

/** At most `max` UTF-16 code units, cut on a code-point boundary, with no marker. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  // The kept part would end on a high surrogate whose low half is cut off: drop that half too.
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** `capText` for an optional value; anything that is not a string passes unchanged. */
export function capOptional<T>(value: T, max = MAX_FIELD_CHARS): T {
  return (typeof value === 'string' ? capText(value, max) : value) as T;
}

/** A copy of a JSON-like value with every string in it bounded (objects and arrays followed a few levels deep). */
export function capStrings(value: unknown, max = MAX_FIELD_CHARS, depth = 0): unknown {
  if (typeof value === 'string') return capText(value, max);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => capStrings(item, max, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = capStrings(item, max, depth + 1);
  return out;
}

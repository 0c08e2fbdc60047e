// Dictionary look-ups for words that come from elsewhere (a topic IT invented, a technique the engine
// added later): the translation when the dictionary has one of its own, otherwise nothing.

/** The translated name for a known key; undefined for keys the dictionary does not know (or inherits). */
export function named(names: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined;
}

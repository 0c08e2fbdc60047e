// A JSON checker for hand-edited policy files. JSON.parse reports a syntax error differently in
// every engine (Chrome gives an offset, Safari nothing), and accepts a field written twice by
// silently keeping the last one. This single linear pass gives the same line:column and a plain
// explanation everywhere, refuses duplicate fields, and remembers where each value starts so that
// schema errors can point at a line too. It only checks: the value itself comes from JSON.parse.

export interface JsonProblem {
  /** Offset in the text (UTF-16 code units). */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units (one per character for Japanese text). */
  column: number;
  message: string;
}

export interface JsonScan {
  problem?: JsonProblem;
  /** JSON pointer ("/protectedPeople/0/name", "" for the root) -> offset where that value (or, for a field, its name) starts. */
  locations: Map<string, number>;
}

/** Nesting deeper than this is not a policy; refusing it keeps the recursion bounded. */
const MAX_DEPTH = 64;

class Failure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** JSON pointer segment, escaped the way TypeBox writes error paths. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function show(char: string): string {
  if (char === '\u3000') return 'a full-width space (U+3000)';
  if (char === '\u00a0') return 'a no-break space (U+00A0)';
  const code = char.charCodeAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${char}"`;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]{0,40}/y;

export function scanJson(text: string): JsonScan {
  const locations = new Map<string, number>();
  let pos = 0;
  // Annotated so that TypeScript knows a call never returns and narrows after it.
  const at: (offset: number, message: string) => never = (offset, message) => {
    throw new Failure(offset, message);
  };
  const where = (offset: number) => {
    const { line, column } = lineAndColumn(text, offset);
    return `line ${line}, column ${column}`;
  };

  const skipSpace = () => {
    while (pos < text.length) {
      const char = text[pos];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') pos++;
      else if (char === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) at(pos, 'comments are not allowed in JSON; remove them');
      else if (char === '\u3000' || char === '\u00a0' || char === '\ufeff') at(pos, `${show(char)} is not allowed outside quotes; use an ordinary space`);
      else return;
    }
  };

  const readWord = (): string => {
    WORD.lastIndex = pos;
    return WORD.exec(text)?.[0] ?? '';
  };

  /** Returns the decoded text; `pos` ends after the closing quote. */
  const string = (): string => {
    const start = pos;
    pos++;
    while (true) {
      if (pos >= text.length) at(start, 'this text is never closed with a double quote (")');
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      }
      if (code === 0x5c) {
        const escaped = text[pos + 1];
        if (escaped === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(pos + 2, pos + 6))) at(pos, '"\\u" must be followed by four hexadecimal digits');
          pos += 6;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
          pos += 2;
        } else {
          at(pos, `"\\${escaped ?? ''}" is not a valid escape in JSON text; write "\\\\" for a backslash`);
        }
        continue;
      }
      if (code === 10 || code === 13) at(pos, 'line break inside text; close the quote (") on the same line');
      if (code < 0x20) at(pos, `${show(text[pos] ?? '')} is not allowed inside text`);
      pos++;
    }
  };

  const value = (pointer: string, depth: number): void => {
    if (depth > MAX_DEPTH) at(pos, `nested more than ${MAX_DEPTH} levels deep`);
    skipSpace();
    if (pos >= text.length) at(pos, 'the file ends where a value was expected');
    locations.set(pointer, pos);
    const char = text[pos] ?? '';
    if (char === '{') return object(pointer, depth);
    if (char === '[') return array(pointer, depth);
    if (char === '"') {
      string();
      return;
    }
    if (char === "'") at(pos, 'use double quotes (") around text, not single quotes');
    if (char === '“' || char === '”' || char === '＂') at(pos, `${show(char)} is a typographic quote; use the plain double quote (")`);
    if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text)?.[0] ?? '';
      const after = text[pos + match.length] ?? '';
      if (!match || /[0-9A-Za-z.]/.test(after)) at(pos, 'not a valid number (JSON numbers look like 3, -1 or 2.5, without leading zeros)');
      pos += match.length;
      return;
    }
    const word = readWord();
    if (word === 'true' || word === 'false' || word === 'null') {
      pos += word.length;
      return;
    }
    if (word) {
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false' || lower === 'null' || lower === 'none') {
        at(pos, `unexpected word "${word}"; JSON writes true, false and null in lower case`);
      }
      at(pos, `unexpected word "${word}"; text must be in double quotes ("${word}")`);
    }
    at(pos, `unexpected ${show(char)} where a value was expected`);
  };

  const object = (pointer: string, depth: number): void => {
    const open = pos;
    pos++;
    const seen = new Map<string, number>();
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    while (true) {
      skipSpace();
      const char = text[pos];
      if (char === undefined) at(pos, `the object opened at ${where(open)} is never closed with "}"`);
      if (char !== '"') {
        if (char === "'") at(pos, 'use double quotes (") around field names, not single quotes');
        if (readWord()) at(pos, `field names must be in double quotes, like "${readWord()}"`);
        at(pos, `expected a field name in double quotes, found ${show(char ?? '')}`);
      }
      const keyStart = pos;
      const key = string();
      const first = seen.get(key);
      if (first !== undefined) {
        at(keyStart, `field "${key}" appears twice in this object (first at ${where(first)}); JSON would silently keep only the last one, so remove or merge one`);
      }
      seen.set(key, keyStart);
      const childPointer = `${pointer}/${pointerSegment(key)}`;
      locations.set(childPointer, keyStart);
      skipSpace();
      if (text[pos] !== ':') at(pos, `expected ":" after the field name "${key}"`);
      pos++;
      value(childPointer, depth + 1);
      // The field's own location should be its name, which is where people look for it.
      locations.set(childPointer, keyStart);
      skipSpace();
      const next = text[pos];
      if (next === '}') {
        pos++;
        return;
      }
      if (next === ',') {
        const comma = pos;
        pos++;
        skipSpace();
        if (text[pos] === '}') at(comma, 'remove this comma: JSON allows no comma before "}"');
        continue;
      }
      if (next === undefined) at(pos, `the object opened at ${where(open)} is never closed with "}"`);
      if (next === '"') at(pos, 'missing comma (",") before this field');
      at(pos, `expected "," or "}" after the value of "${key}", found ${show(next)}`);
    }
  };

  const array = (pointer: string, depth: number): void => {
    const open = pos;
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (let index = 0; ; index++) {
      value(`${pointer}/${index}`, depth + 1);
      skipSpace();
      const next = text[pos];
      if (next === ']') {
        pos++;
        return;
      }
      if (next === ',') {
        const comma = pos;
        pos++;
        skipSpace();
        if (text[pos] === ']') at(comma, 'remove this comma: JSON allows no comma before "]"');
        continue;
      }
      if (next === undefined) at(pos, `the list opened at ${where(open)} is never closed with "]"`);
      if (next === '"' || next === '{' || next === '[' || /[0-9-]/.test(next)) at(pos, 'missing comma (",") before this entry');
      at(pos, `expected "," or "]" after a list entry, found ${show(next)}`);
    }
  };

  try {
    skipSpace();
    if (pos >= text.length) at(pos, 'the file is empty; an empty policy is written {}');
    value('', 0);
    skipSpace();
    if (pos < text.length) at(pos, `unexpected ${show(text[pos] ?? '')} after the end of the JSON value (is a "{" or "[" missing earlier?)`);
  } catch (caught) {
    if (!(caught instanceof Failure)) throw caught;
    const { line, column } = lineAndColumn(text, caught.offset);
    return { problem: { offset: caught.offset, line, column, message: caught.message }, locations };
  }
  return { locations };
}

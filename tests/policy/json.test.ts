import fc from 'fast-check';
import { lineAndColumn, scanJson } from '../../src/policy/json';

function problem(text: string): string {
  const found = scanJson(text).problem;
  if (!found) throw new Error('expected a problem');
  return `${found.line}:${found.column}: ${found.message}`;
}

describe('scanJson', () => {
  it('explains the mistakes people make when editing JSON by hand', () => {
    expect(problem('{\n  // our domains\n  "organizationDomains": []\n}')).toBe('2:3: comments are not allowed in JSON; remove them');
    expect(problem("{\n  'organizationDomains': []\n}")).toBe('2:3: use double quotes (") around field names, not single quotes');
    expect(problem('{\n  organizationDomains: []\n}')).toBe('2:3: field names must be in double quotes, like "organizationDomains"');
    expect(problem('{"trustedDomains": [\'example.go.jp\']}')).toBe('1:21: use double quotes (") around text, not single quotes');
    expect(problem('{"a": True}')).toBe('1:7: unexpected word "True"; JSON writes true, false and null in lower case');
    expect(problem('{"a": example}')).toBe('1:7: unexpected word "example"; text must be in double quotes ("example")');
    expect(problem('{"a": “x”}')).toBe('1:7: "“" is a typographic quote; use the plain double quote (")');
    expect(problem('{"a": "b}')).toBe('1:7: this text is never closed with a double quote (")');
    expect(problem('{"a": "line one\nline two"}')).toBe('1:16: line break inside text; close the quote (") on the same line');
    expect(problem('{"a": "C:\\temp\\x"}')).toBe('1:15: "\\x" is not a valid escape in JSON text; write "\\\\" for a backslash');
    expect(problem('{"a": 01}')).toBe('1:7: not a valid number (JSON numbers look like 3, -1 or 2.5, without leading zeros)');
    expect(problem('{"a": 1}\n}')).toBe('2:1: unexpected "}" after the end of the JSON value (is a "{" or "[" missing earlier?)');
    expect(problem('{"a":\u30001}')).toBe('1:6: a full-width space (U+3000) is not allowed outside quotes; use an ordinary space');
    expect(problem('   \n ')).toBe('2:2: the file is empty; an empty policy is written {}');
    expect(problem('{"a": [1, 2}')).toBe('1:12: expected "," or "]" after a list entry, found "}"');
    expect(problem('{"a" 1}')).toBe('1:6: expected ":" after the field name "a"');
    expect(problem('["a" "b"]')).toBe('1:6: missing comma (",") before this entry');
  });

  it('refuses duplicate field names inside one object but not across objects', () => {
    expect(problem('{"people": [{"name": "a", "name": "b"}]}')).toBe('1:27: field "name" appears twice in this object (first at line 1, column 14); JSON would silently keep only the last one, so remove or merge one');
    expect(scanJson('[{"name": "a"}, {"name": "b"}]').problem).toBeUndefined();
    // Escapes are decoded before comparing: "\u0061" is "a".
    expect(scanJson('{"a": 1, "\\u0061": 2}').problem?.message).toMatch(/appears twice/);
  });

  it('bounds nesting instead of recursing without limit', () => {
    expect(scanJson('['.repeat(10_000) + ']'.repeat(10_000)).problem?.message).toMatch(/nested more than 64 levels deep/);
  });

  it('records where each value starts, fields at their name', () => {
    const text = '{\n  "reporting": {\n    "channels": ["endpoint", "compose"]\n  }\n}';
    const { locations } = scanJson(text);
    const at = (pointer: string) => lineAndColumn(text, locations.get(pointer) ?? -1);
    expect(at('')).toEqual({ line: 1, column: 1 });
    expect(at('/reporting')).toEqual({ line: 2, column: 3 });
    expect(at('/reporting/channels')).toEqual({ line: 3, column: 5 });
    expect(at('/reporting/channels/1')).toEqual({ line: 3, column: 30 });
  });

  it('accepts exactly what JSON.parse accepts, apart from duplicate fields', () => {
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(scanJson(text).problem).toBeUndefined();
      }),
      { numRuns: 300, seed: 20250101 },
    );
    const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\n', 'a', '1', '-', '.', 'e', '\\', 'u', 't', 'r', 'n', '0'), maxLength: 24 });
    fc.assert(
      fc.property(jsonish, (text) => {
        const scan = scanJson(text);
        if (scan.problem?.message.includes('appears twice')) return;
        expect(scan.problem === undefined).toBe(parses(text));
      }),
      { numRuns: 3000, seed: 20250102 },
    );
    // One character inserted into or removed from valid JSON: the borderline cases.
    const edit = fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', '"', ':', ',', '\\', '0', '-', 'x', '\u3000'));
    fc.assert(
      fc.property(edit, ([valid, index, inserted]) => {
        const at = index % (valid.length + 1);
        const text = inserted ? valid.slice(0, at) + inserted + valid.slice(at) : valid.slice(0, at) + valid.slice(at + 1);
        const scan = scanJson(text);
        if (scan.problem?.message.includes('appears twice')) return;
        expect(scan.problem === undefined).toBe(parses(text));
      }),
      { numRuns: 3000, seed: 20250103 },
    );
  });
});

// The characters that differ between a claimed and a real address are marked; unrelated addresses are
// not sprinkled with marks.
import { closest, diffStrings } from '../../src/taskpane/diff';

const marked = (segments: { text: string; highlight: boolean }[]) => segments.filter((segment) => segment.highlight).map((segment) => segment.text);

describe('diffStrings', () => {
  it.each([
    ['a hyphen for a dot', 'k.watanabe@example-or.jp', 'k.watanabe@example.or.jp', ['-'], ['.']],
    ['rn for m', 'rnicrosoft.com', 'microsoft.com', ['rn'], ['m']],
    ['a Cyrillic і', 'mіcrosoft.com', 'microsoft.com', ['і'], ['i']],
    ['a doubled letter', 'examplle.com', 'example.com', ['l'], []],
    ['a capital I for l', 'paypaI.com', 'paypal.com', ['I'], ['l']],
  ])('marks only %s', (_name, actual, claimed, inActual, inClaimed) => {
    const diff = diffStrings(actual, claimed);
    expect(marked(diff.a)).toEqual(inActual);
    expect(marked(diff.b)).toEqual(inClaimed);
    expect(diff.a.map((segment) => segment.text).join('')).toBe(actual);
  });

  it('marks two unrelated addresses as one block between what they share at the ends', () => {
    const diff = diffStrings('nakamura.takeshi.office@yahoo.co.jp', 't.nakamura@example.or.jp');
    expect(marked(diff.a)).toEqual(['nakamura.takeshi.office@yahoo.co']);
    expect(marked(diff.b)).toEqual(['t.nakamura@example.or']);
  });

  it('marks extra positions the engine named', () => {
    expect(marked(diffStrings('abc', 'abc', [1]).a)).toEqual(['b']);
  });

  it('finishes on long input', () => {
    const { a, b } = diffStrings('a'.repeat(100_000), 'b'.repeat(100_000));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });
});

describe('closest', () => {
  it('picks the known address nearest to the one seen, preferring addresses to bare domains', () => {
    expect(closest('k.watanabe@example-or.jp', ['kenji.watanabe@example.ac.jp', 'k.watanabe@example.or.jp', 'example.ac.jp'])).toBe('k.watanabe@example.or.jp');
    expect(closest('x@y.z', [])).toBeUndefined();
  });
});

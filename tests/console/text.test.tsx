/** @jest-environment jsdom */
// Txt shows message text as React text: defanged, hidden characters made visible, cut at `max`. A
// multi-million-character subject is cut before that work, with the same result as before for
// ordinary values.
import { render } from '@testing-library/react';
import { displayText, headOf, Txt, TXT_LOOKAHEAD } from '../../src/console/Text';
import { defangText } from '../../src/console/defang';
import { truncate, visible } from '../../src/taskpane/visible';

/** What Txt showed before it cut its input: the whole value defanged and made visible, then truncated. */
function reference(text: string, max: number): { shown: string; title?: string } {
  const full = visible(defangText(text));
  const { shown, truncated } = truncate(full, max);
  return { shown, title: truncated ? full.slice(0, 4000) : undefined };
}

test('a 5-million-character subject renders at most max characters with the truncation marker and a bounded title', () => {
  const subject = 'Invoice https://pay.evil.example/x \u202Efdp.exe '.repeat(120_000).slice(0, 5_000_000);
  expect(subject.length).toBe(5_000_000);
  const { container } = render(<Txt value={subject} max={120} />);
  const span = container.querySelector('span')!;
  const text = span.textContent ?? '';
  expect(Array.from(text)).toHaveLength(120);
  expect(text.endsWith('…')).toBe(true);
  expect(text.startsWith('Invoice hxxps://pay[.]evil[.]example/x ⟨U+202E⟩fdp.exe')).toBe(true);
  expect(text).not.toContain('\u202E');
  const title = span.getAttribute('title') ?? '';
  expect(title.length).toBeGreaterThan(120);
  expect(title.length).toBeLessThanOrEqual(4000);
  // The same as working on the whole value (checked on a value small enough to do that).
  const medium = subject.slice(0, 60_000);
  expect({ shown: text, title }).toEqual(reference(medium, 120));
});

test('ordinary values are shown exactly as before, cut or not', () => {
  const values = [
    '',
    'Password expiry',
    '給与改定のお知らせ（2025年1月） https://docs-share.example/f/ab12cd?dl=1 ',
    'www.evil.example/login\u200B\u202Etxt.exe',
    '😀'.repeat(500),
    'x'.repeat(TXT_LOOKAHEAD + 400) + '😀',
    'see http://a.b.c/' + 'd.'.repeat(6000),
  ];
  for (const value of values) {
    for (const max of [1, 2, 40, 120, 300, 1000]) {
      const { shown, title } = displayText(value, max);
      expect({ shown, title }).toEqual(reference(value, max));
    }
  }
});

test('the value is cut on a code-point boundary, never between the halves of a surrogate pair', () => {
  const value = 'a' + '😀'.repeat(10);
  expect(headOf(value, 2)).toEqual({ head: 'a', cut: true });
  expect(headOf(value, 3)).toEqual({ head: 'a😀', cut: true });
  expect(headOf(value, 100)).toEqual({ head: value, cut: false });
});

test('a cut value always says so, even when max is larger than what was read', () => {
  const value = 'y'.repeat(50_000);
  const { shown, truncated } = displayText(value, 46_500);
  expect(truncated).toBe(true);
  expect(shown.endsWith('…')).toBe(true);
  expect(Array.from(shown).length).toBeLessThanOrEqual(46_500);
});

// The pane quotes the message as written: the engine's offsets (in normalised text) are mapped back to
// the original subject or body, whatever case, width, spacing or character references it used.
import fc from 'fast-check';
import { analyze } from '../../src/engine';
import { decodeCharacterReferences, normalizeText } from '../../src/engine/text/normalize';
import { resolvePolicy } from '../../src/policy';
import { foldWithOrigins, originalRanges, quotesOf, rangesByText, QUOTE_CONTEXT } from '../../src/taskpane/quote';
import { message } from './helpers';

const highlighted = (segments: { text: string; highlight: boolean }[]) => segments.filter((segment) => segment.highlight).map((segment) => segment.text);

describe('foldWithOrigins', () => {
  it.each([
    ['full-width and case', 'ＴＡＩＷＡＮ Strait'],
    ['spaces, tabs and line breaks', '  Taiwan \t\r\n  Strait  '],
    ['zero-width characters', 'Tai\u200Bwan'],
    ['half-width katakana with voiced marks', 'ｶﾞｲﾑｼｮｳ'],
    ['combining accents', 'Cafe\u0301 de\u0301tente'],
    ['ideographic space', '台湾\u3000海峡'],
  ])('gives normalizeText’s text for %s', (_name, value) => {
    expect(foldWithOrigins(value).text).toBe(normalizeText(value));
  });

  it('agrees with normalizeText on arbitrary text, or the quote falls back (never a wrong offset)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (value) => {
        const folded = foldWithOrigins(value);
        if (folded.text !== normalizeText(value)) return; // originalRanges refuses such text
        for (let i = 0; i < folded.text.length; i++) {
          // Every normalised character points at a piece of the original that normalises to it.
          const piece = value.slice(folded.from[i], folded.to[i]);
          if (folded.text[i] === ' ') expect(piece.normalize('NFKC')).toMatch(/\s/);
          else expect(normalizeText(piece)).toContain(folded.text[i]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decodes character references in the body as the engine does', () => {
    const body = 'Su cuenta est&aacute; restringida';
    expect(foldWithOrigins(body, { references: true }).text).toBe(normalizeText(decodeCharacterReferences(body)));
  });

  it('stops reading once it has what it needs', () => {
    const folded = foldWithOrigins('abc '.repeat(100_000), { need: 10 });
    expect(folded.text.length).toBeLessThan(20);
  });
});

describe('quoting the engine’s matches in the original', () => {
  const policy = resolvePolicy(undefined);

  it('quotes a full-width, upper-case subject as written, with the phrase marked', () => {
    const msg = message({ subject: 'ＵＲＧＥＮＴ: ＴＡＩＷＡＮ ＳＴＲＡＩＴ briefing', text: 'See attached.' });
    const verdict = analyze(msg, policy);
    const phrase = verdict.findings.flatMap((finding) => finding.evidence).find((evidence) => evidence.kind === 'phrase' && evidence.field === 'subject');
    expect(phrase).toBeDefined();
    if (phrase?.kind !== 'phrase' || !phrase.at) throw new Error('no offsets');
    const ranges = originalRanges({ original: msg.subject, body: false }, [phrase.at]);
    expect(ranges).toBeDefined();
    expect(msg.subject.slice(ranges![0].start, ranges![0].end)).toBe('ＴＡＩＷＡＮ ＳＴＲＡＩＴ');
  });

  it('maps offsets through spacing, zero-width characters and references in the body', () => {
    const original = 'Dear colleague,\r\n\r\nOur  views on the  Taiwan\u200B Strait and est&aacute; fine.';
    const normalized = normalizeText(decodeCharacterReferences(original));
    const start = normalized.indexOf('taiwan strait');
    const [range] = originalRanges({ original, body: true }, [{ start, end: start + 'taiwan strait'.length }])!;
    expect(original.slice(range.start, range.end)).toBe('Taiwan\u200B Strait');
  });

  it('refuses offsets that lie beyond the text (the quote then shows the engine’s context)', () => {
    expect(originalRanges({ original: 'short', body: false }, [{ start: 10, end: 20 }])).toBeUndefined();
  });

  it('quotes three phrases of one subject once, and each distant body phrase apart', () => {
    const subject = 'Weekly brief: Taiwan Strait exercises and the Japan-US alliance';
    const quotes = quotesOf(subject, [
      { start: 14, end: 27 },
      { start: 46, end: 63 },
    ]);
    expect(quotes).toHaveLength(1);
    expect(highlighted(quotes[0])).toEqual(['Taiwan Strait', 'Japan-US alliance']);
    const body = `${'x '.repeat(200)}first phrase${' y'.repeat(200)} second phrase`;
    expect(quotesOf(body, [rangesByText(body, ['first phrase'])![0], rangesByText(body, ['second phrase'])![0]])).toHaveLength(2);
  });

  it('starts a quote at a line or word, and says when text was left out', () => {
    const body = 'First line of the letter, which goes on for a good while before it ends.\nThe Taiwan Strait matters here, as the minister said at length yesterday evening.';
    const [quote] = quotesOf(body, rangesByText(body, ['Taiwan Strait'])!);
    expect(quote[0]).toEqual({ text: '…', highlight: false });
    expect(quote[1].text.startsWith('The ')).toBe(true);
    expect(quote.map((segment) => segment.text).join('').length).toBeLessThanOrEqual('Taiwan Strait'.length + 2 * QUOTE_CONTEXT + 2);
  });

  it('finds phrases given without offsets as written, ignoring case', () => {
    expect(rangesByText('Password: Kx9!pQ', ['Kx9!pQ'])).toEqual([{ start: 10, end: 16 }]);
    expect(rangesByText('ZIP PASSWORD below', ['zip password'])).toEqual([{ start: 0, end: 12 }]);
    expect(rangesByText('nothing here', ['absent'])).toBeUndefined();
  });
});

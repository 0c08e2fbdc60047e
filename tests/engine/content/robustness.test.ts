// Hostile input: whatever bytes or text arrive, the readers and the matcher stay within bounds
// and never throw.
import fc from 'fast-check';
import { buildPhraseMatcher } from '../../../src/engine/text/matcher';
import { normalizeText } from '../../../src/engine/text/normalize';
import { listRar, listZip, list7z, readArchive, sniff } from '../../../src/engine/rules/content/archives';
import { fixture, rar4, rar5, zip } from '../../fixtures/content/builders';

const phrases = ['Taiwan Strait', 'verify your account', '台湾有事', 'パスワードの有効期限', 'e-mail', 'a'].map((phrase) => ({ phrase, category: 'x', weight: 1 }));
const matcher = buildPhraseMatcher(phrases);
const compact = (value: string) => normalizeText(value).replace(/[ .\-_*·•]/g, '');

describe('matcher on arbitrary text', () => {
  test('every match lies inside the text and spells its phrase once separators are removed', () => {
    const pieces = fc.constantFrom('Taiwan', ' ', 'Strait', '台', '湾', '有事', '\u200b', 'ｔａｉ', 'wan', '-', 'verify', 'your', 'account', 'a', '.', 'パスワード', 'の有効期限');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const text = normalizeText(parts.join(''));
        for (const match of matcher.find('body', text)) {
          expect(match.start).toBeGreaterThanOrEqual(0);
          expect(match.end).toBeLessThanOrEqual(text.length);
          expect(compact(text.slice(match.start, match.end))).toBe(compact(match.phrase));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('archive readers on damaged input', () => {
  const samples = [fixture('encrypted.zip'), fixture('shortcut-inside.zip'), zip([{ name: 'a.lnk' }]), rar5([{ name: 'x.exe', encrypted: true }]), rar4([{ name: 'y.js' }])];

  test('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(() => [sniff(bytes), readArchive(bytes), listZip(bytes), listRar(bytes), list7z(bytes)]).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  test('real archives with bytes flipped or cut off', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(), (sample, flips, cut) => {
        const damaged = sample.slice(0, Math.max(1, sample.length - (cut % sample.length)));
        for (const [at, value] of flips) damaged[at % damaged.length] = value;
        const listing = readArchive(damaged);
        expect(listing === undefined || listing.names.length <= 2000).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

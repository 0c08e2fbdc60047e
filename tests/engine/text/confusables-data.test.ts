// The committed confusables table is what the generator makes from Unicode's data, and decoding it
// gives back Unicode's mappings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderConfusablesData } from '../../../scripts/confusables-data';
import { skeleton } from '../../../src/engine/text/confusables';

const DATA = require('unhomoglyph/data.json') as Record<string, string>;

describe('confusables data', () => {
  it('is what scripts/confusables-data.ts generates (run `npx tsx scripts/confusables-data.ts` if this fails)', () => {
    const committed = readFileSync(path.join(__dirname, '../../../src/engine/text/confusables-data.ts'), 'utf8');
    expect(committed).toBe(renderConfusablesData(DATA));
  });

  it('folds every character Unicode maps to an ASCII letter or digit to that letter', () => {
    // Compatibility folding comes first (ſ is s, as NFKC says), and the hand table decides for the
    // few characters it names (Cyrillic palochka ӏ reads as l in mail fonts, and capital I as i or l).
    const handled = new Set(['I', '0', '1', '\u04CF']);
    const wrong = Object.entries(DATA)
      .filter(([, prototype]) => /^[a-z0-9]$/i.test(prototype))
      .filter(([source]) => !handled.has(source) && !/\p{M}/u.test(source) && source.normalize('NFKD') === source)
      .filter(([source, prototype]) => skeleton(`x${source}x`) !== skeleton(`x${prototype}x`));
    expect(wrong).toEqual([]);
  });
});

import fc from 'fast-check';
import { describeChar, isConfusable, skeleton } from '../../../src/engine/text/confusables';
import { characterDifferences, classifyEdit, damerauLevenshtein, similarityFromDistance } from '../../../src/engine/text/similarity';
import { hasPersonalTitle, nameCandidates, nameSpellings, nameTokens } from '../../../src/engine/text/names';
import { claimText, containsWord, glueSplitLetters, mentionsName, prepareName, unmaskMixedScriptWords } from '../../../src/engine/text/words';

/** Textbook full-matrix optimal string alignment distance, to check the banded version against. */
function referenceDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

describe('skeleton', () => {
  it.each([
    ['аррӏе.com', 'apple.com'], // Cyrillic а, р, р, palochka, е
    ['PayPaI', 'paypal'], // capital I inside a lower-case word reads as l
    ['rnicrosoft', 'microsoft'],
    ['vvetransfer', 'wetransfer'],
    ['Ｍｉｃｒｏｓｏｆｔ', 'microsoft'], // full-width
    ['𝐓𝐫𝐚𝐜𝐤', 'track'], // mathematical bold
    ['M\u{E0139}i\u{E0139}crosoft', 'microsoft'], // variation selectors hidden between letters
    ['A\u073Flert', 'alert'], // Syriac mark on a Latin letter
    ['mofa.g0.jp', 'mofa.go.jp'],
    ['Кenji Wаtanabe', 'kenji watanabe'],
    ['Ōno', 'ono'],
    // Beyond the hand table: Unicode's UTS #39 confusables data.
    ['ᎪᏴᏟ', 'abc'], // Cherokee
    ['ꓮmazon', 'amazon'], // Lisu
    ['ɑmɑzon', 'amazon'], // Latin alpha
    ['ṁicrosoft', 'microsoft'], // dot above
    ['𝚙𝚊𝚢𝚙𝚊𝚕', 'paypal'], // mathematical monospace
    ['ⅿicrosoft', 'microsoft'], // small roman numeral one thousand
  ])('folds %s to %s', (input, expected) => {
    expect(skeleton(input)).toBe(expected);
  });

  it('keeps capitals I as i where they start a word, so acronyms stay themselves', () => {
    expect(skeleton('IBM')).toBe(skeleton('ibm'));
    expect(skeleton('ΙΒΜ')).toBe('ibm'); // Greek capitals
  });

  it('keeps Japanese voiced kana distinct and folds half-width katakana', () => {
    expect(skeleton('がぎ')).toBe('がぎ');
    expect(skeleton('ｶﾞｰﾄﾞ')).toBe('ガード');
    expect(skeleton('か')).not.toBe(skeleton('が'));
  });

  it('folds kanji that Japanese readers take for katakana', () => {
    expect(skeleton('力ード')).toBe(skeleton('カード'));
    expect(skeleton('メル力リ')).toBe('メルカリ');
  });

  it('does not merge letters that merely resemble each other loosely', () => {
    expect(skeleton('mail')).not.toBe(skeleton('mall'));
    expect(skeleton('kenji')).not.toBe(skeleton('kenzi'));
  });

  it('reports look-alike characters', () => {
    expect(isConfusable('а')).toBe(true);
    expect(isConfusable('a')).toBe(false);
  });
});

describe('describeChar', () => {
  it.each([
    ['а', 'CYRILLIC SMALL LETTER A'],
    ['\u202E', 'RIGHT-TO-LEFT OVERRIDE'],
    ['\u200B', 'ZERO WIDTH SPACE'],
    ['Ａ', 'FULLWIDTH LATIN CAPITAL LETTER A'],
    ['1', 'DIGIT ONE'],
    ['\uFE09', 'VARIATION SELECTOR-10'],
    ['\u073F', 'Syriac combining mark'],
    ['ж', 'Cyrillic letter'],
  ])('describes %s as %s', (char, description) => {
    expect(describeChar(char)).toBe(description);
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['kenjiwatanabe', 'kenjiwatanabe', 2, 0],
    ['kenjiwatanabe', 'kenjiwatnabe', 2, 1], // omission
    ['kenjiwatanabe', 'kenjiwatnaabe', 2, 1], // transposition
    ['mofa', 'mofaa', 1, 1],
    ['渡辺健二', '渡部健二', 1, 1], // one kanji is one edit
    ['microsoft', 'macrohard', 2, 3], // over the bound: max + 1
    ['abc', 'abcdef', 2, 3], // length difference alone exceeds the bound
    ['', 'ab', 3, 2],
  ])('%s vs %s (max %d) = %d', (a, b, max, expected) => {
    expect(damerauLevenshtein(a, b, max)).toBe(expected);
  });

  it('agrees with the full-matrix algorithm wherever the result is within the bound', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ア'), maxLength: 9 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ア'), maxLength: 9 }), fc.integer({ min: 0, max: 4 }), (a, b, max) => {
          expect(damerauLevenshtein(a, b, max)).toBe(Math.min(referenceDistance(a, b), max + 1));
        }),
      { numRuns: 2000 },
    );
  });

  it('answers on long inputs (only the band within the limit is computed)', () => {
    const long = 'a'.repeat(50_000);
    expect(damerauLevenshtein(long, long + 'b', 2)).toBe(1);
    expect(damerauLevenshtein(long, 'b'.repeat(50_000), 2)).toBe(3);
  });

  it('turns a distance into a similarity between 0 and 1', () => {
    expect(similarityFromDistance(0, 'abc', 'abc')).toBe(1);
    expect(similarityFromDistance(1, 'abcd', 'abce')).toBe(0.75);
  });
});

describe('classifyEdit and characterDifferences', () => {
  it.each([
    ['mofaa', 'mofa', 'repetition'],
    ['mfoa', 'mofa', 'transposition'],
    ['moa', 'mofa', 'omission'],
    ['mofx', 'mofa', 'substitution'],
    ['amofa', 'mofa', 'insertion'],
    ['mofa', 'mofa', undefined],
  ])('%s imitating %s is a %s', (actual, expected, kind) => {
    expect(classifyEdit(actual, expected)).toBe(kind);
  });

  it('lists each look-alike character with its code point and position', () => {
    expect(characterDifferences('pаypal', 'paypal', 4)).toEqual([{ char: 'а', codePoint: 'U+0430', description: 'CYRILLIC SMALL LETTER A', index: 5 }]);
  });

  it('reports a missing character as the expected one', () => {
    const [note] = characterDifferences('paypa', 'paypal');
    expect(note.char).toBe('l');
    expect(note.description).toContain('(missing)');
  });
});

describe('names', () => {
  it('drops titles and honorifics and splits on punctuation', () => {
    expect(nameTokens('Dr. Kenji Watanabe')).toEqual(['kenji', 'watanabe']);
    expect(nameTokens('WATANABE, Kenji')).toEqual(['watanabe', 'kenji']);
    expect(nameTokens('渡辺 健二 様')).toEqual(['渡辺', '健二']);
    expect(nameTokens('渡辺健二先生')).toEqual(['渡辺健二']);
  });

  it('spells a name in both orders, with and without spaces and initials', () => {
    expect(nameSpellings('Kenji Watanabe')).toEqual(expect.arrayContaining(['kenjiwatanabe', 'watanabekenji']));
    expect(nameSpellings('渡辺 健二')).toEqual(expect.arrayContaining(['渡辺健二', '健二渡辺']));
    expect(nameSpellings('Kenji A. Watanabe')).toEqual(expect.arrayContaining(['kenjiwatanabe']));
  });

  it('offers the name-sized pieces of a longer display name', () => {
    const candidates = nameCandidates('Kenji Watanabe (Senior Fellow, JIIA)');
    expect(candidates).toEqual(expect.arrayContaining(['kenjiwatanabe', 'seniorfellow', 'jiia']));
  });

  it('recognises a display name presenting itself with a title', () => {
    expect(hasPersonalTitle('Mrs. Mavis L. Wanczyk')).toBe(true);
    expect(hasPersonalTitle('MR.DAVID MALPASS')).toBe(true);
    expect(hasPersonalTitle('渡辺健二 先生')).toBe(true);
    expect(hasPersonalTitle('FoRK mailing list')).toBe(false);
    expect(hasPersonalTitle('Drone Weekly')).toBe(false);
  });
});

describe('words', () => {
  it('matches Latin names only as whole words', () => {
    expect(containsWord(claimText('DHL Paket'), 'dhl')).toBe(true);
    expect(containsWord(claimText('Groups Online'), 'ups')).toBe(false);
    expect(containsWord(claimText('Amazon.co.jp'), 'amazon')).toBe(true);
    expect(containsWord(claimText('Amazonプライム'), 'amazon')).toBe(true);
  });

  it('unmasks words disguised with look-alike letters, and leaves Russian and Greek text alone', () => {
    expect(unmaskMixedScriptWords('log іn to your аccоunt and order the wіthdrаwal')).toBe('log in to your account and order the withdrawal');
    expect(unmaskMixedScriptWords('ваш аккаунт paypal заблокирован')).toBe('ваш аккаунт paypal заблокирован');
    expect(unmaskMixedScriptWords('καλημέρα σας, athens')).toBe('καλημέρα σας, athens');
    // A foreign letter that passes for no Latin one leaves the word as written, same length throughout.
    const masked = 'your acсоuпt';
    expect(unmaskMixedScriptWords(masked)).toHaveLength(masked.length);
  });

  it('unmasks the first lines of a megabyte of mixed words in bounded time', () => {
    const started = Date.now();
    const unmasked = unmaskMixedScriptWords('аccоunt '.repeat(130_000));
    expect(unmasked).toHaveLength(8 * 130_000);
    expect(unmasked.startsWith('account account')).toBe(true);
    expect(unmaskMixedScriptWords('аbсdеfghijklmnорqrstuvwxyzаbсdеfghijklmnорqr'.repeat(25_000)).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('keeps trademark signs from gluing letters to a name', () => {
    expect(claimText('Mcafee™')).toBe('mcafee');
    expect(claimText('Netflix℠ Billing')).toBe('netflix billing');
    expect(claimText('McAfee® Security')).toBe('mcafee security');
  });

  it('finds Japanese names inside longer Japanese text and look-alike Latin names', () => {
    const rakuten = prepareName('楽天')!;
    expect(mentionsName(claimText('楽天カード株式会社'), rakuten)).toBe(true);
    const microsoft = prepareName('Microsoft 365')!;
    expect(mentionsName(claimText('Мicrosoft365 管理センター'), microsoft)).toBe(true);
  });

  it('refuses names too short to match safely', () => {
    expect(prepareName('au')).toBeUndefined();
    expect(prepareName('楽')).toBeUndefined();
  });
});

describe('brands split by punctuation', () => {
  it('glues letters split off a word, and runs of single letters, back together', () => {
    expect(glueSplitLetters(claimText("D'isney Plus"))).toBe('disney plus');
    expect(glueSplitLetters(claimText('P.a.y.P.a.l Support'))).toBe('paypal support');
    expect(glueSplitLetters(claimText('Amazon Japan'))).toBeUndefined();
  });

  it('finds the brand in such names, but not in ordinary names with an initial', () => {
    expect(mentionsName(claimText("D'isney Plus"), prepareName('Disney Plus')!)).toBe(true);
    expect(mentionsName(claimText('A-m-a-z-o-n カスタマーサービス'), prepareName('Amazon')!)).toBe(true);
    expect(mentionsName(claimText('John F Kennedy'), prepareName('Kennedy Center')!)).toBe(false);
    expect(mentionsName(claimText('Kenji W Tanaka'), prepareName('Amazon')!)).toBe(false);
  });
});

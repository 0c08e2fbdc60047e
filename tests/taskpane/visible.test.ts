import { en, ja, languageFor } from '../../src/i18n';
import { enDetails } from '../../src/i18n/en-details';
import { jaDetails } from '../../src/i18n/ja-details';
import { highlightPhrase, truncate, visible } from '../../src/taskpane/visible';

describe('visible()', () => {
  it('marks bidi, zero-width and control characters and keeps ordinary text', () => {
    expect(visible('a\u202Eb\u200Bc\uFEFF\u0007')).toBe('a⟨U+202E⟩b⟨U+200B⟩c⟨U+FEFF⟩⟨U+0007⟩');
    expect(visible('安全保障 ｗｏｒｄ')).toBe('安全保障 ｗｏｒｄ');
    expect(visible('line\nbreak', { keepLineBreaks: true })).toBe('line\nbreak');
    expect(visible('line\nbreak')).toBe('line⟨U+000A⟩break');
  });

  it('truncates by code point', () => {
    expect(truncate('😀😀😀😀', 3)).toEqual({ shown: '😀😀…', truncated: true });
    expect(truncate('short', 10)).toEqual({ shown: 'short', truncated: false });
  });

  it('highlights a phrase in the engine’s context, whatever its case', () => {
    expect(highlightPhrase('Urgent Sanctions update', 'sanctions')).toEqual([
      { text: 'Urgent ', highlight: false },
      { text: 'Sanctions', highlight: true },
      { text: ' update', highlight: false },
    ]);
  });
});

describe('language', () => {
  it('picks Japanese for ja-* display languages', () => {
    expect(languageFor('ja-JP')).toBe('ja');
    expect(languageFor('en-US')).toBe('en');
    expect(languageFor(undefined)).toBe('en');
  });

  it.each([
    ['the first screen', en, ja],
    ['the details', enDetails, jaDetails],
  ] as unknown as [string, Record<string, unknown>, Record<string, unknown>][])('has every string of %s in both languages', (_part, english, japanese) => {
    expect(Object.keys(japanese).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) {
      if (typeof english[key] === 'string') expect((japanese[key] as string).length).toBeGreaterThan(0);
    }
  });
});

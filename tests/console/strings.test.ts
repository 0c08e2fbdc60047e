// The console's dictionaries: both languages have every word, down to the last nested name, no word
// is defined by two of the per-page files (the later one would silently win), and the browser's
// language picks one.
import { en, FLAT_PARTS, ja, languageFor, localizedText } from '../../src/console/strings';

/** Every word of a dictionary with its key path (nested names included). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  return [[path, value]];
}

/** Each key path with what sits there: 'string' or 'function'. */
const shape = (dictionary: object) => leaves(dictionary).map(([path, value]): [string, string] => [path, typeof value]);

describe('console strings', () => {
  test('both languages have the same words, nested names included, each the same kind', () => {
    const english = shape(en).sort();
    const japanese = shape(ja).sort();
    expect(japanese.map(([path]) => path)).toEqual(english.map(([path]) => path));
    expect(japanese).toEqual(english);
  });

  test('every word of every per-page file reaches the dictionary', () => {
    for (const [dictionary, parts] of [[en, FLAT_PARTS.en], [ja, FLAT_PARTS.ja]] as const) {
      for (const words of Object.values(parts)) {
        for (const [key, value] of Object.entries(words)) expect([key, (dictionary as unknown as Record<string, unknown>)[key]]).toEqual([key, value]);
      }
    }
  });

  test('no word is empty in either language', () => {
    for (const [language, dictionary] of [['en', en], ['ja', ja]] as const) {
      const empty = leaves(dictionary).filter(([, value]) => typeof value === 'string' && value.trim() === '');
      expect([language, empty]).toEqual([language, []]);
    }
  });

  test('sentences built from numbers and names say something in both languages', () => {
    for (const dictionary of [en, ja]) {
      expect(dictionary.pageInfo(1, 50, 120)).toMatch(/120/);
      expect(dictionary.campaignConfirm(3, 'X')).toMatch(/3/);
      expect(dictionary.work.bulkDone(2, 'X')).toMatch(/2/);
    }
  });

  test("the service's warnings are worded, with their parameters, in both languages", () => {
    for (const dictionary of [en, ja]) {
      expect(dictionary.serviceWarnings['analyses-stopped']({ time: 2, parts: 1 })).toMatch(/2.*1/);
      expect(dictionary.serviceWarnings['disk-full']({ freeMb: 12 })).toContain('12 MB');
      expect(dictionary.serviceWarnings['webhook-failed']({ count: 7 })).toContain('7');
      expect(dictionary.serviceWarnings['storage-failed']({ at: 'AT', kind: 'full', detail: 'SQLITE_FULL' })).toMatch(/AT.*SQLITE_FULL/);
    }
    expect(ja.serviceWarnings['analyses-stopped']({ time: 2 })).toContain('時間の上限 2 件');
  });

  test('no key is defined by two of the per-page files', () => {
    for (const parts of [FLAT_PARTS.en, FLAT_PARTS.ja]) {
      const owner = new Map<string, string>();
      const twice: string[] = [];
      for (const [part, words] of Object.entries(parts)) {
        for (const key of Object.keys(words)) {
          if (owner.has(key)) twice.push(`${key} (${owner.get(key)} and ${part})`);
          owner.set(key, part);
        }
      }
      expect(twice).toEqual([]);
    }
  });

  test('the browser language picks one', () => {
    expect(languageFor('ja-JP')).toBe('ja');
    expect(languageFor('ja')).toBe('ja');
    expect(languageFor('en-US')).toBe('en');
    expect(languageFor('jav')).toBe('en');
    expect(languageFor(undefined)).toBe('en');
  });

  test('finding titles: LocalizedText in either language, or plain strings', () => {
    expect(localizedText({ en: 'Lookalike domain', ja: '類似ドメイン' }, 'ja')).toBe('類似ドメイン');
    expect(localizedText({ en: 'Lookalike domain', ja: '' }, 'ja')).toBe('Lookalike domain');
    expect(localizedText('Link text and target differ', 'ja')).toBe('Link text and target differ');
    expect(localizedText(42, 'en')).toBe('');
  });
});

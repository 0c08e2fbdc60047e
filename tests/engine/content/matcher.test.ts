import { buildPhraseMatcher, findInMessage, lureMatcherFor, MATCH_LIMIT, type PhraseEntry } from '../../../src/engine/text/matcher';
import { normalizeText } from '../../../src/engine/text/normalize';
import { contentPolicy } from './policy';

const entries: PhraseEntry[] = [
  { phrase: 'Taiwan', category: 'geopolitics', weight: 1 },
  { phrase: 'Taiwan Strait', category: 'geopolitics', weight: 3 },
  { phrase: 'expo', category: 'pretext', weight: 1 },
  { phrase: 'Iran', category: 'geopolitics', weight: 1 },
  { phrase: 'verify your account', category: 'credential', weight: 3 },
  { phrase: 'e-mail', category: 'pretext', weight: 1 },
  { phrase: '台湾', category: 'geopolitics', weight: 1 },
  { phrase: '台湾有事', category: 'geopolitics', weight: 3 },
  { phrase: 'パスワードの有効期限', category: 'credential', weight: 3 },
  { phrase: 'コンテンツの有効化', category: 'payload-coaching', weight: 4 },
];
const matcher = buildPhraseMatcher(entries);
const phrasesIn = (text: string) => matcher.find('body', normalizeText(text)).map((match) => match.phrase);

describe('phrase matcher: words', () => {
  test('finds a phrase regardless of case', () => {
    expect(phrasesIn('Tensions in the TAIWAN strait are rising')).toEqual(['Taiwan Strait']);
  });

  test('requires word boundaries for Latin phrases', () => {
    expect(phrasesIn('Our exposure to the market')).toEqual([]);
    expect(phrasesIn('Taiwanese cuisine')).toEqual([]);
    expect(phrasesIn('See you at the Expo!')).toEqual(['expo']);
  });

  test('does not join ordinary separate words into a phrase', () => {
    expect(phrasesIn('I ran to the station')).toEqual([]);
    expect(phrasesIn('thai wan noodles')).toEqual([]);
  });

  test('a phrase inside a longer phrase is reported once, as the longer one', () => {
    expect(phrasesIn('台湾有事に関する研究会')).toEqual(['台湾有事']);
    expect(phrasesIn('台湾の選挙と台湾有事')).toEqual(['台湾', '台湾有事']);
  });

  test('finds Latin words written next to Japanese text', () => {
    expect(phrasesIn('Taiwanの情勢について')).toEqual(['Taiwan']);
  });

  test('accepts the phrase written without or with other separators between its words', () => {
    expect(phrasesIn('please verifyyour account')).toEqual(['verify your account']);
    expect(phrasesIn('please verify-your_account')).toEqual(['verify your account']);
    expect(phrasesIn('send me an email')).toEqual(['e-mail']);
  });
});

describe('phrase matcher: evasions', () => {
  test('full-width letters', () => {
    expect(phrasesIn('ｔａｉｗａｎ ｓｔｒａｉｔ')).toEqual(['Taiwan Strait']);
  });

  test('half-width katakana with voiced marks', () => {
    expect(phrasesIn('ﾊﾟｽﾜｰﾄﾞの有効期限が近づいています')).toEqual(['パスワードの有効期限']);
  });

  test('zero-width characters inside the phrase', () => {
    expect(phrasesIn('Tai\u200bwan Str\u200dait')).toEqual(['Taiwan Strait']);
    expect(phrasesIn('台\u200d湾\u2060有\ufeff事')).toEqual(['台湾有事']);
  });

  test('letter-spacing in Latin and Japanese', () => {
    expect(phrasesIn('T a i w a n  S t r a i t')).toEqual(['Taiwan Strait']);
    expect(phrasesIn('i r a n')).toEqual(['Iran']);
    expect(phrasesIn('T.a.i.w.a.n')).toEqual(['Taiwan']);
    expect(phrasesIn('台　湾　有　事')).toEqual(['台湾有事']);
    expect(phrasesIn('コンテンツ の 有効化')).toEqual(['コンテンツの有効化']);
  });

  test('letter-spaced text still needs the word to end where the phrase ends', () => {
    expect(phrasesIn('T a i w a nese')).toEqual([]);
  });
});

describe('phrase matcher: results', () => {
  test('reports field, category, weight, offsets and context from the normalised text', () => {
    const text = normalizeText('x'.repeat(100) + ' Taiwan Strait ' + 'y'.repeat(100));
    const [match] = matcher.find('subject', text);
    expect(match).toMatchObject({ phrase: 'Taiwan Strait', category: 'geopolitics', weight: 3, field: 'subject' });
    expect(text.slice(match.start, match.end)).toBe('taiwan strait');
    expect(match.context).toBe('…' + 'x'.repeat(39) + ' taiwan strait ' + 'y'.repeat(39) + '…');
  });

  test('caps the number of matches', () => {
    const text = normalizeText('taiwan '.repeat(1000));
    expect(matcher.find('body', text)).toHaveLength(MATCH_LIMIT);
    expect(matcher.find('body', text, 5)).toHaveLength(5);
  });

  test('ignores empty phrases and handles an empty dictionary', () => {
    const empty = buildPhraseMatcher([{ phrase: '  ', category: 'x', weight: 1 }]);
    expect(empty.size).toBe(0);
    expect(empty.find('body', 'anything')).toEqual([]);
  });

  test('overlapping phrases sharing suffixes are all found', () => {
    const overlap = buildPhraseMatcher([
      { phrase: 'she', category: 'a', weight: 1 },
      { phrase: 'he said', category: 'b', weight: 1 },
      { phrase: 'said so', category: 'c', weight: 1 },
    ]);
    expect(overlap.find('body', 'he said so').map((match) => match.phrase)).toEqual(['he said', 'said so']);
  });

  test('builds one matcher per policy and one scan per message view', () => {
    const policy = contentPolicy();
    expect(lureMatcherFor(policy)).toBe(lureMatcherFor(policy));
    expect(lureMatcherFor(contentPolicy())).not.toBe(lureMatcherFor(policy));
    const view = { subject: '台湾有事', body: 'verify your account' };
    const first = findInMessage(lureMatcherFor(policy), view);
    expect(findInMessage(lureMatcherFor(policy), view)).toBe(first);
    expect(first.map((match) => [match.field, match.phrase])).toEqual([
      ['subject', '台湾有事'],
      ['body', 'verify your account'],
    ]);
  });

  test('scans a 1 MiB body with a large dictionary (its speed is in npm run bench)', () => {
    const big = buildPhraseMatcher(
      Array.from({ length: 2000 }, (_, index) => ({ phrase: `phrase number ${index} 台湾`, category: 'x', weight: 1 })),
    );
    const body = normalizeText('lorem ipsum phrase number dolor 台湾 sit amet '.repeat(25_000)).slice(0, 1 << 20);
    expect(big.find('body', body)).toEqual([]); // 'phrase number dolor' is none of the phrases
  });
});

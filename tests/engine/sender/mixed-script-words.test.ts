import { disguisedWord, mixedScriptWords } from '../../../src/engine/rules/mixed-script-words';
import { mail, runRule } from './message';

describe('mixed-script-words', () => {
  test('a brand name spelt with a Cyrillic letter in the subject is high, with the letters named', () => {
    const hit = runRule(mixedScriptWords, mail({ subject: 'Your Amаzon account is on hold' })); // Cyrillic а
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence[0]).toEqual({
      kind: 'characters',
      field: 'subject',
      value: 'Amаzon',
      characters: [expect.objectContaining({ char: 'а', codePoint: 'U+0430', index: 2 })],
    });
  });

  test('several disguised ordinary words are high; one is medium', () => {
    expect(runRule(mixedScriptWords, mail({ subject: 'Соngrаtulаtіоns, yоur іtеm sоld' }))?.severity).toBe('high');
    expect(runRule(mixedScriptWords, mail({ subject: 'Please review the dоcument' }))?.severity).toBe('medium');
  });

  test('finds disguised Latin words in a Japanese display name and in the body', () => {
    const hit = runRule(mixedScriptWords, mail({ from: 'Аpple サポート <support@example-shop.jp>', text: 'アカウントの確認: Verify yоur Apple ID.' }));
    expect(hit?.evidence.map((evidence) => evidence.kind === 'characters' && evidence.field)).toEqual(['from.name', 'body']);
  });

  test('leaves text written in one alphabet alone: Russian, Greek, Japanese, accented Latin', () => {
    const message = mail({
      from: 'Мария Иванова <maria@example.ru>',
      subject: 'Отчёт за квартал / Ενημέρωση λογαριασμού / 四半期報告 / Café Zürich, São Paulo',
      text: 'Добрый день! Аккаунт PayPal и iPhone — отдельные слова. Ελλάδα. 東京でお会いしましょう。',
    });
    expect(runRule(mixedScriptWords, message)).toBeUndefined();
  });

  test('a Cyrillic word with a Latin typo is not a disguise, nor is a word with non-look-alike letters', () => {
    expect(disguisedWord('привeт')).toBeUndefined(); // Latin e inside Russian: the foreign letters are Latin ones
    expect(disguisedWord('abcжd')).toBeUndefined(); // ж looks like no Latin letter
    expect(disguisedWord('pаypal')).toBeDefined();
  });
});

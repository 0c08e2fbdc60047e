import { decodeCharacterReferences, compactText, foldName, findInvisible, hasInvisible, normalizeText, stripInvisible, codePointLabel } from '../../../src/engine/text/normalize';

describe('normalizeText', () => {
  it('folds full-width letters, case and repeated spaces', () => {
    expect(normalizeText('  ＴＡＩＷＡＮ　　Strait ')).toBe('taiwan strait');
  });
  it('turns half-width katakana into full-width', () => {
    expect(normalizeText('ｺﾝﾃﾝﾂの有効化')).toBe('コンテンツの有効化');
  });
  it('removes zero-width and bidi characters that split words', () => {
    expect(normalizeText('Tai\u200Bwan\u200D St\uFEFFrait')).toBe('taiwan strait');
    expect(normalizeText('日米\u2060同盟')).toBe('日米同盟');
  });
});

describe('compactText and foldName', () => {
  it('lets spaced-out Japanese match its compact form', () => {
    expect(compactText('台 湾　海 峡')).toBe(compactText('台湾海峡'));
  });
  it('makes name variants compare equal', () => {
    expect(foldName('渡辺 健二')).toBe(foldName('渡辺健二'));
    expect(foldName('渡辺・健二')).toBe(foldName('渡辺健二'));
    expect(foldName('Watanabe, Kenji')).toBe(foldName('watanabekenji'));
    expect(foldName('ＷＡＴＡＮＡＢＥ Kenji')).toBe(foldName('watanabe kenji'));
  });
  it('keeps the katakana long-vowel mark that is part of a name', () => {
    expect(foldName('ジョー・スミス')).toBe('ジョースミス');
  });
});

describe('invisible characters', () => {
  it('finds and labels them with their position', () => {
    const value = 'invoice\u202Efdp.exe';
    expect(hasInvisible(value)).toBe(true);
    expect(findInvisible(value)).toEqual([{ index: 7, char: '\u202E' }]);
    expect(codePointLabel('\u202E')).toBe('U+202E');
    expect(stripInvisible(value)).toBe('invoicefdp.exe');
  });
  it('leaves ordinary text alone', () => {
    expect(hasInvisible('普通の件名 plain subject')).toBe(false);
  });
});

describe('decodeCharacterReferences', () => {
  it('decodes accented letters, common names and numeric references left in plain text', () => {
    expect(decodeCharacterReferences('Su cuenta est&aacute; restringida, actualizaci&oacute;n')).toBe('Su cuenta está restringida, actualización');
    expect(decodeCharacterReferences('&Ntilde;and&uacute; &amp; M&uuml;ller&nbsp;GmbH &ccedil;a')).toBe('Ñandú & Müller GmbH ça');
    expect(decodeCharacterReferences('&#12450;&#x30AB;&#x30A6;&#x30F3;&#x30C8;')).toBe('アカウント');
  });

  it('leaves unknown names, broken and out-of-range references as written', () => {
    expect(decodeCharacterReferences('&unknown; &#xD800; &#99999999; & alone; AT&T')).toBe('&unknown; &#xD800; &#99999999; & alone; AT&T');
    expect(decodeCharacterReferences('no references')).toBe('no references');
  });
});

describe('letter look-alikes spammers write words in', () => {
  it.each([
    ['mathematical bold', '𝐕𝐞𝐫𝐢𝐟𝐲 𝐲𝐨𝐮𝐫 𝐚𝐜𝐜𝐨𝐮𝐧𝐭'],
    ['mathematical sans-serif bold', '𝗩𝗲𝗿𝗶𝗳𝘆 𝘆𝗼𝘂𝗿 𝗮𝗰𝗰𝗼𝘂𝗻𝘁'],
    ['small capitals', 'ᴠᴇʀɪꜰʏ ʏᴏᴜʀ ᴀᴄᴄᴏᴜɴᴛ'],
    ['negative squared letters', '🆅🅴🆁🅸🅵🆈 🆈🅾🆄🆁 🅰🅲🅲🅾🆄🅽🆃'],
    ['regional indicators', '🇻🇪🇷🇮🇫🇾 🇾🇴🇺🇷 🇦🇨🇨🇴🇺🇳🇹'],
    ['full-width letters', 'ＶＥＲＩＦＹ ＹＯＵＲ ＡＣＣＯＵＮＴ'],
  ])('reads %s as plain letters', (_case, value) => {
    expect(normalizeText(value)).toBe('verify your account');
  });

  it('leaves other emoji and Japanese alone', () => {
    expect(normalizeText('🎁 プレゼント 🚀')).toBe('🎁 プレゼント 🚀');
  });
});

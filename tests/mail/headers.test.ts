import { decodeEncodedWords, parseAddressList, parseHeaderBlock } from '../../src/mail/eml';
import { decodeHeaderBytes } from '../../src/mail/headers';
import { decodeBytes, guessCharset, resolveCharset } from '../../src/mail/charset';

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64');

describe('parseHeaderBlock', () => {
  it('reads an Outlook header block: CRLF, folded lines, repeats, no body', () => {
    const block =
      'Received: from a.example (10.0.0.1) by b.example\r\n' +
      '\twith SMTP; Mon, 1 Jan 2024 00:00:00 +0000\r\n' +
      'Received: from c.example by a.example\r\n' +
      'Subject: =?utf-8?B?5pel5pys?=\r\n' +
      ' =?utf-8?B?6Kqe?=\r\n' +
      'X-Empty:\r\n';
    expect(parseHeaderBlock(block)).toEqual([
      { name: 'Received', value: 'from a.example (10.0.0.1) by b.example\twith SMTP; Mon, 1 Jan 2024 00:00:00 +0000' },
      { name: 'Received', value: 'from c.example by a.example' },
      { name: 'Subject', value: '=?utf-8?B?5pel5pys?= =?utf-8?B?6Kqe?=' },
      { name: 'X-Empty', value: '' },
    ]);
  });

  it('accepts LF line ends and stops at the blank line before a body', () => {
    expect(parseHeaderBlock('A: 1\nB: 2\n\nC: not a header\n')).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
  });

  it('keeps the case of names and tolerates space before the colon', () => {
    expect(parseHeaderBlock('x-MS-Exchange-Organization-AuthAs : Internal\r\n')).toEqual([{ name: 'x-MS-Exchange-Organization-AuthAs', value: 'Internal' }]);
  });

  it('skips lines that are not header fields, and their continuations', () => {
    expect(parseHeaderBlock('From sender Mon Jan 1\r\n continued\r\nGood: yes\r\nno colon here\r\n: empty name\r\nAlso: fine\r\n')).toEqual([
      { name: 'Good', value: 'yes' },
      { name: 'Also', value: 'fine' },
    ]);
  });

  it('ignores leading blank lines and returns nothing for an empty block', () => {
    expect(parseHeaderBlock('\r\n\r\nA: 1')).toEqual([{ name: 'A', value: '1' }]);
    expect(parseHeaderBlock('')).toEqual([]);
  });
});

describe('decodeEncodedWords', () => {
  it('decodes B and Q words and drops the whitespace between adjacent words', () => {
    expect(decodeEncodedWords('=?utf-8?B?5pel5pys?= =?UTF-8?Q?=E8=AA=9E?=')).toBe('日本語');
    expect(decodeEncodedWords('Re: =?utf-8?Q?caf=C3=A9_au_lait?= today')).toBe('Re: café au lait today');
  });

  it('joins a character split across two words, in B and in Q', () => {
    expect(decodeEncodedWords('=?utf-8?B?5p?= =?utf-8?B?el5pys?=')).toBe('日本');
    expect(decodeEncodedWords('=?utf-8?Q?=E6=97?= =?utf-8?Q?=A5?=')).toBe('日');
  });

  it('decodes ISO-2022-JP words, each switching back to ASCII', () => {
    const first = Buffer.from('1b2442467c4a461b2842', 'hex'); // 日米
    const second = Buffer.from('1b244246314c411b2842', 'hex'); // 同盟
    expect(decodeEncodedWords(`=?ISO-2022-JP?B?${b64(first)}?= =?ISO-2022-JP?B?${b64(second)}?=`)).toBe('日米同盟');
  });

  it('decodes Shift_JIS under its aliases and guesses when the label is wrong', () => {
    const sjis = Buffer.from('93fa967b8cea', 'hex'); // 日本語
    expect(decodeEncodedWords(`=?Shift_JIS?B?${b64(sjis)}?=`)).toBe('日本語');
    expect(decodeEncodedWords(`=?cp932?B?${b64(sjis)}?=`)).toBe('日本語');
    expect(decodeEncodedWords(`=?utf-8?B?${b64(sjis)}?=`)).toBe('日本語');
  });

  it('reads broken words: unterminated, missing "=", spaces inside, a language tag', () => {
    expect(decodeEncodedWords('=?utf-8?B?5pel5pys')).toBe('日本');
    expect(decodeEncodedWords('=?utf-8?B?5pel5pys? rest')).toBe('日本 rest');
    expect(decodeEncodedWords('=?utf-8?B?5pel5pys 6Kqe?=')).toBe('日本語');
    expect(decodeEncodedWords('=?utf-8*ja?B?5pel5pys?=')).toBe('日本');
    expect(decodeEncodedWords('=?utf-8?Q?Really?_yes?=')).toBe('Really? yes');
    expect(decodeEncodedWords('=?utf-8?B?5pel5pys=?utf-8?B?6Kqe?=')).toBe('日本語');
  });

  it('leaves what is not an encoded word as written', () => {
    expect(decodeEncodedWords('price =? maybe')).toBe('price =? maybe');
    expect(decodeEncodedWords('=?utf-8?X?abc?=')).toBe('=?utf-8?X?abc?=');
    expect(decodeEncodedWords('plain subject')).toBe('plain subject');
    expect(decodeEncodedWords('')).toBe('');
  });

  it('falls back to a readable decoding for unknown charsets', () => {
    expect(decodeEncodedWords('=?x-unknown?Q?Mailer_9000?=')).toBe('Mailer 9000');
  });

  it('turns decoded line breaks and NUL into spaces so a value cannot fake extra lines', () => {
    expect(decodeEncodedWords('=?utf-8?Q?a=0D=0Ab=00c?=')).toBe('a  b c');
  });

  it('stays fast on thousands of unterminated words', () => {
    const hostile = '=?utf-8?B?AAAA '.repeat(50_000);
    expect(decodeEncodedWords(hostile).length).toBeGreaterThan(0);
  });
});

describe('parseAddressList', () => {
  it('keeps a display name that is itself an address, with the real address', () => {
    expect(parseAddressList('"ceo@corp.com" <evil@x.com>')).toEqual([{ name: 'ceo@corp.com', address: 'evil@x.com' }]);
    expect(parseAddressList('ceo@corp.com <evil@x.com>')).toEqual([{ name: 'ceo@corp.com', address: 'evil@x.com' }]);
  });

  it('flattens groups and drops empty ones', () => {
    expect(parseAddressList('Team: a@example.com, "B, b" <b@example.com>;, c@example.com')).toEqual([
      { name: '', address: 'a@example.com' },
      { name: 'B, b', address: 'b@example.com' },
      { name: '', address: 'c@example.com' },
    ]);
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
  });

  it('decodes names, including broken encoded words postal-mime leaves alone', () => {
    expect(parseAddressList('=?utf-8?B?5pel5pys?= <a@example.jp>')).toEqual([{ name: '日本', address: 'a@example.jp' }]);
    expect(parseAddressList('"=?utf-8?B?5pel5pys" <a@example.jp>')).toEqual([{ name: '日本', address: 'a@example.jp' }]);
  });

  it('reads comments as names, bare addresses, and unclosed brackets', () => {
    expect(parseAddressList('a@example.com (Alice)')).toEqual([{ name: 'Alice', address: 'a@example.com' }]);
    expect(parseAddressList('bob@example.com')).toEqual([{ name: '', address: 'bob@example.com' }]);
    expect(parseAddressList('Carol <carol@example.com')).toEqual([{ name: 'Carol', address: 'carol@example.com' }]);
  });

  it('never decodes an encoded word into an extra address', () => {
    // The name decodes to something that looks like "<ceo@corp.com>"; the address stays the real one.
    const name = b64(Buffer.from('CEO <ceo@corp.com>'));
    expect(parseAddressList(`=?utf-8?B?${name}?= <evil@x.com>`)).toEqual([{ name: 'CEO <ceo@corp.com>', address: 'evil@x.com' }]);
  });

  it('reads an address written entirely in quotes as the address it spells', () => {
    expect(parseAddressList('<"a@b">')).toEqual([{ name: '', address: 'a@b' }]);
    expect(parseAddressList('"Kundenservice" <"noreply@shop.example.de">')).toEqual([{ name: 'Kundenservice', address: 'noreply@shop.example.de' }]);
    expect(parseAddressList('"ANWB "<"support@anwb.example">')).toEqual([{ name: 'ANWB', address: 'support@anwb.example' }]);
    // A quoted local part is left as postal-mime reads it.
    expect(parseAddressList('"a b"@example.com')[0].address).toBe('a b@example.com');
  });

  it('returns an empty list for empty or non-string input', () => {
    expect(parseAddressList('')).toEqual([]);
    expect(parseAddressList(undefined as unknown as string)).toEqual([]);
  });
});

describe('charsets', () => {
  it('resolves the labels mailers write to ones TextDecoder knows', () => {
    expect(resolveCharset('CP932')).toBe('shift_jis');
    expect(resolveCharset('x-sjis')).toBe('x-sjis');
    expect(resolveCharset('"ISO-2022-JP"')).toBe('iso-2022-jp');
    expect(resolveCharset('iso-2022-jp-2')).toBe('iso-2022-jp');
    expect(resolveCharset('x-euc-jp')).toBe('x-euc-jp');
    expect(resolveCharset('no-such-charset')).toBeUndefined();
  });

  it('tells Shift_JIS from EUC-JP and UTF-8', () => {
    expect(guessCharset(Buffer.from('82b182f182c982bf82cd', 'hex'))).toBe('shift_jis');
    expect(guessCharset(Buffer.from('a4b3a4f3a4cba4c1a4cf', 'hex'))).toBe('euc-jp');
    expect(guessCharset(Buffer.from('こんにちは', 'utf8'))).toBe('utf-8');
    expect(guessCharset(Buffer.from('1b2442246b1b2842', 'hex'))).toBe('iso-2022-jp');
  });

  it('replaces an ASCII label that does not fit the bytes', () => {
    expect(decodeBytes(Buffer.from('こんにちは', 'utf8'), 'us-ascii')).toBe('こんにちは');
    expect(decodeBytes(Buffer.from('caf\u00e9', 'latin1'), 'utf-8')).toBe('café');
  });

  it('decodes raw header bytes with one guess for all 8-bit lines, ISO-2022-JP lines on their own', () => {
    const sjisSubject = Buffer.concat([Buffer.from('Subject: '), Buffer.from('82b182f182c982bf82cd', 'hex')]);
    const jisTopic = Buffer.concat([Buffer.from('Thread-Topic: '), Buffer.from('1b24422433246b1b2842', 'hex')]);
    const text = decodeHeaderBytes(Buffer.concat([sjisSubject, Buffer.from('\r\n'), jisTopic, Buffer.from('\r\nX-Plain: ascii')]));
    expect(text.split('\n').map((line) => line.replace(/\r$/, ''))).toEqual(['Subject: こんにちは', 'Thread-Topic: こる', 'X-Plain: ascii']);
  });
});

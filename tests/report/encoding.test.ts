import fc from 'fast-check';
import { base64Decode, base64DecodedLength, base64Encode, Base64Error, utf8Encode } from '../../src/report/encoding';
import { encodedWords, fileNameParameter, formatAddress, formatDate, unstructuredHeader } from '../../src/report/mime';
import { headersOfBase64Eml, networkMessageIdOf, parseHeaderBlock } from '../../src/report/headers';
import { fixture } from './support';

describe('byte encodings (no Buffer or TextEncoder needed at run time)', () => {
  it('encodes UTF-8 exactly as TextEncoder does, including Japanese, emoji and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(Array.from(utf8Encode(text))).toEqual(Array.from(new TextEncoder().encode(text)));
      }),
    );
    expect(Array.from(utf8Encode('外務省\ud800'))).toEqual(Array.from(new TextEncoder().encode('外務省\ud800')));
  });

  it('round-trips base64 for any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const encoded = base64Encode(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(base64Decode(encoded))).toEqual(Array.from(bytes));
        expect(base64DecodedLength(encoded)).toBe(bytes.length);
      }),
    );
  });

  it('wraps MIME base64 at 76 characters with CRLF and still decodes', () => {
    const bytes = new Uint8Array(1000).map((_, i) => i % 256);
    const wrapped = base64Encode(bytes, 76);
    expect(wrapped.split('\r\n').every((line) => line.length <= 76)).toBe(true);
    expect(Array.from(base64Decode(wrapped))).toEqual(Array.from(bytes));
  });

  it('refuses text that is not base64 instead of producing garbage', () => {
    expect(() => base64Decode('not*base64')).toThrow(Base64Error);
  });
});

describe('RFC 2047 / 2231 / 5322 writing', () => {
  it('splits a long Japanese subject into encoded words of at most 75 characters without cutting a character', () => {
    const subject = '【至急】日米中関係と台湾海峡情勢に関する非公開研究会のご案内および事前アンケートへのご協力のお願い';
    const words = encodedWords(subject);
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      const payload = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/.exec(word)?.[1] as string;
      // Each word decodes on its own to valid UTF-8.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(payload, 'base64'))).not.toThrow();
    }
    const decoded = words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe(subject);
    const header = unstructuredHeader('Subject', subject);
    expect(header.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(header)).toBe(true);
  });

  it('never lets a header value break the header block (CR/LF injection)', () => {
    const header = unstructuredHeader('Subject', 'hello\r\nBcc: victim@example.com');
    expect(header).not.toMatch(/\r\nBcc:/);
  });

  it('quotes or encodes display names as needed', () => {
    expect(formatAddress({ name: 'Kenji Watanabe', address: 'k@example.or.jp' })).toBe('Kenji Watanabe <k@example.or.jp>');
    expect(formatAddress({ name: 'Watanabe, Kenji', address: 'k@example.or.jp' })).toBe('"Watanabe, Kenji" <k@example.or.jp>');
    expect(formatAddress({ name: '渡辺 健二', address: 'k@example.or.jp' })).toMatch(/^=\?UTF-8\?B\?[^ ]+\?= <k@example\.or\.jp>$/);
  });

  it('writes non-ASCII file names per RFC 2231 with continuations that never split an escape', () => {
    const parameter = fileNameParameter('filename', '令和7年度_研究会資料_最終版_改訂2.docx');
    const segments = parameter.split(';\r\n ');
    expect(segments.length).toBeGreaterThan(1);
    expect(segments[0]).toMatch(/^filename\*0\*=UTF-8''/);
    const joined = segments.map((segment) => segment.replace(/^filename\*\d+\*=(UTF-8'')?/, '')).join('');
    expect(decodeURIComponent(joined)).toBe('令和7年度_研究会資料_最終版_改訂2.docx');
  });

  it('formats dates as RFC 5322 in UTC', () => {
    expect(formatDate(new Date('2025-06-02T00:13:55Z'))).toBe('Mon, 02 Jun 2025 00:13:55 +0000');
  });
});

describe('reading headers', () => {
  it('unfolds fields and finds the Exchange network message id in an .eml', () => {
    const fields = headersOfBase64Eml(fixture('original.eml').toString('base64'));
    expect(fields.find((field) => field.name === 'Received')?.value).toContain('by mx.example.or.jp');
    expect(networkMessageIdOf(fields)).toBe('8c2f6a1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b');
  });

  it('falls back to the cross-tenant network message id and ignores malformed ones', () => {
    expect(networkMessageIdOf(parseHeaderBlock(fixture('headers.txt').toString('utf8')))).toBe('8c2f6a1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b');
    expect(networkMessageIdOf(parseHeaderBlock('X-MS-Exchange-Organization-Network-Message-Id: <script>\r\n'))).toBeUndefined();
  });
});

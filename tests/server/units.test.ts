// The pure pieces behind the service: campaign keys, export encodings and ids.
import { emptyMessage } from '../../src/mail/eml';
import { resolvePolicy } from '../../src/policy';
import { groupingKeys, normaliseSubject } from '../../src/server/grouping';
import { extractIndicators } from '../../src/server/indicators';
import { parseHttpUrl } from '../../src/server/indicators/uri';
import { csvCell, indicatorsCsv, toCsv } from '../../src/server/exports/csv';
import { stixPattern, stixString } from '../../src/server/exports/stix';
import { uuidV5 } from '../../src/server/exports/uuid';
import { encodeHeaderText, headerSafe, rfc5322Date, rfc822Encoding } from '../../src/server/exports/arf';
import { backoffDelay } from '../../src/server/webhook';
import type { MailMessage } from '../../src/engine/model';

function message(overrides: Partial<MailMessage>): MailMessage {
  return { ...emptyMessage(), ...overrides };
}

describe('normaliseSubject', () => {
  test.each([
    ['Invoice 4471', 'Invoice 9902'],
    ['RE: FW: Invoice 4471', 'Invoice 4471'],
    ['Re[2]: invoice', 'INVOICE'],
    ['転送: 【重要】 台湾海峡 情勢について', '台湾海峡情勢について'],
    ['返信：台湾海峡情勢について', '台湾海峡情勢について'],
    ['ＲＥ：Ｉｎｖｏｉｃｅ　１２', 'invoice'],
    ['[EXTERNAL] Invoice', 'Invoice'],
    ['In\u200Bvoice', 'Invoice'],
    ['AW: WG: Rechnung 12', 'Rechnung'],
  ])('"%s" groups with "%s"', (a, b) => {
    expect(normaliseSubject(a)).toBe(normaliseSubject(b));
  });

  test('different subjects stay different', () => {
    expect(normaliseSubject('Invoice')).not.toBe(normaliseSubject('Payment'));
  });

  // Speed on hostile input is measured by npm run bench; here it must simply finish (jest's timeout
  // catches a quadratic or exponential pass) and strip every prefix.
  test('finishes on hostile input, reading a bounded prefix of it', () => {
    const hostile = 'RE: '.repeat(100_000) + '['.repeat(100_000);
    expect(normaliseSubject(hostile).length).toBeLessThan(hostile.length / 100);
  });
});

describe('groupingKeys', () => {
  const policy = resolvePolicy({ organizationDomains: ['example.org'] });

  test('raw hash always; Message-ID, sender domain + subject, distinctive URLs and attachment hashes when present', () => {
    const msg = message({
      from: { name: 'HR', address: 'hr@mail.payroll.example' },
      subject: 'RE: Salary 2025',
      messageId: '<ABC@payroll.example>',
      links: [
        { href: 'https://payroll.example/login?x=1', text: 'x', source: 'html' },
        { href: 'https://payroll.example/', text: 'home', source: 'html' },
        { href: 'https://www.example.org/about', text: 'our site', source: 'html' },
      ],
      attachments: [
        { name: 'form.docm', contentType: 'application/octet-stream', size: 3, content: new Uint8Array([1, 2, 3]) },
        { name: 'logo.png', contentType: 'image/png', size: 3, content: new Uint8Array([4, 5, 6]), inline: true },
      ],
    });
    const found = extractIndicators(msg, policy);
    const keys = groupingKeys(msg, 'f'.repeat(64), found).map((k) => k.key);
    const kinds = keys.map((k) => k.split(':')[0]);
    expect(kinds.sort()).toEqual(['attachment', 'message-id', 'raw', 'subject', 'url']);
    // Same campaign from another host of the same registrable domain, other numbers, other Message-ID case.
    const sibling = message({ from: { name: '', address: 'payroll@payroll.example' }, subject: 'Salary 2026', messageId: '<abc@PAYROLL.example>' });
    const siblingKeys = groupingKeys(sibling, 'e'.repeat(64), extractIndicators(sibling, policy)).map((k) => k.key);
    expect(siblingKeys.filter((k) => keys.includes(k)).map((k) => k.split(':')[0]).sort()).toEqual(['message-id', 'subject']);
  });

  test('indicators leave out the organisation, free mail and shared hosts, and inline images', () => {
    const msg = message({
      from: { name: '', address: 'someone@gmail.com' },
      links: [
        { href: 'https://www.example.org/real', text: '', source: 'html' },
        { href: 'https://bit.ly/abc', text: '', source: 'text' },
        { href: 'www.evil.example.net/x', text: '', source: 'text' },
        { href: 'javascript:alert(1)', text: '', source: 'html' },
        { href: 'https://user:pw@evil.example.net/y#frag', text: '', source: 'html' },
      ],
      attachments: [{ name: 'logo.png', contentType: 'image/png', size: 3, content: new Uint8Array([4, 5, 6]), inline: true }],
    });
    const { indicators } = extractIndicators(msg, policy);
    expect(indicators).toEqual([
      { type: 'sender-address', value: 'someone@gmail.com' },
      { type: 'url', value: 'https://bit.ly/abc' },
      { type: 'url', value: 'http://www.evil.example.net/x' },
      { type: 'url-domain', value: 'example.net' },
      { type: 'url', value: 'https://evil.example.net/y' },
    ]);
  });

  test('parseHttpUrl keeps http(s) only and folds the host', () => {
    expect(parseHttpUrl('HTTPS://EXAMPLE.com/A?b#c')?.href).toBe('https://example.com/A?b');
    expect(parseHttpUrl('mailto:x@example.com')).toBeUndefined();
    expect(parseHttpUrl('https://ｅｘａｍｐｌｅ.com/')?.hostname).toBe('example.com');
  });
});

describe('CSV', () => {
  test('RFC 4180 quoting and CRLF rows', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines']])).toBe('a,"b,c","say ""hi""","two\nlines"\r\n');
  });

  test.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['safe', 'safe'],
  ])('neutralises formula cell %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('URLs in the RFC 3986 form every export uses, also for values stored before it', () => {
    const campaign = { id: 'c', title: 't', createdAt: '', firstSeen: '', lastSeen: '', reportCount: 1, senders: [], dispositions: {}, indicatorCount: 1, pendingMerges: 0 };
    const csv = indicatorsCsv(campaign, [{ type: 'url', value: 'https://x.example/a|b?q=100%', firstSeen: 'f', lastSeen: 'l', reports: 1 }]);
    expect(csv).toContain(',url,https://x.example/a%7Cb?q=100%25,,f,l,1\r\n');
  });
});

describe('STIX', () => {
  test('patterns per indicator type, with quotes and backslashes escaped', () => {
    expect(stixPattern('sender-address', 'a@b.example')).toBe("[email-message:from_ref.value = 'a@b.example']");
    expect(stixPattern('reply-to', "o'brien\\x@x.example")).toBe("[email-addr:value = 'o\\'brien\\\\x@x.example']");
    // URLs are serialised first (RFC 3986), so quotes and backslashes arrive percent-encoded.
    expect(stixPattern('url', "https://x.example/a\\b?q='1'\\|")).toBe("[url:value = 'https://x.example/a/b?q=%271%27%5C%7C']");
    expect(stixPattern('url-domain', 'x.example')).toBe("[domain-name:value = 'x.example']");
    expect(stixPattern('attachment', 'ab')).toBe("[file:hashes.'SHA-256' = 'ab']");
    expect(stixString("it's")).toBe("'it\\'s'");
  });

  test('UUIDv5 matches the RFC 9562 test vector', () => {
    // uuid5(NAMESPACE_DNS, "www.example.com")
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('ARF encodings', () => {
  test('header values cannot inject lines', () => {
    expect(headerSafe('evil\r\nBcc: victim@example.org')).toBe('evil Bcc: victim@example.org');
    expect(encodeHeaderText('Phishing report: hello\r\nX-Injected: 1')).not.toMatch(/[\r\n]X-Injected/);
  });

  test('non-ASCII subjects become RFC 2047 words of at most 75 characters', () => {
    const encoded = encodeHeaderText('Phishing report: 【重要】台湾海峡情勢に関する意見交換会のご案内'.repeat(3));
    for (const word of encoded.split('\r\n ')) {
      expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(word.length).toBeLessThanOrEqual(75);
    }
    const decoded = encoded
      .split('\r\n ')
      .map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('Phishing report: 【重要】台湾海峡情勢に関する意見交換会のご案内'.repeat(3));
  });

  test('dates and transfer encodings', () => {
    expect(rfc5322Date(new Date('2025-01-07T09:30:05Z'))).toBe('Tue, 07 Jan 2025 09:30:05 +0000');
    expect(rfc822Encoding(Buffer.from('plain\r\n'))).toBe('7bit');
    expect(rfc822Encoding(Buffer.from('日本語\r\n'))).toBe('8bit');
    expect(rfc822Encoding(Buffer.from([0x41, 0x00]))).toBe('binary');
    expect(rfc822Encoding(Buffer.alloc(1200, 0x41))).toBe('binary');
  });
});

test('webhook backoff doubles, stays within the cap and jitters by at most 20 %', () => {
  const config = { retryBaseMs: 1000, retryMaxMs: 60_000 };
  expect(backoffDelay(1, config, () => 0.5)).toBe(1000);
  expect(backoffDelay(2, config, () => 0.5)).toBe(2000);
  expect(backoffDelay(5, config, () => 0.5)).toBe(16_000);
  expect(backoffDelay(50, config, () => 0.5)).toBe(60_000);
  expect(backoffDelay(3, config, () => 0)).toBe(3200);
  expect(backoffDelay(3, config, () => 1)).toBe(4800);
});

test('domain indicators respect private suffixes: a GitHub Pages site is not github.io', () => {
  const policy = resolvePolicy({});
  const msg = message({ links: [{ href: 'https://attacker.github.io/login', text: '', source: 'html' }] });
  expect(extractIndicators(msg, policy).indicators).toContainEqual({ type: 'url-domain', value: 'attacker.github.io' });
});

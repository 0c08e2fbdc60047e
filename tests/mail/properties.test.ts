// Property tests: whatever bytes arrive, parsing finishes and yields a well-formed MailMessage.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { decodeEncodedWords, parseAddressList, parseEml, parseHeaderBlock } from '../../src/mail/eml';
import { extractLinks, htmlToText } from '../../src/mail/links';
import { readAuthentication } from '../../src/mail/authentication';
import { canonicalHost } from '../../src/mail/hosts';
import { assertWellFormed } from './support';

const fixtureDir = path.join(__dirname, '..', 'fixtures', 'mail');
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.eml'))
  .map((name) => readFileSync(path.join(fixtureDir, name)));

// Fixed seeds keep the suite deterministic; a failure prints the counterexample to reproduce it.
const settings = (seed: number, numRuns = 150) => ({ seed, numRuns });

/** Pieces real headers are made of, in hostile combinations. */
const headerName = fc.constantFrom('From', 'Sender', 'Reply-To', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'Return-Path', 'Content-Type', 'Content-Transfer-Encoding', 'Authentication-Results', 'X-Forefront-Antispam-Report', 'Received', 'MIME-Version', 'X-Junk');
const headerFragment = fc.constantFrom(
  '=?utf-8?B?5pel5pys?=', '=?ISO-2022-JP?B?GyRCRnxLXBsoQg', '=?Shift_JIS?Q?=93=FA', '=?', '?=', '"', '<', '>', '@', ',', ';', ':', '(', ')', '\\',
  'multipart/mixed; boundary="b"', 'base64', 'quoted-printable', 'text/html; charset=x-unknown', 'spf=pass', 'dkim=fail header.d=',
  'ceo@corp.example', '"Name" <a@b.example>', 'Group: a@b, c@d;', '\r\n ', '\r\n\t', '\n', ' ', '\u001b', '\u00e9', '日本', '\ud800',
);
const headerValue = fc.array(fc.oneof(headerFragment, fc.string({ maxLength: 12 })), { maxLength: 12 }).map((parts) => parts.join(''));
const headerSoup = fc
  .tuple(fc.array(fc.tuple(headerName, headerValue), { maxLength: 25 }), fc.constantFrom('\r\n', '\n'), fc.string({ maxLength: 200 }))
  .map(([fields, eol, body]) => fields.map(([name, value]) => `${name}: ${value}`).join(eol) + eol + eol + body);

describe('parseEml never fails', () => {
  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        assertWellFormed(await parseEml(bytes));
      }),
      settings(1001),
    );
  });

  it('on header soup', async () => {
    await fc.assert(
      fc.asyncProperty(headerSoup, async (raw) => {
        const message = await parseEml(raw);
        assertWellFormed(message);
      }),
      settings(1002),
    );
  });

  it('on every fixture cut short at any point', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: fixtures.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (index, fraction) => {
        const full = fixtures[index];
        assertWellFormed(await parseEml(full.subarray(0, Math.floor(full.length * fraction))));
      }),
      settings(1003),
    );
  });

  it('on fixtures with random bytes overwritten', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        async (index, edits) => {
          const bytes = Uint8Array.from(fixtures[index]);
          for (const [where, value] of edits) bytes[Math.floor(where * bytes.length)] = value;
          assertWellFormed(await parseEml(bytes));
        },
      ),
      settings(1004),
    );
  });
});

describe('the header and body helpers never fail', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(headerValue, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (value) => {
        expect(typeof decodeEncodedWords(value)).toBe('string');
        expect(decodeEncodedWords(value)).not.toMatch(/[\r\n\u0000]/);
        for (const address of parseAddressList(value)) {
          expect(typeof address.name).toBe('string');
          expect(typeof address.address).toBe('string');
        }
        for (const field of parseHeaderBlock(value)) {
          expect(field.name).toMatch(/^[\x21-\x39\x3b-\x7e]+$/);
          expect(field.value).not.toMatch(/[\r\n]/);
        }
        const summary = readAuthentication([{ name: 'Authentication-Results', value }]);
        expect(Array.isArray(summary.dkim)).toBe(true);
        const host = canonicalHost(value);
        if (host) expect(host.ascii).not.toMatch(/[\s/?#@]/);
      }),
      settings(1005, 300),
    );
  });

  it('on arbitrary markup', () => {
    const markup = fc
      .array(fc.oneof(fc.constantFrom('<a href="', '">', '</a>', '<area href=x>', '<!--', '-->', '<script>', '</script>', '<p>', '<br>', '&amp;', '&#x', ';', "'", '"', '<', '>', 'https://x.example/', 'www.y.example', ' ', '\n'), fc.string({ maxLength: 8 })), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(markup, (html) => {
        expect(typeof htmlToText(html)).toBe('string');
        for (const link of extractLinks(html, html)) {
          expect(link.href.length).toBeGreaterThan(0);
          expect(typeof link.text).toBe('string');
        }
      }),
      settings(1006, 300),
    );
  });
});

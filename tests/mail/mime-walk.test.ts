// Fail closed: when postal-mime gives up (nesting too deep, header section too large), our own
// walker still lists and decodes every attachment, and the message says it was not read in full.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseEml } from '../../src/mail/eml';
import { walkMime, parseParameters, decodeBase64Bytes, decodeQuotedPrintableBytes } from '../../src/mail/mime-walk';
import { findHeaderEnd, parseHeaderBlock, decodeHeaderBytes } from '../../src/mail/headers';
import { analyze } from '../../src/engine/analyze';
import { resolvePolicy } from '../../src/policy';
import { assertWellFormed, nestedMime } from './support';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'mail', name));

function walk(raw: string) {
  const bytes = new TextEncoder().encode(raw);
  const { headerEnd, bodyStart } = findHeaderEnd(bytes);
  return walkMime(bytes, parseHeaderBlock(decodeHeaderBytes(bytes.subarray(0, headerEnd))), bodyStart, 1000);
}

const exePart = 'Content-Type: application/octet-stream; name="invoice.pdf.exe"\r\nContent-Disposition: attachment; filename="invoice.pdf.exe"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n';

describe('messages the MIME library gives up on', () => {
  it('keeps every attachment of a message nested 300 levels deep, decoded, and says it was not fully read', async () => {
    const message = await parseEml(fixture('deep-nested-exe.eml'));
    assertWellFormed(message);
    expect(message.incomplete).toEqual(['mime-depth']);
    expect(message.attachments.map((attachment) => attachment.name)).toEqual(['invoice.pdf.exe', '請求書.pdf']);
    expect(Array.from(message.attachments[0].content!.subarray(0, 2))).toEqual([0x4d, 0x5a]);
    expect(message.text).toContain('pay today: https://pay.billing-notice.example/invoice/0117');
    expect(message.html).toContain('<a href="https://pay.billing-notice.example/invoice/0117">');
    expect(message.links.map((link) => link.href)).toContain('https://pay.billing-notice.example/invoice/0117');
  });

  it('turns the hidden program from clean into dangerous', async () => {
    const verdict = analyze(await parseEml(fixture('deep-nested-exe.eml')), resolvePolicy());
    expect(verdict.verdict).toBe('dangerous');
    expect(verdict.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['risky-attachment', 'unreadable-message']));
  });

  it('keeps the attachments of a message whose header section is larger than the library accepts', async () => {
    const raw = `From: a@sender.example\r\nSubject: big\r\nX-Padding: ${'a'.repeat(9 * 1024 * 1024)}\r\nContent-Type: multipart/mixed; boundary="q"\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--q\r\n${exePart}--q--\r\n`;
    const message = await parseEml(raw);
    expect(message.incomplete).toEqual(['header-size']);
    expect(message.text).toBe('see attached');
    expect(message.attachments.map((attachment) => attachment.name)).toEqual(['invoice.pdf.exe']);
  });

  // Time on such inputs is measured by `npm run bench` (adversarial inputs at two sizes), not here.
  it('reads nesting deeper than the library follows, and says so', async () => {
    const message = await parseEml(nestedMime(300, 'bottom of the well'));
    expect(message.incomplete).toEqual(['mime-depth']);
    expect(message.text).toContain('bottom of the well');
  });

  it('reads 20,000 levels of nesting without giving them to the library (too many parts)', async () => {
    const message = await parseEml(nestedMime(20_000, 'bottom of the well'));
    expect(message.incomplete).toEqual(['part-limit']);
    expect(message.text).toContain('bottom of the well');
  });

  it('keeps the program attached after more parts than the library is given, and marks the message', async () => {
    const filler = '--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n'.repeat(1100);
    const message = await parseEml(`From: a@b.example\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${filler}--b\r\n${exePart}--b--\r\n`);
    expect(message.incomplete).toEqual(['part-limit']);
    expect(message.attachments.map((attachment) => attachment.name)).toEqual(['invoice.pdf.exe']);
    expect(analyze(message, resolvePolicy()).verdict).toBe('dangerous');
  });

  it('leaves ordinary messages unmarked, including 100 levels the library still follows', async () => {
    expect((await parseEml(nestedMime(100, 'fine'))).incomplete).toBeUndefined();
    expect((await parseEml(fixture('zip-lnk.eml'))).incomplete).toBeUndefined();
    expect((await parseEml('From: a@b.example\r\nSubject: plain\r\n\r\nhello\r\n')).incomplete).toBeUndefined();
  });

  it('reads the raw body of a multipart whose boundary never appears (it has no parts to hide anything in)', async () => {
    const message = await parseEml('From: a@b.example\r\nContent-Type: multipart/mixed; boundary="never"\r\n\r\nThis report was cut short: https://a.example/x\r\n');
    expect(message.incomplete).toBeUndefined();
    expect(message.text).toContain('This report was cut short');
    expect(message.links.map((link) => link.href)).toEqual(['https://a.example/x']);
  });
});

describe('walkMime', () => {
  it('separates text, HTML and attachments across nested multiparts', () => {
    const raw =
      'Content-Type: multipart/mixed; boundary="outer"\r\n\r\npreamble\r\n--outer\r\nContent-Type: multipart/alternative; boundary="inner"\r\n\r\n' +
      '--inner\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=E9 soft=\r\nbreak\r\n' +
      '--inner\r\nContent-Type: text/html\r\n\r\n<b>hi</b>\r\n--inner--\r\nepilogue\r\n--outer\r\n' + exePart + '--outer--\r\n';
    const result = walk(raw);
    expect(result).toMatchObject({ text: 'café softbreak', html: '<b>hi</b>', incomplete: [] });
    expect(result.attachments).toHaveLength(1);
    expect(result.attachments[0]).toMatchObject({ name: 'invoice.pdf.exe', contentType: 'application/octet-stream', size: 12 });
  });

  const enclosing = (disposition: string) =>
    `Content-Type: multipart/mixed; boundary="o"\r\n\r\n--o\r\nContent-Type: message/rfc822\r\n${disposition}\r\n` +
    'From: x@y.example\r\nSubject: =?UTF-8?B?6KuL5rGC5pu4?= / May\r\nContent-Type: multipart/mixed; boundary="i"\r\n\r\n--i\r\n' + exePart + '--i--\r\n--o--\r\n';

  it('reads the enclosed message of a message/rfc822 part marked inline as part of this one', () => {
    expect(walk(enclosing('Content-Disposition: inline\r\n')).attachments.map((attachment) => attachment.name)).toEqual(['invoice.pdf.exe']);
  });

  it('lists an unmarked message/rfc822 part as an attached message named after its subject (as postal-mime is asked to)', () => {
    const [attached, ...rest] = walk(enclosing('')).attachments;
    expect(rest).toEqual([]);
    expect(attached).toMatchObject({ name: '請求書 _ May.eml', contentType: 'message/rfc822' });
    expect(new TextDecoder().decode(attached.content)).toContain('invoice.pdf.exe');
  });

  it('reports a missing closing delimiter (a truncated or doctored message)', () => {
    expect(walk('Content-Type: multipart/mixed; boundary="o"\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\ncut off').incomplete).toEqual(['mime-structure']);
  });

  it('reads RFC 2231 file names and quoted parameters', () => {
    expect(parseParameters(`attachment; filename*0*=UTF-8''%E8%AB%8B; filename*1*=%E6%B1%82.zip; size=3`).params.get('filename')).toBe('請求.zip');
    expect(parseParameters('multipart/mixed; boundary="a;b \\"c\\""').params.get('boundary')).toBe('a;b "c"');
  });

  it('decodes base64 leniently and quoted-printable with soft breaks', () => {
    expect(new TextDecoder().decode(decodeBase64Bytes(new TextEncoder().encode('aGVs\r\nbG8=\r\n!!')))).toBe('hello');
    expect(new TextDecoder().decode(decodeQuotedPrintableBytes(new TextEncoder().encode('a=3Db=\r\nc= \nd=ZZ')))).toBe('a=bcd=ZZ');
  });

  it('never throws on arbitrary boundary soup', () => {
    const line = fc.constantFrom('--b', '--b--', '--c', 'Content-Type: multipart/mixed; boundary=c', 'Content-Type: message/rfc822', 'Content-Transfer-Encoding: base64', '', 'TVqQ', 'x=41', '\r');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 200 }), (lines) => {
        const result = walk('Content-Type: multipart/mixed; boundary=b\r\n\r\n' + lines.join('\r\n'));
        expect(Array.isArray(result.attachments)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(walk('Content-Type: multipart/mixed; boundary=b\r\n\r\n' + '--b\r\n\r\n'.repeat(200_000)).incomplete).toContain('part-limit');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEml, parseMailDate } from '../../src/mail/eml';
import { assertWellFormed, nestedMime } from './support';

const fixtures = path.join(__dirname, '..', 'fixtures', 'mail');
const fixture = (name: string) => readFileSync(path.join(fixtures, name));

describe('parseEml on realistic messages', () => {
  it('reads an English phishing message with a link whose text names another site', async () => {
    const message = await parseEml(fixture('phish-link-mismatch.eml'));
    assertWellFormed(message);
    expect(message.from).toEqual({ name: 'PayPal Security', address: 'security@paypa1-alerts.com' });
    expect(message.replyTo).toEqual([{ name: 'PayPal Support', address: 'support@paypa1-alerts.com' }]);
    expect(message.returnPath).toBe('bounce-8841@mailer.example-login.ru');
    expect(message.to).toEqual([{ name: 'Alex Morgan', address: 'alex.morgan@example.com' }]);
    expect(message.subject).toBe('Action required: your account has been limited');
    expect(message.date).toBe('2024-05-14T09:11:58.000Z');
    expect(message.messageId).toBe('<20240514091158.8841@mailer.example-login.ru>');
    expect(message.sender).toBeUndefined();
    expect(message.missing).toEqual([]);
    // The anchor shows paypal.com but goes elsewhere; &amp; in the href is decoded.
    expect(message.links).toContainEqual({
      href: 'http://paypal.com.account-verify.example-login.ru/signin?id=8841&session=a1b2',
      text: 'https://www.paypal.com/signin',
      source: 'html',
    });
    expect(message.links).toContainEqual({ href: 'https://www.paypal.com/privacy', text: 'Privacy', source: 'html' });
    // The same target written in the plain-text part is not listed again.
    expect(message.links.filter((link) => link.source === 'text')).toEqual([]);
    expect(message.text).toContain('confirm your information within 24 hours');
    expect(message.html).toContain('<a class="btn"');
  });

  it('keeps every header field raw, in order, unfolded, repeats included', async () => {
    const message = await parseEml(fixture('phish-link-mismatch.eml'));
    const names = message.headers.map((header) => header.name);
    expect(names.slice(0, 3)).toEqual(['Received', 'Authentication-Results', 'Received-SPF']);
    expect(names.filter((name) => name === 'Received')).toHaveLength(1);
    const results = message.headers.find((header) => header.name === 'Authentication-Results')!;
    expect(results.value).toBe(
      'spf=fail (sender IP is 203.0.113.45) smtp.mailfrom=example-login.ru; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=paypa1-alerts.com;compauth=fail reason=000',
    );
    expect(message.headers.find((header) => header.name === 'Content-Type')!.value).toBe('multipart/alternative; boundary="----=_Part_8841"');
  });

  it('decodes an ISO-2022-JP subject split over two encoded words, the sender name and the body', async () => {
    const message = await parseEml(fixture('japanese-iso2022jp.eml'));
    assertWellFormed(message);
    expect(message.subject).toBe('「日米同盟に関する勉強会のご案内」');
    expect(message.from).toEqual({ name: '日米交流フォーラム事務局', address: 'info@nichibei-forum.example.jp' });
    expect(message.text).toContain('日米同盟に関する勉強会を下記のとおり開催いたします。');
    expect(message.text).toContain('２０２４年６月１２日');
    expect(message.links).toEqual([
      { href: 'https://nichibei-forum.example.jp/seminar/2024/entry', text: 'https://nichibei-forum.example.jp/seminar/2024/entry', source: 'text' },
    ]);
    // The (JST) comment does not stop the date from parsing.
    expect(message.date).toBe('2024-05-22T01:30:00.000Z');
    // The raw header keeps the encoded words as written.
    expect(message.headers.find((header) => header.name === 'Subject')!.value).toMatch(/^=\?ISO-2022-JP\?B\?.+\?=\t=\?ISO-2022-JP\?B\?.+\?=$/);
  });

  it('reads a Shift_JIS body and a raw 8-bit Shift_JIS subject', async () => {
    const message = await parseEml(fixture('shift-jis.eml'));
    assertWellFormed(message);
    expect(message.subject).toBe('【重要】パスワード有効期限のお知らせ');
    expect(message.from).toEqual({ name: '情報システム部', address: 'helpdesk@example-portal.jp' });
    expect(message.text).toContain('パスワードの有効期限が近づいています');
    expect(message.links.map((link) => link.href)).toEqual(['http://mail-update.example-portal.jp/login']);
    expect(message.headers[0]).toEqual({ name: 'Subject', value: '【重要】パスワード有効期限のお知らせ' });
  });

  it('reports an on-behalf-of sender and parses groups and names that look like addresses', async () => {
    const message = await parseEml(fixture('on-behalf-of.eml'));
    assertWellFormed(message);
    expect(message.from).toEqual({ name: 'Sato Hanako', address: 'hanako.sato@example.co.jp' });
    expect(message.sender).toEqual({ name: 'Executive Assistant', address: 'assistant@example.co.jp' });
    expect(message.replyTo.map((address) => address.address)).toEqual(['hanako.sato@example.co.jp', 'secretariat@example.co.jp']);
    // "Project Team: …;" is a group; its members are the recipients.
    expect(message.to).toEqual([
      { name: '', address: 'kato@example.co.jp' },
      { name: 'Ito, Ken', address: 'ito@example.co.jp' },
    ]);
    // Both Cc fields are read; the empty group adds nobody; the quoted "address" stays a name.
    expect(message.cc).toEqual([{ name: 'ceo@example.co.jp', address: 'ceo-office@attacker.example' }]);
    expect(message.subject).toBe('Board meeting materials – please review');
    expect(message.links).toEqual([{ href: 'www.example.co.jp/board/agenda', text: 'www.example.co.jp/board/agenda', source: 'text' }]);
  });

  it('does not report a Sender that is the From address itself', async () => {
    const message = await parseEml('From: A <a@example.com>\r\nSender: a@EXAMPLE.com\r\n\r\nhi');
    expect(message.sender).toBeUndefined();
  });

  it('lists a zip attachment with its bytes and marks an embedded image inline', async () => {
    const message = await parseEml(fixture('zip-lnk.eml'));
    assertWellFormed(message);
    const zip = message.attachments.find((attachment) => attachment.name === 'invoice_2024-05.zip')!;
    expect(zip.contentType).toBe('application/zip');
    expect(zip.inline).toBeUndefined();
    expect(zip.size).toBe(zip.content!.byteLength);
    // A local file header, and the shortcut's name inside the archive.
    expect(Array.from(zip.content!.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Buffer.from(zip.content!).toString('latin1')).toContain('invoice_2024-05.pdf.lnk');
    const logo = message.attachments.find((attachment) => attachment.name === 'logo.png')!;
    expect(logo).toMatchObject({ contentType: 'image/png', inline: true });
    // Only HTML here: the text is derived from it.
    expect(message.text).toBe('Please find the invoice attached. Open the document inside the archive.');
  });

  it('degrades gracefully with broken encoded words, a missing From and malformed structure', async () => {
    const message = await parseEml(fixture('broken-no-from.eml'));
    assertWellFormed(message);
    expect(message.from).toBeUndefined();
    expect(message.subject).toBe('【重要】お知らせ broken');
    expect(message.to).toEqual([{ name: '', address: 'victim@example.com' }]);
    // An unparseable date is kept as written rather than invented.
    expect(message.date).toBe('someday soon');
    // The line without a colon is skipped; its neighbours are kept.
    expect(message.headers.map((header) => header.name)).toEqual(['Received', 'To', 'Subject', 'Thread-Topic', 'Date', 'X-Mailer', 'Content-Type']);
    expect(message.text).toContain('緊急: 添付のファイルを確認してください');
    expect(message.links).toContainEqual({ href: 'http://198.51.100.7/x', text: 'here', source: 'html' });
  });

  it('finds the text 30 multipart levels down', async () => {
    const message = await parseEml(fixture('nested-30.eml'));
    assertWellFormed(message);
    expect(message.text).toContain('The innermost part, 30 levels down');
    expect(message.links.map((link) => link.href)).toEqual(['https://deep.example/inner']);
  });

  it('accepts a string, a Uint8Array and an ArrayBuffer alike', async () => {
    const raw = 'From: A <a@example.com>\nSubject: same\n\nbody text\n';
    const bytes = new TextEncoder().encode(raw);
    const fromString = await parseEml(raw);
    const fromBytes = await parseEml(bytes);
    const fromBuffer = await parseEml(bytes.buffer.slice(0));
    expect(fromString).toEqual(fromBytes);
    expect(fromBuffer).toEqual(fromBytes);
    expect(fromBytes.subject).toBe('same');
    expect(fromBytes.text).toBe('body text\n');
  });

  it('skips a BOM, leading blank lines and an mbox From_ line before the headers', async () => {
    const message = await parseEml('\ufeff\r\nFrom sender@example.com Mon Jan  1 00:00:00 2024\r\nFrom: B <b@example.com>\r\nSubject: hi\r\n\r\nx');
    expect(message.from).toEqual({ name: 'B', address: 'b@example.com' });
    expect(message.headers.map((header) => header.name)).toEqual(['From', 'Subject']);
  });

  it('reads "From : name" with a space before the colon as a header, not an mbox line', async () => {
    const message = await parseEml('From : C <c@example.com>\r\nSubject: hi\r\n\r\nx');
    expect(message.from).toEqual({ name: 'C', address: 'c@example.com' });
  });

  it('treats a Return-Path of <> (a bounce) as having no envelope sender', async () => {
    const message = await parseEml('Return-Path: <>\r\nFrom: MAILER-DAEMON@example.com\r\n\r\nbounce');
    expect(message.returnPath).toBeUndefined();
    expect(message.from).toEqual({ name: '', address: 'MAILER-DAEMON@example.com' });
  });

  it('reads raw UTF-8 and raw EUC-JP in headers', async () => {
    const utf8 = await parseEml(Buffer.from('From: 山田 太郎 <yamada@example.jp>\r\nSubject: 請求書の送付\r\n\r\nbody', 'utf8'));
    expect(utf8.from).toEqual({ name: '山田 太郎', address: 'yamada@example.jp' });
    expect(utf8.subject).toBe('請求書の送付');
    // 「請求書の送付」 in EUC-JP, written raw into the Subject field.
    const eucSubject = Buffer.from('c0c1b5e1bdf1a4cec1f7c9d5', 'hex');
    const euc = await parseEml(Buffer.concat([Buffer.from('From: x@example.jp\r\nSubject: '), eucSubject, Buffer.from('\r\n\r\nbody')]));
    expect(euc.subject).toBe('請求書の送付');
  });

  it('reads an undeclared Shift_JIS body instead of showing replacement characters', async () => {
    const body = Buffer.from('82b182f182c982bf82cd', 'hex'); // こんにちは
    const message = await parseEml(Buffer.concat([Buffer.from('From: x@example.jp\r\nSubject: t\r\n\r\n'), body, Buffer.from('\r\n'), body]));
    expect(message.text).toBe('こんにちは\nこんにちは');
  });

  it('keeps control characters in names and subjects as evidence but never line breaks', async () => {
    const message = await parseEml('From: "Evil\u001b[2J" <x@example.net>\r\nSubject: =?utf-8?Q?a=0D=0AInjected:_b?=\r\n\r\nhi');
    expect(message.from?.name).toBe('Evil\u001b[2J');
    expect(message.subject).toBe('a  Injected: b');
  });

  it('parses a 5 MB body', async () => {
    const line = 'All work and no play makes a long message. https://example.com/a\r\n';
    const body = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const message = await parseEml(`From: big@example.com\r\nSubject: big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`);
    assertWellFormed(message);
    // Every line arrives (line ends become \n).
    expect(message.text.length).toBeGreaterThanOrEqual(body.replace(/\r\n/g, '\n').length - 1);
    // Identical links are kept once.
    expect(message.links).toEqual([{ href: 'https://example.com/a', text: 'https://example.com/a', source: 'text' }]);
  });

  it('parses 100 levels of nested MIME, and falls back to the raw body beyond what the MIME parser allows', async () => {
    const hundred = await parseEml(nestedMime(100, 'innermost text'));
    assertWellFormed(hundred);
    expect(hundred.text).toContain('innermost text');
    const tooDeep = await parseEml(nestedMime(400, 'still readable'));
    assertWellFormed(tooDeep);
    expect(tooDeep.subject).toBe('nested 400');
    expect(tooDeep.text).toContain('still readable');
  });

  it('gives a mostly empty but well-formed message for input that is not mail', async () => {
    for (const input of ['', '\r\n\r\n', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n', new Uint8Array([0, 1, 2, 255, 254, 10, 10, 0])]) {
      const message = await parseEml(input);
      assertWellFormed(message);
      expect(message.from).toBeUndefined();
      expect(message.headers).toEqual([]);
    }
  });

  it('never throws for arguments of the wrong type', async () => {
    for (const input of [undefined, null, 42, {}, []]) {
      assertWellFormed(await parseEml(input as unknown as string));
    }
  });
});

describe('parseMailDate', () => {
  it('turns RFC 5322 dates into ISO 8601, including zone names Date.parse does not know', () => {
    expect(parseMailDate('Tue, 14 May 2024 18:11:58 +0900')).toBe('2024-05-14T09:11:58.000Z');
    expect(parseMailDate('14 May 2024 18:11:58 JST')).toBe('2024-05-14T09:11:58.000Z');
    expect(parseMailDate('Tue, 14 May 2024 09:11:58 GMT (Coordinated Universal Time)')).toBe('2024-05-14T09:11:58.000Z');
  });

  it('keeps an unparseable date as written and leaves an absent one undefined', () => {
    expect(parseMailDate('not a date')).toBe('not a date');
    expect(parseMailDate(undefined)).toBeUndefined();
    expect(parseMailDate('   ')).toBeUndefined();
  });
});

import { analyze } from '../../src/engine';
import { parseEml } from '../../src/mail/eml';
import { MessageUnreadableError, readMessage } from '../../src/office/read-message';
import { resolvePolicy } from '../../src/policy/resolve';
import { fakeItem, lacksHeaders, supportsHeaders } from '../fixtures/office/fake-mailbox';

const HEADERS = [
  'Received: from mail.example.net by mx.example.co.jp; Wed, 15 Jan 2025 10:00:00 +0900',
  'Authentication-Results: mx.example.co.jp; spf=pass smtp.mailfrom=example.net; dkim=pass header.d=example.net; dmarc=pass header.from=example.net',
  'From: Policy Desk <desk@example.net>',
  'Reply-To: Other Person <other@elsewhere.example>',
  'Return-Path: <bounce@example.net>',
  'Date: Wed, 15 Jan 2025 10:00:00 +0900 (JST)',
  'Subject: =?UTF-8?B?5a6J5YWo5L+d6Zqc?=',
  '',
].join('\r\n');

const from = { displayName: 'Policy Desk', emailAddress: 'desk@example.net' };

describe('readMessage', () => {
  it('reads sender, recipients, subject, body, links and headers', async () => {
    const item = fakeItem({
      from,
      subject: '【至急】安全保障に関する意見交換のお願い',
      internetMessageId: '<abc@example.net>',
      text: { value: 'Please see the agenda.' },
      html: { value: '<p>Please see <a href="https://evil.example/login">the agenda</a>.</p>' },
      headers: { value: HEADERS },
    });
    const { message, capabilities } = await readMessage(item, { isSetSupported: supportsHeaders });
    expect(message.from).toEqual({ name: 'Policy Desk', address: 'desk@example.net' });
    expect(message.sender).toBeUndefined();
    expect(message.subject).toBe('【至急】安全保障に関する意見交換のお願い');
    expect(message.to).toEqual([{ name: 'Aiko Tanaka', address: 'aiko@example.co.jp' }]);
    expect(message.messageId).toBe('<abc@example.net>');
    expect(message.replyTo).toEqual([{ name: 'Other Person', address: 'other@elsewhere.example' }]);
    expect(message.returnPath).toBe('bounce@example.net');
    expect(message.date).toBe('2025-01-15T01:00:00.000Z');
    expect(message.headers.find((h) => h.name === 'Authentication-Results')).toBeDefined();
    expect(message.links).toEqual([{ href: 'https://evil.example/login', text: 'the agenda', source: 'html' }]);
    expect(message.missing).toEqual([]);
    expect(capabilities.headers).toBe('read');
    expect(capabilities.body).toBe('read');
  });

  it('reads the HTML body as the .eml reader does, so the pane runs the same HTML rules as the CLI and the service', async () => {
    // A kit-style card: the whole visible text inside one link, a picture, and a hidden block.
    const card = 'Your parcel is waiting at the depot. Confirm the delivery fee today to release it to you';
    const html = `<html><body><a href="https://parcel-release.example/fee"><div style="font-size:20px">${card}</div><img src="https://parcel-release.example/box.png"></a><div style="display:none">depot reference fee release parcel confirmation tracking notice</div></body></html>`;
    const headers = [
      'Received: from mail.example.net by mx.example.co.jp; Wed, 15 Jan 2025 10:00:00 +0900',
      'From: Parcel Desk <desk@example.net>',
      'To: Aiko Tanaka <aiko@example.co.jp>',
      'Subject: Delivery on hold',
      'Date: Wed, 15 Jan 2025 10:00:00 +0900',
      'Message-ID: <card@example.net>',
      '',
    ].join('\r\n');
    const eml = `${headers}MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${card}\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n--b--\r\n`;
    const fromFile = await parseEml(eml);
    const item = fakeItem({ from: { displayName: 'Parcel Desk', emailAddress: 'desk@example.net' }, subject: 'Delivery on hold', text: { value: card }, html: { value: html }, headers: { value: headers } });
    const { message: fromPane } = await readMessage(item, { isSetSupported: supportsHeaders });
    // (The MIME parts end with the line break before the boundary; Outlook gives the bodies without it.)
    expect([fromPane.text, fromPane.html]).toEqual([fromFile.text.trim(), fromFile.html?.trim()]);
    for (const field of ['hiddenText', 'htmlText', 'imageCount', 'linkedText', 'links'] as const) expect([field, fromPane[field]]).toEqual([field, fromFile[field]]);
    const policy = resolvePolicy();
    const rules = (message: typeof fromPane) => analyze(message, policy).findings.map((finding) => finding.rule).sort();
    expect(rules(fromPane)).toEqual(rules(fromFile));
    expect(rules(fromPane)).toContain('one-link-body');
  });

  it('keeps an on-behalf-of sender only when it differs from From', async () => {
    const delegate = { displayName: 'Assistant', emailAddress: 'assistant@example.net' };
    const onBehalf = await readMessage(fakeItem({ from, sender: delegate, subject: 's' }), { isSetSupported: lacksHeaders });
    expect(onBehalf.message.sender).toEqual({ name: 'Assistant', address: 'assistant@example.net' });
    const same = await readMessage(fakeItem({ from, sender: { displayName: 'x', emailAddress: 'DESK@example.net' }, subject: 's' }), { isSetSupported: lacksHeaders });
    expect(same.message.sender).toBeUndefined();
  });

  it.each([
    ['unsupported requirement set', { headers: { value: HEADERS } }, lacksHeaders, 'unsupported'],
    ['client without the method', {}, supportsHeaders, 'unsupported'],
    ['failing call', { headers: { fail: 'Internal error' } }, supportsHeaders, 'failed'],
    ['empty string', { headers: { value: '' } }, supportsHeaders, 'empty'],
  ] as const)('records missing headers: %s', async (_label, spec, isSetSupported, problem) => {
    const { message, capabilities } = await readMessage(fakeItem({ from, subject: 'Hello', text: { value: 'body' }, ...spec }), { isSetSupported });
    expect(message.missing).toContain('headers');
    expect(message.headers).toEqual([]);
    expect(message.replyTo).toEqual([]);
    expect(capabilities.headers).toBe(problem);
    expect(message.text).toBe('body');
  });

  it('times out a call Outlook never answers and keeps the rest', async () => {
    const { message, capabilities } = await readMessage(fakeItem({ from, subject: 'Hi', text: { value: 'hello' }, html: 'hang', headers: 'hang' }), {
      isSetSupported: supportsHeaders,
      timeoutMs: 20,
    });
    expect(capabilities.headers).toBe('timeout');
    expect(capabilities.body).toBe('partial');
    expect(capabilities.notes.map((note) => `${note.part}:${note.problem}`).sort()).toEqual(['headers:timeout', 'html:timeout']);
    expect(capabilities.notes[0].detail).toMatch(/did not answer/);
    expect(message.text).toBe('hello');
    expect(message.missing).toEqual(['headers']);
  });

  it('uses the HTML text when the text body fails, and marks the body missing only when both fail', async () => {
    const htmlOnly = await readMessage(fakeItem({ from, subject: 's', text: { fail: 'no text' }, html: { value: '<p>Sign in <b>now</b></p>' } }), { isSetSupported: lacksHeaders });
    expect(htmlOnly.message.text).toMatch(/Sign in\s*now/);
    expect(htmlOnly.message.missing).not.toContain('body');
    const none = await readMessage(fakeItem({ from, subject: 's', text: 'throw', html: { fail: 'x' } }), { isSetSupported: lacksHeaders });
    expect(none.message.missing).toContain('body');
    expect(none.capabilities.body).toBe('failed');
    expect(none.message.from?.address).toBe('desk@example.net');
  });

  it('lists attachment details and marks their content missing', async () => {
    const { message } = await readMessage(
      fakeItem({ from, subject: '請求書', attachments: [{ name: '請求書.pdf.exe', contentType: 'application/octet-stream', size: 4096 }, { name: 'logo.png', contentType: 'image/png', size: 10, isInline: true }] }),
      { isSetSupported: lacksHeaders },
    );
    expect(message.attachments).toEqual([
      { name: '請求書.pdf.exe', contentType: 'application/octet-stream', size: 4096 },
      { name: 'logo.png', contentType: 'image/png', size: 10, inline: true },
    ]);
    expect(message.missing).toContain('attachmentContent');
  });

  it('reports a clear error when nothing at all could be read', async () => {
    const item = fakeItem({ text: { fail: 'gone' }, html: { fail: 'gone' }, headers: { fail: 'gone' } });
    item.from = undefined;
    item.sender = undefined;
    await expect(readMessage(item, { isSetSupported: supportsHeaders })).rejects.toBeInstanceOf(MessageUnreadableError);
  });
});

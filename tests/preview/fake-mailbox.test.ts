// The preview's fake Outlook mailbox answers like Outlook: later, in { status, value, error } form,
// with the exact .eml bytes and header block, and with ItemChanged when another message is selected.
// The real Office adapters (readMessage, MessageSource, officeReportItem) run over it unchanged.
import { createOfficeMessageSource, type OfficeMailboxLike } from '../../src/office/session';
import { officeClientInfo, officeReporterIdentity, officeReportItem } from '../../src/report/office-item';
import { base64Decode } from '../../src/report/encoding';
import { createPreviewItem, ITEM_CHANGED_EVENT, PreviewMailbox, rawHeaderBlock, type AsyncResult } from '../../src/preview/fake-mailbox';
import { installPreviewOffice, previewIsSetSupported, removePreviewOffice } from '../../src/preview/office-global';
import { PREVIEW_USER_ADDRESS, PREVIEW_USER_NAME } from '../../src/samples';
import { headerSection, sampleBytes } from './support';

function call<T>(start: (callback: (result: AsyncResult<T>) => void) => void): Promise<{ result: AsyncResult<T>; synchronous: boolean }> {
  return new Promise((resolve) => {
    let returned = false;
    start((result) => resolve({ result, synchronous: !returned }));
    returned = true;
  });
}

const newMailbox = () => new PreviewMailbox({ userAddress: PREVIEW_USER_ADDRESS, userName: PREVIEW_USER_NAME });

afterEach(() => removePreviewOffice());

describe('PreviewItem', () => {
  it('gives the exact bytes of the .eml through getAsFileAsync, asynchronously', async () => {
    const bytes = sampleBytes('mirrorface-lure.eml');
    const item = await createPreviewItem(bytes, 'mirrorface-lure.eml');
    const { result, synchronous } = await call<string>((callback) => item.getAsFileAsync(callback));
    expect(synchronous).toBe(false);
    expect(result.status).toBe('succeeded');
    expect(Buffer.from(base64Decode(result.value)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('gives the header section as received, folded lines and all', async () => {
    const bytes = sampleBytes('newsletter-en.eml');
    const item = await createPreviewItem(bytes, 'newsletter-en.eml');
    const { result } = await call<string>((callback) => item.getAllInternetHeadersAsync(callback));
    expect(result).toEqual({ status: 'succeeded', value: headerSection(bytes) });
    expect(result.value).toContain('Authentication-Results: mx1.example.or.jp;\r\n\tspf=pass');
    expect(result.value).not.toContain('EAST ASIA POLICY REVIEW');
  });

  it('passes asyncContext through, with options before the callback as Office allows', async () => {
    const item = await createPreviewItem(sampleBytes('newsletter-en.eml'), 'n.eml');
    const { result } = await call<string>((callback) => item.getAllInternetHeadersAsync({ asyncContext: 42 }, callback));
    expect(result.asyncContext).toBe(42);
  });

  it('skips a BOM and an mbox "From " line before the headers', () => {
    const raw = new TextEncoder().encode('\ufeffFrom sender@example.net Mon Nov 16 10:00:00 2026\r\nSubject: hi\r\nFrom: a@example.net\r\n\r\nbody\r\n');
    expect(rawHeaderBlock(raw)).toBe('Subject: hi\r\nFrom: a@example.net\r\n');
  });

  it('answers body text and HTML; a text-only message comes back wrapped in escaped HTML, as from Outlook', async () => {
    const item = await createPreviewItem(sampleBytes('display-name-freemail.eml'), 'd.eml');
    const text = await call<string>((callback) => item.body.getAsync('text', callback));
    expect(text.result.value).toContain('I need the current contact list of our board members');
    const html = await call<string>((callback) => item.body.getAsync('html', {}, callback));
    expect(html.result.value).toMatch(/^<html>/);
    expect(html.result.value).toContain('I need the current contact list of our board members');
    const bad = await call<string>((callback) => item.body.getAsync('rtf', callback));
    expect(bad.result.status).toBe('failed');
    expect(bad.result.error?.name).toBe('InvalidCoercionType');
  });

  it('escapes markup when wrapping text as HTML', async () => {
    const raw = 'From: a@example.net\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\n<script>alert(1)</script> & more\r\n';
    const item = await createPreviewItem(new TextEncoder().encode(raw), 'x.eml');
    const { result } = await call<string>((callback) => item.body.getAsync('html', callback));
    expect(result.value).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(result.value).not.toContain('<script>');
  });

  it('has Outlook’s item properties and attachment details, with content only on request', async () => {
    const item = await createPreviewItem(sampleBytes('mirrorface-lure.eml'), 'mirrorface-lure.eml');
    expect(item.itemType).toBe('message');
    expect(item.from).toEqual({ displayName: '渡辺 健二', emailAddress: 'kenji.watanabe.eiia@gmail.com' });
    expect(item.sender).toEqual(item.from);
    expect(item.to).toEqual([{ displayName: PREVIEW_USER_ADDRESS, emailAddress: PREVIEW_USER_ADDRESS, recipientType: 'other' }]);
    expect(item.internetMessageId).toBe('<CAJ7x2qPk3bN9mVt0Lw5Qe8RzY1sF4hD6gU2aC7oE9iT3nB0xK@mail.gmail.com>');
    expect(item.dateTimeCreated.toISOString()).toBe('2026-11-12T07:23:45.000Z');
    expect(item.attachments).toEqual([
      { id: expect.any(String), name: '研究会資料.zip', contentType: 'application/zip', size: expect.any(Number), isInline: false, attachmentType: 'file' },
    ]);
    expect(item.attachments[0]).not.toHaveProperty('content');
    const { result } = await call<{ format: string; content: string }>((callback) => item.getAttachmentContentAsync(item.attachments[0].id, callback));
    expect(result.value.format).toBe('base64');
    expect(base64Decode(result.value.content).byteLength).toBe(item.attachments[0].size);
    const missing = await call<unknown>((callback) => item.getAttachmentContentAsync('nope', callback));
    expect(missing.result).toMatchObject({ status: 'failed', error: { name: 'InvalidAttachmentId' } });
  });

  it('gives every item its own id', async () => {
    const a = await createPreviewItem(sampleBytes('newsletter-en.eml'), 'newsletter-en.eml');
    const b = await createPreviewItem(sampleBytes('newsletter-en.eml'), 'newsletter-en.eml');
    expect(a.itemId).not.toBe(b.itemId);
  });
});

describe('PreviewMailbox', () => {
  it('fires ItemChanged to the message source on select, so the pane reads the new message', async () => {
    const mailbox = newMailbox();
    const source = createOfficeMessageSource({ mailbox: mailbox as unknown as OfficeMailboxLike, isSetSupported: previewIsSetSupported });
    expect(await source.load()).toEqual({ state: 'no-message', userAddress: PREVIEW_USER_ADDRESS });
    const changed = jest.fn();
    source.onChange(changed);
    expect(mailbox.handlerCount(ITEM_CHANGED_EVENT)).toBe(1);
    mailbox.select(await createPreviewItem(sampleBytes('internal-memo-ja.eml'), 'internal-memo-ja.eml'));
    expect(changed).not.toHaveBeenCalled(); // Outlook tells handlers later, never inside select.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changed).toHaveBeenCalledTimes(1);
    const loaded = await source.load();
    expect(loaded.state === 'message' && loaded.message.subject).toBe('【共有】年次報告書の草稿（第3章）と来週の部内会議について');
    expect(loaded.state === 'message' && loaded.capabilities.headers).toBe('read');
    mailbox.select(null);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changed).toHaveBeenCalledTimes(2);
    expect((await source.load()).state).toBe('no-message');
  });

  it('refuses unknown event types and removes handlers', async () => {
    const mailbox = newMailbox();
    const refused = await call<undefined>((callback) => mailbox.addHandlerAsync('olkSomethingElse', () => undefined, callback));
    expect(refused.result.status).toBe('failed');
    await call<undefined>((callback) => mailbox.addHandlerAsync(ITEM_CHANGED_EVENT, () => undefined, callback));
    expect(mailbox.handlerCount()).toBe(1);
    await call<undefined>((callback) => mailbox.removeHandlerAsync(ITEM_CHANGED_EVENT, callback));
    expect(mailbox.handlerCount()).toBe(0);
  });

  it('converts ids like Outlook (URL-safe REST form and back)', () => {
    const mailbox = newMailbox();
    expect(mailbox.convertToRestId('AAMk+a/b=', 'v2.0')).toBe('AAMk_a-b=');
    expect(mailbox.convertToEwsId('AAMk_a-b=', 'v2.0')).toBe('AAMk+a/b=');
  });
});

describe('the report code over the fake mailbox and the preview Office global', () => {
  it('reads the open message, the reporter and the client like in Outlook', async () => {
    const mailbox = newMailbox();
    installPreviewOffice(mailbox, 'ja-JP');
    expect(officeReportItem(mailbox as unknown as Office.Mailbox)).toBeUndefined();
    const bytes = sampleBytes('macro-enable-content.eml');
    const item = await createPreviewItem(bytes, 'macro-enable-content.eml');
    mailbox.select(item);
    const report = officeReportItem(mailbox as unknown as Office.Mailbox);
    expect(report).toMatchObject({
      itemId: item.itemId,
      restId: mailbox.convertToRestId(item.itemId),
      subject: '【講演のご依頼】シンポジウム「経済安全保障と重要技術管理」',
      from: { address: 'jimukyoku@jsrc-forum.jp', name: '日本安全保障研究センター 事務局' },
      attachments: [{ name: '講演依頼書_謝金書類.docm', kind: 'file', isInline: false }],
    });
    expect(Buffer.from(base64Decode((await report!.getAsFile())!)).equals(Buffer.from(bytes))).toBe(true);
    expect(await report!.getAllHeaders()).toBe(headerSection(bytes));
    expect(await report!.getBody('text')).toContain('「コンテンツの有効化」');
    const content = await report!.getAttachmentContent(report!.attachments[0].id);
    expect(content.format).toBe('base64');
    expect(officeReporterIdentity(mailbox as unknown as Office.Mailbox)).toEqual({ address: PREVIEW_USER_ADDRESS, name: PREVIEW_USER_NAME });
    expect(officeClientInfo('preview')).toMatchObject({ host: 'Outlook', requirementSets: expect.arrayContaining(['Mailbox 1.8', 'Mailbox 1.14']), addinVersion: 'preview' });
  });

  it('never replaces a real Office.js', () => {
    (globalThis as Record<string, unknown>).Office = { context: {} };
    try {
      expect(() => installPreviewOffice(newMailbox(), 'en-US')).toThrow(/real Office\.js/);
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
    }
  });
});

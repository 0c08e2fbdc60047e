import { analyze } from '../../../src/engine/analyze';
import { riskyAttachment } from '../../../src/engine/rules/risky-attachment';
import { doubleExtension } from '../../../src/engine/rules/double-extension';
import { protectedArchive } from '../../../src/engine/rules/protected-archive';
import { enableContentCoaching } from '../../../src/engine/rules/enable-content-coaching';
import { realExtension } from '../../../src/engine/rules/content/attachments';
import { AES_CODER, fixture, isoImage, rar5, sevenZip, shortcut, text, windowsProgram } from '../../fixtures/content/builders';
import { contentPolicy } from './policy';
import { attachment, mail, reasons, runRule } from './message';

const policy = contentPolicy();

describe('realExtension', () => {
  test('is what Windows uses: after the last ASCII dot, trailing dots and spaces ignored', () => {
    expect(realExtension('report.pdf.exe')).toBe('exe');
    expect(realExtension('資料.docx\u3000.lnk')).toBe('lnk');
    expect(realExtension('setup.EXE. . ')).toBe('exe');
    expect(realExtension('invoice\u202efdp.exe')).toBe('exe');
    expect(realExtension('report．exe')).toBe('');
    expect(realExtension('README')).toBe('');
  });
});

describe('risky-attachment', () => {
  test('programs, shortcuts, scripts and disk images are high', () => {
    for (const name of ['setup.exe', '請求書.lnk', 'invoice.js', 'update.hta', 'quotation.iso', 'notes.one', 'help.chm']) {
      expect(runRule(riskyAttachment, mail({ attachments: [attachment(name)] }), policy)?.severity).toBe('high');
    }
  });

  test('macro-enabled Office files and web pages are medium', () => {
    for (const name of ['budget.xlsm', '議事録.docm', 'bill-receipt.html', 'logo.svg']) {
      expect(runRule(riskyAttachment, mail({ attachments: [attachment(name)] }), policy)?.severity).toBe('medium');
    }
  });

  test('ordinary documents and images are not reported', () => {
    const attachments = [attachment('report.pdf', { content: text('%PDF-1.7') }), attachment('photo.jpg'), attachment('minutes.docx', { content: fixture('clean-document.docx') }), attachment('data.zip', { content: fixture('plain.zip') })];
    expect(runRule(riskyAttachment, mail({ attachments }), policy)).toBeUndefined();
  });

  test('the content type counts when the name hides the type', () => {
    const hit = runRule(riskyAttachment, mail({ attachments: [attachment('document', { contentType: 'application/x-msdownload' })] }), policy);
    expect(hit?.severity).toBe('high');
    expect(reasons(hit)[0]).toContain('application/x-msdownload');
  });

  test('the bytes count when the name lies: a "PDF" that is a program, a "JPG" that is a disk image', () => {
    expect(reasons(runRule(riskyAttachment, mail({ attachments: [attachment('invoice.pdf', { content: windowsProgram() })] }), policy))).toEqual(['named .pdf but the content is a Windows program']);
    expect(runRule(riskyAttachment, mail({ attachments: [attachment('scan.jpg', { content: isoImage() })] }), policy)?.severity).toBe('high');
    expect(runRule(riskyAttachment, mail({ attachments: [attachment('doc.txt', { content: shortcut() })] }), policy)?.severity).toBe('high');
  });

  test('a shortcut inside a ZIP is found from the directory, without unpacking', () => {
    const hit = runRule(riskyAttachment, mail({ attachments: [attachment('書類.zip', { content: fixture('shortcut-inside.zip') })] }), policy);
    expect(hit?.severity).toBe('high');
    expect(reasons(hit)[0]).toBe('archive contains 請求書.pdf.lnk');
  });

  test('a RAR with a script inside is found', () => {
    const hit = runRule(riskyAttachment, mail({ attachments: [attachment('docs.rar', { content: rar5([{ name: 'docs/readme.txt' }, { name: 'docs/open.vbs' }]) })] }), policy);
    expect(reasons(hit)).toEqual(['archive contains docs/open.vbs']);
  });

  test('a .docx that carries a VBA project is a macro document', () => {
    const hit = runRule(riskyAttachment, mail({ attachments: [attachment('invoice.docx', { content: fixture('macro-document.docx') })] }), policy);
    expect(hit?.severity).toBe('medium');
    expect(reasons(hit)).toEqual(['Office file containing macros']);
  });

  test('IT can add extensions in the policy', () => {
    const custom = contentPolicy({ riskyExtensions: new Set(['jtd']) });
    expect(runRule(riskyAttachment, mail({ attachments: [attachment('文書.jtd')] }), custom)?.severity).toBe('medium');
    expect(runRule(riskyAttachment, mail({ attachments: [attachment('文書.jtd')] }), policy)).toBeUndefined();
  });

  test('delivery reports are not attachments a reader opens', () => {
    expect(runRule(riskyAttachment, mail({ attachments: [attachment('details.html', { contentType: 'message/delivery-status' })] }), policy)).toBeUndefined();
  });
});

describe('double-extension', () => {
  test('a document extension before a runnable one', () => {
    const hit = runRule(doubleExtension, mail({ attachments: [attachment('report.pdf.exe')] }), policy);
    expect(reasons(hit)).toEqual(['looks like .pdf but is really .exe']);
  });

  test('Japanese name with an ideographic space and full-width dot before the real extension', () => {
    expect(reasons(runRule(doubleExtension, mail({ attachments: [attachment('資料.docx\u3000.lnk')] }), policy))).toEqual(['looks like .docx but is really .lnk']);
    expect(reasons(runRule(doubleExtension, mail({ attachments: [attachment('資料．ｐｄｆ.scr')] }), policy))).toEqual(['looks like .pdf but is really .scr']);
    expect(reasons(runRule(doubleExtension, mail({ attachments: [attachment('資料.pd\u200bf .exe')] }), policy))).toEqual(['looks like .pdf but is really .exe']);
  });

  test('padding with spaces to push the extension out of view', () => {
    const hit = runRule(doubleExtension, mail({ attachments: [attachment('Invoice 2025' + ' '.repeat(40) + '.js')] }), policy);
    expect(reasons(hit)).toEqual(['40 blank characters push the real type (.js) out of view']);
  });

  test('a right-to-left override that makes ".exe" display as ".pdf"', () => {
    const hit = runRule(doubleExtension, mail({ attachments: [attachment('invoice\u202efdp.exe')] }), policy);
    expect(reasons(hit)[0]).toContain('reverses how it is displayed; the real type is .exe');
  });

  test('honest names with several dots are fine', () => {
    const names = ['archive.tar.gz', 'minutes.2025.03.docx', 'report.v2.pdf', 'setup.exe', 'photo.jpg.zip'];
    expect(runRule(doubleExtension, mail({ attachments: names.map((name) => attachment(name)) }), policy)).toBeUndefined();
  });
});

describe('protected-archive', () => {
  test('an encrypted ZIP alone is medium', () => {
    const hit = runRule(protectedArchive, mail({ text: 'Please find the files attached.', attachments: [attachment('資料.zip', { content: fixture('encrypted.zip') })] }), policy);
    expect(hit?.severity).toBe('medium');
    expect(reasons(hit)).toEqual(['encrypted zip archive']);
  });

  test('with the password in the body it is high, with the password as evidence (English and Japanese)', () => {
    const english = runRule(protectedArchive, mail({ text: 'The password for the attachment is: Ab12cd', attachments: [attachment('files.zip', { content: fixture('encrypted.zip') })] }), policy);
    expect(english?.severity).toBe('high');
    expect(english?.evidence).toContainEqual(expect.objectContaining({ kind: 'phrase', field: 'body', phrase: 'ab12cd', category: 'password' }));
    const japanese = runRule(protectedArchive, mail({ text: '解凍パスワード：ｘＹ７２ｋｑ\nよろしくお願いします。', attachments: [attachment('資料.zip', { content: fixture('encrypted.zip') })] }), policy);
    expect(japanese?.evidence).toContainEqual(expect.objectContaining({ phrase: 'xy72kq' }));
    const quoted = runRule(protectedArchive, mail({ text: 'パスワードは「2025abc」です。', attachments: [attachment('a.zip', { content: fixture('encrypted.zip') })] }), policy);
    expect(quoted?.evidence).toContainEqual(expect.objectContaining({ phrase: '2025abc' }));
  });

  test('encrypted RAR and 7-Zip archives', () => {
    expect(runRule(protectedArchive, mail({ attachments: [attachment('a.rar', { content: rar5([], { encryptedHeaders: true }) })] }), policy)?.evidence[0]).toMatchObject({
      reason: { en: 'encrypted rar archive (even the file names are hidden)', ja: '暗号化されたRAR形式の圧縮ファイルです（中のファイル名まで隠されています）。' },
    });
    expect(runRule(protectedArchive, mail({ attachments: [attachment('a.7z', { content: sevenZip([AES_CODER]) })] }), policy)).toBeDefined();
  });

  test('without the bytes (Outlook), an archive plus a password in the body is reported', () => {
    const hit = runRule(protectedArchive, mail({ text: 'PW: 0311abc', attachments: [attachment('report.zip')], missing: ['attachmentContent'] }), policy);
    expect(hit?.severity).toBe('high');
  });

  test('an unencrypted archive, or a password mail without an archive, is not reported', () => {
    expect(runRule(protectedArchive, mail({ text: 'Password: 1234abcd', attachments: [attachment('plain.zip', { content: fixture('plain.zip') })] }), policy)).toBeUndefined();
    expect(runRule(protectedArchive, mail({ text: '先ほどのファイルのパスワード：ab12cd' }), policy)).toBeUndefined();
  });

  test('dates and ordinary words after "password" are not passwords', () => {
    const hit = runRule(protectedArchive, mail({ text: 'パスワードの有効期限は2025年3月です。Your password is required.', attachments: [attachment('a.zip')], missing: ['attachmentContent'] }), policy);
    expect(hit).toBeUndefined();
  });
});

describe('enable-content-coaching', () => {
  test('English coaching with an Office attachment is high', () => {
    const hit = runRule(enableContentCoaching, mail({ text: 'This document is protected. Click "Enable Content" to view it.', attachments: [attachment('invoice.doc')] }), policy);
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'phrase', phrase: 'enable content', category: 'payload-coaching' });
  });

  test('Japanese coaching, also in half-width katakana or spaced out', () => {
    for (const text of ['上部の「コンテンツの有効化」をクリックしてください。', '｢ｺﾝﾃﾝﾂの有効化｣を押してください', 'マクロ を 有効 にしてからご覧ください', '編集を有効にしてください']) {
      expect(runRule(enableContentCoaching, mail({ text }), policy)?.severity).toBe('medium');
    }
  });

  test('archives count as a carrier; the policy can add coaching phrases', () => {
    expect(runRule(enableContentCoaching, mail({ text: 'Please open the attached file on a PC.', attachments: [attachment('docs.zip')] }), policy)?.severity).toBe('high');
  });

  test('a password for an attached archive is not macro coaching (protected-archive reads it)', () => {
    const withPasswordCoaching = contentPolicy({ lureKeywords: [{ phrase: '解凍パスワード', weight: 4, category: 'payload-coaching' }] });
    expect(runRule(enableContentCoaching, mail({ text: '解凍パスワードは別途お送りします。', attachments: [attachment('資料.zip')] }), withPasswordCoaching)).toBeUndefined();
  });

  test('ordinary mention of content is not coaching', () => {
    expect(runRule(enableContentCoaching, mail({ text: 'The content of the meeting is enabled by our partners. Editing is welcome.' }), policy)).toBeUndefined();
  });

  test('without the body (some Outlook clients) the rule is reported as not checked', () => {
    const verdict = analyze(mail({ text: '', missing: ['body'], attachments: [attachment('invoice.doc')] }), policy, [enableContentCoaching]);
    expect(verdict.notChecked).toEqual([{ rule: 'enable-content-coaching', title: enableContentCoaching.title, missing: 'body' }]);
  });
});

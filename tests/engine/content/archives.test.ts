import { listZip, readArchive, sniff } from '../../../src/engine/rules/content/archives';
import { AES_CODER, fixture, isoImage, LZMA_CODER, rar4, rar5, sevenZip, shortcut, text, windowsProgram, zip } from '../../fixtures/content/builders';

describe('sniff', () => {
  test('recognises formats by their bytes', () => {
    expect(sniff(windowsProgram())).toBe('executable');
    expect(sniff(shortcut())).toBe('shortcut');
    expect(sniff(isoImage())).toBe('disk-image');
    expect(sniff(fixture('plain.zip'))).toBe('zip');
    expect(sniff(rar5([]))).toBe('rar');
    expect(sniff(rar4([]))).toBe('rar');
    expect(sniff(sevenZip([]))).toBe('7z');
    expect(sniff(text('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(text('\ufeff  <!DOCTYPE html><html><body>'))).toBe('html');
    expect(sniff(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg');
  });

  test('plain text and empty content are not a known format', () => {
    expect(sniff(text('Dear colleague, the minutes are below.'))).toBeUndefined();
    expect(sniff(new Uint8Array(0))).toBeUndefined();
  });
});

describe('ZIP directory', () => {
  test('lists names of a real archive and sees the encryption flag (Info-ZIP, ZipCrypto)', () => {
    expect(readArchive(fixture('encrypted.zip'))).toEqual({ format: 'zip', names: ['資料.docx'], encrypted: true, incomplete: false });
    expect(readArchive(fixture('shortcut-inside.zip'))).toMatchObject({ names: ['readme.txt', '請求書.pdf.lnk'], encrypted: false });
  });

  test('decodes Shift_JIS names written without the UTF-8 flag', () => {
    const shiftJisName = Uint8Array.from([0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91, 0x2e, 0x6c, 0x6e, 0x6b]); // 請求書.lnk
    expect(listZip(zip([{ name: shiftJisName }])).names).toEqual(['請求書.lnk']);
  });

  test('falls back to local headers when the end record is cut off', () => {
    const whole = zip([{ name: 'a.txt', data: text('x') }, { name: 'b.lnk', data: shortcut(), flags: 0x0801 }]);
    const truncated = whole.subarray(0, whole.length - 22);
    expect(listZip(truncated)).toMatchObject({ names: ['a.txt', 'b.lnk'], encrypted: true });
  });

  test('malformed input ends the listing without throwing', () => {
    const broken = zip([{ name: 'a.txt' }]);
    broken[broken.length - 6] = 0xff; // directory offset points past the end
    expect(() => listZip(broken)).not.toThrow();
    expect(() => listZip(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).not.toThrow();
  });
});

describe('RAR and 7-Zip', () => {
  test('RAR 5: names and per-file encryption', () => {
    expect(readArchive(rar5([{ name: 'readme.txt' }, { name: 'invoice.pdf.lnk', encrypted: true }]))).toEqual({
      format: 'rar',
      names: ['readme.txt', 'invoice.pdf.lnk'],
      encrypted: true,
      incomplete: false,
    });
    expect(readArchive(rar5([{ name: 'photo.jpg' }]))?.encrypted).toBe(false);
  });

  test('RAR 5 and RAR 4 with encrypted headers hide even the names', () => {
    expect(readArchive(rar5([], { encryptedHeaders: true }))).toMatchObject({ names: [], encrypted: true });
    expect(readArchive(rar4([{ name: 'x.exe' }], { encryptedHeaders: true }))).toMatchObject({ names: [], encrypted: true });
  });

  test('RAR 4: names and per-file encryption', () => {
    expect(readArchive(rar4([{ name: 'a.doc' }, { name: 'b.exe', encrypted: true }]))).toMatchObject({ names: ['a.doc', 'b.exe'], encrypted: true });
    expect(readArchive(rar4([{ name: 'a.doc' }]))?.encrypted).toBe(false);
  });

  test('7-Zip: AES in the header means encrypted; otherwise unknown', () => {
    expect(readArchive(sevenZip([AES_CODER, LZMA_CODER]))?.encrypted).toBe(true);
    expect(readArchive(sevenZip([LZMA_CODER]))?.encrypted).toBeUndefined();
  });
});

// Archives whose entries are not what their names say: entries are opened (a few, small, with
// fflate's inflate) to read their bytes. Built with fflate's zipSync, so entries are really deflated.
import { zipSync } from 'fflate';
import { listZip, readZipEntry } from '../../../src/engine/rules/content/archives';
import { riskyAttachment } from '../../../src/engine/rules/risky-attachment';
import { isoImage, shortcut, windowsProgram } from '../../fixtures/content/builders';
import { contentPolicy } from './policy';
import { attachment, mail, reasons, runRule } from './message';

const policy = contentPolicy();
const utf8 = (value: string) => new TextEncoder().encode(value);
/** A legacy Office document (OLE) whose directory names a VBA project. */
function macroOle(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(Array.from('_VBA_PROJECT').flatMap((char) => [char.charCodeAt(0), 0]), 2048);
  return bytes;
}

describe('archive entries opened to see what they are', () => {
  it('finds a Windows shortcut named like a PDF inside a deflated ZIP', () => {
    const archive = zipSync({ '会議資料.pdf': shortcut(), 'readme.txt': utf8('hello') });
    expect(listZip(archive).inspected).toEqual([{ name: '会議資料.pdf', sniffed: 'shortcut' }]);
    const hit = runRule(riskyAttachment, mail({ attachments: [attachment('資料.zip', { content: archive })] }), policy);
    expect(hit?.severity).toBe('high');
    expect(reasons(hit)[0]).toContain('会議資料.pdf inside the archive is a Windows shortcut');
  });

  it('finds a macro document under a plain .doc name', () => {
    const hit = runRule(riskyAttachment, mail({ attachments: [attachment('docs.zip', { content: zipSync({ 'agenda.doc': macroOle() }) })] }), policy);
    expect(hit?.severity).toBe('medium');
    expect(reasons(hit)[0]).toContain('agenda.doc inside the archive is an Office file containing macros');
  });

  it('looks one level into an archive inside the archive', () => {
    const nested = zipSync({ 'inner.zip': zipSync({ 'invoice.lnk': shortcut(), 'note.txt': utf8('x') }) });
    const hit = runRule(riskyAttachment, mail({ attachments: [attachment('outer.zip', { content: nested })] }), policy);
    expect(hit?.severity).toBe('high');
    expect(reasons(hit)[0]).toContain('inner.zip inside the archive holds invoice.lnk');
  });

  it('finds a disk image and a program whatever they are called', () => {
    const archive = zipSync({ 'photos.dat': isoImage(), 'manual.pdf': windowsProgram() }, { level: 1 });
    expect(listZip(archive).inspected?.map((entry) => entry.sniffed)).toEqual(['disk-image', 'executable']);
  });

  it('leaves ordinary archives alone', () => {
    const archive = zipSync({ 'minutes.docx': zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'word/document.xml': utf8('<w/>') }), 'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]) });
    expect(listZip(archive).inspected).toBeUndefined();
    expect(runRule(riskyAttachment, mail({ attachments: [attachment('minutes.zip', { content: archive })] }), policy)).toBeUndefined();
  });

  it('inflates no more than its limit, however much an entry claims or expands (zip bombs)', () => {
    const bomb = zipSync({ 'big.bin': new Uint8Array(16 * 1024 * 1024) }, { level: 6 });
    const listing = listZip(bomb);
    expect(listing.names).toEqual(['big.bin']);
    const entry = readZipEntry(bomb, { method: 8, compressedSize: bomb.length, localOffset: 0 }, 1024);
    expect(entry?.length).toBe(1024);
  });

  it('never throws on corrupted deflate data', () => {
    const archive = zipSync({ 'a.pdf': windowsProgram() });
    for (let i = 40; i < archive.length - 30; i += 7) {
      const broken = archive.slice();
      broken[i] ^= 0xff;
      expect(() => listZip(broken)).not.toThrow();
    }
  });
});

// Reads what an attachment really is from its first bytes, and lists the file names inside ZIP
// and RAR archives from their directories. ZIP entries whose names tell nothing are then opened,
// a few and small ones only, with fflate's inflate (never our own decompressor): a shortcut named
// "report.pdf", a macro document named ".doc", an archive inside the archive. Every reader is
// bounded by the input size and by entry limits; malformed input ends the listing, it never throws.
import { Inflate } from 'fflate';

export type SniffedKind = 'executable' | 'disk-image' | 'shortcut' | 'zip' | 'rar' | '7z' | 'ole' | 'chm' | 'onenote' | 'pdf' | 'html' | 'svg';

/** At most this many entries are listed per archive; more is itself unusual. */
const MAX_ENTRIES = 2000;
const TEXT_SNIFF_BYTES = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature[i]) return false;
  return true;
}

const ISO_MAGIC = [0x43, 0x44, 0x30, 0x30, 0x31]; // "CD001"
const UDF_MAGIC = [0x42, 0x45, 0x41, 0x30, 0x31]; // "BEA01"
const LNK_MAGIC = [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00];
const ONENOTE_MAGIC = [0xe4, 0x52, 0x5c, 0x7b, 0x8c, 0xd8, 0xa7, 0x4d, 0xae, 0xb1, 0x53, 0x78, 0xd0, 0x29, 0x96, 0xd3];

/** What the bytes say the file is, regardless of its name. */
export function sniff(bytes: Uint8Array): SniffedKind | undefined {
  if (startsWith(bytes, [0x4d, 0x5a])) return 'executable';
  if (startsWith(bytes, LNK_MAGIC)) return 'shortcut';
  // ISO 9660 and UDF volume descriptors sit in sector 16 (0x8000); the identifier starts one byte in.
  for (const at of [0x8001, 0x8801, 0x9001]) {
    if (startsWith(bytes, ISO_MAGIC, at) || startsWith(bytes, UDF_MAGIC, at)) return 'disk-image';
  }
  if (startsWith(bytes, [0x63, 0x6f, 0x6e, 0x65, 0x63, 0x74, 0x69, 0x78])) return 'disk-image'; // VHD "conectix"
  if (startsWith(bytes, [0x76, 0x68, 0x64, 0x78, 0x66, 0x69, 0x6c, 0x65])) return 'disk-image'; // VHDX "vhdxfile"
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x49, 0x54, 0x53, 0x46])) return 'chm'; // "ITSF"
  if (startsWith(bytes, ONENOTE_MAGIC)) return 'onenote';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  // Markup: look at the first kilobyte as Latin-1 text, ignoring a BOM and leading white space.
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, TEXT_SNIFF_BYTES); i++) head += String.fromCharCode(bytes[i]);
  head = head.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\x00/g, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<script') || head.startsWith('<body')) return 'html';
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return undefined;
}

/** What an entry's bytes say it is, when its name does not. */
export interface InspectedEntry {
  name: string;
  /** The entry's bytes are this kind of file (sniff), whatever its name says. */
  sniffed?: SniffedKind;
  /** An Office document carrying macros (a VBA project), whatever its extension. */
  macros?: boolean;
  /** Names inside an archive inside the archive (one level). */
  inner?: string[];
}

interface ZipDirectoryEntry {
  name: string;
  encrypted: boolean;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ArchiveListing {
  format: 'zip' | 'rar' | '7z';
  /** Entry names as stored (at most MAX_ENTRIES). Empty when the names themselves are encrypted. */
  names: string[];
  /** ZIP entries opened because their bytes may say more than their names (see inspectZip). */
  inspected?: InspectedEntry[];
  /** True when at least one entry (or the whole directory) is encrypted; undefined when unknown. */
  encrypted: boolean | undefined;
  /** True when the listing stopped early (limit reached or malformed data). */
  incomplete: boolean;
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(raw);
  // Names without the UTF-8 flag are in the creator's code page; Japanese Windows writes Shift_JIS.
  for (const label of ['utf-8', 'shift_jis']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(raw);
    } catch {
      // try the next encoding
    }
  }
  let latin = '';
  for (let i = 0; i < raw.length; i++) latin += String.fromCharCode(raw[i]);
  return latin;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return at;
  }
  return -1;
}

function listZipCentralDirectory(bytes: Uint8Array, end: number): ArchiveListing | undefined {
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  let offset = u32(bytes, end + 16);
  // Self-extracting or prefixed archives: the directory sits just before its end record.
  if (offset + size > end || !startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], offset)) offset = end - size;
  if (offset < 0 || !startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], offset)) return undefined;
  const names: string[] = [];
  const entries: ZipDirectoryEntry[] = [];
  let encrypted = false;
  let at = offset;
  let incomplete = false;
  for (let entry = 0; entry < Math.min(count === 0xffff ? MAX_ENTRIES : count, MAX_ENTRIES); entry++) {
    if (at + 46 > bytes.length || !startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at)) {
      incomplete = true;
      break;
    }
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) {
      incomplete = true;
      break;
    }
    if (flags & 0x0001) encrypted = true;
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x0800) !== 0);
    names.push(name);
    entries.push({ name, encrypted: (flags & 0x0001) !== 0, method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), size: u32(bytes, at + 24), localOffset: u32(bytes, at + 42) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (count > MAX_ENTRIES) incomplete = true;
  const listing: ArchiveListing = { format: 'zip', names, encrypted, incomplete };
  const inspected = inspectZip(bytes, entries);
  if (inspected.length) listing.inspected = inspected;
  return listing;
}

/** Entries opened per archive, and bytes inflated per entry and per archive: enough to sniff, never a bomb. */
const MAX_INSPECTED = 20;
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
const MAX_INSPECTED_BYTES = 16 * 1024 * 1024;
/** Names whose extension already says everything (or that the reader never opens). */
const SELF_EVIDENT = /\.(?:exe|scr|com|pif|lnk|js|jse|vbs|vbe|wsf|hta|ps1|bat|cmd|iso|img|vhdx?|txt|csv|png|jpe?g|gif|bmp|xml|json|css|md)$/i;

class InflateLimit extends Error {}
/** Compressed bytes handed to inflate at a time (see readZipEntry). */
const INFLATE_PIECE = 512;

/** The first `limit` bytes of an entry's data, inflated when deflated; undefined when it cannot be read. */
export function readZipEntry(bytes: Uint8Array, entry: { method: number; compressedSize: number; localOffset: number }, limit: number): Uint8Array | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || !startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], at)) return undefined;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return data.subarray(0, limit);
  if (entry.method !== 8) return undefined;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) throw new InflateLimit();
  });
  try {
    // Small pieces of input: deflate expands at most ~1032:1, so one piece never inflates much past the limit.
    for (let offset = 0; offset < data.length; offset += INFLATE_PIECE) {
      inflate.push(data.subarray(offset, offset + INFLATE_PIECE), offset + INFLATE_PIECE >= data.length);
    }
  } catch (error) {
    if (!(error instanceof InflateLimit) && length === 0) return undefined;
  }
  const out = new Uint8Array(Math.min(length, limit));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= out.length) break;
    const piece = chunk.subarray(0, out.length - offset);
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

/** An OLE (legacy Office) file with a VBA project: its directory names "_VBA_PROJECT" in UTF-16. */
function oleHasMacros(bytes: Uint8Array): boolean {
  const needle = [0x5f, 0, 0x56, 0, 0x42, 0, 0x41, 0, 0x5f, 0, 0x50, 0]; // "_VBA_P"
  for (let at = bytes.indexOf(0x5f); at >= 0 && at + needle.length <= bytes.length; at = bytes.indexOf(0x5f, at + 1)) {
    if (startsWith(bytes, needle, at)) return true;
  }
  return false;
}

/**
 * Opens the entries whose names do not already tell what they are, to read what their bytes say:
 * a program or shortcut under a document's name, a macro document under .doc/.xls, an archive
 * inside the archive (listed one level, not opened further). Encrypted entries cannot be opened.
 */
function inspectZip(bytes: Uint8Array, entries: readonly ZipDirectoryEntry[]): InspectedEntry[] {
  const found: InspectedEntry[] = [];
  let budget = MAX_INSPECTED_BYTES;
  let opened = 0;
  for (const entry of entries) {
    if (opened >= MAX_INSPECTED || budget <= 0) break;
    if (entry.encrypted || entry.name.endsWith('/') || SELF_EVIDENT.test(entry.name)) continue;
    opened++;
    const content = readZipEntry(bytes, entry, Math.min(MAX_ENTRY_BYTES, budget, entry.size || MAX_ENTRY_BYTES));
    if (!content) continue;
    budget -= content.length;
    const kind = sniff(content);
    if (kind === 'executable' || kind === 'shortcut' || kind === 'disk-image' || kind === 'chm' || kind === 'onenote' || kind === 'html' || kind === 'svg') {
      found.push({ name: entry.name, sniffed: kind });
    } else if (kind === 'ole' && oleHasMacros(content)) {
      found.push({ name: entry.name, macros: true });
    } else if (kind === 'zip' || kind === 'rar' || kind === '7z') {
      const inner = kind === 'zip' ? listZipNamesOnly(content) : kind === 'rar' ? listRar(content).names : [];
      if (inner.some((name) => /(^|\/)vbaproject\.bin$/i.test(name))) found.push({ name: entry.name, macros: true });
      // An Office document is a ZIP too; without a VBA project it hides nothing.
      else if (inner.length && !inner.includes('[Content_Types].xml')) found.push({ name: entry.name, inner: inner.slice(0, 50) });
    }
  }
  return found;
}

/** A nested ZIP's names, without opening its entries in turn (one level is enough to see what it hides). */
function listZipNamesOnly(bytes: Uint8Array): string[] {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return listZipLocalHeaders(bytes).names;
  const count = Math.min(u16(bytes, end + 10), MAX_ENTRIES);
  const names: string[] = [];
  let at = u32(bytes, end + 16);
  for (let entry = 0; entry < count && at + 46 <= bytes.length && startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at); entry++) {
    const nameLength = u16(bytes, at + 28);
    names.push(decodeName(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength)), (u16(bytes, at + 8) & 0x0800) !== 0));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** Walks local file headers from the start: for archives whose end record is missing or cut off. */
function listZipLocalHeaders(bytes: Uint8Array): ArchiveListing {
  const names: string[] = [];
  let encrypted = false;
  let at = 0;
  let incomplete = false;
  while (names.length < MAX_ENTRIES) {
    if (at + 30 > bytes.length || !startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], at)) {
      incomplete = at < bytes.length && !startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at);
      break;
    }
    const flags = u16(bytes, at + 6);
    const compressedSize = u32(bytes, at + 18);
    const nameLength = u16(bytes, at + 26);
    const extraLength = u16(bytes, at + 28);
    if (flags & 0x0001) encrypted = true;
    names.push(decodeName(bytes.subarray(at + 30, Math.min(bytes.length, at + 30 + nameLength)), (flags & 0x0800) !== 0));
    // With a trailing data descriptor the size is not known here; the walk cannot continue.
    if (flags & 0x0008 && compressedSize === 0) {
      incomplete = true;
      break;
    }
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return { format: 'zip', names, encrypted, incomplete };
}

export function listZip(bytes: Uint8Array): ArchiveListing {
  const end = findEndOfCentralDirectory(bytes);
  return (end >= 0 ? listZipCentralDirectory(bytes, end) : undefined) ?? listZipLocalHeaders(bytes);
}

/** RAR 1.5-4.x: a chain of blocks, each with a 7-byte base header. */
function listRar4(bytes: Uint8Array): ArchiveListing {
  const names: string[] = [];
  let encrypted = false;
  let incomplete = false;
  let at = 7; // after the marker block
  for (let blocks = 0; blocks < MAX_ENTRIES * 2 && at + 7 <= bytes.length; blocks++) {
    const type = bytes[at + 2];
    const flags = u16(bytes, at + 3);
    const headerSize = u16(bytes, at + 5);
    if (headerSize < 7) {
      incomplete = true;
      break;
    }
    let dataSize = flags & 0x8000 && at + 11 <= bytes.length ? u32(bytes, at + 7) : 0;
    if (type === 0x73 && flags & 0x0080) {
      // Main header says every following header is encrypted: even the names are hidden.
      return { format: 'rar', names, encrypted: true, incomplete: false };
    }
    if (type === 0x74) {
      dataSize = u32(bytes, at + 7);
      if (flags & 0x0004) encrypted = true;
      const nameSize = u16(bytes, at + 26);
      const nameAt = at + 32 + (flags & 0x0100 ? 8 : 0);
      if (nameAt + nameSize <= bytes.length) {
        let raw = bytes.subarray(nameAt, nameAt + nameSize);
        // With the Unicode flag the name is "ASCII\0encoded-unicode"; the ASCII part is enough for extensions.
        const zero = raw.indexOf(0);
        if (zero >= 0) raw = raw.subarray(0, zero);
        names.push(decodeName(raw, false));
      }
      if (names.length >= MAX_ENTRIES) {
        incomplete = true;
        break;
      }
    }
    if (type === 0x7b) break; // end of archive
    at += headerSize + dataSize;
  }
  return { format: 'rar', names, encrypted, incomplete };
}

/** RAR 5 variable-length integer: 7 bits a byte, high bit = more follows. */
function readVint(bytes: Uint8Array, at: number): [number, number] | undefined {
  let value = 0;
  let multiplier = 1;
  for (let i = 0; i < 8 && at + i < bytes.length; i++) {
    const byte = bytes[at + i];
    value += (byte & 0x7f) * multiplier;
    multiplier *= 128;
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  return undefined;
}

function listRar5(bytes: Uint8Array): ArchiveListing {
  const names: string[] = [];
  let encrypted = false;
  let incomplete = false;
  let at = 8; // after the signature
  for (let blocks = 0; blocks < MAX_ENTRIES * 2 && at + 4 < bytes.length; blocks++) {
    const sizeField = readVint(bytes, at + 4);
    if (!sizeField) break;
    const [headerSize, headerStart] = sizeField;
    const headerEnd = headerStart + headerSize;
    const typeField = readVint(bytes, headerStart);
    const flagsField = typeField && readVint(bytes, typeField[1]);
    if (!typeField || !flagsField || headerEnd > bytes.length) {
      incomplete = true;
      break;
    }
    const [type] = typeField;
    const [flags] = flagsField;
    let cursor = flagsField[1];
    let extraSize = 0;
    let dataSize = 0;
    if (flags & 0x01) {
      const field = readVint(bytes, cursor);
      if (!field) break;
      [extraSize, cursor] = field;
    }
    if (flags & 0x02) {
      const field = readVint(bytes, cursor);
      if (!field) break;
      [dataSize, cursor] = field;
    }
    if (type === 4) return { format: 'rar', names, encrypted: true, incomplete: false }; // archive encryption header
    if (type === 2) {
      // File header: flags, unpacked size, attributes, [mtime], [crc], compression, host OS, name.
      const fileFlags = readVint(bytes, cursor);
      const unpacked = fileFlags && readVint(bytes, fileFlags[1]);
      const attributes = unpacked && readVint(bytes, unpacked[1]);
      if (fileFlags && attributes) {
        let next = attributes[1] + (fileFlags[0] & 0x02 ? 4 : 0) + (fileFlags[0] & 0x04 ? 4 : 0);
        const compression = readVint(bytes, next);
        const hostOs = compression && readVint(bytes, compression[1]);
        const nameLength = hostOs && readVint(bytes, hostOs[1]);
        if (nameLength && nameLength[1] + nameLength[0] <= headerEnd) {
          next = nameLength[1];
          names.push(new TextDecoder('utf-8').decode(bytes.subarray(next, next + nameLength[0])));
        }
      }
      // Extra area records (at the end of the header): type 1 is file encryption.
      let record = headerEnd - extraSize;
      for (let records = 0; records < 32 && record < headerEnd; records++) {
        const recordSize = readVint(bytes, record);
        const recordType = recordSize && readVint(bytes, recordSize[1]);
        if (!recordSize || !recordType) break;
        if (recordType[0] === 1) encrypted = true;
        record = recordSize[1] + recordSize[0];
      }
      if (names.length >= MAX_ENTRIES) {
        incomplete = true;
        break;
      }
    }
    if (type === 5) break; // end of archive
    at = headerEnd + dataSize;
  }
  return { format: 'rar', names, encrypted, incomplete };
}

export function listRar(bytes: Uint8Array): ArchiveListing {
  // RAR 5 signature has an extra 0x01 0x00 after "Rar!\x1a\x07".
  return bytes[6] === 0x01 ? listRar5(bytes) : listRar4(bytes);
}

/**
 * 7-Zip keeps its directory at the end, usually compressed, so names are not read. Encryption shows
 * as the 7zAES coder id (06 F1 07 01) in the header's coder list, which is stored uncompressed
 * whenever the header itself is encrypted or the header is plain.
 */
export function list7z(bytes: Uint8Array): ArchiveListing {
  if (bytes.length < 32) return { format: '7z', names: [], encrypted: undefined, incomplete: true };
  const nextOffset = u32(bytes, 12) + u32(bytes, 16) * 0x100000000;
  const nextSize = u32(bytes, 20) + u32(bytes, 24) * 0x100000000;
  const start = 32 + nextOffset;
  if (!Number.isSafeInteger(start) || start >= bytes.length) return { format: '7z', names: [], encrypted: undefined, incomplete: true };
  const end = Math.min(bytes.length, start + Math.min(nextSize, 1 << 16));
  for (let at = start; at + 4 <= end; at++) {
    if (bytes[at] === 0x06 && bytes[at + 1] === 0xf1 && bytes[at + 2] === 0x07 && bytes[at + 3] === 0x01) {
      return { format: '7z', names: [], encrypted: true, incomplete: false };
    }
  }
  return { format: '7z', names: [], encrypted: undefined, incomplete: false };
}

/** Lists an archive by its content (not its name); undefined when the bytes are not ZIP, RAR or 7z. */
export function readArchive(bytes: Uint8Array): ArchiveListing | undefined {
  const kind = sniff(bytes);
  if (kind === 'zip') return listZip(bytes);
  if (kind === 'rar') return listRar(bytes);
  if (kind === '7z') return list7z(bytes);
  return undefined;
}

// Reads what an attachment really is from its first bytes, and lists the file names inside ZIP
// and RAR archives from their directories, without decompressing anything. Every reader is bounded
// by the input size and by entry limits; malformed input ends the listing, it never throws.

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

export interface ArchiveListing {
  format: 'zip' | 'rar' | '7z';
  /** Entry names as stored (at most MAX_ENTRIES). Empty when the names themselves are encrypted. */
  names: string[];
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
    names.push(decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x0800) !== 0));
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (count > MAX_ENTRIES) incomplete = true;
  return { format: 'zip', names, encrypted, incomplete };
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

// A Bloom filter: a set of strings in a few bits each, which may answer "maybe" for a string it does
// not hold (about 1% of them with the sizes used here) but never "no" for one it holds. The pane uses
// it where a wrong "maybe" only costs a download (suffix-list.ts). Written by scripts/deferred-suffixes.ts.

export interface BloomFilter {
  /** Number of bits. */
  bits: number;
  /** Bits set per string. */
  hashes: number;
  /** The bits, base64, least significant bit of each byte first. */
  data: string;
}

/** FNV-1a over the string's UTF-16 code units, with the given offset basis. */
function fnv1a(value: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The bit positions of a string: double hashing (Kirsch and Mitzenmacher). */
export function bloomPositions(value: string, bits: number, hashes: number): number[] {
  const first = fnv1a(value, 0x811c9dc5);
  const step = fnv1a(value, 0x050c5d1f) | 1;
  const positions: number[] = [];
  for (let i = 0; i < hashes; i++) positions.push(((first + Math.imul(i, step)) >>> 0) % bits);
  return positions;
}

export function buildBloomFilter(values: Iterable<string>, bits: number, hashes: number): BloomFilter {
  const bytes = new Uint8Array(Math.ceil(bits / 8));
  for (const value of values) for (const position of bloomPositions(value, bits, hashes)) bytes[position >> 3] |= 1 << (position & 7);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { bits, hashes, data: btoa(binary) };
}

/** A membership test over a filter, decoding its bits once. */
export function bloomTest(filter: BloomFilter): (value: string) => boolean {
  let bytes: Uint8Array | undefined;
  return (value) => {
    if (!bytes) bytes = Uint8Array.from(atob(filter.data), (c) => c.charCodeAt(0));
    const set = bytes;
    return bloomPositions(value, filter.bits, filter.hashes).every((position) => (set[position >> 3] & (1 << (position & 7))) !== 0);
  };
}

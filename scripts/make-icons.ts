// npx tsx scripts/make-icons.ts — draws the add-in icons (a lens over a fish-hook blue tile) into
// assets/icon-{16,32,64,80,128}.png. A few dozen lines of PNG encoding beat a binary image dependency.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of a pixel by the lens glyph, 4x4 supersampled so small sizes stay smooth. */
function glyph(size: number, x: number, y: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size;
      const v = (y + (sy + 0.5) / 4) / size;
      const d = Math.hypot(u - 0.42, v - 0.42);
      const ring = d > 0.2 && d < 0.28;
      // Handle: a thick segment from the ring towards the lower right corner.
      const t = (u - 0.62 + (v - 0.62)) / 2;
      const off = Math.abs(u - v) / Math.SQRT2;
      const handle = t > -0.02 && t < 0.2 && off < 0.065;
      if (ring || handle) inside++;
    }
  return inside / 16;
}

function tile(size: number, x: number, y: number): [number, number, number, number] {
  const r = size * 0.18;
  const cx = Math.min(Math.max(x + 0.5, r), size - r);
  const cy = Math.min(Math.max(y + 0.5, r), size - r);
  const inTile = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
  if (!inTile) return [0, 0, 0, 0];
  const g = glyph(size, x, y);
  const bg = [18, 52, 110];
  return [Math.round(bg[0] + (255 - bg[0]) * g), Math.round(bg[1] + (255 - bg[1]) * g), Math.round(bg[2] + (255 - bg[2]) * g), 255];
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80, 128]) {
    writeFileSync(path.join(dir, `icon-${size}.png`), encodePng(size, (x, y) => tile(size, x, y)));
  }
  console.log(`Wrote icons to ${dir}`);
}

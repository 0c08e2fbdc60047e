// Random identifiers: idempotency keys and MIME boundaries. crypto.randomUUID is preferred; classic
// Outlook's JavaScript-only runtime may lack it, so fall back to getRandomValues.

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues?: <T extends ArrayBufferView>(array: T) => T;
}

function cryptoOf(): CryptoLike | undefined {
  return (globalThis as { crypto?: CryptoLike }).crypto;
}

/**
 * Random bytes, from the platform's cryptographic generator when there is one. These values only need
 * to be unique (keys and boundaries are not secrets), so Math.random is an acceptable last resort in a
 * runtime without Web Crypto rather than failing the report.
 */
export function randomBytes(count = 16): Uint8Array {
  const crypto = cryptoOf();
  if (crypto?.getRandomValues) return crypto.getRandomValues(new Uint8Array(count));
  const bytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** A fresh idempotency key (UUID v4). One key per report, reused for every retry of that report. */
export function newIdempotencyKey(): string {
  const crypto = cryptoOf();
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A MIME boundary: '=_' can never occur in base64 text, so base64 parts cannot collide with it. */
export function newBoundary(): string {
  return `=_LureLens_${hex(randomBytes(12))}`;
}

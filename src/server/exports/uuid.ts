// RFC 9562 UUID version 5 (SHA-1, name-based): the same content always gives the same id, which
// STIX 2.1 recommends for objects derived from content (section 2.9) and which makes exports of the
// same campaign comparable and de-duplicable in a TIP.
import { createHash } from 'node:crypto';

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespace of the ids Lure Lens derives (fixed forever: changing it would change every exported id). */
export const LURE_LENS_NAMESPACE = '6b1d6a4e-3f0c-5b8e-9a57-2d1c8f4e7a10';

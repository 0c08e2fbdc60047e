// A JSON report submission, received onto disk, taken apart in an analysis worker: JSON.parse of a
// 48 MB body and the base64 decoding of its message would each hold the event loop for a while.
// The metadata goes back for validation (small); the decoded message is written beside the body.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';

export interface DecodeFailure {
  status: number;
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}

export type Decoded =
  /** The submission without its message, as JSON text (plain text crosses the worker boundary cheaply). */
  | { ok: true; metadata: string; size: number; sha256: string }
  | { ok: false; failure: DecodeFailure };

/** The submission besides the message: a few fields and up to 200 short client findings. */
export const MAX_METADATA_BYTES = 1024 * 1024;
/** Nesting the submission's schema needs (findings → evidence → items) with room to spare. */
const MAX_DEPTH = 12;

/** Deepest nesting of a JSON text, counted outside strings; one pass. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return deepest;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;

function invalid(path: string, message: string): Decoded {
  return { ok: false, failure: { status: 400, code: 'validation', message: `${path}: ${message}`, details: [{ path, message }] } };
}

/** Strict base64 (line breaks allowed): Buffer.from alone would silently skip invalid characters. */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

export async function decodeJsonSubmission(bodyFile: string, emlFile: string, limitBytes: number): Promise<Decoded> {
  const text = await fs.readFile(bodyFile, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The parser's message quotes the input; the answer never does.
    return { ok: false, failure: { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' } };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return invalid('body', 'must be an object');
  const { eml, ...metadata } = data as Record<string, unknown>;
  if (eml === undefined) return invalid('body', 'missing required property "eml"');
  if (typeof eml !== 'string') return invalid('body/eml', 'must be a string');
  if (eml.length === 0) return invalid('body/eml', 'must NOT have fewer than 1 characters');
  if (!isBase64(eml)) return invalid('body/eml', 'must be base64 (RFC 4648, standard alphabet)');
  const raw = Buffer.from(eml, 'base64');
  if (raw.byteLength > limitBytes) {
    return { ok: false, failure: { status: 413, code: 'too_large', message: `The report is larger than the ${Math.round(limitBytes / (1024 * 1024))} MB limit.` } };
  }
  if (raw.byteLength === 0) return invalid('body/eml', 'is empty');
  const json = JSON.stringify(metadata);
  if (Buffer.byteLength(json) > MAX_METADATA_BYTES) {
    return { ok: false, failure: { status: 413, code: 'too_large', message: 'The submission besides the message is larger than 1 MB.' } };
  }
  if (jsonDepth(json) > MAX_DEPTH) return invalid('body', `is nested more than ${MAX_DEPTH} levels deep`);
  await fs.writeFile(emlFile, raw, { mode: 0o600 });
  return { ok: true, metadata: json, size: raw.byteLength, sha256: createHash('sha256').update(raw).digest('hex') };
}

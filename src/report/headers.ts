// Reading the header block of a message, as Outlook returns it (getAllInternetHeadersAsync) or as it
// starts an .eml. Linear scan; bounded by the input.
import { base64Decode, latin1 } from './encoding';

export interface RawHeader {
  name: string;
  /** Unfolded value. */
  value: string;
  /** The field exactly as it appeared, folding kept, lines joined with CRLF. */
  raw: string;
}

const HEADER_NAME = /^[!-9;-~]+$/; // printable ASCII except ':' (RFC 5322 ftext)

/** Splits a header block into fields. Lines that are neither a field nor a continuation are dropped. */
export function parseHeaderBlock(block: string): RawHeader[] {
  const fields: RawHeader[] = [];
  const lines = block.split(/\r?\n/);
  let current: { name: string; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    // Unfolding removes the line breaks and keeps the whitespace that starts each continuation line.
    const unfolded = current.lines.join('');
    const value = unfolded.slice(unfolded.indexOf(':') + 1).trim();
    fields.push({ name: current.name, value, raw: current.lines.join('\r\n') });
    current = undefined;
  };
  for (const line of lines) {
    if (line === '') {
      // A blank line ends the header block.
      if (current) break;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && current) {
      current.lines.push(line);
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trimEnd();
    if (!HEADER_NAME.test(name)) continue;
    current = { name, lines: [line] };
  }
  flush();
  return fields;
}

export function headerValue(fields: readonly RawHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return fields.find((field) => field.name.toLowerCase() === lower)?.value;
}

/** Largest prefix of an .eml we decode to look for its headers (headers of real mail are far smaller). */
const HEADER_SCAN_BASE64_CHARS = 512 * 1024;

/** Header fields of a base64 .eml, reading only its start. */
export function headersOfBase64Eml(emlBase64: string): RawHeader[] {
  const prefix = emlBase64.slice(0, HEADER_SCAN_BASE64_CHARS);
  const text = latin1(base64Decode(prefix.slice(0, prefix.length - (prefix.length % 4))));
  const end = text.search(/\r?\n\r?\n/);
  return parseHeaderBlock(end >= 0 ? text.slice(0, end) : text);
}

/** Exchange's id for one delivery of a message, which the security team's tools search by. */
export function networkMessageIdOf(fields: readonly RawHeader[]): string | undefined {
  const value =
    headerValue(fields, 'X-MS-Exchange-Organization-Network-Message-Id') ??
    headerValue(fields, 'X-MS-Exchange-CrossTenant-Network-Message-Id');
  const trimmed = value?.trim();
  return trimmed && /^[A-Za-z0-9-]{1,200}$/.test(trimmed) ? trimmed : undefined;
}

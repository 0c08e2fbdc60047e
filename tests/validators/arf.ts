// A strict check of an abuse report against RFC 5322 (message syntax), RFC 2045/2046 (MIME) and
// RFC 5965 (ARF), as a hardened receiving MTA and an abuse desk's parser apply them. The MIME
// structure is read by mailparser (Nodemailer's parser, not ours); the rules the parser is lenient
// about are asserted explicitly here. Returns every violation found; empty means valid.
import { isIP } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { isRfc3986Uri } from './uri';

const MAX_LINE = 998;
const PREFERRED_LINE = 78;
const FEEDBACK_TYPES = new Set(['abuse', 'fraud', 'virus', 'other', 'not-spam']);
/** RFC 5965 §3.1-3.2 fields that may appear at most once. */
const SINGLE_FIELDS = ['feedback-type', 'user-agent', 'version', 'arrival-date', 'original-envelope-id', 'original-mail-from', 'reporting-mta', 'source-ip', 'incidents'];
/** RFC 5322 date-time with a numeric zone, e.g. "Mon, 13 Jan 2025 08:01:00 +0000". */
const DATE_TIME = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? [+-]\d{4}$/;

interface Field {
  name: string;
  value: string;
  lines: string[];
}

/** RFC 5322 §2.2 header fields of a header section (CRLF lines), unfolded; errors for malformed lines. */
function headerFields(section: string, where: string, errors: string[]): Field[] {
  const fields: Field[] = [];
  for (const line of section.split('\r\n')) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      const last = fields.at(-1);
      if (!last) errors.push(`${where}: continuation line before any field`);
      else {
        last.value += line;
        last.lines.push(line);
      }
      continue;
    }
    const match = /^([!-9;-~]+):(.*)$/.exec(line);
    if (!match) {
      errors.push(`${where}: not a header field: ${JSON.stringify(line.slice(0, 60))}`);
      continue;
    }
    fields.push({ name: match[1].toLowerCase(), value: match[2].trim(), lines: [line] });
  }
  return fields;
}

/** Lines over 78 characters that had white space to fold at (RFC 5322 §2.1.1 SHOULD). */
function unfoldedLines(fields: readonly Field[], where: string, errors: string[]): void {
  for (const field of fields) {
    for (const line of field.lines) {
      const body = line.slice(line.indexOf(':') + 1).trim();
      if (line.length > PREFERRED_LINE && /\s/.test(body)) errors.push(`${where}: ${field.name} line of ${line.length} characters is not folded`);
    }
  }
}

function splitSection(text: string): { head: string; body: string } {
  const end = text.indexOf('\r\n\r\n');
  return end < 0 ? { head: text, body: '' } : { head: text.slice(0, end + 2), body: text.slice(end + 4) };
}

/** The parts of a multipart body between its delimiter lines (RFC 2046 §5.1.1). */
function multipartParts(body: string, boundary: string, errors: string[]): string[] {
  const delimiter = `\r\n--${boundary}`;
  const text = '\r\n' + body;
  const pieces = text.split(delimiter);
  if (pieces.length < 3) {
    errors.push('multipart: fewer than two delimiters');
    return [];
  }
  const last = pieces.pop()!;
  if (!last.startsWith('--')) errors.push('multipart: no close delimiter');
  return pieces.slice(1).map((piece) => piece.replace(/^[ \t]*\r\n/, ''));
}

function contentType(fields: readonly Field[]): string {
  return (fields.find((f) => f.name === 'content-type')?.value ?? 'text/plain').split(';')[0].trim().toLowerCase();
}

function transferEncoding(fields: readonly Field[]): string {
  return (fields.find((f) => f.name === 'content-transfer-encoding')?.value ?? '7bit').toLowerCase();
}

function feedbackReportErrors(text: string, errors: string[]): void {
  const fields = headerFields(text, 'feedback-report', errors);
  unfoldedLines(fields, 'feedback-report', errors);
  const count = (name: string) => fields.filter((f) => f.name === name).length;
  for (const name of ['feedback-type', 'user-agent', 'version']) if (count(name) !== 1) errors.push(`feedback-report: ${name} must appear once`);
  for (const name of SINGLE_FIELDS) if (count(name) > 1) errors.push(`feedback-report: ${name} appears more than once`);
  for (const field of fields) {
    const value = field.value;
    if (field.name === 'feedback-type' && !FEEDBACK_TYPES.has(value.toLowerCase())) errors.push(`feedback-report: unknown Feedback-Type ${value}`);
    if (field.name === 'version' && value !== '1') errors.push('feedback-report: Version must be 1');
    if (field.name === 'arrival-date' && (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) errors.push(`feedback-report: Arrival-Date is not an RFC 5322 date-time: ${value}`);
    if (field.name === 'source-ip' && isIP(value) === 0) errors.push(`feedback-report: Source-IP is not an address: ${value}`);
    if (field.name === 'original-mail-from' && !/^<(?:[^\s<>@]+@[^\s<>@]+)?>$/.test(value)) errors.push(`feedback-report: Original-Mail-From is not <addr-spec>: ${value}`);
    if (field.name === 'reported-uri' && !isRfc3986Uri(value)) errors.push(`feedback-report: Reported-URI is not an RFC 3986 URI: ${value}`);
    if (field.name === 'reported-domain' && !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value)) {
      errors.push(`feedback-report: Reported-Domain is not a domain: ${value}`);
    }
  }
}

export interface ArfCheck {
  errors: string[];
  /** Type of the third part: message/rfc822 or text/rfc822-headers. */
  originalType?: string;
  /** The feedback-report fields as written (for assertions on optional ones). */
  feedback?: string;
}

export async function checkArf(bytes: Buffer): Promise<ArfCheck> {
  const errors: string[] = [];
  // RFC 5322 §2.1, 2.3: CR and LF only together; lines at most 998 octets.
  for (let i = 0, line = 0, n = 1; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x0a && bytes[i - 1] !== 0x0d) errors.push(`line ${n}: bare LF`);
    if (byte === 0x0d && bytes[i + 1] !== 0x0a) errors.push(`line ${n}: bare CR`);
    if (byte === 0x00) errors.push(`line ${n}: NUL`);
    if (byte === 0x0a) {
      n++;
      line = 0;
    } else if (byte !== 0x0d && ++line > MAX_LINE) {
      errors.push(`line ${n}: longer than ${MAX_LINE} octets`);
      line = -Infinity;
    }
  }
  const eightBit = bytes.some((byte) => byte > 0x7f);
  const text = bytes.toString('latin1');
  const top = splitSection(text);
  const topFields = headerFields(top.head, 'message', errors);
  unfoldedLines(topFields, 'message', errors);
  for (const name of ['from', 'date', 'message-id', 'mime-version', 'content-type']) {
    if (topFields.filter((f) => f.name === name).length !== 1) errors.push(`message: ${name} must appear once`);
  }
  if (topFields.some((f) => /[^\x20-\x7e\t]/.test(f.value))) errors.push('message: raw non-ASCII in a header field');

  // RFC 2045 §6.4: a multipart is 7bit, 8bit or binary, and 7bit only when every octet is 7-bit.
  const topEncoding = transferEncoding(topFields);
  if (!['7bit', '8bit', 'binary'].includes(topEncoding)) errors.push(`message: a multipart cannot be ${topEncoding}`);
  if (topEncoding === '7bit' && eightBit) errors.push('message: labelled 7bit but holds 8-bit octets');

  const parsed = await simpleParser(bytes, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const type = parsed.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined;
  if (type?.value !== 'multipart/report' || type.params['report-type'] !== 'feedback-report') errors.push('message: not multipart/report; report-type=feedback-report');
  if (!(parsed.from as AddressObject | undefined)?.value[0]?.address) errors.push('message: From has no address');
  if (!parsed.date || Number.isNaN(parsed.date.getTime())) errors.push('message: Date does not parse');
  const boundary = type?.params.boundary;
  if (!boundary) return { errors: [...errors, 'message: no boundary'] };

  // RFC 5965 §2: exactly three parts, in this order.
  const parts = multipartParts(top.body, boundary, errors);
  if (parts.length !== 3) return { errors: [...errors, `multipart/report: ${parts.length} parts, not 3`] };
  const [human, report, original] = parts.map(splitSection);
  const humanFields = headerFields(human.head, 'part 1', errors);
  const reportFields = headerFields(report.head, 'part 2', errors);
  const originalFields = headerFields(original.head, 'part 3', errors);
  if (!contentType(humanFields).startsWith('text/')) errors.push('part 1: not a text part');
  if (contentType(reportFields) !== 'message/feedback-report') errors.push('part 2: not message/feedback-report');
  const originalType = contentType(originalFields);
  if (originalType !== 'message/rfc822' && originalType !== 'text/rfc822-headers') errors.push(`part 3: ${originalType}, not message/rfc822 or text/rfc822-headers`);
  // RFC 2046 §5.2.1: message/rfc822 is never base64 or quoted-printable.
  if (originalType === 'message/rfc822' && !['7bit', '8bit', 'binary'].includes(transferEncoding(originalFields))) errors.push('part 3: message/rfc822 must be 7bit, 8bit or binary');
  for (const [fields, body, where] of [
    [humanFields, human.body, 'part 1'],
    [reportFields, report.body, 'part 2'],
    [originalFields, original.body, 'part 3'],
  ] as const) {
    if (transferEncoding(fields) === '7bit' && /[^\x00-\x7f]/.test(body)) errors.push(`${where}: labelled 7bit but holds 8-bit octets`);
  }
  const feedbackAttachment = parsed.attachments.find((a) => a.contentType === 'message/feedback-report');
  if (!feedbackAttachment) errors.push('mailparser found no message/feedback-report part');
  const feedback = feedbackAttachment?.content.toString('utf8') ?? report.body;
  feedbackReportErrors(feedback, errors);
  if (originalType === 'message/rfc822') {
    const embedded = parsed.attachments.find((a) => a.contentType === 'message/rfc822');
    if (!embedded) errors.push('mailparser found no message/rfc822 part');
    else if ((await simpleParser(embedded.content, { skipHtmlToText: true })).headers.size === 0) errors.push('part 3: the embedded message has no header fields');
  }
  return { errors, originalType, feedback };
}

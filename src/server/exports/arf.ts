// A report as an Abuse Reporting Format message (RFC 5965): the format abuse desks of mail and
// hosting providers process automatically. Three parts: a short human explanation (English and
// Japanese), the machine-readable message/feedback-report, and the original message.
//
// What a receiving MTA checks, and what is done for it:
// - Every line ends in CRLF, the embedded original included: a reported message saved with bare LF
//   (or bare CR) is converted for the report; the .eml download keeps the bytes as received.
// - Lines stay under 998 octets; header fields we write are folded at 78 where they have a place to
//   fold (a long URI in Reported-URI cannot be, RFC 3986 has no white space).
// - The top-level Content-Transfer-Encoding names the widest part (8bit when the original is 8bit).
// - An original that cannot travel as message/rfc822 (NUL bytes, a line over 998 octets: "binary",
//   which SMTP cannot carry and message/rfc822 may not be encoded around) is sent as its header
//   section only, as text/rfc822-headers, which RFC 5965 §2 allows (base64 when even that is binary).
// - Optional feedback fields appear only when known: Arrival-Date only from a Received: header the
//   organisation's server wrote, never the time of the report.
// Values taken from the message are hostile: every header value is stripped of line breaks and
// control characters (no header injection) and non-ASCII text is RFC 2047 encoded.
import { randomBytes } from 'node:crypto';
import { exportUri } from '../indicators/uri';
import type { ReportRecord } from '../store/types';

export interface ArfInput {
  report: ReportRecord;
  raw: Buffer;
  organizationName: string;
  publicUrl: string;
  /** e.g. "LureLens/0.1.0" */
  userAgent: string;
  now?: Date;
}

const MAX_REPORTED_URIS = 10;
/** RFC 5322 §2.1.1: lines SHOULD be at most 78 characters and MUST be at most 998. */
const PREFERRED_LINE = 78;
const MAX_LINE = 998;
const CRLF = '\r\n';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in UTC, e.g. "Tue, 07 Jan 2025 09:30:00 +0000". */
export function rfc5322Date(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(
    date.getUTCMinutes(),
  )}:${two(date.getUTCSeconds())} +0000`;
}

/** Removes everything that could end a header line or confuse a parser. */
export function headerSafe(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function isPrintableAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/**
 * "Name: value" folded at white space so lines stay within 78 characters where the value allows
 * it. Continuation lines start with one space (RFC 5322 §2.2.3); a single word longer than a line
 * stays whole.
 */
export function foldHeader(name: string, value: string): string {
  const words = value.split(' ');
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of words) {
    if (line.length + 1 + word.length > PREFERRED_LINE && line.trim().length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** RFC 2047 B-encoding in UTF-8, split between characters so each line holding a word stays under 76 characters. */
export function encodeHeaderText(value: string): string {
  const text = headerSafe(value);
  if (isPrintableAscii(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    // 39 bytes of UTF-8 become 52 base64 characters: with "=?UTF-8?B?" and "?=" that is 64, and
    // "Subject: " in front of the first word still leaves the line under 76.
    if (chunkBytes + size > 39) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += char;
    chunkBytes += size;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** The Subject field: encoded words arrive folded already; plain text is folded at its spaces. */
function subjectField(text: string): string {
  const encoded = encodeHeaderText(text);
  return encoded.startsWith('=?') ? `Subject: ${encoded}` : foldHeader('Subject', encoded);
}

function base64Lines(bytes: Buffer): string {
  const encoded = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

/** Every line ending as CRLF: bare LF and bare CR become CRLF, CRLF stays. One pass. */
export function toCrlf(raw: Buffer): Buffer {
  const out = Buffer.allocUnsafe(raw.length * 2);
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === 0x0d) {
      out[length++] = 0x0d;
      out[length++] = 0x0a;
      if (raw[i + 1] === 0x0a) i++;
    } else if (byte === 0x0a) {
      out[length++] = 0x0d;
      out[length++] = 0x0a;
    } else {
      out[length++] = byte;
    }
  }
  return out.subarray(0, length);
}

/** The transfer encoding RFC 2045 §2.7-2.9 assigns to these bytes: binary for NUL or a line over 998 octets. */
export function rfc822Encoding(raw: Buffer): '7bit' | '8bit' | 'binary' {
  let highBit = false;
  let lineLength = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === 0) return 'binary';
    if (byte === 0x0d || byte === 0x0a) {
      lineLength = 0;
      continue;
    }
    if (++lineLength > MAX_LINE) return 'binary';
    if (byte > 0x7f) highBit = true;
  }
  return highBit ? '8bit' : '7bit';
}

/** The header section: everything before the first empty line (the whole message when there is none). */
function headerSection(crlf: Buffer): Buffer {
  const end = crlf.indexOf('\r\n\r\n');
  return end < 0 ? crlf : crlf.subarray(0, end + 2);
}

interface OriginalPart {
  headers: string[];
  body: Buffer;
  encoding: '7bit' | '8bit' | 'base64';
}

/** The third part: the whole original when it can travel as message/rfc822, else its header section. */
function originalPart(raw: Buffer): OriginalPart {
  const crlf = toCrlf(raw);
  const whole = rfc822Encoding(crlf);
  if (whole !== 'binary') {
    return { headers: ['Content-Type: message/rfc822', `Content-Transfer-Encoding: ${whole}`], body: crlf, encoding: whole };
  }
  const headers = headerSection(crlf);
  const encoding = rfc822Encoding(headers);
  const base = ['Content-Type: text/rfc822-headers; charset=utf-8'];
  if (encoding === 'binary') return { headers: [...base, 'Content-Transfer-Encoding: base64'], body: Buffer.from(base64Lines(headers) + CRLF), encoding: 'base64' };
  return { headers: [...base, `Content-Transfer-Encoding: ${encoding}`], body: headers, encoding };
}

function boundaryFor(original: Buffer): string {
  for (let i = 0; i < 10; i++) {
    const boundary = `LureLens-ARF-${randomBytes(18).toString('hex')}`;
    if (!original.includes(boundary)) return boundary;
  }
  throw new Error('could not choose a MIME boundary absent from the message');
}

interface Summary {
  returnPath?: string;
  sourceIp?: string;
  arrivalDate?: string;
}

/** The message/feedback-report fields (RFC 5965 §3.1, §3.2), optional ones only when known. */
function feedbackFields(input: ArfInput): string[] {
  const { report } = input;
  const summary = report.summary as Summary;
  const fields: string[] = ['Feedback-Type: fraud', foldHeader('User-Agent', headerSafe(input.userAgent)), 'Version: 1'];
  const mailFrom = headerSafe(summary.returnPath ?? '').replace(/^<|>$/g, '');
  if (mailFrom && isPrintableAscii(mailFrom) && !/[\s<>]/.test(mailFrom)) fields.push(foldHeader('Original-Mail-From', `<${mailFrom}>`));
  const arrival = summary.arrivalDate ? new Date(summary.arrivalDate) : undefined;
  if (arrival && Number.isFinite(arrival.getTime())) fields.push(`Arrival-Date: ${rfc5322Date(arrival)}`);
  if (summary.sourceIp && /^[0-9a-fA-F:.]{2,45}$/.test(summary.sourceIp)) fields.push(`Source-IP: ${summary.sourceIp}`);
  // The sender's domain only when it is an indicator: a spoofed brand's domain is not the one to report.
  const senderDomain = report.indicators.find((indicator) => indicator.type === 'sender-domain')?.value;
  if (senderDomain && /^[a-z0-9.-]{1,253}$/.test(senderDomain)) fields.push(`Reported-Domain: ${senderDomain}`);
  let uris = 0;
  for (const indicator of report.indicators) {
    if (indicator.type !== 'url' || uris >= MAX_REPORTED_URIS) continue;
    const uri = exportUri(indicator.value);
    if (uri.length > MAX_LINE - 'Reported-URI: '.length) continue;
    fields.push(`Reported-URI: ${uri}`);
    uris++;
  }
  return fields;
}

export function buildArf(input: ArfInput): Buffer {
  const { report } = input;
  const now = input.now ?? new Date();
  const host = new URL(input.publicUrl).hostname.replace(/^\[|\]$/g, '') || 'localhost';
  const original = originalPart(input.raw);
  const boundary = boundaryFor(original.body);
  // A multipart's encoding must be at least as wide as its widest part (RFC 2045 §6.4).
  const topEncoding = original.encoding === '8bit' ? '8bit' : '7bit';

  const link = `${input.publicUrl}/api/reports/${report.id}`;
  const human = [
    `This is an abuse report (RFC 5965) from the Lure Lens intake service of ${input.organizationName}.`,
    `A user reported the attached message as phishing on ${report.receivedAt}.`,
    `Automated verdict: ${report.verdict ?? 'not analysed'}${report.score !== undefined ? ` (score ${report.score}/100)` : ''}. Analyst decision: ${report.disposition}.`,
    `Reference: ${link}`,
    '',
    `${input.organizationName} の Lure Lens 受付サービスからの不正メール報告（RFC 5965）です。`,
    `利用者が ${report.receivedAt} に、添付のメッセージをフィッシングとして報告しました。`,
    `自動判定: ${report.verdict ?? '未解析'}。担当者の判断: ${report.disposition}。`,
    `参照: ${link}`,
    '',
  ].join(CRLF);

  const head = [
    foldHeader('From', `"Lure Lens" <lurelens@${host}>`),
    `Date: ${rfc5322Date(now)}`,
    subjectField(`Phishing report: ${report.subject.slice(0, 200) || '(no subject)'}`),
    foldHeader('Message-ID', `<arf-${report.id}@${host}>`),
    'MIME-Version: 1.0',
    'Auto-Submitted: auto-generated',
    `Content-Type: multipart/report; report-type=feedback-report;${CRLF} boundary="${boundary}"`,
    `Content-Transfer-Encoding: ${topEncoding}`,
    '',
    'This is a multipart message in MIME format (RFC 5965 abuse report).',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(human, 'utf8')),
    `--${boundary}`,
    'Content-Type: message/feedback-report',
    'Content-Transfer-Encoding: 7bit',
    '',
    ...feedbackFields(input),
    '',
    `--${boundary}`,
    ...original.headers,
    '',
    '',
  ].join(CRLF);
  // The delimiter's CRLF belongs to the boundary (RFC 2046 §5.1.1); the original's own final line
  // break stays part of it.
  return Buffer.concat([Buffer.from(head, 'utf8'), original.body, Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'ascii')]);
}

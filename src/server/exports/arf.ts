// A report as an Abuse Reporting Format message (RFC 5965): the format abuse desks of mail and
// hosting providers process automatically. Three parts: a short human explanation (English and
// Japanese), the machine-readable message/feedback-report, and the original message byte for byte.
// Values taken from the message are hostile: every header value is stripped of line breaks and
// control characters (no header injection) and non-ASCII text is RFC 2047 encoded.
import { randomBytes } from 'node:crypto';
import { canonicalHost, domainOfAddress } from '../../mail/hosts';
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

/** RFC 2047 B-encoding in UTF-8, split between characters so no word exceeds 75 characters. */
export function encodeHeaderText(value: string): string {
  const text = headerSafe(value);
  if (isPrintableAscii(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    // 45 bytes of UTF-8 become 60 base64 characters: with "=?UTF-8?B?" and "?=" that is 72.
    if (chunkBytes + size > 45) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += char;
    chunkBytes += size;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function base64Lines(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join('\r\n');
}

/** The transfer encoding RFC 2046 allows for a message/rfc822 part with these bytes. */
export function rfc822Encoding(raw: Buffer): '7bit' | '8bit' | 'binary' {
  let highBit = false;
  let lineLength = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === 0) return 'binary';
    if (byte === 0x0a) {
      lineLength = 0;
      continue;
    }
    if (++lineLength > 998) return 'binary';
    if (byte > 0x7f) highBit = true;
  }
  return highBit ? '8bit' : '7bit';
}

function boundaryFor(raw: Buffer): string {
  for (let i = 0; i < 10; i++) {
    const boundary = `LureLens-ARF-${randomBytes(18).toString('hex')}`;
    if (!raw.includes(boundary)) return boundary;
  }
  throw new Error('could not choose a MIME boundary absent from the message');
}

interface Summary {
  from?: { address?: string };
  returnPath?: string;
  sourceIp?: string;
  arrivalDate?: string;
}

export function buildArf(input: ArfInput): Buffer {
  const { report } = input;
  const summary = report.summary as Summary;
  const now = input.now ?? new Date();
  const host = new URL(input.publicUrl).hostname.replace(/^\[|\]$/g, '') || 'localhost';
  const boundary = boundaryFor(input.raw);

  const fields: string[] = ['Feedback-Type: fraud', `User-Agent: ${headerSafe(input.userAgent)}`, 'Version: 1'];
  const mailFrom = headerSafe(summary.returnPath ?? '');
  if (mailFrom && isPrintableAscii(mailFrom)) fields.push(`Original-Mail-From: <${mailFrom.replace(/^<|>$/g, '')}>`);
  const arrival = summary.arrivalDate ? new Date(summary.arrivalDate) : new Date(report.receivedAt);
  fields.push(`Arrival-Date: ${rfc5322Date(Number.isFinite(arrival.getTime()) ? arrival : new Date(report.receivedAt))}`);
  if (summary.sourceIp && /^[0-9a-fA-F:.]+$/.test(summary.sourceIp)) fields.push(`Source-IP: ${summary.sourceIp}`);
  const fromDomain = canonicalHost(domainOfAddress(summary.from?.address ?? report.fromAddress ?? ''));
  if (fromDomain && !fromDomain.isIp) fields.push(`Reported-Domain: ${fromDomain.ascii}`);
  let uris = 0;
  for (const indicator of report.indicators) {
    if (indicator.type !== 'url' || uris >= MAX_REPORTED_URIS) continue;
    const uri = headerSafe(indicator.value);
    if (!isPrintableAscii(uri) || uri.length > 900) continue;
    fields.push(`Reported-URI: ${uri}`);
    uris++;
  }

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
  ].join('\r\n');

  const head = [
    `From: "Lure Lens" <lurelens@${host}>`,
    `Date: ${rfc5322Date(now)}`,
    `Subject: ${encodeHeaderText(`Phishing report: ${report.subject.slice(0, 200) || '(no subject)'}`)}`,
    `Message-ID: <arf-${report.id}@${host}>`,
    'MIME-Version: 1.0',
    'Auto-Submitted: auto-generated',
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${boundary}"`,
    '',
    'This is a multipart message in MIME format (RFC 5965 abuse report).',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(human),
    `--${boundary}`,
    'Content-Type: message/feedback-report',
    '',
    ...fields,
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    `Content-Transfer-Encoding: ${rfc822Encoding(input.raw)}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), input.raw, Buffer.from(`\r\n--${boundary}--\r\n`, 'ascii')]);
}

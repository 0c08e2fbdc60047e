// What happens to a report between the request and the 201: the raw bytes are hashed, the message
// is parsed and analysed again with the service's own policy (the add-in's verdict is kept but never
// trusted), indicators and campaign keys are extracted, and everything is committed in one
// transaction. A message that cannot be parsed is still kept: the analyst can download it.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { MailAddress, MailMessage, Verdict } from '../engine/model';
import { analyze } from '../engine/analyze';
import { normalizeText } from '../engine/text/normalize';
import { readAuthentication } from '../mail/authentication';
import { parseEml } from '../mail/eml';
import type { ResolvedPolicy } from '../policy/types';
import type { ReportReceipt } from '../report/protocol';
import { ApiError } from './errors';
import { groupingKeys } from './grouping';
import { extractIndicators, sha256Hex, type IndicatorSet } from './indicators';
import type { SubmissionMetadata } from './schemas';
import { capStrings, capText, cutText } from './store/limits';
import type { NewReport, ReportStore } from './store/types';

const MAX_ADDRESSES = 50;
const MAX_HEADERS_SCANNED = 500;

export interface IntakeContext {
  store: ReportStore;
  policy: ResolvedPolicy;
  /** Queue webhook deliveries for new reports. */
  forward: boolean;
  /** Called after a new report committed (wakes the webhook worker). */
  onCreated?: (id: string) => void;
}

export interface IntakeResult {
  status: 200 | 201;
  receipt: ReportReceipt;
}

export interface HeaderSummary {
  from?: MailAddress;
  sender?: MailAddress;
  replyTo: MailAddress[];
  returnPath?: string;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date?: string;
  messageId?: string;
  receivedHops: number;
  sourceIp?: string;
  arrivalDate?: string;
  authentication: unknown;
  attachments: IndicatorSet['attachments'];
  linkCount: number;
  missing: string[];
}

export interface Examination {
  message?: MailMessage;
  verdict?: Verdict;
  /** Why parsing or analysis failed. */
  error?: string;
  indicators?: IndicatorSet;
  summary?: HeaderSummary;
}

function firstValidIp(candidate: string | undefined): string | undefined {
  const value = candidate?.trim().replace(/^\[|\]$/g, '');
  return value && isIP(value) ? value : undefined;
}

/**
 * The IP that connected to the organisation's mail system, as that system recorded it. Read from
 * fields our own boundary writes (Received-SPF, Microsoft's antispam report, Authentication-Results);
 * the topmost one wins because lower ones may have been written by the sender.
 */
export function sourceIpOf(message: MailMessage): string | undefined {
  for (const header of message.headers.slice(0, MAX_HEADERS_SCANNED)) {
    const name = header.name.toLowerCase();
    const value = header.value.slice(0, 4000);
    let ip: string | undefined;
    if (name === 'received-spf') ip = firstValidIp(/client-ip=([0-9a-fA-F:.]{2,45})/.exec(value)?.[1]);
    else if (name === 'x-forefront-antispam-report') ip = firstValidIp(/(?:^|;)\s*CIP:([0-9a-fA-F:.]{2,45})/.exec(value)?.[1]);
    else if (name === 'authentication-results') ip = firstValidIp(/sender IP is ([0-9a-fA-F:.]{2,45})/i.exec(value)?.[1]);
    if (ip) return ip;
  }
  return undefined;
}

/** When the topmost Received: header (written by the organisation's own server) says it arrived. */
export function arrivalDateOf(message: MailMessage): string | undefined {
  const received = message.headers.slice(0, MAX_HEADERS_SCANNED).find((h) => h.name.toLowerCase() === 'received');
  if (!received) return undefined;
  const semicolon = received.value.lastIndexOf(';');
  if (semicolon < 0) return undefined;
  const time = Date.parse(received.value.slice(semicolon + 1).trim());
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/**
 * What analysts see of the message's headers. Every free-text value is bounded: a folded header can
 * be megabytes long, and this summary goes into the report detail (the raw .eml keeps the original).
 */
function summarise(message: MailMessage, found: IndicatorSet): HeaderSummary {
  const summary: HeaderSummary = {
    from: message.from,
    sender: message.sender,
    replyTo: message.replyTo.slice(0, MAX_ADDRESSES),
    returnPath: message.returnPath,
    to: message.to.slice(0, MAX_ADDRESSES),
    cc: message.cc.slice(0, MAX_ADDRESSES),
    subject: message.subject,
    date: message.date,
    messageId: message.messageId,
    receivedHops: message.headers.filter((h) => h.name.toLowerCase() === 'received').length,
    sourceIp: sourceIpOf(message),
    arrivalDate: arrivalDateOf(message),
    authentication: readAuthentication(message.headers),
    attachments: found.attachments,
    linkCount: message.links.length,
    missing: message.missing,
  };
  // Names, addresses, authentication fields and attachment names are all message text: bound each.
  return capStrings(summary) as HeaderSummary;
}

/** Parses and analyses a raw message; never throws (a failure is recorded in `error`). */
export async function examine(raw: Uint8Array, policy: ResolvedPolicy): Promise<Examination> {
  let message: MailMessage;
  try {
    message = await parseEml(raw);
  } catch (error) {
    return { error: `The message could not be parsed: ${(error as Error).message ?? String(error)}`.slice(0, 500) };
  }
  const indicators = extractIndicators(message, policy);
  const summary = summarise(message, indicators);
  try {
    return { message, verdict: analyze(message, policy), indicators, summary };
  } catch (error) {
    return { message, indicators, summary, error: `The analysis failed: ${(error as Error).message ?? String(error)}`.slice(0, 500) };
  }
}

/** Two submissions with one key are "the same report" when the message bytes and the reporter match. */
export function reportFingerprint(rawSha256: string, reporterAddress: string): string {
  return sha256Hex(rawSha256 + '\n' + reporterAddress.trim().toLowerCase());
}

export function newStatusToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashStatusToken(token) };
}

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;

/** Strict base64 (line breaks allowed): Buffer.from alone would silently skip invalid characters. */
export function decodeBase64(text: string): Buffer {
  if (!BASE64.test(text)) throw new ApiError(400, 'validation', 'body/eml: must be base64 (RFC 4648, standard alphabet)', [{ path: 'body/eml', message: 'must be base64' }]);
  return Buffer.from(text, 'base64');
}

export async function receiveReport(context: IntakeContext, submission: SubmissionMetadata, raw: Buffer): Promise<IntakeResult> {
  if (raw.byteLength === 0) throw new ApiError(400, 'validation', 'body/eml: the message is empty', [{ path: 'body/eml', message: 'is empty' }]);
  const rawSha256 = sha256Hex(raw);
  const fingerprint = reportFingerprint(rawSha256, submission.reporter.address);
  const status = newStatusToken();

  // A retry of a report we already have: answer at once, without parsing it again.
  const known = await context.store.findByKey(submission.key);
  if (known) {
    if (known.fingerprint !== fingerprint) throw conflict();
    await context.store.addStatusToken(known.id, status.hash);
    return { status: 200, receipt: { id: known.id, duplicate: true, campaignId: known.campaignId, statusToken: status.token } };
  }

  const examination = await examine(raw, context.policy);
  const message = examination.message;
  // Bounded copies for the row, list answers and search; the raw bytes below stay as received.
  const subject = capText(message?.subject ?? '');
  const fromName = capText(message?.from?.name ?? '');
  const fromAddress = capText(message?.from?.address ?? '');
  const report: NewReport = {
    id: randomUUID(),
    key: submission.key,
    fingerprint,
    receivedAt: new Date().toISOString(),
    reporter: { address: submission.reporter.address.trim(), name: submission.reporter.name },
    reasons: submission.reasons,
    comment: submission.comment,
    emlSource: submission.emlSource,
    client: submission.client,
    clientVerdict: submission.clientVerdict,
    internetMessageId: submission.internetMessageId,
    networkMessageId: submission.networkMessageId,
    raw,
    rawSha256,
    subject,
    fromAddress: fromAddress || undefined,
    fromName: fromName || undefined,
    searchText: cutText(normalizeText([subject, fromName, fromAddress].join(' ')), 4000),
    verdict: examination.verdict?.verdict,
    score: examination.verdict?.score,
    // Findings quote message text as evidence (a sender name, a subject): bounded like the rest.
    analysis: capStrings({
      verdict: examination.verdict?.verdict,
      score: examination.verdict?.score,
      findings: examination.verdict?.findings ?? [],
      notChecked: examination.verdict?.notChecked ?? [],
      error: examination.error,
    }) as Record<string, unknown>,
    summary: (examination.summary ?? {}) as unknown as Record<string, unknown>,
    indicators: examination.indicators?.indicators ?? [],
    groupingKeys: groupingKeys(message, rawSha256, examination.indicators),
    statusTokenHash: status.hash,
    forward: context.forward,
  };
  const outcome = await context.store.insertReport(report);
  if (outcome.kind === 'conflict') throw conflict();
  if (outcome.kind === 'duplicate') {
    // Another request with this key committed while we were parsing.
    return { status: 200, receipt: { id: outcome.id, duplicate: true, campaignId: outcome.campaignId, statusToken: status.token } };
  }
  context.onCreated?.(outcome.id);
  return { status: 201, receipt: { id: outcome.id, duplicate: false, campaignId: outcome.campaignId, statusToken: status.token } };
}

function conflict(): ApiError {
  return new ApiError(409, 'conflict', 'This key was already used for a different report. Use a new key for a new report.');
}

// What the service learns from a reported message: the server's own verdict, the header summary,
// indicators, campaign keys, search text and the console's content view. Runs inside an analysis
// worker (pool.ts), never on the event loop. Never throws: a message that cannot be parsed, or has
// more MIME parts than MAX_MIME_PARTS, is still examined as far as it can be and marked incomplete.
// An incomplete examination never says "clean": only a finding can raise it, nothing lowers it.
import { isIP } from 'node:net';
import type { MailMessage, VerdictLevel } from '../../engine/model';
import { analyze } from '../../engine/analyze';
import { normalizeText } from '../../engine/text/normalize';
import { readAuthentication } from '../../mail/authentication';
import { parseEml } from '../../mail/eml';
import type { ResolvedPolicy } from '../../policy/types';
import { groupingKeys, normaliseMessageId, type GroupingKey } from '../grouping';
import { extractIndicators, type IndicatorSet } from '../indicators';
import type { Static } from '@sinclair/typebox';
import type { HeaderSummary as HeaderSummarySchema, ReportContent } from '../schemas';
import { capStrings, capText, cutText } from '../store/limits';
import type { Indicator } from '../store/types';
import { emptyContent, messageContent } from './content';

const MAX_ADDRESSES = 50;
const MAX_HEADERS_SCANNED = 500;
/**
 * MIME parts analysed per message. Real mail has a handful (a few hundred for a digest); the audit's
 * message had 944,000 empty ones to stall the parser. Past this, only the parts before it are read.
 */
export const MAX_MIME_PARTS = 2000;
/** Boundaries collected from Content-Type parameters when counting parts (one per nesting level). */
const MAX_BOUNDARIES = 256;
/** Search text kept per report (subject, sender, Message-ID). */
const SEARCH_TEXT_CHARS = 4000;

/** Why an examination is incomplete; the console explains each. */
export type IncompleteReason = 'unreadable' | 'parts' | 'time' | 'memory' | 'failed';

export interface Incomplete {
  reason: IncompleteReason;
  /** For the analyst; never contains message content. */
  message: string;
}

type HeaderSummary = Static<typeof HeaderSummarySchema>;

/** Everything intake stores besides the submission itself; plain data, so it crosses the worker boundary. */
export interface Examination {
  subject: string;
  fromAddress?: string;
  fromName?: string;
  verdict?: VerdictLevel;
  score?: number;
  analysis: {
    verdict?: VerdictLevel;
    score?: number;
    findings: unknown[];
    notChecked: unknown[];
    error?: string;
    incomplete?: Incomplete;
  };
  summary: Record<string, unknown>;
  indicators: Indicator[];
  groupingKeys: GroupingKey[];
  searchText: string;
  content: ReportContent;
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

const BOUNDARY_PARAMETER = Buffer.from('oundary=', 'latin1');
const LINE_DASHES = Buffer.from('\n--', 'latin1');

/** The boundary strings declared anywhere in the message (bounded), as bytes. */
function declaredBoundaries(raw: Buffer): Buffer[] {
  const found = new Map<string, Buffer>();
  for (let at = raw.indexOf(BOUNDARY_PARAMETER); at >= 0 && found.size < MAX_BOUNDARIES; at = raw.indexOf(BOUNDARY_PARAMETER, at + 1)) {
    const before = raw[at - 1];
    if (before !== 0x62 && before !== 0x42) continue; // "b" or "B"
    let start = at + BOUNDARY_PARAMETER.length;
    let end: number;
    if (raw[start] === 0x22) {
      start++;
      end = raw.indexOf(0x22, start);
    } else {
      end = start;
      while (end < raw.length && end - start < 200 && ![0x3b, 0x20, 0x09, 0x0d, 0x0a].includes(raw[end])) end++;
    }
    if (end <= start || end - start > 200) continue;
    const value = raw.subarray(start, end);
    found.set(value.toString('latin1'), value);
  }
  return [...found.values()];
}

/**
 * Where the message should be cut so that at most `maxParts` MIME parts are read: the offset of the
 * delimiter line that would open part maxParts + 1, or undefined when there are not that many. One
 * pass over the bytes; delimiter lines are "--" plus a declared boundary at the start of a line.
 */
export function partLimitOffset(raw: Buffer, maxParts = MAX_MIME_PARTS): number | undefined {
  const boundaries = declaredBoundaries(raw);
  if (boundaries.length === 0) return undefined;
  let parts = 0;
  for (let at = raw.indexOf(LINE_DASHES); at >= 0; at = raw.indexOf(LINE_DASHES, at + 3)) {
    const start = at + 3;
    if (!boundaries.some((boundary) => raw.compare(boundary, 0, boundary.length, start, start + boundary.length) === 0)) continue;
    parts++;
    if (parts > maxParts) return at + 1;
  }
  return undefined;
}

/** Plain-data copy of a value (drops class instances, functions and undefined), so it can be stored and cloned. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

function searchTextOf(subject: string, fromName: string, fromAddress: string, messageId: string | undefined): string {
  return cutText(normalizeText([subject, fromName, fromAddress, normaliseMessageId(messageId) ?? ''].join(' ')), SEARCH_TEXT_CHARS);
}

/** An examination that found nothing (the message could not be read, or the worker gave up on it). */
export function unexamined(rawSha256: string, incomplete: Incomplete): Examination {
  return {
    subject: '',
    analysis: { findings: [], notChecked: [], error: incomplete.reason === 'unreadable' ? incomplete.message : undefined, incomplete },
    summary: {},
    indicators: [],
    groupingKeys: groupingKeys(undefined, rawSha256, undefined),
    searchText: '',
    content: emptyContent(['headers', 'body']),
  };
}

/** Parses and analyses a raw message with the service's policy. Never throws. */
export async function examineMessage(raw: Buffer, rawSha256: string, policy: ResolvedPolicy, maxParts = MAX_MIME_PARTS): Promise<Examination> {
  let incomplete: Incomplete | undefined;
  const cut = partLimitOffset(raw, maxParts);
  if (cut !== undefined) {
    incomplete = { reason: 'parts', message: `The message has more than ${maxParts} MIME parts; only the first ${maxParts} were analysed.` };
  }
  let message: MailMessage;
  try {
    message = await parseEml(cut === undefined ? raw : raw.subarray(0, cut));
  } catch (error) {
    const text = `The message could not be parsed: ${(error as Error)?.message ?? String(error)}`.slice(0, 500);
    return unexamined(rawSha256, { reason: 'unreadable', message: text });
  }
  const found = extractIndicators(message, policy);
  const summary = summarise(message, found);
  const subject = capText(message.subject ?? '');
  const fromName = capText(message.from?.name ?? '');
  const fromAddress = capText(message.from?.address ?? '');
  let verdict: ReturnType<typeof analyze> | undefined;
  let error: string | undefined;
  try {
    verdict = analyze(message, policy);
  } catch (caught) {
    error = `The analysis failed: ${(caught as Error)?.message ?? String(caught)}`.slice(0, 500);
    incomplete = { reason: 'failed', message: error };
  }
  // A partial look that found nothing is not a clean bill of health.
  const level = verdict && !(incomplete && verdict.verdict === 'clean') ? verdict.verdict : undefined;
  return {
    subject,
    fromAddress: fromAddress || undefined,
    fromName: fromName || undefined,
    verdict: level,
    score: level ? verdict?.score : undefined,
    // Findings quote message text as evidence (a sender name, a subject): bounded like the rest.
    analysis: plain(
      capStrings({
        verdict: level,
        score: level ? verdict?.score : undefined,
        findings: verdict?.findings ?? [],
        notChecked: verdict?.notChecked ?? [],
        error,
        incomplete,
      }),
    ) as Examination['analysis'],
    summary: plain(summary) as unknown as Record<string, unknown>,
    indicators: found.indicators,
    groupingKeys: groupingKeys(message, rawSha256, found),
    searchText: searchTextOf(subject, fromName, fromAddress, message.messageId),
    content: messageContent(message),
  };
}

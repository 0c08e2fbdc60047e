// A report: the whole original message plus what the reporter and the engine said about it, shaped to
// the wire contract (protocol.ts) and clamped to its limits so the service never rejects it for size.
import type { Verdict } from '../engine/model';
import { base64DecodedLength } from './encoding';
import { headersOfBase64Eml, networkMessageIdOf, parseHeaderBlock, type RawHeader } from './headers';
import { newIdempotencyKey } from './ids';
import type { ClientInfo, ReportItem, ReporterIdentity } from './item';
import { HISTORY_LIMITS, type ReportSubmission, type SenderHistorySummary } from './protocol';
import { ItemUnreadableError, rebuildEml } from './rebuild';
import type { ReportRequest } from './reporter';

export { ItemUnreadableError } from './rebuild';

export type ClientVerdict = NonNullable<ReportSubmission['clientVerdict']>;

export interface ReportInput {
  item: ReportItem;
  reporter: ReporterIdentity;
  request: ReportRequest;
  client?: ClientInfo;
  /** The engine's verdict on this message, when it was analysed. */
  verdict?: Verdict;
  /** Reuse a key (e.g. when re-fetching an outbox entry); a new one is made otherwise. */
  key?: string;
}

/** A submission plus what the channels and the outbox need to know about it. */
export interface PreparedReport {
  submission: ReportSubmission;
  /** The reported message's subject (for the mailbox/compose channels and the user's messages). */
  subject: string;
  itemId?: string;
  restId?: string;
  /** The shared or delegated mailbox holding the message; undefined for the reporter's own. */
  sharedMailbox?: string;
  /** Size of the .eml in bytes. */
  emlBytes: number;
  /** What a rebuilt .eml is missing. */
  notes: string[];
}

export class ReporterUnknownError extends Error {
  constructor() {
    super('The signed-in user has no email address; a report needs one');
    this.name = 'ReporterUnknownError';
  }
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never leave half of a surrogate pair at the end.
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function optionalText(text: string | undefined, max: number): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? clip(trimmed, max) : undefined;
}

export function cleanReasons(reasons: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const reason of reasons) {
    if (typeof reason !== 'string') continue;
    const value = clip(reason.trim(), 100);
    if (value) seen.add(value);
    if (seen.size === 20) break;
  }
  return [...seen];
}

/** The history the verdict was judged with, within the wire limits: counts, addresses, dates and the namesakes' names only. */
function historySummary(history: NonNullable<Verdict['senderHistory']>): SenderHistorySummary {
  return {
    ...history,
    namesakes: history.namesakes.slice(0, HISTORY_LIMITS.namesakes).map((namesake) => ({ ...namesake, name: clip(namesake.name, HISTORY_LIMITS.nameLength) })),
  };
}

/** The engine's verdict in the submission's shape (English titles; the service re-analyses anyway). */
export function toClientVerdict(verdict: Verdict): ClientVerdict {
  return {
    ...(verdict.senderHistory ? { senderHistory: historySummary(verdict.senderHistory) } : {}),
    verdict: verdict.verdict,
    score: Math.max(0, Math.min(100, Math.round(verdict.score))),
    findings: verdict.findings.slice(0, 200).map((finding) => ({
      rule: clip(finding.rule, 100),
      severity: finding.severity,
      title: clip(finding.title.en, 500),
      category: finding.category,
      ...(finding.technique ? { technique: finding.technique } : {}),
    })),
  };
}

function cleanClient(client: ClientInfo | undefined): ReportSubmission['client'] {
  if (!client) return undefined;
  const out: NonNullable<ReportSubmission['client']> = {};
  if (client.host) out.host = clip(client.host, 100);
  if (client.platform) out.platform = clip(client.platform, 100);
  if (client.version) out.version = clip(client.version, 100);
  if (client.addinVersion) out.addinVersion = clip(client.addinVersion, 50);
  if (client.requirementSets) out.requirementSets = client.requirementSets.slice(0, 50).map((set) => clip(set, 50));
  return out;
}

const BASE64 = /^[A-Za-z0-9+/=\s_-]+$/;

async function settle<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch {
    return undefined;
  }
}

/**
 * Builds the submission for the item. Prefers Outlook's exact copy (getAsFileAsync); otherwise rebuilds
 * the .eml from headers, bodies and attachments and marks it `rebuilt`. Throws ItemUnreadableError when
 * the item gives nothing, ReporterUnknownError without a reporter address.
 */
export async function buildReportSubmission(input: ReportInput): Promise<PreparedReport> {
  const { item } = input;
  const address = input.reporter.address?.trim();
  if (!address || address.length < 3) throw new ReporterUnknownError();

  let eml = await settle(() => item.getAsFile());
  let emlSource: ReportSubmission['emlSource'] = 'original';
  let notes: string[] = [];
  let headers: RawHeader[] = [];
  // Anything but base64 from Outlook is treated like no copy at all.
  if (eml && !BASE64.test(eml)) eml = undefined;
  if (eml) {
    headers = headersOfBase64Eml(eml);
  } else {
    const rebuilt = await rebuildEml(item);
    eml = rebuilt.eml;
    notes = rebuilt.notes;
    emlSource = 'rebuilt';
    const block = await settle(() => item.getAllHeaders());
    headers = block ? parseHeaderBlock(block) : [];
  }
  if (!eml) throw new ItemUnreadableError('The message could not be read');

  const internetMessageId = item.internetMessageId?.trim();
  const submission: ReportSubmission = {
    key: input.key ?? newIdempotencyKey(),
    eml,
    emlSource,
    reporter: { address: clip(address, 320), ...(input.reporter.name?.trim() ? { name: clip(input.reporter.name.trim(), 320) } : {}) },
    reasons: cleanReasons(input.request.reasons),
  };
  const comment = optionalText(input.request.comment, 4000);
  if (comment) submission.comment = comment;
  if (input.verdict) submission.clientVerdict = toClientVerdict(input.verdict);
  const client = cleanClient(input.client);
  if (client) submission.client = client;
  // An id cut short would point at the wrong message; leave it out instead.
  if (internetMessageId && internetMessageId.length <= 1000) submission.internetMessageId = internetMessageId;
  const networkMessageId = networkMessageIdOf(headers);
  if (networkMessageId) submission.networkMessageId = networkMessageId;

  const sharedMailbox = await settle(async () => item.sharedMailbox?.());
  return {
    submission,
    subject: item.subject ?? '',
    itemId: item.itemId,
    restId: item.restId,
    ...(sharedMailbox ? { sharedMailbox } : {}),
    emlBytes: base64DecodedLength(eml),
    notes,
  };
}

const REASON_LABELS: Record<string, { en: string; ja: string }> = {
  impersonation: { en: 'Pretends to be someone I know', ja: '知っている人になりすましている' },
  'suspicious-link': { en: 'Suspicious link', ja: '不審なリンク' },
  'unexpected-attachment': { en: 'Unexpected attachment', ja: '予期しない添付ファイル' },
  'credential-request': { en: 'Asks for a password or sign-in', ja: 'パスワードやサインインを求めている' },
  spam: { en: 'Spam', ja: '迷惑メール' },
  other: { en: 'Other', ja: 'その他' },
};

function reasonLabel(reason: string): string {
  const label = REASON_LABELS[reason];
  return label ? `${label.en} / ${label.ja}` : reason;
}

/** One line of text safe to embed anywhere: no line breaks or other control characters. */
function oneLine(text: string, max: number): string {
  return clip(text.replace(/[\x00-\x1f\x7f\u2028\u2029]+/g, ' ').trim(), max);
}

/** Subject of the message the mailbox and compose channels send. */
export function reportMailSubject(subject: string): string {
  return `[Lure Lens report] ${oneLine(subject, 200) || '(no subject)'}`;
}

/**
 * Plain-text summary for the security team's mailbox: who reported, why, and what the engine found.
 * Message text appears only as plain text (never as HTML) and on single lines.
 */
export function findingsSummary(report: Pick<PreparedReport, 'submission' | 'subject' | 'notes'>): string {
  const { submission } = report;
  const lines: string[] = [
    'Reported with Lure Lens / Lure Lens による報告',
    '',
    `Reporter / 報告者: ${submission.reporter.name ? `${oneLine(submission.reporter.name, 320)} ` : ''}<${oneLine(submission.reporter.address, 320)}>`,
    `Subject / 件名: ${oneLine(report.subject, 500) || '(no subject)'}`,
  ];
  if (submission.reasons.length) lines.push(`Reasons / 理由: ${submission.reasons.map(reasonLabel).join('; ')}`);
  if (submission.comment) lines.push(`Comment / コメント: ${oneLine(submission.comment, 4000)}`);
  const verdict = submission.clientVerdict;
  if (verdict) {
    lines.push('', `Lure Lens verdict / 判定: ${verdict.verdict} (score ${verdict.score}/100)`);
    for (const finding of verdict.findings.slice(0, 50)) lines.push(`- [${finding.severity}] ${oneLine(finding.title, 500)} (${finding.rule})`);
    if (verdict.findings.length > 50) lines.push(`- … ${verdict.findings.length - 50} more`);
  }
  lines.push('');
  if (submission.internetMessageId) lines.push(`Internet message id: ${oneLine(submission.internetMessageId, 1000)}`);
  if (submission.networkMessageId) lines.push(`Network message id: ${submission.networkMessageId}`);
  lines.push(`Report key: ${submission.key}`);
  lines.push(
    submission.emlSource === 'rebuilt'
      ? 'The attached .eml was rebuilt from the message parts because Outlook could not provide the original.'
      : 'The original message is attached as an .eml file.',
  );
  for (const note of report.notes) lines.push(`Note: ${oneLine(note, 300)}`);
  lines.push('Open the attachment only in an analysis environment.');
  return lines.join('\n');
}

// What happens to a report between the request and the 201: the upload (already on disk, hashed
// while it arrived) is checked against the idempotency key, then parsed and analysed again with the
// service's own policy in an analysis worker (the add-in's verdict is kept but never trusted), and
// everything is committed in one transaction. A message that cannot be parsed, or that is over the
// analysis budget, is still kept and marked "not fully analysed": the analyst can download it.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { ReportReceipt } from '../report/protocol';
import { unexamined, type Examination } from './analysis/examine';
import type { Examined } from './analysis/jobs';
import type { AnalysisPool } from './analysis/pool';
import type { DefenderForwarder } from './identity/defender';
import type { ReporterIdentity } from './identity/reporter-tokens';
import { ApiError } from './errors';
import { sha256Hex } from './indicators';
import type { SubmissionMetadata } from './schemas';
import type { NewReport, ReportStore } from './store/types';

export interface IntakeContext {
  store: ReportStore;
  pool: AnalysisPool;
  /** Queue webhook deliveries for new reports. */
  forward: boolean;
  /** Called after a new report committed (wakes the webhook worker). */
  onCreated?: (id: string) => void;
  /** Sends new reports to Microsoft Defender (identity/defender.ts): its queue row is written in the intake transaction. */
  defender?: Pick<DefenderForwarder, 'accepts' | 'forward'>;
}

export interface IntakeResult {
  status: 200 | 201;
  receipt: ReportReceipt;
}

/** A submission whose message is on disk (streamed there as it arrived). */
export interface Upload {
  submission: SubmissionMetadata;
  emlFile: string;
  size: number;
  sha256: string;
  /** The caller's identity was verified (not the add-in's shared token). */
  reporterVerified: boolean;
  /** The signed-in reporter, from a verified Entra token: the report is theirs, whatever the body says. */
  reporterIdentity?: ReporterIdentity;
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

/** Parses and analyses the upload in a worker, which hands back the message's bytes too; over budget, a stand-in that says why. */
async function examineUpload(pool: AnalysisPool, upload: Upload): Promise<{ examination: Examination; raw: Buffer }> {
  const outcome = await pool.run<Examined<Examination>>({ kind: 'examine', emlFile: upload.emlFile, sha256: upload.sha256 });
  if (outcome.ok) {
    const { examination, raw } = outcome.value;
    return { examination, raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) };
  }
  return { examination: unexamined(upload.sha256, { reason: outcome.reason, message: outcome.message }), raw: await fs.readFile(upload.emlFile) };
}

export async function receiveReport(context: IntakeContext, upload: Upload): Promise<IntakeResult> {
  const { submission } = upload;
  const signedIn = upload.reporterIdentity;
  const reporter = signedIn
    ? { address: signedIn.address, name: signedIn.name ?? submission.reporter.name }
    : { address: submission.reporter.address.trim(), name: submission.reporter.name };
  if (upload.size === 0) throw new ApiError(400, 'validation', 'body/eml: the message is empty', [{ path: 'body/eml', message: 'is empty' }]);
  const fingerprint = reportFingerprint(upload.sha256, reporter.address);
  const status = newStatusToken();

  // A retry of a report we already have: answer at once, without parsing it again.
  const known = await context.store.findByKey(submission.key);
  if (known) {
    if (known.fingerprint !== fingerprint) throw conflict();
    await context.store.addStatusToken(known.id, status.hash);
    return { status: 200, receipt: { id: known.id, duplicate: true, campaignId: known.campaignId, statusToken: status.token } };
  }

  const { examination, raw } = await examineUpload(context.pool, upload);
  const defender = context.defender ? await context.defender.accepts() : false;
  const report: NewReport = {
    id: randomUUID(),
    key: submission.key,
    fingerprint,
    receivedAt: new Date().toISOString(),
    reporter,
    reporterVerified: upload.reporterVerified,
    ...(signedIn ? { reporterIdentity: { tenantId: signedIn.tenantId, objectId: signedIn.objectId } } : {}),
    reasons: submission.reasons,
    comment: submission.comment,
    emlSource: submission.emlSource,
    client: submission.client,
    clientVerdict: submission.clientVerdict,
    internetMessageId: submission.internetMessageId,
    networkMessageId: submission.networkMessageId,
    raw,
    rawSha256: upload.sha256,
    subject: examination.subject,
    fromAddress: examination.fromAddress,
    fromName: examination.fromName,
    searchText: examination.searchText,
    verdict: examination.verdict,
    score: examination.score,
    analysis: examination.analysis as Record<string, unknown>,
    summary: examination.summary,
    indicators: examination.indicators,
    groupingKeys: examination.groupingKeys,
    incompleteReason: examination.analysis.incomplete?.reason,
    content: examination.content as unknown as Record<string, unknown>,
    statusTokenHash: status.hash,
    forward: context.forward,
    defender,
  };
  const outcome = await context.store.insertReport(report);
  if (outcome.kind === 'conflict') throw conflict();
  if (outcome.kind === 'duplicate') {
    // Another request with this key committed while we were parsing.
    return { status: 200, receipt: { id: outcome.id, duplicate: true, campaignId: outcome.campaignId, statusToken: status.token } };
  }
  context.onCreated?.(outcome.id);
  if (context.defender) context.defender.forward(outcome.id, defender);
  return { status: 201, receipt: { id: outcome.id, duplicate: false, campaignId: outcome.campaignId, statusToken: status.token } };
}

function conflict(): ApiError {
  return new ApiError(409, 'conflict', 'This key was already used for a different report. Use a new key for a new report.');
}

// Each new report also goes to Microsoft Defender for Office 365, when identity.graph.defender asks:
//   "mailbox": as Defender's user reported settings expect from a non-Microsoft add-in: a message to
//     the reporting mailbox with the reported message attached, uncompressed, as .eml, and a subject
//     starting "3|" (phishing), sent through Graph's sendMail (application permission Mail.Send);
//   "threat-submission": Graph's threat submission API (beta; ThreatSubmission.ReadWrite.All), an
//     emailContentThreatSubmission of category phishing carrying the .eml, on behalf of the reporter.
// Sending happens after the report is stored and answered, in the background: a few tries spaced
// out, then the outcome (submitted, skipped or failed) is written to the audit log. Pending sends
// are kept in memory only; a restart forgets them (the report itself is safe in the database).
import type { FastifyBaseLogger } from 'fastify';
import type { ReportStore } from '../store/types';
import type { Auditor } from './audit';
import type { GraphConfig } from './config';
import { GraphError, type AppGraphClient } from './graph-client';

/** Graph takes JSON requests up to 4 MB; base64 makes the message a third bigger. */
export const DEFENDER_MAX_BYTES = 3 * 1024 * 1024;
/** Waits before the second and third try. */
const RETRY_DELAYS_MS = [10_000, 60_000];
/** Sends waiting at once; past it new reports are skipped (and the skip is audited). */
const MAX_PENDING = 1000;
/** Subjects are cut here (Exchange allows 255 characters). */
const MAX_SUBJECT = 240;

export type DefenderConfig = NonNullable<GraphConfig['defender']>;
export type DefenderOutcome = { outcome: 'submitted' | 'skipped' | 'failed'; reason?: string };

export class DefenderForwarder {
  private pending = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(
    private readonly graph: AppGraphClient,
    private readonly config: DefenderConfig,
    private readonly store: ReportStore,
    private readonly auditor: Auditor,
    private readonly log: FastifyBaseLogger,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** Queues the report; returns at once. */
  forward(reportId: string): void {
    if (this.closed) return;
    if (this.pending >= MAX_PENDING) {
      void this.finish(reportId, { outcome: 'skipped', reason: 'queue-full' });
      return;
    }
    this.pending++;
    void this.attempt(reportId, 0);
  }

  private async attempt(reportId: string, tries: number): Promise<void> {
    let result: DefenderOutcome;
    try {
      result = await this.submit(reportId);
    } catch (error) {
      const code = error instanceof GraphError ? error.code : 'error';
      const retryable = !(error instanceof GraphError) || error.status === 0 || error.status === 429 || error.status >= 500;
      if (retryable && tries < this.retryDelaysMs.length && !this.closed) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          void this.attempt(reportId, tries + 1);
        }, this.retryDelaysMs[tries]);
        this.timers.add(timer);
        return;
      }
      result = { outcome: 'failed', reason: code };
    }
    this.pending--;
    await this.finish(reportId, result);
  }

  private async finish(reportId: string, result: DefenderOutcome): Promise<void> {
    if (result.outcome !== 'submitted') this.log.warn({ reportId, ...result }, 'report not sent to Microsoft Defender');
    try {
      await this.auditor.system('defender.submit', { type: 'report', id: reportId }, { mode: this.config.mode, ...result });
    } catch (error) {
      this.log.error({ err: error, reportId }, 'the audit entry could not be written');
    }
  }

  /** One try; throws GraphError when Graph refuses or cannot be reached. */
  async submit(reportId: string): Promise<DefenderOutcome> {
    const [report, raw] = await Promise.all([this.store.getReport(reportId), this.store.getRaw(reportId)]);
    if (!report || !raw) return { outcome: 'skipped', reason: 'report-gone' };
    if (raw.bytes.length > DEFENDER_MAX_BYTES) return { outcome: 'skipped', reason: 'too-large' };
    const content = raw.bytes.toString('base64');
    if (this.config.mode === 'threat-submission') {
      await this.graph.call('POST', '/beta/security/threatSubmission/emailThreats', {
        '@odata.type': '#microsoft.graph.security.emailContentThreatSubmission',
        category: 'phishing',
        recipientEmailAddress: report.reporter.address,
        fileContent: content,
      });
      return { outcome: 'submitted' };
    }
    // "3|": reported as phishing; Defender ignores the rest of the subject.
    const subject = `3|${report.subject}`.replace(/[\r\n]+/g, ' ').slice(0, MAX_SUBJECT);
    const verified = report.reporterVerified ? 'signed in' : 'not verified (shared add-in token)';
    await this.graph.call('POST', `/v1.0/users/${encodeURIComponent(this.config.sender!)}/sendMail`, {
      message: {
        subject,
        body: { contentType: 'Text', content: `Reported through Lure Lens by ${report.reporter.address} (${verified}); report ${report.id}.` },
        toRecipients: [{ emailAddress: { address: this.config.reportingMailbox } }],
        attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'reported-message.eml', contentType: 'message/rfc822', contentBytes: content }],
      },
      saveToSentItems: false,
    });
    return { outcome: 'submitted' };
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

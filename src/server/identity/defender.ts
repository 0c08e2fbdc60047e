// Each new report also goes to Microsoft Defender for Office 365, when identity.graph.defender asks:
//   "mailbox": as Defender's user reported settings expect from a non-Microsoft add-in: a message to
//     the reporting mailbox with the reported message attached, uncompressed, as .eml, and a subject
//     starting "3|" (phishing), sent through Graph's sendMail (application permission Mail.Send);
//   "threat-submission": Graph's threat submission API (beta; ThreatSubmission.ReadWrite.All), an
//     emailContentThreatSubmission of category phishing carrying the .eml, on behalf of the reporter.
// Sending happens after the report is stored and answered, in the background: the report waits in
// the database (store/defender-queue.ts), so a restart or a crash forgets no submission; it is tried
// a few times, spaced out, then the outcome (submitted, skipped or failed) is written to the audit
// log. Several instances on one database share the queue: each submission is claimed by one.
import type { FastifyBaseLogger } from 'fastify';
import type { DefenderQueue, DefenderSubmission } from '../store/defender-queue';
import type { ReportStore } from '../store/types';
import type { Auditor } from './audit';
import type { GraphConfig } from './config';
import { GraphError, type AppGraphClient } from './graph-client';

/** Graph takes JSON requests up to 4 MB; base64 makes the message a third bigger. */
export const DEFENDER_MAX_BYTES = 3 * 1024 * 1024;
/** Waits before each try after the first: an outage of Graph of up to an hour loses nothing. */
const RETRY_DELAYS_MS = [10_000, 60_000, 600_000, 3_600_000];
/** How often due retries are looked for (new reports are sent at once). */
const POLL_MS = 5_000;
/** Reports waiting at once; past it new reports are skipped (and the skip is audited) rather than the table growing while Graph is down. */
const MAX_PENDING = 10_000;
/** Submissions claimed per pass. */
const BATCH = 5;
/** A claimed batch's lease: each send may take Graph's whole timeout, with its own retries on 429. */
const LEASE_MS = 10 * 60_000;
/** Longest a stopping service waits for a send under way. */
const STOP_WAIT_MS = 10_000;
/** Subjects are cut here (Exchange allows 255 characters). */
const MAX_SUBJECT = 240;

export type DefenderConfig = NonNullable<GraphConfig['defender']>;
export type DefenderOutcome = { outcome: 'submitted' | 'skipped' | 'failed'; reason?: string };

/** When tries happen; tests shorten it. */
export interface DefenderTiming {
  retryDelaysMs: readonly number[];
  pollMs: number;
}

export class DefenderForwarder {
  private timer?: ReturnType<typeof setInterval>;
  private running?: Promise<void>;
  /** A report arrived while a pass ran: run another when it ends. */
  private again = false;
  private stopped = false;
  private readonly timing: DefenderTiming;

  constructor(
    private readonly graph: AppGraphClient,
    private readonly config: DefenderConfig,
    private readonly store: ReportStore,
    private readonly queue: DefenderQueue,
    private readonly auditor: Auditor,
    private readonly log: FastifyBaseLogger,
    timing: Partial<DefenderTiming> = {},
  ) {
    this.timing = { retryDelaysMs: RETRY_DELAYS_MS, pollMs: POLL_MS, ...timing };
  }

  /** Looks for due submissions now and every pollMs, starting with those an earlier run left. */
  start(): void {
    this.timer = setInterval(() => this.nudge(), this.timing.pollMs);
    this.timer.unref();
    this.nudge();
  }

  /**
   * Whether a new report joins the queue: the intake writes its row in the report's own transaction
   * (store/reports.ts), so a crash after the 201 loses no submission. False while the queue is full.
   */
  async accepts(): Promise<boolean> {
    return (await this.queue.pending()) < MAX_PENDING;
  }

  /** A new report was committed: queued, it is tried at once; not queued (the queue was full), the skip is audited. Returns at once. */
  forward(reportId: string, queued: boolean): void {
    if (queued) return this.nudge();
    void this.audit(reportId, { outcome: 'skipped', reason: 'queue-full' }).catch((error: unknown) =>
      this.log.error({ err: error, reportId }, 'the skipped Microsoft Defender submission could not be audited'),
    );
  }

  /** Runs a pass now, or right after the one running. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.again = false;
    this.running = this.sendDue()
      .catch((error: unknown) => this.log.error({ err: error }, 'Microsoft Defender pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) this.nudge();
      });
  }

  private async sendDue(): Promise<void> {
    // Bounded per pass; the timer picks up the rest.
    for (let pass = 0; pass < 20 && !this.stopped; pass++) {
      const claimed = await this.queue.claim(Date.now(), BATCH, LEASE_MS);
      if (claimed.length === 0) return;
      for (let i = 0; i < claimed.length; i++) {
        // Stopping: what is left goes back to the queue, due at once, for another instance or the next start.
        if (this.stopped) return this.queue.release(claimed.slice(i), Date.now());
        await this.attempt(claimed[i]);
      }
    }
  }

  private async attempt(submission: DefenderSubmission): Promise<void> {
    const { reportId, attempts } = submission;
    let result: DefenderOutcome;
    try {
      result = await this.submit(reportId);
    } catch (error) {
      const code = error instanceof GraphError ? error.code : 'error';
      const retryable = !(error instanceof GraphError) || error.status === 0 || error.status === 429 || error.status >= 500;
      if (retryable && attempts < this.timing.retryDelaysMs.length) {
        this.log.warn({ reportId, attempts: attempts + 1, reason: code }, 'Microsoft Defender did not take the report; it will be tried again');
        return this.queue.retry(submission, Date.now() + this.timing.retryDelaysMs[attempts]);
      }
      result = { outcome: 'failed', reason: code };
    }
    // Another instance took the row over (this one was too slow): that instance records the outcome.
    if (await this.queue.settle(submission)) await this.audit(reportId, result);
  }

  private async audit(reportId: string, result: DefenderOutcome): Promise<void> {
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

  /**
   * Stops taking new tries and waits a little for the one under way; what is unsent stays queued. A
   * send still running after that is settled by its lease: tried again once the lease has run out.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timeout = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timeout);
  }
}

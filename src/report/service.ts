// Getting a prepared report to the security team, shared by the task pane (office-reporter.ts) and
// Outlook's Report button (src/commands). Channels are tried in the policy's order with bounded retries;
// a report that cannot be delivered now stays in the outbox and is retried later; compose is the last
// resort. Nothing here moves or deletes the reported message.
import type { ReportChannel, ReportingPolicy } from '../policy/types';
import { openComposeReport } from './compose-channel';
import { base64DecodedLength } from './encoding';
import { endpointTarget, postToEndpoint, serviceBase, type EndpointTarget } from './endpoint-channel';
import { REPORT_ATTACHMENT_NAME, securityMailbox, sendViaGraph } from './graph-channel';
import type { AttemptResult, FetchLike } from './http';
import type { ComposeForm } from './item';
import type { ReportProblem } from './messages';
import { Outbox, type OutboxEntry } from './outbox';
import { fetchMyReports } from './my-reports';
import { findingsSummary, reportMailSubject, type PreparedReport } from './payload';
import type { ReportStatus } from './protocol';
import { ReceiptBook } from './receipts';
import { PANE_RETRY, withRetry } from './retry';
import type { ReportOutcomeStatus } from './reporter';
import { signedInReporter, type SignedInReporter } from './reporter-token';
import type { KeyValueStore } from './stores';
import type { TokenProvider } from './tokens';

/** Structured, content-free log lines: event codes, channel names, counts, HTTP statuses. */
export type ReportLog = (event: string, fields?: Record<string, string | number | boolean | undefined>) => void;

export const consoleLog: ReportLog = (event, fields) => {
  console.info(`[lurelens] ${event}`, fields ? JSON.stringify(fields) : '');
};

export interface ReportServiceDeps {
  reporting: ReportingPolicy;
  fetch: FetchLike;
  store: KeyValueStore;
  /** False when the store does not outlive the page (then nothing is promised as "queued"). */
  storePersistent?: boolean;
  /**
   * Tokens through nested app authentication: Graph's (without them the mailbox channel is unavailable)
   * and, asked silently, the service API's for the endpoint channel (verified reporters).
   */
  tokens?: TokenProvider;
  /** Outlook's new-message form; without it the compose channel is unavailable. */
  compose?: ComposeForm;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  timeoutMs?: number;
  log?: ReportLog;
}

export interface SubmitResult {
  status: ReportOutcomeStatus;
  channel?: ReportChannel;
  /** Service host or security mailbox. */
  destination?: string;
  reportId?: string;
  duplicate?: boolean;
  campaignId?: string;
  problem?: ReportProblem;
  serverMessage?: string;
}

type AutomaticChannel = 'endpoint' | 'mailbox';

export interface ChannelPlan {
  automatic: AutomaticChannel[];
  /** Security mailbox for the compose fallback, when it can be used. */
  compose?: string;
}

/**
 * Which channels to try, in order: the policy's list (default: every configured one), keeping only
 * those that are configured and available here; compose is always last when a mailbox is known.
 */
export function planChannels(reporting: ReportingPolicy, available: { tokens: boolean; compose: boolean }): ChannelPlan {
  const wanted: ReportChannel[] = reporting.channels?.length ? reporting.channels : ['endpoint', 'mailbox', 'compose'];
  const mailbox = securityMailbox(reporting.securityMailbox);
  const automatic: AutomaticChannel[] = [];
  for (const channel of wanted) {
    if (channel === 'endpoint' && endpointTarget(reporting) && !automatic.includes('endpoint')) automatic.push('endpoint');
    if (channel === 'mailbox' && mailbox && reporting.entraClientId && available.tokens && !automatic.includes('mailbox')) automatic.push('mailbox');
  }
  return { automatic, ...(mailbox && available.compose ? { compose: mailbox } : {}) };
}

const MAX_FLUSH_ENTRIES = 20;

export class ReportService {
  readonly outbox: Outbox;
  readonly receipts: ReceiptBook;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly log: ReportLog;
  private readonly signedIn?: SignedInReporter;

  constructor(private readonly deps: ReportServiceDeps) {
    this.outbox = new Outbox(deps.store, { now: deps.now });
    this.receipts = new ReceiptBook(deps.store);
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = deps.random ?? Math.random;
    this.log = deps.log ?? consoleLog;
    this.signedIn = signedInReporter(deps.reporting, deps.tokens, { onFallback: (reason) => this.log('report.signed-in.fallback', { reason }) });
  }

  plan(): ChannelPlan {
    return planChannels(this.deps.reporting, { tokens: !!this.deps.tokens, compose: !!this.deps.compose });
  }

  private destinationOf(channel: AutomaticChannel): string {
    if (channel === 'endpoint') return (endpointTarget(this.deps.reporting) as EndpointTarget).host;
    return securityMailbox(this.deps.reporting.securityMailbox) as string;
  }

  private async attempt(channel: AutomaticChannel, report: PreparedReport): Promise<AttemptResult> {
    if (channel === 'endpoint') return this.postToEndpoint(report);
    return sendViaGraph(
      {
        submission: report.submission,
        subject: reportMailSubject(report.subject),
        summary: findingsSummary(report),
        to: securityMailbox(this.deps.reporting.securityMailbox) as string,
      },
      { fetch: this.deps.fetch, tokens: this.deps.tokens as TokenProvider, timeoutMs: this.deps.timeoutMs },
    );
  }

  /**
   * The endpoint channel: with the signed-in reporter's token when Outlook gives one silently, else (or
   * when the service refuses it) with the shared reporter token, in the same attempt and with the same
   * idempotency key, so a sign-in problem never costs a report or a retry.
   */
  private async postToEndpoint(report: PreparedReport): Promise<AttemptResult> {
    const target = endpointTarget(this.deps.reporting) as EndpointTarget;
    const signedIn = await this.signedIn?.token();
    if (signedIn) {
      const result = await postToEndpoint(report.submission, { ...target, token: signedIn }, this.deps.fetch, this.deps.timeoutMs);
      if (result.outcome !== 'rejected' || result.status !== 401) return result;
      this.signedIn?.refused();
    }
    return postToEndpoint(report.submission, target, this.deps.fetch, this.deps.timeoutMs);
  }

  /** Tries each automatic channel (with retries) until one delivers. */
  private async deliver(report: PreparedReport, attempts: number) {
    const plan = this.plan();
    let transient: { channel: AutomaticChannel; result: AttemptResult } | undefined;
    let rejected: { channel: AutomaticChannel; result: Extract<AttemptResult, { outcome: 'rejected' }> } | undefined;
    for (const channel of plan.automatic) {
      const result = await withRetry(() => this.attempt(channel, report), {
        attempts,
        baseDelayMs: this.deps.retry?.baseDelayMs ?? PANE_RETRY.baseDelayMs,
        maxDelayMs: this.deps.retry?.maxDelayMs ?? PANE_RETRY.maxDelayMs,
        sleep: this.sleep,
        random: this.random,
        onRetry: (number, delayMs, reason) => this.log('report.retry', { channel, attempt: number, delayMs, reason }),
      });
      this.log(`report.${result.outcome}`, {
        channel,
        reason: result.outcome === 'delivered' ? undefined : result.reason,
        status: result.outcome === 'delivered' ? undefined : result.status,
        duplicate: result.outcome === 'delivered' ? result.duplicate : undefined,
      });
      if (result.outcome === 'delivered') return { delivered: { channel, result }, plan };
      if (result.outcome === 'retry') transient ??= { channel, result };
      else rejected ??= { channel, result };
    }
    return { transient, rejected, plan };
  }

  private async recordDelivery(report: PreparedReport, channel: AutomaticChannel, result: Extract<AttemptResult, { outcome: 'delivered' }>) {
    await this.outbox.remove(report.submission.key);
    // Every delivery leaves a receipt, so the pane can say "reported on … " for this message; only the
    // endpoint's carry a status token for "My reports".
    const endpoint = channel === 'endpoint' && result.reportId && result.statusToken;
    await this.receipts.add({
      reportId: (endpoint && result.reportId) || report.submission.key,
      key: report.submission.key,
      statusToken: (endpoint && result.statusToken) || '',
      service: channel === 'endpoint' ? serviceBase(endpointTarget(this.deps.reporting) as EndpointTarget) : `mailto:${this.destinationOf(channel)}`,
      subject: report.subject.slice(0, 300),
      deliveredAt: new Date((this.deps.now ?? Date.now)()).toISOString(),
      ...(report.submission.internetMessageId ? { messageId: report.submission.internetMessageId } : {}),
      ...(report.itemId ? { itemId: report.itemId } : {}),
    });
  }

  private deliveredResult(channel: AutomaticChannel, result: Extract<AttemptResult, { outcome: 'delivered' }>): SubmitResult {
    return {
      status: 'delivered',
      channel,
      destination: this.destinationOf(channel),
      ...(result.reportId ? { reportId: result.reportId } : {}),
      ...(result.duplicate !== undefined ? { duplicate: result.duplicate } : {}),
      ...(result.campaignId ? { campaignId: result.campaignId } : {}),
    };
  }

  /**
   * Sends a report now. The report is written to the outbox before the first attempt (so it survives
   * the runtime stopping) and leaves it only when delivered, or when it can never be delivered.
   */
  async submit(
    report: PreparedReport,
    options: { allowCompose?: boolean; attempts?: number; onSaved?: (saved: boolean) => void } = {},
  ): Promise<SubmitResult> {
    const plan = this.plan();
    const key = report.submission.key;
    let saved = false;
    if (plan.automatic.length) {
      const put = await this.outbox.put(report, { lease: true });
      saved = put.kept && this.deps.storePersistent !== false;
      this.log('report.outbox.put', { kept: put.kept, emlKept: put.emlKept });
      options.onSaved?.(saved);
      const outcome = await this.deliver(report, options.attempts ?? this.deps.retry?.attempts ?? PANE_RETRY.attempts);
      if (outcome.delivered) {
        await this.recordDelivery(report, outcome.delivered.channel, outcome.delivered.result);
        return this.deliveredResult(outcome.delivered.channel, outcome.delivered.result);
      }
      if (outcome.transient && saved) {
        await this.outbox.release(key, { reason: outcome.transient.result.outcome === 'retry' ? outcome.transient.result.reason : 'unknown' });
        return { status: 'queued', channel: outcome.transient.channel, destination: this.destinationOf(outcome.transient.channel) };
      }
      await this.outbox.remove(key);
      if (!(options.allowCompose !== false && plan.compose)) {
        if (outcome.rejected) {
          return {
            status: 'failed',
            channel: outcome.rejected.channel,
            destination: this.destinationOf(outcome.rejected.channel),
            problem: 'rejected',
            serverMessage: outcome.rejected.result.serverMessage,
          };
        }
        return { status: 'failed', problem: 'not-saved' };
      }
    }
    if (options.allowCompose !== false && plan.compose && this.deps.compose) {
      try {
        await openComposeReport(this.deps.compose, {
          to: plan.compose,
          subject: reportMailSubject(report.subject),
          summary: findingsSummary(report),
          itemId: report.itemId,
          attachmentName: REPORT_ATTACHMENT_NAME.replace(/\.eml$/, ''),
        });
        this.log('report.compose-opened');
        return { status: 'compose-opened', channel: 'compose', destination: plan.compose };
      } catch {
        this.log('report.compose-failed');
        return { status: 'failed', channel: 'compose', destination: plan.compose, problem: 'compose-failed' };
      }
    }
    return { status: 'failed', problem: 'not-configured' };
  }

  /**
   * Retries what the outbox holds (oldest first, at most 20 per call). `refetch` supplies the .eml for
   * entries stored without it; returning undefined leaves the entry for a later try.
   */
  async flush(refetch: (entry: OutboxEntry) => Promise<string | undefined>): Promise<{ delivered: number; remaining: number }> {
    if (!this.plan().automatic.length) return { delivered: 0, remaining: (await this.outbox.list()).filter((e) => e.state === 'pending').length };
    let delivered = 0;
    const pending = (await this.outbox.list()).filter((entry) => entry.state === 'pending');
    for (const entry of pending.slice(0, MAX_FLUSH_ENTRIES)) {
      const claimed = await this.outbox.claim(entry.key);
      if (!claimed) continue;
      let eml = claimed.submission.eml;
      if (!eml) {
        eml = await refetch(claimed).catch(() => undefined);
        if (!eml) {
          await this.outbox.release(claimed.key, { reason: 'needs-message' });
          continue;
        }
        await this.outbox.attachEml(claimed.key, eml);
      }
      const report: PreparedReport = {
        submission: { ...claimed.submission, eml },
        subject: claimed.subject,
        itemId: claimed.itemId,
        restId: claimed.restId,
        ...(claimed.sharedMailbox ? { sharedMailbox: claimed.sharedMailbox } : {}),
        emlBytes: base64DecodedLength(eml),
        notes: claimed.notes,
      };
      // One attempt per channel: the pane is opening and the entry will come round again.
      const outcome = await this.deliver(report, 1);
      if (outcome.delivered) {
        await this.recordDelivery(report, outcome.delivered.channel, outcome.delivered.result);
        delivered++;
      } else if (outcome.transient || !outcome.rejected) {
        await this.outbox.release(claimed.key, { reason: outcome.transient?.result.outcome === 'retry' ? outcome.transient.result.reason : 'no-channel' });
      } else {
        await this.outbox.reject(claimed.key, { reason: outcome.rejected.result.reason, serverMessage: outcome.rejected.result.serverMessage });
      }
    }
    const remaining = (await this.outbox.list()).filter((entry) => entry.state === 'pending').length;
    this.log('report.outbox.flushed', { delivered, remaining });
    return { delivered, remaining };
  }

  /** The reporter's own reports with the security team's decision (my-reports.ts). */
  myReports(): Promise<ReportStatus[]> {
    return fetchMyReports({ reporting: this.deps.reporting, fetch: this.deps.fetch, receipts: this.receipts, signedIn: this.signedIn, timeoutMs: this.deps.timeoutMs, log: this.log });
  }
}

// The task pane's Reporter, independent of Office.js: it builds the report from whatever ReportItem it
// is given, sends it through the ReportService, moves the message only after a confirmed delivery, and
// words the outcome for the employee. office-reporter.ts wires it to Outlook.
import type { LocalizedText, Verdict } from '../engine/model';
import { securityTeamName } from '../policy/reporting';
import type { ReportingPolicy } from '../policy/types';
import { moveReportedMessage, type MovedTo } from './after-report';
import { base64Encode } from './encoding';
import { fetchMimeViaGraph } from './graph-channel';
import type { FetchLike } from './http';
import type { ClientInfo, ReportItem, ReporterIdentity } from './item';
import { afterDeliveryText, composeOpenedText, deliveredText, problemText, queuedText } from './messages';
import type { OutboxEntry } from './outbox';
import { buildReportSubmission, ItemUnreadableError, ReporterUnknownError, type PreparedReport } from './payload';
import type { ReportStatus } from './protocol';
import { reportStateOf, type MessageReportState } from './reported';
import type { Reporter, ReportOutcome, ReportRequest } from './reporter';
import type { ReportService, SubmitResult } from './service';
import type { TokenProvider } from './tokens';

export interface PaneReporterDeps {
  service: ReportService;
  reporting: ReportingPolicy;
  /** The message open now; undefined when there is none. */
  currentItem: () => ReportItem | undefined;
  reporter: () => ReporterIdentity;
  client?: () => ClientInfo;
  /** The verdict the pane shows for the current message. */
  verdict?: () => Verdict | undefined;
  tokens?: TokenProvider;
  fetch: FetchLike;
}

/** What the pane can show about reports still waiting (or refused). No message content beyond the subject. */
export interface PendingReport {
  key: string;
  subject: string;
  queuedAt: string;
  attempts: number;
  state: OutboxEntry['state'];
  serverMessage?: string;
}

export interface PaneReporter extends Reporter {
  pending(): Promise<PendingReport[]>;
  /** Forgets a refused report the user has seen. */
  dismiss(key: string): Promise<void>;
  /** How far reports of a message got on this device; the open item's id is used when there is no message id. */
  reportState(message: { messageId?: string }): Promise<MessageReportState | undefined>;
}

/** The outcome's words for the employee; `team` is the security team's name from the policy. */
export function outcomeMessage(result: SubmitResult, after?: LocalizedText, team?: LocalizedText): LocalizedText {
  switch (result.status) {
    case 'delivered':
      return deliveredText(team, { duplicate: result.duplicate, afterDelivery: after });
    case 'queued':
      return queuedText();
    case 'compose-opened':
      return composeOpenedText(result.destination ?? '');
    case 'failed':
      return problemText(result.problem ?? 'not-configured', { serverMessage: result.serverMessage, destination: result.destination });
  }
}

export function createPaneReporter(deps: PaneReporterDeps): PaneReporter {
  const wantedMove = (): MovedTo | undefined => {
    const after = deps.reporting.afterReport ?? 'junk';
    return after === 'leave' ? undefined : after;
  };

  async function prepare(item: ReportItem, request: ReportRequest, key?: string): Promise<PreparedReport> {
    return buildReportSubmission({ item, reporter: deps.reporter(), request, client: deps.client?.(), verdict: deps.verdict?.(), key });
  }

  return {
    async report(request: ReportRequest): Promise<ReportOutcome> {
      const item = deps.currentItem();
      if (!item) return { status: 'failed', message: problemText('unreadable') };
      let prepared: PreparedReport;
      try {
        prepared = await prepare(item, request);
      } catch (error) {
        if (error instanceof ItemUnreadableError || error instanceof ReporterUnknownError) {
          return { status: 'failed', message: problemText('unreadable') };
        }
        throw error;
      }
      const result = await deps.service.submit(prepared);
      let moved: MovedTo | undefined;
      let after: LocalizedText | undefined;
      if (result.status === 'delivered') {
        const wanted = wantedMove();
        moved = deps.tokens
          ? await moveReportedMessage(prepared.restId, wanted, deps.reporting.reportedFolderName, { fetch: deps.fetch, tokens: deps.tokens }, prepared.sharedMailbox)
          : undefined;
        after = afterDeliveryText(moved, wanted);
      }
      return {
        status: result.status,
        ...(result.channel ? { channel: result.channel } : {}),
        ...(result.destination ? { destination: result.destination } : {}),
        ...(result.reportId ? { reportId: result.reportId } : {}),
        ...(moved ? { moved } : {}),
        message: outcomeMessage(result, after, securityTeamName(deps.reporting)),
      };
    },

    myReports(): Promise<ReportStatus[]> {
      return deps.service.myReports();
    },

    async flushOutbox(): Promise<number> {
      const { delivered } = await deps.service.flush(async (entry) => {
        // The .eml was too big to keep: take it again from the open message, or from the mailbox.
        const item = deps.currentItem();
        if (item?.itemId && item.itemId === entry.itemId) {
          const again = await prepare(item, { reasons: entry.submission.reasons, comment: entry.submission.comment }, entry.key);
          return again.submission.eml;
        }
        if (deps.tokens && entry.restId) {
          const mime = await fetchMimeViaGraph(entry.restId, { fetch: deps.fetch, tokens: deps.tokens }, entry.sharedMailbox);
          return mime ? base64Encode(mime) : undefined;
        }
        return undefined;
      });
      return delivered;
    },

    async pending(): Promise<PendingReport[]> {
      return (await deps.service.outbox.list()).map((entry) => ({
        key: entry.key,
        subject: entry.subject,
        queuedAt: entry.queuedAt,
        attempts: entry.attempts,
        state: entry.state,
        ...(entry.serverMessage ? { serverMessage: entry.serverMessage } : {}),
      }));
    },

    dismiss(key: string): Promise<void> {
      return deps.service.outbox.remove(key);
    },

    async reportState(message: { messageId?: string }): Promise<MessageReportState | undefined> {
      const [receipts, entries] = await Promise.all([deps.service.receipts.list(), deps.service.outbox.list()]);
      return reportStateOf({ messageId: message.messageId, itemId: deps.currentItem()?.itemId }, receipts, entries);
    },
  };
}

// What the task pane needs from reporting. The Office implementation (channels, outbox, moving the
// message after delivery) lives beside this file; the pane only sees this interface.
import type { LocalizedText } from '../engine/model';
import type { ReportChannel } from '../policy/types';
import type { ReportStatus } from './protocol';

export interface ReportRequest {
  /** Reason ids the reporter ticked, e.g. "impersonation", "unexpected-attachment", "suspicious-link", "other". */
  reasons: string[];
  comment?: string;
}

export type ReportOutcomeStatus =
  /** Confirmed delivered to the security team. */
  | 'delivered'
  /** Could not be delivered now; kept in the outbox and retried when the pane next opens. */
  | 'queued'
  /** No automatic channel: a prefilled message was opened; the user must press Send. */
  | 'compose-opened'
  /** Nothing could be done (e.g. the item could not be read). The message is untouched. */
  | 'failed';

export interface ReportOutcome {
  status: ReportOutcomeStatus;
  channel?: ReportChannel;
  /** Where it went: the service URL's host or the security mailbox. */
  destination?: string;
  reportId?: string;
  /** What happened to the message afterwards, e.g. moved to Junk; undefined when left alone. */
  moved?: 'junk' | 'deletedItems' | 'reportedFolder';
  /** Human explanation for the pane, both languages. */
  message: LocalizedText;
}

export interface Reporter {
  report(request: ReportRequest): Promise<ReportOutcome>;
  /** The user's own reports and the status the security team set (endpoint channel only; [] otherwise). */
  myReports(): Promise<ReportStatus[]>;
  /** Retries reports kept in the outbox; returns how many were delivered. */
  flushOutbox(): Promise<number>;
}

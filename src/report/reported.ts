// Whether one message has been reported from this device, and how far the report got: delivered (with
// the receipt that lets "My reports" give its status), still waiting in the outbox, or refused. The pane
// uses it to say "Reported on … to <team>" truthfully, never "sent" for a report that is only queued,
// and to ask before the same message is reported twice.
import type { OutboxEntry } from './outbox';
import type { StoredReceipt } from './receipts';

export type MessageReportState =
  /** The security team has it. `reportId` matches ReportStatus.id in My reports (endpoint channel). */
  | { state: 'delivered'; at: string; reportId: string; channel: 'endpoint' | 'mailbox' }
  /** Kept on this device and retried automatically; nothing has reached the security team yet. */
  | { state: 'queued'; since: string; attempts: number }
  /** The service refused it; never retried. */
  | { state: 'rejected'; since: string; serverMessage?: string };

/** How a message is recognised: its Internet message id (survives moves), else Outlook's item id. */
export interface MessageIdentity {
  messageId?: string;
  itemId?: string;
}

function sameMessage(identity: MessageIdentity, messageId: string | undefined, itemId: string | undefined): boolean {
  const wanted = identity.messageId?.trim();
  if (wanted && messageId) return wanted === messageId.trim();
  return !!identity.itemId && identity.itemId === itemId;
}

/**
 * The most advanced report of the message: a delivery (the newest) over a waiting report over a
 * refused one; undefined when it was never reported from here. Receipts come newest first.
 */
export function reportStateOf(identity: MessageIdentity, receipts: readonly StoredReceipt[], outbox: readonly OutboxEntry[]): MessageReportState | undefined {
  if (!identity.messageId?.trim() && !identity.itemId) return undefined;
  const delivered = receipts.find((receipt) => sameMessage(identity, receipt.messageId, receipt.itemId));
  if (delivered) {
    return { state: 'delivered', at: delivered.deliveredAt, reportId: delivered.reportId, channel: delivered.service.startsWith('mailto:') ? 'mailbox' : 'endpoint' };
  }
  const entries = outbox.filter((entry) => sameMessage(identity, entry.submission.internetMessageId, entry.itemId));
  const waiting = entries.find((entry) => entry.state === 'pending');
  if (waiting) return { state: 'queued', since: waiting.queuedAt, attempts: waiting.attempts };
  const refused = entries.find((entry) => entry.state === 'rejected');
  if (refused) return { state: 'rejected', since: refused.queuedAt, ...(refused.serverMessage ? { serverMessage: refused.serverMessage } : {}) };
  return undefined;
}

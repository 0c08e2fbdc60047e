// Receipts of delivered reports, kept on this device: the service's report id and the per-report
// status token that lets the reporter (and only them) ask what the security team decided. The token is
// a secret: it stays in local storage and in request headers, never in URLs or logs.
import type { KeyValueStore } from './stores';

export const RECEIPT_PREFIX = 'lurelens.receipt.v1.';
export const MAX_RECEIPTS = 200;

export interface StoredReceipt {
  /** The service's report id; for a delivery through the mailbox channel, the report's own key. */
  reportId: string;
  key: string;
  /** Empty when the channel gives none (the mailbox channel): such a report has no status to ask for. */
  statusToken: string;
  /** Service base URL the report went to (status is only asked of that service), or "mailto:<security mailbox>". */
  service: string;
  subject: string;
  deliveredAt: string;
  /** The reported message's Internet message id and Outlook item id, so the pane knows it was reported. */
  messageId?: string;
  itemId?: string;
}

function isReceipt(value: unknown): value is StoredReceipt {
  const receipt = value as StoredReceipt | null;
  return !!receipt && typeof receipt.reportId === 'string' && typeof receipt.statusToken === 'string' && typeof receipt.service === 'string';
}

export class ReceiptBook {
  constructor(private readonly store: KeyValueStore) {}

  async add(receipt: StoredReceipt): Promise<void> {
    try {
      await this.store.set(`${RECEIPT_PREFIX}${receipt.reportId}`, JSON.stringify(receipt));
    } catch {
      // A full store only costs the "my reports" view this entry; the report itself was delivered.
      return;
    }
    const all = await this.list();
    for (const old of all.slice(MAX_RECEIPTS)) await this.store.remove(`${RECEIPT_PREFIX}${old.reportId}`).catch(() => undefined);
  }

  /** Newest first. */
  async list(): Promise<StoredReceipt[]> {
    const keys = await this.store.keys(RECEIPT_PREFIX).catch(() => [] as string[]);
    const receipts: StoredReceipt[] = [];
    for (const key of keys) {
      const raw = await this.store.get(key).catch(() => null);
      if (!raw) continue;
      try {
        const value: unknown = JSON.parse(raw);
        if (isReceipt(value)) receipts.push(value);
      } catch {
        continue;
      }
    }
    return receipts.sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt));
  }
}

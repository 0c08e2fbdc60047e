// Reports that are not yet confirmed delivered. An entry is written before the first attempt (so a report
// survives the pane closing or the Report button's runtime being stopped mid-send) and removed only
// when the security team has it. Each entry is its own key, so the pane and the Report button's runtime
// never overwrite each other's entries.
//
// Storage is small (localStorage ~5 MB, OfficeRuntime.storage 10 MB per domain). An .eml over the inline
// cap, or one the store refuses, is dropped from the entry: the metadata stays and the message is
// fetched again from the mailbox (by its item id) when the entry is retried.
import type { PreparedReport } from './payload';
import type { ReportSubmission } from './protocol';
import type { KeyValueStore } from './stores';

export const OUTBOX_PREFIX = 'lurelens.outbox.v1.';
/** Base64 characters of .eml kept inline (about 1.1 MB of message). */
export const MAX_INLINE_EML_CHARS = 1_500_000;
export const MAX_OUTBOX_ENTRIES = 100;
/** How long a runtime that is sending an entry owns it; a crashed sender's lease simply runs out. */
export const LEASE_MS = 5 * 60_000;

export type QueuedSubmission = Omit<ReportSubmission, 'eml'> & { eml?: string };

export interface OutboxEntry {
  key: string;
  submission: QueuedSubmission;
  subject: string;
  itemId?: string;
  restId?: string;
  /** The shared or delegated mailbox holding the message, for fetching it again through Graph. */
  sharedMailbox?: string;
  notes: string[];
  queuedAt: string;
  attempts: number;
  /** 'rejected': the service refused it; kept so the user can see why, never retried. */
  state: 'pending' | 'rejected';
  /** Loggable reason code of the last failure. */
  lastError?: string;
  /** The service's explanation of a rejection, for the user. */
  serverMessage?: string;
  leaseUntil?: number;
}

export interface PutResult {
  kept: boolean;
  /** False when the .eml had to be left out (it will be fetched again from the mailbox). */
  emlKept: boolean;
}

export interface OutboxOptions {
  now?: () => number;
  maxInlineEmlChars?: number;
  maxEntries?: number;
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as OutboxEntry | null;
  return (
    !!entry &&
    typeof entry.key === 'string' &&
    typeof entry.submission === 'object' &&
    entry.submission !== null &&
    entry.submission.key === entry.key &&
    (entry.state === 'pending' || entry.state === 'rejected')
  );
}

export class Outbox {
  private readonly now: () => number;
  private readonly maxInline: number;
  private readonly maxEntries: number;

  constructor(
    private readonly store: KeyValueStore,
    options: OutboxOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxInline = options.maxInlineEmlChars ?? MAX_INLINE_EML_CHARS;
    this.maxEntries = options.maxEntries ?? MAX_OUTBOX_ENTRIES;
  }

  private storageKey(key: string): string {
    return `${OUTBOX_PREFIX}${key}`;
  }

  /** Keeps a report; with `lease`, the caller is about to send it and owns it for LEASE_MS. */
  async put(report: PreparedReport, options: { lease?: boolean } = {}): Promise<PutResult> {
    const existing = await this.get(report.submission.key);
    if (!existing && (await this.store.keys(OUTBOX_PREFIX).catch(() => [])).length >= this.maxEntries) {
      return { kept: false, emlKept: false };
    }
    const entry: OutboxEntry = {
      key: report.submission.key,
      submission: { ...report.submission },
      subject: report.subject,
      itemId: report.itemId,
      restId: report.restId,
      ...(report.sharedMailbox ? { sharedMailbox: report.sharedMailbox } : {}),
      notes: report.notes,
      queuedAt: existing?.queuedAt ?? new Date(this.now()).toISOString(),
      attempts: existing?.attempts ?? 0,
      state: 'pending',
      ...(options.lease ? { leaseUntil: this.now() + LEASE_MS } : {}),
    };
    const withEml = report.submission.eml.length <= this.maxInline;
    if (withEml && (await this.write(entry))) return { kept: true, emlKept: true };
    // Too big for local storage (or the store said so): keep what identifies the message instead.
    const { eml: _dropped, ...withoutEml } = entry.submission;
    const light: OutboxEntry = { ...entry, submission: withoutEml };
    const canRefetch = !!(report.itemId || report.restId);
    if (canRefetch && (await this.write(light))) return { kept: true, emlKept: false };
    return { kept: false, emlKept: false };
  }

  private async write(entry: OutboxEntry): Promise<boolean> {
    try {
      await this.store.set(this.storageKey(entry.key), JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  async get(key: string): Promise<OutboxEntry | undefined> {
    let raw: string | null;
    try {
      raw = await this.store.get(this.storageKey(key));
    } catch {
      return undefined;
    }
    if (!raw) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      return isEntry(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every entry, oldest first. Unreadable entries are skipped (and left in place for inspection). */
  async list(): Promise<OutboxEntry[]> {
    const keys = await this.store.keys(OUTBOX_PREFIX).catch(() => [] as string[]);
    const entries: OutboxEntry[] = [];
    for (const storageKey of keys) {
      const entry = await this.get(storageKey.slice(OUTBOX_PREFIX.length));
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  /** Takes an entry for sending, unless another runtime holds its lease or it was rejected. */
  async claim(key: string): Promise<OutboxEntry | undefined> {
    const entry = await this.get(key);
    if (!entry || entry.state !== 'pending') return undefined;
    if (entry.leaseUntil !== undefined && entry.leaseUntil > this.now()) return undefined;
    const claimed = { ...entry, leaseUntil: this.now() + LEASE_MS };
    return (await this.write(claimed)) ? claimed : undefined;
  }

  /** Records a failed attempt and lets the entry be retried later. */
  async release(key: string, failure: { reason: string }): Promise<void> {
    const entry = await this.get(key);
    if (!entry) return;
    const { leaseUntil: _lease, ...rest } = entry;
    await this.write({ ...rest, attempts: entry.attempts + 1, lastError: failure.reason });
  }

  /** Marks an entry as refused by the service: kept for the user to see, never retried. */
  async reject(key: string, failure: { reason: string; serverMessage?: string }): Promise<void> {
    const entry = await this.get(key);
    if (!entry) return;
    const { leaseUntil: _lease, submission, ...rest } = entry;
    const { eml: _eml, ...metadata } = submission;
    await this.write({ ...rest, submission: metadata, state: 'rejected', attempts: entry.attempts + 1, lastError: failure.reason, serverMessage: failure.serverMessage });
  }

  /** Stores a re-fetched .eml back into an entry when it fits. */
  async attachEml(key: string, eml: string): Promise<void> {
    const entry = await this.get(key);
    if (!entry || eml.length > this.maxInline) return;
    await this.write({ ...entry, submission: { ...entry.submission, eml } });
  }

  async remove(key: string): Promise<void> {
    await this.store.remove(this.storageKey(key)).catch(() => undefined);
  }
}

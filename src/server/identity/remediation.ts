// Removing a confirmed campaign from the mailboxes that received it, through Microsoft Graph with
// application permissions (Mail.ReadWrite, User.Read.All; docs/identity.md). Three steps, each
// audited by the route: a search that changes nothing (the dry run: which mailboxes hold the
// message, how many copies), a move of exactly the copies found, to Junk Email or Deleted Items,
// after the analyst confirmed that count, and an undo that moves each copy back to the folder it
// was found in. Nothing is ever deleted for good: both destinations are folders the user can open.
import type { IdentityStore, RemediationMessage, RemediationRecord, RemediationUpdate } from '../store/identity';
import type { GraphConfig } from './config';
import { GraphError, odataString, type AppGraphClient } from './graph-client';

export const DESTINATIONS = ['junkemail', 'deleteditems'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Mailboxes searched when the configuration names none and does not set maxMailboxes. */
const DEFAULT_MAX_MAILBOXES = 5000;
/** Copies recorded by one search; a campaign larger than this is remediated in several runs. */
export const MAX_FOUND = 5000;
/** Graph calls in flight at once (Exchange throttles per mailbox and per app). */
const CONCURRENCY = 4;
/** Mailboxes whose search failed, kept with the run (the count is always exact). */
const MAX_UNSEARCHED_KEPT = 50;
/** Messages received this long before the campaign's first report are still looked at (sender and subject search). */
const LOOKBACK_MS = 14 * 24 * 3_600_000;

export interface RemediationTiming {
  /**
   * A move or move-back that recorded no progress for this long was interrupted (the service
   * stopped or lost its database midway): an analyst may finish or undo it. Each copy's outcome is
   * recorded as it happens, and one Graph call gives up within a few minutes (graph-client.ts).
   */
  interruptedAfterMs: number;
}
export const DEFAULT_REMEDIATION_TIMING: RemediationTiming = { interruptedAfterMs: 10 * 60_000 };

/** A run left `moving` or `undoing` by a worker that stopped recording progress. */
export function isInterrupted(record: RemediationRecord, timing: RemediationTiming, nowMs = Date.now()): boolean {
  return (record.state === 'moving' || record.state === 'undoing') && Date.parse(record.updatedAt) < nowMs - timing.interruptedAfterMs;
}

/** What identifies the campaign's message in a mailbox. */
export interface SearchCriteria {
  /** Message-ID header values of the reported copies. */
  internetMessageIds: string[];
  /** Sender address and subject, for copies whose Message-ID differs per recipient. */
  senderAndSubject?: { sender: string; subject: string; since: string };
}

interface GraphMessage {
  id?: unknown;
  subject?: unknown;
  receivedDateTime?: unknown;
  parentFolderId?: unknown;
}

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

function mailboxPath(mailbox: string): string {
  return `/v1.0/users/${encodeURIComponent(mailbox)}`;
}

/** Errors that mean "this user has no mailbox Graph can reach": skipped, not failures. */
function noMailbox(error: unknown): boolean {
  return error instanceof GraphError && (error.code === 'MailboxNotEnabledForRESTAPI' || error.code === 'ResourceNotFound' || error.code === 'ErrorInvalidUser');
}

export class RemediationError extends Error {
  override name = 'RemediationError';
  constructor(
    readonly code: 'not_found' | 'conflict' | 'count_changed',
    message: string,
  ) {
    super(message);
  }
}

export interface RemediationRun {
  record: RemediationRecord;
  messages: RemediationMessage[];
}

export class Remediator {
  constructor(
    private readonly graph: AppGraphClient,
    private readonly store: IdentityStore,
    private readonly config: GraphConfig,
    private readonly newId: () => string,
    private readonly timing: RemediationTiming = DEFAULT_REMEDIATION_TIMING,
  ) {}

  /** The mailboxes to search: the configured list, or every user with a mail address. */
  async mailboxes(): Promise<{ addresses: string[]; truncated: boolean }> {
    const max = this.config.maxMailboxes ?? DEFAULT_MAX_MAILBOXES;
    if (this.config.mailboxes?.length) return { addresses: this.config.mailboxes.slice(0, max), truncated: this.config.mailboxes.length > max };
    const { items, truncated } = await this.graph.collect<{ mail?: unknown; userPrincipalName?: unknown }>('/v1.0/users?$select=id,mail,userPrincipalName&$top=999', max);
    const addresses = items.map((user) => user.mail).filter((mail): mail is string => typeof mail === 'string' && mail.includes('@'));
    return { addresses, truncated };
  }

  private filters(criteria: SearchCriteria): string[] {
    const filters = criteria.internetMessageIds.map((id) => `internetMessageId eq ${odataString(id)}`);
    const pair = criteria.senderAndSubject;
    if (pair) {
      // receivedDateTime first: Graph wants the properties it sorts by at the start of the filter.
      filters.push(`receivedDateTime ge ${pair.since} and from/emailAddress/address eq ${odataString(pair.sender)} and subject eq ${odataString(pair.subject)}`);
    }
    return filters;
  }

  /** The dry run: finds the copies and records them; moves nothing. */
  async search(campaignId: string, criteria: SearchCriteria, actor: string): Promise<RemediationRun> {
    const { addresses, truncated: tooManyMailboxes } = await this.mailboxes();
    const found: Omit<RemediationMessage, 'seq'>[] = [];
    const seen = new Set<string>();
    const unsearched: { mailbox: string; error: string }[] = [];
    let unsearchedCount = 0;
    let tooManyCopies = false;
    const select = '$select=id,subject,receivedDateTime,parentFolderId,internetMessageId&$top=100';
    await eachLimited(addresses, async (mailbox) => {
      for (const filter of this.filters(criteria)) {
        if (found.length >= MAX_FOUND) {
          tooManyCopies = true;
          return;
        }
        try {
          const { items } = await this.graph.collect<GraphMessage>(`${mailboxPath(mailbox)}/messages?$filter=${encodeURIComponent(filter)}&${select}`, MAX_FOUND - found.length);
          for (const message of items) {
            if (typeof message.id !== 'string' || seen.has(`${mailbox}\n${message.id}`)) continue;
            seen.add(`${mailbox}\n${message.id}`);
            found.push({
              mailbox,
              messageId: message.id,
              folderId: typeof message.parentFolderId === 'string' ? message.parentFolderId : undefined,
              subject: typeof message.subject === 'string' ? message.subject : undefined,
              receivedAt: typeof message.receivedDateTime === 'string' ? message.receivedDateTime : undefined,
              state: 'found',
            });
          }
        } catch (error) {
          if (noMailbox(error)) return;
          unsearchedCount++;
          if (unsearched.length < MAX_UNSEARCHED_KEPT) unsearched.push({ mailbox, error: error instanceof GraphError ? error.code : 'error' });
          return;
        }
      }
    });
    const now = new Date().toISOString();
    const record: Omit<RemediationRecord, 'counts'> = {
      id: this.newId(),
      campaignId,
      createdAt: now,
      updatedAt: now,
      actor,
      criteria: { ...criteria, unsearched, unsearchedCount },
      state: 'searched',
      mailboxesSearched: addresses.length,
      truncated: tooManyMailboxes || tooManyCopies,
    };
    await this.store.createRemediation(record, found);
    return (await this.store.getRemediation(record.id))!;
  }

  private async load(id: string): Promise<RemediationRun> {
    const run = await this.store.getRemediation(id);
    if (!run) throw new RemediationError('not_found', 'There is no remediation with this id.');
    return run;
  }

  /**
   * Moves the copies the search found. `expectedCount` is the count the analyst confirmed: the move
   * happens only if it is still the number of copies found, so nobody confirms one number and moves another.
   * An interrupted move is finished the same way: the copies still found go to the folder it chose.
   */
  async move(id: string, destination: Destination, expectedCount: number): Promise<RemediationRun> {
    const run = await this.load(id);
    const resuming = run.record.state === 'moving' && isInterrupted(run.record, this.timing);
    if (run.record.state !== 'searched' && !resuming) throw alreadyActedOn(run.record.state);
    if (resuming && run.record.destination !== undefined && run.record.destination !== destination) {
      throw new RemediationError('conflict', `This run was moving copies to ${run.record.destination}; finish it to the same folder, or undo it.`);
    }
    if (run.record.counts.found !== expectedCount) {
      throw new RemediationError('count_changed', `The search found ${run.record.counts.found} messages, not ${expectedCount}; confirm the count shown.`);
    }
    const lease = await this.claim(run.record, 'moving', destination);
    return this.moveEach(
      id,
      lease,
      run.messages.filter((message) => message.state === 'found'),
      async (message) => {
        try {
          const { body } = await this.graph.call<{ id?: unknown }>('POST', `${mailboxPath(message.mailbox)}/messages/${encodeURIComponent(message.messageId)}/move`, { destinationId: destination });
          return { seq: message.seq, state: 'moved', movedId: typeof body?.id === 'string' ? body.id : undefined };
        } catch (error) {
          // Finishing a run: the worker that stopped may have moved this copy before it could write that down.
          const movedBefore = resuming && error instanceof GraphError && error.code === 'ErrorItemNotFound' ? await this.findMovedCopy(message, destination) : undefined;
          if (movedBefore) return { seq: message.seq, state: 'moved', movedId: movedBefore };
          return { seq: message.seq, state: 'failed', error: error instanceof GraphError ? error.code : 'error' };
        }
      },
      'moving',
      'moved',
    );
  }

  /**
   * The id of a copy already in `destination`, found by what the search recorded of it (when it was
   * received and its subject); undefined unless exactly one message there matches.
   */
  private async findMovedCopy(message: RemediationMessage, destination: Destination): Promise<string | undefined> {
    if (!message.receivedAt || !message.subject || Number.isNaN(Date.parse(message.receivedAt))) return undefined;
    const filter = `receivedDateTime eq ${new Date(message.receivedAt).toISOString()} and subject eq ${odataString(message.subject)}`;
    try {
      const { items } = await this.graph.collect<GraphMessage>(`${mailboxPath(message.mailbox)}/mailFolders/${destination}/messages?$filter=${encodeURIComponent(filter)}&$select=id&$top=2`, 2);
      return items.length === 1 && typeof items[0].id === 'string' ? items[0].id : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Moves every moved copy back to the folder it was found in (the Inbox when Graph did not say).
   * Also undoes what an interrupted move had moved, and finishes an interrupted undo.
   */
  async undo(id: string): Promise<RemediationRun> {
    const run = await this.load(id);
    if (run.record.state !== 'moved' && !isInterrupted(run.record, this.timing)) throw alreadyActedOn(run.record.state, 'Only a remediation that moved messages can be undone.');
    const lease = await this.claim(run.record, 'undoing');
    return this.moveEach(
      id,
      lease,
      run.messages.filter((message) => message.state === 'moved' && message.movedId),
      async (message) => {
        try {
          await this.graph.call('POST', `${mailboxPath(message.mailbox)}/messages/${encodeURIComponent(message.movedId!)}/move`, { destinationId: message.folderId ?? 'inbox' });
          return { seq: message.seq, state: 'restored', movedId: message.movedId };
        } catch (error) {
          return { seq: message.seq, state: 'moved', movedId: message.movedId, error: `undo: ${error instanceof GraphError ? error.code : 'error'}` };
        }
      },
      'undoing',
      'undone',
    );
  }

  /**
   * Takes the run for this request alone: the state changes only if nobody changed it since it was
   * read (and, for an interrupted run, nobody recorded progress since), so two analysts pressing Move
   * at once cannot both move (the second would record every copy as failed, losing the ids the undo needs).
   */
  private async claim(record: RemediationRecord, to: RemediationRecord['state'], destination?: string): Promise<string> {
    const idleBefore = isInterrupted(record, this.timing) ? record.updatedAt : undefined;
    const lease = await this.store.claimRemediation(record.id, record.state, to, { destination, ...(idleBefore ? { idleBefore: nextInstant(idleBefore) } : {}) });
    if (lease) return lease;
    const now = await this.load(record.id);
    throw alreadyActedOn(now.record.state);
  }

  /**
   * Moves each copy and records each outcome as it comes, so a run interrupted midway keeps what it
   * did (and the ids the undo needs); then records the run's final state. When a write fails (the
   * database went away), no further copy is moved, the outcomes already in hand go with the next
   * write, and the run is left `moving`/`undoing`, to be finished once it shows as interrupted.
   */
  private async moveEach(id: string, lease: string, messages: RemediationMessage[], moveOne: (message: RemediationMessage) => Promise<RemediationUpdate>, working: RemediationRecord['state'], done: RemediationRecord['state']): Promise<RemediationRun> {
    let held: string | undefined = lease;
    let writeError: unknown;
    let unwritten: RemediationUpdate[] = [];
    // One write at a time, each renewing the lease the next one needs.
    let writes: Promise<void> = Promise.resolve();
    const record = (state: RemediationRecord['state'], updates: RemediationUpdate[]) => {
      writes = writes.then(async () => {
        if (held === undefined) return;
        const batch = [...unwritten, ...updates];
        try {
          held = await this.store.recordRemediation(id, held, state, batch);
          unwritten = [];
        } catch (error) {
          writeError ??= error;
          unwritten = batch;
        }
      });
      return writes;
    };
    await eachLimited(messages, async (message) => {
      if (held === undefined || writeError !== undefined) return;
      await record(working, [await moveOne(message)]);
    });
    await record(writeError === undefined ? done : working, []);
    if (writeError !== undefined) throw writeError;
    if (held === undefined) throw new RemediationError('conflict', 'Another analyst took over this run after it seemed interrupted; reload to see the outcome.');
    return this.load(id);
  }
}

/** The ISO time just after `iso`: a run idle since `iso` has updatedAt before this. */
function nextInstant(iso: string): string {
  return new Date(Date.parse(iso) + 1).toISOString();
}

function alreadyActedOn(state: RemediationRecord['state'], otherwise?: string): RemediationError {
  if (state === 'moving' || state === 'undoing') return new RemediationError('conflict', `Another analyst is ${state === 'moving' ? 'moving these copies' : 'moving these copies back'} right now; reload to see the outcome.`);
  return new RemediationError('conflict', otherwise ?? `This remediation is already ${state}; search again to act once more.`);
}

/** When the campaign's sender and subject are searched too: copies sent since shortly before its first report. */
export function lookbackStart(firstReportAt: string): string {
  return new Date(Date.parse(firstReportAt) - LOOKBACK_MS).toISOString();
}

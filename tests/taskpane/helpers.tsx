import type { MailMessage, Verdict } from '../../src/engine/model';
import type { LoadedMessage, MessageSource } from '../../src/office/session';
import type { PolicyLoader } from '../../src/office/policy-source';
import { resolvePolicy } from '../../src/policy';
import type { ReportStatus } from '../../src/report/protocol';
import type { ReportOutcome, ReportRequest, Reporter } from '../../src/report/reporter';
import type { PendingReport } from '../../src/report/pane-reporter';
import type { MessageReportState } from '../../src/report/reported';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';

// Analysis and Fluent rendering in jsdom are slow on a busy machine; waits are generous, not timed.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

export function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    from: { name: 'Policy Desk', address: 'desk@example.net' },
    replyTo: [],
    to: [{ name: '', address: 'aiko@example.co.jp' }],
    cc: [],
    subject: 'Agenda',
    headers: [{ name: 'From', value: 'desk@example.net' }],
    text: 'Hello',
    links: [],
    attachments: [],
    missing: [],
    ...overrides,
  };
}

export function loaded(msg: MailMessage, headers: 'read' | 'unsupported' = 'read'): LoadedMessage {
  return { state: 'message', message: msg, userAddress: 'aiko@example.co.jp', capabilities: { headers, body: 'read', attachmentContent: false, notes: [] } };
}

export function staticSource(result: LoadedMessage | Error): MessageSource & { fire(): void; loads: number } {
  const listeners = new Set<() => void>();
  const source = {
    loads: 0,
    async load() {
      source.loads++;
      if (result instanceof Error) throw result;
      return result;
    },
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire() {
      for (const listener of listeners) listener();
    },
  };
  return source as unknown as MessageSource & { fire(): void; loads: number };
}

export const defaultPolicy: PolicyLoader = async () => ({ policy: resolvePolicy(undefined), source: 'defaults' });

/** A reporter that answers as told and, like the real one, remembers what it delivered or queued. */
export class FakeReporter implements Reporter {
  requests: ReportRequest[] = [];
  flushed = 0;
  /** What reportState answers; set by a delivered or queued report, or by a test. */
  known: MessageReportState | undefined;
  stateQueries: { messageId?: string }[] = [];
  constructor(
    private outcome: ReportOutcome | Error,
    public mine: ReportStatus[] = [],
    public waiting: PendingReport[] = [],
  ) {}
  async report(request: ReportRequest): Promise<ReportOutcome> {
    this.requests.push(request);
    if (this.outcome instanceof Error) throw this.outcome;
    if (this.outcome.status === 'delivered') this.known = { state: 'delivered', at: '2026-11-30T05:06:00.000Z', reportId: this.outcome.reportId ?? 'r-new', channel: 'endpoint' };
    if (this.outcome.status === 'queued') this.known = { state: 'queued', since: '2026-11-30T05:06:00.000Z', attempts: 1 };
    return this.outcome;
  }
  async reportState(message: { messageId?: string }): Promise<MessageReportState | undefined> {
    this.stateQueries.push(message);
    return this.known;
  }
  async myReports() {
    return this.mine;
  }
  async flushOutbox() {
    this.flushed++;
    return 0;
  }
  async pending() {
    return this.waiting;
  }
  async dismiss(key: string) {
    this.waiting = this.waiting.filter((entry) => entry.key !== key);
  }
}

export const fixedVerdict = (verdict: Verdict) => () => verdict;

/** Opens every reason (and the "more signs" list) and waits until each one's details are on screen. */
export async function openAllReasons(container: HTMLElement): Promise<void> {
  await screen.findByTestId('reasons');
  for (const more of container.querySelectorAll<HTMLElement>('details.ll-reasons-more > summary')) fireEvent.click(more);
  const summaries = container.querySelectorAll<HTMLElement>('details[data-reason] > summary');
  for (const summary of summaries) fireEvent.click(summary);
  await waitFor(() => expect(container.querySelectorAll('[data-testid="reason-details"]')).toHaveLength(summaries.length));
}

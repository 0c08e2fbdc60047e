// Outlook's integrated Report button (the SpamReporting event). The handler builds the report, sends it
// through the configured automatic channel, and calls event.completed exactly once on every path: after
// delivery (moving the message as the policy says), after a failure (never moving or deleting it), when
// the item cannot be read, and, at the latest, shortly before Outlook's five-minute limit.
import type { ReportingPolicy } from '../policy/types';
import type { ClientInfo, ReportItem, ReporterIdentity } from '../report/item';
import { DIALOG_TITLE, afterDeliveryText, pick, problemText, queuedText, type ReportProblem } from '../report/messages';
import { buildReportSubmission, ItemUnreadableError, ReporterUnknownError } from '../report/payload';
import { outcomeMessage } from '../report/pane-reporter';
import { securityMailbox } from '../report/graph-channel';
import type { ReportLog, ReportService, SubmitResult } from '../report/service';
import type { LocalizedText } from '../engine/model';

/**
 * Reason ids for the preprocessing dialog's options, in the order of <ReportingOptions> in the manifest
 * (Outlook reports the ticked options as booleans in that order).
 */
export const SPAM_REPORT_REASONS = ['impersonation', 'suspicious-link', 'unexpected-attachment', 'credential-request', 'other'] as const;

/** Outlook stops a spam-reporting add-in after five minutes; finish 30 seconds before that. */
export const COMPLETION_DEADLINE_MS = 4.5 * 60_000;

/** The part of the SpamReporting event the handler uses. */
export interface SpamReportEvent {
  options?: boolean[];
  freeText?: string;
  completed(options?: object): void;
}

/** What event.completed receives. `moveItemTo` values are Office.MailboxEnums.MoveSpamItemTo's. */
export interface SpamCompletion {
  onErrorDeleteItem: false;
  moveItemTo: 'junkFolder' | 'deletedItemsFolder' | 'customFolder' | 'noMove';
  /** Only for classic Outlook on Windows before Version 2308, which reads this instead of moveItemTo. */
  postProcessingAction?: 'moveToSpamFolder' | 'delete' | 'moveToCustomFolder' | 'noMove';
  folderName?: string;
  showPostProcessingDialog: { title: string; description: string };
}

export interface SpamReportDeps {
  loadReporting(): Promise<{ reporting: ReportingPolicy } | { reporting?: undefined; problem: string }>;
  /** Makes the service for these settings (store, fetch, non-interactive Graph tokens; no compose). */
  createService(reporting: ReportingPolicy): ReportService;
  item(): ReportItem | undefined;
  reporter(): ReporterIdentity;
  client(): ClientInfo;
  displayLanguage(): string | undefined;
  log: ReportLog;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Classic Outlook on Windows reads moveItemTo from Version 2308 (build 16.0.16724) on. */
export const MOVE_ITEM_TO_SINCE_BUILD = 16724;

/**
 * Whether this client needs the obsolete postProcessingAction: only classic Outlook on Windows ("PC")
 * builds before 2308. Every other client (web, new Outlook, Mac, later Windows builds) gets moveItemTo alone.
 */
export function readsPostProcessingAction(client: ClientInfo | undefined): boolean {
  if (client?.platform !== 'PC') return false;
  const build = /^16\.0\.(\d+)\./.exec(client.version ?? '')?.[1];
  return build !== undefined && Number(build) < MOVE_ITEM_TO_SINCE_BUILD;
}

export function reasonsFromOptions(options: readonly unknown[] | undefined): string[] {
  if (!Array.isArray(options)) return [];
  return SPAM_REPORT_REASONS.filter((_, index) => options[index] === true);
}

/** How the message is left: moved per policy after delivery; otherwise exactly where it is. */
export function completionFor(
  text: string,
  language: string | undefined,
  move?: { afterReport?: ReportingPolicy['afterReport']; folderName?: string },
  client?: { legacyPostProcessing?: boolean },
): SpamCompletion {
  const base = { onErrorDeleteItem: false as const, showPostProcessingDialog: { title: pick(DIALOG_TITLE, language), description: text } };
  const legacy = <T extends SpamCompletion['postProcessingAction']>(action: T) => (client?.legacyPostProcessing ? { postProcessingAction: action } : {});
  switch (move?.afterReport ?? (move ? 'junk' : 'leave')) {
    case 'junk':
      return { ...base, moveItemTo: 'junkFolder', ...legacy('moveToSpamFolder') };
    case 'deletedItems':
      return { ...base, moveItemTo: 'deletedItemsFolder', ...legacy('delete') };
    case 'reportedFolder':
      return { ...base, moveItemTo: 'customFolder', ...legacy('moveToCustomFolder'), folderName: move?.folderName || 'Reported phishing' };
    default:
      return { ...base, moveItemTo: 'noMove', ...legacy('noMove') };
  }
}

/** Handles one press of the Report button. Resolves once event.completed has been called. */
export async function handleSpamReport(event: SpamReportEvent, deps: SpamReportDeps): Promise<void> {
  const language = deps.displayLanguage();
  let clientInfo: ClientInfo | undefined;
  try {
    clientInfo = deps.client();
  } catch {
    clientInfo = undefined;
  }
  const legacyPostProcessing = readsPostProcessingAction(clientInfo);
  const setTimer = deps.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let done = false;
  let saved = false;
  let timer: unknown;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });

  const complete = (completion: SpamCompletion, logEvent: string) => {
    if (done) return;
    done = true;
    if (timer !== undefined) clearTimer(timer);
    deps.log(logEvent, { moveItemTo: completion.moveItemTo });
    try {
      event.completed(completion);
    } finally {
      finished();
    }
  };
  const leaveWith = (text: LocalizedText, logEvent: string) =>
    complete(completionFor(pick(text, language), language, undefined, { legacyPostProcessing }), logEvent);
  const fail = (problem: ReportProblem, detail?: { destination?: string; serverMessage?: string }) =>
    leaveWith(problemText(problem, detail), `spam-report.${problem}`);

  timer = setTimer(() => {
    // Out of time: whatever is still running may finish on its own; the outbox has the report if it was saved.
    if (saved) leaveWith(queuedText(), 'spam-report.deadline-queued');
    else fail('timed-out');
  }, COMPLETION_DEADLINE_MS);

  let stage: 'reading' | 'sending' = 'reading';
  const run = async () => {
    const item = deps.item();
    if (!item) return fail('unreadable');
    const source = await deps.loadReporting();
    if (!source.reporting) return fail('no-policy');
    const reporting = source.reporting;
    const service = deps.createService(reporting);
    if (!service.plan().automatic.length) {
      const mailbox = securityMailbox(reporting.securityMailbox);
      return mailbox ? fail('use-pane', { destination: mailbox }) : fail('not-configured');
    }
    let prepared;
    try {
      prepared = await buildReportSubmission({
        item,
        reporter: deps.reporter(),
        request: { reasons: reasonsFromOptions(event.options), comment: typeof event.freeText === 'string' ? event.freeText : undefined },
        client: clientInfo,
      });
    } catch (error) {
      if (error instanceof ItemUnreadableError || error instanceof ReporterUnknownError) return fail('unreadable');
      throw error;
    }
    if (done) return;
    stage = 'sending';
    const result: SubmitResult = await service.submit(prepared, {
      allowCompose: false,
      onSaved: (kept) => {
        saved = kept;
      },
    });
    if (result.status === 'delivered') {
      const afterReport = reporting.afterReport ?? 'junk';
      const wanted = afterReport === 'leave' ? undefined : afterReport;
      // Outlook moves the item itself once we complete; say where it is going.
      const text = outcomeMessage(result, afterDeliveryText(wanted, wanted));
      return complete(
        completionFor(pick(text, language), language, { afterReport, folderName: reporting.reportedFolderName }, { legacyPostProcessing }),
        'spam-report.delivered',
      );
    }
    leaveWith(outcomeMessage(result), `spam-report.${result.status}`);
  };

  run().catch(() => {
    if (stage === 'reading') fail('unreadable');
    else if (saved) leaveWith(queuedText(), 'spam-report.error-queued');
    else fail('not-saved');
  });
  return allDone;
}

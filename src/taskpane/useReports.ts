// What the pane knows about reports: the user's own (My reports, with the security team's decision),
// those still waiting on this device, and how far reports of the open message got. All of it comes
// through the reporter, whose code loads after the first verdict is on screen.
import { useCallback, useEffect, useState } from 'react';
import type { PendingReport } from '../report/pane-reporter';
import type { ReportStatus } from '../report/protocol';
import type { MessageReportState } from '../report/reported';
import type { Reporter } from '../report/reporter';

/** The pane's reporter: the Reporter interface, plus what the Office reporter adds when present. */
export type PaneReporterLike = Reporter & {
  pending?: () => Promise<PendingReport[]>;
  dismiss?: (key: string) => Promise<void>;
  reportState?: (message: { messageId?: string }) => Promise<MessageReportState | undefined>;
};

export interface MyReportsView {
  /** undefined while loading. */
  reports?: ReportStatus[];
  pending: PendingReport[];
  failed: boolean;
}

/** My reports and the outbox, read again whenever `refreshKey` changes or refresh() is called. */
export function useMyReports(reporter: PaneReporterLike | undefined, refreshKey: number): MyReportsView & { refresh: () => void } {
  const [view, setView] = useState<MyReportsView>({ pending: [], failed: false });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  useEffect(() => {
    if (!reporter) return;
    let active = true;
    void Promise.allSettled([reporter.myReports(), reporter.pending ? reporter.pending() : Promise.resolve([])]).then(([mine, waiting]) => {
      if (!active) return;
      setView({
        reports: mine.status === 'fulfilled' ? mine.value : [],
        failed: mine.status === 'rejected',
        pending: waiting.status === 'fulfilled' ? waiting.value : [],
      });
    });
    return () => {
      active = false;
    };
  }, [reporter, refreshKey, generation]);
  return { ...view, refresh };
}

/** How far reports of this message got; undefined when never reported (or the reporter cannot tell). */
export function useReportState(reporter: PaneReporterLike | undefined, messageId: string | undefined, refreshKey: number): MessageReportState | undefined {
  const [state, setState] = useState<MessageReportState | undefined>(undefined);
  useEffect(() => {
    setState(undefined);
    if (!reporter?.reportState) return;
    let active = true;
    reporter.reportState({ messageId }).then(
      (value) => active && setState(value),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [reporter, messageId, refreshKey]);
  return state;
}

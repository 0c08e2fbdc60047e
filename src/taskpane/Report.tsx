// "Report to security team" and "My reports". The pane only sees the Reporter interface.
import { useCallback, useEffect, useId, useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import type { PendingReport } from '../report/pane-reporter';
import type { ReportStatus } from '../report/protocol';
import type { Reporter, ReportOutcome } from '../report/reporter';
import { localized, type Language, type ReportReason, type Strings } from '../i18n';
import { SafeText } from './SafeText';

/** Same ids, same order as the Report button's dialog (src/commands/spam-report.ts SPAM_REPORT_REASONS). */
export const REPORT_REASONS: readonly ReportReason[] = ['impersonation', 'suspicious-link', 'unexpected-attachment', 'credential-request', 'other'];

export type PaneReporterLike = Reporter & { pending?: () => Promise<PendingReport[]>; dismiss?: (key: string) => Promise<void> };

// The form (and its Fluent controls) is a separate script: requested as soon as this module runs, in
// parallel with the pane's start rather than as part of its first load. Usually there before anyone
// clicks Report; if not, the panel waits for it, and if it could not be fetched it is tried again.
type FormModule = typeof import('./ReportForm.js');
let formModule: FormModule | undefined;
let formLoading: Promise<FormModule> | undefined;
function loadReportForm(): Promise<FormModule> {
  formLoading ??= import(/* webpackChunkName: "report-form" */ './ReportForm.js').then(
    (module) => (formModule = module),
    (error: unknown) => {
      formLoading = undefined;
      throw error;
    },
  );
  return formLoading;
}
loadReportForm().catch(() => undefined);

export function ReportPanel({ reporter, t, language, onReported }: { reporter: Reporter; t: Strings; language: Language; onReported?: () => void }) {
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState<ReportReason[]>([]);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<ReportOutcome | undefined>();
  const [failed, setFailed] = useState(false);
  const [form, setForm] = useState<FormModule | undefined>(formModule);
  const headingId = useId();

  function openForm() {
    setOpen(true);
    setOutcome(undefined);
    setFailed(false);
    if (form) return;
    if (formModule) return setForm(formModule);
    loadReportForm().then(setForm, () => {
      setOpen(false);
      setFailed(true);
    });
  }

  const toggle = (reason: ReportReason, checked: boolean) =>
    setReasons((current) => (checked ? [...current.filter((r) => r !== reason), reason] : current.filter((r) => r !== reason)));

  async function send() {
    setSending(true);
    setFailed(false);
    try {
      const ordered = REPORT_REASONS.filter((reason) => reasons.includes(reason));
      const trimmed = comment.trim();
      const result = await reporter.report({ reasons: ordered, ...(trimmed ? { comment: trimmed } : {}) });
      setOutcome(result);
      setOpen(false);
      onReported?.();
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="ll-report">
      <h2 id={headingId}>{t.reportHeading}</h2>
      {!open && (
        <Button appearance="primary" onClick={openForm} disabled={sending}>
          {t.reportButton}
        </Button>
      )}
      {open && form && (
        <form.ReportForm
          t={t}
          reasons={reasons}
          allReasons={REPORT_REASONS}
          comment={comment}
          sending={sending}
          onToggle={toggle}
          onComment={setComment}
          onSend={() => void send()}
          onCancel={() => setOpen(false)}
        />
      )}
      {open && !form && <Spinner size="tiny" label={t.loading} />}
      <div role="status" aria-live="polite">
        {sending && <Spinner size="tiny" label={t.reportSending} />}
        {outcome && (
          <div className={`ll-outcome ll-outcome-${outcome.status}`} data-status={outcome.status}>
            <h3>{t.reportOutcome[outcome.status]}</h3>
            <p>{localized(outcome.message, language)}</p>
            {outcome.destination && (
              <p>
                {t.reportDestination}: <SafeText value={outcome.destination} max={120} />
              </p>
            )}
            {outcome.moved && <p>{t.reportMoved[outcome.moved]}</p>}
          </div>
        )}
        {failed && <p className="ll-outcome-failed">{t.reportError}</p>}
      </div>
    </section>
  );
}

function formatDate(iso: string, language: Language): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function MyReports({ reporter, t, language, refreshKey }: { reporter: PaneReporterLike; t: Strings; language: Language; refreshKey: number }) {
  const [reports, setReports] = useState<ReportStatus[] | undefined>();
  const [pending, setPending] = useState<PendingReport[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  const headingId = useId();

  const refresh = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let active = true;
    (async () => {
      const [mine, waiting] = await Promise.allSettled([reporter.myReports(), reporter.pending ? reporter.pending() : Promise.resolve([])]);
      if (!active) return;
      if (mine.status === 'fulfilled') {
        setReports(mine.value);
        setLoadFailed(false);
      } else {
        setReports([]);
        setLoadFailed(true);
      }
      setPending(waiting.status === 'fulfilled' ? waiting.value : []);
    })();
    return () => {
      active = false;
    };
  }, [reporter, refreshKey, generation]);

  return (
    <section aria-labelledby={headingId} className="ll-my-reports">
      <h2 id={headingId}>{t.myReportsHeading}</h2>
      {pending.length > 0 && (
        <>
          <h3>{t.pendingHeading}</h3>
          <ul>
            {pending.map((entry) => (
              <li key={entry.key} data-state={entry.state}>
                <SafeText value={entry.subject} max={100} /> — {t.pendingState[entry.state]} ({t.pendingAttempts(entry.attempts)})
                {entry.serverMessage && (
                  <>
                    {' '}
                    <SafeText value={entry.serverMessage} max={200} />
                  </>
                )}
                {entry.state === 'rejected' && reporter.dismiss && (
                  <Button size="small" appearance="subtle" onClick={() => void reporter.dismiss!(entry.key).then(refresh, refresh)}>
                    {t.dismiss}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {reports === undefined ? (
        <Spinner size="tiny" label={t.loading} />
      ) : loadFailed ? (
        <p>{t.myReportsLoadFailed}</p>
      ) : reports.length === 0 ? (
        pending.length === 0 && <p>{t.myReportsEmpty}</p>
      ) : (
        <ul>
          {reports.map((report) => (
            <li key={report.id} data-disposition={report.disposition}>
              <strong>
                <SafeText value={report.subject} max={100} />
              </strong>
              <br />
              {t.disposition[report.disposition]} · {t.reportedOn(formatDate(report.receivedAt, language))}
              {report.feedback && (
                <>
                  <br />
                  {t.feedback}: <SafeText value={report.feedback} max={400} multiline />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Button size="small" onClick={refresh}>
        {t.myReportsRefresh}
      </Button>
    </section>
  );
}

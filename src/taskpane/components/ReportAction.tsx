// Report, one click away. Suspicious and dangerous messages: Report sends at once (a note can be added
// first through "Report with a note…"). Clean messages: "Report anyway" opens the form, since the reader
// knows something Lure Lens did not. A message already reported (or waiting to be sent) asks first.
// Afterwards the card says truthfully what happened: "Reported on … to <team>" only once the security
// team has the report, "Not sent yet" while it waits on this device, and the status from My reports.
import { useEffect, useRef, useState } from 'react';
import type { VerdictLevel } from '../../engine/model';
import { localized, type Language, type ReportReason, type Strings } from '../../i18n';
import type { ReportStatus } from '../../report/protocol';
import type { MessageReportState } from '../../report/reported';
import type { ReportOutcome } from '../../report/reporter';
import { formatDate } from '../format';
import { SafeText } from '../SafeText';
import { useReportState, type PaneReporterLike } from '../useReports';
import { PaneButton } from './PaneButton';
import { reportActionClasses as classes, reportActionStyles } from './ReportAction.styles';
import { useStyleSheets } from './stylesheet';

/** Same ids, same order as the Report button's dialog (src/commands/spam-report.ts SPAM_REPORT_REASONS). */
export const REPORT_REASONS: readonly ReportReason[] = ['impersonation', 'suspicious-link', 'unexpected-attachment', 'credential-request', 'other'];

// The form (and its Fluent controls) is a separate script, requested as soon as this module runs, in
// parallel with the pane's start rather than as part of its first load. Usually there before anyone
// needs it; if not, the card waits for it, and if it could not be fetched it is tried again.
type FormModule = typeof import('../ReportForm.js');
let formModule: FormModule | undefined;
let formLoading: Promise<FormModule> | undefined;
function loadReportForm(): Promise<FormModule> {
  formLoading ??= import(/* webpackChunkName: "report-form" */ '../ReportForm.js').then(
    (module) => (formModule = module),
    (error: unknown) => {
      formLoading = undefined;
      throw error;
    },
  );
  return formLoading;
}

type Mode = 'quick' | 'form';
type Phase = { kind: 'idle' } | { kind: 'asking'; mode: Mode; known: MessageReportState } | { kind: 'form' } | { kind: 'sending' };

export interface ReportActionProps {
  reporter: PaneReporterLike;
  level: VerdictLevel;
  /** The open message's Internet message id, to recognise an earlier report of it. */
  messageId?: string;
  /** The security team's name in the pane's language. */
  team: string;
  /** My reports, for the status of this message's report. */
  reports?: ReportStatus[];
  t: Strings;
  language: Language;
  onReported?: () => void;
}

function StatusLines({ known, outcome, reports, team, t, language }: { known?: MessageReportState; outcome?: ReportOutcome; reports?: ReportStatus[]; team: string; t: Strings; language: Language }) {
  const lines: JSX.Element[] = [];
  if (known?.state === 'delivered') {
    lines.push(<p key="on">{t.reportedOn(formatDate(known.at, language), team)}</p>);
    const status = reports?.find((report) => report.id === known.reportId);
    if (status) {
      lines.push(
        <p key="status" data-disposition={status.disposition}>
          {t.reportStatus(t.disposition[status.disposition])}
        </p>,
      );
      if (status.feedback) {
        lines.push(
          <p key="feedback">
            {t.feedback}: <SafeText value={status.feedback} max={400} multiline />
          </p>,
        );
      }
    }
  } else if (known?.state === 'queued') {
    lines.push(<p key="queued">{t.reportQueued(team)}</p>);
  } else if (known?.state === 'rejected') {
    lines.push(
      <p key="refused" className={classes.problem}>
        {t.reportRefused(team)}
        {known.serverMessage && (
          <>
            {' '}
            <SafeText value={known.serverMessage} max={200} />
          </>
        )}
      </p>,
    );
  }
  // What the state above cannot say: a report message left for the user to send, or a failure.
  if (outcome && (outcome.status === 'compose-opened' || outcome.status === 'failed')) {
    lines.push(
      <p key="outcome" className={outcome.status === 'failed' ? classes.problem : undefined}>
        {localized(outcome.message, language)}
      </p>,
    );
  }
  if (outcome?.moved) lines.push(<p key="moved">{t.reportMoved[outcome.moved]}</p>);
  return <>{lines}</>;
}

export function ReportAction({ reporter, level, messageId, team, reports, t, language, onReported }: ReportActionProps) {
  useStyleSheets(reportActionStyles);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [reasons, setReasons] = useState<ReportReason[]>([]);
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<ReportOutcome | undefined>();
  const [failed, setFailed] = useState(false);
  const [form, setForm] = useState<FormModule | undefined>(formModule);
  const [stateVersion, setStateVersion] = useState(0);
  const known = useReportState(reporter, messageId, stateVersion);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    loadReportForm().then(setForm, () => undefined);
  }, []);
  useEffect(() => {
    if (phase.kind === 'asking') question.current?.focus();
  }, [phase.kind]);

  const defaultMode: Mode = level === 'clean' ? 'form' : 'quick';

  async function send(request: { reasons: string[]; comment?: string }) {
    setPhase({ kind: 'sending' });
    try {
      setOutcome(await reporter.report(request));
      setStateVersion((value) => value + 1);
      onReported?.();
    } catch {
      setFailed(true);
    }
    setPhase({ kind: 'idle' });
  }

  function proceed(mode: Mode) {
    if (mode === 'quick') return void send({ reasons: [] });
    setPhase({ kind: 'form' });
    if (!form) loadReportForm().then(setForm, () => {
      setPhase({ kind: 'idle' });
      setFailed(true);
    });
  }

  async function start(mode: Mode) {
    setFailed(false);
    setOutcome(undefined);
    let current = known;
    try {
      current = reporter.reportState ? await reporter.reportState({ messageId }) : undefined;
    } catch {
      // Not knowing is no reason to stop a report.
    }
    if (current && current.state !== 'rejected') setPhase({ kind: 'asking', mode, known: current });
    else proceed(mode);
  }

  const toggle = (reason: ReportReason, checked: boolean) =>
    setReasons((current) => (checked ? [...current.filter((r) => r !== reason), reason] : current.filter((r) => r !== reason)));

  const reported = known?.state === 'delivered' || known?.state === 'queued';
  const busy = phase.kind === 'sending';
  return (
    <div className={classes.root} data-testid="report-action">
      {phase.kind !== 'form' && phase.kind !== 'asking' && (
        <>
          <PaneButton
            className={classes.primary}
            appearance={level === 'clean' || reported ? 'secondary' : 'primary'}
            size="large"
            disabled={busy}
            data-testid="report-button"
            onClick={() => void start(defaultMode)}
          >
            {busy ? t.reportingNow : level === 'clean' ? t.reportAnywayButton : t.reportButton}
          </PaneButton>
          {defaultMode === 'quick' && !busy && !reported && (
            <PaneButton className={classes.note} appearance="subtle" size="small" onClick={() => void start('form')}>
              {t.reportWithNote}
            </PaneButton>
          )}
        </>
      )}
      {phase.kind === 'asking' && (
        <div data-testid="report-again">
          <p className={classes.question} ref={question} tabIndex={-1}>
            {phase.known.state === 'delivered' ? t.askReportAgain(formatDate(phase.known.at, language)) : t.askReportAgainQueued}
          </p>
          <div className={classes.buttons}>
            <PaneButton appearance="primary" onClick={() => proceed(phase.mode)}>
              {t.reportAgain}
            </PaneButton>
            <PaneButton onClick={() => setPhase({ kind: 'idle' })}>{t.reportCancel}</PaneButton>
          </div>
        </div>
      )}
      {phase.kind === 'form' && form && (
        <form.ReportForm
          t={t}
          language={language}
          reasons={reasons}
          allReasons={REPORT_REASONS}
          comment={comment}
          sending={busy}
          onToggle={toggle}
          onComment={setComment}
          onSend={() => {
            const trimmed = comment.trim();
            void send({ reasons: REPORT_REASONS.filter((reason) => reasons.includes(reason)), ...(trimmed ? { comment: trimmed } : {}) });
          }}
          onCancel={() => setPhase({ kind: 'idle' })}
        />
      )}
      {phase.kind === 'form' && !form && <p>{t.loadingDetails}</p>}
      <div className={classes.status} aria-live="polite" data-testid="report-status" data-state={known?.state ?? outcome?.status ?? 'none'}>
        <StatusLines known={known} outcome={outcome} reports={reports} team={team} t={t} language={language} />
        {failed && <p className={classes.problem}>{t.reportError}</p>}
      </div>
    </div>
  );
}

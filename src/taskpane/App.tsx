// The task pane: one message in, one verdict out, explained. Office.js stays outside: the pane gets a
// MessageSource, a policy loader and a reporter factory, so the preview page can run it with fakes.
//
// What an employee sees first, within 320×600: the verdict card (level, one sentence, Report). Then at
// most three reasons, each one sentence with its evidence a click away; then what could not be
// checked, how Lure Lens decides, and My reports. Everything below the card loads after it.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { analyze, type MailMessage, type SenderHistory, type Verdict } from '../engine';
import { domainOfAddress } from '../mail/hosts';
import { securityTeamName } from '../policy/reporting';
import type { ResolvedPolicy } from '../policy/types';
import type { Reporter } from '../report/reporter';
import { stringsFor, type Language, type Strings } from '../i18n';
import type { LoadedMessage, MessageSource } from '../office/session';
import type { PolicyLoad, PolicyLoader } from '../office/policy-source';
import type { ThemeName } from '../office/theme';
import { MessageUnreadableError } from '../office/read-message';
import { appClasses as classes, appStyles } from './App.styles';
import { paneSectionClasses as sections, paneSectionStyles } from './components/PaneSections.styles';
import { PaneButton } from './components/PaneButton';
import { PaneTheme } from './components/PaneTheme';
import { ReasonList, preloadReasonDetails } from './components/ReasonList';
import { ReportAction } from './components/ReportAction';
import { useStyleSheets } from './components/stylesheet';
import { VerdictCard } from './components/VerdictCard';
import { reasonsOf } from './reasons';
import { wholeListFor, withWholeList } from './suffix-list';
import { SafeText } from './SafeText';
import { markItemStart, measureVerdictPainted } from './timing';
import { useMyReports, type PaneReporterLike } from './useReports';
import { useSenderHistory, type HistoryLookupFactory } from './useSenderHistory';

export type ReporterFactory = (policy: ResolvedPolicy, currentVerdict: () => Verdict | undefined) => Reporter;

export interface AppProps {
  source: MessageSource;
  loadPolicy: PolicyLoader;
  createReporter: ReporterFactory;
  language: Language;
  theme: ThemeName;
  /** The engine by default; the preview page and tests may pass a fixed verdict. */
  analyzeMessage?: (message: MailMessage, policy: ResolvedPolicy) => Verdict;
  /** The user's mailbox for the sender-history check (Graph in Outlook, a built-in mailbox in the preview); none: no check. */
  createHistoryLookup?: HistoryLookupFactory;
}

type PaneState =
  | { kind: 'loading' }
  | { kind: 'no-message'; policy: PolicyLoad }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; loaded: Extract<LoadedMessage, { state: 'message' }>; verdict: Verdict; policy: PolicyLoad; sequence: number };

// Below the reasons, in the same script as the reasons' details (loaded after the verdict is shown).
const NotChecked = lazy(() => import(/* webpackChunkName: "pane-details" */ './components/NotChecked.js').then((module) => ({ default: module.NotChecked })));
const HowWeDecide = lazy(() => import(/* webpackChunkName: "pane-details" */ './components/HowWeDecide.js').then((module) => ({ default: module.HowWeDecide })));
const SenderHistoryStatus = lazy(() =>
  import(/* webpackChunkName: "pane-details" */ './components/SenderHistoryStatus.js').then((module) => ({ default: module.SenderHistoryStatus })),
);
const MyReports = lazy(() => import(/* webpackChunkName: "pane-details" */ './components/MyReports.js').then((module) => ({ default: module.MyReports })));

function policyWarning(policy: PolicyLoad | undefined, t: Strings): string | undefined {
  if (!policy?.problem) return undefined;
  return policy.problem.kind === 'invalid' ? t.policyInvalid : t.policyUnreachable;
}

function ErrorState({ error, t, onRetry }: { error: unknown; t: Strings; onRetry: () => void }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert">
      <h1 className={classes.heading}>{t.errorTitle}</h1>
      <p>{error instanceof MessageUnreadableError ? t.errorReadFailed : t.errorUnexpected}</p>
      <p>
        {t.errorDetail} <SafeText value={detail} max={300} />
      </p>
      <PaneButton appearance="primary" onClick={onRetry}>
        {t.retry}
      </PaneButton>
    </div>
  );
}

export function Pane({ source, loadPolicy, createReporter, language, analyzeMessage = analyze, createHistoryLookup }: Omit<AppProps, 'theme'>) {
  const t = stringsFor(language);
  useStyleSheets(appStyles, paneSectionStyles);
  const [state, setState] = useState<PaneState>({ kind: 'loading' });
  const [reportsVersion, setReportsVersion] = useState(0);
  const sequence = useRef(0);
  const verdictRef = useRef<Verdict | undefined>(undefined);
  const flushed = useRef(new WeakSet<object>());

  const run = useCallback(async () => {
    const mine = ++sequence.current;
    markItemStart(mine);
    setState({ kind: 'loading' });
    verdictRef.current = undefined;
    try {
      const loaded = await source.load();
      // The organisation domain a policy takes from the mailbox reads the private suffixes too.
      await wholeListFor([domainOfAddress(loaded.userAddress)]);
      const policy = await loadPolicy(loaded.userAddress);
      // Only the newest selection may draw.
      if (mine !== sequence.current) return;
      if (loaded.state === 'no-message') {
        setState({ kind: 'no-message', policy });
        return;
      }
      const verdict = await withWholeList(() => analyzeMessage(loaded.message, policy.policy));
      if (mine !== sequence.current) return;
      verdictRef.current = verdict;
      setState({ kind: 'ready', loaded, verdict, policy, sequence: mine });
    } catch (error) {
      if (mine === sequence.current) setState({ kind: 'error', error });
    }
  }, [source, loadPolicy, analyzeMessage]);

  useEffect(() => {
    void run();
    return source.onChange(() => void run());
  }, [source, run]);

  const policy = state.kind === 'ready' || state.kind === 'no-message' ? state.policy.policy : undefined;
  const reporter = useMemo(() => (policy ? (createReporter(policy, () => verdictRef.current) as PaneReporterLike) : undefined), [policy, createReporter]);
  const myReports = useMyReports(reporter, reportsVersion);

  useEffect(() => {
    // Reports queued earlier (offline, service down) are retried whenever the pane opens.
    if (!reporter || flushed.current.has(reporter)) return;
    flushed.current.add(reporter);
    reporter.flushOutbox().then(
      (delivered) => {
        if (delivered > 0) setReportsVersion((value) => value + 1);
      },
      () => undefined,
    );
  }, [reporter]);

  // The verdict is on screen already; the mailbox's answer re-judges the same message when it comes.
  const historyTarget = useMemo(
    () => (state.kind === 'ready' ? { message: state.loaded.message, policy: state.policy.policy, sequence: state.sequence } : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.kind === 'ready' ? state.sequence : undefined],
  );
  const onHistory = useCallback(
    (mine: number, senderHistory: SenderHistory) =>
      setState((previous) => {
        if (previous.kind !== 'ready' || previous.sequence !== mine) return previous;
        const verdict = analyzeMessage({ ...previous.loaded.message, senderHistory }, previous.policy.policy);
        verdictRef.current = verdict;
        return { ...previous, verdict };
      }),
    [analyzeMessage],
  );
  const history = useSenderHistory(historyTarget, createHistoryLookup, onHistory);

  const ready = state.kind === 'ready';
  const shownSequence = state.kind === 'ready' ? state.sequence : undefined;
  useEffect(() => {
    if (shownSequence !== undefined) measureVerdictPainted(shownSequence);
  }, [shownSequence]);
  useEffect(() => {
    // Once a verdict is on screen, fetch what opening a reason needs.
    if (ready) preloadReasonDetails();
  }, [ready]);

  const warning = policyWarning(state.kind === 'ready' || state.kind === 'no-message' ? state.policy : undefined, t);
  const team = securityTeamName(policy?.reporting)?.[language] ?? t.defaultTeam;
  const reasons = useMemo(() => (state.kind === 'ready' ? reasonsOf(state.verdict) : []), [state]);
  const announcement =
    state.kind === 'loading' ? t.loading : state.kind === 'ready' ? t.verdictAnnouncement(t.verdictTitle[state.verdict.verdict], t.verdictSentence[state.verdict.verdict]) : '';
  const onReported = useCallback(() => setReportsVersion((value) => value + 1), []);

  return (
    <main aria-label={t.mainLabel} className={classes.root} lang={language}>
      {/* One polite live region for the whole pane: each new verdict is read out once. */}
      <div className={classes.announcer} role="status" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
      {state.kind === 'loading' && (
        <p className={classes.loading} aria-hidden="true">
          {t.loading}
        </p>
      )}
      {state.kind === 'error' && <ErrorState error={state.error} t={t} onRetry={() => void run()} />}
      {state.kind === 'no-message' && (
        <div>
          <h1 className={classes.heading}>{t.noMessageTitle}</h1>
          <p>{t.noMessageBody}</p>
        </div>
      )}
      {state.kind === 'ready' && (
        <>
          <VerdictCard level={state.verdict.verdict} subject={state.loaded.message.subject} t={t}>
            {reporter && (
              <ReportAction
                key={state.sequence}
                reporter={reporter}
                level={state.verdict.verdict}
                messageId={state.loaded.message.messageId}
                team={team}
                reports={myReports.reports}
                t={t}
                language={language}
                onReported={onReported}
              />
            )}
          </VerdictCard>
          {warning && (
            <p role="note" className={sections.caution}>
              {warning}
            </p>
          )}
          <ReasonList reasons={reasons} level={state.verdict.verdict} message={state.loaded.message} t={t} language={language} />
          <Suspense fallback={null}>
            <SenderHistoryStatus status={history.status} findings={state.verdict.findings} language={language} onAllow={history.allow} />
            <NotChecked verdict={state.verdict} capabilities={state.loaded.capabilities} language={language} />
            <HowWeDecide verdict={state.verdict} language={language} />
          </Suspense>
        </>
      )}
      {state.kind === 'no-message' && warning && (
        <p role="note" className={sections.caution}>
          {warning}
        </p>
      )}
      {reporter && (state.kind === 'ready' || state.kind === 'no-message') && (
        <Suspense fallback={null}>
          <MyReports reporter={reporter} view={myReports} onRefresh={myReports.refresh} t={t} language={language} />
        </Suspense>
      )}
    </main>
  );
}

export function App(props: AppProps) {
  return (
    <PaneTheme theme={props.theme}>
      <Pane {...props} />
    </PaneTheme>
  );
}

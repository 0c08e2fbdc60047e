// The task pane: one message in, one verdict out, explained. Office.js stays outside: the pane gets a
// MessageSource, a policy loader and a reporter factory, so the preview page can run it with fakes.
import { useCallback, useEffect, useInsertionEffect, useMemo, useRef, useState } from 'react';
import { Button, FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { analyze, score as scoreOf, THRESHOLDS, type Finding, type FindingCategory, type MailMessage, type Verdict } from '../engine';
import type { ResolvedPolicy } from '../policy/types';
import type { Reporter } from '../report/reporter';
import { localized, stringsFor, type Language, type Strings } from '../i18n';
import type { LoadedMessage, MessageSource } from '../office/session';
import type { PolicyLoad, PolicyLoader } from '../office/policy-source';
import { MessageUnreadableError, type ReadCapabilities } from '../office/read-message';
import { EvidenceView } from './Evidence';
import { MyReports, ReportPanel, type PaneReporterLike } from './Report';
import { SafeText } from './SafeText';

export type ReporterFactory = (policy: ResolvedPolicy, currentVerdict: () => Verdict | undefined) => Reporter;

export interface AppProps {
  source: MessageSource;
  loadPolicy: PolicyLoader;
  createReporter: ReporterFactory;
  language: Language;
  theme: 'light' | 'dark';
  /** The engine by default; the preview page and tests may pass a fixed verdict. */
  analyzeMessage?: (message: MailMessage, policy: ResolvedPolicy) => Verdict;
}

type PaneState =
  | { kind: 'loading' }
  | { kind: 'no-message'; policy: PolicyLoad }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; loaded: Extract<LoadedMessage, { state: 'message' }>; verdict: Verdict; policy: PolicyLoad; sequence: number };

const CATEGORY_ORDER: FindingCategory[] = ['sender', 'authentication', 'wording', 'links', 'attachments', 'structure'];
const VERDICT_ICON = { clean: '✓', suspicious: '⚠', dangerous: '⛔' } as const;

// The pane's own styles as plain CSS over Fluent's theme variables (the custom properties FluentProvider
// sets; tokens.colorNeutralForeground1 is var(--colorNeutralForeground1)). Written out rather than made
// with makeStyles, whose run-time CSS compiler (Griffel with stylis and rtl-css-js) would cost the pane's
// first load about 10 KB gzip for these few rules; Fluent's own components come with precompiled styles.
const PANE_CSS = `
.ll-pane-root { padding: 12px; font-family: var(--fontFamilyBase); color: var(--colorNeutralForeground1); background-color: var(--colorNeutralBackground1); min-height: 100vh; box-sizing: border-box; overflow-wrap: anywhere; }
.ll-pane-banner { display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; border-radius: var(--borderRadiusMedium); border-left: 6px solid; margin-bottom: 12px; }
.ll-pane-clean { background-color: var(--colorPaletteGreenBackground1); border-left-color: var(--colorPaletteGreenBorderActive); }
.ll-pane-suspicious { background-color: var(--colorPaletteYellowBackground1); border-left-color: var(--colorPaletteDarkOrangeBorderActive); }
.ll-pane-dangerous { background-color: var(--colorPaletteRedBackground1); border-left-color: var(--colorPaletteRedBorderActive); }
.ll-pane-icon { font-size: 24px; line-height: 1; }
.ll-pane-finding { margin-bottom: 12px; padding-left: 8px; border-left: 3px solid var(--colorNeutralStroke1); }
.ll-pane-warning { padding: 8px; border-radius: var(--borderRadiusMedium); background-color: var(--colorPaletteYellowBackground1); margin-bottom: 12px; }
.ll-pane-focus :focus-visible { outline: 2px solid var(--colorStrokeFocus2); outline-offset: 2px; }
`;

const STYLES = {
  root: 'll-pane-root',
  banner: 'll-pane-banner',
  clean: 'll-pane-clean',
  suspicious: 'll-pane-suspicious',
  dangerous: 'll-pane-dangerous',
  icon: 'll-pane-icon',
  finding: 'll-pane-finding',
  warning: 'll-pane-warning',
  focus: 'll-pane-focus',
} as const;
const useStyles = () => STYLES;

/** Adds PANE_CSS to the document once, before the pane's first paint (as Griffel would insert its rules). */
function usePaneCss(): void {
  useInsertionEffect(() => {
    if (document.getElementById('ll-pane-css')) return;
    const style = document.createElement('style');
    style.id = 'll-pane-css';
    style.textContent = PANE_CSS;
    document.head.appendChild(style);
  }, []);
}

function policyWarning(policy: PolicyLoad | undefined, t: Strings): string | undefined {
  if (!policy?.problem) return undefined;
  return policy.problem.kind === 'invalid' ? t.policyInvalid : t.policyUnreachable;
}

function VerdictBanner({ verdict, t }: { verdict: Verdict; t: Strings }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={`${styles.banner} ${styles[verdict.verdict]}`} data-verdict={verdict.verdict}>
      <span className={styles.icon} aria-hidden="true">
        {VERDICT_ICON[verdict.verdict]}
      </span>
      <div>
        <h1 style={{ fontSize: '18px', margin: '0 0 4px' }}>{t.verdictTitle[verdict.verdict]}</h1>
        <p style={{ margin: '0 0 4px' }}>{t.scoreLabel(verdict.score)}</p>
        <p style={{ margin: 0 }}>{t.verdictSummary[verdict.verdict]}</p>
      </div>
    </div>
  );
}

function FindingItem({ finding, t, language }: { finding: Finding; t: Strings; language: Language }) {
  const styles = useStyles();
  return (
    <article className={styles.finding} data-rule={finding.rule} data-severity={finding.severity}>
      <h4 style={{ margin: '4px 0' }}>
        {localized(finding.title, language)} <small>({t.severity[finding.severity]})</small>
      </h4>
      <p style={{ margin: '0 0 6px' }}>{localized(finding.explanation, language)}</p>
      {finding.evidence.slice(0, 20).map((evidence, index) => (
        <EvidenceView key={index} evidence={evidence} t={t} language={language} />
      ))}
      {finding.technique && (
        <p style={{ margin: 0, fontSize: '12px' }}>
          {t.attackTechnique}: {finding.technique}
        </p>
      )}
    </article>
  );
}

function Findings({ verdict, t, language }: { verdict: Verdict; t: Strings; language: Language }) {
  return (
    <section aria-labelledby="ll-findings-heading">
      <h2 id="ll-findings-heading">{t.findingsHeading}</h2>
      {verdict.findings.length === 0 && <p>{t.noFindings}</p>}
      {CATEGORY_ORDER.map((category) => {
        const findings = verdict.findings.filter((finding) => finding.category === category);
        if (findings.length === 0) return null;
        return (
          <section key={category} aria-labelledby={`ll-category-${category}`} data-category={category}>
            <h3 id={`ll-category-${category}`}>{t.category[category]}</h3>
            {findings.map((finding) => (
              <FindingItem key={finding.rule} finding={finding} t={t} language={language} />
            ))}
          </section>
        );
      })}
    </section>
  );
}

function NotCheckedList({ verdict, capabilities, t, language }: { verdict: Verdict; capabilities: ReadCapabilities; t: Strings; language: Language }) {
  const styles = useStyles();
  const headersProblem = capabilities.headers === 'read' ? undefined : capabilities.headers;
  if (verdict.notChecked.length === 0 && !headersProblem && capabilities.body !== 'failed') return null;
  return (
    <section aria-labelledby="ll-not-checked-heading" data-testid="not-checked">
      <h2 id="ll-not-checked-heading">{t.notCheckedHeading}</h2>
      {headersProblem && (
        <div className={styles.warning} data-headers={headersProblem}>
          <h3 style={{ margin: '0 0 4px', fontSize: '14px' }}>{t.headersUnavailableTitle}</h3>
          <p style={{ margin: 0 }}>{t.headersUnavailable[headersProblem]}</p>
        </div>
      )}
      {capabilities.body === 'failed' && <p>{t.bodyUnavailable}</p>}
      {verdict.notChecked.length > 0 && (
        <>
          <p>{t.notCheckedIntro}</p>
          <ul>
            {verdict.notChecked.map((item) => (
              <li key={item.rule} data-rule={item.rule}>
                <strong>{localized(item.title, language)}</strong> — {t.notCheckedWhy[item.missing]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function WhyVerdict({ verdict, t, language }: { verdict: Verdict; t: Strings; language: Language }) {
  // Points per severity as the engine counts them (its score of one non-wording finding).
  const points = (severity: Finding['severity']) => scoreOf([{ severity, category: 'sender' } as Finding]);
  return (
    <section aria-labelledby="ll-why-summary">
      <details>
        <summary id="ll-why-summary">{t.whyHeading}</summary>
        <p>{t.whyPoints({ high: points('high'), medium: points('medium'), low: points('low') })}</p>
        <p>{t.whyThresholds(THRESHOLDS.suspicious, THRESHOLDS.dangerous)}</p>
        <p>{t.whyWording}</p>
        {verdict.findings.length > 0 ? (
          <>
            <p>{t.whyFindingsList}</p>
            <ul>
              {verdict.findings.map((finding) => (
                <li key={finding.rule}>
                  {localized(finding.title, language)} — {t.category[finding.category]}, {t.severity[finding.severity]}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t.whyNoFindings}</p>
        )}
      </details>
    </section>
  );
}

function ErrorState({ error, t, onRetry }: { error: unknown; t: Strings; onRetry: () => void }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert">
      <h1 style={{ fontSize: '18px' }}>{t.errorTitle}</h1>
      <p>{error instanceof MessageUnreadableError ? t.errorReadFailed : t.errorUnexpected}</p>
      <p>
        {t.errorDetail} <SafeText value={detail} max={300} />
      </p>
      <Button appearance="primary" onClick={onRetry}>
        {t.retry}
      </Button>
    </div>
  );
}

export function Pane({ source, loadPolicy, createReporter, language, analyzeMessage = analyze }: Omit<AppProps, 'theme'>) {
  const t = stringsFor(language);
  usePaneCss();
  const styles = useStyles();
  const [state, setState] = useState<PaneState>({ kind: 'loading' });
  const [reportsVersion, setReportsVersion] = useState(0);
  const sequence = useRef(0);
  const verdictRef = useRef<Verdict | undefined>(undefined);
  const flushed = useRef(new WeakSet<object>());

  const run = useCallback(async () => {
    const mine = ++sequence.current;
    setState({ kind: 'loading' });
    verdictRef.current = undefined;
    try {
      const loaded = await source.load();
      const policy = await loadPolicy(loaded.userAddress);
      // Only the newest selection may draw.
      if (mine !== sequence.current) return;
      if (loaded.state === 'no-message') {
        setState({ kind: 'no-message', policy });
        return;
      }
      const verdict = analyzeMessage(loaded.message, policy.policy);
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

  const warning = policyWarning(state.kind === 'ready' || state.kind === 'no-message' ? state.policy : undefined, t);

  return (
    <main aria-label={t.mainLabel} className={`${styles.root} ${styles.focus}`} lang={language}>
      {warning && (
        <p role="note" className={styles.warning}>
          {warning}
        </p>
      )}
      {state.kind === 'loading' && <Spinner label={t.loading} />}
      {state.kind === 'error' && <ErrorState error={state.error} t={t} onRetry={() => void run()} />}
      {state.kind === 'no-message' && (
        <div role="status">
          <h1 style={{ fontSize: '18px' }}>{t.noMessageTitle}</h1>
          <p>{t.noMessageBody}</p>
        </div>
      )}
      {state.kind === 'ready' && (
        <>
          <VerdictBanner verdict={state.verdict} t={t} />
          <p style={{ marginTop: 0 }}>
            <strong>
              <SafeText value={state.loaded.message.subject} max={160} />
            </strong>
          </p>
          <Findings verdict={state.verdict} t={t} language={language} />
          <NotCheckedList verdict={state.verdict} capabilities={state.loaded.capabilities} t={t} language={language} />
          <WhyVerdict verdict={state.verdict} t={t} language={language} />
          {reporter && <ReportPanel key={state.sequence} reporter={reporter} t={t} language={language} onReported={() => setReportsVersion((value) => value + 1)} />}
        </>
      )}
      {reporter && (state.kind === 'ready' || state.kind === 'no-message') && <MyReports reporter={reporter} t={t} language={language} refreshKey={reportsVersion} />}
    </main>
  );
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme}>
      <Pane {...props} />
    </FluentProvider>
  );
}

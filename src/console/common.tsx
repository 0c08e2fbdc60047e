// Pieces every console page shares: loading with error and retry, the report table, verdict and
// disposition labels, and download buttons.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, Checkbox, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ApiError, saveFile, type Api, type Disposition, type ReportSummary, type VerdictLevel } from './api';
import { campaignHref, reportHref } from './routing';
import type { Language, Strings } from './strings';
import { AddressView, formatDate, Txt } from './Text';

export interface PageProps {
  api: Api;
  t: Strings;
  language: Language;
}

export function errorText(error: unknown, t: Strings): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t.networkError;
    if (error.status === 404) return t.notFound;
    return error.message;
  }
  return (error as Error)?.message || String(error);
}

export function ErrorBar({ error, t, onRetry, title }: { error: unknown; t: Strings; onRetry?: () => void; title?: string }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t.errorTitle}</MessageBarTitle> <Txt value={errorText(error, t)} max={1000} />{' '}
        {onRetry && (
          <Button size="small" onClick={onRetry}>
            {t.retry}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T };

/**
 * Loads when `key` changes; ignores answers to superseded loads. `refresh` loads again while the
 * current data stays on screen (no spinner, no lost scroll position); a failed refresh keeps it.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void, (data: T) => void, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const sequence = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useCallback(() => {
    const mine = ++sequence.current;
    setResult({ state: 'loading' });
    loadRef.current().then(
      (data) => mine === sequence.current && setResult({ state: 'ready', data }),
      (error) => mine === sequence.current && setResult({ state: 'error', error }),
    );
  }, []);
  useEffect(() => {
    run();
    return () => {
      // Invalidates the answer of the request this effect started (it is a counter, not a DOM ref).
      // eslint-disable-next-line react-hooks/exhaustive-deps
      sequence.current++;
    };
  }, [key, run]);
  const replace = useCallback((data: T) => setResult({ state: 'ready', data }), []);
  const refresh = useCallback(() => {
    const mine = ++sequence.current;
    loadRef.current().then(
      (data) => mine === sequence.current && setResult({ state: 'ready', data }),
      (error) => mine === sequence.current && setResult((previous) => (previous.state === 'ready' ? previous : { state: 'error', error })),
    );
  }, []);
  return [result, run, replace, refresh];
}

/** A page's top line: the way back on one side, refresh on the other (a div: the controls hold divs). */
export const TOP_BAR = { margin: '0 0 8px', display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between' } as const;

/** Refresh and "refresh every 30 s" for a page; auto-refresh pauses while the tab is hidden. */
export function RefreshControls({ t, onRefresh, intervalMs = 30_000 }: { t: Strings; onRefresh: () => void; intervalMs?: number }) {
  const [auto, setAuto] = useState(false);
  const [at, setAt] = useState<Date>();
  const refresh = useCallback(() => {
    onRefresh();
    setAt(new Date());
  }, [onRefresh]);
  useEffect(() => {
    if (!auto) return;
    const timer = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [auto, refresh, intervalMs]);
  return (
    <span style={{ display: 'inline-flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' }}>
      <Button onClick={refresh} data-testid="refresh">
        {t.work.refresh}
      </Button>
      <Checkbox checked={auto} onChange={(_, data) => setAuto(Boolean(data.checked))} label={t.work.autoRefresh} data-testid="auto-refresh" />
      <span aria-live="polite" data-testid="refreshed-at">
        {at ? t.work.refreshed(at.toLocaleTimeString()) : ''}
      </span>
    </span>
  );
}

/** Which reports of a table are ticked (inbox bulk triage, campaign split). */
export interface Selection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
}

export function useSelection(): Selection & { clear: () => void } {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((id: string) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const setAll = useCallback((ids: string[], on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, toggle, setAll, clear };
}

export function Loading({ t }: { t: Strings }) {
  return <Spinner size="small" label={t.loading} role="status" />;
}

const VERDICT_COLOURS: Record<VerdictLevel | 'unknown', { background: string; color: string }> = {
  clean: { background: '#dff6dd', color: '#0b5a08' },
  suspicious: { background: '#fff4ce', color: '#6b4d00' },
  dangerous: { background: '#fde7e9', color: '#a4262c' },
  unknown: { background: '#f3f2f1', color: '#323130' },
};

export function VerdictLabel({ verdict, t, testId, incomplete }: { verdict: VerdictLevel | undefined; t: Strings; testId?: string; incomplete?: string }) {
  const key = verdict ?? 'unknown';
  const style = { padding: '1px 6px', borderRadius: '4px', fontWeight: 600, whiteSpace: 'nowrap' } as const;
  return (
    <span style={{ display: 'inline-flex', gap: '4px', flexWrap: 'wrap' }}>
      {(verdict || !incomplete) && (
        <span data-testid={testId} data-verdict={key} style={{ ...VERDICT_COLOURS[key], ...style }}>
          {t.verdictNames[key]}
        </span>
      )}
      {incomplete && (
        <span data-testid={verdict ? 'incomplete' : testId} data-verdict={verdict ? undefined : 'incomplete'} data-incomplete={incomplete} style={{ ...VERDICT_COLOURS.suspicious, ...style }}>
          {t.work.notAnalysed}
        </span>
      )}
    </span>
  );
}

export function DispositionLabel({ disposition, t }: { disposition: Disposition; t: Strings }) {
  return <span data-disposition={disposition}>{t.dispositionNames[disposition] ?? disposition}</span>;
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={testId} style={{ marginTop: '20px' }}>
      <h2 id={id} style={{ fontSize: '18px', margin: '0 0 8px' }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ReportTable({ reports, t, language, testId, caption, selection }: { reports: ReportSummary[]; t: Strings; language: Language; testId?: string; caption: string; selection?: Selection }) {
  const ids = reports.map((report) => report.id);
  const allSelected = selection !== undefined && ids.length > 0 && ids.every((id) => selection.selected.has(id));
  // Long subjects and addresses wrap inside their cell instead of running into the next column.
  const cell = { overflowWrap: 'anywhere', whiteSpace: 'normal', wordBreak: 'break-word' } as const;
  return (
    <Table data-testid={testId} size="small" aria-label={caption} style={{ tableLayout: 'auto' }}>
      <TableHeader>
        <TableRow>
          {selection && (
            <TableHeaderCell scope="col" style={{ width: '2.5rem' }}>
              <Checkbox aria-label={t.work.selectAll} checked={allSelected} onChange={(_, data) => selection.setAll(ids, Boolean(data.checked))} data-testid="select-all" />
            </TableHeaderCell>
          )}
          <TableHeaderCell scope="col">{t.received}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.verdict}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.score}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.subject}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.sender}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.reporter}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.disposition}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.campaign}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {reports.map((report) => (
          <TableRow key={report.id} data-testid="report-row" data-report-id={report.id}>
            {selection && (
              <TableCell>
                <Checkbox
                  aria-label={t.work.selectReport(report.subject.slice(0, 80) || t.noSubject)}
                  checked={selection.selected.has(report.id)}
                  onChange={() => selection.toggle(report.id)}
                  data-testid="select-report"
                />
              </TableCell>
            )}
            <TableCell>{formatDate(report.receivedAt, language)}</TableCell>
            <TableCell>
              <VerdictLabel verdict={report.verdict} t={t} testId="verdict" incomplete={report.incomplete} />
            </TableCell>
            <TableCell>{report.score ?? '—'}</TableCell>
            <TableCell style={cell}>
              <Link href={reportHref(report.id)} data-testid="report-link">
                <Txt value={report.subject || t.noSubject} max={120} />
              </Link>
            </TableCell>
            <TableCell style={cell}>
              <AddressView value={report.from} nameMax={40} />
            </TableCell>
            <TableCell style={cell}>
              <Txt value={report.reporter.address} max={80} />
            </TableCell>
            <TableCell data-testid="disposition">
              <DispositionLabel disposition={report.disposition} t={t} />
            </TableCell>
            <TableCell style={cell}>
              <Link href={campaignHref(report.campaignId)} data-testid="campaign-link">
                <Txt value={t.work.campaignOf(report.campaign.title || report.campaignId.slice(0, 8), report.campaign.reportCount)} max={60} />
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A button that downloads an API file with the token and saves it (never navigates to it). */
export function DownloadButton({ api, path, name, label, t, testId }: { api: Api; path: string; name: string; label: string; t: Strings; testId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const click = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveFile(await api.download(path, name));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: '4px' }}>
      <Button onClick={click} disabled={busy} data-testid={testId}>
        {label}
      </Button>
      {error !== undefined && <ErrorBar error={error} t={t} title={t.downloadFailed} />}
    </span>
  );
}

// The report list: newest first, filters (verdict, disposition, campaign, reporter, search) kept in
// the hash so they survive reloads, paging with limit/offset, refresh (and every 30 s), bulk
// triage of ticked reports, and the service's warnings with a re-drive of failed webhook deliveries.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import { visible } from '../taskpane/visible';
import { defangText } from './defang';
import { DISPOSITIONS, VERDICTS, type Api, type CampaignSummary, type Disposition, type ReportQuery, type ServiceStatus, type VerdictLevel } from './api';
import { ErrorBar, Loading, RefreshControls, ReportTable, useLoad, useSelection, type PageProps } from './common';
import { DispositionButtons } from './ReportView';
import type { Language, Strings } from './strings';
import { formatDate, Txt } from './Text';
import { PAGE_SIZE, type Route } from './routing';

export function Inbox({ api, t, language, query, navigate }: PageProps & { query: ReportQuery; navigate: (route: Route) => void }) {
  const [reporter, setReporter] = useState(query.reporter ?? '');
  const [search, setSearch] = useState(query.q ?? '');
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  useEffect(() => {
    setReporter(query.reporter ?? '');
    setSearch(query.q ?? '');
  }, [query.reporter, query.q]);
  useEffect(() => {
    let live = true;
    api.listCampaigns({ limit: 200 }).then(
      (list) => live && setCampaigns(list.items),
      () => undefined, // The campaign filter then offers only the current value.
    );
    return () => {
      live = false;
    };
  }, [api]);

  const offset = query.offset ?? 0;
  const [result, retry, , refresh] = useLoad(() => api.listReports({ ...query, limit: PAGE_SIZE, offset }), JSON.stringify(query));
  const selection = useSelection();
  const [bulk, setBulk] = useState<{ busy: boolean; done?: { count: number; disposition: Disposition }; error?: unknown }>({ busy: false });
  const chosen = result.state === 'ready' ? result.data.items.filter((report) => selection.selected.has(report.id)).map((report) => report.id) : [];
  const triageSelected = async (disposition: Disposition) => {
    setBulk({ busy: true });
    try {
      const answer = await api.triageReports(chosen, { disposition });
      setBulk({ busy: false, done: { count: answer.updated, disposition } });
      selection.clear();
      refresh();
    } catch (error) {
      setBulk({ busy: false, error });
    }
  };
  const go = (change: Partial<ReportQuery>) => navigate({ kind: 'reports', query: { ...query, offset: undefined, ...change } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ reporter: reporter.trim() || undefined, q: search.trim() || undefined });
  };
  const campaignOptions = campaigns.some((c) => c.id === query.campaign) || !query.campaign ? campaigns : [{ id: query.campaign, title: query.campaign } as CampaignSummary, ...campaigns];

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'center', justifyContent: 'space-between', marginBottom: '12px' }}>
        <h1 style={{ fontSize: '24px', margin: 0 }}>{t.reportsTitle}</h1>
        <RefreshControls t={t} onRefresh={refresh} />
      </div>
      <ServiceWarnings api={api} t={t} language={language} />
      <form role="search" aria-label={t.filters} onSubmit={submit} style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end', marginBottom: '12px' }}>
        <Field label={t.verdict}>
          <Select
            data-testid="filter-verdict"
            value={query.analysis === 'incomplete' ? 'incomplete' : query.verdict ?? ''}
            onChange={(_, data) =>
              data.value === 'incomplete' ? go({ verdict: undefined, analysis: 'incomplete' }) : go({ analysis: undefined, verdict: (data.value || undefined) as VerdictLevel | undefined })
            }
          >
            <option value="">{t.any}</option>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {t.verdictNames[verdict]}
              </option>
            ))}
            <option value="incomplete">{t.work.notAnalysedFilter}</option>
          </Select>
        </Field>
        <Field label={t.disposition}>
          <Select data-testid="filter-disposition" value={query.disposition ?? ''} onChange={(_, data) => go({ disposition: (data.value || undefined) as Disposition | undefined })}>
            <option value="">{t.any}</option>
            {DISPOSITIONS.map((disposition) => (
              <option key={disposition} value={disposition}>
                {t.dispositionNames[disposition]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.campaign}>
          <Select data-testid="filter-campaign" value={query.campaign ?? ''} onChange={(_, data) => go({ campaign: data.value || undefined })} style={{ maxWidth: '22rem' }}>
            <option value="">{t.any}</option>
            {campaignOptions.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {`${visible(defangText(campaign.title.slice(0, 60))) || campaign.id.slice(0, 8)} (${campaign.reportCount ?? '?'})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.reporter}>
          <Input data-testid="filter-reporter" type="email" value={reporter} onChange={(_, data) => setReporter(data.value)} />
        </Field>
        <Field label={t.search} hint={t.searchHint}>
          <Input data-testid="filter-search" type="search" value={search} maxLength={200} onChange={(_, data) => setSearch(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" data-testid="filter-apply">
          {t.applyFilters}
        </Button>
        <Button type="button" onClick={() => navigate({ kind: 'reports', query: {} })} data-testid="filter-clear">
          {t.clearFilters}
        </Button>
      </form>
      {result.state === 'loading' && <Loading t={t} />}
      {result.state === 'error' && <ErrorBar error={result.error} t={t} onRetry={retry} />}
      {result.state === 'ready' && (
        <>
          {chosen.length > 0 && (
            <div role="region" aria-label={t.work.bulkLabel} data-testid="bulk-bar" style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'center', margin: '0 0 8px' }}>
              <strong data-testid="selected-count">{t.work.selected(chosen.length)}</strong>
              <DispositionButtons busy={bulk.busy} t={t} label={t.work.bulkLabel} onChoose={(disposition) => void triageSelected(disposition)} />
              <Button onClick={selection.clear}>{t.work.clearSelection}</Button>
            </div>
          )}
          <p role="status" aria-live="polite" data-testid="bulk-status" style={{ margin: 0 }}>
            {bulk.done ? t.work.bulkDone(bulk.done.count, t.dispositionNames[bulk.done.disposition]) : ''}
          </p>
          {bulk.error !== undefined && <ErrorBar error={bulk.error} t={t} />}
          {result.data.items.length === 0 ? (
            <p data-testid="inbox-empty">{t.noReports}</p>
          ) : (
            <ReportTable reports={result.data.items} t={t} language={language} testId="inbox" caption={t.reportsTitle} selection={selection} />
          )}
          <nav aria-label={t.pagingLabel} style={{ display: 'flex', gap: '12px', alignItems: 'center', marginTop: '12px' }}>
            <Button disabled={offset === 0} onClick={() => navigate({ kind: 'reports', query: { ...query, offset: Math.max(0, offset - PAGE_SIZE) || undefined } })} data-testid="page-previous">
              {t.previousPage}
            </Button>
            <span data-testid="page-info" aria-live="polite">
              {result.data.total === 0 ? '' : t.pageInfo(offset + 1, offset + result.data.items.length, result.data.total)}
            </span>
            <Button disabled={offset + result.data.items.length >= result.data.total} onClick={() => navigate({ kind: 'reports', query: { ...query, offset: offset + PAGE_SIZE } })} data-testid="page-next">
              {t.nextPage}
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

/** The service's warnings in the reader's language; a service that sends no codes is shown in its English. */
export function warningTexts(status: ServiceStatus, t: Strings, language: Language): string[] {
  if (!status.warningDetails) return status.warnings;
  return status.warningDetails.map(({ code, params, message }) => {
    const words = t.serviceWarnings[code];
    if (!words) return message;
    return words(typeof params.at === 'string' ? { ...params, at: formatDate(params.at, language) } : params);
  });
}

/** What /api/status warns about (storage, disk, failed deliveries, analyses over budget), with the re-drive. */
function ServiceWarnings({ api, t, language }: { api: Api; t: Strings; language: Language }) {
  const [status, setStatus] = useState<ServiceStatus>();
  const [redriven, setRedriven] = useState<number>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    api.status().then(
      (answer) => live && setStatus(answer),
      () => undefined, // Warnings are extra; the list shows its own errors.
    );
    return () => {
      live = false;
    };
  }, [api, redriven]);
  if (!status || (status.warnings.length === 0 && redriven === undefined)) return null;
  const failed = status.webhook?.failed ?? 0;
  const redrive = async () => {
    setError(undefined);
    try {
      setRedriven((await api.redriveWebhook()).redriven);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <MessageBar intent="warning" data-testid="service-warnings" style={{ marginBottom: '12px' }}>
      <MessageBarBody>
        <MessageBarTitle>{t.work.statusTitle}</MessageBarTitle>
        <ul style={{ margin: '4px 0' }}>
          {warningTexts(status, t, language).slice(0, 10).map((warning, index) => (
            <li key={index} data-testid="service-warning">
              <Txt value={warning} max={1000} />
            </li>
          ))}
        </ul>
        {failed > 0 && (
          <Button size="small" onClick={() => void redrive()} data-testid="redrive">
            {t.work.redrive}
          </Button>
        )}{' '}
        <span role="status" data-testid="redrive-status">
          {redriven !== undefined ? t.work.redriven(redriven) : ''}
        </span>
        {error !== undefined && <ErrorBar error={error} t={t} />}
      </MessageBarBody>
    </MessageBar>
  );
}

// The report list: newest first, filters (verdict, disposition, campaign, reporter, search) kept in
// the hash so they survive reloads, and paging with limit/offset.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { visible } from '../taskpane/visible';
import { defangText } from './defang';
import { DISPOSITIONS, VERDICTS, type CampaignSummary, type Disposition, type ReportQuery, type VerdictLevel } from './api';
import { ErrorBar, Loading, ReportTable, useLoad, type PageProps } from './common';
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
  const [result, retry] = useLoad(() => api.listReports({ ...query, limit: PAGE_SIZE, offset }), JSON.stringify(query));
  const go = (change: Partial<ReportQuery>) => navigate({ kind: 'reports', query: { ...query, offset: undefined, ...change } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ reporter: reporter.trim() || undefined, q: search.trim() || undefined });
  };
  const campaignOptions = campaigns.some((c) => c.id === query.campaign) || !query.campaign ? campaigns : [{ id: query.campaign, title: query.campaign } as CampaignSummary, ...campaigns];

  return (
    <>
      <h1 style={{ fontSize: '24px', margin: '0 0 12px' }}>{t.reportsTitle}</h1>
      <form role="search" aria-label={t.filters} onSubmit={submit} style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end', marginBottom: '12px' }}>
        <Field label={t.verdict}>
          <Select data-testid="filter-verdict" value={query.verdict ?? ''} onChange={(_, data) => go({ verdict: (data.value || undefined) as VerdictLevel | undefined })}>
            <option value="">{t.any}</option>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {t.verdictNames[verdict]}
              </option>
            ))}
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
          {result.data.items.length === 0 ? (
            <p data-testid="inbox-empty">{t.noReports}</p>
          ) : (
            <ReportTable reports={result.data.items} t={t} language={language} testId="inbox" caption={t.reportsTitle} />
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

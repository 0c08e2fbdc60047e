// Campaigns: the list (most recently reported first) and one campaign's page with its counts, why
// its reports are grouped, merges waiting for a decision, indicators, reports (some can be split
// off), a disposition for all its reports at once, removal from mailboxes (Remediation.tsx), and STIX / CSV exports.
import { useRef, useState, type ReactNode } from 'react';
import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { visible } from '../taskpane/visible';
import { downloads, type Api, type CampaignDetail, type CampaignEvent, type Disposition } from './api';
import { Confirmation } from './components/Confirmation';
import { Facts } from './components/tables';
import { DownloadButton, ErrorBar, Loading, RefreshControls, ReportTable, TOP_BAR, Section, useLoad, useSelection, VerdictLabel, type PageProps } from './common';
import { defangAddress, defangIndicator } from './defang';
import { CampaignRemediation, type RemediationAccess } from './Remediation';
import { DispositionButtons, HEADING, IndicatorTable } from './ReportView';
import { campaignHref, formatRoute, PAGE_SIZE, type Route } from './routing';
import type { Strings } from './strings';
import { formatDate, Txt } from './Text';

function dispositionSummary(dispositions: Record<string, number>, t: Strings): string {
  return Object.entries(dispositions)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${t.dispositionNames[name as Disposition] ?? visible(name)} ${count}`)
    .join(', ');
}

export function CampaignList({ api, t, language, offset, navigate }: PageProps & { offset: number; navigate: (route: Route) => void }) {
  const [result, retry] = useLoad(() => api.listCampaigns({ limit: PAGE_SIZE, offset }), String(offset));
  return (
    <>
      <h1 style={{ fontSize: '24px', margin: '0 0 12px' }}>{t.campaignsTitle}</h1>
      {result.state === 'loading' && <Loading t={t} />}
      {result.state === 'error' && <ErrorBar error={result.error} t={t} onRetry={retry} />}
      {result.state === 'ready' && result.data.items.length === 0 && <p>{t.noCampaigns}</p>}
      {result.state === 'ready' && result.data.items.length > 0 && (
        <>
          <Table size="small" aria-label={t.campaignsTitle} data-testid="campaigns">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.campaignTitle}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.verdict}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.reportsCount}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.senders}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.firstSeen}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.lastSeen}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.dispositions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.data.items.map((campaign) => (
                <TableRow key={campaign.id} data-testid="campaign-row" data-campaign-id={campaign.id}>
                  <TableCell style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
                    <Link href={campaignHref(campaign.id)}>
                      <Txt value={campaign.title || campaign.id} max={120} />
                    </Link>
                    {campaign.pendingMerges > 0 && (
                      <span data-testid="pending-merges" style={{ marginLeft: '8px', fontWeight: 600 }}>
                        {t.work.pendingMerges(campaign.pendingMerges)}
                      </span>
                    )}
                  </TableCell>
                  <TableCell>
                    <VerdictLabel verdict={campaign.verdict} t={t} />
                  </TableCell>
                  <TableCell>{campaign.reportCount}</TableCell>
                  <TableCell>
                    <Txt value={campaign.senders.slice(0, 3).map(defangAddress).join(', ') + (campaign.senders.length > 3 ? ` (+${campaign.senders.length - 3})` : '')} max={160} />
                  </TableCell>
                  <TableCell>{formatDate(campaign.firstSeen, language)}</TableCell>
                  <TableCell>{formatDate(campaign.lastSeen, language)}</TableCell>
                  <TableCell>{dispositionSummary(campaign.dispositions, t)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <nav aria-label={t.pagingLabel} style={{ display: 'flex', gap: '12px', alignItems: 'center', marginTop: '12px' }}>
            <Button disabled={offset === 0} onClick={() => navigate({ kind: 'campaigns', offset: Math.max(0, offset - PAGE_SIZE) })}>
              {t.previousPage}
            </Button>
            <span>{t.pageInfo(offset + 1, offset + result.data.items.length, result.data.total)}</span>
            <Button disabled={offset + result.data.items.length >= result.data.total} onClick={() => navigate({ kind: 'campaigns', offset: offset + PAGE_SIZE })}>
              {t.nextPage}
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

/** Distinct reporter addresses among the listed reports (case-insensitive). */
export function reporterCount(campaign: CampaignDetail): number {
  return new Set(campaign.reports.map((report) => report.reporter.address.trim().toLowerCase())).size;
}

/** Why the reports are together: each key two or more of them share, in words, with its value. */
function GroupingReasons({ campaign, t }: { campaign: CampaignDetail; t: Strings }) {
  if (campaign.grouping.length === 0) return <p>{t.work.groupingNone}</p>;
  return (
    <ul data-testid="grouping-reasons" style={{ paddingLeft: '20px', margin: 0 }}>
      {campaign.grouping.map((reason, index) => (
        <li key={index} data-kind={reason.kind} style={{ marginBottom: '6px' }}>
          {t.work.groupingReason(t.work.groupingKinds[reason.kind as keyof typeof t.work.groupingKinds], reason.reportCount)}{' '}
          <code style={{ overflowWrap: 'anywhere' }}>
            <Txt value={reason.kind === 'url' ? defangIndicator('url', reason.label) : reason.label} max={300} />
          </code>
        </li>
      ))}
    </ul>
  );
}

function eventText(event: CampaignEvent, t: Strings): string {
  const other = event.otherTitle || event.otherCampaignId?.slice(0, 8) || '?';
  if (event.kind === 'merged') return t.work.eventMerged(other);
  if (event.kind === 'split') return t.work.eventSplit(other);
  return t.work.eventProposed(other);
}

/** Merges, proposed merges (with the decision buttons) and splits, newest first. */
function CampaignHistory({ campaign, api, t, onChanged }: { campaign: CampaignDetail; api: Api; t: Strings; onChanged: () => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (campaign.events.length === 0) return null;
  const decide = async (action: 'merge' | 'apart', other: string) => {
    setBusy(true);
    setError(undefined);
    try {
      if (action === 'merge') await api.mergeCampaign(campaign.id, other);
      else await api.keepCampaignsApart(campaign.id, other);
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t.work.historyTitle} testId="campaign-history">
      <ul style={{ paddingLeft: '20px', margin: 0 }}>
        {campaign.events.map((event, index) => (
          <li key={index} data-kind={event.kind} data-state={event.state} style={{ marginBottom: '8px' }}>
            <Txt value={eventText(event, t)} max={400} />
            {event.keys.length > 0 && (
              <>
                {' — '}
                {t.work.eventBecause}{' '}
                <Txt value={event.keys.map((key) => `${t.work.groupingKinds[key.kind as keyof typeof t.work.groupingKinds]} ${key.kind === 'url' ? defangIndicator('url', key.label) : key.label}`).join('; ')} max={400} />
              </>
            )}
            {event.state && ` (${t.work.proposalState[event.state]})`}
            {event.kind === 'merge-proposed' && event.state === 'pending' && event.otherCampaignId && (
              <span style={{ display: 'inline-flex', gap: '8px', marginLeft: '8px' }}>
                <Button size="small" appearance="primary" disabled={busy} data-testid="merge-accept" onClick={() => void decide('merge', event.otherCampaignId!)}>
                  {t.work.mergeNow}
                </Button>
                <Button size="small" disabled={busy} data-testid="merge-dismiss" onClick={() => void decide('apart', event.otherCampaignId!)}>
                  {t.work.keepApart}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {error !== undefined && <ErrorBar error={error} t={t} />}
    </Section>
  );
}

export function CampaignPage({ api, t, language, id, navigate, remediation }: PageProps & { id: string; navigate: (route: Route) => void; remediation: RemediationAccess | undefined }) {
  const [result, retry, , refresh] = useLoad(() => api.getCampaign(id), id);
  const selection = useSelection();
  const [split, setSplit] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'updated'; count: number } | { kind: 'error'; error: unknown }>();
  // One click overwrites every report of the campaign: the chosen disposition waits here until confirmed.
  const [pending, setPending] = useState<Disposition>();
  const buttons = useRef<HTMLDivElement>(null);

  if (result.state === 'loading') return <Loading t={t} />;
  if (result.state === 'error') return <ErrorBar error={result.error} t={t} onRetry={retry} />;
  const campaign = result.data;
  const chosen = campaign.reports.filter((report) => selection.selected.has(report.id)).map((report) => report.id);
  const splitOff = async () => {
    setSplit({ busy: true });
    try {
      const answer = await api.splitCampaign(campaign.id, chosen);
      selection.clear();
      setSplit({ busy: false });
      if (answer.campaignId) navigate({ kind: 'campaign', id: answer.campaignId });
    } catch (error) {
      setSplit({ busy: false, error });
    }
  };
  const ask = (disposition: Disposition) => {
    setOutcome(undefined);
    setPending(disposition);
  };
  const cancel = () => {
    const disposition = pending;
    setPending(undefined);
    // Back to the button that asked, so keyboard users continue where they were.
    buttons.current?.querySelector<HTMLButtonElement>(`[data-testid="disposition-${disposition}"]`)?.focus();
  };
  const choose = async (disposition: Disposition) => {
    setPending(undefined);
    setBusy(true);
    setOutcome(undefined);
    try {
      const answer = await api.triageCampaign(campaign.id, { disposition });
      setOutcome({ kind: 'updated', count: answer.updated });
      retry();
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };
  const facts: [string, ReactNode][] = [
    [t.verdict, <VerdictLabel verdict={campaign.verdict} t={t} />],
    [t.reportsCount, <span data-testid="report-count">{campaign.reportCount}</span>],
    [t.reporters, <span data-testid="reporter-count">{reporterCount(campaign)}</span>],
    [t.firstSeen, formatDate(campaign.firstSeen, language)],
    [t.lastSeen, formatDate(campaign.lastSeen, language)],
    [t.senders, <Txt value={campaign.senders.slice(0, 20).map(defangAddress).join(', ')} max={1000} />],
    [t.indicatorCount, String(campaign.indicatorCount)],
    [t.dispositions, dispositionSummary(campaign.dispositions, t)],
  ];
  return (
    <article data-testid="campaign-detail" data-campaign-id={campaign.id}>
      <div style={TOP_BAR}>
        <Link href={formatRoute({ kind: 'campaigns', offset: 0 })}>{t.campaignsTitle}</Link>
        <RefreshControls t={t} onRefresh={refresh} />
      </div>
      <h1 style={HEADING} data-testid="campaign-title">
        <Txt value={campaign.title || campaign.id} max={300} />
      </h1>
      <Facts items={facts} />
      <Section title={t.work.groupingTitle} testId="grouping">
        <GroupingReasons campaign={campaign} t={t} />
      </Section>
      <CampaignHistory campaign={campaign} api={api} t={t} onChanged={refresh} />
      <Section title={t.campaignDisposition}>
        <p style={{ margin: '0 0 8px' }}>{t.campaignDispositionHint}</p>
        <div ref={buttons}>
          <DispositionButtons busy={busy} t={t} label={t.campaignDisposition} onChoose={ask} />
        </div>
        {pending && (
          <Confirmation question={t.campaignConfirm(campaign.reportCount, t.dispositionNames[pending])} cancelLabel={t.cancel} onCancel={cancel} testId="campaign-confirm">
            <Button appearance="primary" data-testid="campaign-confirm-yes" disabled={busy} onClick={() => void choose(pending)}>
              {t.confirm}
            </Button>
          </Confirmation>
        )}
        <p role="status" aria-live="polite" data-testid="campaign-triage-status">
          {outcome?.kind === 'updated' ? t.campaignUpdated(outcome.count) : ''}
        </p>
        {outcome?.kind === 'error' && <ErrorBar error={outcome.error} t={t} />}
      </Section>
      <CampaignRemediation api={api} t={t} language={language} campaignId={campaign.id} access={remediation} navigate={navigate} />
      <Section title={t.exports}>
        <div style={{ display: 'flex', gap: '12px', flexWrap: 'wrap' }}>
          <DownloadButton api={api} {...downloads.stix(campaign.id)} label={t.downloadStix} t={t} testId="download-stix" />
          <DownloadButton api={api} {...downloads.csv(campaign.id)} label={t.downloadCsv} t={t} testId="download-csv" />
        </div>
      </Section>
      <Section title={t.indicators}>
        <IndicatorTable indicators={campaign.indicators} t={t} language={language} withOccurrences />
      </Section>
      <Section title={t.campaignReports}>
        {campaign.reports.length < campaign.reportCount && <p>{t.campaignReportsCapped(campaign.reports.length, campaign.reportCount)}</p>}
        <p>
          <Link href={formatRoute({ kind: 'reports', query: { campaign: campaign.id } })}>{t.viewInInbox}</Link>
        </p>
        {chosen.length > 0 && (
          <p style={{ display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' }}>
            <strong>{t.work.selected(chosen.length)}</strong>
            <Button data-testid="split-selected" disabled={split.busy || chosen.length >= campaign.reportCount} onClick={() => void splitOff()}>
              {t.work.splitSelected}
            </Button>
          </p>
        )}
        {split.error !== undefined && <ErrorBar error={split.error} t={t} />}
        <ReportTable reports={campaign.reports} t={t} language={language} testId="campaign-reports" caption={t.campaignReports} selection={selection} />
      </Section>
    </article>
  );
}

// Removing a campaign's message from mailboxes (the service's remediation API, Microsoft Graph):
// on the campaign page, the runs so far and the dry-run search; on a run's page, every copy found
// per mailbox with its state, then the move after the analyst typed the count shown (the service
// moves only if it is still the count found), and the undo. Viewers read; analysts and admins act,
// as the service decides. Subjects come from the mailboxes (hostile): they reach the screen through Txt.
import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';
import { ApiError, roleIncludes, type Me, type RemediationDestination, type RemediationDetail, type RemediationSummary } from './api';
import { Confirmation } from './components/Confirmation';
import { ColumnHeaders, Facts } from './components/tables';
import { errorText, Loading, RefreshControls, Section, TOP_BAR, useLoad, type PageProps } from './common';
import { HEADING } from './ReportView';
import { campaignHref, remediationHref, type Route } from './routing';
import type { Strings } from './strings';
import type { RemediationProblem } from './strings/remediation';
import { formatDate, Txt } from './Text';

/** Who is asking, as /api/me says: whether the service can remediate, and whether this role may act. */
export interface RemediationAccess {
  configured: boolean;
  canAct: boolean;
}

/** Undefined until /api/me has answered: the page then offers nothing rather than the wrong thing. */
export function remediationAccess(me: Me | undefined): RemediationAccess | undefined {
  return me?.signedIn ? { configured: me.remediation, canAct: roleIncludes(me.role, 'analyst') } : undefined;
}

const DESTINATIONS: readonly RemediationDestination[] = ['junkemail', 'deleteditems'];

/** A remediation failure in the analyst's language: the service's codes mapped, Graph's own words kept as detail. */
function RemediationError({ error, t }: { error: unknown; t: Strings }) {
  let problem: RemediationProblem | undefined;
  let detail: string | undefined;
  if (error instanceof ApiError) {
    if (error.code === 'not_configured' || error.code === 'count_changed' || error.code === 'conflict') problem = error.code;
    else if (error.code === 'graph') {
      problem = 'graph';
      detail = error.message;
    } else if (error.status === 403) problem = 'forbidden';
  }
  return (
    <MessageBar intent="error" role="alert" data-testid="remediation-error" data-code={error instanceof ApiError ? error.code : undefined}>
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle> {problem ? t.remediation.problems[problem] : <Txt value={errorText(error, t)} max={1000} />}
        {detail && (
          <>
            {' '}
            <Txt value={detail} max={1000} />
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The campaign page's section: runs so far, and the dry-run search for those who may act. */
export function CampaignRemediation({ api, t, language, campaignId, access, navigate }: PageProps & { campaignId: string; access: RemediationAccess | undefined; navigate: (route: Route) => void }) {
  const configured = access?.configured ?? false;
  const [runs, retry] = useLoad(() => (configured ? api.listRemediations(campaignId) : Promise.resolve({ items: [] })), `${campaignId}/${configured}`);
  const [senderAndSubject, setSenderAndSubject] = useState(false);
  const [search, setSearch] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const start = async () => {
    setSearch({ busy: true });
    try {
      const run = await api.searchMailboxes(campaignId, { senderAndSubject });
      setSearch({ busy: false });
      navigate({ kind: 'remediation', id: run.id });
    } catch (error) {
      setSearch({ busy: false, error });
    }
  };
  return (
    <Section title={t.remediation.title} testId="remediation">
      <p style={{ margin: '0 0 8px' }}>{t.remediation.intro}</p>
      {!access ? (
        <Loading t={t} />
      ) : !access.configured ? (
        <p data-testid="remediation-not-configured">{t.remediation.notConfigured}</p>
      ) : (
        <>
          {access.canAct ? (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'center', marginBottom: '8px' }}>
              <Checkbox checked={senderAndSubject} onChange={(_, data) => setSenderAndSubject(Boolean(data.checked))} label={t.remediation.senderAndSubject} data-testid="remediation-sender-subject" />
              <Button appearance="primary" disabled={search.busy} onClick={() => void start()} data-testid="remediation-search">
                {search.busy ? t.remediation.searching : t.remediation.search}
              </Button>
            </div>
          ) : (
            <p data-testid="remediation-viewer">{t.remediation.viewerNote}</p>
          )}
          <p role="status" aria-live="polite" style={{ margin: 0 }}>
            {search.busy ? t.remediation.searching : ''}
          </p>
          {search.error !== undefined && <RemediationError error={search.error} t={t} />}
          {runs.state === 'loading' && <Loading t={t} />}
          {runs.state === 'error' && <RemediationError error={runs.error} t={t} />}
          {runs.state === 'error' && (
            <Button size="small" onClick={retry}>
              {t.retry}
            </Button>
          )}
          {runs.state === 'ready' && <RunTable runs={runs.data.items} t={t} language={language} />}
        </>
      )}
    </Section>
  );
}

function RunTable({ runs, t, language }: { runs: RemediationSummary[]; t: Strings; language: PageProps['language'] }) {
  if (runs.length === 0) return <p data-testid="remediation-no-runs">{t.remediation.noRuns}</p>;
  return (
    <Table size="small" aria-label={t.remediation.runs} data-testid="remediation-runs">
      <ColumnHeaders names={[t.remediation.started, t.remediation.by, t.remediation.state, t.remediation.mailboxesSearched, t.remediation.counts]} />
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} data-testid="remediation-run" data-state={run.state}>
            <TableCell>
              <Link href={remediationHref(run.id)} data-testid="remediation-run-link">
                {formatDate(run.createdAt, language)}
              </Link>
            </TableCell>
            <TableCell>
              <Txt value={run.actor} max={100} />
            </TableCell>
            <TableCell>{stateText(run, t)}</TableCell>
            <TableCell>{run.mailboxesSearched}</TableCell>
            <TableCell>{t.remediation.countsText(run.counts)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One run: what was found in which mailbox, and the move or undo the role allows. */
export function RemediationPage({ api, t, language, id, access }: PageProps & { id: string; access: RemediationAccess | undefined }) {
  const [result, retry, replace, refresh] = useLoad(() => api.getRemediation(id), id);
  if (result.state === 'loading') return <Loading t={t} />;
  if (result.state === 'error') {
    return (
      <>
        <RemediationError error={result.error} t={t} />
        <Button size="small" onClick={retry}>
          {t.retry}
        </Button>
      </>
    );
  }
  const run = result.data;
  // Where the copies the Move would take are: after an interrupted move, only some mailboxes still hold one.
  const mailboxes = new Set(run.messages.filter((message) => message.state === 'found').map((message) => message.mailbox.toLowerCase())).size;
  const facts: [string, ReactNode][] = [
    [t.remediation.state, <span data-testid="remediation-state">{stateText(run, t)}</span>],
    [t.remediation.started, formatDate(run.createdAt, language)],
    [t.remediation.by, <Txt value={run.actor} max={200} />],
    [t.remediation.mailboxesSearched, String(run.mailboxesSearched)],
    [t.remediation.counts, <span data-testid="remediation-counts">{t.remediation.countsText(run.counts)}</span>],
  ];
  if (run.destination) facts.push([t.remediation.destination, t.remediation.destinations[run.destination]]);
  return (
    <article data-testid="remediation-detail" data-remediation-id={run.id}>
      <div style={TOP_BAR}>
        <Link href={campaignHref(run.campaignId)} data-testid="remediation-campaign">
          {t.remediation.backToCampaign}
        </Link>
        <RefreshControls t={t} onRefresh={refresh} />
      </div>
      <h1 style={HEADING}>{t.remediation.pageTitle}</h1>
      <Facts items={facts} />
      {run.unsearchedCount > 0 && (
        <MessageBar intent="warning" data-testid="remediation-unsearched" style={{ marginTop: '12px' }}>
          <MessageBarBody>
            {t.remediation.unsearched(run.unsearchedCount)}{' '}
            <Txt value={run.unsearched.map((entry) => `${entry.mailbox} (${entry.error})`).join(', ')} max={1000} />
          </MessageBarBody>
        </MessageBar>
      )}
      {run.truncated && (
        <MessageBar intent="warning" data-testid="remediation-truncated" style={{ marginTop: '12px' }}>
          <MessageBarBody>{t.remediation.truncated}</MessageBarBody>
        </MessageBar>
      )}
      {run.interrupted && (
        <MessageBar intent="warning" data-testid="remediation-interrupted" style={{ marginTop: '12px' }}>
          <MessageBarBody>{t.remediation.interruptedHint}</MessageBarBody>
        </MessageBar>
      )}
      {access?.canAct && <RunActions api={api} t={t} run={run} mailboxes={mailboxes} onChanged={replace} onStale={refresh} />}
      {access && !access.canAct && <p data-testid="remediation-viewer">{t.remediation.viewerNote}</p>}
      {run.state === 'undone' && <p data-testid="remediation-undone">{t.remediation.undoneNote}</p>}
      <Section title={t.remediation.copiesTitle}>
        {run.messages.length === 0 ? <p data-testid="remediation-nothing">{t.remediation.nothingFound}</p> : <CopyTable run={run} t={t} language={language} />}
      </Section>
    </article>
  );
}

function CopyTable({ run, t, language }: { run: RemediationDetail; t: Strings; language: PageProps['language'] }) {
  const cell = { overflowWrap: 'anywhere', whiteSpace: 'normal', wordBreak: 'break-word' } as const;
  return (
    <Table size="small" aria-label={t.remediation.copiesTitle} data-testid="remediation-copies">
      <ColumnHeaders names={[t.remediation.mailbox, t.remediation.subject, t.remediation.received, t.remediation.messageState, t.remediation.error]} />
      <TableBody>
        {run.messages.map((message, index) => (
          <TableRow key={index} data-testid="remediation-copy" data-state={message.state} data-mailbox={message.mailbox}>
            <TableCell style={cell}>
              <Txt value={message.mailbox} max={120} />
            </TableCell>
            <TableCell style={cell}>
              <Txt value={message.subject || t.noSubject} max={160} />
            </TableCell>
            <TableCell>{message.receivedAt ? formatDate(message.receivedAt, language) : '—'}</TableCell>
            <TableCell>{t.remediation.messageStates[message.state]}</TableCell>
            <TableCell style={cell}>
              <Txt value={message.error ?? ''} max={200} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function stateText(run: RemediationSummary, t: Strings): string {
  return run.interrupted ? t.remediation.interrupted : t.remediation.states[run.state];
}

function RunActions({ api, t, run, mailboxes, onChanged, onStale }: { api: PageProps['api']; t: Strings; run: RemediationDetail; mailboxes: number; onChanged: (run: RemediationDetail) => void; onStale: () => void }) {
  const [destination, setDestination] = useState<RemediationDestination>('junkemail');
  const [asking, setAsking] = useState<'move' | 'undo'>();
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: unknown; outcome?: string }>({ busy: false });
  const found = run.counts.found;
  const moved = run.counts.moved;
  // An interrupted move is finished to the folder it started with; anything interrupted can be moved back.
  const finishing = run.interrupted && run.state === 'moving' ? run.destination : undefined;
  const target = finishing ?? destination;
  const cancel = () => {
    setAsking(undefined);
    setTyped('');
  };
  const act = async (work: () => Promise<RemediationDetail>, outcome: (next: RemediationDetail) => string) => {
    setAsking(undefined);
    setTyped('');
    setState({ busy: true });
    try {
      const next = await work();
      onChanged(next);
      setState({ busy: false, outcome: outcome(next) });
    } catch (error) {
      setState({ busy: false, error });
      // Someone else acted meanwhile, or the count changed: show the run as it is now.
      if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'count_changed')) onStale();
    }
  };
  const typedCount = /^\s*[0-9]{1,7}\s*$/.test(typed) ? Number(typed) : undefined;
  return (
    <>
      {(run.state === 'searched' || finishing) && found > 0 && (
        <Section title={t.remediation.destination} testId="remediation-move">
          <RadioGroup value={target} disabled={finishing !== undefined} onChange={(_, data) => setDestination(data.value as RemediationDestination)} layout="horizontal" aria-label={t.remediation.destination} data-testid="remediation-destination">
            {DESTINATIONS.map((value) => (
              <Radio key={value} value={value} label={t.remediation.destinations[value]} data-testid={`remediation-destination-${value}`} />
            ))}
          </RadioGroup>
          <Button appearance="primary" disabled={state.busy || asking !== undefined} onClick={() => setAsking('move')} data-testid="remediation-move-ask" style={{ marginTop: '8px' }}>
            {state.busy ? t.remediation.moving : t.remediation.move(found)}
          </Button>
          {asking === 'move' && (
            <Confirmation question={t.remediation.confirmMove(found, mailboxes, t.remediation.destinations[target])} cancelLabel={t.cancel} onCancel={cancel} testId="remediation-confirm-move">
              <Field label={t.remediation.typeCount(found)}>
                <Input data-testid="remediation-confirm-count" inputMode="numeric" autoComplete="off" value={typed} onChange={(_, data) => setTyped(data.value)} />
              </Field>
              <Button
                appearance="primary"
                data-testid="remediation-confirm-yes"
                // The typed number is what the service checks against the count found (expectedCount).
                disabled={typedCount === undefined}
                onClick={() => typedCount !== undefined && void act(() => api.moveMessages(run.id, target, typedCount), (next) => t.remediation.movedResult(next.counts.moved, next.counts.failed))}
              >
                {t.confirm}
              </Button>
            </Confirmation>
          )}
        </Section>
      )}
      {(run.state === 'moved' || run.interrupted) && moved > 0 && (
        <Section title={t.remediation.undoTitle} testId="remediation-undo">
          <p style={{ margin: '0 0 8px' }}>{t.remediation.undoHint}</p>
          <Button disabled={state.busy || asking !== undefined} onClick={() => setAsking('undo')} data-testid="remediation-undo-ask">
            {state.busy ? t.remediation.undoing : t.remediation.undo}
          </Button>
          {asking === 'undo' && (
            <Confirmation question={t.remediation.confirmUndo(moved)} cancelLabel={t.cancel} onCancel={cancel} testId="remediation-confirm-undo">
              <Button appearance="primary" data-testid="remediation-confirm-yes" onClick={() => void act(() => api.undoRemediation(run.id), (next) => t.remediation.undoneResult(next.counts.restored, next.counts.moved))}>
                {t.confirm}
              </Button>
            </Confirmation>
          )}
        </Section>
      )}
      <p role="status" aria-live="polite" data-testid="remediation-status">
        {state.outcome ?? ''}
      </p>
      {state.error !== undefined && <RemediationError error={state.error} t={t} />}
    </>
  );
}

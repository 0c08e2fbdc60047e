// The audit log for administrators: newest first, filtered by who, what and when (kept in the hash,
// so a filtered view can be bookmarked), paged with the service's cursor, exported whole. Every value
// in an entry came from a request, and a triage note or a subject can hold anything: all of it
// reaches the screen through Txt, as text.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Link, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableRow, tokens } from '@fluentui/react-components';
import { ApiError, downloads, type AuditAction, type AuditEntry, type AuditQuery } from './api';
import { ColumnHeaders } from './components/tables';
import { DownloadButton, ErrorBar, Loading, useLoad, type PageProps } from './common';
import { campaignHref, remediationHref, reportHref, type Route } from './routing';
import type { Strings } from './strings';
import type { ActorKind } from './strings/audit';
import { formatDate, Txt } from './Text';

/** Entries per page (the service allows up to 500). */
export const AUDIT_PAGE_SIZE = 50;
/** Characters of an entry's change shown in the table; the whole is in the export. */
const CHANGE_SHOWN = 400;

/** An ISO time from the service -> the value of a datetime-local input (the browser's local time). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  const local = new Date(time.getTime() - time.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value (local time, no zone) -> the ISO time the service filters by; undefined when empty or not a time. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** What changed, as one line of text: `field: value` pairs, strings quoted as JSON would. */
export function changeText(change: unknown): string {
  if (change === null || change === undefined) return '';
  if (typeof change !== 'object' || Array.isArray(change)) return JSON.stringify(change) ?? '';
  return Object.entries(change as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('; ');
}

function actionName(action: string, t: Strings): string {
  return (t.audit.actionNames as Record<string, string>)[action] ?? action;
}

/** A link to the report, campaign or run an entry is about; other targets as text. */
function TargetView({ entry, t }: { entry: AuditEntry; t: Strings }) {
  const type = entry.targetType;
  const label = type ? ((t.audit.targetTypes as Record<string, string>)[type] ?? type) : '';
  const id = entry.targetId;
  if (!id) return <>{label}</>;
  const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const href = ID.test(id) ? (type === 'report' ? reportHref(id) : type === 'campaign' ? campaignHref(id) : type === 'remediation' ? remediationHref(id) : undefined) : undefined;
  return (
    <>
      {label}{' '}
      {href ? (
        <Link href={href} data-testid="audit-target-link">
          <Txt value={id.slice(0, 8)} max={8} />
        </Link>
      ) : (
        <Txt value={id} max={80} />
      )}
    </>
  );
}

export function AuditLog({ api, t, language, query, navigate }: PageProps & { query: AuditQuery; navigate: (route: Route) => void }) {
  const [actor, setActor] = useState(query.actor ?? '');
  const [since, setSince] = useState(toLocalInput(query.since));
  const [until, setUntil] = useState(toLocalInput(query.until));
  // The cursors of the pages before this one, so "Newer" goes back without asking the service.
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  useEffect(() => {
    setActor(query.actor ?? '');
    setSince(toLocalInput(query.since));
    setUntil(toLocalInput(query.until));
  }, [query.actor, query.since, query.until]);
  const [result, retry] = useLoad(() => api.listAudit({ ...query, limit: AUDIT_PAGE_SIZE }), JSON.stringify(query));

  const go = (change: Partial<AuditQuery>) => {
    setPrevious([]);
    navigate({ kind: 'audit', query: { ...query, before: undefined, ...change } });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ actor: actor.trim() || undefined, since: fromLocalInput(since), until: fromLocalInput(until) });
  };
  const older = (next: string) => {
    setPrevious((stack) => [...stack, query.before]);
    navigate({ kind: 'audit', query: { ...query, before: next } });
  };
  const newer = () => {
    const before = previous[previous.length - 1];
    setPrevious((stack) => stack.slice(0, -1));
    navigate({ kind: 'audit', query: { ...query, before } });
  };

  const forbidden = result.state === 'error' && result.error instanceof ApiError && result.error.status === 403;
  return (
    <>
      <h1 style={{ fontSize: '24px', margin: '0 0 8px' }}>{t.audit.title}</h1>
      <p style={{ margin: '0 0 12px' }}>{t.audit.intro}</p>
      {forbidden ? (
        <MessageBar intent="warning" data-testid="audit-forbidden">
          <MessageBarBody>{t.audit.adminOnly}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <form role="search" aria-label={t.filters} onSubmit={submit} style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end', marginBottom: '12px' }}>
            <Field label={t.audit.actor} hint={t.audit.actorHint}>
              <Input data-testid="audit-actor" value={actor} maxLength={320} onChange={(_, data) => setActor(data.value)} />
            </Field>
            <Field label={t.audit.action}>
              <Select data-testid="audit-action" value={query.action ?? ''} onChange={(_, data) => go({ action: data.value || undefined })}>
                <option value="">{t.any}</option>
                {(Object.keys(t.audit.actionNames) as AuditAction[]).map((action) => (
                  <option key={action} value={action}>
                    {t.audit.actionNames[action]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.audit.since} hint={t.audit.timeHint}>
              <Input data-testid="audit-since" type="datetime-local" value={since} onChange={(_, data) => setSince(data.value)} />
            </Field>
            <Field label={t.audit.until} hint={t.audit.timeHint}>
              <Input data-testid="audit-until" type="datetime-local" value={until} onChange={(_, data) => setUntil(data.value)} />
            </Field>
            <Button type="submit" appearance="primary" data-testid="audit-apply">
              {t.applyFilters}
            </Button>
            <Button
              type="button"
              data-testid="audit-clear"
              onClick={() => {
                setPrevious([]);
                navigate({ kind: 'audit', query: {} });
              }}
            >
              {t.clearFilters}
            </Button>
          </form>
          <div style={{ display: 'flex', gap: '12px', flexWrap: 'wrap', marginBottom: '12px' }}>
            <DownloadButton api={api} {...downloads.audit('csv')} label={t.audit.exportCsv} t={t} testId="audit-export-csv" />
            <DownloadButton api={api} {...downloads.audit('json')} label={t.audit.exportJson} t={t} testId="audit-export-json" />
          </div>
        </>
      )}
      {result.state === 'loading' && <Loading t={t} />}
      {result.state === 'error' && !forbidden && <ErrorBar error={result.error} t={t} onRetry={retry} />}
      {result.state === 'ready' && (
        <>
          {result.data.items.length === 0 ? (
            <p data-testid="audit-empty">{t.audit.noEntries}</p>
          ) : (
            <AuditTable entries={result.data.items} t={t} language={language} onFilter={go} />
          )}
          <nav aria-label={t.pagingLabel} style={{ display: 'flex', gap: '12px', alignItems: 'center', marginTop: '12px', flexWrap: 'wrap' }}>
            <Button disabled={!query.before} onClick={() => go({})} data-testid="audit-newest">
              {t.audit.newest}
            </Button>
            <Button disabled={!query.before || previous.length === 0} onClick={newer} data-testid="audit-newer">
              {t.audit.newer}
            </Button>
            <span aria-live="polite" data-testid="audit-shown">
              {t.audit.shown(result.data.items.length)}
            </span>
            <Button disabled={!result.data.next} onClick={() => result.data.next && older(result.data.next)} data-testid="audit-older">
              {t.audit.older}
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

function AuditTable({ entries, t, language, onFilter }: { entries: AuditEntry[]; t: Strings; language: PageProps['language']; onFilter: (change: Partial<AuditQuery>) => void }) {
  const cell = { overflowWrap: 'anywhere', whiteSpace: 'normal', wordBreak: 'break-word' } as const;
  return (
    <Table size="small" aria-label={t.audit.title} data-testid="audit-entries" style={{ tableLayout: 'auto' }}>
      <ColumnHeaders names={[t.audit.when, t.audit.who, t.audit.what, t.audit.target, t.audit.change, t.audit.address]} />
      <TableBody>
        {entries.map((entry) => {
          const kind = (t.audit.actorKinds as Record<string, string>)[entry.actorKind as ActorKind] ?? entry.actorKind;
          const role = (t.roleNames as Record<string, string>)[entry.role];
          return (
            <TableRow key={entry.seq} data-testid="audit-entry" data-action={entry.action} data-seq={entry.seq}>
              <TableCell>{formatDate(entry.at, language)}</TableCell>
              <TableCell style={cell}>
                <Button appearance="transparent" size="small" title={t.audit.onlyThis(entry.actor.slice(0, 100))} data-testid="audit-filter-actor" onClick={() => onFilter({ actor: entry.actor })} style={{ padding: 0, minWidth: 0, textAlign: 'start' }}>
                  <Txt value={entry.actorName && entry.actorName !== entry.actor ? `${entry.actorName} <${entry.actor}>` : entry.actor} max={100} />
                </Button>{' '}
                <span style={{ color: tokens.colorNeutralForeground3 }}>({role ? `${kind}, ${role}` : kind})</span>
              </TableCell>
              <TableCell style={cell}>
                <Button appearance="transparent" size="small" title={t.audit.onlyThis(actionName(entry.action, t))} data-testid="audit-filter-action" onClick={() => onFilter({ action: entry.action })} style={{ padding: 0, minWidth: 0, textAlign: 'start' }}>
                  <Txt value={actionName(entry.action, t)} max={80} />
                </Button>
              </TableCell>
              <TableCell style={cell}>
                <TargetView entry={entry} t={t} />
              </TableCell>
              <TableCell style={cell} data-testid="audit-change">
                <Txt value={changeText(entry.change)} max={CHANGE_SHOWN} />
              </TableCell>
              <TableCell style={cell}>
                <span title={entry.userAgent ? entry.userAgent.slice(0, 300) : undefined}>
                  <Txt value={entry.address ?? ''} max={60} />
                </span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

// Hash routes: #/reports (with filters as a query), #/reports/ID, #/campaigns, #/campaigns/ID,
// #/remediations/ID (one removal run) and #/audit (with its filters as a query).
// Filters live in the hash so a filtered list can be bookmarked and the back button works.
import { DISPOSITIONS, VERDICTS, type AuditQuery, type Disposition, type ReportQuery, type VerdictLevel } from './api';

export const PAGE_SIZE = 50;

export type Route =
  | { kind: 'reports'; query: ReportQuery }
  | { kind: 'report'; id: string }
  | { kind: 'campaigns'; offset: number }
  | { kind: 'campaign'; id: string }
  | { kind: 'remediation'; id: string }
  | { kind: 'audit'; query: AuditQuery };

/** The audit filters a bookmark can hold, in the order they are written. */
const AUDIT_PARAMS = ['actor', 'action', 'since', 'until', 'before'] as const;
const ACTION = /^[a-z-]{1,30}\.[a-z-]{1,30}$/;
const TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{5,12}Z$/;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function offsetOf(value: string | null): number {
  const number = Number(value);
  return value && /^[0-9]{1,7}$/.test(value) && Number.isFinite(number) ? number : 0;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const question = text.indexOf('?');
  const path = (question < 0 ? text : text.slice(0, question)).replace(/\/+$/, '');
  const params = new URLSearchParams(question < 0 ? '' : text.slice(question + 1));
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'reports' && parts[1] && ID.test(parts[1])) return { kind: 'report', id: parts[1] };
  if (parts[0] === 'campaigns' && parts[1] && ID.test(parts[1])) return { kind: 'campaign', id: parts[1] };
  if (parts[0] === 'campaigns') return { kind: 'campaigns', offset: offsetOf(params.get('offset')) };
  if (parts[0] === 'remediations' && parts[1] && ID.test(parts[1])) return { kind: 'remediation', id: parts[1] };
  if (parts[0] === 'audit') return { kind: 'audit', query: auditQueryOf(params) };
  const query: ReportQuery = {};
  const verdict = params.get('verdict');
  if (verdict && (VERDICTS as readonly string[]).includes(verdict)) query.verdict = verdict as VerdictLevel;
  if (params.get('analysis') === 'incomplete') query.analysis = 'incomplete';
  const disposition = params.get('disposition');
  if (disposition && (DISPOSITIONS as readonly string[]).includes(disposition)) query.disposition = disposition as Disposition;
  const campaign = params.get('campaign');
  if (campaign && ID.test(campaign)) query.campaign = campaign;
  const reporter = params.get('reporter')?.trim();
  if (reporter) query.reporter = reporter.slice(0, 320);
  const q = params.get('q')?.trim();
  if (q) query.q = q.slice(0, 200);
  const offset = offsetOf(params.get('offset'));
  if (offset) query.offset = offset;
  return { kind: 'reports', query };
}

/** Filters from the hash, each checked the way the service checks it (anything else is dropped). */
function auditQueryOf(params: URLSearchParams): AuditQuery {
  const query: AuditQuery = {};
  const actor = params.get('actor')?.trim();
  if (actor) query.actor = actor.slice(0, 320);
  const action = params.get('action');
  if (action && ACTION.test(action)) query.action = action;
  for (const name of ['since', 'until'] as const) {
    const value = params.get(name);
    if (value && TIME.test(value) && !Number.isNaN(Date.parse(value))) query[name] = value;
  }
  const before = params.get('before');
  if (before && /^[0-9]{1,15}$/.test(before)) query.before = before;
  return query;
}

export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'remediation':
      return `#/remediations/${route.id}`;
    case 'audit': {
      const params = new URLSearchParams();
      for (const name of AUDIT_PARAMS) {
        const value = route.query[name];
        if (value) params.set(name, value);
      }
      const search = params.toString();
      return search ? `#/audit?${search}` : '#/audit';
    }
    case 'report':
      return `#/reports/${route.id}`;
    case 'campaign':
      return `#/campaigns/${route.id}`;
    case 'campaigns':
      return route.offset ? `#/campaigns?offset=${route.offset}` : '#/campaigns';
    case 'reports': {
      const params = new URLSearchParams();
      for (const name of ['verdict', 'analysis', 'disposition', 'campaign', 'reporter', 'q', 'offset'] as const) {
        const value = route.query[name];
        if (value !== undefined && value !== '' && value !== 0) params.set(name, String(value));
      }
      const search = params.toString();
      return search ? `#/reports?${search}` : '#/reports';
    }
  }
}

export const reportHref = (id: string) => formatRoute({ kind: 'report', id });
export const campaignHref = (id: string) => formatRoute({ kind: 'campaign', id });
export const remediationHref = (id: string) => formatRoute({ kind: 'remediation', id });

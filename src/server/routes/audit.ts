// /api/audit: the append-only audit log, for admins only — read in pages in the console, exported
// whole as CSV or JSON for the records system. An export is itself an audited action.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireRole } from '../auth';
import type { RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES } from '../errors';
import { toCsv } from '../exports/csv';
import type { Auditor } from '../identity/audit';
import { AuditList } from '../identity/schemas';
import type { AuditRecord, IdentityStore } from '../store/identity';

export interface AuditRouteOptions extends RouteOptions {
  identity: IdentityStore;
  auditor: Auditor;
}

/** Entries in one export; a longer log is exported in parts (`after` = the last seq of the previous part). */
export const AUDIT_EXPORT_MAX = 100_000;
const EXPORT_PAGE = 1000;

/** A date, or a date and time with seconds and zone optional: what people and scripts write. */
const AuditTime = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$', maxLength: 40 });

/** The stored form of a time (toISOString), so the text comparison in the store is a time comparison. */
function storedTime(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new ApiError(400, 'validation', `${name} is not a valid time.`);
  return time.toISOString();
}

const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ pattern: '^[a-z-]+\\.[a-z-]+$', maxLength: 60 })),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
    target: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Entries at or after this time (ISO 8601, e.g. 2026-12-05T09:00:00Z). */
    since: Type.Optional(AuditTime),
    /** Entries before this time. */
    until: Type.Optional(AuditTime),
    /** Entries older than this seq (the next page). */
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  },
  { additionalProperties: false },
);
type AuditQuery = Static<typeof AuditQuery>;

const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('json')]),
    /** Entries after this seq (the next part of a long log). */
    after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
  },
  { additionalProperties: false },
);
type ExportQuery = Static<typeof ExportQuery>;

export const AUDIT_CSV_HEADER = ['seq', 'at', 'actor', 'actor_name', 'actor_kind', 'role', 'action', 'target_type', 'target_id', 'change', 'address', 'user_agent'];

export function auditCsv(entries: readonly AuditRecord[]): string {
  const rows = entries.map((e) => [e.seq, e.at, e.actor, e.actorName, e.actorKind, e.role, e.action, e.targetType, e.targetId, JSON.stringify(e.change), e.address, e.userAgent]);
  // With a byte-order mark, so spreadsheets read Japanese names as UTF-8 (exports/csv.ts).
  return '\uFEFF' + toCsv([AUDIT_CSV_HEADER, ...rows]);
}

export const auditRoutes: FastifyPluginAsync<AuditRouteOptions> = async (app, { context, identity, auditor }) => {
  const admin = requireRole(context.verifier, 'admin');

  app.get(
    '/api/audit',
    {
      onRequest: admin,
      schema: {
        summary: 'The audit log, newest first',
        querystring: AuditQuery,
        response: { 200: AuditList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const query = request.query as AuditQuery;
      const limit = Math.min(Math.max(Number(query.limit ?? 100), 1), 500);
      const items = await identity.listAudit({
        action: query.action,
        actor: query.actor,
        targetId: query.target,
        since: storedTime(query.since, 'since'),
        until: storedTime(query.until, 'until'),
        afterSeq: query.before === undefined ? undefined : Number(query.before),
        limit,
        order: 'newest',
      });
      return { items, ...(items.length === limit ? { next: String(items[items.length - 1].seq) } : {}) };
    },
  );

  app.get(
    '/api/audit/export',
    { onRequest: admin, schema: { summary: 'The audit log as CSV or JSON, oldest first', querystring: ExportQuery } },
    async (request, reply) => {
      const query = request.query as ExportQuery;
      const entries: AuditRecord[] = [];
      let after = query.after === undefined ? 0 : Number(query.after);
      while (entries.length < AUDIT_EXPORT_MAX) {
        const page = await identity.listAudit({ afterSeq: after, limit: Math.min(EXPORT_PAGE, AUDIT_EXPORT_MAX - entries.length), order: 'oldest' });
        entries.push(...page);
        if (page.length === 0) break;
        after = page[page.length - 1].seq;
      }
      await auditor.record(request, 'audit.export', { type: 'audit' }, { format: query.format, entries: entries.length, after: query.after });
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="lurelens-audit-${stamp}.${query.format}"`);
      if (query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(auditCsv(entries));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ entries, complete: entries.length < AUDIT_EXPORT_MAX }, null, 1));
    },
  );
};

// /api/reports: intake from the add-in, listing and triage for analysts, and "My reports" for
// reporters (only the reports whose status tokens they hold).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { normalizeText } from '../../engine/text/normalize';
import { ReportStatus, SenderHistorySummary } from '../../report/protocol';
import { requireRole } from '../auth';
import { paging, type RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES } from '../errors';
import { hashStatusToken } from '../intake';
import {
  BulkTriageBody,
  BulkTriageResult,
  IdParams,
  ListReportsQuery,
  MAX_STATUS_TOKENS,
  MyReportsHeaders,
  ReportContent,
  ReportDetail,
  ReportList,
  STATUS_TOKENS_HEADER,
  TriageBody,
} from '../schemas';
import type { ReportRecord, ReportSummaryRecord } from '../store/types';

/** Reports listed for a signed-in reporter (newest first). */
const MY_REPORTS_LIMIT = 200;

export function toSummary(record: ReportSummaryRecord) {
  return {
    id: record.id,
    receivedAt: record.receivedAt,
    subject: record.subject,
    from: record.fromAddress ? { address: record.fromAddress, name: record.fromName } : undefined,
    reporter: { ...record.reporter, verified: record.reporterVerified },
    verdict: record.verdict,
    score: record.score,
    clientVerdict: record.clientVerdict,
    disposition: record.disposition,
    campaignId: record.campaignId,
    campaign: { id: record.campaignId, title: record.campaignTitle ?? '', reportCount: record.campaignSize ?? 1 },
    size: record.rawSize,
    incomplete: record.incompleteReason,
  };
}

/** The sender history the add-in sent with the report (validated at intake; checked again, stored rows may predate it). */
function senderHistoryOf(record: ReportRecord): SenderHistorySummary | undefined {
  const history = record.clientVerdictDetail?.senderHistory;
  return Value.Check(SenderHistorySummary, history) ? history : undefined;
}

export function toDetail(record: ReportRecord) {
  const analysis = record.analysis as { verdict?: string; score?: number; findings?: unknown[]; notChecked?: unknown[]; error?: string; incomplete?: { reason: string; message: string } };
  return {
    ...toSummary(record),
    key: record.key,
    reasons: record.reasons,
    comment: record.comment,
    emlSource: record.emlSource,
    client: record.client,
    clientAnalysis: record.clientVerdictDetail,
    senderHistory: senderHistoryOf(record),
    internetMessageId: record.internetMessageId,
    networkMessageId: record.networkMessageId,
    analysis: {
      verdict: analysis.verdict,
      score: analysis.score,
      findings: analysis.findings ?? [],
      notChecked: analysis.notChecked ?? [],
      error: analysis.error,
      complete: !record.incompleteReason,
      incomplete: record.incompleteReason ? { reason: record.incompleteReason, message: analysis.incomplete?.message ?? analysis.error ?? '' } : undefined,
    },
    headers: 'subject' in record.summary ? record.summary : undefined,
    indicators: record.indicators,
    raw: { size: record.rawSize, sha256: record.rawSha256 },
    note: record.note,
    feedback: record.feedback,
    triagedAt: record.triagedAt,
    triagedBy: record.triagedBy,
    links: {
      eml: `/api/reports/${record.id}/eml`,
      arf: `/api/reports/${record.id}/arf`,
      campaign: `/api/campaigns/${record.campaignId}`,
    },
  };
}

export const reportRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const { store, verifier, pool, identity } = context;
  const anyToken = requireRole(verifier, 'reporter', 'analyst');
  const analyst = requireRole(verifier, 'analyst');
  const viewer = requireRole(verifier, 'viewer');

  app.get(
    '/api/reports',
    {
      onRequest: viewer,
      schema: { summary: 'List reports, newest first', querystring: ListReportsQuery, response: { 200: ReportList, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const query = request.query as ListReportsQuery;
      const page = paging(query);
      const result = await store.listReports({
        verdict: query.verdict,
        disposition: query.disposition,
        campaignId: query.campaign,
        reporter: query.reporter?.trim(),
        incomplete: query.analysis === 'incomplete' || undefined,
        query: query.q ? { normalized: normalizeText(query.q), exact: query.q.trim() } : undefined,
        ...page,
      });
      return { items: result.items.map(toSummary), total: result.total, ...page };
    },
  );

  app.get(
    '/api/reports/:id',
    { onRequest: viewer, schema: { summary: 'One report in full', params: IdParams, response: { 200: ReportDetail, ...ERROR_RESPONSES } } },
    async (request) => {
      const record = await store.getReport((request.params as IdParams).id);
      if (!record) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      return toDetail(record);
    },
  );

  app.get(
    '/api/reports/:id/content',
    {
      onRequest: viewer,
      schema: {
        summary: "The message's body text, links and raw header fields (bounded), as computed at intake",
        params: IdParams,
        response: { 200: ReportContent, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const id = (request.params as IdParams).id;
      const stored = await store.getContent(id);
      if (stored === undefined) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      if (stored) return stored;
      // Stored before intake computed content views: computed once now, in a worker, and kept.
      const raw = await store.getRaw(id);
      if (!raw) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      const outcome = await pool.run<Record<string, unknown>>({ kind: 'content', raw: raw.bytes });
      if (!outcome.ok) throw new ApiError(503, 'unavailable', `The message content could not be prepared: ${outcome.message}`);
      await store.putContent(id, outcome.value);
      return outcome.value;
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      onRequest: analyst,
      config: { audit: { action: 'report.triage', target: 'report' } },
      schema: { summary: 'Triage a report', params: IdParams, body: TriageBody, response: { 200: ReportDetail, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const record = await store.updateReport((request.params as IdParams).id, request.body as TriageBody, request.principal!.subject);
      if (!record) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      request.log.info({ reportId: record.id, disposition: record.disposition }, 'report triaged');
      return toDetail(record);
    },
  );

  app.post(
    '/api/reports/triage',
    {
      onRequest: analyst,
      config: { audit: { action: 'report.bulk-triage', target: 'report' } },
      schema: { summary: 'Triage several reports at once (inbox bulk selection)', body: BulkTriageBody, response: { 200: BulkTriageResult, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const { ids, ...update } = request.body as BulkTriageBody;
      if (Object.keys(update).length === 0) throw new ApiError(400, 'validation', 'body: give a disposition, note or feedback to set', [{ path: 'body', message: 'nothing to set' }]);
      const updated = await store.updateReports(ids, update, request.principal!.subject);
      request.log.info({ requested: ids.length, updated }, 'reports triaged in bulk');
      return { updated };
    },
  );

  app.get(
    '/api/my/reports',
    {
      onRequest: anyToken,
      schema: {
        summary: "The caller's reports: a signed-in reporter's on every device, and those whose status tokens are given (X-Status-Tokens: comma-separated)",
        description: 'reports: newest first. signedIn: the reports were found by who the caller is, not only by tokens this device holds.',
        headers: MyReportsHeaders,
        response: { 200: Type.Object({ reports: Type.Array(ReportStatus), signedIn: Type.Boolean() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const header = request.headers[STATUS_TOKENS_HEADER] as string | undefined;
      const signedIn = request.principal?.reporter;
      if (header === undefined && !signedIn) {
        throw new ApiError(400, 'validation', `headers/${STATUS_TOKENS_HEADER}: required without a signed-in reporter`);
      }
      const tokens = [...new Set((header ?? '').split(',').map((t) => t.trim()).filter(Boolean))];
      if (tokens.length > MAX_STATUS_TOKENS || tokens.some((t) => t.length > 100)) {
        throw new ApiError(400, 'validation', `headers/${STATUS_TOKENS_HEADER}: at most ${MAX_STATUS_TOKENS} tokens of up to 100 characters`);
      }
      const byToken = tokens.length > 0 ? await store.statusesByTokenHashes(tokens.map(hashStatusToken)) : [];
      if (!signedIn) return { reports: byToken, signedIn: false };
      // Reports sent before signing in (this device's tokens) and those sent as this user from anywhere.
      const mine = await identity.reportsByReporter(signedIn.tenantId, signedIn.objectId, MY_REPORTS_LIMIT);
      const byId = new Map([...mine, ...byToken].map((report) => [report.id, report]));
      const reports = [...byId.values()].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0)).slice(0, MY_REPORTS_LIMIT);
      return { reports, signedIn: true };
    },
  );
};

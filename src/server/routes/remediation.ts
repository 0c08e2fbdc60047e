// Remediation of a campaign across mailboxes (identity/remediation.ts): search first (the dry run),
// then move exactly the count the analyst confirmed, then undo if needed. Analysts act, viewers
// read; every step is written to the audit log with its outcome.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requireRole } from '../auth';
import type { RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES, ErrorBody } from '../errors';
import { GraphError } from '../identity/graph-client';
import { isInterrupted, lookbackStart, RemediationError, type Remediator, type RemediationRun, type RemediationTiming } from '../identity/remediation';
import { RemediationDetail, RemediationMoveBody, RemediationSearchBody, RemediationSummary } from '../identity/schemas';
import { IdParams } from '../schemas';
import type { RemediationRecord } from '../store/identity';
import type { ReportRecord } from '../store/types';
import { Type } from '@sinclair/typebox';

export interface RemediationRouteOptions extends RouteOptions {
  remediator?: Remediator;
  remediationTiming: RemediationTiming;
}

/** Reports whose Message-ID is searched for; a campaign's copies share few distinct ones. */
const MAX_MESSAGE_IDS = 50;
const RESPONSES = { ...ERROR_RESPONSES, 409: ErrorBody, 502: ErrorBody };

function summaryOf(record: RemediationRecord, timing: RemediationTiming) {
  const criteria = record.criteria as { unsearched?: { mailbox: string; error: string }[]; unsearchedCount?: number };
  const { criteria: _criteria, ...rest } = record;
  return { ...rest, interrupted: isInterrupted(record, timing), unsearched: criteria.unsearched ?? [], unsearchedCount: criteria.unsearchedCount ?? 0 };
}

function detailOf(run: RemediationRun, timing: RemediationTiming) {
  return { ...summaryOf(run.record, timing), messages: run.messages.map(({ mailbox, subject, receivedAt, state, error }) => ({ mailbox, subject, receivedAt, state, error })) };
}

/**
 * The Message-ID Graph knows the copies by (with angle brackets): the one Outlook gave the add-in, else
 * the header of the reported message itself.
 */
function messageIdOf(report: ReportRecord): string | undefined {
  const value = (report.internetMessageId ?? (typeof report.summary.messageId === 'string' ? report.summary.messageId : '')).trim();
  if (!value || value.length > 500 || /[\s]/.test(value)) return undefined;
  return value.startsWith('<') ? value : `<${value}>`;
}

/** Remediation failures as API errors: Graph's refusal names Graph's own code. */
function asApiError(error: unknown): unknown {
  if (error instanceof RemediationError) return new ApiError(error.code === 'not_found' ? 404 : 409, error.code, error.message);
  if (error instanceof GraphError) return new ApiError(502, 'graph', `Microsoft Graph: ${error.code}: ${error.message}`);
  return error;
}

export const remediationRoutes: FastifyPluginAsync<RemediationRouteOptions> = async (app, { context, remediator, remediationTiming }) => {
  const { store, verifier, auditor } = context;
  const analyst = requireRole(verifier, 'analyst');
  const viewer = requireRole(verifier, 'viewer');
  /**
   * A move or undo that stopped midway (another instance took the run over, or the database failed)
   * may still have moved copies: the audit log gets its entry too, with the run's counts as they stand.
   */
  const auditStopped = async (request: FastifyRequest, action: 'remediation.move' | 'remediation.undo', id: string, before: RemediationRecord | undefined, error: unknown, change: Record<string, unknown>) => {
    try {
      const after = (await context.identity.getRemediation(id))?.record;
      if (!before || !after) return;
      const counts = after.counts;
      if (counts.moved === before.counts.moved && counts.failed === before.counts.failed && counts.restored === before.counts.restored) return;
      const stopped = error instanceof Error ? error.message : String(error);
      await auditor.record(request, action, { type: 'remediation', id }, { campaign: after.campaignId, ...change, stopped, moved: counts.moved, failed: counts.failed, restored: counts.restored });
    } catch (auditError) {
      // The database that failed the move may fail this too; the move's own error is what the analyst sees.
      request.log.error({ err: auditError }, 'could not audit a remediation step that stopped midway');
    }
  };
  const configured = (): Remediator => {
    if (!remediator) throw new ApiError(404, 'not_configured', 'Remediation needs Microsoft Graph access (identity.graph; docs/identity.md).');
    return remediator;
  };

  app.post(
    '/api/campaigns/:id/remediations',
    {
      onRequest: analyst,
      schema: {
        summary: "Dry run: find the campaign's message in every mailbox (by Message-ID, optionally sender and subject); moves nothing",
        params: IdParams,
        body: RemediationSearchBody,
        response: { 201: RemediationDetail, ...RESPONSES },
      },
    },
    async (request, reply) => {
      const remediate = configured();
      const { id } = request.params as IdParams;
      const campaign = await store.getCampaign(id);
      if (!campaign) throw new ApiError(404, 'not_found', 'There is no campaign with this id.');
      const reports = await store.campaignReports(id, MAX_MESSAGE_IDS);
      const details = await Promise.all(reports.map((report) => store.getReport(report.id)));
      const internetMessageIds = [...new Set(details.map((report) => report && messageIdOf(report)).filter((value): value is string => Boolean(value)))];
      const body = (request.body ?? {}) as RemediationSearchBody;
      const first = reports.find((report) => report.fromAddress && report.subject);
      const senderAndSubject = body.senderAndSubject && first ? { sender: first.fromAddress!, subject: first.subject, since: lookbackStart(campaign.firstSeen) } : undefined;
      if (internetMessageIds.length === 0 && !senderAndSubject) {
        throw new ApiError(409, 'conflict', "The campaign's reports carry no Message-ID; search by sender and subject instead.");
      }
      let run: RemediationRun;
      try {
        run = await remediate.search(id, { internetMessageIds, ...(senderAndSubject ? { senderAndSubject } : {}) }, request.principal!.subject);
      } catch (error) {
        throw asApiError(error);
      }
      await auditor.record(request, 'remediation.search', { type: 'campaign', id }, {
        remediation: run.record.id,
        internetMessageIds: internetMessageIds.length,
        senderAndSubject: Boolean(senderAndSubject),
        found: run.record.counts.found,
        mailboxesSearched: run.record.mailboxesSearched,
        unsearched: (run.record.criteria as { unsearchedCount?: number }).unsearchedCount ?? 0,
      });
      return reply.code(201).send(detailOf(run, remediationTiming));
    },
  );

  app.get(
    '/api/campaigns/:id/remediations',
    { onRequest: viewer, schema: { summary: "The campaign's remediation runs, newest first", params: IdParams, response: { 200: Type.Object({ items: Type.Array(RemediationSummary) }), ...RESPONSES } } },
    async (request) => {
      const { id } = request.params as IdParams;
      return { items: (await context.identity.listRemediations(id, 50)).map((record) => summaryOf(record, remediationTiming)) };
    },
  );

  app.get(
    '/api/remediations/:id',
    { onRequest: viewer, schema: { summary: 'One remediation run with every message found', params: IdParams, response: { 200: RemediationDetail, ...RESPONSES } } },
    async (request) => {
      const run = await context.identity.getRemediation((request.params as IdParams).id);
      if (!run) throw new ApiError(404, 'not_found', 'There is no remediation with this id.');
      return detailOf(run, remediationTiming);
    },
  );

  app.post(
    '/api/remediations/:id/move',
    {
      onRequest: analyst,
      schema: {
        summary: 'Move the messages the search found to Junk Email or Deleted Items; expectedCount must be the count found',
        params: IdParams,
        body: RemediationMoveBody,
        response: { 200: RemediationDetail, ...RESPONSES },
      },
    },
    async (request) => {
      const remediate = configured();
      const { id } = request.params as IdParams;
      const { destination, expectedCount } = request.body as RemediationMoveBody;
      const before = await context.identity.getRemediation(id);
      let run: RemediationRun;
      try {
        run = await remediate.move(id, destination, expectedCount);
      } catch (error) {
        await auditStopped(request, 'remediation.move', id, before?.record, error, { destination, confirmed: expectedCount });
        throw asApiError(error);
      }
      await auditor.record(request, 'remediation.move', { type: 'remediation', id }, { campaign: run.record.campaignId, destination, confirmed: expectedCount, moved: run.record.counts.moved, failed: run.record.counts.failed });
      return detailOf(run, remediationTiming);
    },
  );

  app.post(
    '/api/remediations/:id/undo',
    { onRequest: analyst, schema: { summary: 'Move every moved message back to the folder it was found in', params: IdParams, response: { 200: RemediationDetail, ...RESPONSES } } },
    async (request) => {
      const remediate = configured();
      const { id } = request.params as IdParams;
      const before = await context.identity.getRemediation(id);
      let run: RemediationRun;
      try {
        run = await remediate.undo(id);
      } catch (error) {
        await auditStopped(request, 'remediation.undo', id, before?.record, error, {});
        throw asApiError(error);
      }
      await auditor.record(request, 'remediation.undo', { type: 'remediation', id }, { campaign: run.record.campaignId, restored: run.record.counts.restored, stillMoved: run.record.counts.moved });
      return detailOf(run, remediationTiming);
    },
  );
};

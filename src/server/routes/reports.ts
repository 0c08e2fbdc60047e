// /api/reports: intake from the add-in, listing and triage for analysts, and "My reports" for
// reporters (only the reports whose status tokens they hold).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { MailMessage } from '../../engine/model';
import { normalizeText } from '../../engine/text/normalize';
import { parseEml } from '../../mail/eml';
import { ReportReceipt, ReportStatus, ReportSubmission } from '../../report/protocol';
import { requireRole } from '../auth';
import { paging, type RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES, ErrorBody } from '../errors';
import { decodeBase64, hashStatusToken, receiveReport } from '../intake';
import {
  CONTENT_LIMITS,
  IdParams,
  ListReportsQuery,
  MAX_STATUS_TOKENS,
  MyReportsHeaders,
  ReportContent,
  ReportDetail,
  ReportList,
  STATUS_TOKENS_HEADER,
  SubmissionMetadata,
  TriageBody,
} from '../schemas';
import type { ReportRecord, ReportSummaryRecord } from '../store/types';

/** Room for the submission's other fields (up to 200 client findings) next to the base64 message. */
const JSON_OVERHEAD_BYTES = 2 * 1024 * 1024;
const MULTIPART_FIELD_BYTES = 1024 * 1024;

export function toSummary(record: ReportSummaryRecord) {
  return {
    id: record.id,
    receivedAt: record.receivedAt,
    subject: record.subject,
    from: record.fromAddress ? { address: record.fromAddress, name: record.fromName } : undefined,
    reporter: record.reporter,
    verdict: record.verdict,
    score: record.score,
    clientVerdict: record.clientVerdict,
    disposition: record.disposition,
    campaignId: record.campaignId,
    size: record.rawSize,
  };
}

export function toDetail(record: ReportRecord) {
  const analysis = record.analysis as { verdict?: string; score?: number; findings?: unknown[]; notChecked?: unknown[]; error?: string };
  return {
    ...toSummary(record),
    key: record.key,
    reasons: record.reasons,
    comment: record.comment,
    emlSource: record.emlSource,
    client: record.client,
    clientAnalysis: record.clientVerdictDetail,
    internetMessageId: record.internetMessageId,
    networkMessageId: record.networkMessageId,
    analysis: {
      verdict: analysis.verdict,
      score: analysis.score,
      findings: analysis.findings ?? [],
      notChecked: analysis.notChecked ?? [],
      error: analysis.error,
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

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The readable parts of a parsed message, bounded by CONTENT_LIMITS (see ReportContent). */
export function messageContent(message: MailMessage): ReportContent {
  const headers: ReportContent['headers'] = [];
  let headerChars = 0;
  for (const field of message.headers) {
    if (headers.length >= CONTENT_LIMITS.headers) break;
    const name = cut(field.name, CONTENT_LIMITS.headerNameChars);
    const room = CONTENT_LIMITS.headerTotalChars - headerChars - name.length;
    if (room <= 0) break;
    const value = cut(field.value, Math.min(CONTENT_LIMITS.headerValueChars, room));
    headerChars += name.length + value.length;
    headers.push({ name, value });
  }
  return {
    text: cut(message.text, CONTENT_LIMITS.textChars),
    textLength: message.text.length,
    textTruncated: message.text.length > CONTENT_LIMITS.textChars,
    hasHtml: Boolean(message.html),
    links: message.links.slice(0, CONTENT_LIMITS.links).map((link) => ({
      href: cut(link.href, CONTENT_LIMITS.hrefChars),
      text: cut(link.text, CONTENT_LIMITS.linkTextChars),
      source: link.source,
    })),
    linkCount: message.links.length,
    headers,
    headerCount: message.headers.length,
    missing: [...message.missing],
  };
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'too_large', `The report is larger than the ${Math.round(limit / (1024 * 1024))} MB limit.`);
}

/**
 * multipart/form-data: a `submission` field with the JSON submission minus `eml`, and the message
 * itself as an `eml` file (no base64 overhead, so large messages fit the same limit).
 */
async function readMultipart(request: FastifyRequest, limit: number): Promise<{ submission: SubmissionMetadata; raw: Buffer }> {
  let submissionText: string | undefined;
  let raw: Buffer | undefined;
  const parts = request.parts({ limits: { fileSize: limit, files: 1, fields: 2, parts: 3, fieldSize: MULTIPART_FIELD_BYTES, headerPairs: 50 } });
  for await (const part of parts) {
    if (part.type === 'file') {
      if (part.fieldname !== 'eml') {
        part.file.resume();
        throw new ApiError(400, 'validation', `multipart: unexpected file field "${part.fieldname.slice(0, 50)}"; send the message as "eml"`);
      }
      raw = await part.toBuffer();
    } else {
      if (part.fieldname !== 'submission') {
        throw new ApiError(400, 'validation', `multipart: unexpected field "${part.fieldname.slice(0, 50)}"; expected "submission" and "eml"`);
      }
      if (part.valueTruncated) throw new ApiError(413, 'too_large', 'multipart: the submission field is too large.');
      submissionText = String(part.value);
    }
  }
  if (raw === undefined) throw new ApiError(400, 'validation', 'multipart: missing the "eml" file', [{ path: 'body/eml', message: 'is required' }]);
  if (submissionText === undefined) {
    throw new ApiError(400, 'validation', 'multipart: missing the "submission" field', [{ path: 'body/submission', message: 'is required' }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(submissionText);
  } catch {
    throw new ApiError(400, 'invalid_json', 'multipart: the submission field is not valid JSON.');
  }
  const errors = [...Value.Errors(SubmissionMetadata, data)].slice(0, 20);
  if (errors.length > 0) {
    const details = errors.map((error) => ({ path: `body/submission${error.path}`, message: error.message }));
    throw new ApiError(400, 'validation', `${details[0].path}: ${details[0].message}`, details);
  }
  return { submission: data as SubmissionMetadata, raw };
}

export const reportRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const { config, store, verifier } = context;
  const limit = config.bodyLimitBytes;
  const anyToken = requireRole(verifier, 'reporter', 'analyst');
  const analyst = requireRole(verifier, 'analyst');

  app.post(
    '/api/reports',
    {
      // base64 makes the message a third bigger; the decoded size is checked against the limit below.
      bodyLimit: Math.ceil(limit / 3) * 4 + JSON_OVERHEAD_BYTES,
      onRequest: anyToken,
      config: config.rateLimit ? { rateLimit: { max: config.rateLimit.reportsMax, timeWindow: config.rateLimit.timeWindowMs } } : {},
      schema: {
        summary: 'Submit a reported message (JSON with base64 eml, or multipart with an eml file)',
        body: { content: { 'application/json': { schema: ReportSubmission } } },
        response: { 200: ReportReceipt, 201: ReportReceipt, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      let submission: SubmissionMetadata;
      let raw: Buffer;
      if (request.isMultipart()) {
        ({ submission, raw } = await readMultipart(request, limit));
      } else {
        const { eml, ...rest } = request.body as ReportSubmission;
        submission = rest;
        raw = decodeBase64(eml);
      }
      if (raw.byteLength > limit) throw tooLarge(limit);
      const result = await receiveReport(
        { store, policy: context.policy.resolved, forward: Boolean(context.webhook), onCreated: () => context.webhook?.nudge() },
        submission,
        raw,
      );
      request.log.info({ reportId: result.receipt.id, duplicate: result.receipt.duplicate, size: raw.byteLength }, 'report received');
      return reply.code(result.status).send(result.receipt);
    },
  );

  app.get(
    '/api/reports',
    {
      onRequest: analyst,
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
        query: query.q ? normalizeText(query.q) : undefined,
        ...page,
      });
      return { items: result.items.map(toSummary), total: result.total, ...page };
    },
  );

  app.get(
    '/api/reports/:id',
    { onRequest: analyst, schema: { summary: 'One report in full', params: IdParams, response: { 200: ReportDetail, ...ERROR_RESPONSES } } },
    async (request) => {
      const record = await store.getReport((request.params as IdParams).id);
      if (!record) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      return toDetail(record);
    },
  );

  app.get(
    '/api/reports/:id/content',
    {
      onRequest: analyst,
      schema: {
        summary: "The message's body text, links and raw header fields (bounded), read from the stored original",
        params: IdParams,
        response: { 200: ReportContent, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const raw = await store.getRaw((request.params as IdParams).id);
      if (!raw) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      // parseEml never throws: an unreadable message gives empty parts and says what is missing.
      return messageContent(await parseEml(raw.bytes));
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      onRequest: analyst,
      schema: { summary: 'Triage a report', params: IdParams, body: TriageBody, response: { 200: ReportDetail, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const record = await store.updateReport((request.params as IdParams).id, request.body as TriageBody, request.principal!.subject);
      if (!record) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      request.log.info({ reportId: record.id, disposition: record.disposition }, 'report triaged');
      return toDetail(record);
    },
  );

  app.get(
    '/api/my/reports',
    {
      onRequest: anyToken,
      schema: {
        summary: 'The reports whose status tokens are given (X-Status-Tokens: comma-separated)',
        headers: MyReportsHeaders,
        response: { 200: Type.Object({ reports: Type.Array(ReportStatus) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const header = request.headers[STATUS_TOKENS_HEADER] as string;
      const tokens = [...new Set(header.split(',').map((t) => t.trim()).filter(Boolean))];
      if (tokens.length > MAX_STATUS_TOKENS || tokens.some((t) => t.length > 100)) {
        throw new ApiError(400, 'validation', `headers/${STATUS_TOKENS_HEADER}: at most ${MAX_STATUS_TOKENS} tokens of up to 100 characters`);
      }
      const reports = await store.statusesByTokenHashes(tokens.map(hashStatusToken));
      return { reports };
    },
  );
};

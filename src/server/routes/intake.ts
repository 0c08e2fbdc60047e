// POST /api/reports: intake from the add-in. In order: authentication and admission (both before
// a byte of the body is read), the body streamed to disk at a watched pace, the JSON taken apart or
// the multipart message file written in an analysis worker / on the way, the metadata validated,
// then intake.ts. This plugin has its own JSON parser (bodies go to disk), so it holds this route only.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Value } from '@sinclair/typebox/value';
import { ReportReceipt, ReportSubmission } from '../../report/protocol';
import type { Admission } from '../admission';
import { MAX_METADATA_BYTES, type Decoded } from '../analysis/decode';
import { requireRole } from '../auth';
import { UnverifiedReportLimit } from '../identity/unverified-limit';
import type { RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES, ErrorBody, type ErrorDetail } from '../errors';
import { receiveReport, type Upload } from '../intake';
import { SubmissionMetadata } from '../schemas';
import { readFailure, streamToFile, watchPace, type UploadArea } from '../uploads';

/** Seconds after the first byte before a slow average rate counts against a body. */
const PACE_GRACE_MS = 10_000;
/** Taking a 48 MB JSON body apart takes well under a second; this bounds a pathological one. */
const DECODE_TIME_MS = 20_000;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'too_large', `The report is larger than the ${Math.round(limit / (1024 * 1024))} MB limit.`);
}

/** Schema problems in the submission's metadata, named like Fastify's validation does (body/…). */
function metadataErrors(data: unknown, prefix: string): ErrorDetail[] {
  return [...Value.Errors(SubmissionMetadata, data)].slice(0, 20).map((error) => {
    const property = /^\/([^/]+)$/.exec(error.path)?.[1];
    const unknown = error.message.startsWith('Unexpected property') && property;
    return { path: `${prefix}${error.path}`, message: unknown ? `unknown property "${property}"` : error.message };
  });
}

function validated(data: unknown, prefix: string): SubmissionMetadata {
  const details = metadataErrors(data, prefix);
  if (details.length > 0) throw new ApiError(400, 'validation', `${details[0].path}: ${details[0].message}`, details);
  return data as SubmissionMetadata;
}

export interface IntakeRouteOptions extends RouteOptions {
  admission: Admission;
  uploads: UploadArea;
}

export const intakeRoutes: FastifyPluginAsync<IntakeRouteOptions> = async (app, { context, admission, uploads }) => {
  const { config, store, verifier, pool } = context;
  const limit = config.bodyLimitBytes;
  // base64 makes the message a third bigger.
  const jsonLimit = Math.ceil(limit / 3) * 4 + MAX_METADATA_BYTES;
  const unverified = config.rateLimit
    ? new UnverifiedReportLimit(config.rateLimit.unverifiedReportsMax ?? Math.max(1, Math.floor(config.rateLimit.reportsMax / 4)), config.rateLimit.timeWindowMs)
    : undefined;
  const pace = { idleMs: config.intake.idleTimeoutMs, minBytesPerSecond: config.intake.minBytesPerSecond, graceMs: PACE_GRACE_MS };

  // JSON bodies are written to disk as they arrive; the handler has the file, not a parsed object.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', (request, payload, done) => {
    const declared = Number(request.headers['content-length']);
    if (declared > jsonLimit) return done(tooLarge(limit), undefined);
    const file = uploads.file('json');
    const stop = watchPace(request.raw, pace);
    streamToFile(payload, file, jsonLimit, () => tooLarge(limit)).then(
      () => {
        stop();
        done(null, { bodyFile: file });
      },
      (error: unknown) => {
        void uploads.remove(file);
        done(readFailure(request, error, stop()) as Error, undefined);
      },
    );
  });

  /** The JSON body on disk, taken apart in a worker: the metadata validated, the message decoded to its own file. */
  async function fromJson(bodyFile: string): Promise<Omit<Upload, 'reporterVerified' | 'reporterIdentity'>> {
    const emlFile = uploads.file('eml');
    try {
      const outcome = await pool.run<Decoded>({ kind: 'decode', bodyFile, emlFile, limitBytes: limit }, DECODE_TIME_MS);
      if (!outcome.ok) {
        if (outcome.reason === 'failed') throw new Error(outcome.message);
        throw new ApiError(400, 'invalid_request', 'The request body could not be read within its budget.');
      }
      const decoded = outcome.value;
      if (!decoded.ok) throw new ApiError(decoded.failure.status, decoded.failure.code, decoded.failure.message, decoded.failure.details);
      return { submission: validated(JSON.parse(decoded.metadata), 'body'), emlFile, size: decoded.size, sha256: decoded.sha256 };
    } catch (error) {
      await uploads.remove(emlFile);
      throw error;
    }
  }

  /**
   * multipart/form-data: a `submission` field with the JSON submission minus `eml`, and the message
   * itself as an `eml` file (no base64 overhead), written to disk and hashed as it arrives.
   */
  async function fromMultipart(request: FastifyRequest): Promise<Omit<Upload, 'reporterVerified' | 'reporterIdentity'>> {
    let submissionText: string | undefined;
    let received: { emlFile: string; size: number; sha256: string } | undefined;
    const stop = watchPace(request.raw, pace);
    try {
      const parts = request.parts({ limits: { fileSize: limit, files: 1, fields: 2, parts: 3, fieldSize: MAX_METADATA_BYTES, headerPairs: 50 } });
      for await (const part of parts) {
        if (part.type === 'file') {
          if (part.fieldname !== 'eml') {
            part.file.resume();
            throw new ApiError(400, 'validation', `multipart: unexpected file field "${part.fieldname.slice(0, 50)}"; send the message as "eml"`);
          }
          const emlFile = uploads.file('eml');
          received = { emlFile, ...(await streamToFile(part.file, emlFile, limit, () => tooLarge(limit))) };
          if (part.file.truncated) throw tooLarge(limit);
        } else {
          if (part.fieldname !== 'submission') {
            throw new ApiError(400, 'validation', `multipart: unexpected field "${part.fieldname.slice(0, 50)}"; expected "submission" and "eml"`);
          }
          if (part.valueTruncated) throw new ApiError(413, 'too_large', 'multipart: the submission field is too large.');
          // A field sent as application/json arrives already parsed.
          submissionText = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        }
      }
      if (received === undefined) throw new ApiError(400, 'validation', 'multipart: missing the "eml" file', [{ path: 'body/eml', message: 'is required' }]);
      if (submissionText === undefined) {
        throw new ApiError(400, 'validation', 'multipart: missing the "submission" field', [{ path: 'body/submission', message: 'is required' }]);
      }
      let data: unknown;
      try {
        data = JSON.parse(submissionText);
      } catch {
        throw new ApiError(400, 'invalid_json', 'multipart: the submission field is not valid JSON.');
      }
      stop();
      return { submission: validated(data, 'body/submission'), ...received };
    } catch (error) {
      const cut = stop();
      await uploads.remove(received?.emlFile);
      const failure = readFailure(request, error, cut);
      if (failure instanceof ApiError || (failure as { statusCode?: number })?.statusCode) throw failure;
      // busboy's complaints about a malformed body ("Unexpected end of form", bad part headers) are the client's.
      if (failure instanceof Error && !(failure as NodeJS.ErrnoException).code && failure.name !== 'StorageError') {
        throw new ApiError(400, 'invalid_multipart', 'The multipart body is malformed.');
      }
      throw failure;
    }
  }

  app.post(
    '/api/reports',
    {
      onRequest: [requireRole(verifier, 'reporter', 'analyst'), ...(unverified ? [unverified.hook()] : []), admission.hook()],
      config: config.rateLimit ? { rateLimit: { max: config.rateLimit.reportsMax, timeWindow: config.rateLimit.timeWindowMs } } : {},
      schema: {
        summary: 'Submit a reported message (JSON with base64 eml, or multipart with an eml file)',
        // Validated by the handler (the body is on disk, not parsed, when the route runs); declared for the docs.
        description: `JSON body: ${JSON.stringify(Object.keys(ReportSubmission.properties))}`,
        response: { 200: ReportReceipt, 201: ReportReceipt, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      let upload: Omit<Upload, 'reporterVerified' | 'reporterIdentity'> | undefined;
      const bodyFile = (request.body as { bodyFile?: string } | undefined)?.bodyFile;
      try {
        if (request.isMultipart()) upload = await fromMultipart(request);
        else if (bodyFile) upload = await fromJson(bodyFile);
        else throw new ApiError(400, 'invalid_request', 'The request body is empty.');
        if (upload.size > limit) throw tooLarge(limit);
        const result = await receiveReport(
          { store, pool, forward: Boolean(context.webhook), onCreated: () => context.webhook?.nudge(), defender: context.defender },
          { ...upload, reporterVerified: request.principal?.verified === true, reporterIdentity: request.principal?.reporter },
        );
        request.log.info({ reportId: result.receipt.id, duplicate: result.receipt.duplicate, size: upload.size }, 'report received');
        return reply.code(result.status).send(result.receipt);
      } finally {
        await uploads.remove(bodyFile, upload?.emlFile);
      }
    },
  );
};

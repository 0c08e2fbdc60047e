// One error shape for every failure: {error, message, details}. `error` is a stable machine code,
// `message` a sentence for the person reading the response. Messages never echo the request body
// (a JSON syntax error would otherwise quote message content into responses and logs).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { StorageError } from './store/types';

/** Seconds a client is asked to wait when the storage fails (disk full, I/O error). */
export const STORAGE_RETRY_AFTER_SECONDS = 60;

export const ErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(
    Type.Array(
      Type.Object({
        path: Type.String(),
        message: Type.String(),
      }),
    ),
  ),
});
export type ErrorBody = Static<typeof ErrorBody>;

export type ErrorDetail = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Error responses every route may give, for the route schemas. */
export const ERROR_RESPONSES = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  429: ErrorBody,
  500: ErrorBody,
  503: ErrorBody,
  507: ErrorBody,
};

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function describeIssue(issue: AjvIssue): string {
  const params = issue.params ?? {};
  if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `unknown property "${params.additionalProperty}"`;
  }
  if (issue.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `missing required property "${params.missingProperty}"`;
  }
  if (issue.keyword === 'enum' || issue.keyword === 'anyOf') {
    return 'must be one of the allowed values';
  }
  return issue.message ?? 'is not valid';
}

export function validationDetails(part: string, issues: readonly AjvIssue[]): ErrorDetail[] {
  return issues.slice(0, 20).map((issue) => ({ path: `${part}${issue.instancePath ?? ''}` || part, message: describeIssue(issue) }));
}

function fromValidation(error: FastifyError): ApiError {
  const details = validationDetails(error.validationContext ?? 'body', (error.validation ?? []) as AjvIssue[]);
  const first = details[0];
  return new ApiError(400, 'validation', first ? `${first.path}: ${first.message}` : 'The request is not valid.', details);
}

/** Fastify and plugin error codes with the answer we give; none of these messages contain request data. */
const KNOWN: Record<string, (error: FastifyError, limit: number) => ApiError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (_e, limit) => new ApiError(413, 'too_large', `The report is larger than the ${Math.round(limit / (1024 * 1024))} MB limit.`),
  FST_REQ_FILE_TOO_LARGE: (_e, limit) => new ApiError(413, 'too_large', `The report is larger than the ${Math.round(limit / (1024 * 1024))} MB limit.`),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new ApiError(415, 'unsupported_media_type', 'Send application/json (or multipart/form-data for POST /api/reports).'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new ApiError(400, 'invalid_request', 'Content-Length does not match the body.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new ApiError(400, 'invalid_json', 'The request body is empty.'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new ApiError(400, 'invalid_json', 'The request body is not valid JSON.'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => new ApiError(415, 'unsupported_media_type', 'The request is not multipart/form-data.'),
  FST_PARTS_LIMIT: () => new ApiError(413, 'too_large', 'Too many parts in the multipart request.'),
  FST_FILES_LIMIT: () => new ApiError(413, 'too_large', 'Only one file (the eml) may be sent.'),
  FST_FIELDS_LIMIT: () => new ApiError(413, 'too_large', 'Too many fields in the multipart request.'),
  FST_PROTO_VIOLATION: () => new ApiError(400, 'invalid_request', 'Forbidden property name in the request.'),
  FST_ERR_VALIDATION: () => new ApiError(400, 'validation', 'The request is not valid.'),
};

export function toApiError(error: unknown, bodyLimitBytes: number): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StorageError) {
    return error.kind === 'full'
      ? new ApiError(507, 'insufficient_storage', 'The service has no space left to store this; nothing was saved. Please retry later.')
      : new ApiError(503, 'storage_unavailable', 'The service cannot write to its storage right now; nothing was saved. Please retry later.');
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) return fromValidation(fastifyError);
  const known = fastifyError?.code ? KNOWN[fastifyError.code] : undefined;
  if (known) return known(fastifyError, bodyLimitBytes);
  // JSON.parse errors reach us as SyntaxError with statusCode 400; their message quotes the input.
  if (error instanceof SyntaxError || fastifyError?.code?.startsWith('FST_ERR_CTP')) {
    return new ApiError(fastifyError.statusCode && fastifyError.statusCode < 500 ? fastifyError.statusCode : 400, 'invalid_request', 'The request body could not be read.');
  }
  const status = fastifyError?.statusCode;
  if (status && status >= 400 && status < 500) {
    return new ApiError(status, 'invalid_request', 'The request could not be processed.');
  }
  return new ApiError(500, 'internal', 'Something went wrong on the server. Please retry; nothing was half-saved.');
}

export function errorHandler(bodyLimitBytes: number, onStorageError?: (error: StorageError) => void) {
  return function handle(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof StorageError) onStorageError?.(error);
    const apiError = toApiError(error, bodyLimitBytes);
    if (apiError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      // Codes only: messages of client errors can contain what the client sent.
      request.log.info({ statusCode: apiError.statusCode, error: apiError.code }, 'request rejected');
    }
    if ((apiError.statusCode === 503 || apiError.statusCode === 507) && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
    }
    const body: ErrorBody = { error: apiError.code, message: apiError.message };
    if (apiError.details) body.details = apiError.details;
    reply.code(apiError.statusCode).type('application/json; charset=utf-8').send(body);
  };
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  reply.code(404).type('application/json; charset=utf-8').send({ error: 'not_found', message: 'There is nothing at this address.' });
}

// How report rows are read: the columns of a list row and their mapping to records, shared by the
// report and campaign queries. Both engines return the same shapes (PostgreSQL's 64-bit counts
// are turned into numbers by postgres.ts).
import type { Disposition } from '../../report/protocol';
import { capOptional, capText, MAX_FIELD_CHARS } from './limits';
import type { Row } from './sql';
import type { ReportStatusRecord, ReportSummaryRecord } from './types';

// Rows stored before intake bounded the message's free text can hold megabytes in subject or sender
// name: the database cuts them to whole characters (code points) here, toSummary to UTF-16 units.
export const SUMMARY_COLUMNS = `r.id, r.received_at, substr(r.subject, 1, ${MAX_FIELD_CHARS + 1}) AS subject,
  substr(r.from_address, 1, ${MAX_FIELD_CHARS + 1}) AS from_address, substr(r.from_name, 1, ${MAX_FIELD_CHARS + 1}) AS from_name,
  r.reporter_address, r.reporter_name, r.verdict, r.score, r.client_verdict, r.disposition, r.campaign_id, r.raw_size,
  r.incomplete_reason, r.reporter_verified, c.title AS campaign_title,
  (SELECT COUNT(*) FROM reports r2 WHERE r2.campaign_id = r.campaign_id) AS campaign_size`;
/** Every query that selects SUMMARY_COLUMNS reads from this. */
export const SUMMARY_FROM = 'reports r JOIN campaigns c ON c.id = r.campaign_id';

export function optional<T>(value: unknown): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

export function parseJson<T>(value: unknown): T | undefined {
  return typeof value === 'string' ? (JSON.parse(value) as T) : undefined;
}

export function toSummary(row: Row): ReportSummaryRecord {
  return {
    id: row.id as string,
    receivedAt: row.received_at as string,
    subject: capText(row.subject as string),
    fromAddress: capOptional(optional<string>(row.from_address)),
    fromName: capOptional(optional<string>(row.from_name)),
    reporter: { address: row.reporter_address as string, name: optional(row.reporter_name) },
    reporterVerified: Number(row.reporter_verified) === 1,
    verdict: optional(row.verdict),
    score: optional(row.score),
    clientVerdict: optional(row.client_verdict),
    disposition: row.disposition as Disposition,
    campaignId: row.campaign_id as string,
    campaignTitle: optional(row.campaign_title),
    campaignSize: optional(row.campaign_size),
    rawSize: row.raw_size as number,
    incompleteReason: optional(row.incomplete_reason),
  };
}

/** What a reporter sees of a report ("My reports"), whichever way it was found (status token or sign-in). */
export const STATUS_COLUMNS = `id, key, substr(subject, 1, ${MAX_FIELD_CHARS + 1}) AS subject, received_at, disposition, feedback`;

export function toStatusRecord(row: Row): ReportStatusRecord {
  return {
    id: row.id as string,
    key: row.key as string,
    subject: capText(row.subject as string),
    receivedAt: row.received_at as string,
    disposition: row.disposition as Disposition,
    feedback: optional(row.feedback),
  };
}

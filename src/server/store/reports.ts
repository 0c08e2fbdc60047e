// Reports: the intake transaction, reading reports back, triage and reporters' status look-ups.
// Written once for both engines (sql.ts).
import { assignCampaign, groupingStatements, resolveCampaignId } from './campaigns';
import { ENQUEUE_SQL } from './defender-queue';
import { capStrings } from './limits';
import { smallRawStatement } from './raw';
import { optional, parseJson, STATUS_COLUMNS, SUMMARY_COLUMNS, SUMMARY_FROM, toStatusRecord, toSummary } from './report-rows';
import { chunks, insertTextRows, placeholders, valueRows, type Queryable, type SqlDatabase, type Statement, type Transaction } from './sql';
import type { Indicator, InsertOutcome, KeyRecord, NewReport, Page, ReportFilter, ReportRecord, ReportStatusRecord, ReportSummaryRecord, TriageUpdate } from './types';

/** Where the intake's raw message is (raw.ts): its chunks' id, and whether they were written before the transaction. */
export interface StoredRaw {
  rawId: string;
  writtenAhead: boolean;
  writtenMs: number;
}

/** A retried submission gets a new status token; only the newest few stay valid. */
const STATUS_TOKENS_PER_REPORT = 5;
/** Indicators per INSERT statement where rows are listed (4 parameters each). */
const INDICATOR_ROWS = 200;

/** Escapes LIKE wildcards so a search for "100%" means the characters, not a pattern. */
function likePattern(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
}

export async function findByKey(db: Queryable, key: string): Promise<KeyRecord | undefined> {
  const row = await db.get('SELECT id, fingerprint, campaign_id FROM reports WHERE key = ?', [key]);
  return row ? { id: row.id as string, fingerprint: row.fingerprint as string, campaignId: row.campaign_id as string } : undefined;
}

/**
 * The intake transaction: message, analysis, indicators, campaign and webhook entry commit together.
 * The key was looked up before the message was analysed; a retry of the same submission that
 * committed since (on this instance or another) makes the report row's INSERT fail on the key's
 * UNIQUE index, after waiting for that retry's transaction to end, and the caller then answers with
 * the report already stored (existingReport). Taking no lock for the key and not looking it up
 * again here saves two round trips per report on PostgreSQL.
 */
export async function insertReport(tx: Transaction, report: NewReport, raw: StoredRaw): Promise<InsertOutcome> {
  const assignment = await assignCampaign(tx, report);
  const campaignId = assignment.campaignId;
  // The rows of the report in one batch: one round trip on PostgreSQL, while the campaign stays locked.
  const statements: Statement[] = [];
  if (assignment.create) statements.push(assignment.create);
  statements.push(
    {
      sql: `INSERT INTO reports (id, key, fingerprint, received_at, reporter_address, reporter_address_lc, reporter_name,
      reasons_json, comment, eml_source, client_json, client_verdict_json, client_verdict, internet_message_id,
      network_message_id, subject, from_address, from_name, search_text, verdict, score, analysis_json, summary_json,
      raw_sha256, raw_size, campaign_id, first_campaign_id, incomplete_reason, reporter_verified, reporter_tenant, reporter_oid, raw_id)
    VALUES (${placeholders(32)})`,
      params: [
        report.id,
        report.key,
        report.fingerprint,
        report.receivedAt,
        report.reporter.address,
        report.reporter.address.toLowerCase(),
        report.reporter.name ?? null,
        JSON.stringify(report.reasons),
        report.comment ?? null,
        report.emlSource,
        report.client ? JSON.stringify(report.client) : null,
        report.clientVerdict ? JSON.stringify(report.clientVerdict) : null,
        typeof report.clientVerdict?.verdict === 'string' ? report.clientVerdict.verdict : null,
        report.internetMessageId ?? null,
        report.networkMessageId ?? null,
        report.subject,
        report.fromAddress ?? null,
        report.fromName ?? null,
        report.searchText,
        report.verdict ?? null,
        report.score ?? null,
        JSON.stringify(report.analysis),
        JSON.stringify(report.summary),
        report.rawSha256,
        report.raw.byteLength,
        campaignId,
        campaignId,
        report.incompleteReason ?? null,
        report.reporterVerified ? 1 : 0,
        report.reporterIdentity?.tenantId ?? null,
        report.reporterIdentity?.objectId ?? null,
        raw.rawId,
      ],
    },
    { sql: 'INSERT INTO report_content (report_id, content_json) VALUES (?, ?)', params: [report.id, JSON.stringify(report.content)] },
    // A new report's first status token: number 1, nothing older to drop.
    { sql: 'INSERT INTO status_tokens (token_hash, report_id, created_seq) VALUES (?, ?, 1) ON CONFLICT DO NOTHING', params: [report.statusTokenHash, report.id] },
  );
  if (!raw.writtenAhead) statements.push(smallRawStatement(raw.rawId, report.raw, raw.writtenMs));
  statements.push(
    ...insertTextRows(
      tx.dialect,
      'indicators',
      ['report_id', 'type', 'value', 'name'],
      report.indicators.map((indicator) => [report.id, indicator.type, indicator.value, indicator.name ?? null]),
      { rowsPerStatement: INDICATOR_ROWS, onConflict: 'ON CONFLICT DO NOTHING' },
    ),
  );
  statements.push(...groupingStatements(tx.dialect, report, assignment));
  if (report.forward) {
    statements.push({ sql: 'INSERT INTO webhook_queue (report_id, next_attempt_ms, updated_at) VALUES (?, ?, ?)', params: [report.id, Date.now(), report.receivedAt] });
  }
  // With the report, so a crash right after the 201 cannot lose its submission to Defender.
  if (report.defender) statements.push({ sql: ENQUEUE_SQL, params: [report.id, Date.now(), report.receivedAt] });
  await tx.batch(statements);
  return { kind: 'created', id: report.id, campaignId };
}

/**
 * The report stored under the new report's key (a retry committed first): a duplicate, which gets
 * the new status token, or a conflict when the message or reporter differ. The key lock keeps token
 * numbers in order.
 */
export async function existingReport(tx: Transaction, report: NewReport): Promise<InsertOutcome | undefined> {
  await tx.lock([`report-key:${report.key}`]);
  const existing = await findByKey(tx, report.key);
  if (!existing) return undefined;
  if (existing.fingerprint !== report.fingerprint) return { kind: 'conflict', id: existing.id };
  await addToken(tx, existing.id, report.statusTokenHash);
  return { kind: 'duplicate', id: existing.id, campaignId: existing.campaignId };
}

export async function addToken(tx: Transaction, reportId: string, tokenHash: string): Promise<void> {
  const next = (await tx.get('SELECT COALESCE(MAX(created_seq), 0) + 1 AS n FROM status_tokens WHERE report_id = ?', [reportId]))!.n as number;
  await tx.run('INSERT INTO status_tokens (token_hash, report_id, created_seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [tokenHash, reportId, next]);
  await tx.run(
    `DELETE FROM status_tokens WHERE report_id = ? AND token_hash NOT IN (
      SELECT token_hash FROM status_tokens WHERE report_id = ? ORDER BY created_seq DESC LIMIT ${STATUS_TOKENS_PER_REPORT})`,
    [reportId, reportId],
  );
}

/** A retried submission found by its key outside the intake transaction: the key lock keeps token numbers in order. */
export async function addStatusToken(tx: Transaction, reportId: string, tokenHash: string): Promise<void> {
  const key = await tx.get('SELECT key FROM reports WHERE id = ?', [reportId]);
  if (key) await tx.lock([`report-key:${key.key as string}`]);
  await addToken(tx, reportId, tokenHash);
}

export async function listReports(db: SqlDatabase, filter: ReportFilter): Promise<Page<ReportSummaryRecord>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.verdict) {
    where.push('r.verdict = ?');
    params.push(filter.verdict);
  }
  if (filter.disposition) {
    where.push('r.disposition = ?');
    params.push(filter.disposition);
  }
  if (filter.campaignId) {
    where.push('r.campaign_id = ?');
    params.push((await resolveCampaignId(db, filter.campaignId)) ?? filter.campaignId);
  }
  if (filter.reporter) {
    where.push('r.reporter_address_lc = ?');
    params.push(filter.reporter.toLowerCase());
  }
  if (filter.incomplete) where.push('r.incomplete_reason IS NOT NULL');
  if (filter.query) {
    // Subject, sender and Message-ID as normalised text; ids, hashes, URLs, domains and addresses
    // as typed, ignoring case; a full SHA-256 also finds the message itself.
    const exact = likePattern(filter.query.exact);
    const like = db.dialect.ilike;
    where.push(`(r.search_text ${like} ? ESCAPE '\\' OR r.internet_message_id ${like} ? ESCAPE '\\' OR r.network_message_id ${like} ? ESCAPE '\\'
      OR r.raw_sha256 = ? OR EXISTS (SELECT 1 FROM indicators i WHERE i.report_id = r.id AND i.value ${like} ? ESCAPE '\\'))`);
    params.push(likePattern(filter.query.normalized), exact, exact, filter.query.exact.toLowerCase(), exact);
  }
  const clause = where.length ? 'WHERE ' + where.join(' AND ') : '';
  const total = (await db.get(`SELECT COUNT(*) AS n FROM reports r ${clause}`, params))!.n as number;
  const rows = await db.all(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} ${clause} ORDER BY r.received_at DESC, r.seq DESC LIMIT ? OFFSET ?`, [
    ...params,
    filter.limit,
    filter.offset,
  ]);
  return { items: rows.map(toSummary), total };
}

export async function getReport(db: SqlDatabase, id: string): Promise<ReportRecord | undefined> {
  const row = await db.get(
    `SELECT r.*, c.title AS campaign_title, (SELECT COUNT(*) FROM reports r2 WHERE r2.campaign_id = r.campaign_id) AS campaign_size
    FROM ${SUMMARY_FROM} WHERE r.id = ?`,
    [id],
  );
  if (!row) return undefined;
  const indicators = (await db.all(`SELECT type, value, name FROM indicators WHERE report_id = ? ORDER BY ${db.dialect.indicatorOrder}`, [id])).map(
    (ind): Indicator => ({ type: ind.type as Indicator['type'], value: ind.value as string, name: optional(ind.name) }),
  );
  return {
    ...toSummary(row),
    key: row.key as string,
    reasons: parseJson<string[]>(row.reasons_json) ?? [],
    comment: optional(row.comment),
    emlSource: row.eml_source as 'original' | 'rebuilt',
    client: parseJson(row.client_json),
    clientVerdictDetail: parseJson(row.client_verdict_json),
    internetMessageId: optional(row.internet_message_id),
    networkMessageId: optional(row.network_message_id),
    rawSha256: row.raw_sha256 as string,
    analysis: capStrings(parseJson(row.analysis_json) ?? {}) as Record<string, unknown>,
    summary: capStrings(parseJson(row.summary_json) ?? {}) as Record<string, unknown>,
    indicators,
    note: optional(row.note),
    feedback: optional(row.feedback),
    triagedAt: optional(row.triaged_at),
    triagedBy: optional(row.triaged_by),
  };
}

export async function getContent(db: Queryable, id: string): Promise<Record<string, unknown> | null | undefined> {
  const row = await db.get('SELECT c.content_json FROM reports r LEFT JOIN report_content c ON c.report_id = r.id WHERE r.id = ?', [id]);
  if (!row) return undefined;
  return parseJson<Record<string, unknown>>(row.content_json) ?? null;
}

export async function putContent(db: Queryable, id: string, content: Record<string, unknown>): Promise<void> {
  await db.run(
    'INSERT INTO report_content (report_id, content_json) VALUES (?, ?) ON CONFLICT (report_id) DO UPDATE SET content_json = excluded.content_json',
    [id, JSON.stringify(content)],
  );
}

/** Sets the triage fields on the given (existing) reports and records who changed what; returns how many. */
export async function applyTriage(tx: Transaction, ids: readonly string[], update: TriageUpdate, actor: string): Promise<number> {
  const sets: string[] = [];
  const values: unknown[] = [];
  // An empty note or feedback clears it.
  if (update.disposition !== undefined) {
    sets.push('disposition = ?');
    values.push(update.disposition);
  }
  if (update.note !== undefined) {
    sets.push('note = ?');
    values.push(update.note || null);
  }
  if (update.feedback !== undefined) {
    sets.push('feedback = ?');
    values.push(update.feedback || null);
  }
  if (sets.length === 0) return 0;
  const now = new Date().toISOString();
  sets.push('triaged_at = ?', 'triaged_by = ?');
  values.push(now, actor);
  const change = JSON.stringify(update);
  for (const group of chunks(ids)) {
    await tx.run(`UPDATE reports SET ${sets.join(', ')} WHERE id IN (${placeholders(group.length)})`, [...values, ...group]);
    await tx.run(
      `INSERT INTO report_events (report_id, at, actor, change_json) VALUES ${valueRows(group.length, 4)}`,
      group.flatMap((id) => [id, now, actor, change]),
    );
  }
  return ids.length;
}

/** The ids among `ids` that are reports. */
export async function existingReportIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const existing: string[] = [];
  for (const group of chunks([...new Set(ids)])) {
    const rows = await db.all(`SELECT id FROM reports WHERE id IN (${placeholders(group.length)})`, group);
    existing.push(...rows.map((row) => row.id as string));
  }
  return existing;
}

export async function statusesByTokenHashes(db: Queryable, hashes: readonly string[]): Promise<ReportStatusRecord[]> {
  const byId = new Map<string, ReportStatusRecord>();
  for (const group of chunks(hashes)) {
    const rows = await db.all(
      `SELECT ${STATUS_COLUMNS} FROM reports WHERE id IN (SELECT report_id FROM status_tokens WHERE token_hash IN (${placeholders(group.length)}))`,
      group,
    );
    for (const row of rows) byId.set(row.id as string, toStatusRecord(row));
  }
  return [...byId.values()].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
}

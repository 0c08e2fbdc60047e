// SQLite implementation of ReportStore: one file under dataDir, WAL with synchronous=FULL so a
// committed report survives a crash or power loss, raw messages as BLOBs in the same transaction
// as their metadata (no orphan or missing files to reconcile after a crash, one file to back up).
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Disposition } from '../../report/protocol';
import type { VerdictLevel } from '../../engine/model';
import { capOptional, capStrings, capText, MAX_FIELD_CHARS } from './limits';
import type { Queryable } from './identity';
import { MIGRATIONS } from './migrations';
import { StorageError } from './types';
import type {
  CampaignEvent,
  CampaignRecord,
  FailedDelivery,
  GroupingReason,
  Delivery,
  DeliveryStats,
  Indicator,
  IndicatorOccurrence,
  InsertOutcome,
  KeyRecord,
  NewReport,
  Page,
  ReportFilter,
  ReportRecord,
  ReportStatusRecord,
  ReportStore,
  ReportSummaryRecord,
  StixProposal,
  StixVersion,
  TriageUpdate,
} from './types';
import { publishStixVersions, stixObjectsOfMerged } from './stix-versions';

export const DATABASE_FILE = 'lurelens.sqlite';

/** A retried submission gets a new status token; only the newest few stay valid. */
const STATUS_TOKENS_PER_REPORT = 5;
/** SQLite's default limit on bound parameters is 32766; stay far below it. */
const IN_CHUNK = 500;
/** Report ids listed per grouping reason (the count says how many there are). */
const REASON_REPORT_IDS = 10;
/** Grouping reasons listed per campaign, most shared first. */
const MAX_REASONS = 50;

type Row = Record<string, unknown>;

// Rows stored before intake bounded the message's free text can hold megabytes in subject or sender
// name: SQLite cuts them to whole characters (code points) here, toSummary to UTF-16 units.
const SUMMARY_COLUMNS = `r.id, r.received_at, substr(r.subject, 1, ${MAX_FIELD_CHARS + 1}) AS subject,
  substr(r.from_address, 1, ${MAX_FIELD_CHARS + 1}) AS from_address, substr(r.from_name, 1, ${MAX_FIELD_CHARS + 1}) AS from_name,
  r.reporter_address, r.reporter_name, r.verdict, r.score, r.client_verdict, r.disposition, r.campaign_id, r.raw_size,
  r.incomplete_reason, r.reporter_verified, c.title AS campaign_title,
  (SELECT COUNT(*) FROM reports r2 WHERE r2.campaign_id = r.campaign_id) AS campaign_size`;
/** Every query that selects SUMMARY_COLUMNS reads from this. */
const SUMMARY_FROM = 'reports r JOIN campaigns c ON c.id = r.campaign_id';

const VERDICT_RANK = `CASE r.verdict WHEN 'dangerous' THEN 2 WHEN 'suspicious' THEN 1 WHEN 'clean' THEN 0 END`;
const RANKED_VERDICTS: VerdictLevel[] = ['clean', 'suspicious', 'dangerous'];

function optional<T>(value: unknown): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

function parseJson<T>(value: unknown): T | undefined {
  return typeof value === 'string' ? (JSON.parse(value) as T) : undefined;
}

function toSummary(row: Row): ReportSummaryRecord {
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

/** SQLite's failures of the storage itself, as the backend-neutral StorageError; anything else unchanged. */
function translate(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || error instanceof StorageError) return error;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new StorageError('full', 'The database has no space left.', error);
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB)/.test(code) || code === 'EROFS' || code === 'EIO') {
    return new StorageError('unavailable', `The database cannot be used (${code}).`, error);
  }
  return error;
}

function parseKeys(value: unknown): CampaignEvent['keys'] {
  const keys = parseJson<CampaignEvent['keys']>(value);
  return Array.isArray(keys) ? keys.slice(0, 20) : [];
}

function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function placeholders(count: number): string {
  return new Array(count).fill('?').join(',');
}

/** Escapes LIKE wildcards so a search for "100%" means the characters, not a pattern. */
function likePattern(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
}

export class SqliteStore implements ReportStore {
  readonly file: string;
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.file = path.join(dataDir, DATABASE_FILE);
    this.db = new Database(this.file);
    // Reports are personal data: readable by the service's user only (the WAL inherits this mode).
    chmodSync(this.file, 0o600);
    this.db.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every commit, so an acknowledged report survives power loss too.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    // Every public method answers storage failures as StorageError (disk full, I/O error, read-only).
    for (const name of Object.getOwnPropertyNames(SqliteStore.prototype) as (keyof SqliteStore)[]) {
      const method = SqliteStore.prototype[name];
      if ((name as string) === 'constructor' || typeof method !== 'function') continue;
      const bound = (method as (...args: unknown[]) => unknown).bind(this);
      Object.defineProperty(this, name, {
        value: (...args: unknown[]) => {
          try {
            const result = bound(...args);
            return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(translate(error))) : result;
          } catch (error) {
            throw translate(error);
          }
        },
      });
    }
  }

  private migrate(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const current = (this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as Row).v as number | null;
    const newest = MIGRATIONS[MIGRATIONS.length - 1].version;
    if (current !== null && current > newest) {
      throw new Error(`the database ${this.file} was written by a newer Lure Lens (schema ${current}, this version knows ${newest})`);
    }
    for (const migration of MIGRATIONS) {
      if (current !== null && migration.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        const now = new Date().toISOString();
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, now);
        if (migration.version === 1) this.db.prepare(`INSERT INTO meta (key, value) VALUES ('created_at', ?)`).run(now);
      })();
    }
  }

  async instance(): Promise<{ createdAt: string }> {
    const row = this.db.prepare(`SELECT value FROM meta WHERE key = 'created_at'`).get() as Row;
    return { createdAt: row.value as string };
  }

  async findByKey(key: string): Promise<KeyRecord | undefined> {
    const row = this.db.prepare('SELECT id, fingerprint, campaign_id FROM reports WHERE key = ?').get(key) as Row | undefined;
    return row ? { id: row.id as string, fingerprint: row.fingerprint as string, campaignId: row.campaign_id as string } : undefined;
  }

  async insertReport(report: NewReport): Promise<InsertOutcome> {
    // better-sqlite3 runs the whole transaction synchronously, so two concurrent submissions with
    // the same key cannot interleave between the key check and the insert.
    return this.db.transaction((): InsertOutcome => {
      const existing = this.db.prepare('SELECT id, fingerprint, campaign_id FROM reports WHERE key = ?').get(report.key) as Row | undefined;
      if (existing) {
        if (existing.fingerprint !== report.fingerprint) return { kind: 'conflict', id: existing.id as string };
        this.addToken(existing.id as string, report.statusTokenHash);
        return { kind: 'duplicate', id: existing.id as string, campaignId: existing.campaign_id as string };
      }
      const assignment = this.assignCampaign(report);
      const campaignId = assignment.campaignId;
      this.db
        .prepare(
          `INSERT INTO reports (id, key, fingerprint, received_at, reporter_address, reporter_address_lc, reporter_name,
            reasons_json, comment, eml_source, client_json, client_verdict_json, client_verdict, internet_message_id,
            network_message_id, subject, from_address, from_name, search_text, verdict, score, analysis_json, summary_json,
            raw_sha256, raw_size, campaign_id, first_campaign_id, incomplete_reason, reporter_verified, reporter_tenant, reporter_oid)
          VALUES (@id, @key, @fingerprint, @receivedAt, @reporterAddress, @reporterAddressLc, @reporterName, @reasons,
            @comment, @emlSource, @client, @clientVerdictJson, @clientVerdict, @internetMessageId, @networkMessageId,
            @subject, @fromAddress, @fromName, @searchText, @verdict, @score, @analysis, @summary, @rawSha256, @rawSize,
            @campaignId, @campaignId, @incompleteReason, @reporterVerified, @reporterTenant, @reporterOid)`,
        )
        .run({
          id: report.id,
          key: report.key,
          fingerprint: report.fingerprint,
          receivedAt: report.receivedAt,
          reporterAddress: report.reporter.address,
          reporterAddressLc: report.reporter.address.toLowerCase(),
          reporterName: report.reporter.name ?? null,
          reasons: JSON.stringify(report.reasons),
          comment: report.comment ?? null,
          emlSource: report.emlSource,
          client: report.client ? JSON.stringify(report.client) : null,
          clientVerdictJson: report.clientVerdict ? JSON.stringify(report.clientVerdict) : null,
          clientVerdict: typeof report.clientVerdict?.verdict === 'string' ? report.clientVerdict.verdict : null,
          internetMessageId: report.internetMessageId ?? null,
          networkMessageId: report.networkMessageId ?? null,
          subject: report.subject,
          fromAddress: report.fromAddress ?? null,
          fromName: report.fromName ?? null,
          searchText: report.searchText,
          verdict: report.verdict ?? null,
          score: report.score ?? null,
          analysis: JSON.stringify(report.analysis),
          summary: JSON.stringify(report.summary),
          rawSha256: report.rawSha256,
          rawSize: report.raw.byteLength,
          campaignId,
          incompleteReason: report.incompleteReason ?? null,
          reporterVerified: report.reporterVerified ? 1 : 0,
          reporterTenant: report.reporterIdentity?.tenantId ?? null,
          reporterOid: report.reporterIdentity?.objectId ?? null,
        });
      this.db.prepare('INSERT INTO report_content (report_id, content_json) VALUES (?, ?)').run(report.id, JSON.stringify(report.content));
      this.db.prepare('INSERT INTO report_raw (report_id, bytes) VALUES (?, ?)').run(report.id, Buffer.from(report.raw.buffer, report.raw.byteOffset, report.raw.byteLength));
      const insertIndicator = this.db.prepare('INSERT OR IGNORE INTO indicators (report_id, type, value, name) VALUES (?, ?, ?, ?)');
      for (const indicator of report.indicators) insertIndicator.run(report.id, indicator.type, indicator.value, indicator.name ?? null);
      const insertKey = this.db.prepare('INSERT OR IGNORE INTO campaign_keys (key, campaign_id) VALUES (?, ?)');
      const recordKey = this.db.prepare('INSERT OR IGNORE INTO report_keys (report_id, key, kind, label) VALUES (?, ?, ?, ?)');
      for (const entry of report.groupingKeys) {
        insertKey.run(entry.key, campaignId);
        recordKey.run(report.id, entry.key, entry.kind, entry.label);
      }
      const event = this.db.prepare(
        `INSERT INTO campaign_events (campaign_id, kind, other_campaign_id, report_id, keys_json, actor, at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const link of assignment.links) {
        const keys = JSON.stringify(link.keys.slice(0, 20).map((k) => ({ kind: k.kind, label: k.label })));
        // Merged: the other campaign's reports moved here. Proposed: they stay apart until an analyst decides.
        event.run(campaignId, link.merged ? 'merged' : 'merge-proposed', link.campaignId, report.id, keys, report.reporter.address, report.receivedAt, link.merged ? null : 'pending');
      }
      this.addToken(report.id, report.statusTokenHash);
      if (report.forward) {
        this.db
          .prepare('INSERT INTO webhook_queue (report_id, next_attempt_ms, updated_at) VALUES (?, ?, ?)')
          .run(report.id, Date.now(), report.receivedAt);
      }
      return { kind: 'created', id: report.id, campaignId };
    }).immediate();
  }

  /**
   * Finds the campaigns that share a grouping key with the new report. None: a new campaign. One: it
   * joins it. Several: the report links them. A verified reporter's report merges them into the
   * oldest (reports and keys move there, the others keep pointing at it so their ids still resolve);
   * an unverified one (anyone can hold the add-in's token) joins the campaign it shares most keys
   * with, and each other link is recorded as a proposal for an analyst. Campaigns an analyst split
   * or kept apart are never merged automatically.
   */
  private assignCampaign(report: NewReport): { campaignId: string; links: { campaignId: string; keys: NewReport['groupingKeys']; merged: boolean }[] } {
    const byCampaign = new Map<string, NewReport['groupingKeys']>();
    const byKey = new Map(report.groupingKeys.map((entry) => [entry.key, entry]));
    for (const group of chunks(report.groupingKeys.map((entry) => entry.key))) {
      const rows = this.db
        .prepare(`SELECT key, campaign_id FROM campaign_keys WHERE key IN (${placeholders(group.length)})`)
        .all(...group) as Row[];
      for (const row of rows) {
        const campaign = this.resolveCampaignId(row.campaign_id as string) ?? (row.campaign_id as string);
        const list = byCampaign.get(campaign) ?? [];
        list.push(byKey.get(row.key as string)!);
        byCampaign.set(campaign, list);
      }
    }
    if (byCampaign.size === 0) {
      const id = randomUUID();
      this.db
        .prepare('INSERT INTO campaigns (id, title, created_at) VALUES (?, ?, ?)')
        .run(id, capText(report.subject, 300) || '(no subject)', report.receivedAt);
      return { campaignId: id, links: [] };
    }
    const ids = [...byCampaign.keys()];
    const created = new Map(
      (this.db.prepare(`SELECT id, created_at FROM campaigns WHERE id IN (${placeholders(ids.length)})`).all(...ids) as Row[]).map((row) => [
        row.id as string,
        row.created_at as string,
      ]),
    );
    const oldestFirst = (a: string, b: string) => ((created.get(a) ?? '') < (created.get(b) ?? '') ? -1 : (created.get(a) ?? '') > (created.get(b) ?? '') ? 1 : a < b ? -1 : 1);
    const ordered = report.reporterVerified
      ? [...ids].sort(oldestFirst)
      : [...ids].sort((a, b) => byCampaign.get(b)!.length - byCampaign.get(a)!.length || oldestFirst(a, b));
    const survivor = ordered[0];
    const links: { campaignId: string; keys: NewReport['groupingKeys']; merged: boolean }[] = [];
    for (const other of ordered.slice(1)) {
      const merge = report.reporterVerified && !this.keptApart(survivor, other);
      if (merge) this.moveCampaign(other, survivor);
      links.push({ campaignId: other, keys: byCampaign.get(other)!, merged: merge });
    }
    return { campaignId: survivor, links };
  }

  /** Whether an analyst split these campaigns or declined to merge them. */
  private keptApart(a: string, b: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM campaign_events WHERE ((campaign_id = ? AND other_campaign_id = ?) OR (campaign_id = ? AND other_campaign_id = ?))
            AND (kind = 'split' OR state = 'dismissed') LIMIT 1`,
        )
        .get(a, b, b, a) !== undefined
    );
  }

  /** Every report and key of `from` (and of the campaigns merged into it) moves to `into`. */
  private moveCampaign(from: string, into: string): void {
    this.db.prepare('UPDATE reports SET campaign_id = ? WHERE campaign_id = ?').run(into, from);
    this.db.prepare('UPDATE campaign_keys SET campaign_id = ? WHERE campaign_id = ?').run(into, from);
    // Keep every alias one hop from its survivor.
    this.db.prepare('UPDATE campaigns SET merged_into = ? WHERE merged_into = ? OR id = ?').run(into, from, from);
    this.db.prepare(`UPDATE campaign_events SET state = 'merged' WHERE kind = 'merge-proposed' AND state = 'pending' AND
      ((campaign_id = ? AND other_campaign_id = ?) OR (campaign_id = ? AND other_campaign_id = ?))`).run(into, from, from, into);
    // Events of the merged campaign stay readable from the survivor.
    this.db.prepare('UPDATE campaign_events SET campaign_id = ? WHERE campaign_id = ?').run(into, from);
  }

  private addToken(reportId: string, tokenHash: string): void {
    const next = (this.db.prepare('SELECT COALESCE(MAX(created_seq), 0) + 1 AS n FROM status_tokens WHERE report_id = ?').get(reportId) as Row).n as number;
    this.db.prepare('INSERT OR IGNORE INTO status_tokens (token_hash, report_id, created_seq) VALUES (?, ?, ?)').run(tokenHash, reportId, next);
    this.db
      .prepare(
        `DELETE FROM status_tokens WHERE report_id = ? AND token_hash NOT IN (
          SELECT token_hash FROM status_tokens WHERE report_id = ? ORDER BY created_seq DESC LIMIT ${STATUS_TOKENS_PER_REPORT})`,
      )
      .run(reportId, reportId);
  }

  async addStatusToken(reportId: string, tokenHash: string): Promise<void> {
    this.db.transaction(() => this.addToken(reportId, tokenHash))();
  }

  async listReports(filter: ReportFilter): Promise<Page<ReportSummaryRecord>> {
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
      params.push(this.resolveCampaignId(filter.campaignId) ?? filter.campaignId);
    }
    if (filter.reporter) {
      where.push('r.reporter_address_lc = ?');
      params.push(filter.reporter.toLowerCase());
    }
    if (filter.incomplete) where.push('r.incomplete_reason IS NOT NULL');
    if (filter.query) {
      // Subject, sender and Message-ID as normalised text; ids, hashes, URLs, domains and addresses
      // as typed (LIKE ignores ASCII case); a full SHA-256 also finds the message itself.
      const exact = likePattern(filter.query.exact);
      where.push(`(r.search_text LIKE ? ESCAPE '\\' OR r.internet_message_id LIKE ? ESCAPE '\\' OR r.network_message_id LIKE ? ESCAPE '\\'
        OR r.raw_sha256 = ? OR EXISTS (SELECT 1 FROM indicators i WHERE i.report_id = r.id AND i.value LIKE ? ESCAPE '\\'))`);
      params.push(likePattern(filter.query.normalized), exact, exact, filter.query.exact.toLowerCase(), exact);
    }
    const clause = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM reports r ${clause}`).get(...params) as Row).n as number;
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} ${clause} ORDER BY r.received_at DESC, r.seq DESC LIMIT ? OFFSET ?`)
      .all(...params, filter.limit, filter.offset) as Row[];
    return { items: rows.map(toSummary), total };
  }

  async getReport(id: string): Promise<ReportRecord | undefined> {
    const row = this.db
      .prepare(`SELECT r.*, c.title AS campaign_title, (SELECT COUNT(*) FROM reports r2 WHERE r2.campaign_id = r.campaign_id) AS campaign_size
        FROM ${SUMMARY_FROM} WHERE r.id = ?`)
      .get(id) as Row | undefined;
    if (!row) return undefined;
    const indicators = (this.db.prepare('SELECT type, value, name FROM indicators WHERE report_id = ? ORDER BY rowid').all(id) as Row[]).map(
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

  async getRaw(id: string): Promise<{ bytes: Buffer; sha256: string } | undefined> {
    const row = this.db
      .prepare('SELECT b.bytes, r.raw_sha256 FROM report_raw b JOIN reports r ON r.id = b.report_id WHERE b.report_id = ?')
      .get(id) as Row | undefined;
    return row ? { bytes: row.bytes as Buffer, sha256: row.raw_sha256 as string } : undefined;
  }

  async getContent(id: string): Promise<Record<string, unknown> | null | undefined> {
    const row = this.db
      .prepare('SELECT c.content_json FROM reports r LEFT JOIN report_content c ON c.report_id = r.id WHERE r.id = ?')
      .get(id) as Row | undefined;
    if (!row) return undefined;
    return parseJson<Record<string, unknown>>(row.content_json) ?? null;
  }

  async putContent(id: string, content: Record<string, unknown>): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO report_content (report_id, content_json) VALUES (?, ?)').run(id, JSON.stringify(content));
  }

  private applyTriage(ids: string[], update: TriageUpdate, actor: string): number {
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
    const update1 = this.db.prepare(`UPDATE reports SET ${sets.join(', ')} WHERE id = ?`);
    const event = this.db.prepare('INSERT INTO report_events (report_id, at, actor, change_json) VALUES (?, ?, ?, ?)');
    const change = JSON.stringify(update);
    for (const id of ids) {
      update1.run(...values, id);
      event.run(id, now, actor, change);
    }
    return ids.length;
  }

  async updateReport(id: string, update: TriageUpdate, actor: string): Promise<ReportRecord | undefined> {
    const exists = this.db.prepare('SELECT 1 FROM reports WHERE id = ?').get(id);
    if (!exists) return undefined;
    this.db.transaction(() => this.applyTriage([id], update, actor))();
    return this.getReport(id);
  }

  async updateReports(ids: string[], update: TriageUpdate, actor: string): Promise<number> {
    return this.db.transaction(() => {
      const existing: string[] = [];
      for (const group of chunks([...new Set(ids)])) {
        const rows = this.db.prepare(`SELECT id FROM reports WHERE id IN (${placeholders(group.length)})`).all(...group) as Row[];
        existing.push(...rows.map((row) => row.id as string));
      }
      return this.applyTriage(existing, update, actor);
    })();
  }

  private resolveCampaignId(id: string): string | undefined {
    const row = this.db.prepare('SELECT id, merged_into FROM campaigns WHERE id = ?').get(id) as Row | undefined;
    if (!row) return undefined;
    return (row.merged_into as string | null) ?? (row.id as string);
  }

  private campaignRecord(id: string): CampaignRecord | undefined {
    const base = this.db
      .prepare(
        `SELECT c.id, c.title, c.created_at, MIN(r.received_at) AS first_seen, MAX(r.received_at) AS last_seen,
          COUNT(r.seq) AS report_count, MAX(${VERDICT_RANK}) AS verdict_rank
        FROM campaigns c JOIN reports r ON r.campaign_id = c.id WHERE c.id = ? GROUP BY c.id`,
      )
      .get(id) as Row | undefined;
    if (!base) return undefined;
    const senders = (
      this.db
        .prepare(`SELECT DISTINCT LOWER(from_address) AS a FROM reports WHERE campaign_id = ? AND from_address IS NOT NULL ORDER BY a LIMIT 20`)
        .all(id) as Row[]
    ).map((row) => row.a as string);
    const dispositions: Partial<Record<Disposition, number>> = {};
    for (const row of this.db.prepare('SELECT disposition, COUNT(*) AS n FROM reports WHERE campaign_id = ? GROUP BY disposition').all(id) as Row[]) {
      dispositions[row.disposition as Disposition] = row.n as number;
    }
    const indicatorCount = (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT i.type, i.value FROM indicators i JOIN reports r ON r.id = i.report_id WHERE r.campaign_id = ?)`)
        .get(id) as Row
    ).n as number;
    const rank = base.verdict_rank as number | null;
    const pendingMerges = (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM campaign_events WHERE kind = 'merge-proposed' AND state = 'pending' AND (campaign_id = ? OR other_campaign_id = ?)`)
        .get(id, id) as Row
    ).n as number;
    return {
      pendingMerges,
      id: base.id as string,
      title: base.title as string,
      createdAt: base.created_at as string,
      firstSeen: base.first_seen as string,
      lastSeen: base.last_seen as string,
      reportCount: base.report_count as number,
      senders,
      verdict: rank === null ? undefined : RANKED_VERDICTS[rank],
      dispositions,
      indicatorCount,
    };
  }

  async listCampaigns(limit: number, offset: number): Promise<Page<CampaignRecord>> {
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM campaigns WHERE merged_into IS NULL').get() as Row).n as number;
    const rows = this.db
      .prepare(
        `SELECT c.id FROM campaigns c JOIN reports r ON r.campaign_id = c.id WHERE c.merged_into IS NULL
        GROUP BY c.id ORDER BY MAX(r.received_at) DESC, c.id LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as Row[];
    const items = rows.map((row) => this.campaignRecord(row.id as string)).filter((c): c is CampaignRecord => c !== undefined);
    return { items, total };
  }

  async getCampaign(id: string): Promise<CampaignRecord | undefined> {
    const resolved = this.resolveCampaignId(id);
    return resolved ? this.campaignRecord(resolved) : undefined;
  }

  async campaignReports(id: string, limit: number): Promise<ReportSummaryRecord[]> {
    const resolved = this.resolveCampaignId(id);
    if (!resolved) return [];
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE r.campaign_id = ? ORDER BY r.received_at, r.seq LIMIT ?`)
      .all(resolved, limit) as Row[];
    return rows.map(toSummary);
  }

  async campaignIndicators(id: string): Promise<IndicatorOccurrence[]> {
    const resolved = this.resolveCampaignId(id);
    if (!resolved) return [];
    const rows = this.db
      .prepare(
        `SELECT i.type, i.value, MIN(i.name) AS name, MIN(r.received_at) AS first_seen, MAX(r.received_at) AS last_seen,
          COUNT(DISTINCT r.id) AS reports
        FROM indicators i JOIN reports r ON r.id = i.report_id WHERE r.campaign_id = ?
        GROUP BY i.type, i.value ORDER BY i.type, i.value`,
      )
      .all(resolved) as Row[];
    return rows.map((row) => ({
      type: row.type as Indicator['type'],
      value: row.value as string,
      name: optional(row.name),
      firstSeen: row.first_seen as string,
      lastSeen: row.last_seen as string,
      reports: row.reports as number,
    }));
  }

  async updateCampaign(id: string, update: TriageUpdate, actor: string): Promise<number | undefined> {
    const resolved = this.resolveCampaignId(id);
    if (!resolved) return undefined;
    return this.db.transaction(() => {
      const ids = (this.db.prepare('SELECT id FROM reports WHERE campaign_id = ?').all(resolved) as Row[]).map((row) => row.id as string);
      return this.applyTriage(ids, update, actor);
    })();
  }

  async campaignGrouping(id: string): Promise<GroupingReason[]> {
    const resolved = this.resolveCampaignId(id);
    if (!resolved) return [];
    const rows = this.db
      .prepare(
        `SELECT k.key, MIN(k.kind) AS kind, MIN(k.label) AS label, COUNT(*) AS n FROM report_keys k JOIN reports r ON r.id = k.report_id
        WHERE r.campaign_id = ? GROUP BY k.key HAVING COUNT(*) > 1 ORDER BY n DESC, kind LIMIT ${MAX_REASONS}`,
      )
      .all(resolved) as Row[];
    const carriers = this.db.prepare(
      `SELECT k.report_id FROM report_keys k JOIN reports r ON r.id = k.report_id WHERE k.key = ? AND r.campaign_id = ? ORDER BY r.received_at, r.seq LIMIT ${REASON_REPORT_IDS}`,
    );
    return rows.map((row) => ({
      kind: row.kind as GroupingReason['kind'],
      label: row.label as string,
      reportCount: row.n as number,
      reportIds: (carriers.all(row.key, resolved) as Row[]).map((carrier) => carrier.report_id as string),
    }));
  }

  async campaignEvents(id: string): Promise<CampaignEvent[]> {
    const resolved = this.resolveCampaignId(id);
    if (!resolved) return [];
    const rows = this.db
      .prepare(
        `SELECT e.*, CASE WHEN e.campaign_id = ? THEN e.other_campaign_id ELSE e.campaign_id END AS other,
          (SELECT title FROM campaigns c WHERE c.id = CASE WHEN e.campaign_id = ? THEN e.other_campaign_id ELSE e.campaign_id END) AS other_title
        FROM campaign_events e WHERE e.campaign_id = ? OR e.other_campaign_id = ? ORDER BY e.seq DESC LIMIT 200`,
      )
      .all(resolved, resolved, resolved, resolved) as Row[];
    return rows.map((row) => ({
      kind: row.kind as CampaignEvent['kind'],
      otherCampaignId: optional(row.other),
      otherTitle: optional<string>(row.other_title) === undefined ? undefined : capText(row.other_title as string, 300),
      reportId: optional(row.report_id),
      keys: parseKeys(row.keys_json),
      actor: optional(row.actor),
      at: row.at as string,
      state: optional(row.state),
    }));
  }

  async mergeCampaigns(into: string, from: string, actor: string): Promise<boolean> {
    return this.db.transaction(() => {
      const target = this.resolveCampaignId(into);
      const source = this.resolveCampaignId(from);
      if (!target || !source || target === source) return false;
      this.moveCampaign(source, target);
      this.db
        .prepare(`INSERT INTO campaign_events (campaign_id, kind, other_campaign_id, actor, at) VALUES (?, 'merged', ?, ?, ?)`)
        .run(target, source, actor, new Date().toISOString());
      return true;
    })();
  }

  async splitCampaign(id: string, reportIds: string[], actor: string): Promise<string | undefined> {
    return this.db.transaction(() => {
      const resolved = this.resolveCampaignId(id);
      if (!resolved) return undefined;
      const moving = new Set<string>();
      for (const group of chunks([...new Set(reportIds)])) {
        const rows = this.db.prepare(`SELECT id FROM reports WHERE campaign_id = ? AND id IN (${placeholders(group.length)})`).all(resolved, ...group) as Row[];
        for (const row of rows) moving.add(row.id as string);
      }
      const total = (this.db.prepare('SELECT COUNT(*) AS n FROM reports WHERE campaign_id = ?').get(resolved) as Row).n as number;
      // Nothing to move, or everything: there would be nothing to split.
      if (moving.size === 0 || moving.size >= total) return undefined;
      const ids = [...moving];
      const first = this.db
        .prepare(`SELECT subject, received_at FROM reports WHERE id IN (${placeholders(Math.min(ids.length, IN_CHUNK))}) ORDER BY received_at, seq LIMIT 1`)
        .get(...ids.slice(0, IN_CHUNK)) as Row;
      const now = new Date().toISOString();
      const created = randomUUID();
      this.db.prepare('INSERT INTO campaigns (id, title, created_at) VALUES (?, ?, ?)').run(created, capText(first.subject as string, 300) || '(no subject)', now);
      const move = this.db.prepare('UPDATE reports SET campaign_id = ? WHERE id = ?');
      for (const report of ids) move.run(created, report);
      // A key goes with the split-off reports when none of the reports left behind carries it.
      this.db
        .prepare(
          `UPDATE campaign_keys SET campaign_id = ? WHERE campaign_id = ? AND key IN (SELECT k.key FROM report_keys k JOIN reports r ON r.id = k.report_id
            WHERE r.campaign_id = ?) AND key NOT IN (SELECT k.key FROM report_keys k JOIN reports r ON r.id = k.report_id WHERE r.campaign_id = ?)`,
        )
        .run(created, resolved, created, resolved);
      this.db
        .prepare(`INSERT INTO campaign_events (campaign_id, kind, other_campaign_id, actor, at, keys_json) VALUES (?, 'split', ?, ?, ?, '[]')`)
        .run(resolved, created, actor, now);
      return created;
    })();
  }

  async dismissMerge(id: string, other: string, actor: string): Promise<boolean> {
    return this.db.transaction(() => {
      const a = this.resolveCampaignId(id);
      const b = this.resolveCampaignId(other);
      if (!a || !b || a === b) return false;
      const changed = this.db
        .prepare(
          `UPDATE campaign_events SET state = 'dismissed', actor = ? WHERE kind = 'merge-proposed' AND state = 'pending' AND
            ((campaign_id = ? AND other_campaign_id = ?) OR (campaign_id = ? AND other_campaign_id = ?))`,
        )
        .run(actor, a, b, b, a).changes;
      return changed > 0;
    })();
  }

  async statusesByTokenHashes(hashes: string[]): Promise<ReportStatusRecord[]> {
    const byId = new Map<string, ReportStatusRecord>();
    for (const group of chunks(hashes)) {
      const rows = this.db
        .prepare(
          `SELECT r.id, r.key, substr(r.subject, 1, ${MAX_FIELD_CHARS + 1}) AS subject, r.received_at, r.disposition, r.feedback FROM status_tokens t
          JOIN reports r ON r.id = t.report_id WHERE t.token_hash IN (${placeholders(group.length)})`,
        )
        .all(...group) as Row[];
      for (const row of rows) {
        byId.set(row.id as string, {
          id: row.id as string,
          key: row.key as string,
          subject: capText(row.subject as string),
          receivedAt: row.received_at as string,
          disposition: row.disposition as Disposition,
          feedback: optional(row.feedback),
        });
      }
    }
    return [...byId.values()].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  }

  async dueDeliveries(nowMs: number, limit: number): Promise<Delivery[]> {
    const rows = this.db
      .prepare(`SELECT id, report_id, attempts FROM webhook_queue WHERE status = 'pending' AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?`)
      .all(nowMs, limit) as Row[];
    return rows.map((row) => ({ id: row.id as number, reportId: row.report_id as string, attempts: row.attempts as number }));
  }

  async deliverySucceeded(id: number): Promise<void> {
    this.db
      .prepare(`UPDATE webhook_queue SET status = 'delivered', attempts = attempts + 1, last_error = NULL, updated_at = ? WHERE id = ?`)
      .run(new Date().toISOString(), id);
  }

  async deliveryFailed(id: number, error: string, nextAttemptMs: number | undefined): Promise<void> {
    this.db
      .prepare(
        `UPDATE webhook_queue SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_ms = COALESCE(?, next_attempt_ms),
          updated_at = ? WHERE id = ?`,
      )
      .run(nextAttemptMs === undefined ? 'failed' : 'pending', error.slice(0, 500), nextAttemptMs ?? null, new Date().toISOString(), id);
  }

  async deliveryStats(): Promise<DeliveryStats> {
    const stats: DeliveryStats = { pending: 0, delivered: 0, failed: 0 };
    for (const row of this.db.prepare('SELECT status, COUNT(*) AS n FROM webhook_queue GROUP BY status').all() as Row[]) {
      if (row.status === 'pending' || row.status === 'delivered' || row.status === 'failed') stats[row.status] = row.n as number;
    }
    return stats;
  }

  async publishStixVersions(proposals: StixProposal[], now: string): Promise<StixVersion[]> {
    return this.db.transaction(() => publishStixVersions(this.db, proposals, now))();
  }

  async stixObjectsOfMerged(campaignId: string): Promise<StixVersion[]> {
    return stixObjectsOfMerged(this.db, campaignId);
  }

  async failedDeliveries(limit: number): Promise<FailedDelivery[]> {
    const rows = this.db
      .prepare(`SELECT id, report_id, attempts, last_error, updated_at FROM webhook_queue WHERE status = 'failed' ORDER BY id DESC LIMIT ?`)
      .all(limit) as Row[];
    return rows.map((row) => ({
      id: row.id as number,
      reportId: row.report_id as string,
      attempts: row.attempts as number,
      lastError: optional(row.last_error),
      updatedAt: row.updated_at as string,
    }));
  }

  async redriveDeliveries(ids: number[] | 'all', nowMs: number): Promise<number> {
    const now = new Date(nowMs).toISOString();
    const sql = `UPDATE webhook_queue SET status = 'pending', attempts = 0, next_attempt_ms = ?, updated_at = ? WHERE status = 'failed'`;
    if (ids === 'all') return this.db.prepare(sql).run(nowMs, now).changes;
    return this.db.transaction(() => {
      let changed = 0;
      for (const group of chunks(ids)) changed += this.db.prepare(`${sql} AND id IN (${placeholders(group.length)})`).run(nowMs, now, ...group).changes;
      return changed;
    })();
  }

  /** This database for the identity store (sessions, audit log, remediation; store/identity.ts). */
  queryable(): Queryable {
    const db = this.db;
    return {
      all: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).all(...params) as T[],
      get: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).get(...params) as T | undefined,
      run: async (sql: string, params: readonly unknown[] = []) => db.prepare(sql).run(...params).changes,
    };
  }

  async checkWritable(): Promise<void> {
    // A real commit (WAL append and fsync): it fails when the disk is full or the file is read-only.
    this.db.prepare(`INSERT INTO meta (key, value) VALUES ('write_check', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

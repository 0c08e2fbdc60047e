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
import { MIGRATIONS } from './migrations';
import type {
  CampaignRecord,
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

type Row = Record<string, unknown>;

// Rows stored before intake bounded the message's free text can hold megabytes in subject or sender
// name: SQLite cuts them to whole characters (code points) here, toSummary to UTF-16 units.
const SUMMARY_COLUMNS = `r.id, r.received_at, substr(r.subject, 1, ${MAX_FIELD_CHARS + 1}) AS subject,
  substr(r.from_address, 1, ${MAX_FIELD_CHARS + 1}) AS from_address, substr(r.from_name, 1, ${MAX_FIELD_CHARS + 1}) AS from_name,
  r.reporter_address, r.reporter_name, r.verdict, r.score, r.client_verdict, r.disposition, r.campaign_id, r.raw_size`;

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
    verdict: optional(row.verdict),
    score: optional(row.score),
    clientVerdict: optional(row.client_verdict),
    disposition: row.disposition as Disposition,
    campaignId: row.campaign_id as string,
    rawSize: row.raw_size as number,
  };
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
      const campaignId = this.assignCampaign(report);
      this.db
        .prepare(
          `INSERT INTO reports (id, key, fingerprint, received_at, reporter_address, reporter_address_lc, reporter_name,
            reasons_json, comment, eml_source, client_json, client_verdict_json, client_verdict, internet_message_id,
            network_message_id, subject, from_address, from_name, search_text, verdict, score, analysis_json, summary_json,
            raw_sha256, raw_size, campaign_id)
          VALUES (@id, @key, @fingerprint, @receivedAt, @reporterAddress, @reporterAddressLc, @reporterName, @reasons,
            @comment, @emlSource, @client, @clientVerdictJson, @clientVerdict, @internetMessageId, @networkMessageId,
            @subject, @fromAddress, @fromName, @searchText, @verdict, @score, @analysis, @summary, @rawSha256, @rawSize,
            @campaignId)`,
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
        });
      this.db.prepare('INSERT INTO report_raw (report_id, bytes) VALUES (?, ?)').run(report.id, Buffer.from(report.raw.buffer, report.raw.byteOffset, report.raw.byteLength));
      const insertIndicator = this.db.prepare('INSERT OR IGNORE INTO indicators (report_id, type, value, name) VALUES (?, ?, ?, ?)');
      for (const indicator of report.indicators) insertIndicator.run(report.id, indicator.type, indicator.value, indicator.name ?? null);
      const insertKey = this.db.prepare('INSERT OR IGNORE INTO campaign_keys (key, campaign_id) VALUES (?, ?)');
      for (const key of report.groupingKeys) insertKey.run(key, campaignId);
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
   * Finds the campaigns that share a grouping key with the new report. None: a new campaign. Several:
   * the report links them, so they are merged into the oldest (reports and keys move there, the
   * others keep pointing at it so their ids still resolve).
   */
  private assignCampaign(report: NewReport): string {
    const found = new Set<string>();
    for (const group of chunks(report.groupingKeys)) {
      const rows = this.db
        .prepare(`SELECT DISTINCT campaign_id FROM campaign_keys WHERE key IN (${placeholders(group.length)})`)
        .all(...group) as Row[];
      for (const row of rows) found.add(row.campaign_id as string);
    }
    if (found.size === 0) {
      const id = randomUUID();
      this.db
        .prepare('INSERT INTO campaigns (id, title, created_at) VALUES (?, ?, ?)')
        .run(id, capText(report.subject, 300) || '(no subject)', report.receivedAt);
      return id;
    }
    const ids = [...found];
    const candidates = this.db
      .prepare(`SELECT id FROM campaigns WHERE id IN (${placeholders(ids.length)}) ORDER BY created_at, id`)
      .all(...ids) as Row[];
    const survivor = candidates[0].id as string;
    const merged = ids.filter((id) => id !== survivor);
    if (merged.length > 0) {
      const list = placeholders(merged.length);
      this.db.prepare(`UPDATE reports SET campaign_id = ? WHERE campaign_id IN (${list})`).run(survivor, ...merged);
      this.db.prepare(`UPDATE campaign_keys SET campaign_id = ? WHERE campaign_id IN (${list})`).run(survivor, ...merged);
      // Keep every alias one hop from its survivor.
      this.db.prepare(`UPDATE campaigns SET merged_into = ? WHERE merged_into IN (${list}) OR id IN (${list})`).run(survivor, ...merged, ...merged);
    }
    return survivor;
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
    if (filter.query) {
      where.push(`r.search_text LIKE ? ESCAPE '\\'`);
      params.push(likePattern(filter.query));
    }
    const clause = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM reports r ${clause}`).get(...params) as Row).n as number;
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM reports r ${clause} ORDER BY r.received_at DESC, r.seq DESC LIMIT ? OFFSET ?`)
      .all(...params, filter.limit, filter.offset) as Row[];
    return { items: rows.map(toSummary), total };
  }

  async getReport(id: string): Promise<ReportRecord | undefined> {
    const row = this.db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as Row | undefined;
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
    return {
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
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM reports r WHERE r.campaign_id = ? ORDER BY r.received_at, r.seq LIMIT ?`)
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

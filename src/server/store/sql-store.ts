// ReportStore over any SqlDatabase: each method is one query module's function, in a transaction
// where it writes more than one row. The engines (sqlite.ts, postgres.ts) extend this with how they
// connect and migrate; a new method is added here once and runs on both.
import * as campaigns from './campaigns';
import * as deliveries from './deliveries';
import * as raw from './raw';
import * as reports from './reports';
import type { Dialect, SqlDatabase } from './sql';
import * as stix from './stix-versions';
import type {
  CampaignEvent,
  CampaignRecord,
  Delivery,
  DeliveryStats,
  FailedDelivery,
  GroupingReason,
  IndicatorOccurrence,
  InsertOutcome,
  KeyRecord,
  NewReport,
  Page,
  RawChunks,
  ReportFilter,
  ReportRecord,
  ReportStatusRecord,
  ReportStore,
  ReportSummaryRecord,
  StixProposal,
  StixVersion,
  TriageUpdate,
} from './types';

export class SqlStore implements ReportStore {
  constructor(protected readonly db: SqlDatabase) {}

  async instance(): Promise<{ createdAt: string }> {
    const row = await this.db.get(`SELECT value FROM meta WHERE key = 'created_at'`);
    return { createdAt: row!.value as string };
  }

  findByKey(key: string): Promise<KeyRecord | undefined> {
    return reports.findByKey(this.db, key);
  }

  /** A large message is written ahead of the transaction that refers to it (raw.ts); it is deleted again unless that created a report. */
  async insertReport(report: NewReport): Promise<InsertOutcome> {
    const stored: reports.StoredRaw = { rawId: raw.newRawId(), writtenAhead: report.raw.byteLength > raw.SMALL_RAW_BYTES, writtenMs: Date.now() };
    if (stored.writtenAhead) await raw.writeRawAhead(this.db, stored.rawId, report.raw, stored.writtenMs);
    let outcome: InsertOutcome | undefined;
    try {
      try {
        outcome = await this.db.transaction((tx) => reports.insertReport(tx, report, stored));
      } catch (error) {
        if (!this.db.dialect.isDuplicate(error, 'reports', 'key')) throw error;
        // Its key was taken while it was analysed: answer with the report stored under it.
        outcome = await this.db.transaction((tx) => reports.existingReport(tx, report));
        if (!outcome) throw error;
      }
      return outcome;
    } finally {
      if (stored.writtenAhead && outcome?.kind !== 'created') await raw.deleteRaw(this.db, stored.rawId).catch(() => undefined);
    }
  }

  addStatusToken(reportId: string, tokenHash: string): Promise<void> {
    return this.db.transaction((tx) => reports.addStatusToken(tx, reportId, tokenHash));
  }

  listReports(filter: ReportFilter): Promise<Page<ReportSummaryRecord>> {
    return reports.listReports(this.db, filter);
  }

  getReport(id: string): Promise<ReportRecord | undefined> {
    return reports.getReport(this.db, id);
  }

  getRaw(id: string): Promise<{ bytes: Buffer; sha256: string } | undefined> {
    return raw.readRaw(this.db, id);
  }

  getRawChunks(id: string): Promise<RawChunks | undefined> {
    return raw.rawChunks(this.db, id);
  }

  sweepOrphanRaw(nowMs: number): Promise<number> {
    return raw.sweepOrphanRaw(this.db, nowMs - raw.ORPHAN_AGE_MS);
  }

  getContent(id: string): Promise<Record<string, unknown> | null | undefined> {
    return reports.getContent(this.db, id);
  }

  putContent(id: string, content: Record<string, unknown>): Promise<void> {
    return reports.putContent(this.db, id, content);
  }

  async updateReport(id: string, update: TriageUpdate, actor: string): Promise<ReportRecord | undefined> {
    const changed = await this.db.transaction(async (tx) => {
      const [existing] = await reports.existingReportIds(tx, [id]);
      return existing ? (await reports.applyTriage(tx, [existing], update, actor), true) : false;
    });
    return changed ? this.getReport(id) : undefined;
  }

  updateReports(ids: string[], update: TriageUpdate, actor: string): Promise<number> {
    return this.db.transaction(async (tx) => reports.applyTriage(tx, await reports.existingReportIds(tx, ids), update, actor));
  }

  statusesByTokenHashes(hashes: string[]): Promise<ReportStatusRecord[]> {
    return reports.statusesByTokenHashes(this.db, hashes);
  }

  listCampaigns(limit: number, offset: number): Promise<Page<CampaignRecord>> {
    return campaigns.listCampaigns(this.db, limit, offset);
  }

  getCampaign(id: string): Promise<CampaignRecord | undefined> {
    return campaigns.getCampaign(this.db, id);
  }

  campaignReports(id: string, limit: number): Promise<ReportSummaryRecord[]> {
    return campaigns.campaignReports(this.db, id, limit);
  }

  campaignIndicators(id: string): Promise<IndicatorOccurrence[]> {
    return campaigns.campaignIndicators(this.db, id);
  }

  updateCampaign(id: string, update: TriageUpdate, actor: string): Promise<number | undefined> {
    return this.db.transaction(async (tx) => {
      const ids = await campaigns.lockedCampaignReportIds(tx, id);
      return ids === undefined ? undefined : reports.applyTriage(tx, ids, update, actor);
    });
  }

  campaignGrouping(id: string): Promise<GroupingReason[]> {
    return campaigns.campaignGrouping(this.db, id);
  }

  campaignEvents(id: string): Promise<CampaignEvent[]> {
    return campaigns.campaignEvents(this.db, id);
  }

  mergeCampaigns(into: string, from: string, actor: string): Promise<boolean> {
    return this.db.transaction((tx) => campaigns.mergeCampaigns(tx, into, from, actor));
  }

  splitCampaign(id: string, reportIds: string[], actor: string): Promise<string | undefined> {
    return this.db.transaction((tx) => campaigns.splitCampaign(tx, id, reportIds, actor));
  }

  dismissMerge(id: string, other: string, actor: string): Promise<boolean> {
    return this.db.transaction((tx) => campaigns.dismissMerge(tx, id, other, actor));
  }

  claimDeliveries(nowMs: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    return deliveries.claimDeliveries(this.db, nowMs, limit, leaseMs);
  }

  deliverySucceeded(delivery: Delivery): Promise<void> {
    return deliveries.deliverySucceeded(this.db, delivery);
  }

  deliveryFailed(delivery: Delivery, error: string, nextAttemptMs: number | undefined): Promise<void> {
    return deliveries.deliveryFailed(this.db, delivery, error, nextAttemptMs);
  }

  releaseDeliveries(list: Delivery[], nowMs: number): Promise<void> {
    return deliveries.releaseDeliveries(this.db, list, nowMs);
  }

  deliveryStats(): Promise<DeliveryStats> {
    return deliveries.deliveryStats(this.db);
  }

  failedDeliveries(limit: number): Promise<FailedDelivery[]> {
    return deliveries.failedDeliveries(this.db, limit);
  }

  redriveDeliveries(ids: number[] | 'all', nowMs: number): Promise<number> {
    return deliveries.redriveDeliveries(this.db, ids, nowMs);
  }

  publishStixVersions(proposals: StixProposal[], now: string): Promise<StixVersion[]> {
    return this.db.transaction((tx) => stix.publishStixVersions(tx, proposals, now));
  }

  stixObjectsOfMerged(campaignId: string): Promise<StixVersion[]> {
    return stix.stixObjectsOfMerged(this.db, campaignId);
  }

  /** Which engine holds the data. */
  dialect(): Dialect['name'] {
    return this.db.dialect.name;
  }

  /** This database for the identity store (sessions, audit log, remediation; store/identity.ts), transactions included. */
  queryable(): SqlDatabase {
    return this.db;
  }

  async checkWritable(): Promise<void> {
    // A real commit (SQLite: WAL append and fsync; PostgreSQL: WAL flush): it fails when the disk is
    // full, the database is read-only or cannot be reached.
    await this.db.run(`INSERT INTO meta (key, value) VALUES ('write_check', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [new Date().toISOString()]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

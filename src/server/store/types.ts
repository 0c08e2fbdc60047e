// Storage behind one interface: SQLite (one file, nothing to operate; the default) or PostgreSQL
// (several service instances on one database). Both are SqlStore (sql-store.ts) over an engine
// (sqlite.ts, postgres.ts); routes see only this interface. `insertReport` is atomic: the raw
// message, its metadata, indicators, campaign assignment and the webhook queue entry commit
// together or not at all, and the promise resolves only after the commit is durable.
import type { Disposition } from '../../report/protocol';
import type { VerdictLevel } from '../../engine/model';
import type { GroupingKey, GroupingKind } from '../grouping';

/**
 * Thrown by a store when the storage itself fails, whatever the backend: `full` (no space left:
 * the request may succeed later, 507) or `unavailable` (I/O error, read-only, locked: 503).
 * Routes map it to an answer with Retry-After; nothing backend-specific reaches them.
 */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly kind: 'full' | 'unavailable',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export type IndicatorType =
  | 'sender-address'
  | 'sender-domain'
  | 'reply-to'
  | 'return-path'
  | 'url'
  | 'url-domain'
  | 'attachment';

export interface Indicator {
  type: IndicatorType;
  /** Address, domain, URL, or for attachments the lower-case hex SHA-256 of the content. */
  value: string;
  /** Attachment file name (as written in the message). */
  name?: string;
}

export interface ReporterInfo {
  address: string;
  name?: string;
}

/** Everything the service keeps about a report besides the raw bytes. */
export interface NewReport {
  id: string;
  key: string;
  /** Hash of what makes two submissions "the same report" (raw message + reporter); see intake.ts. */
  fingerprint: string;
  receivedAt: string;
  reporter: ReporterInfo;
  reasons: string[];
  comment?: string;
  emlSource: 'original' | 'rebuilt';
  client?: Record<string, unknown>;
  clientVerdict?: Record<string, unknown>;
  internetMessageId?: string;
  networkMessageId?: string;
  raw: Uint8Array;
  rawSha256: string;
  subject: string;
  fromAddress?: string;
  fromName?: string;
  /** Lower-cased, normalised text the `q` filter searches (subject, sender name and address, Message-ID). */
  searchText: string;
  /** Server-side verdict; undefined when the message could not be parsed. */
  verdict?: VerdictLevel;
  score?: number;
  /** JSON-ready server analysis (findings, not-checked) or the parse error. */
  analysis: Record<string, unknown>;
  /** JSON-ready header summary shown to analysts. */
  summary: Record<string, unknown>;
  indicators: Indicator[];
  /** Keys that link reports of one campaign (see grouping.ts). */
  groupingKeys: GroupingKey[];
  /**
   * Whether the reporter's identity was verified (analyst token or a signed-in identity). A report
   * from an unverified reporter never merges two existing campaigns: it joins one and the merge
   * waits for an analyst.
   */
  reporterVerified: boolean;
  /** The signed-in reporter (Entra tenant and user object id), for "My reports" on every device. */
  reporterIdentity?: { tenantId: string; objectId: string };
  /** Why the message was not fully analysed; undefined when it was. */
  incompleteReason?: string;
  /** The console's content view (body text, links, raw headers), computed once at intake. */
  content: Record<string, unknown>;
  /** SHA-256 (hex) of the status token handed to the reporter. */
  statusTokenHash: string;
  /** Queue a webhook delivery in the same transaction. */
  forward: boolean;
  /** Queue a Microsoft Defender submission (store/defender-queue.ts) in the same transaction. */
  defender?: boolean;
}

export type InsertOutcome =
  | { kind: 'created'; id: string; campaignId: string }
  /** The key was already used for the same report (a retry); a new status token was recorded. */
  | { kind: 'duplicate'; id: string; campaignId: string }
  /** The key was already used for a different report. */
  | { kind: 'conflict'; id: string };

export interface KeyRecord {
  id: string;
  fingerprint: string;
  campaignId: string;
}

export interface ReportSummaryRecord {
  id: string;
  receivedAt: string;
  subject: string;
  fromAddress?: string;
  fromName?: string;
  reporter: ReporterInfo;
  /** The reporter signed in (or used a staff token); false for the add-in's shared token. */
  reporterVerified: boolean;
  verdict?: VerdictLevel;
  score?: number;
  clientVerdict?: VerdictLevel;
  disposition: Disposition;
  campaignId: string;
  campaignTitle?: string;
  /** Reports in the campaign. */
  campaignSize?: number;
  rawSize: number;
  /** Why the message was not fully analysed; undefined when it was. */
  incompleteReason?: string;
}

export interface ReportRecord extends ReportSummaryRecord {
  key: string;
  reasons: string[];
  comment?: string;
  emlSource: 'original' | 'rebuilt';
  client?: Record<string, unknown>;
  clientVerdictDetail?: Record<string, unknown>;
  internetMessageId?: string;
  networkMessageId?: string;
  rawSha256: string;
  analysis: Record<string, unknown>;
  summary: Record<string, unknown>;
  indicators: Indicator[];
  note?: string;
  feedback?: string;
  triagedAt?: string;
  triagedBy?: string;
}

export interface ReportFilter {
  verdict?: VerdictLevel;
  /** Only reports whose analysis is incomplete. */
  incomplete?: boolean;
  disposition?: Disposition;
  campaignId?: string;
  reporter?: string;
  /**
   * Text search: `normalized` (normalizeText) against subject, sender and Message-ID; `exact` (as
   * typed, trimmed) against URLs, domains, addresses, hashes, Message-ID and Network-Message-ID.
   */
  query?: { normalized: string; exact: string };
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface TriageUpdate {
  disposition?: Disposition;
  note?: string;
  feedback?: string;
}

export interface CampaignRecord {
  id: string;
  title: string;
  createdAt: string;
  firstSeen: string;
  lastSeen: string;
  reportCount: number;
  senders: string[];
  /** Worst server verdict among the reports. */
  verdict?: VerdictLevel;
  dispositions: Partial<Record<Disposition, number>>;
  indicatorCount: number;
  /** Merges with other campaigns that wait for an analyst. */
  pendingMerges: number;
}

/** Why reports are together: a key two or more of them share. */
export interface GroupingReason {
  kind: GroupingKind;
  label: string;
  /** Reports of the campaign that carry the key (at most a few ids; `reportCount` says how many). */
  reportIds: string[];
  reportCount: number;
}

export type CampaignEventKind = 'merged' | 'merge-proposed' | 'split';

export interface CampaignEvent {
  kind: CampaignEventKind;
  /** The other campaign: merged into this one, proposed for merging, or split off. */
  otherCampaignId?: string;
  otherTitle?: string;
  /** The report that linked the two (merges and proposals). */
  reportId?: string;
  keys: { kind: GroupingKind; label: string }[];
  actor?: string;
  at: string;
  /** For proposals: pending, merged or dismissed. */
  state?: 'pending' | 'merged' | 'dismissed';
}

export interface IndicatorOccurrence extends Indicator {
  firstSeen: string;
  lastSeen: string;
  reports: number;
}

export interface ReportStatusRecord {
  id: string;
  key: string;
  subject: string;
  receivedAt: string;
  disposition: Disposition;
  feedback?: string;
}

export interface Delivery {
  id: number;
  reportId: string;
  attempts: number;
  /** Names this forwarder's claim; settling with an expired claim (another forwarder took it over) changes nothing. */
  claim: string;
}

export interface DeliveryStats {
  pending: number;
  delivered: number;
  failed: number;
}

/** One STIX object as an export proposes it (exports/stix-versions.ts). */
export interface StixProposal {
  id: string;
  /** The campaign the object was exported for ('' for objects shared by all, like the identity). */
  campaignId: string;
  /** SHA-256 (hex) of `body`: a new value is a new version. */
  contentSha256: string;
  /** The object without created and modified, as JSON. */
  body: string;
  /** created and modified for the first version. */
  created: string;
  modified: string;
}

/** The published version of a STIX object. */
export interface StixVersion {
  id: string;
  campaignId: string;
  created: string;
  modified: string;
  body: string;
}

export interface FailedDelivery {
  id: number;
  reportId: string;
  attempts: number;
  lastError?: string;
  updatedAt: string;
}

export interface RawChunks {
  size: number;
  sha256: string;
  /** In order; fails if a chunk is missing (damage), never ends early. */
  chunks: AsyncIterable<Buffer>;
}

export interface ReportStore {
  /** Identity of this database (created once), e.g. for deterministic STIX identity timestamps. */
  instance(): Promise<{ createdAt: string }>;
  findByKey(key: string): Promise<KeyRecord | undefined>;
  insertReport(report: NewReport): Promise<InsertOutcome>;
  /** Records another status token for an existing report (a retried submission); keeps the newest few. */
  addStatusToken(reportId: string, tokenHash: string): Promise<void>;
  listReports(filter: ReportFilter): Promise<Page<ReportSummaryRecord>>;
  getReport(id: string): Promise<ReportRecord | undefined>;
  /** The whole message in memory; undefined for no report. */
  getRaw(id: string): Promise<{ bytes: Buffer; sha256: string } | undefined>;
  /** The message as it is stored, chunk by chunk (for downloads: never all of it in memory at once). */
  getRawChunks(id: string): Promise<RawChunks | undefined>;
  /** Deletes message chunks that an intake stopped by a crash left behind (old enough that no intake still runs); returns how many messages. */
  sweepOrphanRaw(nowMs: number): Promise<number>;
  /** The stored content view; `null` for a report stored before content views were kept, undefined for no report. */
  getContent(id: string): Promise<Record<string, unknown> | null | undefined>;
  putContent(id: string, content: Record<string, unknown>): Promise<void>;
  updateReport(id: string, update: TriageUpdate, actor: string): Promise<ReportRecord | undefined>;
  listCampaigns(limit: number, offset: number): Promise<Page<CampaignRecord>>;
  /** Resolves ids of campaigns that were merged into another one to the surviving campaign. */
  getCampaign(id: string): Promise<CampaignRecord | undefined>;
  campaignReports(id: string, limit: number): Promise<ReportSummaryRecord[]>;
  campaignIndicators(id: string): Promise<IndicatorOccurrence[]>;
  /** Sets the triage fields on every report of a campaign; returns how many changed, or undefined if unknown. */
  updateCampaign(id: string, update: TriageUpdate, actor: string): Promise<number | undefined>;
  /** Sets the triage fields on the given reports (bulk triage); returns how many exist and were changed. */
  updateReports(ids: string[], update: TriageUpdate, actor: string): Promise<number>;
  /** Shared keys of the campaign's reports, most shared first. */
  campaignGrouping(id: string): Promise<GroupingReason[]>;
  campaignEvents(id: string): Promise<CampaignEvent[]>;
  /** Moves every report and key of `from` into `into` (an analyst's decision); false if either is unknown or they are one. */
  mergeCampaigns(into: string, from: string, actor: string): Promise<boolean>;
  /** Moves the given reports of campaign `id` into a new campaign kept apart from it; returns the new id. */
  splitCampaign(id: string, reportIds: string[], actor: string): Promise<string | undefined>;
  /** Closes pending merge proposals between two campaigns without merging; they stay apart. */
  dismissMerge(id: string, other: string, actor: string): Promise<boolean>;
  statusesByTokenHashes(hashes: string[]): Promise<ReportStatusRecord[]>;
  /**
   * Claims up to `limit` due webhook deliveries for `leaseMs`: no other forwarder (in this or another
   * service instance) gets them before the lease ends, unless they are released or settled.
   */
  claimDeliveries(nowMs: number, limit: number, leaseMs: number): Promise<Delivery[]>;
  deliverySucceeded(delivery: Delivery): Promise<void>;
  /** Records a failed attempt; `nextAttemptMs` undefined means give up. */
  deliveryFailed(delivery: Delivery, error: string, nextAttemptMs: number | undefined): Promise<void>;
  /** Gives claimed deliveries that were not attempted back to the queue, due at once (on shutdown). */
  releaseDeliveries(deliveries: Delivery[], nowMs: number): Promise<void>;
  deliveryStats(): Promise<DeliveryStats>;
  /**
   * Records what an export publishes, atomically: a new object keeps the proposed created and
   * modified; a known one keeps its created and, when its content changed, gets modified = the
   * later of `now` and its previous modified + 1 ms; an unchanged one comes back as it was.
   */
  publishStixVersions(proposals: StixProposal[], now: string): Promise<StixVersion[]>;
  /** The published objects of campaigns that were merged into this one (to revoke them). */
  stixObjectsOfMerged(campaignId: string): Promise<StixVersion[]>;
  failedDeliveries(limit: number): Promise<FailedDelivery[]>;
  /** Puts failed deliveries (the given ones, or all) back in the queue with a fresh attempt count; returns how many. */
  redriveDeliveries(ids: number[] | 'all', nowMs: number): Promise<number>;
  /** Writes a marker and reads it back: throws StorageError when the storage cannot take writes. */
  checkWritable(): Promise<void>;
  close(): Promise<void>;
}

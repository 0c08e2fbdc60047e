// Campaigns: which campaign a new report joins, analysts' merges and splits, and what the console
// reads about a campaign. Written once for both engines (sql.ts).
//
// Under concurrency (several service instances on one PostgreSQL) two kinds of lock keep grouping right:
// - a lock per grouping key no campaign holds yet, so two reports bringing that key cannot both
//   open a campaign for it;
// - a lock per campaign: shared by reports joining it (a wave of reports of one phishing mail joins
//   one campaign side by side), exclusive for everything that moves reports between campaigns
//   (merges, splits, a verified report linking campaigns), so a report never joins a campaign that
//   a merge is emptying.
// After waiting for locks the campaigns are looked up again: a merge that committed meanwhile may
// have moved the keys to its survivor, which is then locked too (lockSharingCampaigns, lockCampaigns).
import { randomUUID } from 'node:crypto';
import type { Disposition } from '../../report/protocol';
import type { VerdictLevel } from '../../engine/model';
import { capText } from './limits';
import { optional, parseJson, SUMMARY_COLUMNS, SUMMARY_FROM, toSummary } from './report-rows';
import { chunks, insertTextRows, placeholders, textIn, valueRows, type Dialect, type Queryable, type Statement, type Transaction } from './sql';
import { StorageError } from './types';
import type { CampaignEvent, CampaignRecord, GroupingReason, Indicator, IndicatorOccurrence, NewReport, Page, ReportSummaryRecord } from './types';

/** Report ids listed per grouping reason (the count says how many there are). */
const REASON_REPORT_IDS = 10;
/** Grouping reasons listed per campaign, most shared first. */
const MAX_REASONS = 50;
/** Campaign events shown per campaign, newest first. */
const MAX_EVENTS = 200;
/** Grouping keys recorded with a merge or proposal (the report's detail has them all). */
const KEYS_PER_EVENT = 20;
/** Grouping keys per INSERT statement where rows are listed (up to 4 parameters each). */
const KEYS_PER_STATEMENT = 100;
/** Campaign titles are a subject: bounded. */
const TITLE_CHARS = 300;
/**
 * Rounds of "look up, lock, look again" before giving up: each round locks campaigns that a
 * concurrent merge moved keys to, so it takes a chain of merges committing exactly in between to
 * need more than two.
 */
const LOCK_ROUNDS = 8;

const VERDICT_RANK = `CASE r.verdict WHEN 'dangerous' THEN 2 WHEN 'suspicious' THEN 1 WHEN 'clean' THEN 0 END`;
const RANKED_VERDICTS: VerdictLevel[] = ['clean', 'suspicious', 'dangerous'];

const campaignLock = (id: string) => `campaign:${id}`;
const groupingLock = (key: string) => `grouping-key:${key}`;

export interface CampaignLink {
  campaignId: string;
  keys: NewReport['groupingKeys'];
  merged: boolean;
}

export interface Assignment {
  campaignId: string;
  links: CampaignLink[];
  /** The new campaign's INSERT, when the report opens one. */
  create?: Statement;
}

/** The campaign id itself, or the one it was merged into; undefined for an unknown id. */
export async function resolveCampaignId(db: Queryable, id: string): Promise<string | undefined> {
  const row = await db.get('SELECT id, merged_into FROM campaigns WHERE id = ?', [id]);
  if (!row) return undefined;
  return (row.merged_into as string | null) ?? (row.id as string);
}

/**
 * Runs `find` (which campaigns matter now) until every campaign it names is locked by this
 * transaction; returns its last answer. See the header for why it looks twice.
 */
async function lockCampaigns<T>(tx: Transaction, find: () => Promise<T>, idsOf: (found: T) => readonly string[]): Promise<T> {
  const locked = new Set<string>();
  for (let round = 0; round < LOCK_ROUNDS; round++) {
    const found = await find();
    const missing = [...new Set(idsOf(found))].filter((id) => !locked.has(id));
    if (missing.length === 0) return found;
    await tx.lock(missing.map(campaignLock));
    for (const id of missing) locked.add(id);
  }
  throw new StorageError('unavailable', 'Campaigns kept changing while a report was being grouped; try again.');
}

interface SharingCampaign {
  keys: NewReport['groupingKeys'];
  createdAt: string;
}

/** Live campaigns holding any of the keys, with the keys each holds (one query per IN_CHUNK keys). */
async function campaignsSharing(tx: Transaction, groupingKeys: NewReport['groupingKeys']): Promise<Map<string, SharingCampaign>> {
  const byCampaign = new Map<string, SharingCampaign>();
  const byKey = new Map(groupingKeys.map((entry) => [entry.key, entry]));
  for (const { condition, params } of textIn(tx.dialect, 'k.key', groupingKeys.map((entry) => entry.key))) {
    const rows = await tx.all(
      `SELECT k.key, s.id AS campaign_id, s.created_at FROM campaign_keys k JOIN campaigns c ON c.id = k.campaign_id
      JOIN campaigns s ON s.id = COALESCE(c.merged_into, c.id) WHERE ${condition} ORDER BY k.key`,
      params,
    );
    for (const row of rows) {
      const campaign = byCampaign.get(row.campaign_id as string) ?? { keys: [], createdAt: row.created_at as string };
      campaign.keys.push(byKey.get(row.key as string)!);
      byCampaign.set(row.campaign_id as string, campaign);
    }
  }
  return byCampaign;
}

/**
 * The campaigns sharing a key with the report, once this transaction holds the locks that keep that
 * answer true until it commits: the exclusive grouping lock of every key no campaign holds yet (two
 * reports bringing one new key cannot both open a campaign for it), and each campaign's lock,
 * shared when the report only joins (reports joining one campaign at once, the usual wave of one
 * phishing mail, run side by side) and exclusive when it will merge them. After each wait the
 * campaigns are looked up again: a merge or a report that committed meanwhile may have changed them.
 */
async function lockSharingCampaigns(tx: Transaction, report: NewReport): Promise<Map<string, SharingCampaign>> {
  const lockedKeys = new Set<string>();
  const lockedCampaigns = new Map<string, 'shared' | 'exclusive'>();
  let found = await campaignsSharing(tx, report.groupingKeys);
  for (let round = 0; round < LOCK_ROUNDS; round++) {
    const held = new Set([...found.values()].flatMap((campaign) => campaign.keys.map((entry) => entry.key)));
    const newKeys = report.groupingKeys.map((entry) => entry.key).filter((key) => !held.has(key) && !lockedKeys.has(key));
    const mode = report.reporterVerified && found.size > 1 ? 'exclusive' : 'shared';
    const campaigns = [...found.keys()].filter((id) => lockedCampaigns.get(id) !== 'exclusive' && lockedCampaigns.get(id) !== mode);
    if (newKeys.length === 0 && campaigns.length === 0) return found;
    const exclusive = [...newKeys.map(groupingLock), ...(mode === 'exclusive' ? campaigns.map(campaignLock) : [])];
    await tx.lock(exclusive, mode === 'shared' ? campaigns.map(campaignLock) : []);
    for (const key of newKeys) lockedKeys.add(key);
    for (const id of campaigns) lockedCampaigns.set(id, mode);
    found = await campaignsSharing(tx, report.groupingKeys);
  }
  throw new StorageError('unavailable', 'Campaigns kept changing while a report was being grouped; try again.');
}

/**
 * Finds the campaigns that share a grouping key with the new report. None: a new campaign (its
 * INSERT is returned, for the intake's batch). One: it joins it. Several: the report links them. A
 * verified reporter's report merges them into the oldest (reports and keys move there, the others
 * keep pointing at it so their ids still resolve); an unverified one (anyone can hold the add-in's
 * token) joins the campaign it shares most keys with, and each other link is recorded as a
 * proposal for an analyst. Campaigns an analyst split or kept apart are never merged automatically.
 */
export async function assignCampaign(tx: Transaction, report: NewReport): Promise<Assignment> {
  const byCampaign = await lockSharingCampaigns(tx, report);
  if (byCampaign.size === 0) {
    const id = randomUUID();
    const create = { sql: 'INSERT INTO campaigns (id, title, created_at) VALUES (?, ?, ?)', params: [id, capText(report.subject, TITLE_CHARS) || '(no subject)', report.receivedAt] };
    return { campaignId: id, links: [], create };
  }
  const ids = [...byCampaign.keys()];
  const oldestFirst = (a: string, b: string) => {
    const ca = byCampaign.get(a)!.createdAt;
    const cb = byCampaign.get(b)!.createdAt;
    return ca < cb ? -1 : ca > cb ? 1 : a < b ? -1 : 1;
  };
  const ordered = report.reporterVerified
    ? [...ids].sort(oldestFirst)
    : [...ids].sort((a, b) => byCampaign.get(b)!.keys.length - byCampaign.get(a)!.keys.length || oldestFirst(a, b));
  const survivor = ordered[0];
  const links: CampaignLink[] = [];
  for (const other of ordered.slice(1)) {
    const merge = report.reporterVerified && !(await keptApart(tx, survivor, other));
    if (merge) await moveCampaign(tx, other, survivor);
    links.push({ campaignId: other, keys: byCampaign.get(other)!.keys, merged: merge });
  }
  return { campaignId: survivor, links };
}

/** The statements recording the report's keys for its campaign and the links it made (for the intake's batch, after the report row). */
export function groupingStatements(dialect: Dialect, report: NewReport, assignment: Assignment): Statement[] {
  const rows = { rowsPerStatement: KEYS_PER_STATEMENT, onConflict: 'ON CONFLICT DO NOTHING' };
  const statements = [
    ...insertTextRows(dialect, 'campaign_keys', ['key', 'campaign_id'], report.groupingKeys.map((entry) => [entry.key, assignment.campaignId]), rows),
    ...insertTextRows(dialect, 'report_keys', ['report_id', 'key', 'kind', 'label'], report.groupingKeys.map((entry) => [report.id, entry.key, entry.kind, entry.label]), rows),
  ];
  if (assignment.links.length > 0) {
    // Merged: the other campaign's reports moved here. Proposed: they stay apart until an analyst decides.
    statements.push({
      sql: `INSERT INTO campaign_events (campaign_id, kind, other_campaign_id, report_id, keys_json, actor, at, state) VALUES ${valueRows(assignment.links.length, 8)}`,
      params: assignment.links.flatMap((link) => [
        assignment.campaignId,
        link.merged ? 'merged' : 'merge-proposed',
        link.campaignId,
        report.id,
        JSON.stringify(link.keys.slice(0, KEYS_PER_EVENT).map((k) => ({ kind: k.kind, label: k.label }))),
        report.reporter.address,
        report.receivedAt,
        link.merged ? null : 'pending',
      ]),
    });
  }
  return statements;
}

/** Whether an analyst split these campaigns or declined to merge them. */
async function keptApart(db: Queryable, a: string, b: string): Promise<boolean> {
  const row = await db.get(
    `SELECT 1 AS yes FROM campaign_events WHERE ((campaign_id = ? AND other_campaign_id = ?) OR (campaign_id = ? AND other_campaign_id = ?))
      AND (kind = 'split' OR state = 'dismissed') LIMIT 1`,
    [a, b, b, a],
  );
  return row !== undefined;
}

/** Every report and key of `from` (and of the campaigns merged into it) moves to `into`. */
async function moveCampaign(tx: Transaction, from: string, into: string): Promise<void> {
  await tx.run('UPDATE reports SET campaign_id = ? WHERE campaign_id = ?', [into, from]);
  await tx.run('UPDATE campaign_keys SET campaign_id = ? WHERE campaign_id = ?', [into, from]);
  // Keep every alias one hop from its survivor.
  await tx.run('UPDATE campaigns SET merged_into = ? WHERE merged_into = ? OR id = ?', [into, from, from]);
  await tx.run(
    `UPDATE campaign_events SET state = 'merged' WHERE kind = 'merge-proposed' AND state = 'pending' AND
      ((campaign_id = ? AND other_campaign_id = ?) OR (campaign_id = ? AND other_campaign_id = ?))`,
    [into, from, from, into],
  );
  // Events of the merged campaign stay readable from the survivor.
  await tx.run('UPDATE campaign_events SET campaign_id = ? WHERE campaign_id = ?', [into, from]);
}

/** Resolves the ids (aliases to their survivors) and locks the campaigns; undefined when one is unknown. */
export async function lockResolved(tx: Transaction, ids: readonly string[]): Promise<string[] | undefined> {
  const resolved = await lockCampaigns(
    tx,
    async () => Promise.all(ids.map((id) => resolveCampaignId(tx, id))),
    (found) => found.filter((id): id is string => id !== undefined),
  );
  return resolved.every((id): id is string => id !== undefined) ? resolved : undefined;
}

async function campaignRecord(db: Queryable, id: string): Promise<CampaignRecord | undefined> {
  const base = await db.get(
    `SELECT c.id, c.title, c.created_at, MIN(r.received_at) AS first_seen, MAX(r.received_at) AS last_seen,
      COUNT(r.seq) AS report_count, MAX(${VERDICT_RANK}) AS verdict_rank
    FROM campaigns c JOIN reports r ON r.campaign_id = c.id WHERE c.id = ? GROUP BY c.id, c.title, c.created_at`,
    [id],
  );
  if (!base) return undefined;
  const senders = (
    await db.all(`SELECT DISTINCT LOWER(from_address) AS a FROM reports WHERE campaign_id = ? AND from_address IS NOT NULL ORDER BY a LIMIT 20`, [id])
  ).map((row) => row.a as string);
  const dispositions: Partial<Record<Disposition, number>> = {};
  for (const row of await db.all('SELECT disposition, COUNT(*) AS n FROM reports WHERE campaign_id = ? GROUP BY disposition', [id])) {
    dispositions[row.disposition as Disposition] = row.n as number;
  }
  const indicators = await db.get(
    `SELECT COUNT(*) AS n FROM (SELECT DISTINCT i.type, i.value FROM indicators i JOIN reports r ON r.id = i.report_id WHERE r.campaign_id = ?) AS distinct_indicators`,
    [id],
  );
  const pending = await db.get(
    `SELECT COUNT(*) AS n FROM campaign_events WHERE kind = 'merge-proposed' AND state = 'pending' AND (campaign_id = ? OR other_campaign_id = ?)`,
    [id, id],
  );
  const rank = base.verdict_rank as number | null;
  return {
    pendingMerges: pending!.n as number,
    id: base.id as string,
    title: base.title as string,
    createdAt: base.created_at as string,
    firstSeen: base.first_seen as string,
    lastSeen: base.last_seen as string,
    reportCount: base.report_count as number,
    senders,
    verdict: rank === null ? undefined : RANKED_VERDICTS[rank],
    dispositions,
    indicatorCount: indicators!.n as number,
  };
}

export async function listCampaigns(db: Queryable, limit: number, offset: number): Promise<Page<CampaignRecord>> {
  const total = (await db.get('SELECT COUNT(*) AS n FROM campaigns WHERE merged_into IS NULL'))!.n as number;
  const rows = await db.all(
    `SELECT c.id FROM campaigns c JOIN reports r ON r.campaign_id = c.id WHERE c.merged_into IS NULL
    GROUP BY c.id ORDER BY MAX(r.received_at) DESC, c.id LIMIT ? OFFSET ?`,
    [limit, offset],
  );
  const items: CampaignRecord[] = [];
  for (const row of rows) {
    const record = await campaignRecord(db, row.id as string);
    if (record) items.push(record);
  }
  return { items, total };
}

export async function getCampaign(db: Queryable, id: string): Promise<CampaignRecord | undefined> {
  const resolved = await resolveCampaignId(db, id);
  return resolved ? campaignRecord(db, resolved) : undefined;
}

export async function campaignReports(db: Queryable, id: string, limit: number): Promise<ReportSummaryRecord[]> {
  const resolved = await resolveCampaignId(db, id);
  if (!resolved) return [];
  const rows = await db.all(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE r.campaign_id = ? ORDER BY r.received_at, r.seq LIMIT ?`, [resolved, limit]);
  return rows.map(toSummary);
}

export async function campaignIndicators(db: Queryable, id: string): Promise<IndicatorOccurrence[]> {
  const resolved = await resolveCampaignId(db, id);
  if (!resolved) return [];
  const rows = await db.all(
    `SELECT i.type, i.value, MIN(i.name) AS name, MIN(r.received_at) AS first_seen, MAX(r.received_at) AS last_seen,
      COUNT(DISTINCT r.id) AS reports
    FROM indicators i JOIN reports r ON r.id = i.report_id WHERE r.campaign_id = ?
    GROUP BY i.type, i.value ORDER BY i.type, i.value`,
    [resolved],
  );
  return rows.map((row) => ({
    type: row.type as Indicator['type'],
    value: row.value as string,
    name: optional(row.name),
    firstSeen: row.first_seen as string,
    lastSeen: row.last_seen as string,
    reports: row.reports as number,
  }));
}

/** Ids of the campaign's reports, under its lock; undefined for an unknown campaign. */
export async function lockedCampaignReportIds(tx: Transaction, id: string): Promise<string[] | undefined> {
  const [resolved] = (await lockResolved(tx, [id])) ?? [];
  if (!resolved) return undefined;
  return (await tx.all('SELECT id FROM reports WHERE campaign_id = ?', [resolved])).map((row) => row.id as string);
}

export async function campaignGrouping(db: Queryable, id: string): Promise<GroupingReason[]> {
  const resolved = await resolveCampaignId(db, id);
  if (!resolved) return [];
  const rows = await db.all(
    `SELECT k.key, MIN(k.kind) AS kind, MIN(k.label) AS label, COUNT(*) AS n FROM report_keys k JOIN reports r ON r.id = k.report_id
    WHERE r.campaign_id = ? GROUP BY k.key HAVING COUNT(*) > 1 ORDER BY n DESC, kind, k.key LIMIT ${MAX_REASONS}`,
    [resolved],
  );
  const reasons: GroupingReason[] = [];
  for (const row of rows) {
    const carriers = await db.all(
      `SELECT k.report_id FROM report_keys k JOIN reports r ON r.id = k.report_id WHERE k.key = ? AND r.campaign_id = ?
      ORDER BY r.received_at, r.seq LIMIT ${REASON_REPORT_IDS}`,
      [row.key, resolved],
    );
    reasons.push({
      kind: row.kind as GroupingReason['kind'],
      label: row.label as string,
      reportCount: row.n as number,
      reportIds: carriers.map((carrier) => carrier.report_id as string),
    });
  }
  return reasons;
}

function parseKeys(value: unknown): CampaignEvent['keys'] {
  const keys = parseJson<CampaignEvent['keys']>(value);
  return Array.isArray(keys) ? keys.slice(0, KEYS_PER_EVENT) : [];
}

export async function campaignEvents(db: Queryable, id: string): Promise<CampaignEvent[]> {
  const resolved = await resolveCampaignId(db, id);
  if (!resolved) return [];
  const rows = await db.all(
    `SELECT e.kind, e.report_id, e.keys_json, e.actor, e.at, e.state,
      CASE WHEN e.campaign_id = ? THEN e.other_campaign_id ELSE e.campaign_id END AS other,
      (SELECT title FROM campaigns c WHERE c.id = CASE WHEN e.campaign_id = ? THEN e.other_campaign_id ELSE e.campaign_id END) AS other_title
    FROM campaign_events e WHERE e.campaign_id = ? OR e.other_campaign_id = ? ORDER BY e.seq DESC LIMIT ${MAX_EVENTS}`,
    [resolved, resolved, resolved, resolved],
  );
  return rows.map((row) => ({
    kind: row.kind as CampaignEvent['kind'],
    otherCampaignId: optional(row.other),
    otherTitle: optional<string>(row.other_title) === undefined ? undefined : capText(row.other_title as string, TITLE_CHARS),
    reportId: optional(row.report_id),
    keys: parseKeys(row.keys_json),
    actor: optional(row.actor),
    at: row.at as string,
    state: optional(row.state),
  }));
}

export async function mergeCampaigns(tx: Transaction, into: string, from: string, actor: string): Promise<boolean> {
  const [target, source] = (await lockResolved(tx, [into, from])) ?? [];
  if (!target || !source || target === source) return false;
  await moveCampaign(tx, source, target);
  await tx.run(`INSERT INTO campaign_events (campaign_id, kind, other_campaign_id, actor, at) VALUES (?, 'merged', ?, ?, ?)`, [target, source, actor, new Date().toISOString()]);
  return true;
}

export async function splitCampaign(tx: Transaction, id: string, reportIds: string[], actor: string): Promise<string | undefined> {
  const [resolved] = (await lockResolved(tx, [id])) ?? [];
  if (!resolved) return undefined;
  const moving = new Set<string>();
  for (const group of chunks([...new Set(reportIds)])) {
    const rows = await tx.all(`SELECT id FROM reports WHERE campaign_id = ? AND id IN (${placeholders(group.length)})`, [resolved, ...group]);
    for (const row of rows) moving.add(row.id as string);
  }
  const total = (await tx.get('SELECT COUNT(*) AS n FROM reports WHERE campaign_id = ?', [resolved]))!.n as number;
  // Nothing to move, or everything: there would be nothing to split.
  if (moving.size === 0 || moving.size >= total) return undefined;
  const ids = [...moving];
  const head = ids.slice(0, 500);
  const first = (await tx.get(`SELECT subject FROM reports WHERE id IN (${placeholders(head.length)}) ORDER BY received_at, seq LIMIT 1`, head))!;
  const now = new Date().toISOString();
  const created = randomUUID();
  await tx.lock([campaignLock(created)]);
  await tx.run('INSERT INTO campaigns (id, title, created_at) VALUES (?, ?, ?)', [created, capText(first.subject as string, TITLE_CHARS) || '(no subject)', now]);
  for (const group of chunks(ids)) {
    await tx.run(`UPDATE reports SET campaign_id = ? WHERE id IN (${placeholders(group.length)})`, [created, ...group]);
  }
  // A key goes with the split-off reports when none of the reports left behind carries it.
  await tx.run(
    `UPDATE campaign_keys SET campaign_id = ? WHERE campaign_id = ? AND key IN (SELECT k.key FROM report_keys k JOIN reports r ON r.id = k.report_id
      WHERE r.campaign_id = ?) AND key NOT IN (SELECT k.key FROM report_keys k JOIN reports r ON r.id = k.report_id WHERE r.campaign_id = ?)`,
    [created, resolved, created, resolved],
  );
  await tx.run(`INSERT INTO campaign_events (campaign_id, kind, other_campaign_id, actor, at, keys_json) VALUES (?, 'split', ?, ?, ?, '[]')`, [resolved, created, actor, now]);
  return created;
}

export async function dismissMerge(tx: Transaction, id: string, other: string, actor: string): Promise<boolean> {
  const [a, b] = (await lockResolved(tx, [id, other])) ?? [];
  if (!a || !b || a === b) return false;
  const changed = await tx.run(
    `UPDATE campaign_events SET state = 'dismissed', actor = ? WHERE kind = 'merge-proposed' AND state = 'pending' AND
      ((campaign_id = ? AND other_campaign_id = ?) OR (campaign_id = ? AND other_campaign_id = ?))`,
    [actor, a, b, b, a],
  );
  return changed > 0;
}

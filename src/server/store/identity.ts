// Storage for identity: sign-ins under way, console sessions, the append-only audit log, reports
// by signed-in reporter ("My reports" on every device) and remediation runs. Written once in the
// SQL SQLite and PostgreSQL share (`?` placeholders, RETURNING), against the store's database seam
// (sql.ts), so each engine only supplies a connection and its transactions.
import type { Role } from '../config';
import { capText } from './limits';
import type { Row, SqlDatabase } from './sql';
import { STATUS_COLUMNS, toStatusRecord } from './report-rows';
import type { ReportStatusRecord } from './types';

export interface LoginRequest {
  idHash: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdMs: number;
}

export interface SessionRecord {
  idHash: string;
  subject: string;
  name?: string;
  role: Role;
  csrfToken: string;
  idToken?: string;
  createdMs: number;
  lastSeenMs: number;
  expiresMs: number;
}

export interface AuditEntry {
  at: string;
  actor: string;
  actorName?: string;
  actorKind: string;
  role: string;
  /** What was done, e.g. report.triage, campaign.merge, remediation.move, auth.sign-in. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** What changed (the request's fields, bounded). */
  change: Record<string, unknown>;
  /** The client's address as the service sees it (after trusted proxies). */
  address?: string;
  userAgent?: string;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  targetId?: string;
  /** Entries at or after this time (ISO 8601 as toISOString writes it, like `at`). */
  since?: string;
  /** Entries before this time. */
  until?: string;
  /** Entries after this sequence number (export in pages). */
  afterSeq?: number;
  limit: number;
  /** Newest first (the console) or oldest first (exports). */
  order: 'newest' | 'oldest';
}

export interface RemediationMessage {
  seq: number;
  mailbox: string;
  messageId: string;
  folderId?: string;
  subject?: string;
  receivedAt?: string;
  state: 'found' | 'moved' | 'failed' | 'restored';
  movedId?: string;
  error?: string;
}

export interface RemediationRecord {
  id: string;
  campaignId: string;
  createdAt: string;
  updatedAt: string;
  actor: string;
  criteria: Record<string, unknown>;
  /** `moving`/`undoing` while one analyst's move or undo is running (it claimed the run; nobody else can act on it). */
  state: 'searched' | 'moving' | 'moved' | 'undoing' | 'undone';
  destination?: string;
  mailboxesSearched: number;
  truncated: boolean;
  counts: { found: number; moved: number; failed: number; restored: number };
}

/** What one move or move-back did to one message. */
export type RemediationUpdate = Pick<RemediationMessage, 'seq' | 'state' | 'movedId' | 'error'>;

export interface IdentityStore {
  saveLoginRequest(request: LoginRequest): Promise<void>;
  /** Returns and forgets the request (each login answer is used once); undefined when unknown or older than `maxAgeMs`. */
  takeLoginRequest(idHash: string, nowMs: number, maxAgeMs: number): Promise<LoginRequest | undefined>;
  createSession(session: SessionRecord): Promise<void>;
  /** The live session (not expired, not idle longer than `idleMs`), marked as seen now. */
  touchSession(idHash: string, nowMs: number, idleMs: number): Promise<SessionRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Forgets expired sessions and stale login requests. */
  purgeExpired(nowMs: number, loginMaxAgeMs: number): Promise<number>;
  appendAudit(entry: AuditEntry): Promise<number>;
  listAudit(filter: AuditFilter): Promise<AuditRecord[]>;
  /** A signed-in reporter's reports, newest first. */
  reportsByReporter(tenantId: string, objectId: string, limit: number): Promise<ReportStatusRecord[]>;
  createRemediation(record: Omit<RemediationRecord, 'counts'>, messages: Omit<RemediationMessage, 'seq'>[]): Promise<void>;
  getRemediation(id: string): Promise<{ record: RemediationRecord; messages: RemediationMessage[] } | undefined>;
  listRemediations(campaignId: string, limit: number): Promise<RemediationRecord[]>;
  /**
   * Takes the run for one worker: moves it from `from` to `to` only if it is still in `from` and, with
   * `idleBefore`, nobody has recorded progress on it since then (taking over an interrupted run).
   * Returns the lease (the run's new updatedAt) that recordRemediation needs; undefined when someone
   * else got there first.
   */
  claimRemediation(id: string, from: RemediationRecord['state'], to: RemediationRecord['state'], options?: { destination?: string; idleBefore?: string }): Promise<string | undefined>;
  /**
   * Writes messages' outcomes and the run's state together, only while `lease` is still the run's
   * updatedAt: a worker whose run was taken over writes nothing. Returns the renewed lease, or undefined.
   */
  recordRemediation(id: string, lease: string, state: RemediationRecord['state'], updates: RemediationUpdate[]): Promise<string | undefined>;
}

/** Longest text kept per changed field in the audit log (a note can be long; the log stays readable). */
const AUDIT_VALUE_CHARS = 2000;
/** Items kept per listed field (e.g. the ids of a bulk triage). */
const AUDIT_LIST_ITEMS = 200;

/** Bounds what a request asked for before it goes into the log. */
export function boundedChange(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > AUDIT_VALUE_CHARS ? value.slice(0, AUDIT_VALUE_CHARS) + '…' : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (depth > 3) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, AUDIT_LIST_ITEMS).map((item) => boundedChange(item, depth + 1));
    return value.length > AUDIT_LIST_ITEMS ? [...items, `… ${value.length - AUDIT_LIST_ITEMS} more`] : items;
  }
  if (typeof value === 'object' && value !== undefined) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>).slice(0, 50)) out[key] = boundedChange(item, depth + 1);
    return out;
  }
  return undefined;
}

function optional<T>(value: unknown): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

function toSession(row: Row): SessionRecord {
  return {
    idHash: row.id_hash as string,
    subject: row.subject as string,
    name: optional(row.name),
    role: row.role as Role,
    csrfToken: row.csrf_token as string,
    idToken: optional(row.id_token),
    createdMs: Number(row.created_ms),
    lastSeenMs: Number(row.last_seen_ms),
    expiresMs: Number(row.expires_ms),
  };
}

function toAudit(row: Row): AuditRecord {
  return {
    seq: Number(row.seq),
    at: row.at as string,
    actor: row.actor as string,
    actorName: optional(row.actor_name),
    actorKind: row.actor_kind as string,
    role: row.role as string,
    action: row.action as string,
    targetType: optional(row.target_type),
    targetId: optional(row.target_id),
    change: JSON.parse(row.change_json as string) as Record<string, unknown>,
    address: optional(row.address),
    userAgent: optional(row.user_agent),
  };
}

function toRemediation(row: Row, counts: RemediationRecord['counts']): RemediationRecord {
  return {
    id: row.id as string,
    campaignId: row.campaign_id as string,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    actor: row.actor as string,
    criteria: JSON.parse(row.criteria_json as string) as Record<string, unknown>,
    state: row.state as RemediationRecord['state'],
    destination: optional(row.destination),
    mailboxesSearched: Number(row.mailboxes_searched),
    truncated: Number(row.truncated) === 1,
    counts,
  };
}

export class SqlIdentityStore implements IdentityStore {
  constructor(private readonly db: SqlDatabase) {}

  async saveLoginRequest(request: LoginRequest): Promise<void> {
    await this.db.run('INSERT INTO login_requests (id_hash, state, nonce, code_verifier, return_to, created_ms) VALUES (?, ?, ?, ?, ?, ?)', [
      request.idHash,
      request.state,
      request.nonce,
      request.codeVerifier,
      request.returnTo,
      request.createdMs,
    ]);
  }

  async takeLoginRequest(idHash: string, nowMs: number, maxAgeMs: number): Promise<LoginRequest | undefined> {
    const row = await this.db.get('DELETE FROM login_requests WHERE id_hash = ? RETURNING *', [idHash]);
    if (!row || Number(row.created_ms) < nowMs - maxAgeMs) return undefined;
    return {
      idHash: row.id_hash as string,
      state: row.state as string,
      nonce: row.nonce as string,
      codeVerifier: row.code_verifier as string,
      returnTo: row.return_to as string,
      createdMs: Number(row.created_ms),
    };
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO sessions (id_hash, subject, name, role, csrf_token, id_token, created_ms, last_seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [session.idHash, session.subject, session.name ?? null, session.role, session.csrfToken, session.idToken ?? null, session.createdMs, session.lastSeenMs, session.expiresMs],
    );
  }

  async touchSession(idHash: string, nowMs: number, idleMs: number): Promise<SessionRecord | undefined> {
    const row = await this.db.get('UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ? AND expires_ms > ? AND last_seen_ms > ? RETURNING *', [
      nowMs,
      idHash,
      nowMs,
      nowMs - idleMs,
    ]);
    return row ? toSession(row) : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
  }

  async purgeExpired(nowMs: number, loginMaxAgeMs: number): Promise<number> {
    const sessions = await this.db.run('DELETE FROM sessions WHERE expires_ms <= ?', [nowMs]);
    const logins = await this.db.run('DELETE FROM login_requests WHERE created_ms < ?', [nowMs - loginMaxAgeMs]);
    return sessions + logins;
  }

  async appendAudit(entry: AuditEntry): Promise<number> {
    const row = await this.db.get(
      `INSERT INTO audit_log (at, actor, actor_name, actor_kind, role, action, target_type, target_id, change_json, address, user_agent)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
      [
        entry.at,
        capText(entry.actor, 320),
        entry.actorName ? capText(entry.actorName, 200) : null,
        entry.actorKind,
        entry.role,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ? capText(entry.targetId, 200) : null,
        JSON.stringify(boundedChange(entry.change) ?? {}),
        entry.address ? capText(entry.address, 100) : null,
        entry.userAgent ? capText(entry.userAgent, 300) : null,
      ],
    );
    return Number(row?.seq);
  }

  async listAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    const conditions: [sql: string, value: unknown][] = [];
    if (filter.action) conditions.push(['action = ?', filter.action]);
    if (filter.actor) conditions.push(['LOWER(actor) = ?', filter.actor.toLowerCase()]);
    if (filter.targetId) conditions.push(['target_id = ?', filter.targetId]);
    // Times are stored as toISOString text, so comparing the text compares the times.
    if (filter.since) conditions.push(['at >= ?', filter.since]);
    if (filter.until) conditions.push(['at < ?', filter.until]);
    if (filter.afterSeq !== undefined) conditions.push([filter.order === 'newest' ? 'seq < ?' : 'seq > ?', filter.afterSeq]);
    const clause = conditions.length ? `WHERE ${conditions.map(([sql]) => sql).join(' AND ')}` : '';
    const rows = await this.db.all(`SELECT * FROM audit_log ${clause} ORDER BY seq ${filter.order === 'newest' ? 'DESC' : 'ASC'} LIMIT ?`, [
      ...conditions.map(([, value]) => value),
      filter.limit,
    ]);
    return rows.map(toAudit);
  }

  async reportsByReporter(tenantId: string, objectId: string, limit: number): Promise<ReportStatusRecord[]> {
    const rows = await this.db.all(
      `SELECT ${STATUS_COLUMNS} FROM reports WHERE reporter_tenant = ? AND reporter_oid = ? ORDER BY received_at DESC, seq DESC LIMIT ?`,
      [tenantId, objectId, limit],
    );
    return rows.map(toStatusRecord);
  }

  /** The run and every message found, in one transaction: a failure part-way leaves no run behind. */
  async createRemediation(record: Omit<RemediationRecord, 'counts'>, messages: Omit<RemediationMessage, 'seq'>[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO remediations (id, campaign_id, created_at, actor, criteria_json, state, destination, mailboxes_searched, truncated, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [record.id, record.campaignId, record.createdAt, record.actor, JSON.stringify(record.criteria), record.state, record.destination ?? null, record.mailboxesSearched, record.truncated ? 1 : 0, record.updatedAt],
      );
      let seq = 0;
      for (const message of messages) {
        await tx.run(
          `INSERT INTO remediation_messages (remediation_id, seq, mailbox, message_id, folder_id, subject, received_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [record.id, ++seq, message.mailbox, message.messageId, message.folderId ?? null, message.subject ? capText(message.subject, 300) : null, message.receivedAt ?? null, message.state],
        );
      }
    });
  }

  private async counts(id: string): Promise<RemediationRecord['counts']> {
    const counts = { found: 0, moved: 0, failed: 0, restored: 0 };
    for (const row of await this.db.all('SELECT state, COUNT(*) AS n FROM remediation_messages WHERE remediation_id = ? GROUP BY state', [id])) {
      const state = row.state as keyof typeof counts;
      if (state in counts) counts[state] = Number(row.n);
    }
    return counts;
  }

  async getRemediation(id: string): Promise<{ record: RemediationRecord; messages: RemediationMessage[] } | undefined> {
    const row = await this.db.get('SELECT * FROM remediations WHERE id = ?', [id]);
    if (!row) return undefined;
    const messages = (await this.db.all('SELECT * FROM remediation_messages WHERE remediation_id = ? ORDER BY seq', [id])).map((message) => ({
      seq: Number(message.seq),
      mailbox: message.mailbox as string,
      messageId: message.message_id as string,
      folderId: optional<string>(message.folder_id),
      subject: optional<string>(message.subject),
      receivedAt: optional<string>(message.received_at),
      state: message.state as RemediationMessage['state'],
      movedId: optional<string>(message.moved_id),
      error: optional<string>(message.error),
    }));
    return { record: toRemediation(row, await this.counts(id)), messages };
  }

  async listRemediations(campaignId: string, limit: number): Promise<RemediationRecord[]> {
    const rows = await this.db.all('SELECT * FROM remediations WHERE campaign_id = ? ORDER BY created_at DESC LIMIT ?', [campaignId, limit]);
    const out: RemediationRecord[] = [];
    for (const row of rows) out.push(toRemediation(row, await this.counts(row.id as string)));
    return out;
  }

  async claimRemediation(id: string, from: RemediationRecord['state'], to: RemediationRecord['state'], options: { destination?: string; idleBefore?: string } = {}): Promise<string | undefined> {
    // A lease taken over is later than the one it replaces (updatedAt < idleBefore), even within the same millisecond.
    const lease = new Date(Math.max(Date.now(), options.idleBefore === undefined ? 0 : Date.parse(options.idleBefore))).toISOString();
    const idle = options.idleBefore === undefined ? '' : ' AND updated_at < ?';
    const changed = await this.db.run(`UPDATE remediations SET state = ?, updated_at = ?, destination = COALESCE(?, destination) WHERE id = ? AND state = ?${idle}`, [
      to,
      lease,
      options.destination ?? null,
      id,
      from,
      ...(options.idleBefore === undefined ? [] : [options.idleBefore]),
    ]);
    return changed === 1 ? lease : undefined;
  }

  /** Each message's outcome and the run's state in one transaction: a run never says "moved" over messages still "found". */
  async recordRemediation(id: string, lease: string, state: RemediationRecord['state'], updates: RemediationUpdate[]): Promise<string | undefined> {
    // Never the same instant as the lease it renews, so a taken-over worker cannot match by chance.
    const renewed = new Date(Math.max(Date.now(), Date.parse(lease) + 1)).toISOString();
    return this.db.transaction(async (tx) => {
      if ((await tx.run('UPDATE remediations SET state = ?, updated_at = ? WHERE id = ? AND updated_at = ?', [state, renewed, id, lease])) !== 1) return undefined;
      for (const update of updates) {
        await tx.run('UPDATE remediation_messages SET state = ?, moved_id = ?, error = ? WHERE remediation_id = ? AND seq = ?', [
          update.state,
          update.movedId ?? null,
          update.error ? capText(update.error, 300) : null,
          id,
          update.seq,
        ]);
      }
      return renewed;
    });
  }
}

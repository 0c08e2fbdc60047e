// The webhook queue. Entries are written in the intake transaction; a forwarder claims due entries
// for a lease (their next attempt moves to the lease's end) and settles each with the claim it got.
// Claims skip rows another instance is claiming at that moment (FOR UPDATE SKIP LOCKED on
// PostgreSQL), so each entry goes to one forwarder; an instance that dies mid-delivery leaves its
// entries due again once the lease runs out, and a settlement whose lease was taken over is ignored.
import { randomUUID } from 'node:crypto';
import { optional } from './report-rows';
import { chunks, placeholders, type SqlDatabase } from './sql';
import type { Delivery, DeliveryStats, FailedDelivery } from './types';

/** Longest error text kept per delivery. */
const MAX_ERROR = 500;

export async function claimDeliveries(db: SqlDatabase, nowMs: number, limit: number, leaseMs: number): Promise<Delivery[]> {
  const claim = randomUUID();
  const rows = await db.all(
    `UPDATE webhook_queue SET next_attempt_ms = ?, claim = ?, updated_at = ? WHERE id IN (
      SELECT id FROM webhook_queue WHERE status = 'pending' AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ? ${db.dialect.skipLocked})
    RETURNING id, report_id, attempts`,
    [nowMs + leaseMs, claim, new Date(nowMs).toISOString(), nowMs, limit],
  );
  return rows
    .map((row) => ({ id: row.id as number, reportId: row.report_id as string, attempts: row.attempts as number, claim }))
    .sort((a, b) => a.id - b.id);
}

export async function deliverySucceeded(db: SqlDatabase, delivery: Pick<Delivery, 'id' | 'claim'>): Promise<void> {
  await db.run(`UPDATE webhook_queue SET status = 'delivered', attempts = attempts + 1, last_error = NULL, claim = NULL, updated_at = ? WHERE id = ? AND claim = ?`, [
    new Date().toISOString(),
    delivery.id,
    delivery.claim,
  ]);
}

export async function deliveryFailed(db: SqlDatabase, delivery: Pick<Delivery, 'id' | 'claim'>, error: string, nextAttemptMs: number | undefined): Promise<void> {
  await db.run(
    `UPDATE webhook_queue SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_ms = COALESCE(?, next_attempt_ms), claim = NULL,
      updated_at = ? WHERE id = ? AND claim = ?`,
    [nextAttemptMs === undefined ? 'failed' : 'pending', error.slice(0, MAX_ERROR), nextAttemptMs ?? null, new Date().toISOString(), delivery.id, delivery.claim],
  );
}

export async function releaseDeliveries(db: SqlDatabase, deliveries: readonly Pick<Delivery, 'id' | 'claim'>[], nowMs: number): Promise<void> {
  for (const delivery of deliveries) {
    await db.run(`UPDATE webhook_queue SET next_attempt_ms = ?, claim = NULL WHERE id = ? AND claim = ? AND status = 'pending'`, [nowMs, delivery.id, delivery.claim]);
  }
}

export async function deliveryStats(db: SqlDatabase): Promise<DeliveryStats> {
  const stats: DeliveryStats = { pending: 0, delivered: 0, failed: 0 };
  for (const row of await db.all('SELECT status, COUNT(*) AS n FROM webhook_queue GROUP BY status')) {
    if (row.status === 'pending' || row.status === 'delivered' || row.status === 'failed') stats[row.status] = row.n as number;
  }
  return stats;
}

export async function failedDeliveries(db: SqlDatabase, limit: number): Promise<FailedDelivery[]> {
  const rows = await db.all(`SELECT id, report_id, attempts, last_error, updated_at FROM webhook_queue WHERE status = 'failed' ORDER BY id DESC LIMIT ?`, [limit]);
  return rows.map((row) => ({
    id: row.id as number,
    reportId: row.report_id as string,
    attempts: row.attempts as number,
    lastError: optional(row.last_error),
    updatedAt: row.updated_at as string,
  }));
}

export async function redriveDeliveries(db: SqlDatabase, ids: number[] | 'all', nowMs: number): Promise<number> {
  const now = new Date(nowMs).toISOString();
  const sql = `UPDATE webhook_queue SET status = 'pending', attempts = 0, next_attempt_ms = ?, claim = NULL, updated_at = ? WHERE status = 'failed'`;
  if (ids === 'all') return db.run(sql, [nowMs, now]);
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const group of chunks(ids)) changed += await tx.run(`${sql} AND id IN (${placeholders(group.length)})`, [nowMs, now, ...group]);
    return changed;
  });
}

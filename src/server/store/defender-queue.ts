// Reports waiting to be sent to Microsoft Defender (identity/defender.ts), kept in the database so a
// restart or a crash forgets none. A row is written with the report, in the intake transaction
// (ENQUEUE_SQL, store/reports.ts), and lives until its submission is settled (sent, skipped or given
// up); the outcome itself goes to the audit log, not here.
// Sending is shared like the webhook queue (deliveries.ts): an instance claims due rows for a lease,
// rows another instance is claiming are skipped (FOR UPDATE SKIP LOCKED on PostgreSQL), a row whose
// instance died is due again when its lease runs out, and a settlement whose lease was taken over
// changes nothing.
import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from './sql';

/** A report joins the queue (parameters: report id, due time in ms, ISO time); written with the report by the intake transaction. */
export const ENQUEUE_SQL = 'INSERT INTO defender_queue (report_id, attempts, next_attempt_ms, created_at) VALUES (?, 0, ?, ?) ON CONFLICT (report_id) DO NOTHING';

export interface DefenderSubmission {
  reportId: string;
  /** Tries already made. */
  attempts: number;
  /** This claim's id: settling with it fails quietly once another instance has taken the row over. */
  claim: string;
}

export interface DefenderQueue {
  /** Reports waiting, due or not. */
  pending(): Promise<number>;
  /** Up to `limit` due rows, held for `leaseMs`. */
  claim(nowMs: number, limit: number, leaseMs: number): Promise<DefenderSubmission[]>;
  /** A failed try: the next one at `nextAttemptMs`. */
  retry(submission: DefenderSubmission, nextAttemptMs: number): Promise<void>;
  /** Settled (sent, skipped or given up): the row goes; false when the claim had been taken over. */
  settle(submission: DefenderSubmission): Promise<boolean>;
  /** Claimed rows not tried (the service is stopping): due again at once, for another instance or the next start. */
  release(submissions: readonly DefenderSubmission[], nowMs: number): Promise<void>;
}

export class SqlDefenderQueue implements DefenderQueue {
  constructor(private readonly db: SqlDatabase) {}

  async pending(): Promise<number> {
    const row = await this.db.get('SELECT COUNT(*) AS n FROM defender_queue');
    return Number(row?.n ?? 0);
  }

  async claim(nowMs: number, limit: number, leaseMs: number): Promise<DefenderSubmission[]> {
    const claim = randomUUID();
    const rows = await this.db.all(
      `UPDATE defender_queue SET next_attempt_ms = ?, claim = ? WHERE report_id IN (
        SELECT report_id FROM defender_queue WHERE next_attempt_ms <= ? ORDER BY next_attempt_ms, report_id LIMIT ? ${this.db.dialect.skipLocked})
      RETURNING report_id, attempts`,
      [nowMs + leaseMs, claim, nowMs, limit],
    );
    return rows.map((row) => ({ reportId: row.report_id as string, attempts: Number(row.attempts), claim })).sort((a, b) => a.reportId.localeCompare(b.reportId));
  }

  async retry(submission: DefenderSubmission, nextAttemptMs: number): Promise<void> {
    await this.db.run('UPDATE defender_queue SET attempts = attempts + 1, next_attempt_ms = ?, claim = NULL WHERE report_id = ? AND claim = ?', [
      nextAttemptMs,
      submission.reportId,
      submission.claim,
    ]);
  }

  async settle(submission: DefenderSubmission): Promise<boolean> {
    return (await this.db.run('DELETE FROM defender_queue WHERE report_id = ? AND claim = ?', [submission.reportId, submission.claim])) > 0;
  }

  async release(submissions: readonly DefenderSubmission[], nowMs: number): Promise<void> {
    for (const submission of submissions) {
      await this.db.run('UPDATE defender_queue SET next_attempt_ms = ?, claim = NULL WHERE report_id = ? AND claim = ?', [nowMs, submission.reportId, submission.claim]);
    }
  }
}

// The identity store on a real database (SQLite, and PostgreSQL in the PostgreSQL run): sign-ins
// used once, sessions that end, an audit log that the database itself keeps append-only, and
// remediation runs that remember every message.
import { rmSync } from 'node:fs';
import { SqlIdentityStore, type SessionRecord } from '../../../src/server/store/identity';
import type { SqlStore } from '../../../src/server/store/sql-store';
import { dropDatabaseOf, openTestStore, TEST_BACKEND } from '../../support/test-database';
import { tempDir } from '../helpers';

let dir: string;
let store: SqlStore;
let identity: SqlIdentityStore;
beforeEach(async () => {
  dir = tempDir('lurelens-identity-');
  store = await openTestStore(dir);
  identity = new SqlIdentityStore(store.queryable());
});
afterEach(async () => {
  await store.close();
  await dropDatabaseOf(dir);
  rmSync(dir, { recursive: true, force: true });
});

const HOUR = 3_600_000;

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { idHash: 'h1', subject: 'alice@example.test', name: 'Alice', role: 'analyst', csrfToken: 'csrf', createdMs: 0, lastSeenMs: 0, expiresMs: 8 * HOUR, ...overrides };
}

describe('sign-ins under way', () => {
  const login = { idHash: 'l1', state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/console.html', createdMs: 1000 };

  it('are taken once: a replayed callback finds nothing', async () => {
    await identity.saveLoginRequest(login);
    expect(await identity.takeLoginRequest('l1', 2000, 600_000)).toEqual(login);
    expect(await identity.takeLoginRequest('l1', 2000, 600_000)).toBeUndefined();
  });

  it('are refused (and forgotten) when older than the time allowed to sign in', async () => {
    await identity.saveLoginRequest(login);
    expect(await identity.takeLoginRequest('l1', 1000 + 600_001, 600_000)).toBeUndefined();
    expect(await identity.takeLoginRequest('l1', 2000, 600_000)).toBeUndefined();
  });
});

describe('sessions', () => {
  it('are found while live and marked as seen', async () => {
    await identity.createSession(session());
    const seen = await identity.touchSession('h1', HOUR / 2, HOUR);
    expect(seen).toMatchObject({ subject: 'alice@example.test', role: 'analyst', lastSeenMs: HOUR / 2 });
    // Seen again within the idle time of the last use, not of the start.
    expect(await identity.touchSession('h1', HOUR * 1.4, HOUR)).toBeDefined();
  });

  it('end after the idle time and after their lifetime, however busy', async () => {
    await identity.createSession(session());
    expect(await identity.touchSession('h1', HOUR + 1, HOUR)).toBeUndefined();
    await identity.createSession(session({ idHash: 'h2' }));
    for (let at = HOUR / 2; at < 8 * HOUR; at += HOUR / 2) expect(await identity.touchSession('h2', at, HOUR)).toBeDefined();
    expect(await identity.touchSession('h2', 8 * HOUR, HOUR)).toBeUndefined();
  });

  it('are gone after sign-out and purged once expired', async () => {
    await identity.createSession(session());
    await identity.createSession(session({ idHash: 'h2', expiresMs: 20 * HOUR }));
    await identity.deleteSession('h1');
    expect(await identity.touchSession('h1', 1, HOUR)).toBeUndefined();
    expect(await identity.purgeExpired(21 * HOUR, 600_000)).toBe(1);
  });
});

describe('the audit log', () => {
  const entry = { at: '2026-12-05T09:00:00.000Z', actor: 'alice@example.test', actorKind: 'session', role: 'analyst', action: 'report.triage', targetType: 'report', targetId: 'r1', change: { disposition: 'phishing' }, address: '192.0.2.7' };

  it('lists entries newest first in pages, and oldest first for exports', async () => {
    for (let i = 0; i < 5; i++) await identity.appendAudit({ ...entry, targetId: `r${i}` });
    const first = await identity.listAudit({ limit: 2, order: 'newest' });
    expect(first.map((e) => e.targetId)).toEqual(['r4', 'r3']);
    const second = await identity.listAudit({ limit: 2, order: 'newest', afterSeq: first[1].seq });
    expect(second.map((e) => e.targetId)).toEqual(['r2', 'r1']);
    const oldest = await identity.listAudit({ limit: 10, order: 'oldest', afterSeq: second[1].seq });
    expect(oldest.map((e) => e.targetId)).toEqual(['r2', 'r3', 'r4']);
  });

  it('finds a time window through an index on the time, not by reading the whole log', async () => {
    const db = store.queryable();
    if (TEST_BACKEND === 'postgres') {
      const indexes = await db.all<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_log'`);
      expect(indexes.map((row) => row.indexdef)).toContainEqual(expect.stringMatching(/ON \S*audit_log USING btree \(at\)/));
    } else {
      const plan = await db.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq DESC LIMIT ?', ['2026-12-01', '2026-12-02', 50]);
      expect(plan.map((row) => row.detail).join('; ')).toContain('USING INDEX audit_log_at');
    }
    await identity.appendAudit({ ...entry, at: '2026-12-04T23:59:59.999Z', targetId: 'before' });
    await identity.appendAudit({ ...entry, targetId: 'inside' });
    await identity.appendAudit({ ...entry, at: '2026-12-06T00:00:00.000Z', targetId: 'after' });
    const window = await identity.listAudit({ limit: 10, order: 'newest', since: '2026-12-05T00:00:00.000Z', until: '2026-12-06T00:00:00.000Z' });
    expect(window.map((e) => e.targetId)).toEqual(['inside']);
  });

  it('filters by action, actor (any case) and target', async () => {
    await identity.appendAudit(entry);
    await identity.appendAudit({ ...entry, actor: 'bob@example.test', action: 'campaign.merge', targetId: 'c1' });
    expect(await identity.listAudit({ limit: 10, order: 'newest', actor: 'ALICE@example.test' })).toHaveLength(1);
    expect((await identity.listAudit({ limit: 10, order: 'newest', action: 'campaign.merge' }))[0].actor).toBe('bob@example.test');
    expect(await identity.listAudit({ limit: 10, order: 'newest', targetId: 'c1' })).toHaveLength(1);
  });

  it('keeps what changed, bounded: a long note or a huge bulk selection does not bloat the log', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `r${i}`);
    await identity.appendAudit({ ...entry, change: { note: 'x'.repeat(100_000), ids } });
    const [kept] = await identity.listAudit({ limit: 1, order: 'newest' });
    const change = kept.change as { note: string; ids: string[] };
    expect(change.note.length).toBeLessThanOrEqual(2001);
    expect(change.ids).toHaveLength(201);
    expect(change.ids[200]).toBe('… 800 more');
  });

  it('cannot be changed or deleted, even by someone with the database open', async () => {
    await identity.appendAudit(entry);
    // Plain SQL on the store's own connection: the database refuses, not the store's code.
    const db = store.queryable();
    expect((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))?.n).toBe(1);
    // The refusal is read by its message: better-sqlite3's native part keeps the SqliteError class of the
    // first test file that loaded it, so in later files of a jest worker it is no Error of this realm and
    // `rejects.toThrow` reports "did not throw".
    const refusal = (sql: string) => db.run(sql).then(() => 'it was carried out', (error: { message?: unknown }) => String(error?.message));
    expect(await refusal("UPDATE audit_log SET actor = 'mallory'")).toMatch(/append-only/);
    expect(await refusal('DELETE FROM audit_log')).toMatch(/append-only/);
    // PostgreSQL has TRUNCATE as well (SQLite has none): refused too.
    if (TEST_BACKEND === 'postgres') expect(await refusal('TRUNCATE audit_log')).toMatch(/append-only/);
    expect((await identity.listAudit({ limit: 1, order: 'newest' }))[0].actor).toBe('alice@example.test');
  });
});

describe('remediation runs', () => {
  it('remember each message found, then what happened to it', async () => {
    const now = '2026-12-05T09:00:00.000Z';
    await identity.createRemediation(
      { id: 'm1', campaignId: 'c1', createdAt: now, updatedAt: now, actor: 'alice@example.test', criteria: { internetMessageId: '<a@b>' }, state: 'searched', mailboxesSearched: 3, truncated: false },
      [
        { mailbox: 'u1@example.test', messageId: 'AAA', subject: 'Invoice', state: 'found' },
        { mailbox: 'u2@example.test', messageId: 'BBB', subject: 'Invoice', state: 'found' },
      ],
    );
    const lease = await identity.claimRemediation('m1', 'searched', 'moving', { destination: 'junkemail' });
    expect(lease).toBeDefined();
    // A second claim of the same run finds it taken.
    expect(await identity.claimRemediation('m1', 'searched', 'moving')).toBeUndefined();
    const renewed = await identity.recordRemediation('m1', lease!, 'moving', [{ seq: 1, state: 'moved', movedId: 'AAA-junk' }]);
    expect((await identity.getRemediation('m1'))?.record).toMatchObject({ state: 'moving', destination: 'junkemail', counts: { found: 1, moved: 1 } });
    // A lease already renewed writes nothing.
    expect(await identity.recordRemediation('m1', lease!, 'moved', [{ seq: 2, state: 'failed', error: 'stale' }])).toBeUndefined();
    await identity.recordRemediation('m1', renewed!, 'moved', [{ seq: 2, state: 'failed', error: 'ErrorItemNotFound' }]);
    const run = await identity.getRemediation('m1');
    expect(run?.record).toMatchObject({ state: 'moved', destination: 'junkemail', counts: { found: 0, moved: 1, failed: 1, restored: 0 } });
    expect(run?.messages.map((m) => [m.mailbox, m.state, m.movedId, m.error])).toEqual([
      ['u1@example.test', 'moved', 'AAA-junk', undefined],
      ['u2@example.test', 'failed', undefined, 'ErrorItemNotFound'],
    ]);
    expect((await identity.listRemediations('c1', 10)).map((r) => r.id)).toEqual(['m1']);
    expect(await identity.listRemediations('c2', 10)).toEqual([]);
  });

  it('are taken over once their worker stopped recording progress, and the old worker writes nothing after that', async () => {
    const then = '2026-12-05T09:00:00.000Z';
    await identity.createRemediation({ id: 'm3', campaignId: 'c1', createdAt: then, updatedAt: then, actor: 'alice@example.test', criteria: {}, state: 'searched', mailboxesSearched: 2, truncated: false }, [
      { mailbox: 'u1@example.test', messageId: 'AAA', state: 'found' },
      { mailbox: 'u2@example.test', messageId: 'BBB', state: 'found' },
    ]);
    const stopped = await identity.claimRemediation('m3', 'searched', 'moving', { destination: 'deleteditems' });
    const progress = await identity.recordRemediation('m3', stopped!, 'moving', [{ seq: 1, state: 'moved', movedId: 'AAA-deleted' }]);
    // Taking over needs the run idle since before its last progress: not yet the case for an earlier instant.
    expect(await identity.claimRemediation('m3', 'moving', 'undoing', { idleBefore: then })).toBeUndefined();
    const idleBefore = new Date(Date.parse(progress!) + 1).toISOString();
    const takeover = await identity.claimRemediation('m3', 'moving', 'undoing', { idleBefore });
    expect(takeover).toBeDefined();
    // The stopped worker comes back: its lease is gone and its outcome is not written.
    expect(await identity.recordRemediation('m3', progress!, 'moved', [{ seq: 2, state: 'moved', movedId: 'BBB-deleted' }])).toBeUndefined();
    await identity.recordRemediation('m3', takeover!, 'undone', [{ seq: 1, state: 'restored', movedId: 'AAA-deleted' }]);
    const run = await identity.getRemediation('m3');
    expect(run?.record).toMatchObject({ state: 'undone', destination: 'deleteditems', counts: { found: 1, moved: 0, restored: 1 } });
  });

  it('are written whole or not at all: a message that cannot be stored leaves no run and no messages behind', async () => {
    const now = '2026-12-05T09:00:00.000Z';
    const record = { id: 'm2', campaignId: 'c1', createdAt: now, updatedAt: now, actor: 'alice@example.test', criteria: {}, state: 'searched' as const, mailboxesSearched: 3, truncated: false };
    const found = { mailbox: 'u1@example.test', messageId: 'AAA', state: 'found' as const };
    // The third message breaks a NOT NULL column, after the run and two messages were inserted.
    const broken = { ...found, messageId: null as unknown as string };
    const outcome = await identity.createRemediation(record, [found, { ...found, messageId: 'BBB' }, broken]).then(() => 'stored', (error: { message?: unknown }) => String(error?.message));
    expect(outcome).toMatch(/null|NOT NULL/i);
    expect(await identity.getRemediation('m2')).toBeUndefined();
    expect(await identity.listRemediations('c1', 10)).toEqual([]);
    expect(Number((await store.queryable().get<{ n: unknown }>('SELECT COUNT(*) AS n FROM remediation_messages'))?.n)).toBe(0);
    // The same run can then be stored whole.
    await identity.createRemediation(record, [found]);
    expect((await identity.getRemediation('m2'))?.record.counts.found).toBe(1);
  });
});

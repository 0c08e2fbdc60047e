// Removing a campaign from every mailbox through Microsoft Graph: a dry run that moves nothing, a
// move only of the count the analyst confirmed, an undo back to the original folders, every step in
// the audit log. Graph is the fake built from Microsoft's API reference (tests/support/fake-graph.ts).
import { rmSync } from 'node:fs';
import type { GraphConfig } from '../../../src/server/identity/config';
import { FOLDERS, GRAPH_CLIENT, GRAPH_TENANT, startFakeGraph, type FakeGraph } from '../../support/fake-graph';
import type { ServerOptions } from '../../../src/server/app';
import { waitFor } from '../../support/webhook-receiver';
import { AppGraphClient } from '../../../src/server/identity/graph-client';
import { Remediator } from '../../../src/server/identity/remediation';
import { SqlIdentityStore, type RemediationRecord, type RemediationUpdate } from '../../../src/server/store/identity';
import { dropDatabaseOf, openTestStore } from '../../support/test-database';
import { ANALYST, call, fixture, report, REPORTER, startTestServer, tempDir, type TestServer } from '../helpers';

jest.setTimeout(60_000);

const ADMIN = 'admin-token-for-remediation-0001';
const VIEWER = 'viewer-token-for-remediation-001';
const MESSAGE_ID = '<c1.20250113@payroll-notice.example>';

let graph: FakeGraph;
let server: TestServer;

function graphConfig(overrides: Partial<GraphConfig> = {}): GraphConfig {
  return { tenantId: GRAPH_TENANT, clientId: GRAPH_CLIENT.id, clientSecret: GRAPH_CLIENT.secret, authority: graph.url, baseUrl: graph.url, ...overrides };
}

function start(overrides: Partial<GraphConfig> = {}, options: ServerOptions = {}, dataDir?: string): Promise<TestServer> {
  return startTestServer({
    ...(dataDir ? { dataDir } : {}),
    identity: { graph: graphConfig(overrides) },
    tokens: [
      { token: ANALYST, role: 'analyst', name: 'test analyst' },
      { token: REPORTER, role: 'reporter', name: 'test add-in' },
      { token: ADMIN, role: 'admin', name: 'test admin' },
      { token: VIEWER, role: 'viewer', name: 'test viewer' },
    ],
  }, options);
}

beforeEach(async () => {
  graph = await startFakeGraph();
  graph.users.push({ mail: 'aiko@example.test' }, { mail: 'ben@example.test' }, { mail: 'chie@example.test' }, { mail: 'room@example.test', mailbox: false }, { mail: 'vip@example.test' });
  const copy = { internetMessageId: MESSAGE_ID, subject: 'Salary adjustment notice 2025-01', from: 'hr@payroll-notice.example', receivedDateTime: '2025-01-13T08:00:00Z' };
  graph.deliver('aiko@example.test', copy);
  graph.deliver('ben@example.test', { ...copy, parentFolderId: 'AAMkFolderProjects=' });
  graph.deliver('vip@example.test', copy);
  graph.deliver('chie@example.test', { ...copy, internetMessageId: '<other@example.test>' });
  graph.denied.add('vip@example.test');
  server = await start();
});
afterEach(async () => {
  await server.close();
  await graph.close();
});

const moves = () => graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/move'));
const folderOf = (mailbox: string) => graph.messages.get(mailbox)![0].parentFolderId;

interface Run {
  id: string;
  state: string;
  counts: { found: number; moved: number; failed: number; restored: number };
  mailboxesSearched: number;
  unsearchedCount: number;
  unsearched: { mailbox: string; error: string }[];
  messages: { mailbox: string; state: string }[];
}

async function search(campaignId: string, body: unknown = {}): Promise<Run> {
  const response = await call(server, `/api/campaigns/${campaignId}/remediations`, { json: body });
  expect(response.status).toBe(201);
  return (await response.json()) as Run;
}

it('finds the message in every mailbox first and moves nothing (the dry run), naming mailboxes it could not search', async () => {
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  const run = await search(campaignId);
  expect(run).toMatchObject({ state: 'searched', counts: { found: 2, moved: 0 }, mailboxesSearched: 5, unsearchedCount: 1, unsearched: [{ mailbox: 'vip@example.test', error: 'ErrorAccessDenied' }] });
  expect(run.messages.map((m) => m.mailbox).sort()).toEqual(['aiko@example.test', 'ben@example.test']);
  expect(moves()).toEqual([]);
  // It asked Graph by the reported Message-ID, with an app token from the tenant's token endpoint.
  const query = graph.requests.find((r) => r.path === '/v1.0/users/aiko@example.test/messages')!;
  expect(query.query.get('$filter')).toBe(`internetMessageId eq '${MESSAGE_ID}'`);
  expect(query.authorization).toMatch(/^Bearer fake-app-token-/);
  expect(graph.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token'))).toHaveLength(1);
});

it('moves exactly the confirmed count to Junk Email, and undo puts each copy back in the folder it came from', async () => {
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  const run = await search(campaignId);

  const wrongCount = await call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: 3 } });
  expect(wrongCount.status).toBe(409);
  expect((await wrongCount.json()).error).toBe('count_changed');
  expect(moves()).toEqual([]);

  const moved = await call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: 2 } });
  expect(moved.status).toBe(200);
  expect(await moved.json()).toMatchObject({ state: 'moved', destination: 'junkemail', counts: { moved: 2, failed: 0 } });
  expect(folderOf('aiko@example.test')).toBe(FOLDERS.junkemail);
  expect(folderOf('ben@example.test')).toBe(FOLDERS.junkemail);
  expect(moves().map((r) => r.body)).toEqual([{ destinationId: 'junkemail' }, { destinationId: 'junkemail' }]);
  // Acting twice on one search is refused: search again to act again.
  expect((await call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'deleteditems', expectedCount: 2 } })).status).toBe(409);

  const undone = await call(server, `/api/remediations/${run.id}/undo`, { method: 'POST' });
  expect(await undone.json()).toMatchObject({ state: 'undone', counts: { restored: 2, moved: 0 } });
  expect(folderOf('aiko@example.test')).toBe(FOLDERS.inbox);
  expect(folderOf('ben@example.test')).toBe('AAMkFolderProjects=');
});

it('lets only one of two analysts who press Move at the same time move the copies', async () => {
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  const run = await search(campaignId);
  const release = graph.holdMoves();
  const first = call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: 2 } });
  while (moves().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));

  // The second analyst is told at once, while the first move is still under way, and moves nothing.
  const second = await call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'deleteditems', expectedCount: 2 } });
  expect(second.status).toBe(409);
  expect((await second.json()).message).toMatch(/Another analyst is moving these copies/);
  const during = (await (await call(server, `/api/remediations/${run.id}`)).json()) as Run;
  expect(during.state).toBe('moving');

  release();
  expect(await (await first).json()).toMatchObject({ state: 'moved', destination: 'junkemail', counts: { moved: 2, failed: 0 } });
  expect(moves().map((r) => r.body)).toEqual([{ destinationId: 'junkemail' }, { destinationId: 'junkemail' }]);
  // Every moved copy kept the id the undo needs.
  const undone = await call(server, `/api/remediations/${run.id}/undo`, { method: 'POST' });
  expect(await undone.json()).toMatchObject({ state: 'undone', counts: { restored: 2, moved: 0 } });
});

/** Short enough for a test: a run with no progress for 300 ms counts as interrupted. */
const QUICKLY: ServerOptions = { remediationTiming: { interruptedAfterMs: 300 } };

/** Restarts the test's service with QUICKLY, reports the campaign and searches it; `detail` reads the run from any instance. */
async function searchOnQuickService() {
  await server.close();
  server = await start({}, QUICKLY);
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  const run = await search(campaignId);
  const detail = async (on: TestServer) => (await (await call(on, `/api/remediations/${run.id}`)).json()) as Run & { interrupted: boolean; destination?: string };
  return { run, detail };
}

it('keeps each copy it moved when the service stops midway, and another instance finishes the run, then undoes it', async () => {
  const { run, detail } = await searchOnQuickService();

  // The first instance moves Aiko's copy, then hangs on Ben's (it stopped, or lost its network).
  const releaseBen = graph.holdNextMoveIn('ben@example.test');
  const stalled = call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: 2 } });
  await waitFor(async () => (await detail(server)).counts.moved === 1);
  expect(folderOf('aiko@example.test')).toBe(FOLDERS.junkemail);

  // Another instance on the same data sees the run interrupted, with Aiko's copy recorded as moved.
  const second = await start({}, QUICKLY, server.dataDir);
  try {
    await waitFor(async () => (await detail(second)).interrupted);
    expect(await detail(second)).toMatchObject({ state: 'moving', destination: 'junkemail', counts: { found: 1, moved: 1 } });
    // It finishes the run to the folder it was started with, and only after the analyst confirmed the count left.
    const elsewhere = await call(second, `/api/remediations/${run.id}/move`, { json: { destination: 'deleteditems', expectedCount: 1 } });
    expect(elsewhere.status).toBe(409);
    expect((await elsewhere.json()).message).toMatch(/moving copies to junkemail/);
    const finished = await call(second, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: 1 } });
    expect(await finished.json()).toMatchObject({ state: 'moved', interrupted: false, counts: { found: 0, moved: 2, failed: 0 } });
    expect(folderOf('ben@example.test')).toBe(FOLDERS.junkemail);

    // The first instance's late answer (Ben's copy had already moved) changes nothing it no longer owns.
    releaseBen();
    const late = await stalled;
    expect(late.status).toBe(409);
    expect((await late.json()).message).toMatch(/took over this run/);
    expect(await detail(second)).toMatchObject({ state: 'moved', counts: { moved: 2, failed: 0 } });
    // Both moves are in the audit log, the one that stopped midway too (it moved Aiko's copy).
    const audit = (await (await call(second, '/api/audit', { token: ADMIN })).json()) as { items: { action: string; change: Record<string, unknown> }[] };
    const moveEntries = audit.items.filter((e) => e.action === 'remediation.move').map((e) => e.change);
    expect(moveEntries).toHaveLength(2);
    expect(moveEntries.find((change) => change.stopped)).toMatchObject({ destination: 'junkemail', confirmed: 2, stopped: expect.stringMatching(/took over this run/), moved: 2 });

    // Every copy kept the id the undo needs.
    const undone = await call(second, `/api/remediations/${run.id}/undo`, { method: 'POST' });
    expect(await undone.json()).toMatchObject({ state: 'undone', counts: { restored: 2, moved: 0 } });
    expect(folderOf('aiko@example.test')).toBe(FOLDERS.inbox);
    expect(folderOf('ben@example.test')).toBe('AAMkFolderProjects=');
  } finally {
    await second.close({ keepData: true });
  }
});

it('finds a copy that Exchange moved just before the service stopped, so finishing the run keeps it undoable', async () => {
  const { run, detail } = await searchOnQuickService();

  // Exchange moves Ben's copy, but the instance never hears back: it stopped before writing that down.
  const answerBen = graph.holdNextMoveIn('ben@example.test', { movedFirst: true });
  const stalled = call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: 2 } });
  await waitFor(() => folderOf('ben@example.test') === FOLDERS.junkemail);
  const second = await start({}, QUICKLY, server.dataDir);
  try {
    await waitFor(async () => (await detail(second)).interrupted);
    const { counts } = await detail(second);
    expect(counts.moved + counts.found).toBe(2);
    // Finishing looks for Ben's copy where the run was sending copies, and records its new id.
    const finished = await call(second, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: counts.found } });
    expect(await finished.json()).toMatchObject({ state: 'moved', counts: { moved: 2, failed: 0 } });
    expect(graph.requests.some((r) => r.path === '/v1.0/users/ben@example.test/mailFolders/junkemail/messages')).toBe(true);
    answerBen();
    expect((await stalled).status).toBe(409);

    const undone = await call(second, `/api/remediations/${run.id}/undo`, { method: 'POST' });
    expect(await undone.json()).toMatchObject({ state: 'undone', counts: { restored: 2, moved: 0 } });
    expect(folderOf('ben@example.test')).toBe('AAMkFolderProjects=');
  } finally {
    answerBen();
    await second.close({ keepData: true });
  }
});

it('keeps the ids of copies already moved when a database write fails midway, and leaves the run to be finished', async () => {
  const dir = tempDir('lurelens-remediation-');
  const sql = await openTestStore(dir);
  let failed!: () => void;
  const firstWriteFailed = new Promise<void>((resolve) => (failed = resolve));
  // The database drops one write (a lost connection), then answers again.
  class DropsOneWrite extends SqlIdentityStore {
    private dropped = false;
    override async recordRemediation(id: string, lease: string, state: RemediationRecord['state'], updates: RemediationUpdate[]): Promise<string | undefined> {
      if (this.dropped) return super.recordRemediation(id, lease, state, updates);
      this.dropped = true;
      failed();
      throw new Error('connection lost');
    }
  }
  const store = new DropsOneWrite(sql.queryable());
  try {
    const remediator = new Remediator(new AppGraphClient(graphConfig()), store, graphConfig({ mailboxes: ['aiko@example.test', 'ben@example.test'] }), () => 'r1');
    const run = await remediator.search('c1', { internetMessageIds: [MESSAGE_ID] }, 'analyst@example.test');
    // Aiko's copy moves and its write fails while Ben's move is still with Exchange.
    const releaseBen = graph.holdNextMoveIn('ben@example.test');
    const moving = remediator.move(run.record.id, 'junkemail', 2);
    await firstWriteFailed;
    releaseBen();
    await expect(moving).rejects.toThrow('connection lost');
    const after = (await store.getRemediation('r1'))!;
    // Both copies left the inbox; the ids the undo needs are recorded for both.
    expect(after.messages.map((m) => [m.mailbox, m.state, m.movedId]).sort()).toEqual([
      ['aiko@example.test', 'moved', graph.messages.get('aiko@example.test')![0].id],
      ['ben@example.test', 'moved', graph.messages.get('ben@example.test')![0].id],
    ]);
    // Not marked done: it shows as interrupted once idle, and is finished or undone from there.
    expect(after.record.state).toBe('moving');
  } finally {
    await sql.close();
    await dropDatabaseOf(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

it('writes every step to the audit log with who did it and what came of it', async () => {
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  const run = await search(campaignId);
  await call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'deleteditems', expectedCount: 2 } });
  await call(server, `/api/remediations/${run.id}/undo`, { method: 'POST' });
  const audit = (await (await call(server, '/api/audit', { token: ADMIN })).json()) as { items: { action: string; actor: string; change: Record<string, unknown> }[] };
  const steps = audit.items.filter((e) => e.action.startsWith('remediation.')).reverse();
  expect(steps.map((e) => [e.action, e.actor])).toEqual([
    ['remediation.search', 'test analyst'],
    ['remediation.move', 'test analyst'],
    ['remediation.undo', 'test analyst'],
  ]);
  expect(steps[0].change).toMatchObject({ found: 2, mailboxesSearched: 5, unsearched: 1 });
  expect(steps[1].change).toMatchObject({ destination: 'deleteditems', confirmed: 2, moved: 2, failed: 0 });
  expect(steps[2].change).toMatchObject({ restored: 2 });
});

it('lets viewers read runs but only analysts search, move and undo', async () => {
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  expect((await call(server, `/api/campaigns/${campaignId}/remediations`, { json: {}, token: VIEWER })).status).toBe(403);
  const run = await search(campaignId);
  expect((await call(server, `/api/remediations/${run.id}/move`, { json: { destination: 'junkemail', expectedCount: 2 }, token: VIEWER })).status).toBe(403);
  const listed = (await (await call(server, `/api/campaigns/${campaignId}/remediations`, { token: VIEWER })).json()) as { items: Run[] };
  expect(listed.items.map((r) => r.id)).toEqual([run.id]);
  expect((await call(server, `/api/remediations/${run.id}`, { token: VIEWER })).status).toBe(200);
});

it('also finds copies by sender and subject when asked (each recipient got its own Message-ID)', async () => {
  graph.deliver('chie@example.test', { internetMessageId: '<per-recipient@payroll-notice.example>', subject: 'Salary adjustment notice 2025-01', from: 'HR@payroll-notice.example', receivedDateTime: new Date(Date.now() - 3_600_000).toISOString() });
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  const run = await search(campaignId, { senderAndSubject: true });
  expect(run.messages.map((m) => m.mailbox).sort()).toEqual(['aiko@example.test', 'ben@example.test', 'chie@example.test']);
});

it('waits as Graph asks when it throttles (429 with Retry-After) and still completes', async () => {
  const { campaignId } = await report(server, fixture('campaign-1.eml'));
  graph.throttleNext(2);
  const run = await search(campaignId);
  expect(run.counts.found).toBe(2);
  expect(graph.requests.filter((r) => r.path === '/v1.0/users').length).toBeGreaterThanOrEqual(3);
});

it("reports Graph's own refusal when the app's secret is wrong, and says remediation is not set up when it is not", async () => {
  const wrong = await start({ clientSecret: 'not-the-secret-0123456789' });
  try {
    const { campaignId: other } = await report(wrong, fixture('campaign-1.eml'));
    const refused = await call(wrong, `/api/campaigns/${other}/remediations`, { json: {} });
    expect(refused.status).toBe(502);
    expect((await refused.json()).message).toMatch(/invalid_client: AADSTS7000215/);
  } finally {
    await wrong.close();
  }
  const plain = await startTestServer();
  try {
    const { campaignId: local } = await report(plain, fixture('campaign-1.eml'));
    const missing = await call(plain, `/api/campaigns/${local}/remediations`, { json: {} });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('not_configured');
  } finally {
    await plain.close();
  }
});

// The audit log through the API: every change by anyone (people or automation tokens) is recorded,
// only admins read it, and it exports whole as CSV or JSON, the export itself recorded.
import { ANALYST, call, fixture, report, REPORTER, startTestServer, type TestServer } from '../helpers';

const ADMIN = 'admin-token-for-audit-tests-0001';
const VIEWER = 'viewer-token-for-audit-tests-001';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    tokens: [
      { token: ANALYST, role: 'analyst', name: 'soar playbook' },
      { token: REPORTER, role: 'reporter', name: 'test add-in' },
      { token: ADMIN, role: 'admin', name: 'records export' },
      { token: VIEWER, role: 'viewer', name: 'dashboard' },
    ],
  });
});
afterAll(() => server.close());

interface Entry {
  seq: number;
  actor: string;
  actorKind: string;
  action: string;
  targetId?: string;
  change: Record<string, unknown>;
}

async function entries(query = ''): Promise<{ items: Entry[]; next?: string }> {
  const response = await call(server, `/api/audit${query}`, { token: ADMIN });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Entry[]; next?: string };
}

it('records triage, bulk triage and campaign triage with the token that made them; refused changes leave no entry', async () => {
  const a = await report(server, fixture('campaign-1.eml'));
  const b = await report(server, fixture('unrelated.eml'));
  await call(server, `/api/reports/${a.id}`, { method: 'PATCH', json: { disposition: 'malicious' } });
  await call(server, '/api/reports/triage', { json: { ids: [a.id, b.id], feedback: 'Thanks' } });
  await call(server, `/api/campaigns/${a.campaignId}`, { method: 'PATCH', json: { disposition: 'malicious' } });
  // A viewer cannot change anything, and the refusal is no change to record.
  expect((await call(server, `/api/reports/${b.id}`, { method: 'PATCH', json: { disposition: 'benign' }, token: VIEWER })).status).toBe(403);

  const { items } = await entries();
  expect(items.map((e) => [e.action, e.actor, e.actorKind])).toEqual([
    ['campaign.triage', 'soar playbook', 'token'],
    ['report.bulk-triage', 'soar playbook', 'token'],
    ['report.triage', 'soar playbook', 'token'],
  ]);
  expect(items[1].change).toEqual({ ids: [a.id, b.id], feedback: 'Thanks' });
  expect(items[0].targetId).toBe(a.campaignId);
});

it('is for admins only', async () => {
  for (const token of [ANALYST, VIEWER, REPORTER]) expect((await call(server, '/api/audit', { token })).status).toBe(403);
  expect((await call(server, '/api/audit/export?format=csv', { token: VIEWER })).status).toBe(403);
  expect((await call(server, '/api/audit', { token: null })).status).toBe(401);
});

it('reads in pages, newest first', async () => {
  const all = (await entries('?limit=500')).items;
  const first = await entries('?limit=2');
  expect(first.items.map((e) => e.seq)).toEqual(all.slice(0, 2).map((e) => e.seq));
  const second = await entries(`?limit=2&before=${first.next}`);
  expect(second.items.map((e) => e.seq)).toEqual(all.slice(2, 4).map((e) => e.seq));
});

it('filters by time: from a moment on, and before another; a time that is no time is refused', async () => {
  const all = (await entries('?limit=500')).items as (Entry & { at: string })[];
  expect(all.length).toBeGreaterThanOrEqual(3);
  const middle = all[1].at;
  const since = (await entries(`?limit=500&since=${encodeURIComponent(middle)}`)).items.map((e) => e.seq);
  expect(since).toEqual(all.filter((e) => e.at >= middle).map((e) => e.seq));
  const until = (await entries(`?limit=500&until=${encodeURIComponent(middle)}`)).items.map((e) => e.seq);
  expect(until).toEqual(all.filter((e) => e.at < middle).map((e) => e.seq));
  // Another zone means the same moment.
  const offset = new Date(Date.parse(middle) + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
  expect((await entries(`?limit=500&since=${encodeURIComponent(offset)}`)).items.map((e) => e.seq)).toEqual(since);
  expect((await entries('?since=2999-01-01')).items).toEqual([]);
  for (const bad of ['yesterday', '2026-13-45T99:99', "2026-01-01' OR 1=1"]) {
    expect((await call(server, `/api/audit?since=${encodeURIComponent(bad)}`, { token: ADMIN })).status).toBe(400);
  }
});

it('exports as CSV (UTF-8 with BOM, for spreadsheets) and as JSON, and the export is itself recorded', async () => {
  const csv = await call(server, '/api/audit/export?format=csv', { token: ADMIN });
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="lurelens-audit-\d{4}-\d{2}-\d{2}\.csv"/);
  const bytes = Buffer.from(await csv.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('seq,at,actor,actor_name,actor_kind,role,action,target_type,target_id,change,address,user_agent');
  expect(lines.some((line) => line.includes('report.bulk-triage'))).toBe(true);

  const json = (await (await call(server, '/api/audit/export?format=json', { token: ADMIN })).json()) as { entries: Entry[]; complete: boolean };
  expect(json.complete).toBe(true);
  // Oldest first, and the CSV export just made is in it.
  expect(json.entries[0].action).toBe('report.triage');
  expect(json.entries.at(-1)).toMatchObject({ action: 'audit.export', actor: 'records export', change: { format: 'csv' } });
});

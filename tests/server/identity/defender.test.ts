// Reports also reach Microsoft Defender, in the two shapes Microsoft documents: a message to the
// reporting mailbox with the original attached as .eml and a "3|" subject (user reported settings,
// non-Microsoft add-in), or a threat submission through Graph. Graph is the fake built from
// Microsoft's API reference; the outcome of every send is in the audit log.
import type { GraphConfig } from '../../../src/server/identity/config';
import { GRAPH_CLIENT, GRAPH_TENANT, startFakeGraph, type FakeGraph, type RecordedRequest } from '../../support/fake-graph';
import type { ServerConfig } from '../../../src/server/config';
import { ANALYST, call, fixture, report, REPORTER, startTestServer, submission, type TestServer } from '../helpers';

jest.setTimeout(60_000);

const ADMIN = 'admin-token-for-defender-tests-01';
let graph: FakeGraph;
let server: TestServer | undefined;

beforeEach(async () => {
  graph = await startFakeGraph();
  graph.users.push({ mail: 'lurelens@example.test' });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await graph.close();
});

function serviceConfig(defender: GraphConfig['defender'], graphUrl = graph.url): Partial<ServerConfig> {
  return {
    identity: { graph: { tenantId: GRAPH_TENANT, clientId: GRAPH_CLIENT.id, clientSecret: GRAPH_CLIENT.secret, authority: graphUrl, baseUrl: graphUrl, defender } },
    tokens: [
      { token: ANALYST, role: 'analyst', name: 'test analyst' },
      { token: REPORTER, role: 'reporter', name: 'test add-in' },
      { token: ADMIN, role: 'admin', name: 'test admin' },
    ],
  };
}

async function start(defender: GraphConfig['defender']): Promise<TestServer> {
  server = await startTestServer(serviceConfig(defender));
  return server;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function submissionsAudited(service: TestServer, reportId: string) {
  const answer = await call(service, `/api/audit?action=defender.submit&target=${reportId}`, { token: ADMIN });
  return ((await answer.json()) as { items: { change: Record<string, unknown> }[] }).items;
}

async function sent(path: string): Promise<RecordedRequest> {
  for (let i = 0; i < 200; i++) {
    const found = graph.requests.find((r) => r.method === 'POST' && r.path === path);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`nothing was sent to ${path}`);
}

async function auditOf(service: TestServer, reportId: string) {
  for (let i = 0; i < 200; i++) {
    const { items } = (await (await call(service, `/api/audit?action=defender.submit&target=${reportId}`, { token: ADMIN })).json()) as { items: { actor: string; change: Record<string, unknown> }[] };
    if (items.length > 0) return items[0];
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no audit entry');
}

it("sends the report to Defender's reporting mailbox as a non-Microsoft add-in must: the original as an uncompressed .eml attachment, subject starting 3|", async () => {
  const service = await start({ mode: 'mailbox', reportingMailbox: 'userreports@example.test', sender: 'lurelens@example.test' });
  const eml = fixture('campaign-1.eml');
  const receipt = await report(service, eml, { reporter: { address: 'aiko@example.test' } });
  const request = await sent('/v1.0/users/lurelens@example.test/sendMail');
  const { message, saveToSentItems } = request.body as {
    message: { subject: string; toRecipients: unknown; attachments: Record<string, string>[]; body: { content: string } };
    saveToSentItems: boolean;
  };
  expect(saveToSentItems).toBe(false);
  expect(message.subject).toBe('3|Salary adjustment notice 2025-01');
  expect(message.toRecipients).toEqual([{ emailAddress: { address: 'userreports@example.test' } }]);
  expect(message.attachments).toHaveLength(1);
  expect(message.attachments[0]).toMatchObject({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'reported-message.eml', contentType: 'message/rfc822' });
  expect(Buffer.from(message.attachments[0].contentBytes, 'base64').equals(eml)).toBe(true);
  expect(message.body.content).toContain('aiko@example.test');
  expect(message.body.content).toContain('not verified');
  expect(await auditOf(service, receipt.id)).toMatchObject({ actor: 'lurelens-service', change: { mode: 'mailbox', outcome: 'submitted' } });
});

it("submits the report through Graph's threat submission API as an emailContentThreatSubmission", async () => {
  const service = await start({ mode: 'threat-submission' });
  const eml = fixture('unrelated.eml');
  const receipt = await report(service, eml, { reporter: { address: 'ben@example.test' } });
  const request = await sent('/beta/security/threatSubmission/emailThreats');
  const body = request.body as Record<string, string>;
  expect(body).toMatchObject({ '@odata.type': '#microsoft.graph.security.emailContentThreatSubmission', category: 'phishing', recipientEmailAddress: 'ben@example.test' });
  expect(Buffer.from(body.fileContent, 'base64').equals(eml)).toBe(true);
  expect(await auditOf(service, receipt.id)).toMatchObject({ change: { mode: 'threat-submission', outcome: 'submitted' } });
  // A retry of the same report (same key) is not sent twice.
  const before = graph.requests.length;
  const again = submission(eml, { key: 'k'.repeat(20) });
  expect((await call(service, '/api/reports', { method: 'POST', token: REPORTER, json: again })).status).toBe(201);
  expect((await call(service, '/api/reports', { method: 'POST', token: REPORTER, json: again })).status).toBe(200);
  const submissions = () => graph.requests.slice(before).filter((r) => r.path === '/beta/security/threatSubmission/emailThreats').length;
  for (let i = 0; i < 200 && submissions() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  await new Promise((resolve) => setTimeout(resolve, 300));
  // One for the new report; its retry sent nothing.
  expect(submissions()).toBe(1);
});

it('records a failure in the audit log when Graph refuses, and the report itself stays stored', async () => {
  const service = await start({ mode: 'mailbox', reportingMailbox: 'userreports@example.test', sender: 'nobody@example.test' });
  const receipt = await report(service, fixture('campaign-1.eml'));
  expect(await auditOf(service, receipt.id)).toMatchObject({ change: { mode: 'mailbox', outcome: 'failed', reason: 'ErrorInvalidUser' } });
  expect((await call(service, `/api/reports/${receipt.id}`)).status).toBe(200);
});

it('keeps a submission Graph could not take through a restart, and the next start sends it, once', async () => {
  const defender = { mode: 'threat-submission' as const };
  // Graph cannot be reached: the first try fails and the report waits for its next try.
  const unreachable = graph.url;
  await graph.close();
  const first = await startTestServer(serviceConfig(defender, unreachable), { defenderTiming: { retryDelaysMs: [1500, 1500], pollMs: 100 } });
  let receipt: { id: string };
  try {
    receipt = await report(first, fixture('campaign-1.eml'), { reporter: { address: 'ben@example.test' } });
    await waitFor(() => first.logs.some((line) => line.includes(receipt.id) && line.includes('tried again')), 'the failed first try');
  } finally {
    await first.close({ keepData: true });
  }

  graph = await startFakeGraph();
  server = await startTestServer({ ...serviceConfig(defender), dataDir: first.dataDir }, { defenderTiming: { pollMs: 100 } });
  const request = await sent('/beta/security/threatSubmission/emailThreats');
  expect(request.body).toMatchObject({ recipientEmailAddress: 'ben@example.test' });
  await waitFor(async () => (await submissionsAudited(server!, receipt.id)).length > 0, 'the audit entry');
  // Sent once, audited once, and nothing is left waiting.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(graph.requests.filter((r) => r.path === '/beta/security/threatSubmission/emailThreats')).toHaveLength(1);
  expect((await submissionsAudited(server, receipt.id)).map((entry) => entry.change)).toEqual([{ mode: 'threat-submission', outcome: 'submitted' }]);
});

it('tries again after Graph fails, then records the failure once the tries are used up', async () => {
  const unreachable = graph.url;
  await graph.close();
  server = await startTestServer(serviceConfig({ mode: 'threat-submission' }, unreachable), { defenderTiming: { retryDelaysMs: [50, 50], pollMs: 50 } });
  const receipt = await report(server, fixture('campaign-1.eml'));
  await waitFor(async () => (await submissionsAudited(server!, receipt.id)).length > 0, 'the audit entry');
  expect((await submissionsAudited(server, receipt.id)).map((entry) => entry.change)).toEqual([{ mode: 'threat-submission', outcome: 'failed', reason: expect.any(String) }]);
  expect(server.logs.filter((line) => line.includes(receipt.id) && line.includes('tried again'))).toHaveLength(2);
  // The fake is closed already; afterEach closes it again.
  graph = await startFakeGraph();
});

// Two service instances on one PostgreSQL database, as behind a load balancer: what one accepts the
// other reads and triages, retries of one submission that reach both make one report, campaigns
// grouped and merged from both at once end up one campaign, and the webhook queue they share
// delivers every entry once. Runs in the PostgreSQL run only (jest.config.js).
import { randomUUID } from 'node:crypto';
import { ANALYST, call, postReport, REPORTER, report, startTestServer, submission, type TestServer } from '../helpers';
import { webhookReceiver, waitFor } from '../../support/webhook-receiver';
import { DEFAULTS, type ServerConfig } from '../../../src/server/config';

// Two services with an analysis worker each, on a small shared machine.
jest.setTimeout(60_000);

/** A message of its own (Message-ID, subject) that links `link`: the link is the grouping key it shares. */
function lure(link: string, index: number): Buffer {
  return Buffer.from(
    `From: "Secretariat" <office${index}@conference-${index}.example>\r\nTo: alice@example.org\r\n` +
      `Subject: Programme update ${index} ${randomUUID()}\r\nMessage-ID: <${randomUUID()}@conference.example>\r\n` +
      `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease register before Friday: ${link}\r\n`,
  );
}

/** Admission limits off: these tests are about what reaches the store at once, not about 503s. */
const UNLIMITED = { intake: { ...DEFAULTS.intake, maxConcurrent: 100, maxPerClient: 100 } };

/** Two instances on one new database; the second gets the first's database setting. */
async function twoInstances(overrides: Partial<ServerConfig> = {}): Promise<[TestServer, TestServer]> {
  const first = await startTestServer(overrides);
  if (!first.config.database) throw new Error('two instances need the PostgreSQL run (jest project "postgres")');
  const second = await startTestServer({ ...overrides, database: first.config.database });
  return [first, second];
}

async function closeBoth([first, second]: TestServer[]): Promise<void> {
  // The second shares the first's database: the first drops it, after both stopped.
  await second.close();
  await first.close();
}

test('a report accepted by one instance is readable and triageable on the other', async () => {
  const servers = await twoInstances();
  const [a, b] = servers;
  try {
    const receipt = await report(a, lure('https://conference-secretariat.example/register/1', 1));
    const detail = await call(b, `/api/reports/${receipt.id}`);
    expect(detail.status).toBe(200);
    expect((await detail.json()).campaignId).toBe(receipt.campaignId);
    const eml = await call(b, `/api/reports/${receipt.id}/eml`);
    expect(eml.status).toBe(200);
    await eml.arrayBuffer();

    const triaged = await call(b, `/api/reports/${receipt.id}`, { method: 'PATCH', json: { disposition: 'malicious', note: 'seen on both' } });
    expect(triaged.status).toBe(200);
    const onA = await (await call(a, `/api/reports/${receipt.id}`)).json();
    expect(onA).toMatchObject({ disposition: 'malicious', note: 'seen on both' });
    // The reporter's status answer on the first instance sees the analyst's decision on the second.
    const mine = await call(a, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': receipt.statusToken } });
    expect(await mine.json()).toMatchObject({ reports: [{ id: receipt.id, disposition: 'malicious' }] });
  } finally {
    await closeBoth(servers);
  }
});

test('retries of one submission reaching both instances at once make one report', async () => {
  const servers = await twoInstances(UNLIMITED);
  try {
    const bodies = Array.from({ length: 12 }, (_, i) => submission(lure(`https://conference-secretariat.example/retry/${i}`, i)));
    // Every submission is sent three times to each instance, all at once.
    const answers = await Promise.all(bodies.flatMap((body) => [0, 1, 2, 3, 4, 5].map((n) => postReport(servers[n % 2], body))));
    const receipts = await Promise.all(answers.map(async (answer) => ({ status: answer.status, body: await answer.json() })));
    for (const [i] of bodies.entries()) {
      const mine = receipts.slice(i * 6, i * 6 + 6);
      expect(mine.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(mine.map((r) => r.body.id)).size).toBe(1);
    }
    const list = await (await call(servers[1], '/api/reports?limit=1')).json();
    expect(list.total).toBe(bodies.length);
  } finally {
    await closeBoth(servers);
  }
});

test('reports sharing a link, sent to both instances at once, form one campaign', async () => {
  const servers = await twoInstances(UNLIMITED);
  try {
    const link = 'https://conference-secretariat.example/register/shared';
    const receipts = await Promise.all(Array.from({ length: 16 }, (_, i) => report(servers[i % 2], lure(link, i))));
    expect(new Set(receipts.map((r) => r.campaignId)).size).toBe(1);
    const campaigns = await (await call(servers[0], '/api/campaigns')).json();
    expect(campaigns.total).toBe(1);
    expect(campaigns.items[0].reportCount).toBe(16);
  } finally {
    await closeBoth(servers);
  }
});

test('concurrent merges from both instances leave one campaign holding every report', async () => {
  const servers = await twoInstances(UNLIMITED);
  try {
    const links = [0, 1, 2, 3].map((n) => `https://conference-secretariat${n}.example/register/${n}`);
    // Four campaigns, one per link.
    const seeds = [];
    for (const [n, link] of links.entries()) seeds.push(await report(servers[n % 2], lure(link, n)));
    expect(new Set(seeds.map((s) => s.campaignId)).size).toBe(4);
    // Verified reports bridging neighbouring links (they merge), and new reports on each link, all at once.
    const bridges = links.slice(1).map((link, n) => report(servers[n % 2], lure(`${links[n]} ${link}`, 10 + n), {}, ANALYST));
    const joiners = links.map((link, n) => report(servers[(n + 1) % 2], lure(link, 20 + n)));
    const analystMerge = call(servers[1], `/api/campaigns/${seeds[3].campaignId}/merge`, { json: { campaignId: seeds[0].campaignId } });
    await Promise.all([...bridges, ...joiners, analystMerge]);

    const campaigns = await (await call(servers[0], '/api/campaigns')).json();
    expect(campaigns.total).toBe(1);
    expect(campaigns.items[0].reportCount).toBe(4 + 3 + 4);
    const reports = await (await call(servers[1], '/api/reports?limit=50')).json();
    expect(new Set(reports.items.map((r: { campaignId: string }) => r.campaignId))).toEqual(new Set([campaigns.items[0].id]));
    // Every old campaign id still leads to the survivor.
    for (const seed of seeds) expect((await (await call(servers[0], `/api/campaigns/${seed.campaignId}`)).json()).id).toBe(campaigns.items[0].id);
  } finally {
    await closeBoth(servers);
  }
});

test('the shared webhook queue delivers every report once, from either instance', async () => {
  const hook = await webhookReceiver();
  const webhook = { url: hook.url, maxAttempts: 4, retryBaseMs: 40, retryMaxMs: 200, timeoutMs: 2000, pollMs: 20 };
  const servers = await twoInstances({ ...UNLIMITED, webhook });
  try {
    const receipts = await Promise.all(Array.from({ length: 20 }, (_, i) => report(servers[i % 2], lure(`https://conference-secretariat.example/hook/${i}`, i))));
    await waitFor(() => hook.received.length >= receipts.length, 30_000);
    // Time for a second delivery of anything, were one to happen.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delivered = hook.received.map((entry) => JSON.parse(entry.body).report.id as string);
    expect(delivered.sort()).toEqual(receipts.map((r) => r.id).sort());
    const status = await (await call(servers[0], '/api/status')).json();
    expect(status.webhook).toMatchObject({ pending: 0, delivered: 20, failed: 0 });
  } finally {
    await closeBoth(servers);
    await hook.close();
  }
}, 90_000);

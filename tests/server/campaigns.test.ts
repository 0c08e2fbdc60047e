// Copies of one campaign end up together: by sender domain and normalised subject, by a shared
// URL, by Message-ID or identical bytes. A verified report that links two campaigns merges them; a
// report sent with the add-in's public token only proposes the merge. Every grouping says why.
import { randomUUID } from 'node:crypto';
import { ANALYST, call, fixture, report, startTestServer, type TestServer } from './helpers';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.close();
});

test('three reports of one campaign are grouped; an unrelated newsletter is not', async () => {
  const first = await report(server, fixture('campaign-1.eml'), { reporter: { address: 'alice@example.org' } });
  // Same registrable sender domain, "RE:" and other numbers in the subject.
  const second = await report(server, fixture('campaign-2.eml'), { reporter: { address: 'bob@example.org' } });
  // Other sender and subject, but the same download link as the second.
  const third = await report(server, fixture('campaign-3.eml'), { reporter: { address: 'carol@example.org' } });
  const unrelated = await report(server, fixture('unrelated.eml'));

  expect(second.campaignId).toBe(first.campaignId);
  expect(third.campaignId).toBe(first.campaignId);
  expect(unrelated.campaignId).not.toBe(first.campaignId);

  const campaign = await (await call(server, `/api/campaigns/${first.campaignId}`)).json();
  expect(campaign).toMatchObject({
    id: first.campaignId,
    title: 'Salary adjustment notice 2025-01',
    reportCount: 3,
    dispositions: { pending: 3 },
  });
  expect(campaign.reports.map((r: { id: string }) => r.id)).toEqual([first.id, second.id, third.id]);
  expect([...campaign.senders].sort()).toEqual(['hr@mail.payroll-notice.example', 'hr@payroll-notice.example', 'support@helpdesk-portal.example']);
  const values = campaign.indicators.map((i: { type: string; value: string }) => `${i.type} ${i.value}`);
  expect(values).toEqual(
    expect.arrayContaining([
      'url https://docs-share.example/f/ab12cd?dl=1',
      'url-domain docs-share.example',
      'sender-domain payroll-notice.example',
      'sender-domain helpdesk-portal.example',
      'sender-address support@helpdesk-portal.example',
      'reply-to payroll.desk@freemail.example',
    ]),
  );
  const shared = campaign.indicators.find((i: { value: string }) => i.value === 'https://docs-share.example/f/ab12cd?dl=1');
  expect(shared.reports).toBe(2);

  const list = await (await call(server, '/api/campaigns')).json();
  expect(list.total).toBe(2);
  expect(list.items.map((c: { id: string; reportCount: number }) => [c.id, c.reportCount])).toEqual(
    expect.arrayContaining([
      [first.campaignId, 3],
      [unrelated.campaignId, 1],
    ]),
  );
});

test('a verified report that links two campaigns merges them into the older one; the old id still resolves and the merge says why', async () => {
  const payroll = await report(server, fixture('campaign-1.eml'));
  const helpdesk = await report(server, fixture('campaign-3.eml'));
  expect(helpdesk.campaignId).not.toBe(payroll.campaignId);

  // Shares the subject key with the payroll mail and the link with the helpdesk mail; sent by the SOC (analyst token).
  const bridge = await report(server, fixture('campaign-2.eml'), {}, ANALYST);
  expect(bridge.campaignId).toBe(payroll.campaignId);

  const merged = await (await call(server, `/api/campaigns/${helpdesk.campaignId}`)).json();
  expect(merged.id).toBe(payroll.campaignId);
  expect(merged.reportCount).toBe(3);
  const helpdeskReport = await (await call(server, `/api/reports/${helpdesk.id}`)).json();
  expect(helpdeskReport.campaignId).toBe(payroll.campaignId);
  expect(helpdeskReport.campaign).toEqual({ id: payroll.campaignId, title: 'Salary adjustment notice 2025-01', reportCount: 3 });
  expect((await (await call(server, '/api/campaigns')).json()).total).toBe(1);
  const filtered = await (await call(server, `/api/reports?campaign=${helpdesk.campaignId}`)).json();
  expect(filtered.total).toBe(3);

  // Provenance: which key joined which reports, and the merge with the key that caused it.
  const reasons = merged.grouping.map((g: { kind: string; label: string; reportIds: string[] }) => [g.kind, g.label, [...g.reportIds].sort()]);
  expect(reasons).toEqual(
    expect.arrayContaining([
      ['url', 'https://docs-share.example/f/ab12cd?dl=1', [helpdesk.id, bridge.id].sort()],
      ['subject', expect.stringContaining('payroll-notice.example'), [payroll.id, bridge.id].sort()],
    ]),
  );
  expect(merged.events).toEqual([
    expect.objectContaining({ kind: 'merged', otherCampaignId: helpdesk.campaignId, reportId: bridge.id, keys: [{ kind: 'url', label: 'https://docs-share.example/f/ab12cd?dl=1' }] }),
  ]);
});

test('a report from the shared reporter token never merges two campaigns: it joins one and the merge waits for an analyst', async () => {
  const payroll = await report(server, fixture('campaign-1.eml'));
  const helpdesk = await report(server, fixture('campaign-3.eml'));
  const bridge = await report(server, fixture('campaign-2.eml'));
  expect([payroll.campaignId, helpdesk.campaignId]).toContain(bridge.campaignId);
  expect((await (await call(server, '/api/campaigns')).json()).total).toBe(2);

  const joined = await (await call(server, `/api/campaigns/${bridge.campaignId}`)).json();
  const other = bridge.campaignId === payroll.campaignId ? helpdesk.campaignId : payroll.campaignId;
  expect(joined.pendingMerges).toBe(1);
  expect(joined.events).toEqual([expect.objectContaining({ kind: 'merge-proposed', state: 'pending', otherCampaignId: other, reportId: bridge.id })]);
  const list = await (await call(server, '/api/campaigns')).json();
  expect(list.items.map((c: { pendingMerges: number }) => c.pendingMerges)).toEqual([1, 1]);

  // The analyst agrees: merged, the proposal closed.
  const answer = await call(server, `/api/campaigns/${bridge.campaignId}/merge`, { json: { campaignId: other } });
  expect(answer.status).toBe(200);
  const after = await (await call(server, `/api/campaigns/${other}`)).json();
  expect(after.reportCount).toBe(3);
  expect(after.pendingMerges).toBe(0);
  expect(after.events.map((e: { kind: string; state?: string }) => [e.kind, e.state ?? null])).toEqual(expect.arrayContaining([['merged', null], ['merge-proposed', 'merged']]));
});

test('an analyst can split wrongly grouped reports off; the split stays apart when a later report links them again', async () => {
  const payroll = await report(server, fixture('campaign-1.eml'));
  const helpdesk = await report(server, fixture('campaign-3.eml'));
  await report(server, fixture('campaign-2.eml'), {}, ANALYST);
  const split = await call(server, `/api/campaigns/${payroll.campaignId}/split`, { json: { reportIds: [helpdesk.id] } });
  expect(split.status).toBe(200);
  const { campaignId: created } = await split.json();
  const moved = await (await call(server, `/api/reports/${helpdesk.id}`)).json();
  expect(moved.campaignId).toBe(created);
  expect((await (await call(server, `/api/campaigns/${payroll.campaignId}`)).json()).reportCount).toBe(2);

  // Another verified bridge: joins one of them, does not merge what the analyst split.
  const again = await report(server, fixture('campaign-2.eml'), { key: 'bridge-again-0001' }, ANALYST);
  expect(again.campaignId).toBe(payroll.campaignId);
  expect((await (await call(server, `/api/campaigns/${created}`)).json()).reportCount).toBe(1);

  // Splitting nothing or everything is refused.
  expect((await call(server, `/api/campaigns/${created}/split`, { json: { reportIds: [helpdesk.id] } })).status).toBe(400);
  expect((await call(server, `/api/campaigns/${payroll.campaignId}/split`, { json: { reportIds: [randomUUID()] } })).status).toBe(400);
});

test('a forged report carrying a newsletter\'s Message-ID and a phishing URL does not pull the newsletter into the phishing campaign', async () => {
  const newsletter = await report(server, fixture('unrelated.eml'), { reporter: { address: 'reader@example.org' } });
  const phishing = await report(server, fixture('campaign-3.eml'));
  const forged = Buffer.from(
    fixture('campaign-3.eml')
      .toString('latin1')
      .replace(/^Message-ID:.*$/im, `Message-ID: ${/^Message-ID:(.*)$/im.exec(fixture('unrelated.eml').toString('latin1'))![1].trim()}`),
    'latin1',
  );
  await report(server, forged, { reporter: { address: 'attacker@example.org' } });
  const response = await call(server, `/api/campaigns/${phishing.campaignId}`, { method: 'PATCH', json: { disposition: 'malicious', feedback: 'This was a phishing attack' } });
  expect(response.status).toBe(200);
  const reader = await (await call(server, `/api/reports/${newsletter.id}`)).json();
  expect(reader.disposition).toBe('pending');
  expect(reader.feedback).toBeUndefined();
});

test('the same message reported by two people (same Message-ID and bytes) is one campaign', async () => {
  const one = await report(server, fixture('japanese-iso2022jp.eml'), { reporter: { address: 'k.watanabe@example.org' } });
  const two = await report(server, fixture('japanese-iso2022jp.eml'), { reporter: { address: 'y.sato@example.org' } });
  expect(two.id).not.toBe(one.id);
  expect(two.campaignId).toBe(one.campaignId);
});

test('PATCH on a campaign triages all its reports; reporters see the feedback', async () => {
  const a = await report(server, fixture('campaign-1.eml'));
  const b = await report(server, fixture('campaign-2.eml'));
  const other = await report(server, fixture('unrelated.eml'));
  const response = await call(server, `/api/campaigns/${a.campaignId}`, {
    method: 'PATCH',
    json: { disposition: 'malicious', feedback: 'Phishing: thank you for reporting. / フィッシングでした。報告ありがとうございました。' },
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ id: a.campaignId, updated: 2 });
  const status = await call(server, '/api/my/reports', { token: null, headers: {} });
  expect(status.status).toBe(401);
  const mine = await (
    await call(server, '/api/my/reports', { token: 'reporter-token-for-tests-0001', headers: { 'x-status-tokens': `${a.statusToken},${b.statusToken},${other.statusToken}` } })
  ).json();
  const byId = Object.fromEntries(mine.reports.map((r: { id: string; disposition: string; feedback?: string }) => [r.id, r]));
  expect(byId[a.id]).toMatchObject({ disposition: 'malicious', feedback: expect.stringContaining('フィッシングでした') });
  expect(byId[b.id].disposition).toBe('malicious');
  expect(byId[other.id].disposition).toBe('pending');
  const campaign = await (await call(server, `/api/campaigns/${a.campaignId}`)).json();
  expect(campaign.dispositions).toEqual({ malicious: 2 });
});

// "Already reported?" for the pane: a delivery beats a report still waiting, which beats a refused one;
// messages are recognised by their Internet message id (which survives moves to Junk), else the item id.
import type { ReportingPolicy } from '../../src/policy/types';
import type { OutboxEntry } from '../../src/report/outbox';
import { createPaneReporter } from '../../src/report/pane-reporter';
import type { StoredReceipt } from '../../src/report/receipts';
import { reportStateOf } from '../../src/report/reported';
import { ReportService } from '../../src/report/service';
import { memoryStore } from '../../src/report/stores';
import type { TokenProvider } from '../../src/report/tokens';
import { ENDPOINT_TOKEN, GRAPH_TOKEN, empty, fakeItem, fixture, instantSleep, json, recordingFetch, type Responder } from './support';

function receipt(overrides: Partial<StoredReceipt> = {}): StoredReceipt {
  return {
    reportId: 'rep_1',
    key: 'key-1',
    statusToken: 'st_1',
    service: 'https://lurelens.example.or.jp',
    subject: 'Invitation',
    deliveredAt: '2026-11-30T09:00:00.000Z',
    messageId: '<a@example.jp>',
    itemId: 'AAMk-item-a',
    ...overrides,
  };
}

function entry(overrides: Partial<OutboxEntry> = {}, messageId = '<a@example.jp>'): OutboxEntry {
  return {
    key: 'key-2',
    submission: { key: 'key-2', emlSource: 'original', reporter: { address: 'me@example.or.jp' }, reasons: [], internetMessageId: messageId },
    subject: 'Invitation',
    itemId: 'AAMk-item-a',
    notes: [],
    queuedAt: '2026-11-30T08:00:00.000Z',
    attempts: 2,
    state: 'pending',
    ...overrides,
  };
}

describe('reportStateOf', () => {
  it('says delivered, with the report id My reports knows it by, when a receipt names the message', () => {
    expect(reportStateOf({ messageId: '<a@example.jp>' }, [receipt()], [entry()])).toEqual({ state: 'delivered', at: '2026-11-30T09:00:00.000Z', reportId: 'rep_1', channel: 'endpoint' });
  });

  it('tells a delivery through the security mailbox apart (no status to ask for)', () => {
    const state = reportStateOf({ messageId: '<a@example.jp>' }, [receipt({ service: 'mailto:soc@example.or.jp', statusToken: '', reportId: 'key-1' })], []);
    expect(state).toMatchObject({ state: 'delivered', channel: 'mailbox' });
  });

  it('says queued (never delivered) while the report waits in the outbox', () => {
    expect(reportStateOf({ messageId: '<a@example.jp>' }, [], [entry()])).toEqual({ state: 'queued', since: '2026-11-30T08:00:00.000Z', attempts: 2 });
  });

  it('says refused, with the service’s words, for a rejected entry', () => {
    const state = reportStateOf({ messageId: '<a@example.jp>' }, [], [entry({ state: 'rejected', serverMessage: 'too large' })]);
    expect(state).toEqual({ state: 'rejected', since: '2026-11-30T08:00:00.000Z', serverMessage: 'too large' });
  });

  it('prefers a waiting report over a refused one of the same message', () => {
    const state = reportStateOf({ messageId: '<a@example.jp>' }, [], [entry({ key: 'old', state: 'rejected' }), entry()]);
    expect(state?.state).toBe('queued');
  });

  it('matches by item id when the message has no Internet message id', () => {
    expect(reportStateOf({ itemId: 'AAMk-item-a' }, [receipt({ messageId: undefined })], [])?.state).toBe('delivered');
  });

  it.each([
    ['another message id', { messageId: '<b@example.jp>', itemId: 'AAMk-item-a' }],
    ['no identity at all', {}],
    ['another item without message ids', { itemId: 'AAMk-item-b' }],
  ])('knows nothing for %s', (_name, identity) => {
    expect(reportStateOf(identity, [receipt()], [entry()])).toBeUndefined();
  });
});

describe('the pane reporter remembers which message it reported', () => {
  const ENDPOINT: ReportingPolicy = { endpointUrl: 'https://lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN, afterReport: 'leave' };
  const MAILBOX: ReportingPolicy = { securityMailbox: 'security@example.or.jp', entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73', afterReport: 'leave', channels: ['mailbox'] };
  const tokens: TokenProvider = { getToken: async () => GRAPH_TOKEN };

  function reporter(reporting: ReportingPolicy, responder: Responder, withTokens = false) {
    const fetch = recordingFetch(responder);
    const item = fakeItem({ eml: fixture('original.eml').toString('base64') });
    const service = new ReportService({ reporting, fetch, store: memoryStore(), sleep: instantSleep(), random: () => 0.5, log: () => undefined, ...(withTokens ? { tokens } : {}) });
    const pane = createPaneReporter({ service, reporting, currentItem: () => item, reporter: () => ({ address: 'k.watanabe@example.or.jp' }), fetch, ...(withTokens ? { tokens } : {}) });
    return { pane, item };
  }

  it('knows a delivered report by the message id and says so in the team’s name', async () => {
    const { pane, item } = reporter({ ...ENDPOINT, securityTeamName: 'Information Security Office' }, () => json(201, { id: 'rep_7', duplicate: false, statusToken: 'st_7' }));
    expect(await pane.reportState({ messageId: item.internetMessageId })).toBeUndefined();
    const outcome = await pane.report({ reasons: [] });
    expect(outcome.message.en).toBe('Reported to Information Security Office. Thank you.');
    expect(outcome.message.en).not.toContain('lurelens.example.or.jp');
    expect(await pane.reportState({ messageId: item.internetMessageId })).toMatchObject({ state: 'delivered', reportId: 'rep_7', channel: 'endpoint' });
    expect(await pane.reportState({ messageId: '<other@example.jp>' })).toBeUndefined();
  });

  it('says queued, not delivered, while the service cannot be reached', async () => {
    const { pane, item } = reporter(ENDPOINT, () => new TypeError('Failed to fetch'));
    expect((await pane.report({ reasons: [] })).status).toBe('queued');
    expect(await pane.reportState({ messageId: item.internetMessageId })).toMatchObject({ state: 'queued' });
  });

  it('remembers a delivery through the security mailbox too', async () => {
    const { pane, item } = reporter(MAILBOX, () => empty(202), true);
    expect((await pane.report({ reasons: [] })).status).toBe('delivered');
    expect(await pane.reportState({ messageId: item.internetMessageId })).toMatchObject({ state: 'delivered', channel: 'mailbox' });
  });
});

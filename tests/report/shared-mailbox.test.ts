// Items in a shared mailbox or in another person's folder (delegate access; the manifest sets
// SupportsSharedFolders): Graph's /me/messages/{id} is a 404 for them, so moving the reported message and
// fetching it again go to the mailbox that holds it, which Outlook names through getSharedPropertiesAsync.
import { moveReportedMessage } from '../../src/report/after-report';
import { fetchMimeViaGraph, GRAPH_BASE, mailboxPath } from '../../src/report/graph-channel';
import { createOfficeReporter } from '../../src/report/office-reporter';
import { officeReportItem } from '../../src/report/office-item';
import { Outbox } from '../../src/report/outbox';
import { createPaneReporter } from '../../src/report/pane-reporter';
import { buildReportSubmission } from '../../src/report/payload';
import { ReportService } from '../../src/report/service';
import { memoryStore } from '../../src/report/stores';
import type { TokenProvider } from '../../src/report/tokens';
import { installFakeOffice, removeFakeOffice } from './fake-office';
import { ENDPOINT_TOKEN, GRAPH_TOKEN, fakeItem, fixture, instantSleep, json, recordingFetch } from './support';

const SHARED = 'soumu-shared@example.or.jp';

function tokens(scopesSeen: string[][] = []): TokenProvider {
  return {
    async getToken(scopes) {
      scopesSeen.push([...scopes]);
      return GRAPH_TOKEN;
    },
  };
}

describe('Graph calls about a message in a shared or delegated mailbox', () => {
  afterEach(removeFakeOffice);

  it('address /users/{mailbox} instead of /me, and only for a plain address', () => {
    expect(mailboxPath(undefined)).toBe(`${GRAPH_BASE}/me`);
    expect(mailboxPath(SHARED)).toBe(`${GRAPH_BASE}/users/soumu-shared%40example.or.jp`);
    expect(mailboxPath('not an address')).toBe(`${GRAPH_BASE}/me`);
    expect(mailboxPath('a/../b@example.or.jp')).toBe(`${GRAPH_BASE}/users/a%2F..%2Fb%40example.or.jp`);
  });

  it('move the message within the shared mailbox, asking for Mail.ReadWrite.Shared', async () => {
    const scopes: string[][] = [];
    const fetch = recordingFetch(() => json(201, { id: 'moved' }));
    expect(await moveReportedMessage('R1', 'junk', undefined, { fetch, tokens: tokens(scopes) }, SHARED)).toBe('junk');
    expect(fetch.requests[0]).toMatchObject({ method: 'POST', url: `${GRAPH_BASE}/users/soumu-shared%40example.or.jp/messages/R1/move` });
    expect(JSON.parse(fetch.requests[0].body as string)).toEqual({ destinationId: 'junkemail' });
    expect(scopes).toEqual([['Mail.ReadWrite.Shared']]);
  });

  it('find or create the reported folder in the shared mailbox, not in the reporter\'s own', async () => {
    const fetch = recordingFetch((_request, index) => (index === 0 ? json(200, { value: [] }) : index === 1 ? json(201, { id: 'F1' }) : json(201, {})));
    expect(await moveReportedMessage('R1', 'reportedFolder', '報告済み', { fetch, tokens: tokens() }, SHARED)).toBe('reportedFolder');
    expect(fetch.requests.map((request) => request.url.split('?')[0])).toEqual([
      `${GRAPH_BASE}/users/soumu-shared%40example.or.jp/mailFolders`,
      `${GRAPH_BASE}/users/soumu-shared%40example.or.jp/mailFolders`,
      `${GRAPH_BASE}/users/soumu-shared%40example.or.jp/messages/R1/move`,
    ]);
  });

  it('fetch a queued message again from the shared mailbox, asking for Mail.Read.Shared', async () => {
    const scopes: string[][] = [];
    const fetch = recordingFetch(() => new Response('From: a@example.net\r\n\r\nhi', { status: 200 }));
    const mime = await fetchMimeViaGraph('R1', { fetch, tokens: tokens(scopes) }, SHARED);
    expect(new TextDecoder().decode(mime)).toContain('From: a@example.net');
    expect(fetch.requests[0].url).toBe(`${GRAPH_BASE}/users/soumu-shared%40example.or.jp/messages/R1/$value`);
    expect(scopes).toEqual([['Mail.Read.Shared']]);
  });

  it('learn the holding mailbox from getSharedPropertiesAsync (Mailbox 1.8), and treat its error as "own mailbox"', async () => {
    installFakeOffice(new Map(), { sharedOwner: SHARED });
    expect(await officeReportItem()?.sharedMailbox?.()).toBe(SHARED);
    removeFakeOffice();
    installFakeOffice(new Map());
    expect(await officeReportItem()?.sharedMailbox?.()).toBeUndefined();
    removeFakeOffice();
    // Below 1.8 the call is not even made.
    const { item } = installFakeOffice(new Map(), { sharedOwner: SHARED, mailboxMinor: 7 });
    const spy = jest.spyOn(item, 'getSharedPropertiesAsync');
    expect(await officeReportItem()?.sharedMailbox?.()).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
  });

  it('end to end from the task pane: reported, then moved to Junk Email in the shared mailbox', async () => {
    installFakeOffice(new Map(), { sharedOwner: SHARED });
    const fetch = recordingFetch((request) =>
      request.url.startsWith(GRAPH_BASE) ? json(201, { id: 'moved' }) : json(201, { id: 'rep_1', duplicate: false, statusToken: 'st_1' }),
    );
    const reporter = createOfficeReporter({
      policy: { reporting: { endpointUrl: 'https://lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN, entraClientId: '00000000-0000-0000-0000-00000000abcd', afterReport: 'junk' } },
      fetch,
      tokens: tokens(),
      log: () => undefined,
    });
    const outcome = await reporter.report({ reasons: [] });
    expect(outcome).toMatchObject({ status: 'delivered', moved: 'junk' });
    expect(fetch.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST https://lurelens.example.or.jp/api/reports',
      `POST ${GRAPH_BASE}/users/soumu-shared%40example.or.jp/messages/AAMkAGI2TG93AAA-/move`,
    ]);
  });

  it('keep the holding mailbox with a queued report, and fetch it from there when the pane flushes the outbox', async () => {
    const store = memoryStore();
    const eml = fixture('original.eml');
    const item = { ...fakeItem({ eml: eml.toString('base64') }), sharedMailbox: async () => SHARED };
    const queued = await buildReportSubmission({ item, reporter: { address: 'k.watanabe@example.or.jp' }, request: { reasons: [] } });
    expect(queued.sharedMailbox).toBe(SHARED);
    // Too big to keep on the device: only the ids (and now the mailbox) are stored.
    expect(await new Outbox(store, { maxInlineEmlChars: 10 }).put(queued)).toEqual({ kept: true, emlKept: false });
    const fetch = recordingFetch((request) =>
      request.url.startsWith(GRAPH_BASE) ? new Response(new Uint8Array(eml), { status: 200 }) : json(201, { id: 'rep_2', duplicate: false, statusToken: 'st' }),
    );
    const reporting = { endpointUrl: 'https://lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN, channels: ['endpoint' as const] };
    const service = new ReportService({ reporting, fetch, store, sleep: instantSleep(), random: () => 0, log: () => undefined, tokens: tokens() });
    // Another message is open now, so the queued one must come from Graph.
    const pane = createPaneReporter({ service, reporting, currentItem: () => undefined, reporter: () => ({ address: 'k.watanabe@example.or.jp' }), tokens: tokens(), fetch });
    expect(await pane.flushOutbox()).toBe(1);
    expect(fetch.requests[0].url).toBe(`${GRAPH_BASE}/users/soumu-shared%40example.or.jp/messages/AAMkAGI2TG93AAA-/$value`);
    expect(JSON.parse(fetch.requests[1].body as string).eml).toBe(eml.toString('base64'));
  });
});

// Nothing the report code logs may carry a secret or message content: tokens, status tokens, the
// reporter, the subject, the comment, the .eml or a server message quoting any of them.
import { handleSpamReport } from '../../src/commands/spam-report';
import { INLINE_ATTACHMENT_LIMIT } from '../../src/report/graph-channel';
import { buildReportSubmission } from '../../src/report/payload';
import { ReportService } from '../../src/report/service';
import { memoryStore } from '../../src/report/stores';
import { ENDPOINT_TOKEN, GRAPH_TOKEN, fakeItem, fixture, instantSleep, json, recordingFetch, type Responder } from './support';

const SECRETS = {
  endpointToken: ENDPOINT_TOKEN,
  graphToken: GRAPH_TOKEN,
  statusToken: 'st_super_secret_status',
  reporter: 'k.watanabe@example.or.jp',
  subject: '日中関係に関する研究会',
  comment: 'my-private-comment',
  serverEcho: 'quoted-from-the-message',
};

const reporting = {
  endpointUrl: 'https://lurelens.example.or.jp/api/reports',
  endpointToken: ENDPOINT_TOKEN,
  securityMailbox: 'security@example.or.jp',
  entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73',
};

describe('logging', () => {
  const captured: string[] = [];
  const spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    captured.length = 0;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' '))));
    }
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  it('never logs tokens or message content, on any path', async () => {
    const eml = fixture('original.eml').toString('base64');
    const big = Buffer.from(new Uint8Array(INLINE_ATTACHMENT_LIMIT + 5)).toString('base64');
    const responders: Responder[] = [
      () => json(201, { id: 'rep_1', duplicate: false, statusToken: SECRETS.statusToken }),
      () => json(503, { message: SECRETS.serverEcho }),
      () => json(400, { message: SECRETS.serverEcho }),
      (request) => (request.url.includes('lurelens') ? new TypeError(SECRETS.serverEcho) : request.url.endsWith('/me/messages') ? json(201, { id: 'D' }) : json(500, { error: { message: SECRETS.serverEcho } })),
    ];
    const store = memoryStore();
    for (const responder of responders) {
      const service = new ReportService({
        reporting,
        fetch: recordingFetch(responder),
        store,
        sleep: instantSleep(),
        random: () => 0,
        tokens: { getToken: async () => GRAPH_TOKEN },
      });
      for (const content of [eml, big]) {
        const item = fakeItem({ eml: content, subject: SECRETS.subject });
        const report = await buildReportSubmission({ item, reporter: { address: SECRETS.reporter }, request: { reasons: ['other'], comment: SECRETS.comment } });
        await service.submit(report);
      }
      await service.flush(async () => undefined);
      await service.myReports();
    }
    await handleSpamReport(
      { options: [true], freeText: SECRETS.comment, completed: () => undefined },
      {
        loadReporting: async () => ({ reporting }),
        createService: (settings) => new ReportService({ reporting: settings, fetch: recordingFetch(() => json(400, { message: SECRETS.serverEcho })), store, sleep: instantSleep() }),
        item: () => fakeItem({ eml, subject: SECRETS.subject }),
        reporter: () => ({ address: SECRETS.reporter }),
        client: () => ({}),
        displayLanguage: () => 'en',
        log: (event, fields) => console.info(event, JSON.stringify(fields)),
      },
    );
    expect(captured.length).toBeGreaterThan(10);
    const all = captured.join('\n');
    for (const [name, secret] of Object.entries(SECRETS)) expect({ name, logged: all.includes(secret) }).toEqual({ name, logged: false });
    expect(all).not.toContain(eml.slice(0, 40));
    expect(all).not.toContain('外務省');
  });
});

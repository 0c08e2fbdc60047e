// Verified reporters from the add-in's side: the endpoint channel carries the employee's own token for the
// service's API when Outlook gives one silently, and the shared reporter token otherwise; either way the
// report is delivered once, under one idempotency key, and the message is moved or left exactly as for
// any delivered report. The broker is MSAL's nested app authentication (fake-msal.ts); the rest is real.
import type { ReportingPolicy } from '../../src/policy/types';
import { createNaaTokenProvider } from '../../src/report/office-auth';
import { createOfficeReporter } from '../../src/report/office-reporter';
import { buildReportSubmission } from '../../src/report/payload';
import { ReportService } from '../../src/report/service';
import { memoryStore } from '../../src/report/stores';
import { brokerErrors, fakeMsal, type Broker } from './fake-msal';
import { installFakeOffice, removeFakeOffice } from './fake-office';
import { ENDPOINT_TOKEN, GRAPH_TOKEN, fakeItem, fixture, instantSleep, json, recordingFetch, type RecordedRequest, type Responder } from './support';

const CLIENT_ID = '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73';
const SCOPE = `api://lurelens.example.or.jp/${CLIENT_ID}/Reports.Submit`;
const ENDPOINT = 'https://lurelens.example.or.jp/api/reports';
const REPORTER_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJSZXBvcnRzLlN1Ym1pdCJ9.cmVwb3J0ZXI';
const REPORTING: ReportingPolicy = { endpointUrl: ENDPOINT, endpointToken: ENDPOINT_TOKEN, endpointScope: SCOPE, entraClientId: CLIENT_ID, afterReport: 'junk' };

/** Outlook's broker: the API's token for our scope, a Graph token for Graph's. */
const signedIn: Broker = (request) => ({ accessToken: request.scopes.includes(SCOPE) ? REPORTER_TOKEN : GRAPH_TOKEN });
const noConsentForTheApi: Broker = (request, kind) => (request.scopes.includes(SCOPE) && kind === 'silent' ? brokerErrors.interactionRequired() : { accessToken: GRAPH_TOKEN });

const bearer = (request: RecordedRequest) => request.headers.authorization?.replace(/^Bearer /, '');
const posts = (requests: RecordedRequest[]) => requests.filter((request) => request.url === ENDPOINT);
const receipt = (id: string) => json(201, { id, duplicate: false, statusToken: `st_${id}` });
/** The service: a receipt for the reports, Graph's answer for the move. */
const serviceAnswers: Responder = (request) => (request.url === ENDPOINT ? receipt('rep_1') : json(201, { id: 'moved' }));

describe('the task pane', () => {
  afterEach(removeFakeOffice);

  function pane(broker: Broker, responder: Responder = serviceAnswers, reporting: ReportingPolicy = REPORTING) {
    installFakeOffice(new Map(), { nestedAppAuth: true });
    const msal = fakeMsal(broker);
    const fetch = recordingFetch(responder);
    const logs: string[] = [];
    const reporter = createOfficeReporter({ policy: { reporting }, fetch, loadMsal: msal.load, log: (event, fields) => void logs.push(`${event} ${JSON.stringify(fields ?? {})}`) });
    return { reporter, fetch, msal, logs };
  }

  it("sends the employee's own token for the service's API, asked silently, and never the shared one", async () => {
    const { reporter, fetch, msal } = pane(signedIn);
    const outcome = await reporter.report({ reasons: ['impersonation'] });
    expect(outcome).toMatchObject({ status: 'delivered', channel: 'endpoint', moved: 'junk' });
    expect(posts(fetch.requests).map(bearer)).toEqual([REPORTER_TOKEN]);
    expect(fetch.requests.some((request) => bearer(request) === ENDPOINT_TOKEN)).toBe(false);
    expect(msal.calls.filter((call) => call.scopes.includes(SCOPE))).toEqual([{ kind: 'silent', clientId: CLIENT_ID, scopes: [SCOPE] }]);
  });

  it('without the API token (no consent), reports with the shared token, opens no window, and tells the employee what any report tells them', async () => {
    const plain = pane(signedIn, serviceAnswers, { ...REPORTING, endpointScope: undefined });
    const expected = await plain.reporter.report({ reasons: ['impersonation'] });
    removeFakeOffice();

    const { reporter, fetch, msal, logs } = pane(noConsentForTheApi);
    const outcome = await reporter.report({ reasons: ['impersonation'] });
    expect(outcome).toEqual(expected);
    expect(posts(fetch.requests).map(bearer)).toEqual([ENDPOINT_TOKEN]);
    expect(msal.calls.filter((call) => call.kind === 'popup')).toEqual([]);
    expect(logs).toContain('report.signed-in.fallback {"reason":"interaction-required"}');
    expect(logs.join('\n')).not.toContain(REPORTER_TOKEN);
  });

  it('shows a signed-in employee their reports from every device, without status tokens from this one', async () => {
    const { reporter, fetch } = pane(signedIn, () => json(200, { reports: [{ id: 'rep_laptop', key: 'k-laptop', subject: 'Invoice', receivedAt: '2026-12-01T09:00:00.000Z', disposition: 'malicious' }], signedIn: true }));
    const mine = await reporter.myReports();
    expect(mine.map((report) => report.id)).toEqual(['rep_laptop']);
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]).toMatchObject({ url: 'https://lurelens.example.or.jp/api/my/reports', method: 'GET' });
    expect(bearer(fetch.requests[0])).toBe(REPORTER_TOKEN);
    expect(fetch.requests[0].headers).not.toHaveProperty('x-status-tokens');
  });
});

describe('the report service (shared by the pane and the Report button)', () => {
  async function prepared() {
    const item = fakeItem({ eml: fixture('original.eml').toString('base64') });
    return buildReportSubmission({ item, reporter: { address: 'k.watanabe@example.or.jp' }, request: { reasons: ['impersonation'] } });
  }

  function service(broker: Broker, responder: Responder) {
    const msal = fakeMsal(broker);
    const fetch = recordingFetch(responder);
    // The Report button's provider: no window to show a popup in.
    const tokens = createNaaTokenProvider({ clientId: CLIENT_ID, loadMsal: msal.load, interactive: false });
    const svc = new ReportService({ reporting: REPORTING, fetch, store: memoryStore(), tokens, sleep: instantSleep(), random: () => 0.5, log: () => undefined });
    return { svc, fetch, msal };
  }

  it('resends at once with the shared token, under the same key, when the service refuses the signed-in token; later reports skip it', async () => {
    const { svc, fetch, msal } = service(signedIn, (request) =>
      bearer(request) === REPORTER_TOKEN ? json(401, { message: 'The bearer token is not valid.' }, { 'www-authenticate': 'Bearer error="invalid_token"' }) : receipt(`rep_${fetch.requests.length}`),
    );
    const first = await prepared();
    expect(await svc.submit(first)).toMatchObject({ status: 'delivered', channel: 'endpoint' });
    expect(posts(fetch.requests).map(bearer)).toEqual([REPORTER_TOKEN, ENDPOINT_TOKEN]);
    expect(new Set(posts(fetch.requests).map((request) => JSON.parse(request.body as string).key))).toEqual(new Set([first.submission.key]));

    expect((await svc.submit(await prepared())).status).toBe('delivered');
    expect(posts(fetch.requests).map(bearer)).toEqual([REPORTER_TOKEN, ENDPOINT_TOKEN, ENDPOINT_TOKEN]);
    expect(msal.calls).toHaveLength(1);
  });

  it('keeps the signed-in token through ordinary retries (the service was busy, not refusing it)', async () => {
    const { svc, fetch } = service(signedIn, (_, index) => (index === 0 ? json(503, { message: 'busy' }) : receipt('rep_2')));
    expect((await svc.submit(await prepared())).status).toBe('delivered');
    expect(posts(fetch.requests).map(bearer)).toEqual([REPORTER_TOKEN, REPORTER_TOKEN]);
  });

  it('keeps a report it cannot deliver in the outbox whatever the token step did, and delivers it later', async () => {
    let down = true;
    const { svc, fetch } = service(noConsentForTheApi, () => (down ? new TypeError('Failed to fetch') : receipt('rep_3')));
    const report = await prepared();
    expect((await svc.submit(report)).status).toBe('queued');
    expect((await svc.outbox.list()).map((entry) => entry.key)).toEqual([report.submission.key]);
    down = false;
    expect(await svc.flush(async () => undefined)).toEqual({ delivered: 1, remaining: 0 });
    expect(posts(fetch.requests).map(bearer).every((token) => token === ENDPOINT_TOKEN)).toBe(true);
  });

  it("asks for the reporter's reports with the shared token and this device's status tokens when the service refuses the signed-in one", async () => {
    const { svc, fetch } = service(signedIn, (request) =>
      request.url === ENDPOINT ? receipt('rep_4') : bearer(request) === REPORTER_TOKEN ? json(401, { message: 'no' }) : json(200, { reports: [], signedIn: false }),
    );
    // A first report with the signed-in token leaves a status token on this device.
    expect((await svc.submit(await prepared())).status).toBe('delivered');
    await svc.myReports();
    const lookups = fetch.requests.filter((request) => request.url.endsWith('/api/my/reports'));
    expect(lookups.map(bearer)).toEqual([REPORTER_TOKEN, ENDPOINT_TOKEN]);
    expect(lookups[1].headers['x-status-tokens']).toBe('st_rep_4');
  });
});

// Outlook's Report button with verified reporters: the function file asks Outlook's broker for the
// service API's token (it has no window, so silently or not at all) and sends it; when the broker cannot
// give it, the same report goes with the shared token and the message is moved exactly as otherwise.
// MSAL's nested app authentication is the stand-in of tests/report/fake-msal.ts, put where the bundle
// imports MSAL from; Office is the fake of tests/report/fake-office.ts with NestedAppAuth 1.1.
import { brokerErrors, fakeMsal, type Broker } from '../report/fake-msal';
import { installFakeOffice } from '../report/fake-office';

const CLIENT_ID = '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73';
const SCOPE = `api://lurelens.example.or.jp/${CLIENT_ID}/Reports.Submit`;
const ENDPOINT = 'https://lurelens.example.or.jp/api/reports';
const SHARED = 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f';
const SIGNED_IN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJSZXBvcnRzLlN1Ym1pdCJ9.cmVwb3J0ZXI';
const POLICY = { reporting: { endpointUrl: ENDPOINT, endpointToken: SHARED, endpointScope: SCOPE, entraClientId: CLIENT_ID, afterReport: 'junk' } };

let broker: Broker = () => ({ accessToken: SIGNED_IN });
const mockMsal = fakeMsal((request, kind) => broker(request, kind));
jest.mock('../../src/report/msal-naa', () => ({ nestedAppAuthMsal: mockMsal.module }));

describe('the Report button with verified reporters', () => {
  const saved = { fetch: globalThis.fetch };
  beforeEach(() => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    mockMsal.calls.length = 0;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    globalThis.fetch = saved.fetch;
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).OfficeRuntime;
    jest.resetModules();
  });

  async function pressReport(endpoint: (authorization: string) => Response) {
    const { associated } = installFakeOffice(new Map(), { nestedAppAuth: true });
    const authorizations: string[] = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      if (url === 'https://addin.example.or.jp/policy.json') return new Response(JSON.stringify(POLICY), { status: 200 });
      if (url === ENDPOINT) {
        const authorization = new Headers(init.headers).get('authorization') ?? '';
        authorizations.push(authorization);
        return endpoint(authorization);
      }
      return new Response(null, { status: 404 });
    }) as typeof fetch;
    jest.isolateModules(() => {
      require('../../src/commands/commands');
    });
    const completions: unknown[] = [];
    await new Promise<void>((done) => {
      associated.onSpamReport({ type: 'SpamReporting', options: [true], freeText: '', completed: (options: unknown) => void (completions.push(options), done()) });
    });
    return { completions, authorizations };
  }

  const delivered = () => new Response(JSON.stringify({ id: 'rep_1', duplicate: false, statusToken: 'st_1' }), { status: 201 });

  it("sends the employee's token, asked silently", async () => {
    broker = () => ({ accessToken: SIGNED_IN });
    const { completions, authorizations } = await pressReport(delivered);
    expect(authorizations).toEqual([`Bearer ${SIGNED_IN}`]);
    expect(completions).toEqual([expect.objectContaining({ moveItemTo: 'junkFolder', onErrorDeleteItem: false })]);
    expect(mockMsal.calls).toEqual([{ kind: 'silent', clientId: CLIENT_ID, scopes: [SCOPE] }]);
  });

  it.each<[string, Broker]>([
    ['interaction would be required', () => brokerErrors.interactionRequired()],
    ['Outlook has no account for it', () => brokerErrors.noAccount()],
  ])('reports with the shared token, and moves the message as usual, when %s', async (_, failing) => {
    broker = failing;
    const { completions, authorizations } = await pressReport(delivered);
    expect(authorizations).toEqual([`Bearer ${SHARED}`]);
    expect(completions).toEqual([expect.objectContaining({ moveItemTo: 'junkFolder', onErrorDeleteItem: false })]);
    expect(mockMsal.calls.map((call) => call.kind)).toEqual(['silent']);
  });

  it('never deletes or moves the message when the report cannot be sent, whatever the token step did', async () => {
    broker = () => brokerErrors.interactionRequired();
    const { completions } = await pressReport(() => new Response(JSON.stringify({ message: 'The bearer token is not valid.' }), { status: 401 }));
    expect(completions).toEqual([expect.objectContaining({ moveItemTo: 'noMove', onErrorDeleteItem: false })]);
  });
});

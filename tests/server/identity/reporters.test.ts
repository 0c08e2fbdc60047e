// Verified reporters: the add-in sends an access token for the service's API (nested app
// authentication in Outlook; here the real test provider's token endpoint), and the report is
// that person's, on every device. The shared reporter token still works, labelled unverified.
import { startProvider, OTHER_TENANT, type TestProvider } from '../../support/oidc';
import { call, fixture, postReport, report, submission, type TestServer } from '../helpers';
import { startIdentityServer } from './service';

jest.setTimeout(60_000);

let provider: TestProvider;
let server: TestServer;
beforeAll(async () => {
  provider = await startProvider();
  server = await startIdentityServer(provider);
});
afterAll(async () => {
  await server?.close();
  await provider?.close();
});

interface Listed {
  id: string;
  reporter: { address: string; name?: string; verified: boolean };
}

async function listed(id: string): Promise<Listed> {
  const list = (await (await call(server, '/api/reports?limit=100')).json()) as { items: Listed[] };
  return list.items.find((item) => item.id === id)!;
}

it("attributes a report sent with an Entra token to that user, whatever address the add-in wrote", async () => {
  const token = await provider.accessToken('rita');
  const receipt = await report(server, fixture('unrelated.eml'), { reporter: { address: 'ceo@example.test', name: 'The CEO' } }, token);
  expect(await listed(receipt.id)).toMatchObject({ reporter: { address: 'rita@example.test', name: 'Rita Reporter', verified: true } });
  const detail = (await (await call(server, `/api/reports/${receipt.id}`)).json()) as Listed;
  expect(detail.reporter).toMatchObject({ address: 'rita@example.test', verified: true });
});

it('labels a report sent with the shared reporter token unverified', async () => {
  const receipt = await report(server, fixture('unrelated.eml'), { reporter: { address: 'someone@example.test' } });
  expect(await listed(receipt.id)).toMatchObject({ reporter: { address: 'someone@example.test', verified: false } });
});

it('shows a signed-in reporter their reports on every device: no status tokens needed, other people\'s never included', async () => {
  const onLaptop = await provider.accessToken('rita');
  const first = await report(server, fixture('campaign-1.eml'), {}, onLaptop);
  const someoneElse = await report(server, fixture('campaign-2.eml'), {}, await provider.accessToken('alice'));
  // A report sent earlier from the phone with the shared token, before signing in there.
  const beforeSignIn = await report(server, fixture('campaign-3.eml'));

  const onPhone = await provider.accessToken('rita');
  const mine = await call(server, '/api/my/reports', { token: onPhone, headers: { 'x-status-tokens': beforeSignIn.statusToken } });
  expect(mine.status).toBe(200);
  const body = (await mine.json()) as { reports: { id: string }[]; signedIn: boolean };
  expect(body.signedIn).toBe(true);
  const ids = body.reports.map((r) => r.id);
  expect(ids).toEqual(expect.arrayContaining([first.id, beforeSignIn.id]));
  expect(ids).not.toContain(someoneElse.id);

  // Without a sign-in, only the tokens this device holds count.
  const anonymous = (await (await call(server, '/api/my/reports', { token: null, headers: { authorization: 'Bearer reporter-token-for-tests-0001', 'x-status-tokens': first.statusToken } })).json()) as {
    reports: { id: string }[];
    signedIn: boolean;
  };
  expect(anonymous).toEqual({ reports: [expect.objectContaining({ id: first.id })], signedIn: false });
  // And without either, there is nothing to look up.
  expect((await call(server, '/api/my/reports', { token: null, headers: { authorization: 'Bearer reporter-token-for-tests-0001' } })).status).toBe(400);
});

it('refuses an Entra token that fails a check outright (401), never accepting it as an unverified report', async () => {
  const wrongTenant = await provider.accessToken('rita', { tenant: OTHER_TENANT });
  const response = await postReport(server, submission(fixture('unrelated.eml')), wrongTenant);
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/invalid_token/);
  // The refusal's reason is logged for the operator, never the token.
  expect(server.logs.some((line) => line.includes('tenant not allowed'))).toBe(true);
  expect(server.logs.some((line) => line.includes(wrongTenant))).toBe(false);
});

it('a reporter token, verified or not, cannot read the console API', async () => {
  expect((await call(server, '/api/reports', { token: await provider.accessToken('rita') })).status).toBe(403);
});

describe('rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startIdentityServer(provider, { rateLimit: { max: 1000, timeWindowMs: 60_000, reportsMax: 8, unverifiedReportsMax: 2 } });
  });
  afterAll(() => limited.close());

  it('gives unverified reports a tighter budget per address than signed-in reporters', async () => {
    const shared = [];
    for (let i = 0; i < 3; i++) shared.push((await postReport(limited, submission(fixture('unrelated.eml')))).status);
    expect(shared).toEqual([201, 201, 429]);
    const refused = await postReport(limited, submission(fixture('unrelated.eml')));
    expect((await refused.json()).message).toMatch(/unverified/);
    const token = await provider.accessToken('rita');
    const verified = [];
    for (let i = 0; i < 3; i++) verified.push((await postReport(limited, submission(fixture('unrelated.eml')), token)).status);
    expect(verified).toEqual([201, 201, 201]);
  });
});

it('the service config refuses sign-in over plain http to another machine (cookies would travel in clear)', async () => {
  await expect(startIdentityServer(provider, { publicUrl: 'http://lurelens.example.test' })).rejects.toThrow(/https publicUrl/);
});

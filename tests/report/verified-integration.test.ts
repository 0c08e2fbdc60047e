// Verified reporters end to end: the real intake service configured for reporters' tokens, the real
// OpenID Connect provider signing them (tests/support/oidc.ts), and the add-in's own reporter
// (createOfficeReporter, as the task pane runs it) reading the policy the service serves. Only Outlook's
// broker is a stand-in (fake-msal.ts): it hands the add-in the token the provider issued for the user.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Policy } from '../../src/policy/types';
import type { FetchLike } from '../../src/report/http';
import { createOfficeReporter } from '../../src/report/office-reporter';
import { memoryStore } from '../../src/report/stores';
import { API_AUDIENCE, API_SCOPE, OTHER_TENANT, startProvider, type TestProvider } from '../support/oidc';
import { call, PUBLIC_URL, tempDir, type TestServer } from '../server/helpers';
import { startIdentityServer } from '../server/identity/service';
import { brokerErrors, fakeMsal, type Broker } from './fake-msal';
import { installFakeOffice, removeFakeOffice } from './fake-office';

jest.setTimeout(60_000);

const CLIENT_ID = '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73';
const SCOPE = `${API_AUDIENCE}/${API_SCOPE}`;

let provider: TestProvider;
let server: TestServer;
let policy: Policy;

beforeAll(async () => {
  provider = await startProvider();
  // IT's policy file names the add-in's Entra app; the service adds its endpoint, token and scope.
  const policyFile = path.join(tempDir('lurelens-verified-'), 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ reporting: { entraClientId: CLIENT_ID, afterReport: 'leave' } }));
  server = await startIdentityServer(provider, { policyFile });
  policy = (await (await fetch(`${server.url}/policy.json`)).json()) as Policy;
});
afterAll(async () => {
  removeFakeOffice();
  await server?.close();
  await provider?.close();
});
afterEach(removeFakeOffice);

/** The add-in's network: the service's public address reaches the test service; nothing else is reachable. */
const toService: FetchLike = (url, init) => {
  if (!url.startsWith(PUBLIC_URL)) return Promise.reject(new TypeError(`Failed to fetch ${url}`));
  return fetch(server.url + url.slice(PUBLIC_URL.length), init);
};

function addin(broker: Broker, store = memoryStore()) {
  installFakeOffice(new Map(), { nestedAppAuth: true });
  const msal = fakeMsal(broker);
  const reporter = createOfficeReporter({ policy: { reporting: policy.reporting ?? {} }, fetch: toService, store, loadMsal: msal.load, log: () => undefined });
  return { reporter, msal };
}

interface Listed {
  id: string;
  reporter: { address: string; verified: boolean };
}

async function listed(id: string): Promise<Listed> {
  const list = (await (await call(server, '/api/reports?limit=100')).json()) as { items: Listed[] };
  return list.items.find((item) => item.id === id)!;
}

const tokenFor = (login: 'rita' | 'alice', tenant?: string): Broker => async (request) =>
  request.scopes.includes(SCOPE) ? { accessToken: await provider.accessToken(login, tenant ? { tenant } : {}) } : brokerErrors.interactionRequired();

it('serves the scope it checks in policy.json, beside the endpoint, the shared token and the Entra app IT configured', () => {
  expect(policy.reporting).toEqual({
    entraClientId: CLIENT_ID,
    afterReport: 'leave',
    endpointUrl: `${PUBLIC_URL}/api/reports`,
    endpointToken: 'reporter-token-for-tests-0001',
    endpointScope: SCOPE,
  });
});

it("files a report from the add-in under the signed-in employee's identity, verified", async () => {
  const { reporter, msal } = addin(tokenFor('rita'));
  const outcome = await reporter.report({ reasons: ['impersonation'] });
  expect(outcome).toMatchObject({ status: 'delivered', channel: 'endpoint' });
  // Outlook's profile says k.watanabe; the token says rita, and the token wins.
  expect(await listed(outcome.reportId!)).toMatchObject({ reporter: { address: 'rita@example.test', verified: true } });
  expect(msal.calls).toEqual([{ kind: 'silent', clientId: CLIENT_ID, scopes: [SCOPE] }]);
});

it('accepts the report unverified, under the address Outlook gives, when Outlook cannot give the token silently', async () => {
  const { reporter, msal } = addin(() => brokerErrors.interactionRequired());
  const outcome = await reporter.report({ reasons: ['impersonation'] });
  expect(outcome).toMatchObject({ status: 'delivered', channel: 'endpoint' });
  expect(await listed(outcome.reportId!)).toMatchObject({ reporter: { address: 'k.watanabe@example.or.jp', verified: false } });
  expect(msal.calls.map((c) => c.kind)).toEqual(['silent']);
});

it("accepts the report unverified when the service refuses the token (another tenant's), instead of losing it", async () => {
  const { reporter } = addin(tokenFor('rita', OTHER_TENANT));
  const outcome = await reporter.report({ reasons: ['impersonation'] });
  expect(outcome).toMatchObject({ status: 'delivered', channel: 'endpoint' });
  expect(await listed(outcome.reportId!)).toMatchObject({ reporter: { address: 'k.watanabe@example.or.jp', verified: false } });
  expect(server.logs.some((line) => line.includes('tenant not allowed'))).toBe(true);
});

it("shows the employee's reports on a second device that never sent them, and nobody else's", async () => {
  const onLaptop = addin(tokenFor('rita'));
  const mine = await onLaptop.reporter.report({ reasons: ['suspicious-link'] });
  removeFakeOffice();
  const fromAlice = await addin(tokenFor('alice')).reporter.report({ reasons: ['other'] });
  removeFakeOffice();

  const onPhone = addin(tokenFor('rita'), memoryStore());
  const ids = (await onPhone.reporter.myReports()).map((report) => report.id);
  expect(ids).toContain(mine.reportId);
  expect(ids).not.toContain(fromAlice.reportId);
});

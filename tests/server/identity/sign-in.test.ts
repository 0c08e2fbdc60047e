// Analysts sign in to the console with the organisation's identity provider: a real OpenID Connect
// provider in its own process, its own login and consent pages, the authorization-code flow with
// PKCE, and the service's session cookie afterwards. Nothing here is mocked.
import { Browser, deliverCallback, signInAtProvider, startProvider, type TestProvider } from '../../support/oidc';
import { ANALYST, call, fixture, PUBLIC_URL, report, REPORTER, type TestServer } from '../helpers';
import { startIdentityServer } from './service';

jest.setTimeout(60_000);

/** A static admin token, as an audit-export job would hold. */
const ADMIN = 'admin-token-for-identity-tests-01';

let provider: TestProvider;
let server: TestServer;
beforeAll(async () => {
  provider = await startProvider({ consoleRedirectUri: `${PUBLIC_URL}/auth/callback`, postLogoutRedirectUri: `${PUBLIC_URL}/console.html` });
  server = await startIdentityServer(provider, {
    tokens: [
      { token: ANALYST, role: 'analyst', name: 'test analyst' },
      { token: REPORTER, role: 'reporter', name: 'test add-in' },
      { token: ADMIN, role: 'admin', name: 'audit export job' },
    ],
  });
});
afterAll(async () => {
  await server?.close();
  await provider?.close();
});

/** A browser signed in as `login`, with the CSRF token its console page would read from /api/me. */
async function signedIn(login: string): Promise<{ browser: Browser; csrf: string; me: Record<string, unknown> }> {
  const browser = new Browser();
  const answer = await signInAtProvider(browser, server.url, PUBLIC_URL, login);
  const landed = await deliverCallback(browser, server.url, PUBLIC_URL, answer);
  if (landed.status !== 303) throw new Error(`callback answered ${landed.status}`);
  const me = (await (await browser.request(`${server.url}/api/me`)).json()) as Record<string, unknown>;
  return { browser, csrf: String(me.csrfToken), me };
}

/** A JSON change sent by the browser (its cookies), as the console does with fetch. */
async function fetchWith(browser: Browser, route: string, body: unknown, headers: Record<string, string>, method = 'PATCH'): Promise<Response> {
  return fetch(`${server.url}${route}`, {
    method,
    headers: { cookie: `lurelens_session=${browser.cookie(server.url, 'lurelens_session')}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

it('signs an analyst in with the authorization-code flow and PKCE; the browser gets an HttpOnly, Secure, SameSite session cookie and never a token', async () => {
  const browser = new Browser();
  const start = await browser.request(`${server.url}/auth/login`);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.href.startsWith(provider.issuer())).toBe(true);
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: 'code', code_challenge_method: 'S256', client_id: 'lurelens-console', redirect_uri: `${PUBLIC_URL}/auth/callback` });
  expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  expect(authorize.searchParams.has('client_secret')).toBe(false);

  const answer = await signInAtProvider(browser, server.url, PUBLIC_URL, 'alice');
  expect(new URL(answer).searchParams.get('code')).toBeTruthy();
  const landed = await deliverCallback(browser, server.url, PUBLIC_URL, answer);
  expect(landed.status).toBe(303);
  expect(landed.headers.get('location')).toBe('/console.html');
  const cookie = browser.setCookies.get('lurelens_session')!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/Secure/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Path=\//);

  const meResponse = await browser.request(`${server.url}/api/me`);
  const text = await meResponse.text();
  expect(JSON.parse(text)).toMatchObject({ signedIn: true, kind: 'session', subject: 'alice@example.test', name: 'Alice Analyst', role: 'analyst', signIn: { available: true, provider: 'Test Entra ID' } });
  // No token of the provider's reaches the page: not in the answer, not in the cookie.
  expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
  expect(browser.cookie(server.url, 'lurelens_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

it('returns to the console page the analyst asked for, but never to another site', async () => {
  for (const [asked, landing] of [
    ['/console.html#/campaigns/abc', '/console.html#/campaigns/abc'],
    ['https://evil.example/steal', '/console.html'],
    ['//evil.example/steal', '/console.html'],
    ['/\\evil.example', '/console.html'],
  ]) {
    const browser = new Browser();
    const answer = await signInAtProvider(browser, server.url, PUBLIC_URL, 'alice', asked);
    expect((await deliverCallback(browser, server.url, PUBLIC_URL, answer)).headers.get('location')).toBe(landing);
  }
});

it("maps the provider's app roles: a viewer reads but cannot triage, an analyst triages, only an admin reads the audit log", async () => {
  const received = await report(server, fixture('unrelated.eml'));
  const viewer = await signedIn('vic');
  expect(viewer.me.role).toBe('viewer');
  expect((await viewer.browser.request(`${server.url}/api/reports/${received.id}`)).status).toBe(200);
  const refused = await fetchWith(viewer.browser, `/api/reports/${received.id}`, { disposition: 'malicious' }, { 'x-csrf-token': viewer.csrf });
  expect(refused.status).toBe(403);
  expect((await refused.json()).message).toMatch(/analyst.*your role is viewer/);
  expect((await viewer.browser.request(`${server.url}/api/audit`)).status).toBe(403);

  const analyst = await signedIn('alice');
  expect((await fetchWith(analyst.browser, `/api/reports/${received.id}`, { disposition: 'malicious' }, { 'x-csrf-token': analyst.csrf })).status).toBe(200);
  expect((await analyst.browser.request(`${server.url}/api/audit`)).status).toBe(403);

  const admin = await signedIn('ada');
  expect(admin.me.role).toBe('admin');
  expect((await admin.browser.request(`${server.url}/api/audit`)).status).toBe(200);
  // An admin is also an analyst.
  expect((await fetchWith(admin.browser, `/api/reports/${received.id}`, { note: 'checked' }, { 'x-csrf-token': admin.csrf })).status).toBe(200);
});

it('refuses someone the provider knows but who has no Lure Lens role, and records the attempt', async () => {
  const browser = new Browser();
  const answer = await signInAtProvider(browser, server.url, PUBLIC_URL, 'nora');
  const landed = await deliverCallback(browser, server.url, PUBLIC_URL, answer);
  expect(landed.headers.get('location')).toBe('/console.html?signin=no-role');
  expect(browser.cookie(server.url, 'lurelens_session')).toBeUndefined();
  expect(await (await browser.request(`${server.url}/api/me`)).json()).toMatchObject({ signedIn: false });
  const audit = (await (await call(server, '/api/audit?action=auth.sign-in-refused', { token: ADMIN })).json()) as { items: { actor: string }[] };
  expect(audit.items.map((e) => e.actor)).toContain('nora@example.test');
});

it("uses the provider's answer once, and only in the browser that started the sign-in", async () => {
  const browser = new Browser();
  const answer = await signInAtProvider(browser, server.url, PUBLIC_URL, 'alice');
  const loginCookie = browser.cookie(server.url, 'lurelens_login')!;

  // Another browser (an attacker handing the victim a code) has no login cookie: refused.
  const other = new Browser();
  expect((await deliverCallback(other, server.url, PUBLIC_URL, answer)).headers.get('location')).toBe('/console.html?signin=expired');

  // A forged state is refused (and the sign-in it belonged to is spent).
  const forged = new URL(answer);
  forged.searchParams.set('state', 'forged-state');
  expect((await deliverCallback(browser, server.url, PUBLIC_URL, forged.href)).headers.get('location')).toBe('/console.html?signin=failed');
  expect(browser.cookie(server.url, 'lurelens_session')).toBeUndefined();

  // Replaying the real answer with the old login cookie finds nothing: each sign-in is used once.
  browser.setCookie(server.url, 'lurelens_login', loginCookie);
  expect((await deliverCallback(browser, server.url, PUBLIC_URL, answer)).headers.get('location')).toBe('/console.html?signin=expired');
  expect(browser.cookie(server.url, 'lurelens_session')).toBeUndefined();
});

it("says so when the provider refuses (the person cancelled or lacks consent)", async () => {
  const browser = new Browser();
  await browser.request(`${server.url}/auth/login`);
  const landed = await browser.request(`${server.url}/auth/callback?error=access_denied&state=x`);
  expect(landed.headers.get('location')).toBe('/console.html?signin=denied');
});

it("needs the session's CSRF token and the console's origin for every change made with the cookie", async () => {
  const received = await report(server, fixture('unrelated.eml'));
  const { browser, csrf } = await signedIn('alice');
  const route = `/api/reports/${received.id}`;
  const missing = await fetchWith(browser, route, { disposition: 'malicious' }, {});
  expect(missing.status).toBe(403);
  expect((await missing.json()).error).toBe('csrf');
  expect((await fetchWith(browser, route, { disposition: 'malicious' }, { 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
  expect((await fetchWith(browser, route, { disposition: 'malicious' }, { 'x-csrf-token': csrf, origin: 'https://evil.example' })).status).toBe(403);
  expect((await fetchWith(browser, route, { disposition: 'malicious' }, { 'x-csrf-token': csrf, origin: PUBLIC_URL })).status).toBe(200);
  // Reading needs no CSRF token.
  expect((await browser.request(`${server.url}${route}`)).status).toBe(200);
});

it('records who triaged: "Last triaged by" names the person, and the audit log says who, when, what and from where', async () => {
  const received = await report(server, fixture('unrelated.eml'));
  const { browser, csrf } = await signedIn('alice');
  const triaged = await fetchWith(browser, `/api/reports/${received.id}`, { disposition: 'malicious', note: 'ministry lure' }, { 'x-csrf-token': csrf });
  expect((await triaged.json()).triagedBy).toBe('alice@example.test');

  const audit = (await (await call(server, `/api/audit?target=${received.id}`, { token: ADMIN })).json()) as { items: Record<string, unknown>[] };
  expect(audit.items[0]).toMatchObject({
    actor: 'alice@example.test',
    actorName: 'Alice Analyst',
    actorKind: 'session',
    role: 'analyst',
    action: 'report.triage',
    targetType: 'report',
    targetId: received.id,
    change: { disposition: 'malicious', note: 'ministry lure' },
    address: '127.0.0.1',
  });
  expect(Date.now() - Date.parse(String(audit.items[0].at))).toBeLessThan(60_000);
  // Static tokens for automation are named as such in the log.
  await call(server, `/api/reports/${received.id}`, { method: 'PATCH', json: { disposition: 'benign' } });
  const latest = (await (await call(server, `/api/audit?target=${received.id}`, { token: ADMIN })).json()) as { items: Record<string, unknown>[] };
  expect(latest.items[0]).toMatchObject({ actor: 'test analyst', actorKind: 'token', change: { disposition: 'benign' } });
});

it('signs out: the session ends at once and the provider is offered its own sign-out', async () => {
  const { browser, csrf } = await signedIn('alice');
  const out = await fetchWith(browser, '/auth/logout', {}, { 'x-csrf-token': csrf }, 'POST');
  expect(out.status).toBe(200);
  const { endSessionUrl } = (await out.json()) as { endSessionUrl?: string };
  expect(endSessionUrl?.startsWith(`${provider.issuer()}/session/end`)).toBe(true);
  expect(new URL(endSessionUrl!).searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/console.html`);
  // The old cookie no longer opens anything.
  expect((await browser.request(`${server.url}/api/reports`)).status).toBe(401);
});


// The signed-in reporter's token: asked of Outlook silently through nested app authentication (the same
// office-auth.ts wiring as Graph's tokens), for the scope the policy publishes; whenever it cannot be had,
// the answer is "none" (never an error, never a window), and a failure that would repeat is not asked again
// for a while, so reports do not each wait for it.
import { officeTokenProvider } from '../../src/report/office-auth';
import { SIGNED_IN_PAUSE_MS, signedInReporter, type SignedInFallback } from '../../src/report/reporter-token';
import { brokerErrors, fakeMsal, type Broker } from './fake-msal';

const CLIENT_ID = '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73';
const SCOPE = `api://lurelens.example.or.jp/${CLIENT_ID}/Reports.Submit`;
const REPORTING = { endpointScope: SCOPE, entraClientId: CLIENT_ID };
const NAA = { isSetSupported: (name: string, version?: string) => name === 'NestedAppAuth' && version === '1.1' };
const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJSZXBvcnRzLlN1Ym1pdCJ9.c2lnbmF0dXJl';

function setUp(broker: Broker, options: { interactive?: boolean; createFails?: Error; reporting?: object; requirements?: typeof NAA } = {}) {
  const msal = fakeMsal(broker, options);
  let now = 1_000_000;
  const fallbacks: SignedInFallback[] = [];
  const reporting = { ...REPORTING, ...options.reporting };
  const tokens = officeTokenProvider(reporting.entraClientId, { loadMsal: msal.load, interactive: options.interactive ?? true }, options.requirements ?? NAA);
  const signedIn = signedInReporter(reporting, tokens, { now: () => now, timeoutMs: 50, onFallback: (reason) => void fallbacks.push(reason) });
  return { msal, signedIn, fallbacks, advance: (ms: number) => void (now += ms) };
}

it("asks Outlook silently for the policy's scope with the policy's Entra app, and hands over the access token", async () => {
  const { msal, signedIn } = setUp(() => ({ accessToken: ACCESS_TOKEN }));
  expect(await signedIn!.token()).toBe(ACCESS_TOKEN);
  expect(msal.calls).toEqual([{ kind: 'silent', clientId: CLIENT_ID, scopes: [SCOPE] }]);
});

it('never opens a window for it, even in the task pane whose Graph provider may: interaction required means no token', async () => {
  const { msal, signedIn, fallbacks } = setUp((_, kind) => (kind === 'silent' ? brokerErrors.interactionRequired() : { accessToken: ACCESS_TOKEN }), { interactive: true });
  expect(await signedIn!.token()).toBeUndefined();
  expect(msal.calls.map((call) => call.kind)).toEqual(['silent']);
  expect(fallbacks).toEqual(['interaction-required']);
});

it.each<[string, () => Error, SignedInFallback]>([
  ['no account in Outlook', brokerErrors.noAccount, 'unavailable'],
  ['a server error', brokerErrors.server, 'unavailable'],
  ['an error MSAL does not classify', () => new TypeError('nestedAppAuthBridge is undefined'), 'unavailable'],
])('gives no token on %s, and does not ask again for ten minutes', async (_, error, reason) => {
  const { msal, signedIn, fallbacks, advance } = setUp(() => error());
  expect(await signedIn!.token()).toBeUndefined();
  expect(await signedIn!.token()).toBeUndefined();
  expect(msal.calls).toHaveLength(1);
  advance(SIGNED_IN_PAUSE_MS);
  expect(await signedIn!.token()).toBeUndefined();
  expect(msal.calls).toHaveLength(2);
  expect(fallbacks).toEqual([reason, reason]);
});

it('asks again at the next attempt after a network error (the service is likely unreachable too, and the report is retried)', async () => {
  let offline = true;
  const { msal, signedIn, fallbacks } = setUp(() => (offline ? brokerErrors.noNetwork() : { accessToken: ACCESS_TOKEN }));
  expect(await signedIn!.token()).toBeUndefined();
  offline = false;
  expect(await signedIn!.token()).toBe(ACCESS_TOKEN);
  expect(msal.calls).toHaveLength(2);
  expect(fallbacks).toEqual(['network']);
});

it('does not wait for a broker that never answers', async () => {
  const { signedIn, fallbacks } = setUp(() => 'never');
  expect(await signedIn!.token()).toBeUndefined();
  expect(fallbacks).toEqual(['timeout']);
});

it('gives no token when MSAL cannot start here (no bridge, as in a runtime without a window)', async () => {
  const { msal, signedIn, fallbacks } = setUp(() => ({ accessToken: ACCESS_TOKEN }), { createFails: new ReferenceError('window is not defined') });
  expect(await signedIn!.token()).toBeUndefined();
  expect(msal.created()).toBe(1);
  expect(fallbacks).toEqual(['unavailable']);
});

it('refuses to send something that is not a bearer token', async () => {
  const { signedIn, fallbacks } = setUp(() => ({ accessToken: 'two words' }));
  expect(await signedIn!.token()).toBeUndefined();
  expect(fallbacks).toEqual(['malformed']);
});

it('stops offering a token the service refused, for ten minutes', async () => {
  const { msal, signedIn, fallbacks, advance } = setUp(() => ({ accessToken: ACCESS_TOKEN }));
  expect(await signedIn!.token()).toBe(ACCESS_TOKEN);
  signedIn!.refused();
  expect(await signedIn!.token()).toBeUndefined();
  advance(SIGNED_IN_PAUSE_MS);
  expect(await signedIn!.token()).toBe(ACCESS_TOKEN);
  expect(msal.calls).toHaveLength(2);
  expect(fallbacks).toEqual(['refused']);
});

it.each([
  ['the policy publishes no scope', { reporting: { endpointScope: undefined } }],
  ['the policy names no Entra app', { reporting: { entraClientId: undefined } }],
  ['Outlook has no NestedAppAuth 1.1', { requirements: { isSetSupported: () => false } }],
])('there is nothing to ask when %s, and MSAL is never loaded', (_, options) => {
  const { msal, signedIn } = setUp(() => ({ accessToken: ACCESS_TOKEN }), options);
  expect(signedIn).toBeUndefined();
  expect(msal.created()).toBe(0);
});

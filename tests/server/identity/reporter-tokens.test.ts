// Reporters' access tokens against a real OpenID Connect provider (tests/support/oidc-provider.mjs):
// real RSA keys, real signatures, keys fetched from the provider's JWKS. Each refusal is asserted
// with the check that made it, so a token refused for the wrong reason fails the test.
import { createHmac } from 'node:crypto';
import { ReporterTokenVerifier, type ReporterVerifierOptions } from '../../../src/server/identity/reporter-tokens';
import type { ReporterTokensConfig } from '../../../src/server/identity/config';
import { API_AUDIENCE, API_SCOPE, IMPOSTOR_TENANT, OTHER_TENANT, startProvider, TENANT, type TestProvider } from '../../support/oidc';

jest.setTimeout(30_000);

let provider: TestProvider;
beforeAll(async () => {
  provider = await startProvider();
});
afterAll(() => provider.close());

function config(overrides: Partial<ReporterTokensConfig> = {}): ReporterTokensConfig {
  const base = `http://127.0.0.1:${provider.port}`;
  return {
    tenants: [TENANT],
    audiences: [API_AUDIENCE],
    scope: `${API_AUDIENCE}/${API_SCOPE}`,
    issuerTemplate: `${base}/{tenantid}/v2.0`,
    jwksUriTemplate: `${base}/{tenantid}/v2.0/jwks`,
    ...overrides,
  };
}

async function check(token: string, overrides: Partial<ReporterTokensConfig> = {}, options: ReporterVerifierOptions = {}) {
  const reasons: string[] = [];
  const identity = await new ReporterTokenVerifier(config(overrides), { jwksCooldownMs: 0, ...options }).verify(token, (reason) => reasons.push(reason));
  return { identity, reason: reasons[0] };
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString()) as Record<string, unknown>;

it('accepts a token from an allowed tenant and names the user it was issued to', async () => {
  const { identity, reason } = await check(await provider.accessToken('rita'));
  expect(reason).toBeUndefined();
  expect(identity).toEqual({ tenantId: TENANT, objectId: 'oid-rita', address: 'rita@example.test', name: 'Rita Reporter' });
});

it('refuses an expired token (beyond the allowed clock skew)', async () => {
  const token = await provider.accessToken('rita');
  const later = (Number(decode(token.split('.')[1]).exp) + 61) * 1000;
  expect(await check(token, {}, { now: () => later })).toEqual({ identity: undefined, reason: 'ERR_JWT_EXPIRED' });
  // Within the skew it still passes: clocks differ a little.
  expect((await check(token, {}, { now: () => later - 2000 })).identity).toBeDefined();
});

it('refuses a token for another API (wrong audience)', async () => {
  const token = await provider.accessToken('rita', { resource: 'api://another-app' });
  expect(await check(token)).toEqual({ identity: undefined, reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
});

it('refuses a token from a tenant that is not allowed', async () => {
  const token = await provider.accessToken('rita', { tenant: OTHER_TENANT });
  expect(await check(token)).toEqual({ identity: undefined, reason: 'tenant not allowed' });
  // The same token is fine once that tenant is allowed: it was refused for its tenant only.
  expect((await check(token, { tenants: [TENANT, OTHER_TENANT] })).identity?.tenantId).toBe(OTHER_TENANT);
});

it('refuses a token whose issuer is not the tenant it claims', async () => {
  // Another provider signing with its own keys, claiming the allowed tenant's id.
  const impostor = await provider.accessToken('rita', { tenant: IMPOSTOR_TENANT });
  expect(decode(impostor.split('.')[1]).tid).toBe(TENANT);
  expect((await check(impostor)).reason).toBe('ERR_JWKS_NO_MATCHING_KEY');
  // A correctly signed token checked against an issuer it does not carry.
  const genuine = await provider.accessToken('rita');
  expect(await check(genuine, { issuerTemplate: 'https://login.microsoftonline.com/{tenantid}/v2.0' })).toEqual({ identity: undefined, reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
});

it('refuses an unsigned token (alg: none)', async () => {
  const [, payload] = (await provider.accessToken('rita')).split('.');
  expect(await check(`${part({ alg: 'none', typ: 'JWT' })}.${payload}.`)).toEqual({ identity: undefined, reason: 'algorithm none not allowed' });
});

it('refuses a tampered token: another user written into a signed one', async () => {
  const [header, payload, signature] = (await provider.accessToken('rita')).split('.');
  const forged = { ...decode(payload), preferred_username: 'ceo@example.test', oid: 'oid-ceo' };
  expect(await check(`${header}.${part(forged)}.${signature}`)).toEqual({ identity: undefined, reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
});

it("refuses a token signed with HMAC using the provider's public key as the secret", async () => {
  const [header, payload] = (await provider.accessToken('rita')).split('.');
  const jwks = (await (await fetch(`${provider.issuer()}/jwks`)).json()) as { keys: { n: string; kid: string }[] };
  const forgedHeader = part({ ...decode(header), alg: 'HS256' });
  const signature = createHmac('sha256', jwks.keys[0].n).update(`${forgedHeader}.${payload}`).digest('base64url');
  expect(await check(`${forgedHeader}.${payload}.${signature}`)).toEqual({ identity: undefined, reason: 'algorithm HS256 not allowed' });
});

it('refuses a token without the API scope, and one from a client that is not allowed', async () => {
  const token = await provider.accessToken('rita');
  expect(await check(token, { scope: `${API_AUDIENCE}/Reports.Admin` })).toEqual({ identity: undefined, reason: 'scope missing' });
  expect(await check(token, { clientIds: ['the-real-addin'] })).toEqual({ identity: undefined, reason: 'client not allowed' });
});

it('refuses what is not a JWT at all', async () => {
  expect(await check('not-a-jwt')).toEqual({ identity: undefined, reason: 'not a JWT' });
  expect((await check('e30.e30.e30')).identity).toBeUndefined();
});

it('follows key rotation: tokens signed with the new key pass, and so do earlier ones while the old key is published', async () => {
  const verifier = new ReporterTokenVerifier(config(), { jwksCooldownMs: 0 });
  const before = await provider.accessToken('rita');
  expect(await verifier.verify(before)).toBeDefined();
  const kid = await provider.rotate();
  const after = await provider.accessToken('rita');
  expect(decode(after.split('.')[0]).kid).toBe(kid);
  expect(await verifier.verify(after)).toMatchObject({ objectId: 'oid-rita' });
  expect(await verifier.verify(before)).toMatchObject({ objectId: 'oid-rita' });
});

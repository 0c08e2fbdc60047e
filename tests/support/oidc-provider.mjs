/* global process, console */
// A real OpenID Connect provider (the `oidc-provider` package) for identity tests, run as its own
// process on a loopback port: one provider per "tenant", each mounted under /<tenant>/v2.0 like
// Entra ID's issuers, with its own RSA signing keys. Tokens are real: signed by the provider, read
// by the service over HTTP (discovery, JWKS), never mocked.
//
// Input (argv[2], JSON): { tenants: [{ id, tidClaim? }], users: { login: { name, email, roles[] } },
//   consoleRedirectUri, postLogoutRedirectUri, resource, scope }
// Output: one line "ready <port>" on stdout.
// Control (loopback HTTP, for the test only): POST /__rotate/<tenant> replaces that tenant's
// provider with one signing with a new key first (the old key still published), as Entra rotates.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2]);
const accessTokenTtl = options.accessTokenTtl ?? 3600;

function rsaJwk() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
}

const clients = [
  {
    client_id: 'lurelens-console',
    client_secret: 'console-secret-for-tests-0123456789abcdef',
    redirect_uris: [options.consoleRedirectUri],
    post_logout_redirect_uris: [options.postLogoutRedirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  },
  // Stand-ins for the add-in's nested app authentication: each asks for a token for the service's
  // API on behalf of one user (the user rides in the client's name; the token is what matters).
  ...Object.keys(options.users).map((login) => ({
    client_id: `addin-${login}`,
    client_secret: `addin-secret-${login}-0123456789abcdef0123`,
    redirect_uris: [],
    response_types: [],
    grant_types: ['client_credentials'],
    token_endpoint_auth_method: 'client_secret_post',
  })),
];

function providerFor(tenant, port, keys) {
  const issuer = `http://127.0.0.1:${port}/${tenant.id}/v2.0`;
  const tid = tenant.tidClaim ?? tenant.id;
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys },
    cookies: { keys: ['cookie-key-for-tests-0123456789'] },
    pkce: { required: () => true, methods: ['S256'] },
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'tid', 'oid'], profile: ['name', 'preferred_username'], email: ['email'], roles: ['roles'] },
    scopes: ['openid', 'profile', 'email', 'roles', 'offline_access'],
    // The provider's own login and consent pages, at paths under this tenant's mount point.
    interactions: { url: (_ctx, interaction) => `/${tenant.id}/v2.0/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          // Any resource gets a token (a "wrong audience" test asks for another API).
          return { scope: options.scope, audience: resource, accessTokenTTL: accessTokenTtl, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    async findAccount(_ctx, id) {
      const user = options.users[id];
      return {
        accountId: id,
        async claims() {
          return { sub: id, tid, oid: `oid-${id}`, name: user?.name ?? id, preferred_username: user?.email ?? `${id}@example.test`, email: user?.email, roles: user?.roles ?? [] };
        },
      };
    },
    async extraTokenClaims(_ctx, token) {
      // Entra's access token claims: tenant, user object id, sign-in name, scopes as `scp`.
      const login = token.clientId?.startsWith('addin-') ? token.clientId.slice('addin-'.length) : token.accountId;
      const user = options.users[login];
      if (!user) return { tid };
      return { tid, oid: `oid-${login}`, preferred_username: user.email, name: user.name, scp: token.scope, azp: token.clientId };
    },
    ttl: { AccessToken: accessTokenTtl, ClientCredentials: accessTokenTtl, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.proxy = false;
  return provider;
}

const tenants = new Map();
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const rotate = /^\/__rotate\/([^/]+)$/.exec(url);
  if (rotate && req.method === 'POST') {
    const tenant = tenants.get(rotate[1]);
    if (!tenant) return void res.writeHead(404).end();
    tenant.keys = [rsaJwk(), ...tenant.keys];
    tenant.provider = providerFor(tenant.config, port, tenant.keys);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kid: tenant.keys[0].kid }));
    return;
  }
  const match = /^\/([^/]+)\/v2\.0(\/.*)?$/.exec(url.split('?')[0]);
  const tenant = match && tenants.get(match[1]);
  if (!tenant) return void res.writeHead(404).end();
  req.originalUrl = url;
  req.url = url.slice(`/${match[1]}/v2.0`.length) || '/';
  tenant.provider.callback()(req, res);
});

let port = 0;
server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  for (const config of options.tenants) {
    const keys = [rsaJwk()];
    tenants.set(config.id, { config, keys, provider: providerFor(config, port, keys) });
  }
  console.log(`ready ${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

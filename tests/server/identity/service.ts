// A real service configured for sign-in and verified reporters against the test provider.
import type { IdentityConfig } from '../../../src/server/identity/config';
import type { ServerConfig } from '../../../src/server/config';
import { API_AUDIENCE, API_SCOPE, CONSOLE_CLIENT, TENANT, type TestProvider } from '../../support/oidc';
import { PUBLIC_URL, startTestServer, type TestServer } from '../helpers';

export function identityConfig(provider: TestProvider): IdentityConfig {
  const base = `http://127.0.0.1:${provider.port}`;
  return {
    oidc: {
      issuer: provider.issuer(TENANT),
      clientId: CONSOLE_CLIENT.id,
      clientSecret: CONSOLE_CLIENT.secret,
      // Entra puts app roles into the ID token unasked; the test provider releases them with this scope.
      scopes: ['roles'],
      roles: { admin: ['LureLens.Admin'], analyst: ['LureLens.Analyst'], viewer: ['LureLens.Viewer'] },
      displayName: 'Test Entra ID',
    },
    reporters: {
      tenants: [TENANT],
      audiences: [API_AUDIENCE],
      scope: `${API_AUDIENCE}/${API_SCOPE}`,
      issuerTemplate: `${base}/{tenantid}/v2.0`,
      jwksUriTemplate: `${base}/{tenantid}/v2.0/jwks`,
    },
  };
}

export function startIdentityServer(provider: TestProvider, overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  return startTestServer({ publicUrl: PUBLIC_URL, identity: identityConfig(provider), ...overrides }, { reporterTokens: { jwksCooldownMs: 0 } });
}

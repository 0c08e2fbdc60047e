// The policy the service hands the add-in carries the scope the service checks reporters' tokens for,
// as it carries the endpoint and the shared token; at start, the operator is told what would still make
// every report arrive unverified.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultServerConfig } from '../../../src/server/config';
import type { ReporterTokensConfig } from '../../../src/server/identity/config';
import { loadServicePolicy } from '../../../src/server/policy';
import { tempDir } from '../helpers';

const CLIENT_ID = '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73';
const API_CLIENT_ID = '9d2e4c6a-1b3f-4a5d-8e7c-0f1a2b3c4d5e';
const SCOPE = `api://lurelens.example.org/${API_CLIENT_ID}/Reports.Submit`;
const REPORTERS: ReporterTokensConfig = { tenants: ['contoso-tenant'], audiences: [API_CLIENT_ID], scope: SCOPE };

async function published(policy: object | undefined, reporters: ReporterTokensConfig | null = REPORTERS) {
  let policyFile: string | undefined;
  if (policy) {
    policyFile = path.join(tempDir('lurelens-scope-'), 'policy.json');
    writeFileSync(policyFile, JSON.stringify(policy));
  }
  const config = defaultServerConfig({
    publicUrl: 'https://lurelens.example.org',
    policyFile,
    tokens: [{ token: 'reporter-token-for-tests-0001', role: 'reporter', name: 'add-in' }],
    ...(reporters ? { identity: { reporters } } : {}),
  });
  const result = await loadServicePolicy(config);
  return { reporting: result.published.reporting, warnings: result.warnings };
}

it('publishes identity.reporters.scope as reporting.endpointScope beside the endpoint and the shared token, and says nothing more', async () => {
  const { reporting, warnings } = await published({ reporting: { entraClientId: CLIENT_ID } });
  expect(reporting).toEqual({
    entraClientId: CLIENT_ID,
    endpointUrl: 'https://lurelens.example.org/api/reports',
    endpointToken: 'reporter-token-for-tests-0001',
    endpointScope: SCOPE,
  });
  expect(warnings).toEqual([]);
});

it('publishes no scope when reporters are not verified', async () => {
  const { reporting } = await published({ reporting: { entraClientId: CLIENT_ID } }, null);
  expect(reporting).not.toHaveProperty('endpointScope');
});

it('keeps the scope the policy file names, and warns when it is not the one the service checks', async () => {
  const other = `api://elsewhere.example.org/${API_CLIENT_ID}/Reports.Submit`;
  const { reporting, warnings } = await published({ reporting: { entraClientId: CLIENT_ID, endpointScope: other } });
  expect(reporting?.endpointScope).toBe(other);
  expect(warnings).toEqual([expect.stringMatching(/endpointScope is not identity\.reporters\.scope.*unverified/)]);
});

it.each<[string, object | undefined, Partial<ReporterTokensConfig>, RegExp]>([
  ['no Entra app in the policy', { reporting: {} }, {}, /no reporting\.entraClientId/],
  ['no policy file at all', undefined, {}, /no reporting\.entraClientId/],
  ['an Entra app the service does not accept', { reporting: { entraClientId: CLIENT_ID } }, { clientIds: ['0c4f2a1e-5b6d-4e7f-8a9b-1c2d3e4f5a6b'] }, /entraClientId is not in identity\.reporters\.clientIds/],
  ['audiences that no Entra token for the scope carries', { reporting: { entraClientId: CLIENT_ID } }, { audiences: ['api://another-api'] }, /audiences lists neither the scope's resource \(api:\/\/lurelens\.example\.org\//],
  ['a scope the add-in could not ask for', { reporting: { entraClientId: CLIENT_ID } }, { scope: 'Reports.Submit' }, /is not a full API scope/],
])('warns at start about %s', async (_, policy, reporters, warning) => {
  const { warnings } = await published(policy, { ...REPORTERS, ...reporters });
  expect(warnings).toContainEqual(expect.stringMatching(warning));
});

it('accepts the audience as the scope\'s resource (v1 tokens) without a client id', async () => {
  const { warnings } = await published({ reporting: { entraClientId: CLIENT_ID } }, { ...REPORTERS, audiences: [`api://lurelens.example.org/${API_CLIENT_ID}`] });
  expect(warnings).toEqual([]);
});

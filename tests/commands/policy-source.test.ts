import { loadReporting, POLICY_CACHE_KEY, policyUrlFor } from '../../src/commands/policy-source';
import { memoryStore } from '../../src/report/stores';
import { empty, recordingFetch } from '../report/support';

const policyText = JSON.stringify({
  reporting: {
    endpointUrl: 'https://lurelens.example.or.jp/api/reports',
    endpointToken: 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f',
    securityMailbox: 'Security@Example.or.jp',
  },
});

describe('policy.json for the Report button', () => {
  it('lives next to the running script or page', () => {
    expect(policyUrlFor('https://addin.example.or.jp/commands.js')).toBe('https://addin.example.or.jp/policy.json');
    expect(policyUrlFor('https://addin.example.or.jp/app/commands.html?_host_Info=Outlook#x')).toBe('https://addin.example.or.jp/app/policy.json');
    expect(policyUrlFor(undefined)).toBeUndefined();
    expect(policyUrlFor('file:///c:/commands.js')).toBeUndefined();
  });

  it('validates and resolves it (defaults merged, compose last) and caches the reporting settings', async () => {
    const store = memoryStore();
    const fetch = recordingFetch(() => new Response(policyText, { status: 200 }));
    const source = await loadReporting({ url: 'https://addin.example.or.jp/policy.json', fetch, store });
    expect(source).toEqual({
      from: 'policy',
      reporting: expect.objectContaining({
        endpointUrl: 'https://lurelens.example.or.jp/api/reports',
        securityMailbox: 'security@example.or.jp',
        channels: ['endpoint', 'compose'],
        afterReport: 'junk',
      }),
    });
    expect(JSON.parse((await store.get(POLICY_CACHE_KEY)) as string).endpointUrl).toBe('https://lurelens.example.or.jp/api/reports');
  });

  it('falls back to the last good settings when policy.json is unreachable or broken, and says so when there are none', async () => {
    const store = memoryStore();
    const url = 'https://addin.example.or.jp/policy.json';
    expect(await loadReporting({ url, fetch: recordingFetch(() => new TypeError('offline')), store })).toEqual({
      problem: 'policy.json unreachable',
    });
    await loadReporting({ url, fetch: recordingFetch(() => new Response(policyText, { status: 200 })), store });
    const broken = await loadReporting({ url, fetch: recordingFetch(() => new Response('{ "reporting": ', { status: 200 })), store });
    expect(broken).toMatchObject({ from: 'cache', reporting: { endpointUrl: 'https://lurelens.example.or.jp/api/reports' } });
  });

  it('uses the built-in defaults when the organisation has no policy.json', async () => {
    const source = await loadReporting({ url: 'https://addin.example.or.jp/policy.json', fetch: recordingFetch(() => empty(404)), store: memoryStore() });
    expect(source).toEqual({ from: 'policy', reporting: expect.objectContaining({ channels: ['compose'] }) });
  });
});

// The function file as Outlook loads it: no DOM, no localStorage (this test runs in Node, where neither
// exists), Office.js and OfficeRuntime.storage present, fetch present.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { installFakeOffice } from '../report/fake-office';

const ENDPOINT = 'https://lurelens.example.or.jp/api/reports';
const POLICY = {
  reporting: {
    endpointUrl: ENDPOINT,
    endpointToken: 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f',
    securityMailbox: 'security@example.or.jp',
    afterReport: 'deletedItems',
  },
};

describe('commands.ts in the Report button’s runtime', () => {
  const saved = { fetch: globalThis.fetch };
  let info: jest.SpyInstance;
  beforeEach(() => {
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    globalThis.fetch = saved.fetch;
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).OfficeRuntime;
    jest.resetModules();
  });

  it('loads without a DOM, registers onSpamReport, reads policy.json next to the script, reports, and completes once', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { localStorage?: unknown }).localStorage).toBe('undefined');
    const storage = new Map<string, string>();
    const { associated, onReadyCalls } = installFakeOffice(storage);
    const requests: { url: string; init: RequestInit }[] = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      if (url === 'https://addin.example.or.jp/policy.json') return new Response(JSON.stringify(POLICY), { status: 200 });
      if (url === ENDPOINT) return new Response(JSON.stringify({ id: 'rep_1', duplicate: false, statusToken: 'st_1' }), { status: 201 });
      return new Response(null, { status: 404 });
    }) as typeof fetch;

    jest.isolateModules(() => {
      require('../../src/commands/commands');
    });
    expect(Object.keys(associated)).toEqual(['onSpamReport']);
    // Office.onReady is called at load, as Microsoft's function-file rules and its sample ask (web, new
    // Outlook, Mac); nothing waits for it, since classic Outlook's JavaScript-only runtime never runs it.
    expect(onReadyCalls).toHaveLength(1);

    const completions: unknown[] = [];
    await new Promise<void>((done) => {
      associated.onSpamReport({
        type: 'SpamReporting',
        options: [true],
        freeText: '',
        completed: (options: unknown) => {
          completions.push(options);
          done();
        },
      });
    });
    expect(completions).toEqual([
      expect.objectContaining({ moveItemTo: 'deletedItemsFolder', onErrorDeleteItem: false }),
    ]);
    // Version 2404+ reads moveItemTo; the obsolete postProcessingAction is not sent.
    expect(completions[0]).not.toHaveProperty('postProcessingAction');
    expect(requests.map((request) => `${request.init.method} ${request.url}`)).toEqual([
      'GET https://addin.example.or.jp/policy.json',
      `POST ${ENDPOINT}`,
    ]);
    const body = JSON.parse(requests[1].init.body as string);
    expect(body).toMatchObject({ emlSource: 'original', reasons: ['impersonation'], reporter: { address: 'k.watanabe@example.or.jp', name: 'Kenji Watanabe' } });
    expect(body.client.requirementSets).toContain('Mailbox 1.14');
    // Receipt kept in OfficeRuntime.storage (shared with the pane); outbox empty again.
    expect([...storage.keys()].filter((key) => key.startsWith('lurelens.outbox.'))).toEqual([]);
    expect([...storage.keys()]).toContain('lurelens.receipt.v1.rep_1');
    const logged = info.mock.calls.flat().join(' ');
    expect(logged).toContain('report.delivered');
    for (const secret of [POLICY.reporting.endpointToken, 'st_1', 'k.watanabe', '研究会']) expect(logged).not.toContain(secret);
  });

  it('pulls in no dynamic import anywhere in its module graph (one bundle, no code splitting)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      expect({ file, dynamicImport: /\bimport\s*\(/.test(source.replace(/\/\/.*$/gm, '')) }).toEqual({ file, dynamicImport: false });
      for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*from\s+'(\.[^']+)'/gm)) {
        const target = resolve(dirname(file), match[1]);
        const candidates = [`${target}.ts`, join(target, 'index.ts'), target];
        const found = candidates.find((candidate) => existsSync(candidate) && /\.ts$/.test(candidate));
        if (found) visit(found);
      }
    };
    visit(join(__dirname, '..', '..', 'src', 'commands', 'commands.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });
});

// The function file as Outlook loads it: no DOM, no localStorage (this test runs in Node, where neither
// exists), Office.js and OfficeRuntime.storage present, fetch present.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fixture } from '../report/support';

const ENDPOINT = 'https://lurelens.example.or.jp/api/reports';
const POLICY = {
  reporting: {
    endpointUrl: ENDPOINT,
    endpointToken: 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f',
    securityMailbox: 'security@example.or.jp',
    afterReport: 'deletedItems',
  },
};

function callback<T>(value: T) {
  return (...args: unknown[]) => {
    const cb = args[args.length - 1] as (result: unknown) => void;
    cb({ status: 'succeeded', value });
  };
}

function installOffice(storage: Map<string, string>) {
  const associated: Record<string, (event: unknown) => void> = {};
  const item = {
    itemType: 'message',
    itemId: 'AAMkAGI2TG93AAA=',
    subject: '【要確認】日中関係に関する研究会のご案内',
    internetMessageId: '<20250602091355.4f1c@mofa-go.jp>',
    from: { displayName: '外務省 総合外交政策局', emailAddress: 'info@mofa-go.jp' },
    to: [{ displayName: 'Kenji Watanabe', emailAddress: 'k.watanabe@example.or.jp' }],
    cc: [],
    attachments: [],
    dateTimeCreated: new Date('2025-06-02T00:13:55Z'),
    getAsFileAsync: callback(fixture('original.eml').toString('base64')),
    getAllInternetHeadersAsync: callback(''),
    body: { getAsync: callback('') },
    getAttachmentContentAsync: callback({ format: 'base64', content: '' }),
  };
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    MailboxEnums: { ItemType: { Message: 'message' }, RestVersion: { v2_0: 'v2.0' } },
    actions: { associate: (name: string, handler: (event: unknown) => void) => void (associated[name] = handler) },
    context: {
      displayLanguage: 'en-US',
      diagnostics: { host: 'Outlook', platform: 'PC', version: '16.0.18025.20000' },
      requirements: { isSetSupported: (_: string, version: string) => Number(version.split('.')[1]) <= 14 },
      urls: { javascriptRuntimeUrl: 'https://addin.example.or.jp/commands.js' },
      mailbox: {
        item,
        userProfile: { emailAddress: 'k.watanabe@example.or.jp', displayName: 'Kenji Watanabe' },
        convertToRestId: (id: string) => id.replace(/=/g, '-'),
      },
    },
  };
  (globalThis as Record<string, unknown>).OfficeRuntime = {
    storage: {
      getItem: async (key: string) => storage.get(key) ?? null,
      setItem: async (key: string, value: string) => void storage.set(key, value),
      removeItem: async (key: string) => void storage.delete(key),
      getKeys: async () => [...storage.keys()],
    },
  };
  return associated;
}

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
    const associated = installOffice(storage);
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
      expect.objectContaining({ moveItemTo: 'deletedItemsFolder', postProcessingAction: 'delete', onErrorDeleteItem: false }),
    ]);
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

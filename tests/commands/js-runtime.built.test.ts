// The built Report button, dist/web/commands.js, run the way classic Outlook on Windows runs it (the
// manifest's Runtime Override type="javascript"). Microsoft describes that JavaScript-only runtime as a
// JavaScript engine with WebSockets, full CORS and OfficeRuntime.storage added; it has no rendering engine
// (no window, no document), no cookies and no localStorage, imports are not supported, and the code in
// Office.onReady never runs there. So the script runs here in a bare vm context holding only the ECMAScript
// built-ins plus what that runtime adds: console, timers, fetch, Office and OfficeRuntime. Anything else
// the bundle touched (window, self, document, location, localStorage, URL, TextDecoder, crypto...) would be
// a ReferenceError, and a dynamic import() is refused, as the runtime would refuse it.
//
// Office is the preview's fake mailbox (which the preview proves faithful to Outlook's item calls) inside
// the globals Outlook's JS runtime offers: actions.associate, an onReady that never fires, urls.javascriptRuntimeUrl,
// diagnostics of classic Outlook 2404+, and requirement sets up to Mailbox 1.14 without NestedAppAuth.
// Runs after `npm run build` (jest.e2e.config.js), against the file Outlook downloads.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createPreviewItem, PreviewMailbox } from '../../src/preview/fake-mailbox';

const BUNDLE = path.join(__dirname, '..', '..', 'dist', 'web', 'commands.js');
const SCRIPT_URL = 'https://intranet.example.co.jp/security/lurelens/commands.js';
const POLICY_URL = 'https://intranet.example.co.jp/security/lurelens/policy.json';
const ENDPOINT = 'https://intranet.example.co.jp/security/lurelens/api/reports';
const POLICY = { reporting: { endpointUrl: ENDPOINT, endpointToken: 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f', afterReport: 'junk' } };

/** Globals a browser has and the JavaScript-only runtime does not; none may be present in the context. */
const ABSENT = ['window', 'self', 'document', 'location', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'URL', 'URLSearchParams',
  'TextEncoder', 'TextDecoder', 'AbortController', 'crypto', 'atob', 'btoa', 'Blob', 'importScripts', 'require', 'module', 'process', 'Buffer'];

interface Request {
  url: string;
  method: string;
  body?: string;
  authorization?: string | null;
}

async function outlookRuntime(options: { policy: 'ok' | 'down'; nestedAppAuth?: boolean; served?: object }) {
  const bytes = readFileSync(path.join(__dirname, '..', '..', 'src', 'samples', 'mirrorface-lure.eml'));
  const mailbox = new PreviewMailbox({ userAddress: 'k.watanabe@example.co.jp', userName: '渡辺 健二' });
  mailbox.select(await createPreviewItem(new Uint8Array(bytes), 'mirrorface-lure.eml'));
  const associated: Record<string, (event: unknown) => void> = {};
  let onReadyCallbacks = 0;
  const storage = new Map<string, string>();
  const requests: Request[] = [];
  const logs: string[] = [];
  const Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' } },
    actions: { associate: (name: string, handler: (event: unknown) => void) => void (associated[name] = handler) },
    // The JavaScript-only runtime never runs onReady's callbacks, and its promise never settles.
    onReady: (callback?: unknown) => {
      if (callback) onReadyCallbacks++;
      return new Promise(() => undefined);
    },
    context: {
      mailbox,
      displayLanguage: 'ja-JP',
      diagnostics: { host: 'Outlook', platform: 'PC', version: '16.0.17928.20114' },
      requirements: {
        isSetSupported: (name: string, version = '1.1') =>
          (name === 'Mailbox' && Number(version.split('.')[1]) <= 14) || (name === 'NestedAppAuth' && version === '1.1' && !!options.nestedAppAuth),
      },
      urls: { javascriptRuntimeUrl: SCRIPT_URL },
    },
  };
  const OfficeRuntime = {
    storage: {
      getItem: async (key: string) => storage.get(key) ?? null,
      setItem: async (key: string, value: string) => void storage.set(key, value),
      removeItem: async (key: string) => void storage.delete(key),
      getKeys: async () => [...storage.keys()],
    },
  };
  const fetch = async (url: string, init: { method?: string; body?: string; headers?: HeadersInit } = {}) => {
    requests.push({ url, method: init.method ?? 'GET', body: init.body, authorization: new Headers(init.headers).get('authorization') });
    if (url === POLICY_URL) return options.policy === 'ok' ? new Response(JSON.stringify(options.served ?? POLICY), { status: 200 }) : Promise.reject(new TypeError('Network request failed'));
    if (url === ENDPOINT) return new Response(JSON.stringify({ id: 'rep_1', duplicate: false, statusToken: 'st_1' }), { status: 201 });
    return new Response(null, { status: 404 });
  };
  const console = { log: (...args: unknown[]) => void logs.push(args.join(' ')), info: (...args: unknown[]) => void logs.push(args.join(' ')), warn: () => undefined, error: () => undefined };
  const context = vm.createContext({ console, setTimeout, clearTimeout, setInterval, clearInterval, fetch, Headers, Request, Response, Office, OfficeRuntime });
  return { context, associated, storage, requests, logs, onReadyCallbacks: () => onReadyCallbacks };
}

function report(associated: Record<string, (event: unknown) => void>, options: boolean[] = [true, false, false, false, false]) {
  return new Promise<unknown[]>((resolve) => {
    const completions: unknown[] = [];
    associated.onSpamReport({
      type: 'SpamReporting',
      options,
      freeText: '講演依頼を装っていました',
      completed: (value: unknown) => {
        completions.push(value);
        // Anything called after completed would show up as a second entry.
        setTimeout(() => resolve(completions), 50);
      },
    });
  });
}

describe('dist/web/commands.js in classic Outlook\'s JavaScript-only runtime', () => {
  let source: string;
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error('dist/web/commands.js is not built: run "npm run build" (npm run test:e2e does)');
    source = readFileSync(BUNDLE, 'utf8');
  });

  it('runs in a context without any browser global, and registers the handler without waiting for onReady', async () => {
    const runtime = await outlookRuntime({ policy: 'ok' });
    for (const name of ABSENT) expect({ name, present: vm.runInContext(`typeof ${name} !== 'undefined'`, runtime.context) }).toEqual({ name, present: false });
    new vm.Script(source, { filename: 'commands.js' }).runInContext(runtime.context);
    expect(Object.keys(runtime.associated)).toEqual(['onSpamReport']);
    expect(runtime.onReadyCallbacks()).toBe(0);
  });

  it('is one script: no import statement, no dynamic import(), no chunk loading', () => {
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\.e\s*=\s*function|__webpack_require__\.e\b|importScripts/);
  });

  it('reports the open message: policy.json beside the script, the exact .eml to the service, one completion in Japanese', async () => {
    const runtime = await outlookRuntime({ policy: 'ok' });
    new vm.Script(source, { filename: 'commands.js' }).runInContext(runtime.context);
    const completions = await report(runtime.associated);
    expect(completions).toEqual([
      {
        onErrorDeleteItem: false,
        moveItemTo: 'junkFolder',
        showPostProcessingDialog: { title: 'Lure Lens 報告', description: expect.stringContaining('報告しました') },
      },
    ]);
    expect(runtime.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${POLICY_URL}`, `POST ${ENDPOINT}`]);
    const sent = JSON.parse(runtime.requests[1].body as string);
    expect(sent).toMatchObject({ emlSource: 'original', reasons: ['impersonation'], comment: '講演依頼を装っていました', reporter: { address: 'k.watanabe@example.co.jp' } });
    expect(Buffer.from(sent.eml, 'base64').equals(readFileSync(path.join(__dirname, '..', '..', 'src', 'samples', 'mirrorface-lure.eml')))).toBe(true);
    expect(sent.client).toMatchObject({ platform: 'PC', version: '16.0.17928.20114' });
    expect(sent.client.requirementSets).toContain('Mailbox 1.14');
    // The receipt is kept in OfficeRuntime.storage for the pane's "My reports"; nothing is left queued.
    expect([...runtime.storage.keys()].sort()).toEqual(['lurelens.policy.v1.reporting', 'lurelens.receipt.v1.rep_1']);
  });

  it("reports with the shared token when the policy asks for the reporter's sign-in and MSAL cannot get it in this runtime", async () => {
    // NestedAppAuth 1.1 reported, the policy publishing the API scope: the bundled MSAL is started without a
    // window (no broker to reach), fails, and the report goes out as before, unverified, the message moved.
    const served = { reporting: { ...POLICY.reporting, entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73', endpointScope: 'api://intranet.example.co.jp/4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73/Reports.Submit' } };
    const runtime = await outlookRuntime({ policy: 'ok', nestedAppAuth: true, served });
    new vm.Script(source, { filename: 'commands.js' }).runInContext(runtime.context);
    const completions = await report(runtime.associated);
    expect(completions).toEqual([expect.objectContaining({ onErrorDeleteItem: false, moveItemTo: 'junkFolder' })]);
    expect(runtime.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${POLICY_URL}`, `POST ${ENDPOINT}`]);
    expect(runtime.requests[1].authorization).toBe(`Bearer ${POLICY.reporting.endpointToken}`);
    expect(runtime.logs.join('\n')).toContain('report.signed-in.fallback');
  });

  it('leaves the message where it is, and says why, when policy.json cannot be reached and nothing is cached', async () => {
    const runtime = await outlookRuntime({ policy: 'down' });
    new vm.Script(source, { filename: 'commands.js' }).runInContext(runtime.context);
    const completions = await report(runtime.associated);
    expect(completions).toEqual([expect.objectContaining({ onErrorDeleteItem: false, moveItemTo: 'noMove' })]);
    expect(runtime.requests.map((request) => request.method)).toEqual(['GET']);
  });
});

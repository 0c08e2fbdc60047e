// Every Office.js call beyond the manifest's minimum sits behind Office.context.requirements
// .isSetSupported, not behind a probe for the method; and Graph is used only where Outlook brokers tokens
// for nested apps (NestedAppAuth 1.1). Without it the Entra app cannot help, so reporting plans without
// the mailbox channel and the pane does not try a sign-in that cannot work.
import { nestedAppAuthSupported, officeTokenProvider } from '../../src/report/office-auth';
import { officeComposeForm, officeReportItem } from '../../src/report/office-item';
import { createOfficeReporter } from '../../src/report/office-reporter';
import { installFakeOffice, removeFakeOffice } from './fake-office';
import { recordingFetch } from './support';

const CLIENT_ID = '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73';
const neverLoaded = () => Promise.reject(new Error('MSAL must not be loaded here'));

describe('requirement checks', () => {
  afterEach(removeFakeOffice);

  it('knows NestedAppAuth 1.1 only from isSetSupported, and treats a throwing or missing checker as "no"', () => {
    expect(nestedAppAuthSupported({ isSetSupported: (name, version) => name === 'NestedAppAuth' && version === '1.1' })).toBe(true);
    expect(nestedAppAuthSupported({ isSetSupported: (name) => name === 'Mailbox' })).toBe(false);
    expect(nestedAppAuthSupported({ isSetSupported: () => { throw new Error('old office.js'); } })).toBe(false);
    expect(nestedAppAuthSupported(undefined)).toBe(false);
  });

  it('makes a Graph token provider only with an Entra app and NestedAppAuth 1.1', () => {
    const naa = { isSetSupported: (name: string) => name === 'NestedAppAuth' };
    expect(officeTokenProvider(CLIENT_ID, { loadMsal: neverLoaded, interactive: true }, naa)).toBeDefined();
    expect(officeTokenProvider(undefined, { loadMsal: neverLoaded, interactive: true }, naa)).toBeUndefined();
    expect(officeTokenProvider(CLIENT_ID, { loadMsal: neverLoaded, interactive: true }, { isSetSupported: () => false })).toBeUndefined();
  });

  it('without NestedAppAuth 1.1, the pane falls back to the compose form instead of a Graph send that cannot work', async () => {
    const forms: unknown[] = [];
    installFakeOffice(new Map(), { nestedAppAuth: false, displayNewMessageForm: (form) => void forms.push(form) });
    const fetch = recordingFetch(() => new Error('no network call is expected'));
    const reporter = createOfficeReporter({
      policy: { reporting: { securityMailbox: 'security@example.or.jp', entraClientId: CLIENT_ID, channels: ['mailbox', 'compose'], afterReport: 'junk' } },
      fetch,
      log: () => undefined,
    });
    const outcome = await reporter.report({ reasons: [] });
    expect(outcome).toMatchObject({ status: 'compose-opened', channel: 'compose' });
    expect(forms).toHaveLength(1);
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([
    ['headers (Mailbox 1.8)', 7, async () => (await officeReportItem()!.getAllHeaders()) !== undefined],
    ['the exact message (Mailbox 1.14)', 13, async () => (await officeReportItem()!.getAsFile()) !== undefined],
    ['the new-message form (Mailbox 1.6)', 5, async () => officeComposeForm() !== undefined],
  ])('does not call for %s on a client below its requirement set, even though the method is there', async (_, below, available) => {
    installFakeOffice(new Map(), { mailboxMinor: below, displayNewMessageForm: () => undefined });
    expect(await available()).toBe(false);
    removeFakeOffice();
    installFakeOffice(new Map(), { mailboxMinor: 14, displayNewMessageForm: () => undefined });
    expect(await available()).toBe(true);
  });
});

import { officeHistoryAccess } from '../../src/graph/office-access';
import { resolvePolicy } from '../../src/policy';
import { createFakeGraph } from '../../src/preview/fake-graph';
import type { MsalModule } from '../../src/report/office-auth';
import { mail } from '../engine/sender/message';

const CLIENT_ID = '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73';
const naa = (supported: boolean) => ({ isSetSupported: (name: string, version?: string) => supported && name === 'NestedAppAuth' && version === '1.1' });
const fetchNever = async () => Promise.reject(new Error('no request expected'));

describe('the sender-history check in Outlook', () => {
  it('is off unless the policy turns it on', () => {
    expect(officeHistoryAccess(resolvePolicy({ reporting: { entraClientId: CLIENT_ID } }), fetchNever, naa(true))).toBe('off');
  });

  it('cannot run where Outlook brokers no tokens (no NestedAppAuth 1.1) or no Entra app is named', () => {
    expect(officeHistoryAccess(resolvePolicy({ senderHistory: true, reporting: { entraClientId: CLIENT_ID } }), fetchNever, naa(false))).toBe('unsupported');
    expect(officeHistoryAccess(resolvePolicy({ senderHistory: true }), fetchNever, naa(true))).toBe('unsupported');
  });

  it('offers a lookup and a way to ask for consent where it can run', () => {
    const access = officeHistoryAccess(resolvePolicy({ senderHistory: true, reporting: { entraClientId: CLIENT_ID } }), fetchNever, naa(true));
    expect(typeof access === 'object' && typeof access.lookup.lookUp === 'function' && typeof access.consent === 'function').toBe(true);
  });

  it('asks Outlook silently on every message, shows a window only when the user chooses consent, and starts MSAL once', async () => {
    // MSAL's nested-app client as Outlook's broker answers it: silent fails until the user has consented.
    class InteractionRequiredAuthError extends Error {}
    const calls = { clients: 0, silent: 0, popup: 0 };
    let consented = false;
    const msal: MsalModule = {
      InteractionRequiredAuthError,
      async createNestablePublicClientApplication() {
        calls.clients++;
        return {
          async acquireTokenSilent() {
            calls.silent++;
            if (!consented) throw new InteractionRequiredAuthError('consent_required');
            return { accessToken: 'token-readbasic' };
          },
          async acquireTokenPopup() {
            calls.popup++;
            consented = true;
            return { accessToken: 'token-readbasic' };
          },
        };
      },
    };
    const graph = createFakeGraph({ messages: [], token: 'token-readbasic' });
    const access = officeHistoryAccess(resolvePolicy({ senderHistory: true, reporting: { entraClientId: CLIENT_ID } }), graph.fetch, naa(true), async () => msal);
    if (typeof access !== 'object') throw new Error(`expected the check to be available, got ${access}`);
    const message = mail({ from: 'Taro Yamada <taro.yamada@mail.example>' });

    expect(await access.lookup.lookUp(message)).toEqual({ state: 'unavailable', reason: 'consent' });
    expect(calls.popup).toBe(0);
    await access.consent();
    expect(calls.popup).toBe(1);
    expect((await access.lookup.lookUp(message)).state).toBe('checked');
    expect(calls).toEqual({ clients: 1, silent: 3, popup: 1 });
  });
});

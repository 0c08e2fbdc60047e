import { officeHistoryAccess } from '../../src/graph/office-access';
import { resolvePolicy } from '../../src/policy';

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
});

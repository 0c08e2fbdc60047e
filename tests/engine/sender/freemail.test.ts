import { isFreemail, hostOfAddress } from '../../../src/engine/sender/identity';
import { canonicalHost } from '../../../src/mail/hosts';
import { makePolicy } from './policy';

describe('isFreemail', () => {
  const policy = makePolicy({ freemailDomains: new Set(['gmail.com', 'so-net.ne.jp', 'i.softbank.jp', 'yahoo.co.jp']) });

  it('counts the provider domain and any subdomain of it', () => {
    expect(isFreemail(hostOfAddress('someone@gmail.com'), policy)).toBe(true);
    expect(isFreemail(hostOfAddress('taro@xa2.so-net.ne.jp'), policy)).toBe(true);
    // The listed entry is itself below the registrable domain (softbank.jp): suffix matching still finds it.
    expect(isFreemail(hostOfAddress('hanako@i.softbank.jp'), policy)).toBe(true);
    expect(isFreemail(hostOfAddress('hanako@mms.i.softbank.jp'), policy)).toBe(true);
  });

  it('does not count unrelated domains that only share a suffix or a parent', () => {
    expect(isFreemail(hostOfAddress('staff@softbank.jp'), policy)).toBe(false);
    expect(isFreemail(hostOfAddress('staff@notgmail.com'), policy)).toBe(false);
    expect(isFreemail(hostOfAddress('staff@gmail.com.evil.example'), policy)).toBe(false);
    expect(isFreemail(canonicalHost('192.0.2.1'), policy)).toBe(false);
    expect(isFreemail(undefined, policy)).toBe(false);
  });
});

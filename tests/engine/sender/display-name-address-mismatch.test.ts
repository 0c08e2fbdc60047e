import { displayNameAddressMismatch as rule, shownAddresses } from '../../../src/engine/rules/display-name-address-mismatch';
import { header, listHeaders, mail, runRule } from './message';

describe('display-name-address-mismatch', () => {
  it('fires (medium) when the name shows an address on another domain', () => {
    const hit = runRule(rule, mail({ from: '"support@mail.coinbase.com" <alerts-325937@medisept.com.au>' }));
    expect(hit).toEqual({ severity: 'medium', evidence: [{ kind: 'address-mismatch', field: 'from.name', shown: 'support@mail.coinbase.com', actual: 'alerts-325937@medisept.com.au' }] });
  });

  it('is high when the shown address belongs to our own organisation', () => {
    const hit = runRule(rule, mail({ from: '"k.watanabe@kaiyo-inst.or.jp" <kw.office@gmail.com>' }));
    expect(hit?.severity).toBe('high');
  });

  it('is high when a known brand domain is shown without an @ (Amazon.co.jp)', () => {
    const hit = runRule(rule, mail({ from: 'Amazon.co.jp <support-amazon.jp@ndihfok.cn>', subject: '【Amazon】アカウント情報を更新してください' }));
    expect(hit).toMatchObject({ severity: 'high', evidence: [{ shown: 'amazon.co.jp', actual: 'support-amazon.jp@ndihfok.cn' }] });
  });

  it('is only medium when a verified signing service shows the requester’s address', () => {
    const message = mail({
      from: '"Kenji Watanabe (k.watanabe@kaiyo-inst.or.jp) via DocuSign" <dse@docusign.net>',
      headers: [header('Authentication-Results', 'mx.kaiyo-inst.or.jp; dkim=pass header.d=docusign.net; dmarc=pass header.from=docusign.net')],
    });
    expect(runRule(rule, message)).toMatchObject({ severity: 'medium', evidence: [{ shown: 'k.watanabe@kaiyo-inst.or.jp', actual: 'dse@docusign.net' }] });
  });

  it('finds a full-width address in a Japanese display name', () => {
    const hit = runRule(rule, mail({ from: '外務省 担当 ｉｎｆｏ＠ｍｏｆａ.ｇｏ.ｊｐ <gaimu-info@mofa-go.jp>' }));
    expect(hit).toMatchObject({ severity: 'high', evidence: [{ shown: 'info@mofa.go.jp' }] });
  });

  it('catches the recipient’s own address shown as the sender name', () => {
    const hit = runRule(rule, mail({ from: '"staff@kaiyo-inst" <promo@aprimarse.com>', to: ['staff@kaiyo-inst'] }));
    expect(hit?.evidence[0]).toMatchObject({ shown: 'staff@kaiyo-inst' });
  });

  it('checks the Sender name as well', () => {
    const hit = runRule(rule, mail({ sender: '"billing@paypal.com" <billing@paypa1-support.com>' }));
    expect(hit?.evidence[0]).toMatchObject({ field: 'sender.name', shown: 'billing@paypal.com' });
  });

  describe('stays quiet', () => {
    it.each([
      ['the name repeats the real address', '"tanaka@example-univ.ac.jp" <tanaka@example-univ.ac.jp>'],
      ['the shown address is on the same registrable domain', '"support@mail.coinbase.com" <no-reply@coinbase.com>'],
      ['a newsletter whose name is a domain nobody trusts', '"CNET News.com Daily Dispatch" <Online#3.20074@newsletter.online.com>'],
      ['a name with a dotted abbreviation', '"Mr.Warren Buffett" <warren@example.com>'],
      ['an address-like name without a real domain', '"hyatt@mozilla" <rssfeeds@feeds.example.org>'],
      ['an ordinary name', 'Hanako Suzuki <hanako.suzuki@asia-policy-forum.org>'],
      ['a Japanese name', '鈴木 花子 <hanako@example.co.jp>'],
    ])('for %s', (_case, from) => {
      expect(runRule(rule, mail({ from }))).toBeUndefined();
    });

    it('for a mailing-list rewrite whose author is the address shown', () => {
      const message = mail({ from: '"tanaka@example-univ.ac.jp via Policy-talk" <policy-talk@lists.example.org>', replyTo: ['tanaka@example-univ.ac.jp'], headers: listHeaders() });
      expect(runRule(rule, message)).toBeUndefined();
    });
  });

  it('cuts a trailing fragment off an address that runs into other text', () => {
    expect(shownAddresses('Nubank - Bloqueio staff@kaiyo-inst.868.6*****', new Set(['staff@kaiyo-inst'])).map((entry) => entry.text)).toEqual(['staff@kaiyo-inst']);
  });

  it('finishes on a long hostile name', () => {
    expect(Array.isArray(shownAddresses('a@'.repeat(100_000) + 'b.'.repeat(100_000)))).toBe(true);
  });
});

import { malformedSenderAddress } from '../../../src/engine/rules/malformed-sender-address';
import { mail, runRule } from './message';

const fromLine = (name: string, address: string) => ({ ...mail(), from: { name, address } });

describe('malformed-sender-address', () => {
  test.each([
    ['a brand name with a single-label domain', 'Correios', 'pedidos123@correios'],
    ['a comma where the dot should be', 'Customer Support', 'noreply@shop-example,com'],
    ['a name and no address at all', 'Gift card team', ''],
    ['a domain without a mailbox (Japanese brand)', 'UCカード', 'uccard.example.jp'],
    ['a Japanese name over an address with no top-level domain', '三井住友カード', 'info@smbccard'],
    ['emoji in the mailbox name', 'Höhle der Löwen', 'Department-✅-n90612@tenant-example.onmicrosoft.com'],
    ['a domain in mathematical bold letters', 'Deutsche Bahn Team', 'noreply@𝗗𝗲𝘂𝘁𝘀𝗰𝗵𝗲-𝗕𝗮𝗵𝗻-𝗚𝗲𝗿𝗺𝗮𝗻𝘆.𝗱𝗲'],
    ['a mailbox in full-width letters', 'Support', 'ｓｕｐｐｏｒｔ@shop-example.jp'],
  ])('reports %s', (_label, name, address) => {
    const hit = runRule(malformedSenderAddress, fromLine(name, address));
    expect(hit?.evidence[0]).toEqual({ kind: 'address-mismatch', field: 'from', shown: name, actual: address || '(no address)' });
    // One sentence per language: English without Japanese, Japanese ending as a sentence; no "EN / JA" pair.
    expect(hit?.evidence[1]).toEqual({ kind: 'note', text: { en: expect.stringMatching(/^[^ぁ-んァ-ン]+$/), ja: expect.stringMatching(/[ぁ-んァ-ン].*。$/) } });
  });

  test.each([
    ['an ordinary address', 'Hanako Suzuki', 'hanako@asia-policy-forum.org'],
    ['a Japanese sender on a co.jp domain', '山田 太郎', 'yamada@example-shoji.co.jp'],
    ['a bounce from MAILER-DAEMON without a domain', 'MAILER-DAEMON', ''],
    ['a delivery report', 'Mail Delivery Subsystem', 'MAILER-DAEMON'],
    ["Exchange's internal form of a colleague", '渡辺 健二', '/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=KWATANABE'],
    ['an IP-literal domain', 'Monitor', 'alerts@[192.0.2.10]'],
    ['an internationalised mailbox name in Japanese', '山田 太郎', '山田@example-shoji.co.jp'],
    ['an internationalised domain in Japanese', '山田 太郎', 'info@例え.jp'],
    ['a German domain with umlauts', 'Jürgen', 'juergen@müller-bau.de'],
  ])('leaves %s alone', (_label, name, address) => {
    expect(runRule(malformedSenderAddress, fromLine(name, address))).toBeUndefined();
  });

  test('no From line at all is another matter (nothing to show the reader)', () => {
    expect(runRule(malformedSenderAddress, { ...mail(), from: undefined })).toBeUndefined();
  });
});

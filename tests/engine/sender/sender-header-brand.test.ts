import { senderHeaderBrand as rule } from '../../../src/engine/rules/sender-header-brand';
import { parseEml } from '../../../src/mail/eml';
import { header, mail, runRule } from './message';

const results = (value: string) => header('Authentication-Results', `mx.kaiyo-inst.or.jp; ${value}`);

describe('sender-header-brand', () => {
  it('fires when a whole message names a brand as Sender that the real From does not belong to', async () => {
    const raw = 'Sender: Microsoft 365 <no-reply@microsoft.com>\r\nFrom: Microsoft 365 <alerts@mailbox-quota.example>\r\nTo: staff@kaiyo-inst.or.jp\r\nSubject: Quota\r\n\r\nYour mailbox is full.\r\n';
    const hit = runRule(rule, await parseEml(raw));
    expect(hit?.evidence).toEqual([{ kind: 'address-mismatch', field: 'headers.Sender', shown: 'no-reply@microsoft.com', actual: 'alerts@mailbox-quota.example' }]);
  });

  describe('stays quiet', () => {
    it('when the brand’s own service proves it sent the message (a calendar invitation)', () => {
      const message = mail({ sender: 'calendar-notification@microsoft.com', from: 'Organiser <kenji@research.example>', headers: [results('dkim=pass header.d=microsoft.com')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it.each([
      ['a Sender in the same organisation as From', 'noreply@microsoft.com', 'Microsoft <account@email.microsoft.com>'],
      ['a Sender nobody configured', 'bulk@esp.example', 'Shop <news@shop.example>'],
    ])('for %s', (_case, sender, from) => {
      expect(runRule(rule, mail({ sender, from }))).toBeUndefined();
    });

    it('without a Sender', () => {
      expect(runRule(rule, mail({ from: 'a@b.example' }))).toBeUndefined();
    });
  });
});

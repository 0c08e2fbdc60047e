import { freemailReplyTo as rule } from '../../../src/engine/rules/freemail-reply-to';
import { parseEml } from '../../../src/mail/eml';
import { malformedSenderAddress } from '../../../src/engine/rules/malformed-sender-address';
import { listHeaders, mail, runRule } from './message';

describe('freemail-reply-to', () => {
  it('fires when a whole message from one Gmail account wants replies at another', async () => {
    const raw = 'From: Jean Smith <jeansmith2028@gmail.com>\r\nReply-To: jeansmith2059@gmail.com\r\nTo: staff@kaiyo-inst.or.jp\r\nSubject: Donation\r\n\r\nI wish to donate.\r\n';
    expect(runRule(rule, await parseEml(raw))?.evidence).toEqual([{ kind: 'address-mismatch', field: 'headers.Reply-To', shown: 'jeansmith2028@gmail.com', actual: 'jeansmith2059@gmail.com' }]);
  });

  describe('stays quiet', () => {
    it.each([
      ['the same mailbox written differently', 'J.Smith <j.smith@gmail.com>', 'JSmith+work@Gmail.com'],
      ['a company domain (colleagues share it)', 'Kenji <kenji@research.example>', 'office@research.example'],
      ['different providers (reply-to-divergence’s case)', 'A <a@gmail.com>', 'b@outlook.com'],
    ])('for %s', (_case, from, reply) => {
      expect(runRule(rule, mail({ from, replyTo: [reply] }))).toBeUndefined();
    });

    it('when Reply-To is one of the recipients', () => {
      expect(runRule(rule, mail({ from: 'a@gmail.com', to: ['group.list@gmail.com'], replyTo: ['group.list@gmail.com'] }))).toBeUndefined();
    });

    it('for a mailing list', () => {
      expect(runRule(rule, mail({ from: 'a@gmail.com', replyTo: ['b@gmail.com'], headers: listHeaders() }))).toBeUndefined();
    });
  });
});

describe('an empty From address', () => {
  it('is reported by malformed-sender-address, not left clean', async () => {
    const message = await parseEml('From: Customer Service <>\r\nTo: staff@kaiyo-inst.or.jp\r\nSubject: x\r\n\r\nx\r\n');
    expect(runRule(malformedSenderAddress, message)).toBeDefined();
  });
});

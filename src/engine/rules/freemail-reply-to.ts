// Replies go to another mailbox at the same free-mail provider: From mrsmith2028@gmail.com, Reply-To
// mrsmith2059@gmail.com. Advance-fee and romance scams send from one throw-away account and read
// replies in another, so that reports close the sending account while the conversation goes on.
// reply-to-divergence leaves this alone (same domain); this rule is its free-mail half.
//
// What it must leave alone: a Reply-To that is the sender's own address (case differs), one of the
// visible recipients (group replies), company domains (a colleague's address at the same company is
// normal), and trusted mailing lists.
import type { Rule } from '../rule';
import { hasListHeaders, hostOfAddress, isFreemail, registrableOf } from '../sender/identity';

/** Gmail ignores dots and "+tags" in the mailbox name: j.smith+x@ is jsmith@. */
function mailboxKey(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).toLowerCase().split('+', 1)[0];
  return local.replace(/\./g, '') + address.slice(at).toLowerCase();
}

export const freemailReplyTo: Rule = {
  id: 'freemail-reply-to',
  title: {
    en: 'Your reply would go to a different free webmail account',
    ja: '返信すると、別の無料Webメールのアカウントに届きます',
  },
  explanation: {
    en:
      'The message was sent from one free webmail account but asks for replies at another account of the same provider. Scammers do this ' +
      'so that the conversation survives when the sending account is reported and closed. Check the address in the To line before replying.',
    ja:
      'このメールはある無料Webメールのアカウントから送信されていますが、返信先は同じサービスの別のアカウントになっています。' +
      '送信用のアカウントが通報で停止されてもやり取りを続けられるよう、詐欺師がよく使う手口です。返信する前に宛先のアドレスを確認してください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    const fromAddress = message.from?.address ?? '';
    const fromHost = context.view.fromHost;
    if (!fromHost || !isFreemail(fromHost, policy) || hasListHeaders(message)) return undefined;
    const recipients = new Set([...message.to, ...message.cc].slice(0, 200).map((entry) => mailboxKey(entry.address)));
    for (const reply of message.replyTo.slice(0, 5)) {
      const host = hostOfAddress(reply.address);
      if (!host || registrableOf(host) !== registrableOf(fromHost)) continue;
      const key = mailboxKey(reply.address);
      if (key === mailboxKey(fromAddress) || recipients.has(key)) continue;
      return { evidence: [{ kind: 'address-mismatch', field: 'headers.Reply-To', shown: fromAddress, actual: reply.address }] };
    }
    return undefined;
  },
};

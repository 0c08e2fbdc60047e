// The Sender header names a company the From address does not belong to. Outlook shows such a
// message as "support@mcafee.com on behalf of support@curcumtyuld.com", so the reader sees the
// brand first; the Sender field is as easy to forge as From, and nothing here checks it.
//
// What it must leave alone: a brand's own service sending for a customer and proving it (Google
// Calendar's calendar-notification@google.com, DocuSign, Mailchimp on behalf of a shop: the Sender's
// domain passed SPF or DKIM), a Sender in the same organisation as From, and no Sender at all.
import type { Rule } from '../rule';
import { isWithinDomains } from '../view';
import { hostOfAddress, registrableOf } from '../sender/identity';
import { isLegitimateHost, protectedEntryFor } from '../sender/protected-domains';

export const senderHeaderBrand: Rule = {
  id: 'sender-header-brand',
  title: {
    en: 'Shown as sent “on behalf of” by a company that did not send it',
    ja: '送信していない企業が「代理送信者」として表示されています',
  },
  explanation: {
    en:
      'The message names a well-known company or one of your trusted contacts as its Sender, so your mail app shows “… on behalf of …” ' +
      'with that name, but the real From address belongs to someone else and nothing confirms the company took part. Treat it as an ' +
      'impersonation unless you can confirm it another way.',
    ja:
      'このメールは有名企業や信頼済みの相手を「Sender（代理送信者）」として記載しているため、メールアプリに「…の代理」と表示されますが、' +
      '実際の差出人アドレスは別の相手のもので、その企業が送信に関わったことは確認できません。別の方法で確認できない限り、なりすましとして扱ってください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  requires: ['headers'],
  check(message, policy, context) {
    const sender = message.sender;
    const senderHost = hostOfAddress(sender?.address);
    if (!sender || !senderHost || !isLegitimateHost(senderHost, policy)) return undefined;
    const fromHost = context.view.fromHost;
    if (fromHost && registrableOf(fromHost) === registrableOf(senderHost)) return undefined;
    const owner = protectedEntryFor(senderHost, policy);
    if (fromHost && owner && protectedEntryFor(fromHost, policy)?.owner === owner.owner) return undefined;
    if (context.view.alignment.passing.some((domain) => isWithinDomains(senderHost.ascii, [domain]) || domain === registrableOf(senderHost))) return undefined;
    return {
      evidence: [{ kind: 'address-mismatch', field: 'headers.Sender', shown: sender.address, actual: message.from?.address || '(no address)' }],
    };
  },
};

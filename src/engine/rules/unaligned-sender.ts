// Nothing vouches for the domain in From: the receiving server checked SPF and DKIM, no passing
// check belongs to the From domain's organisation (DMARC alignment, mail/alignment.ts), and a check
// failed or none passed at all. That is what an exact-domain spoof looks like when the imitated
// domain publishes no DMARC policy, or the receiver wrote dmarc=none: "service@paypal-style brand"
// sent from a throw-away server, where authentication-failure (which reads the receiver's own
// DMARC/compauth verdicts) has nothing to report. High when the domain is one people trust (our
// own, a trusted partner, a known organisation, a protected person's).
// Low when nothing failed but the only check that passed was SPF for another envelope domain and
// no DKIM signature passed at all: "support@anwb.nl" relayed by a server of isolatieweert.nl. Mail
// services that send for a customer sign what they send (with their own domain when not the
// customer's); an unsigned message whose From domain nothing vouches for was typed into a
// server that has nothing to do with that domain.
// Low too when the From line names no usable domain at all ("Gutschein" <>, a '%' in the domain) and
// no check passed for any domain: nothing authenticated this sender, which Gmail's and Yahoo's
// sender requirements (February 2024: every sender passes SPF or DKIM) no longer accept.
// malformed-sender-address reports the broken From line; this adds only that nothing vouches for it.
//
// What it must leave alone:
// - mail whose From domain passed SPF or DKIM (aligned), and mail sent through a service that
//   signed for itself while nothing failed (newsletters via an ESP: unaligned but not failing);
// - messages authentication-failure already reported (same cause, said once);
// - mailing lists whose own domain vouches for their List-* headers (lists break alignment by design);
// - delivery status notifications (null envelope sender: nothing can align);
// - Microsoft 365's composite authentication saying pass (it knows senders we cannot see);
// - messages without Authentication-Results (nothing was checked), or whose results were written for
//   an earlier hop (archived list mail carries the list server's check of the author, not our own).
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { fromSystemMailbox, hasListHeaders } from '../sender/identity';
import { isLegitimateHost } from '../sender/protected-domains';

export const unalignedSender: Rule = {
  id: 'unaligned-sender',
  title: {
    en: 'Nothing confirms that the sender’s domain sent this message',
    ja: '差出人のドメインから送信されたことを確認できません',
  },
  explanation: {
    en:
      'Your mail system checks whether a message really comes from the domain shown in the From address. For this message, no check ' +
      'confirmed that domain: the checks that passed (if any) were for other domains, and at least one failed or none passed. Anyone can ' +
      'type any address into From; treat the sender as unconfirmed and check requests with them another way.',
    ja:
      'メールシステムは、差出人アドレスに表示されたドメインから本当に送信されたかを確認します。このメールでは、そのドメインを確認できた' +
      '検査がありません（成功した検査は別のドメインに対するもので、失敗した検査があるか、成功した検査がありません）。差出人アドレスは誰でも' +
      '自由に書けます。送信者は未確認として扱い、依頼内容は別の方法で確認してください。',
  },
  severity: 'medium',
  category: 'authentication',
  technique: 'T1656',
  requires: ['headers'],
  check(message, policy, context) {
    const { view } = context;
    const alignment = view.alignment;
    if (!alignment.checked || !alignment.coversDelivery || alignment.aligned) return undefined;
    // Without a From domain there is nothing to align: count only a sender nothing at all vouched
    // for, and never a mail system's own mailbox ("MAILER-DAEMON" with no domain writes bounces).
    if (!alignment.fromDomain && (alignment.passing.length > 0 || fromSystemMailbox(message))) return undefined;
    const unsigned = !view.authentication.dkim.some((signature) => signature.result.toLowerCase() === 'pass');
    if (!alignment.failedOrNone && !unsigned) return undefined;
    if (context.findings.some((finding) => finding.rule === 'authentication-failure')) return undefined;
    if (view.deliveryReport || hasListHeaders(message)) return undefined;
    const auth = view.authentication;
    if (auth.compauth && auth.compauth.result.toLowerCase() === 'pass') return undefined;
    const evidence: Evidence[] = [];
    if (auth.spf) evidence.push({ kind: 'authentication', method: 'spf', result: auth.spf.result, domain: auth.spf.mailfrom });
    for (const signature of auth.dkim.slice(0, 3)) evidence.push({ kind: 'authentication', method: 'dkim', result: signature.result, domain: signature.domain });
    if (auth.dmarc) evidence.push({ kind: 'authentication', method: 'dmarc', result: auth.dmarc.result, domain: auth.dmarc.headerFrom ?? alignment.fromDomain });
    const domain = alignment.fromDomain;
    evidence.push({
      kind: 'header',
      name: 'From',
      value: message.from?.address ?? '',
      meaning: !domain
        ? { en: 'The From line names no usable domain, and no check passed for any domain', ja: '差出人欄に有効なドメインがなく、どのドメインに対しても成功した検査がありません。' }
        : {
            en: alignment.passing.length
              ? `No passing check belongs to ${domain}; checks passed only for ${alignment.passing.join(', ')}`
              : `No check passed for ${domain} or any other domain`,
            ja: alignment.passing.length
              ? `${domain} に対して成功した検査はありません（成功したのは ${alignment.passing.join('、')} に対する検査だけです）。`
              : `${domain} を含め、成功した検査がひとつもありません。`,
          },
    });
    if (!domain) return { evidence, severity: 'low' };
    const trusted = isLegitimateHost(view.fromHost, policy);
    if (!alignment.failedOrNone) return { evidence, severity: trusted ? 'medium' : 'low' };
    return { evidence, severity: trusted ? 'high' : 'medium' };
  },
};

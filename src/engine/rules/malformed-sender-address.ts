// The From line has a name but no usable address: "Correios <pedidos@correios>" (no top-level
// domain), "Support <noreply@shop,com>" (a comma where the dot should be), "Temu" with no address at
// all, "UCカード <uccard.co.jp>" (a domain without a mailbox), "Department-✅-1@…" (emoji in the
// mailbox name), or "noreply@𝗗𝗲𝘂𝘁𝘀𝗰𝗵𝗲-𝗕𝗮𝗵𝗻.𝗱𝗲" (mathematical bold or full-width letters that look like
// ordinary ones: internationalised domain names forbid every character Unicode folds to another,
// IDNA2008). No mail system hands out such
// addresses: they are typed by hand into a bulk-mailing tool so that the reader sees a brand and no
// reply can ever reach anyone. Real systems that send without a proper address are bounce notices
// (MAILER-DAEMON, postmaster) and Exchange's internal X.500 addresses, which are left alone.
// Medium on its own: it counts as one sign among others (a brand claim, wording, a strange link).
import type { Rule } from '../rule';
import { isWithinDomains } from '../view';
import { canonicalHost, domainOfAddress } from '../../mail/hosts';

/** Mail systems' own senders, which legitimately have no domain ("MAILER-DAEMON"). */
const SYSTEM_SENDER = /mailer-daemon|postmaster|mail delivery|delivery status/i;
/** Characters that can never be part of a domain name as written in an address. */
const NOT_IN_DOMAIN = /[,;\s"'<>()[\]\\]/;
/** Emoji and other pictographic symbols (✅, 🎁). */
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{So}]/u;

/** Why the address cannot be replied to, or undefined when it is a proper Internet address. */
function problemWith(address: string): { en: string; ja: string } | undefined {
  if (!address) return { en: 'There is no address at all, only a name', ja: '名前だけでアドレスがありません。' };
  const at = address.lastIndexOf('@');
  if (at <= 0) return { en: `"${address}" has no mailbox part (nothing before "@")`, ja: `「${address}」には「@」の前の部分がありません。` };
  // Internationalised addresses have letters of any script, but no provider hands out emoji or symbols.
  if (PICTOGRAPH.test(address.slice(0, at))) return { en: `The mailbox name "${address.slice(0, at)}" contains symbols or emoji no mail provider issues`, ja: `アドレスの「@」より前の部分「${address.slice(0, at)}」に、メールサービスが発行しない記号や絵文字が含まれています。` };
  // Styled look-alike letters (𝗗, ｄ) fold to plain ones under NFKC; IDNA2008 disallows them, so no domain or provider uses them.
  if (/[^\x00-\x7f]/.test(address) && address.normalize('NFKC') !== address) {
    return { en: `"${address}" is written in styled letters that only look like ordinary ones ("${address.normalize('NFKC')}")`, ja: `「${address}」は、普通の文字に見える装飾文字で書かれています（「${address.normalize('NFKC')}」）。` };
  }
  const domain = domainOfAddress(address);
  if (!domain) return { en: `"${address}" has no domain after "@"`, ja: `「${address}」には「@」の後のドメインがありません。` };
  // An address literal (user@[192.0.2.1]) is valid, if rare.
  if (/^\[[0-9a-f:.]{2,45}\]$/i.test(domain)) return undefined;
  if (NOT_IN_DOMAIN.test(domain) || domain.includes('@')) return { en: `The domain "${domain}" contains characters no domain can have`, ja: `ドメイン「${domain}」にドメインでは使えない文字が含まれています。` };
  const host = canonicalHost(domain);
  if (!host) return { en: `"${domain}" is not a valid domain name`, ja: `「${domain}」は正しいドメイン名ではありません。` };
  if (host.isIp) return undefined;
  if (!host.registrable || !host.ascii.includes('.')) return { en: `"${domain}" has no top-level domain, so it cannot exist on the Internet`, ja: `「${domain}」にはトップレベルドメインがなく、インターネット上に存在しません。` };
  return undefined;
}

export const malformedSenderAddress: Rule = {
  id: 'malformed-sender-address',
  title: {
    en: 'The sender’s address is not a real e-mail address',
    ja: '差出人のアドレスが実在しえない形式です',
  },
  explanation: {
    en:
      'The From line shows a name, but the address behind it could not exist: it has no domain, no top-level domain, or characters ' +
      'no address can have. Mail services never hand out such addresses; scammers type them into bulk-mailing tools so that you only ' +
      'see a company name. Do not trust the name, and do not act on the message.',
    ja:
      '差出人欄には名前が表示されていますが、その裏のアドレスはドメインやトップレベルドメインがない、使えない文字を含むなど、' +
      '実在しえない形式です。正規のメールサービスがこのようなアドレスを発行することはなく、詐欺メールが一斉送信ツールで会社名だけを' +
      '見せるために使う手口です。表示名を信用せず、このメールに従って操作しないでください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy) {
    const from = message.from;
    if (!from) return undefined;
    const address = from.address.trim();
    if (!address && !from.name.trim()) return undefined;
    if (SYSTEM_SENDER.test(from.name) || SYSTEM_SENDER.test(address)) return undefined;
    // Exchange's internal X.500 form ("/O=EXCHANGELABS/OU=…") is how Outlook may show a colleague.
    if (/^\/o=/i.test(address)) return undefined;
    if (isWithinDomains(domainOfAddress(address), policy.organizationDomains)) return undefined;
    const problem = problemWith(address);
    if (!problem) return undefined;
    return {
      evidence: [{ kind: 'address-mismatch', field: 'from', shown: from.name || address, actual: address || '(no address)' }, { kind: 'note', text: problem }],
    };
  },
};

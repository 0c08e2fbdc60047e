// A link goes to a site built on the name the sender claims, on a domain the sender does not have:
// "Ripple Team" <ripple@bounce.mailer.example> linking to mail83-ripple.net, "Exodus" linking to
// exodus-walletdesktopapp.io, "Lido DAO" linking to lido-airdrop.shop-prices.example. Phishing kits
// are hosted on throw-away domains that put the brand's name in front of or behind another word so
// the address bar looks right; the brand is whatever the display name says, so no list of brands
// is needed and any organisation is covered.
//
// What it must leave alone:
// - names the sender's own domain carries ("Acme" <news@acme-mail.example> linking to acme-shop.example
//   may be the same company) and links into the sender's own site;
// - generic words of display names ("Support Team", "News"), words shorter than four letters, and
//   names in scripts that do not appear in host names (Japanese names are compared elsewhere);
// - a name that is only the label of an unrelated site (a colleague "Tanaka" linking to tanaka.example):
//   only hyphenated labels count, where the name is glued to another word ("tanaka-lab" does count, and
//   is an explained medium finding).
// Our own and trusted senders are left alone.
// High when the registered domain itself is built on the name (mail83-ripple.net: someone bought it to
// look like the sender), medium when only a subdomain label is (lido-airdrop.host.example, or a
// colleague's tanaka-lab.university.example).
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { claimText } from '../text/words';
import { clip, displayHost, sameSite } from './content/links';

/** Words of display names that name no one. */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'team', 'support', 'service', 'services', 'news', 'newsletter', 'mail', 'info', 'noreply', 'reply', 'from', 'with', 'your', 'customer',
  'customers', 'official', 'notification', 'notifications', 'notice', 'account', 'accounts', 'security', 'alert', 'alerts', 'update',
  'updates', 'online', 'community', 'help', 'desk', 'center', 'centre', 'club', 'group', 'shop', 'store', 'deals', 'offer', 'offers',
  'department', 'office', 'admin', 'billing', 'payments', 'care', 'system', 'message', 'messages', 'mailer', 'daemon', 'delivery',
]);
/** Shorter words collide with too many host names. */
const MIN_WORD = 4;
const MAX_WORDS = 12;
const MAX_EVIDENCE = 3;

/** The distinctive words of a display name that its sender's domain does not carry. */
function claimedWords(name: string, fromHost: string): string[] {
  const compactHost = fromHost.replace(/[^a-z0-9]/g, '');
  return claimText(name)
    .split(' ')
    .filter((word) => word.length >= MIN_WORD && /^[a-z]+$/.test(word) && !GENERIC_WORDS.has(word) && !compactHost.includes(word))
    .slice(0, MAX_WORDS);
}

/** The hyphenated label of `host` that carries `word` as one of its parts ("mail83-ripple"), if any. */
function labelCarrying(host: string, word: string): string | undefined {
  for (const label of host.split('.').slice(0, 16)) {
    if (!label.includes('-') || label.startsWith('xn--')) continue;
    if (label.split('-').some((part) => part === word || part.replace(/\d+$/, '') === word)) return label;
  }
  return undefined;
}

export const claimedNameLinkHost: Rule = {
  id: 'claimed-name-link-host',
  title: {
    en: 'A link goes to a look-alike site named after the sender it claims to be',
    ja: 'リンク先が、名乗っている送信者の名前を使った別のサイトになっている',
  },
  explanation: {
    en:
      'The sender calls itself by a name, and a link goes to a site whose address glues that name to other words, on a domain the sender ' +
      'does not send from. Phishing sites are set up this way so that the address looks right at a glance. Do not sign in or connect a ' +
      'wallet there; go to the organisation’s site by typing its address yourself.',
    ja:
      '差出人が名乗っている名前を別の単語とつなげたアドレスのサイトへリンクしていますが、そのドメインは送信元とは別のものです。' +
      'フィッシングサイトは一見正しく見えるよう、このようなアドレスで作られます。そこでログインやウォレット接続をせず、' +
      '組織のサイトは自分でアドレスを入力して開いてください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.002',
  requires: ['body'],
  check(message, _policy, context) {
    const fromHost = context.view.fromHost;
    if (!message.from?.name || !fromHost || fromHost.isIp || context.view.fromTrusted) return undefined;
    const words = claimedWords(message.from.name, fromHost.ascii);
    if (words.length === 0) return undefined;
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    let registered = false;
    for (const link of context.view.links) {
      if (evidence.length >= MAX_EVIDENCE) break;
      const host = link.host;
      if (!host || host.isIp || seen.has(host.ascii) || sameSite(host, fromHost)) continue;
      seen.add(host.ascii);
      for (const word of words) {
        const label = labelCarrying(host.ascii, word);
        if (!label) continue;
        const registrableLabel = host.registrable && host.publicSuffix ? host.registrable.slice(0, -(host.publicSuffix.length + 1)) : undefined;
        registered ||= label === registrableLabel;
        evidence.push({
          kind: 'link',
          text: clip(link.text),
          href: clip(link.href),
          host: host.ascii,
          reason: {
            en: `the sender calls itself "${message.from.name}", and ${displayHost(host)} glues "${word}" to other words on a domain the sender does not use`,
            ja: `差出人は「${message.from.name}」と名乗っており、${displayHost(host)} は「${word}」を別の単語とつなげた、送信元とは別のドメインです。`,
          },
        });
        break;
      }
    }
    if (evidence.length === 0) return undefined;
    return registered ? { evidence, severity: 'high' } : { evidence };
  },
};

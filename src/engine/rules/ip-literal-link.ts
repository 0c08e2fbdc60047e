// Links to a bare IP address (http://203.0.113.7/login, also written 3405803783 or 0xcb.0x0.0x71.7):
// real organisations link to their names.
// Left alone: private, loopback and link-local addresses (http://10.0.1.217/, http://192.168.1.1/).
// They cannot reach an attacker's server from outside, and they are what engineers write to each
// other about devices and lab networks (mail clients turn a typed address into a link); on the dev
// half they fired on legitimate list mail only, never on phishing.
// Also left alone: an address that is only mentioned, the link's text being the bare address and the
// link nothing more ("4.0.0.0" → http://4.0.0.0). Mail programs and list archives turn whatever
// reads like an address into a link, so a version number or an address under discussion becomes
// one; a phishing page sits on a path the kit generates (http://203.0.113.7/t/4CbJGi…).
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import type { ViewLink } from '../view';
import { clip, isNonPublicIp } from './content/links';

/** The link only repeats an address its text mentions: no scheme in the text, nothing after the host in the link. */
function mentionedAddress(link: ViewLink): boolean {
  const text = link.text.trim();
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(text) && link.href.trim().replace(/^https?:\/\//i, '').replace(/\/$/, '') === text;
}

const MAX_EVIDENCE = 5;

export const ipLiteralLink: Rule = {
  id: 'ip-literal-link',
  title: {
    en: 'A link points to a bare IP address',
    ja: 'リンク先がIPアドレスになっている',
  },
  explanation: {
    en: 'A link goes to a numeric internet address instead of a named website. Legitimate companies link to their own names; a bare number hides who runs the server and is often used for short-lived phishing sites. Do not open it.',
    ja: 'リンク先がWebサイトの名前ではなく、数字のIPアドレスになっています。正規の企業は自社のドメイン名でリンクします。IPアドレスは運営者を隠せるため、短期間だけ使われるフィッシングサイトでよく使われます。開かないでください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.002',
  requires: ['body'],
  check(message, policy, context) {
    const evidence: Evidence[] = [];
    for (const link of context.view.links) {
      if (!link.host?.isIp || isNonPublicIp(link.host) || mentionedAddress(link)) continue;
      evidence.push({
        kind: 'link',
        text: clip(link.text),
        href: clip(link.href),
        host: link.host.ascii,
        reason: { en: 'link to a bare IP address', ja: 'ドメイン名ではなく、IPアドレスを直接指定したリンクです。' },
      });
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    return evidence.length > 0 ? { evidence } : undefined;
  },
};

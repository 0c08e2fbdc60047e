// Links to a bare IP address (http://203.0.113.7/login, also written 3405803783 or 0xcb.0x0.0x71.7):
// real organisations link to their names. Private and loopback addresses cannot reach an attacker's
// server from outside, so they are reported as low.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { clip, isNonPublicIp } from './content/links';

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
    let publicAddress = false;
    for (const link of context.view.links) {
      if (!link.host?.isIp) continue;
      const nonPublic = isNonPublicIp(link.host);
      publicAddress ||= !nonPublic;
      if (evidence.length < MAX_EVIDENCE) {
        evidence.push({
          kind: 'link',
          text: clip(link.text),
          href: clip(link.href),
          host: link.host.ascii,
          reason: nonPublic
            ? { en: 'link to a private or local IP address', ja: 'プライベートまたはローカルのIPアドレスへのリンクです。' }
            : { en: 'link to a bare IP address', ja: 'ドメイン名ではなく、IPアドレスを直接指定したリンクです。' },
        });
      }
    }
    if (evidence.length === 0) return undefined;
    return { severity: publicAddress ? 'medium' : 'low', evidence };
  },
};

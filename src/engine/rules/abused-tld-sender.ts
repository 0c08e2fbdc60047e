// The sender's domain ends in a top-level domain that abuse statistics rank among the most abused:
// "For_You_44301@londona.dyana.shop", "…@sarah1.komaa.xyz", "…@khmira15.tbarhich.best". Throw-away
// domains are registered where they cost least and are checked least; Spamhaus's "most abused TLDs"
// and Interisle's Phishing Landscape reports name the same endings year after year (the list is
// shared with the link rules: content/links.ts ABUSED_TLDS).
// Low on its own: honest shops and clubs use these endings too, so it only adds up with other signs.
//
// What it must leave alone: our own and trusted domains, and endings that are a country's own
// (.jp, .de): only the listed endings count.
import type { Rule } from '../rule';
import { ABUSED_TLDS } from './content/links';

export const abusedTldSender: Rule = {
  id: 'abused-tld-sender',
  title: {
    en: 'The sender’s domain uses an ending mostly registered for abuse',
    ja: '差出人のドメインが、主に悪用目的で登録される末尾を使っています',
  },
  explanation: {
    en:
      'The sender’s address ends in a top-level domain (such as .xyz, .top or .shop) that abuse statistics list among those most used ' +
      'for spam and phishing, because names there are cheap and rarely checked. Honest senders use them too, so this only matters together ' +
      'with other signs.',
    ja:
      '差出人アドレスのトップレベルドメイン（.xyz・.top・.shop など）は、安価で審査が緩いため、迷惑メールやフィッシングに最も多く使われる' +
      'ものとして統計に挙げられています。正当な送信者が使うこともあるため、他の兆候と組み合わさった場合にだけ意味を持ちます。',
  },
  severity: 'low',
  category: 'sender',
  check(_message, _policy, context) {
    const host = context.view.fromHost;
    if (!host || host.isIp || !host.registrable || context.view.fromTrusted) return undefined;
    const tld = (host.publicSuffix ?? '').split('.').pop() ?? '';
    if (!ABUSED_TLDS.has(tld)) return undefined;
    return {
      evidence: [
        {
          kind: 'header',
          name: 'From',
          value: host.unicode,
          meaning: { en: `The top-level domain .${tld} is among those most registered for abuse`, ja: `トップレベルドメイン「.${tld}」は、悪用目的の登録が最も多いもののひとつです。` },
        },
      ],
    };
  },
};

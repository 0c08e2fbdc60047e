// Nearly everything the message says is one link: the headline, the offer and the button sit inside
// a single <a>, so a click anywhere on the text opens the sender's page. Kits build prize, parcel
// and "bonus reserved" mail this way because whatever the reader clicks, they land on the lure (the
// same trick as a message that is one big linked picture, which image-only-body reads; Stewart Title's
// 2019 phishing warning describes the picture form). SpamAssassin's and rspamd's HTML_SHORT_LINK_IMG_*
// score the image side of that shape (a short HTML part whose message is a linked image); this rule
// reads the text side: the share of the visible text that one link holds (html.ts counts it).
//
// What it must leave alone:
// - newsletters and shop mail, whose product tiles are many small links beside text of their own
//   (the address, the unsubscribe sentence): no single link holds most of the text;
// - notifications with a button ("View message"): the button is a few words of the message;
// - a short note that pastes an address ("https://…", "www.…"): a written-out address is a link the
//   reader can read, so it is not counted;
// - very short messages (fewer than MIN_CHARACTERS), where any link is a large share;
// - plain-text mail and mail without HTML.
import type { Rule } from '../rule';

/** Fewer visible characters than this is too little text to call a share "most of it". */
const MIN_CHARACTERS = 40;
/** The share of the visible text inside one link from which the message is "one link". */
const ONE_LINK_SHARE = 0.8;

export const oneLinkBody: Rule = {
  id: 'one-link-body',
  title: {
    en: 'Almost all the text is one link',
    ja: '本文のほぼ全体が一つのリンクです',
  },
  explanation: {
    en: 'Clicking anywhere opens a web page. Do not click; if the message claims to be from a company you use, open its app or website yourself.',
    ja: 'どこを押してもWebページが開きます。クリックせず、利用している企業からの連絡だとしている場合は、公式アプリやWebサイトを自分で開いて確認してください。',
  },
  severity: 'low',
  category: 'structure',
  requires: ['body'],
  check(message) {
    // Both readers set it from the HTML body (mail/bodies.ts); absent without HTML.
    const linked = message.linkedText;
    if (!linked || linked.visible < MIN_CHARACTERS) return undefined;
    if (linked.inLargestLink < linked.visible * ONE_LINK_SHARE) return undefined;
    return {
      evidence: [
        {
          kind: 'note',
          text: {
            en: `${linked.inLargestLink} of ${linked.visible} characters of text are in one link`,
            ja: `本文${linked.visible}文字中${linked.inLargestLink}文字が一つのリンクです。`,
          },
        },
      ],
    };
  },
};

// Emoji and pictographs in the sender's name: "UPS ✔️", "Congratulations🎁", "Casino Rewards🤑🤑",
// "✅Höhle der Löwen". A check mark pretends the sender is verified; gifts, money bags and slot
// machines advertise the bait before the message is even opened. The same goes for a name that
// shouts or quotes a price: "Unser Geschenk an Sie!", "Du bist geeignet!", "$0 Heating Revolution!",
// "Entdecken Sie mit 70% Rabatt". Companies' account and delivery notices use their plain name.
// Some shops decorate marketing mail too, so this is only a low hint that counts together with
// other findings. Trademark signs (®, ™, ©) are not decoration, and neither is an exclamation mark
// inside a brand ("Yahoo!News").
import type { Rule } from '../rule';
import { claimedIdentities } from '../sender/identity';

const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const TRADEMARK = new Set(['©', '®', '™']);
/** An exclamation mark that ends a phrase (not one inside a brand like "Yahoo!News"). */
const EXCLAMATION = /[!！](?=\s|$|[!！.,-])/u;
/** A price or a percentage: "$0", "0,36$", "70%", "250 €". */
const PRICE = /[$€£¥]\s?\d|\d\s?(?:[$€£¥%]|％)/u;
const NAME_LIMIT = 256;

export const decoratedSenderName: Rule = {
  id: 'decorated-sender-name',
  title: {
    en: 'The sender’s name is decorated with emoji, check marks, exclamation marks or prices',
    ja: '差出人名に絵文字・チェックマーク・感嘆符・価格などの飾りが付いています',
  },
  explanation: {
    en:
      'The name shown as the sender contains emoji or symbols such as ✔️, 🎁 or 💰, exclamation marks or a price. A check mark is meant ' +
      'to make the sender look verified, and gifts, money or offers are bait; real notices from companies show their plain name. On its own ' +
      'this is only a small hint.',
    ja:
      '差出人名に ✔️・🎁・💰 などの絵文字や記号、感嘆符、価格が含まれています。チェックマークは認証済みの送信者に見せかけるため、プレゼントやお金、特価は' +
      '興味を引くための「餌」です。企業からの本物のお知らせは飾りのない名前を使います。これだけでは小さな手がかりです。',
  },
  severity: 'low',
  category: 'sender',
  technique: 'T1656',
  check(message) {
    for (const identity of claimedIdentities(message)) {
      const name = identity.name.slice(0, NAME_LIMIT);
      const symbols = [...new Set(Array.from(name.matchAll(PICTOGRAPH), (match) => match[0]))].filter((symbol) => !TRADEMARK.has(symbol));
      if (EXCLAMATION.test(name)) symbols.push('!');
      const price = PRICE.exec(name);
      if (price) symbols.push(price[0]);
      if (symbols.length === 0) continue;
      const shown = symbols.slice(0, 5).join(' ');
      const where = identity.field === 'sender.name' ? { en: 'sender name', ja: '代理送信者の名前' } : { en: 'display name', ja: '差出人の表示名' };
      return {
        evidence: [
          {
            kind: 'note',
            text: { en: `The ${where.en} "${name}" is decorated with ${shown}`, ja: `${where.ja}「${name}」に装飾の記号（${shown}）が使われています。` },
          },
        ],
      };
    }
    return undefined;
  },
};

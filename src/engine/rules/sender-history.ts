// Sender history: what the user's own mailbox remembers about this sender (message.senderHistory, looked
// up by the pane through Microsoft Graph). MirrorFace's lures came from a free-mail account opened under
// the name of someone the recipient already knew, a colleague, a former executive or an outside expert,
// writing "as" them for the first time. The recipient's mailbox holds the proof: that name has always
// written from another address, and this address never wrote before. This works for everyone the user
// corresponds with, not only the people IT listed in the policy.
//
// - First contact alone is informational, never a warning: people write for the first time every day.
// - First contact under the name of an established correspondent (three or more messages) from another
//   address is high; under a name seen only once or twice elsewhere, medium (it may be the same stranger).
// - An address that wrote only once or twice before, under the name of an established correspondent, is
//   medium: attackers follow up their first lure.
// Left alone: an address the user has written to (they know it), the organisation's own and trusted
// domains and known organisations' domains (authentication speaks for those), namesakes on the same
// domain as the sender unless it is free mail (one person's two addresses at one employer), mailing
// lists, names that are not a person's (see sender/namesakes.ts), and history for another address.
import type { Evidence, LocalizedText, Namesake } from '../model';
import type { Rule } from '../rule';
import { namesakeMatcher } from '../sender/namesakes';
import { hasListHeaders, hostOfAddress, isFreemail, registrableOf } from '../sender/identity';
import { isLegitimateHost } from '../sender/protected-domains';

/** A correspondent who wrote three times is someone the reader knows; once or twice could be anyone. */
export const ESTABLISHED_MESSAGES = 3;
/** Earlier messages from this address up to which it still counts as new (a first lure and its follow-up). */
export const FEW_EARLIER_MESSAGES = 2;
/** Namesakes shown; the first ones (most messages) make the case, more would not be read. */
const MAX_NAMESAKES = 3;
/** Names from the mailbox are hostile text too; a name is short. */
const NAME_LIMIT = 100;

function yearOf(iso: string | undefined): string | undefined {
  return iso && /^\d{4}-/.test(iso) ? iso.slice(0, 4) : undefined;
}

function messagesText(count: number, more: boolean | undefined, since: string | undefined): LocalizedText {
  const year = yearOf(since);
  const en = `${more ? 'at least ' : ''}${count} message${count === 1 ? '' : 's'}${year ? ` since ${year}` : ''}`;
  const ja = `${year ? `${year}年以降` : ''}${count}件${more ? '以上' : ''}`;
  return { en, ja };
}

function namesakeNote(namesake: Namesake): Evidence {
  const name = namesake.name.slice(0, NAME_LIMIT);
  const messages = messagesText(namesake.count, namesake.more, namesake.since);
  const usual = namesake.count >= ESTABLISHED_MESSAGES;
  return {
    kind: 'note',
    text: usual
      ? { en: `${name} usually writes from ${namesake.address} (${messages.en})`, ja: `「${name}」は普段 ${namesake.address} から送信しています（${messages.ja}）。` }
      : { en: `${name} has written from ${namesake.address} (${messages.en})`, ja: `「${name}」は ${namesake.address} から送信したことがあります（${messages.ja}）。` },
  };
}

function noveltyNote(earlier: number, since: string | undefined, neverWritten: boolean): Evidence {
  if (earlier === 0) {
    return {
      kind: 'note',
      text: neverWritten
        ? { en: 'First message from this address; you have never written to it', ja: 'このアドレスからの初めてのメールです。あなたから送信したこともありません。' }
        : { en: 'First message from this address', ja: 'このアドレスからの初めてのメールです。' },
    };
  }
  const messages = messagesText(earlier, false, since);
  return {
    kind: 'note',
    text: { en: `Only ${messages.en} from this address before this one`, ja: `このアドレスからのメールは、これまで${messages.ja}だけです。` },
  };
}

export const senderHistory: Rule = {
  id: 'sender-history',
  title: {
    en: 'You have had little or no mail from this address before',
    ja: 'このアドレスからのメールは、これまでほとんど（または一度も）届いていません',
  },
  explanation: {
    en:
      'Your own mailbox has no earlier messages from this address, or only one or two. On its own that is normal: people write ' +
      'for the first time every day. It matters when the name is someone who writes to you from a different address: attackers ' +
      'open a free-mail account under the name of a colleague or an expert you know and write as if they were that person. If the ' +
      'evidence shows the person usually writes from another address, do not reply to this one; contact them at the address you know.',
    ja:
      'あなたのメールボックスには、このアドレスからの過去のメールがない（または1～2件しかない）状態です。それだけなら珍しいことではありません。' +
      '問題になるのは、その名前の人物が普段は別のアドレスから送ってくる場合です。攻撃者は、同僚や付き合いのある有識者の名前で' +
      'フリーメールのアカウントを作り、本人になりすまして送ってきます。普段は別のアドレスを使う人物だと分かった場合は、このアドレスには' +
      '返信せず、以前から知っているアドレスで本人に連絡してください。',
  },
  severity: 'high',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    const history = message.senderHistory;
    const from = message.from;
    if (!history || !from?.address || history.address !== from.address.toLowerCase()) return undefined;
    if (history.unchecked?.includes('received') || hasListHeaders(message)) return undefined;
    const host = context.view.fromHost;
    if (context.view.fromTrusted || isLegitimateHost(host, policy)) return undefined;
    // An address the user writes to is one they know, whatever name it uses.
    if (history.sent.count > 0) return undefined;
    const earlier = history.received.count;
    if (earlier > FEW_EARLIER_MESSAGES || history.received.more) return undefined;
    const neverWritten = !history.unchecked?.includes('sent');

    const sameName = namesakeMatcher(from.name, policy);
    const ownRegistrable = host && !isFreemail(host, policy) ? registrableOf(host) : undefined;
    const namesakes = sameName
      ? history.namesakes
          .filter((namesake) => {
            if (namesake.address === history.address || namesake.count < 1 || !sameName(namesake.name)) return false;
            const namesakeHost = hostOfAddress(namesake.address);
            return !ownRegistrable || !namesakeHost || registrableOf(namesakeHost) !== ownRegistrable;
          })
          .sort((a, b) => b.count - a.count)
          .slice(0, MAX_NAMESAKES)
      : [];
    const top = namesakes[0];

    if (!top || (earlier > 0 && top.count < ESTABLISHED_MESSAGES)) {
      // Nothing else known about the name: a first contact is worth knowing, not worth a warning.
      return earlier === 0 ? { evidence: [noveltyNote(0, undefined, neverWritten)], informational: true } : undefined;
    }
    const evidence: Evidence[] = [
      {
        kind: 'impersonation',
        field: 'from.name',
        value: from.name,
        claimed: top.name.slice(0, NAME_LIMIT),
        expected: namesakes.map((namesake) => namesake.address),
        actual: from.address,
      },
      noveltyNote(earlier, history.received.since, neverWritten),
      ...namesakes.map(namesakeNote),
    ];
    const high = earlier === 0 && top.count >= ESTABLISHED_MESSAGES;
    return { evidence, severity: high ? 'high' : 'medium' };
  },
};

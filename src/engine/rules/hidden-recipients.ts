// Nobody visible is addressed: no To or Cc at all, "undisclosed-recipients:;", or the sender
// writing to itself, with the real recipients in Bcc. That is how bulk scams reach thousands of
// people at once; it is also how a secretary sends an announcement, so it is only a low hint that
// counts together with other findings. Mailing lists (which put the list in To) are left alone.
import type { MailMessage } from '../model';
import type { Rule } from '../rule';
import { hasListHeaders } from './sender-context';

/** True when no recipient other than the sender itself is visible in To or Cc. */
export function recipientsHidden(message: MailMessage): boolean {
  const from = message.from?.address.toLowerCase() ?? '';
  const visible = [...message.to, ...message.cc].slice(0, 200).filter((entry) => entry.address.includes('@') && !/undisclosed/i.test(entry.name));
  if (visible.length === 0) return true;
  return from !== '' && visible.every((entry) => entry.address.toLowerCase() === from);
}

export const hiddenRecipients: Rule = {
  id: 'hidden-recipients',
  title: {
    en: 'The recipients are hidden (sent by Bcc)',
    ja: '宛先が隠されています（Bccでの送信）',
  },
  explanation: {
    en:
      'The message shows no recipients, or shows the sender writing to itself: everyone, including you, received it as a blind copy. ' +
      'Bulk scams are sent this way. Colleagues sometimes send announcements like this too, so it only matters together with other findings.',
    ja:
      '宛先が表示されていないか、差出人が自分自身に送っている形で、あなたを含む全員がBccで受信しています。一斉送信の詐欺メールでよく使われる方法です。' +
      '社内のお知らせでも使われることがあるため、他の問題と組み合わさった場合にだけ意味を持ちます。',
  },
  severity: 'low',
  category: 'sender',
  check(message) {
    if (hasListHeaders(message) || !message.from || !recipientsHidden(message)) return undefined;
    const shown = [...message.to, ...message.cc].map((entry) => entry.address || entry.name).filter(Boolean).slice(0, 3).join(', ');
    return { evidence: [{ kind: 'header', name: 'To', value: shown || '(none)', meaning: { en: 'No recipient is visible: the message was sent by Bcc', ja: '宛先が表示されていません（Bccで送信されています）。' } }] };
  },
};

// Nobody visible is addressed: no To or Cc at all, "undisclosed-recipients:;", the sender
// writing to itself, or only a mailbox that reads nothing ("To: noreply_emails1123@billing.example"),
// with the real recipients in Bcc. That is how bulk scams reach thousands of
// people at once; it is also how a secretary sends an announcement, so it is only a low hint that
// counts together with other findings.
//
// What it must leave alone:
// - mailing lists (which put the list in To);
// - replies within a conversation (In-Reply-To or References): a list or a colleague copied you
//   into a thread you are part of, while bulk scams open conversations (a forged "RE:" subject
//   without these headers still counts);
// - newsletters that announce themselves as bulk mail (Precedence: bulk or list) and write to their
//   own address: the subscribers are the Bcc by design;
// - bounces and other mail from a mail system's own mailbox (MAILER-DAEMON, postmaster), which
//   address the postmaster or nobody;
// - a header block no mail server wrote (no Received line: a draft, an archive's excerpt of a few
//   fields): a missing To there is a field left out, not a Bcc. Every delivered message carries
//   Received lines (RFC 5321 section 4.4). When the source gave no headers at all (Outlook could not
//   read them), the recipients it reports are still judged.
import type { MailMessage } from '../model';
import type { Rule } from '../rule';
import { fromSystemMailbox, hasListHeaders, headerValues } from '../sender/identity';

/** Mailboxes named to receive nothing: "noreply", "no-reply.emails1038", "do_not_reply". */
const NO_REPLY_MAILBOX = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply)(?:[-_.+][^@]{0,64})?@/i;
/** Precedence values with which bulk senders mark their own mailings (RFC 2076). */
const BULK_PRECEDENCE = /^\s*(?:bulk|list)\b/i;

/** A reply in an existing conversation, a self-declared bulk mailing, a mail system's own message, or headers no server wrote. */
function bccByDesign(message: MailMessage): boolean {
  if (fromSystemMailbox(message)) return true;
  if (message.headers.length > 0 && headerValues(message, 'Received').length === 0) return true;
  if (headerValues(message, 'In-Reply-To').some((value) => value.trim()) || headerValues(message, 'References').some((value) => value.trim())) return true;
  return headerValues(message, 'Precedence').some((value) => BULK_PRECEDENCE.test(value));
}

/** True when no recipient other than the sender itself or a no-reply mailbox is visible in To or Cc. */
export function recipientsHidden(message: MailMessage): boolean {
  const from = message.from?.address.toLowerCase() ?? '';
  const visible = [...message.to, ...message.cc].slice(0, 200).filter((entry) => entry.address.includes('@') && !/undisclosed/i.test(entry.name));
  if (visible.length === 0) return true;
  return visible.every((entry) => (from !== '' && entry.address.toLowerCase() === from) || NO_REPLY_MAILBOX.test(entry.address));
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
    if (hasListHeaders(message) || !message.from || !recipientsHidden(message) || bccByDesign(message)) return undefined;
    const shown = [...message.to, ...message.cc].map((entry) => entry.address || entry.name).filter(Boolean).slice(0, 3).join(', ');
    return { evidence: [{ kind: 'header', name: 'To', value: shown || '(none)', meaning: { en: 'No recipient is visible: the message was sent by Bcc', ja: '宛先が表示されていません（Bccで送信されています）。' } }] };
  },
};

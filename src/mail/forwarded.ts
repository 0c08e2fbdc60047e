// The originals a message forwards, read as messages of their own: an attached message/rfc822
// part (full headers: its sender, its authentication results as they were, its attachments), or an
// inline block that mail programs write when forwarding ("---------- Forwarded message ---------",
// "Begin forwarded message:", 「転送メッセージ」, Outlook's "-----Original Message-----" under an
// FW: subject). A colleague who forwards a lure asking "is this real?" should get the verdict of
// the lure, not of the colleague. Bounded: at most MAX_FORWARDED originals per message, nested at
// most MAX_FORWARD_DEPTH deep, inline blocks only searched in the first INLINE_SEARCH characters.
import type { ForwardedMessage, MailAttachment, MailMessage } from '../engine/model';
import { parseAddressList } from './headers';
import { extractLinks } from './links';

export const MAX_FORWARDED = 5;
export const MAX_FORWARD_DEPTH = 3;
/** Forward markers are near the top of the forwarder's text. */
const INLINE_SEARCH = 20_000;
/** Header lines read after a marker; forwarders quote four to six. */
const MAX_QUOTED_HEADERS = 12;

/** Marker lines of forwards, by mail program and language. Each alternative is bounded and anchored to one line. */
const FORWARD_MARKER =
  /^[ \t>]{0,8}(?:-{2,20}\s{0,3}(?:forwarded message|original message|転送メッセージ|転送されたメッセージ|転送済みメッセージ|元のメッセージ|message transféré|weitergeleitete nachricht|mensaje reenviado)\s{0,3}-{2,20}|begin forwarded message:|[-=_]{2,20}\s{0,3}(?:以下、?)?転送(?:メール|します)?\s{0,3}[-=_]{2,20})[ \t\r]{0,8}$/im;
/** Outlook separates the quoted header with a rule of underscores and nothing else. */
const OUTLOOK_RULE = /^_{20,40}[ \t\r]{0,4}$/m;
/** Subjects of forwards: FW:, Fwd:, TR:, WG:, RV:, 転送:. */
const FORWARD_SUBJECT = /^\s{0,4}(?:\[[^\]]{0,40}\]\s{0,2})?(?:fwd?|tr|wg|rv|enc|転送|転)\s{0,2}[:：]/i;

type QuotedField = 'from' | 'to' | 'cc' | 'subject' | 'date';

/**
 * Header names forwarders write: English and Japanese, and the labels Outlook and Gmail use in the
 * other languages their users forward from (German, French, Spanish, Portuguese, Italian, Dutch), as
 * their localised interfaces show them.
 */
const QUOTED_FIELDS: ReadonlyArray<[RegExp, QuotedField]> = [
  [/^(?:from|von|de|da|van|差出人|送信者|送信元)$/i, 'from'],
  [/^(?:to|an|à|a|para|aan|宛先|宛て先|受信者)$/i, 'to'],
  [/^(?:cc|kopie|cc ?\(同報\)|ｃｃ)$/i, 'cc'],
  [/^(?:subject|betreff|objet|asunto|assunto|oggetto|onderwerp|件名|題名)$/i, 'subject'],
  [/^(?:date|sent|datum|gesendet|envoyé|enviado|inviato|verzonden|data|日付|送信日時|日時)$/i, 'date'],
];

function quotedField(name: string): QuotedField | undefined {
  const key = name.trim().replace(/\*/g, '');
  for (const [pattern, field] of QUOTED_FIELDS) if (pattern.test(key)) return field;
  return undefined;
}

function emptyForwarded(): MailMessage {
  return { replyTo: [], to: [], cc: [], subject: '', headers: [], text: '', links: [], attachments: [], missing: ['headers', 'attachmentContent'] };
}

/**
 * The forwarded original that starts at `start` (just after its marker line): its quoted header
 * lines, then its text up to the end (nested forwards are read from that text in turn).
 */
function readInlineOriginal(text: string, start: number): MailMessage | undefined {
  const message = emptyForwarded();
  let position = start;
  let fields = 0;
  for (let lines = 0; lines < MAX_QUOTED_HEADERS + 4 && position < text.length; lines++) {
    const end = text.indexOf('\n', position);
    // Text bodies keep their CRLF line ends; the quoted header is read without them.
    const line = text.slice(position, end < 0 ? text.length : end).replace(/^[ \t>]{0,8}/, '').replace(/\r$/, '');
    const next = end < 0 ? text.length : end + 1;
    if (!line.trim()) {
      position = next;
      if (fields > 0) break;
      continue;
    }
    const colon = /^([^:：]{1,24})[:：][ \t]{0,4}(.{0,1000})$/.exec(line);
    const field = colon ? quotedField(colon[1]) : undefined;
    if (!colon || !field) break;
    const value = colon[2].trim();
    message.headers.push({ name: colon[1].trim(), value });
    if (field === 'from') message.from = parseAddressList(value)[0] ?? { name: value, address: '' };
    else if (field === 'to') message.to = parseAddressList(value);
    else if (field === 'cc') message.cc = parseAddressList(value);
    else if (field === 'subject') message.subject = value;
    else message.date = value;
    fields++;
    position = next;
  }
  // Without a quoted sender this is not a forwarded message but a line that happens to look like a marker.
  if (!message.from || fields < 2) return undefined;
  message.text = text.slice(position).replace(/^(?:>[ \t]?)/gm, '');
  message.links = extractLinks(undefined, message.text);
  return message;
}

/** The first inline forwarded original in `text`, if the text forwards one. */
export function inlineForward(text: string, subject: string): MailMessage | undefined {
  const head = text.slice(0, INLINE_SEARCH);
  const marker = FORWARD_MARKER.exec(head);
  if (marker) {
    // "Original Message" is also how replies quote; only a forward's subject makes it one.
    if (/original message|元のメッセージ/i.test(marker[0]) && !FORWARD_SUBJECT.test(subject)) return undefined;
    return readInlineOriginal(text, marker.index + marker[0].length + 1);
  }
  if (FORWARD_SUBJECT.test(subject)) {
    const rule = OUTLOOK_RULE.exec(head);
    if (rule) return readInlineOriginal(text, rule.index + rule[0].length + 1);
  }
  return undefined;
}

export function isAttachedMessage(attachment: MailAttachment): boolean {
  const type = attachment.contentType.split(';', 1)[0].trim().toLowerCase();
  return type === 'message/rfc822' || type === 'message/global' || (/\.eml$/i.test(attachment.name) && type === 'application/octet-stream');
}

/**
 * The originals `message` forwards. `parse` reads an attached message (parseEml, passed in to keep
 * this module free of the parser it is called from); `depth` counts the forwards already entered.
 * Attachments of the original stay listed on the forwarding message too (its readers can open them).
 */
export async function findForwarded(message: MailMessage, parse: (bytes: Uint8Array, depth: number) => Promise<MailMessage>, depth: number): Promise<ForwardedMessage[]> {
  if (depth >= MAX_FORWARD_DEPTH) return [];
  const found: ForwardedMessage[] = [];
  for (const attachment of message.attachments.slice(0, 100)) {
    if (found.length >= MAX_FORWARDED) break;
    if (!attachment.content || !isAttachedMessage(attachment)) continue;
    found.push({ how: 'attached', message: await parse(attachment.content, depth + 1) });
  }
  if (found.length < MAX_FORWARDED) {
    let inline = inlineForward(message.text, message.subject);
    for (let level = depth; inline && level < MAX_FORWARD_DEPTH && found.length < MAX_FORWARDED; level++) {
      found.push({ how: 'inline', message: inline });
      inline = inlineForward(inline.text, inline.subject || 'Fwd:');
    }
  }
  return found;
}

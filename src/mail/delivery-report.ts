// Delivery status notifications (RFC 3464): the report a mail server sends back when it could not
// deliver a message. They come from MAILER-DAEMON with a null envelope sender, so SPF is judged on
// the server's name and nothing aligns with From by design; the original they return is our own
// outgoing mail, not a message sent to us. Recognised by structure, never by wording: the top-level
// type multipart/report; report-type=delivery-status, a message/delivery-status part, or returned
// mail in the older shape many servers still send (isReturnedMail).
import type { MailMessage } from '../engine/model';

/** Content-Type values read this far; real ones are short. */
const MAX_VALUE = 2000;

function topContentType(message: MailMessage): string {
  return message.headers.find((header) => header.name.toLowerCase() === 'content-type')?.value.slice(0, MAX_VALUE).toLowerCase() ?? '';
}

/**
 * Any report a mail system writes about another message (RFC 6522 multipart/report: delivery
 * status, read receipts, abuse feedback). The message it encloses is the one reported on, usually
 * our own outgoing mail, never a message sent to the reader.
 */
export function isMailSystemReport(message: MailMessage): boolean {
  return /^\s*multipart\/report\s*;/.test(topContentType(message)) || isDeliveryReport(message);
}

/** Mailboxes of mail systems themselves (RFC 5321 postmaster, the bounce daemon). */
const SYSTEM_MAILBOX = /^(?:mailer-daemon|postmaster)@/i;
/** Parts that enclose a returned message or its header. */
const RETURNED_PART = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global-headers']);

/**
 * Returned mail written before RFC 3464, or by servers that ignore it (Amazon WorkMail, qmail, old
 * Exim and Domino): multipart/mixed from the mail system's own mailbox, the returned message attached
 * as message/rfc822. A bounce is sent with the null envelope sender ("Return-Path: <>"); a message
 * with a real envelope sender that is not a mail system's is someone dressing up as one, and stays an
 * ordinary message, so a lure attached to a fake bounce is still judged.
 */
export function isReturnedMail(message: MailMessage): boolean {
  if (!SYSTEM_MAILBOX.test(message.from?.address.trim() ?? '')) return false;
  const returnPath = message.headers.find((header) => header.name.toLowerCase() === 'return-path')?.value.slice(0, MAX_VALUE).replace(/[<>\s]/g, '');
  if (returnPath && !/^(?:mailer-daemon|postmaster)(?:@|$)/i.test(returnPath)) return false;
  return message.attachments.slice(0, 100).some((attachment) => RETURNED_PART.has(attachment.contentType.split(';', 1)[0].trim().toLowerCase()));
}

export function isDeliveryReport(message: MailMessage): boolean {
  if (isReturnedMail(message)) return true;
  const contentType = topContentType(message);
  if (/^\s*multipart\/report\s*;/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) return true;
  return message.attachments.slice(0, 100).some((attachment) => attachment.contentType.split(';', 1)[0].trim().toLowerCase() === 'message/delivery-status');
}

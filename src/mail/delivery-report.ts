// Delivery status notifications (RFC 3464): the report a mail server sends back when it could not
// deliver a message. They come from MAILER-DAEMON with a null envelope sender, so SPF is judged on
// the server's name and nothing aligns with From by design; the original they return is our own
// outgoing mail, not a message sent to us. Recognised by structure, never by wording: the top-level
// type multipart/report; report-type=delivery-status, or a message/delivery-status part.
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

export function isDeliveryReport(message: MailMessage): boolean {
  const contentType = topContentType(message);
  if (/^\s*multipart\/report\s*;/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) return true;
  return message.attachments.slice(0, 100).some((attachment) => attachment.contentType.split(';', 1)[0].trim().toLowerCase() === 'message/delivery-status');
}

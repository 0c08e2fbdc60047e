// The console's view of a message's content (body text, links, raw header fields), bounded by
// CONTENT_LIMITS. Computed once at intake (in an analysis worker) and stored, so opening a report
// never parses the stored original again.
import type { MailMessage } from '../../engine/model';
import { CONTENT_LIMITS, type ReportContent } from '../schemas';
import { cutText } from '../store/limits';

export function messageContent(message: MailMessage): ReportContent {
  const headers: ReportContent['headers'] = [];
  let headerChars = 0;
  for (const field of message.headers) {
    if (headers.length >= CONTENT_LIMITS.headers) break;
    const name = cutText(field.name, CONTENT_LIMITS.headerNameChars);
    const room = CONTENT_LIMITS.headerTotalChars - headerChars - name.length;
    if (room <= 0) break;
    const value = cutText(field.value, Math.min(CONTENT_LIMITS.headerValueChars, room));
    headerChars += name.length + value.length;
    headers.push({ name, value });
  }
  return {
    text: cutText(message.text, CONTENT_LIMITS.textChars),
    textLength: message.text.length,
    textTruncated: message.text.length > CONTENT_LIMITS.textChars,
    hasHtml: Boolean(message.html),
    links: message.links.slice(0, CONTENT_LIMITS.links).map((link) => ({
      href: cutText(link.href, CONTENT_LIMITS.hrefChars),
      text: cutText(link.text, CONTENT_LIMITS.linkTextChars),
      source: link.source,
    })),
    linkCount: message.links.length,
    headers,
    headerCount: message.headers.length,
    missing: [...message.missing],
  };
}

/** What the console shows when the message could not be read at all. */
export function emptyContent(missing: string[]): ReportContent {
  return { text: '', textLength: 0, textTruncated: false, hasHtml: false, links: [], linkCount: 0, headers: [], headerCount: 0, missing };
}

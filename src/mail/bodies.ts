// What both readers of a message take from its bodies: the .eml parser (CLI, service) and the Office
// item (the task pane). One function, so the pane's rules read the same fields as everywhere else;
// before it, the pane had no HTML reading and its HTML rules (hidden text, image-only and one-link
// bodies, hash-buster attributes) stayed silent there.
import type { MailMessage } from '../engine/model';
import { readHtml } from './html';
import { extractLinks } from './links';

export type BodyFields = Pick<MailMessage, 'text' | 'html' | 'hiddenText' | 'htmlText' | 'imageCount' | 'linkedText' | 'links'>;

/** `ownText` is the text/plain body ('' when there is none); the HTML's text stands in for it then. */
export function readBodies(html: string | undefined, ownText: string): BodyFields {
  const reading = html ? readHtml(html) : undefined;
  // Text derived from the HTML repeats each anchor's text; extractLinks reads the HTML's own text then.
  const fields: BodyFields = { text: ownText || (reading?.text ?? ''), links: extractLinks(html, ownText || undefined) };
  if (html) fields.html = html;
  if (reading) {
    if (reading.hidden) fields.hiddenText = reading.hidden;
    if (ownText) fields.htmlText = reading.text;
    fields.imageCount = reading.images;
    fields.linkedText = reading.linkedText;
  }
  return fields;
}

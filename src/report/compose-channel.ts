// The compose fallback: open Outlook's new-message form addressed to the security mailbox, with the
// findings in the body and the reported item attached. The user has to press Send; we say so.
import type { ComposeForm } from './item';

/** Outlook's limit for htmlBody in displayNewMessageForm is 32 KB; stay clear of it. */
const MAX_HTML_BODY = 30_000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/** Plain text as a minimal HTML body: every character escaped, line breaks kept. */
export function textToHtmlBody(text: string): string {
  const lines = text.split('\n');
  let html = '';
  for (const line of lines) {
    const next = `${escapeHtml(line)}<br>`;
    if (html.length + next.length > MAX_HTML_BODY) {
      html += '…';
      break;
    }
    html += next;
  }
  return `<div>${html}</div>`;
}

export interface ComposeReport {
  to: string;
  subject: string;
  summary: string;
  itemId?: string;
  /** Name the attached item gets; Outlook requires one. */
  attachmentName: string;
}

/** Opens the prefilled form. Throws when Outlook refuses (the caller reports that honestly). */
export async function openComposeReport(form: ComposeForm, report: ComposeReport): Promise<void> {
  await form.open({
    to: [report.to],
    subject: report.subject,
    htmlBody: textToHtmlBody(report.summary),
    ...(report.itemId ? { attachItem: { itemId: report.itemId, name: report.attachmentName } } : {}),
  });
}

// Office.js behind the small interfaces the report code uses (item.ts). Works in the task pane and in
// classic Outlook's JavaScript-only runtime: nothing here runs at module load, and only Office.js APIs
// (no DOM) are touched.
import { mailboxSupports } from '../office/requirements';
import type { AttachmentContent, ClientInfo, ComposeForm, ItemAttachmentInfo, ReportItem, ReporterIdentity } from './item';

/** Highest Mailbox requirement set we ask about (client info for the security team). */
const MAILBOX_MINOR_MAX = 15;

export class OfficeCallError extends Error {
  constructor(
    readonly operation: string,
    readonly code: number | undefined,
  ) {
    super(`Outlook could not ${operation}${code !== undefined ? ` (error ${code})` : ''}`);
    this.name = 'OfficeCallError';
  }
}

/** Turns an Office callback API into a promise. */
export function officeAsync<T>(operation: string, call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      call((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new OfficeCallError(operation, result.error?.code));
      });
    } catch {
      reject(new OfficeCallError(operation, undefined));
    }
  });
}

/** Every Mailbox API beyond 1.1 is used only behind this check (the typeof checks after it only guard fakes). */
const supports = (version: string) => mailboxSupports(version);

function mailboxOf(details: Office.EmailAddressDetails | undefined): { name?: string; address: string } | undefined {
  if (!details?.emailAddress) return undefined;
  return { address: details.emailAddress, ...(details.displayName ? { name: details.displayName } : {}) };
}

function attachmentKind(type: Office.MailboxEnums.AttachmentType | string): ItemAttachmentInfo['kind'] {
  const value = String(type).toLowerCase();
  return value === 'item' ? 'item' : value === 'cloud' ? 'cloud' : 'file';
}

function contentFormat(format: Office.MailboxEnums.AttachmentContentFormat | string): AttachmentContent['format'] {
  const value = String(format).toLowerCase();
  if (value === 'eml' || value === 'url' || value === 'icalendar') return value;
  return 'base64';
}

/** The message open in Outlook (read mode), or undefined when there is none (e.g. nothing selected). */
export function officeReportItem(mailbox: Office.Mailbox = Office.context.mailbox): ReportItem | undefined {
  const item = mailbox?.item as Office.MessageRead | undefined;
  if (!item || item.itemType !== Office.MailboxEnums.ItemType.Message) return undefined;
  let restId: string | undefined;
  if (item.itemId && supports('1.3')) {
    try {
      restId = mailbox.convertToRestId(item.itemId, Office.MailboxEnums.RestVersion.v2_0);
    } catch {
      restId = undefined;
    }
  }
  const date = item.dateTimeCreated instanceof Date ? item.dateTimeCreated : undefined;
  return {
    itemId: item.itemId || undefined,
    restId,
    subject: typeof item.subject === 'string' ? item.subject : '',
    internetMessageId: item.internetMessageId || undefined,
    from: mailboxOf(item.from),
    sender: mailboxOf(item.sender),
    to: (item.to ?? []).map(mailboxOf).filter((value): value is NonNullable<typeof value> => !!value),
    cc: (item.cc ?? []).map(mailboxOf).filter((value): value is NonNullable<typeof value> => !!value),
    date,
    attachments: (item.attachments ?? []).map((attachment) => ({
      id: attachment.id,
      name: attachment.name ?? '',
      contentType: attachment.contentType ?? 'application/octet-stream',
      size: attachment.size ?? 0,
      isInline: !!attachment.isInline,
      kind: attachmentKind(attachment.attachmentType),
    })),
    async getAsFile() {
      // Mailbox 1.14.
      if (!supports('1.14') || typeof item.getAsFileAsync !== 'function') return undefined;
      const value = await officeAsync<string>('get the message file', (callback) => item.getAsFileAsync(callback));
      return value || undefined;
    },
    async getAllHeaders() {
      // Mailbox 1.8.
      if (!supports('1.8') || typeof item.getAllInternetHeadersAsync !== 'function') return undefined;
      return officeAsync<string>('get the message headers', (callback) => item.getAllInternetHeadersAsync(callback));
    },
    async getBody(format) {
      const coercion = format === 'html' ? Office.CoercionType.Html : Office.CoercionType.Text;
      return officeAsync<string>('get the message body', (callback) => item.body.getAsync(coercion, callback));
    },
    async sharedMailbox() {
      // Mailbox 1.8 (shared folders), 1.13 (shared mailboxes). For an item in the user's own mailbox
      // Outlook answers with an error, which means "not shared".
      if (!supports('1.8') || typeof item.getSharedPropertiesAsync !== 'function') return undefined;
      try {
        const shared = await officeAsync<Office.SharedProperties>('get the shared mailbox', (callback) => item.getSharedPropertiesAsync(callback));
        return shared?.owner || undefined;
      } catch {
        return undefined;
      }
    },
    async getAttachmentContent(id) {
      // Mailbox 1.8; the rebuilt message names an attachment it could not include.
      if (!supports('1.8')) throw new OfficeCallError('get an attachment', undefined);
      const content = await officeAsync<Office.AttachmentContent>('get an attachment', (callback) => item.getAttachmentContentAsync(id, callback));
      return { format: contentFormat(content.format), content: content.content };
    },
  };
}

export function officeReporterIdentity(mailbox: Office.Mailbox = Office.context.mailbox): ReporterIdentity {
  const profile = mailbox?.userProfile;
  return { address: profile?.emailAddress ?? '', ...(profile?.displayName ? { name: profile.displayName } : {}) };
}

export function officeClientInfo(addinVersion?: string): ClientInfo {
  const diagnostics = Office.context?.diagnostics;
  const requirementSets: string[] = [];
  for (let minor = 1; minor <= MAILBOX_MINOR_MAX; minor++) {
    if (supports(`1.${minor}`)) requirementSets.push(`Mailbox 1.${minor}`);
  }
  return {
    ...(diagnostics?.host ? { host: String(diagnostics.host) } : {}),
    ...(diagnostics?.platform ? { platform: String(diagnostics.platform) } : {}),
    ...(diagnostics?.version ? { version: diagnostics.version } : {}),
    requirementSets,
    ...(addinVersion ? { addinVersion } : {}),
  };
}

/** Outlook's new-message form, when this host has it (Mailbox 1.6, which brought attachments to it). */
export function officeComposeForm(mailbox: Office.Mailbox = Office.context.mailbox): ComposeForm | undefined {
  if (!supports('1.6') || typeof mailbox?.displayNewMessageForm !== 'function') return undefined;
  return {
    async open(form) {
      mailbox.displayNewMessageForm({
        toRecipients: form.to,
        subject: form.subject,
        htmlBody: form.htmlBody,
        ...(form.attachItem ? { attachments: [{ type: 'item', itemId: form.attachItem.itemId, name: form.attachItem.name }] } : {}),
      });
    },
  };
}

/** Outlook's display language, e.g. "ja-JP". */
export function officeDisplayLanguage(): string | undefined {
  try {
    return Office.context.displayLanguage;
  } catch {
    return undefined;
  }
}

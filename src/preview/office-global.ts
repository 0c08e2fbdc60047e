// PREVIEW PAGE ONLY. The report code (src/report/office-item.ts) and readMessage's default requirement
// check read the global `Office` (Office.context.requirements, Office.AsyncResultStatus,
// Office.MailboxEnums, Office.CoercionType, Office.context.diagnostics). Outside Outlook there is no
// office.js (and this page must work offline), so the preview entry installs this minimal global over
// its fake mailbox. Nothing else in the product installs or relies on it.
import type { PreviewMailbox } from './fake-mailbox';

/** Requirement sets Outlook on the web offers today; the preview claims the same. */
export const PREVIEW_MAILBOX_MINOR = 14;

export function previewIsSetSupported(name: string, version: string): boolean {
  if (name.toLowerCase() !== 'mailbox') return false;
  const [major, minor] = version.split('.').map(Number);
  return major === 1 && Number.isInteger(minor) && minor >= 0 && minor <= PREVIEW_MAILBOX_MINOR;
}

export interface PreviewOfficeGlobal {
  AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
  CoercionType: { Text: 'text'; Html: 'html' };
  EventType: { ItemChanged: 'olkItemSelectedChanged'; OfficeThemeChanged: 'officeThemeChanged' };
  MailboxEnums: {
    ItemType: { Message: 'message'; Appointment: 'appointment' };
    RestVersion: { v1_0: 'v1.0'; v2_0: 'v2.0'; Beta: 'beta' };
    AttachmentType: { File: 'file'; Item: 'item'; Cloud: 'cloud' };
    AttachmentContentFormat: { Base64: 'base64'; Url: 'url'; Eml: 'eml'; ICalendar: 'iCalendar' };
  };
  context: {
    mailbox: PreviewMailbox;
    displayLanguage: string;
    /** Outlook's theme colours: the mailbox's, so switching the theme there is seen here. */
    readonly officeTheme: PreviewMailbox['officeTheme'];
    diagnostics: { host: string; platform: string; version: string };
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

/**
 * Installs the global (replacing an earlier preview one, never a real office.js) and returns it, so the
 * page can update displayLanguage when the user switches language.
 */
export function installPreviewOffice(mailbox: PreviewMailbox, displayLanguage: string): PreviewOfficeGlobal {
  const scope = globalThis as { Office?: unknown };
  const existing = scope.Office as (PreviewOfficeGlobal & { __lureLensPreview?: boolean }) | undefined;
  if (existing && !existing.__lureLensPreview) throw new Error('A real Office.js is loaded; the preview global must not replace it');
  const info = { host: 'Outlook', platform: 'OfficeOnline' };
  const office: PreviewOfficeGlobal & { __lureLensPreview: true } = {
    __lureLensPreview: true,
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    },
    context: {
      mailbox,
      displayLanguage,
      get officeTheme() {
        return mailbox.officeTheme;
      },
      diagnostics: { host: 'Outlook', platform: 'OfficeOnline', version: 'Lure Lens preview' },
      requirements: { isSetSupported: (name, version = '1.1') => previewIsSetSupported(name, version) },
    },
    onReady(callback) {
      return new Promise((resolve) => {
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0);
      });
    },
  };
  scope.Office = office;
  return office;
}

export function removePreviewOffice(): void {
  const scope = globalThis as { Office?: { __lureLensPreview?: boolean } };
  if (scope.Office?.__lureLensPreview) delete scope.Office;
}

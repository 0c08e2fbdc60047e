// An in-page stand-in for Office.context.mailbox, built from raw .eml bytes, so the real task pane and
// the real reporter run in a browser without Outlook. It implements what src/office (readMessage,
// createOfficeMessageSource) and src/report (officeReportItem, officeReporterIdentity,
// officeComposeForm) call, answering the way Outlook does:
// - every *Async call answers later (never synchronously) with { status, value, error };
// - getAsFileAsync gives the exact bytes of the .eml (base64), getAllInternetHeadersAsync the header
//   block as received, body.getAsync the text or the HTML (a text-only message comes back wrapped in
//   HTML, as Outlook does);
// - attachments carry details only; their bytes come from getAttachmentContentAsync;
// - selecting another message fires ItemChanged to every handler, like a pinned pane; switching the
//   theme fires OfficeThemeChanged with the new Office.context.officeTheme (Mailbox 1.14).
// Outlook's read mode cannot move a message (the pane moves through Graph), so neither can this.
import type { MailMessage } from '../engine/model';
import { decodeHeaderBytes, findHeaderEnd } from '../mail/headers';
import { parseEml } from '../mail/eml';
import { htmlToText } from '../mail/links';
import { base64Encode } from '../report/encoding';

/** Office.EventType.ItemChanged. */
export const ITEM_CHANGED_EVENT = 'olkItemSelectedChanged';
/** Office.EventType.OfficeThemeChanged (Mailbox 1.14). */
export const OFFICE_THEME_CHANGED_EVENT = 'officeThemeChanged';

/** Office.context.officeTheme's colours as Outlook gives them for its light and dark themes. */
export const PREVIEW_OFFICE_THEMES = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#242424', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#242424' },
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#1F1F1F', controlForegroundColor: '#FFFFFF' },
} as const;
export type PreviewOfficeTheme = (typeof PREVIEW_OFFICE_THEMES)[keyof typeof PREVIEW_OFFICE_THEMES];

export interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { name: string; message: string; code: number };
  asyncContext?: unknown;
}
type Callback<T> = (result: AsyncResult<T>) => void;

export interface EmailAddressDetails {
  displayName: string;
  emailAddress: string;
  recipientType?: string;
}

export interface AttachmentDetails {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  attachmentType: 'file' | 'item' | 'cloud';
}

export interface NewMessageForm {
  toRecipients?: unknown;
  subject?: string;
  htmlBody?: string;
  attachments?: unknown[];
}

/** Schedules like Outlook: the callback always runs after the call returns. */
function later(run: () => void): void {
  setTimeout(run, 0);
}

function succeeded<T>(value: T, asyncContext?: unknown): AsyncResult<T> {
  return { status: 'succeeded', value, ...(asyncContext !== undefined ? { asyncContext } : {}) };
}

function failed<T>(name: string, message: string, code: number, asyncContext?: unknown): AsyncResult<T> {
  return { status: 'failed', value: undefined as unknown as T, error: { name, message, code }, ...(asyncContext !== undefined ? { asyncContext } : {}) };
}

/** Office's optional-options convention: (options?, callback?) in either position. */
function splitArgs<T>(args: unknown[]): { callback?: Callback<T>; asyncContext?: unknown } {
  const callback = args.find((arg): arg is Callback<T> => typeof arg === 'function');
  const options = args.find((arg): arg is { asyncContext?: unknown } => !!arg && typeof arg === 'object');
  return { callback, asyncContext: options?.asyncContext };
}

function answer<T>(args: unknown[], produce: (asyncContext: unknown) => AsyncResult<T>): void {
  const { callback, asyncContext } = splitArgs<T>(args);
  if (!callback) return;
  later(() => callback(produce(asyncContext)));
}

/** Body texts already worked out, per parsed message (the HTML of a large message takes seconds to convert). */
const bodyTexts = new WeakMap<MailMessage, string>();

/**
 * The message's body as text: the text part, or the text of the HTML when there is none. Converted
 * once per message; the item's body.getAsync('text') and the page's reading pane share the result.
 */
export function bodyTextOf(message: MailMessage): string {
  if (message.text) return message.text;
  if (!message.html) return '';
  let text = bodyTexts.get(message);
  if (text === undefined) {
    text = htmlToText(message.html);
    bodyTexts.set(message, text);
  }
  return text;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** What Outlook returns for body.getAsync('html') on a plain-text message. */
function textAsHtml(text: string): string {
  const paragraphs = escapeHtml(text).replace(/\r\n?/g, '\n').split('\n').join('<br>\n');
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div style="font-family:Calibri,Meiryo,sans-serif">${paragraphs}</div></body></html>`;
}

/** Leading bytes a saved .eml may carry before its first header: a BOM, blank lines, an mbox "From " line. */
function headerStart(bytes: Uint8Array): number {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && (bytes[start] === 0x0d || bytes[start] === 0x0a)) start++;
  const isMboxLine = bytes[start] === 0x46 && bytes[start + 1] === 0x72 && bytes[start + 2] === 0x6f && bytes[start + 3] === 0x6d && bytes[start + 4] === 0x20;
  if (isMboxLine) {
    let after = start + 5;
    while (bytes[after] === 0x20 || bytes[after] === 0x09) after++;
    if (bytes[after] !== 0x3a) {
      const newline = bytes.indexOf(0x0a, start);
      start = newline < 0 ? bytes.length : newline + 1;
    }
  }
  return start;
}

/** The header section as Outlook's getAllInternetHeadersAsync gives it: text, CRLF line ends, ending in CRLF. */
export function rawHeaderBlock(bytes: Uint8Array): string {
  const from = headerStart(bytes);
  const section = bytes.subarray(from);
  const { headerEnd } = findHeaderEnd(section);
  const text = decodeHeaderBytes(section.subarray(0, headerEnd));
  if (!text.trim()) return '';
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.join('\r\n') + '\r\n';
}

let itemCounter = 0;

/** An EWS-looking item id (Outlook's are opaque base64); unique within the page. */
export function makeItemId(seed: string): string {
  itemCounter++;
  const tag = Array.from(new TextEncoder().encode(`${seed}#${itemCounter}`))
    .slice(0, 48)
    .map((byte) => String.fromCharCode(byte))
    .join('');
  return `AAMkAGPreview${btoa(tag)}`;
}

function toDetails(address: { name: string; address: string } | undefined): EmailAddressDetails | undefined {
  if (!address) return undefined;
  // Outlook shows the address as the display name when there is none.
  return { displayName: address.name || address.address, emailAddress: address.address };
}

function toRecipients(list: readonly { name: string; address: string }[], recipientType: string): EmailAddressDetails[] {
  return list.map((entry) => ({ displayName: entry.name || entry.address, emailAddress: entry.address, recipientType }));
}

/** One open message, as Office.MessageRead. */
export class PreviewItem {
  readonly itemType = 'message';
  readonly itemClass = 'IPM.Note';
  readonly itemId: string;
  readonly conversationId: string;
  readonly from: EmailAddressDetails | undefined;
  readonly sender: EmailAddressDetails | undefined;
  readonly to: EmailAddressDetails[];
  readonly cc: EmailAddressDetails[];
  readonly subject: string;
  readonly normalizedSubject: string;
  readonly internetMessageId: string;
  readonly dateTimeCreated: Date;
  readonly dateTimeModified: Date;
  readonly attachments: AttachmentDetails[];
  readonly body: {
    getAsync(coercionType: string, ...rest: unknown[]): void;
  };
  /** The message as parsed, for the page's reading pane (the pane itself reads only through Office calls). */
  readonly message: MailMessage;
  /** Name of the file it came from (sample or dropped file). */
  readonly fileName: string;
  private readonly bytes: Uint8Array;
  private readonly headerBlock: string;
  private readonly attachmentBytes: Map<string, Uint8Array>;

  constructor(bytes: Uint8Array, message: MailMessage, fileName: string, itemId = makeItemId(fileName)) {
    this.bytes = bytes;
    this.message = message;
    this.fileName = fileName;
    this.itemId = itemId;
    this.conversationId = `${itemId}-conversation`;
    this.headerBlock = rawHeaderBlock(bytes);
    this.from = toDetails(message.from);
    // Outlook sets sender = from unless someone sent on behalf of the author.
    this.sender = toDetails(message.sender ?? message.from);
    this.to = toRecipients(message.to, 'other');
    this.cc = toRecipients(message.cc, 'other');
    this.subject = message.subject;
    this.normalizedSubject = message.subject.replace(/^(?:\s*(?:re|fw|fwd|aw|wg|返信|転送)\s*[:：]\s*)+/i, '');
    this.internetMessageId = message.messageId ?? '';
    const sent = message.date ? new Date(message.date) : undefined;
    this.dateTimeCreated = sent && !Number.isNaN(sent.getTime()) ? sent : new Date();
    this.dateTimeModified = this.dateTimeCreated;
    this.attachmentBytes = new Map();
    this.attachments = message.attachments.map((attachment, index) => {
      const id = `${itemId}.att${index + 1}`;
      this.attachmentBytes.set(id, attachment.content ?? new Uint8Array(0));
      return { id, name: attachment.name, contentType: attachment.contentType, size: attachment.size, isInline: !!attachment.inline, attachmentType: 'file' as const };
    });
    const text = bodyTextOf(message);
    const html = message.html ?? textAsHtml(text);
    this.body = {
      getAsync: (coercionType: string, ...rest: unknown[]) => {
        answer<string>(rest, (context) => {
          if (coercionType === 'text') return succeeded(text, context);
          if (coercionType === 'html') return succeeded(html, context);
          return failed('InvalidCoercionType', `Unsupported coercion type: ${String(coercionType)}`, 1000, context);
        });
      },
    };
  }

  /** The exact message bytes (Mailbox 1.14). */
  getAsFileAsync(...args: unknown[]): void {
    answer<string>(args, (context) => succeeded(base64Encode(this.bytes), context));
  }

  /** The header section as received (Mailbox 1.8). */
  getAllInternetHeadersAsync(...args: unknown[]): void {
    answer<string>(args, (context) => succeeded(this.headerBlock, context));
  }

  /** One attachment's content (Mailbox 1.8); file attachments come back base64. */
  getAttachmentContentAsync(id: string, ...args: unknown[]): void {
    answer<{ format: string; content: string }>(args, (context) => {
      const bytes = this.attachmentBytes.get(id);
      if (!bytes) return failed('InvalidAttachmentId', 'The attachment ID was invalid.', 9002, context);
      return succeeded({ format: 'base64', content: base64Encode(bytes) }, context);
    });
  }

  /** Exact size of the .eml in bytes (for the page; Outlook has no such property). */
  get byteLength(): number {
    return this.bytes.byteLength;
  }
}

/** Parses .eml bytes into an item the fake mailbox can show. Never throws for malformed mail (parseEml never does). */
export async function createPreviewItem(bytes: Uint8Array, fileName: string): Promise<PreviewItem> {
  const message = await parseEml(bytes);
  return new PreviewItem(bytes, message, fileName);
}

export interface PreviewMailboxOptions {
  userAddress: string;
  userName?: string;
  timeZone?: string;
  /** Called when the compose channel opens Outlook's new-message form. */
  onNewMessageForm?: (form: NewMessageForm) => void;
}

type Handler = (event?: unknown) => void;

/** Office.context.mailbox for the preview page. */
export class PreviewMailbox {
  item: PreviewItem | null = null;
  readonly userProfile: { emailAddress: string; displayName: string; timeZone: string; accountType: string };
  readonly diagnostics = { hostName: 'Outlook', hostVersion: 'preview', OWAView: 'ThreeColumns' };
  readonly ewsUrl = '';
  readonly restUrl = '';
  /** Called when the compose channel opens Outlook's new-message form; the page may replace it. */
  onNewMessageForm?: (form: NewMessageForm) => void;
  private readonly handlers = new Map<string, Handler[]>();

  constructor(options: PreviewMailboxOptions) {
    this.userProfile = {
      emailAddress: options.userAddress,
      displayName: options.userName ?? options.userAddress,
      timeZone: options.timeZone ?? 'Tokyo Standard Time',
      accountType: 'enterprise',
    };
    this.onNewMessageForm = options.onNewMessageForm;
  }

  /** Selects a message (or none), then tells every ItemChanged handler, later, as Outlook does. */
  select(item: PreviewItem | null): void {
    this.item = item;
    const handlers = [...(this.handlers.get(ITEM_CHANGED_EVENT) ?? [])];
    later(() => {
      for (const handler of handlers) handler({ type: ITEM_CHANGED_EVENT });
    });
  }

  /** The theme Outlook is in (Office.context.officeTheme reads this). */
  officeTheme: PreviewOfficeTheme = PREVIEW_OFFICE_THEMES.light;

  /** Switches Outlook's theme, then tells every OfficeThemeChanged handler, later, as Outlook does. */
  setOfficeTheme(theme: PreviewOfficeTheme): void {
    if (theme === this.officeTheme) return;
    this.officeTheme = theme;
    const handlers = [...(this.handlers.get(OFFICE_THEME_CHANGED_EVENT) ?? [])];
    later(() => {
      for (const handler of handlers) handler({ type: OFFICE_THEME_CHANGED_EVENT, officeTheme: theme });
    });
  }

  addHandlerAsync(eventType: string, handler: Handler, ...args: unknown[]): void {
    const supported = eventType === ITEM_CHANGED_EVENT || eventType === OFFICE_THEME_CHANGED_EVENT;
    if (supported) this.handlers.set(eventType, [...(this.handlers.get(eventType) ?? []), handler]);
    answer<undefined>(args, (context) => (supported ? succeeded(undefined, context) : failed('InvalidEventType', `Unsupported event type: ${eventType}`, 5001, context)));
  }

  /** Removes every handler of the event type (Office removes them all). */
  removeHandlerAsync(eventType: string, ...args: unknown[]): void {
    this.handlers.delete(eventType);
    answer<undefined>(args, (context) => succeeded(undefined, context));
  }

  /** Number of handlers registered for an event (for tests and diagnostics). */
  handlerCount(eventType = ITEM_CHANGED_EVENT): number {
    return this.handlers.get(eventType)?.length ?? 0;
  }

  /** EWS id -> REST id: Outlook swaps the URL-unsafe base64 characters. */
  convertToRestId(itemId: string, _restVersion?: string): string {
    return itemId.replace(/\//g, '-').replace(/\+/g, '_');
  }

  convertToEwsId(itemId: string, _restVersion?: string): string {
    return itemId.replace(/-/g, '/').replace(/_/g, '+');
  }

  displayNewMessageForm(form: NewMessageForm): void {
    this.onNewMessageForm?.(form);
  }
}

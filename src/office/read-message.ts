// Outlook's open message -> MailMessage. Office.js is reached only through the narrow interfaces
// below (a fake satisfies them in tests and in the preview page). Each Office call is bounded by a
// timeout; a call that fails costs only its own part of the message (recorded in `missing` and in the
// notes), and only a message of which nothing at all could be read is an error.
import type { HeaderField, MailAddress, MailAttachment, MailMessage, MissingPart } from '../engine/model';
import { decodeEncodedWords, parseAddressList, parseHeaderBlock } from '../mail/headers';
import { readBodies } from '../mail/bodies';
import { isSetSupported } from './requirements';

/** The shape of Office.AsyncResult this module reads. */
export interface OfficeResult<T> {
  status: string;
  value: T;
  error?: { name?: string; message?: string; code?: number };
}
export type OfficeCallback<T> = (result: OfficeResult<T>) => void;

export interface OfficeAddress {
  displayName?: string;
  emailAddress?: string;
}

export interface OfficeAttachment {
  name?: string;
  contentType?: string;
  size?: number;
  isInline?: boolean;
}

/** What readMessage uses of Office.MessageRead. */
export interface ReadableItem {
  itemType?: string;
  itemId?: string;
  from?: OfficeAddress | null;
  sender?: OfficeAddress | null;
  to?: OfficeAddress[] | null;
  cc?: OfficeAddress[] | null;
  subject?: string | null;
  internetMessageId?: string | null;
  dateTimeCreated?: Date | null;
  attachments?: OfficeAttachment[] | null;
  body?: { getAsync(coercionType: 'text' | 'html', callback: OfficeCallback<string>): void } | null;
  getAllInternetHeadersAsync?: (callback: OfficeCallback<string>) => void;
}

export type MessagePart = 'headers' | 'text' | 'html';

/** Why a part is absent. "unsupported": this Outlook client does not offer it at all. */
export type PartProblem = 'unsupported' | 'failed' | 'timeout' | 'empty';

export interface ReadNote {
  part: MessagePart;
  problem: PartProblem;
  /** Technical detail for support (Office's error name/message); not message content. */
  detail?: string;
}

export interface ReadCapabilities {
  headers: 'read' | PartProblem;
  body: 'read' | 'partial' | 'failed';
  /** Outlook gives attachment details only, never their bytes to this pane. */
  attachmentContent: false;
  notes: ReadNote[];
}

export interface ReadResult {
  message: MailMessage;
  capabilities: ReadCapabilities;
}

export interface ReadOptions {
  /** Per Office call; Outlook on a slow connection can take several seconds for headers. */
  timeoutMs?: number;
  /** Office.context.requirements.isSetSupported, injectable for tests. */
  isSetSupported?: (name: string, version: string) => boolean;
}

export const DEFAULT_READ_TIMEOUT_MS = 15_000;

export class OfficeCallTimeoutError extends Error {
  constructor(operation: string, ms: number) {
    super(`Outlook did not answer "${operation}" within ${Math.round(ms / 1000)} s`);
    this.name = 'OfficeCallTimeoutError';
  }
}

export class OfficeCallFailedError extends Error {
  constructor(
    operation: string,
    readonly officeError?: { name?: string; message?: string; code?: number },
  ) {
    super(`Outlook could not ${operation}${officeError?.message ? `: ${officeError.message}` : ''}`);
    this.name = 'OfficeCallFailedError';
  }
}

/** Nothing of the message could be read: the pane shows an error with a retry button. */
export class MessageUnreadableError extends Error {
  constructor(readonly notes: ReadNote[]) {
    super('Outlook did not provide any part of this message');
    this.name = 'MessageUnreadableError';
  }
}

/** Runs one callback-style Office call as a promise that settles within `timeoutMs`. */
export function officeCall<T>(operation: string, timeoutMs: number, start: (callback: OfficeCallback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new OfficeCallTimeoutError(operation, timeoutMs));
    }, timeoutMs);
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    try {
      start((result) =>
        finish(() => {
          if (result && result.status === 'succeeded') resolve(result.value);
          else reject(new OfficeCallFailedError(operation, result?.error));
        }),
      );
    } catch (error) {
      finish(() => reject(new OfficeCallFailedError(operation, { message: error instanceof Error ? error.message : String(error) })));
    }
  });
}

function problemOf(error: unknown): PartProblem {
  return error instanceof OfficeCallTimeoutError ? 'timeout' : 'failed';
}

function detailOf(error: unknown): string | undefined {
  return error instanceof Error ? error.message : undefined;
}

/** Reads a property that Office may implement as a throwing getter on some clients. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function toAddress(details: OfficeAddress | null | undefined): MailAddress | undefined {
  if (!details) return undefined;
  const address = (details.emailAddress ?? '').trim();
  const name = (details.displayName ?? '').trim();
  if (!address && !name) return undefined;
  // Outlook repeats the address as the display name when there is none; the model keeps names only.
  return { name: name.toLowerCase() === address.toLowerCase() ? '' : name, address };
}

function toAddresses(list: OfficeAddress[] | null | undefined): MailAddress[] {
  if (!Array.isArray(list)) return [];
  return list.map(toAddress).filter((address): address is MailAddress => address !== undefined);
}

function firstHeader(headers: readonly HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((field) => field.name.toLowerCase() === lower)?.value;
}

function returnPathFrom(headers: readonly HeaderField[]): string | undefined {
  const value = firstHeader(headers, 'Return-Path');
  if (value === undefined) return undefined;
  const address = parseAddressList(value)[0]?.address ?? value.replace(/[<>\s]/g, '');
  // "<>" is a bounce's null sender: there is no envelope address.
  return address || undefined;
}

/** Date header -> ISO 8601; comments such as "(JST)" removed first. Bounded: header values are capped by parseHeaderBlock. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.replace(/\([^()]*\)/g, ' ').trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return isSetSupported(name, version);
}

async function readHeaders(item: ReadableItem, options: Required<ReadOptions>): Promise<{ headers?: HeaderField[]; note?: ReadNote }> {
  // getAllInternetHeadersAsync arrived with Mailbox 1.8; older clients (and some mobile ones) lack it.
  if (!options.isSetSupported('Mailbox', '1.8') || typeof item.getAllInternetHeadersAsync !== 'function') {
    return { note: { part: 'headers', problem: 'unsupported' } };
  }
  try {
    const raw = await officeCall<string>('read the message headers', options.timeoutMs, (callback) => item.getAllInternetHeadersAsync!(callback));
    const headers = typeof raw === 'string' && raw.trim() ? parseHeaderBlock(raw) : [];
    // Outlook answers "" for messages it composed itself or fetched without headers.
    if (headers.length === 0) return { note: { part: 'headers', problem: 'empty' } };
    return { headers };
  } catch (error) {
    return { note: { part: 'headers', problem: problemOf(error), detail: detailOf(error) } };
  }
}

async function readBody(item: ReadableItem, kind: 'text' | 'html', timeoutMs: number): Promise<{ value?: string; note?: ReadNote }> {
  const body = safely(() => item.body);
  if (!body || typeof body.getAsync !== 'function') return { note: { part: kind, problem: 'unsupported' } };
  try {
    const value = await officeCall<string>(`read the message body (${kind})`, timeoutMs, (callback) => body.getAsync(kind, callback));
    return { value: typeof value === 'string' ? value : '' };
  } catch (error) {
    return { note: { part: kind, problem: problemOf(error), detail: detailOf(error) } };
  }
}

export async function readMessage(item: ReadableItem, options: ReadOptions = {}): Promise<ReadResult> {
  const settings: Required<ReadOptions> = {
    timeoutMs: options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    isSetSupported: options.isSetSupported ?? defaultIsSetSupported,
  };
  // The three calls are independent: run them together so the pane waits for the slowest only.
  const [headerResult, textResult, htmlResult] = await Promise.all([
    readHeaders(item, settings),
    readBody(item, 'text', settings.timeoutMs),
    readBody(item, 'html', settings.timeoutMs),
  ]);
  const notes = [headerResult.note, textResult.note, htmlResult.note].filter((note): note is ReadNote => note !== undefined);
  const headers = headerResult.headers ?? [];

  const from = toAddress(safely(() => item.from)) ?? parseAddressList(firstHeader(headers, 'From') ?? '')[0];
  const senderCandidate = toAddress(safely(() => item.sender));
  // Outlook sets sender = from for ordinary mail; only a different one means "on behalf of".
  const sender =
    senderCandidate && senderCandidate.address && senderCandidate.address.toLowerCase() !== (from?.address ?? '').toLowerCase() ? senderCandidate : undefined;
  const itemSubject = safely(() => item.subject);
  const subject = (typeof itemSubject === 'string' ? itemSubject : decodeEncodedWords(firstHeader(headers, 'Subject') ?? '')).trim();
  const messageId = (safely(() => item.internetMessageId) ?? firstHeader(headers, 'Message-ID') ?? '').trim();
  const created = safely(() => item.dateTimeCreated);
  const date = isoDate(firstHeader(headers, 'Date')) ?? (created instanceof Date && !Number.isNaN(created.getTime()) ? created.toISOString() : undefined);

  const attachmentDetails = safely(() => item.attachments);
  const attachments: MailAttachment[] = (Array.isArray(attachmentDetails) ? attachmentDetails : []).map((details) => ({
    name: details.name ?? '',
    contentType: details.contentType ?? '',
    size: typeof details.size === 'number' && details.size >= 0 ? details.size : 0,
    ...(details.isInline ? { inline: true } : {}),
  }));

  const bodies = readBodies(htmlResult.value || undefined, textResult.value ?? '');
  const bodyRead = textResult.value !== undefined || htmlResult.value !== undefined;

  const missing: MissingPart[] = [];
  if (!headerResult.headers) missing.push('headers');
  if (!bodyRead) missing.push('body');
  // Only details reach the pane; rules that open attachments report "not checked" for these.
  if (attachments.length > 0) missing.push('attachmentContent');

  if (!headerResult.headers && !bodyRead && !from && !subject && attachments.length === 0) {
    throw new MessageUnreadableError(notes);
  }

  const message: MailMessage = {
    ...(from ? { from } : {}),
    ...(sender ? { sender } : {}),
    replyTo: parseAddressList(firstHeader(headers, 'Reply-To') ?? ''),
    to: toAddresses(safely(() => item.to)),
    cc: toAddresses(safely(() => item.cc)),
    subject,
    headers,
    ...bodies,
    attachments,
    missing,
  };
  const returnPath = returnPathFrom(headers);
  if (returnPath) message.returnPath = returnPath;
  if (date) message.date = date;
  if (messageId) message.messageId = messageId;

  return {
    message,
    capabilities: {
      headers: headerResult.headers ? 'read' : (headerResult.note?.problem ?? 'failed'),
      body: textResult.value !== undefined && htmlResult.value !== undefined ? 'read' : bodyRead ? 'partial' : 'failed',
      attachmentContent: false,
      notes,
    },
  };
}

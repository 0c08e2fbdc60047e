// Test doubles for the two things tests cannot have: an Outlook item and the network. The item is a
// plain object implementing ReportItem; the transport records every request and answers from a script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentContent, ItemAttachmentInfo, ReportItem } from '../../src/report/item';
import type { FetchLike } from '../../src/report/http';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'report');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export interface FakeAttachment {
  info: ItemAttachmentInfo;
  content: AttachmentContent | Error;
}

export interface FakeItemSpec {
  /** base64 .eml; undefined = host without getAsFileAsync; an Error = the call fails. */
  eml?: string | Error;
  headers?: string | Error;
  text?: string | Error;
  html?: string | Error;
  attachments?: FakeAttachment[];
  subject?: string;
  itemId?: string;
  restId?: string;
  internetMessageId?: string;
}

export function fakeItem(spec: FakeItemSpec = {}): ReportItem & { calls: string[] } {
  const calls: string[] = [];
  const answer = async <T>(name: string, value: T | Error | undefined): Promise<T | undefined> => {
    calls.push(name);
    if (value instanceof Error) throw value;
    return value;
  };
  return {
    calls,
    itemId: spec.itemId ?? 'AAMkAGI2TG93AAA=',
    restId: spec.restId ?? 'AAMkAGI2TG93AAA-',
    subject: spec.subject ?? '【要確認】日中関係に関する研究会のご案内',
    internetMessageId: spec.internetMessageId ?? '<20250602091355.4f1c@mofa-go.jp>',
    from: { name: '外務省 総合外交政策局', address: 'info@mofa-go.jp' },
    to: [{ name: 'Kenji Watanabe', address: 'k.watanabe@example.or.jp' }],
    cc: [],
    date: new Date('2025-06-02T00:13:55Z'),
    attachments: (spec.attachments ?? []).map((attachment) => attachment.info),
    getAsFile: () => answer('getAsFile', spec.eml),
    getAllHeaders: () => answer('getAllHeaders', spec.headers),
    getBody: (format) => answer(`getBody:${format}`, format === 'html' ? spec.html : spec.text),
    getAttachmentContent: async (id) => {
      calls.push(`getAttachmentContent:${id}`);
      const found = spec.attachments?.find((attachment) => attachment.info.id === id);
      if (!found) throw new Error('no such attachment');
      if (found.content instanceof Error) throw found.content;
      return found.content;
    },
  };
}

export interface RecordedRequest {
  url: string;
  method: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export type Responder = (request: RecordedRequest, index: number) => Response | Error | Promise<Response | Error>;

export function recordingFetch(responder: Responder): FetchLike & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetchFn = async (url: string, init: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = typeof init.body === 'string' ? init.body : init.body instanceof Uint8Array ? init.body : undefined;
    const request: RecordedRequest = { url, method: init.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) };
    requests.push(request);
    const answer = await responder(request, requests.length - 1);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(fetchFn, { requests });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

/** A sleep that returns at once and remembers how long it was asked to wait. */
export function instantSleep(): ((ms: number) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  return Object.assign(async (ms: number) => {
    waits.push(ms);
  }, { waits });
}

export const ENDPOINT_TOKEN = 'llr_3a9f0c1e5b7d4c2a8e6f1b0d9c7a5e3f';
export const GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6InRlc3QifQ.graph-token-for-tests';

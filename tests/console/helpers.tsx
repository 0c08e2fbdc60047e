// The console against a real in-process intake service: a recording fetch (Node's, so no CORS or
// relative URLs get in the way), memory storage, and hostile sample messages.
import { act, configure, render } from '@testing-library/react';
import { ConsoleApp, TOKEN_KEY } from '../../src/console/App';
import type { FetchLike } from '../../src/console/api';

// Fluent rendering and role queries in jsdom are slow on a busy machine (CI runs two projects at
// once): waits are generous, not timed.
configure({ asyncUtilTimeout: 5000 });

export interface Recorded {
  method: string;
  url: URL;
  body?: unknown;
  authorization?: string;
}

export function recordingFetch(): { fetch: FetchLike; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const fetcher: FetchLike = async (url, init) => {
    calls.push({ method: init.method, url: new URL(url), body: init.body ? JSON.parse(init.body) : undefined, authorization: init.headers.authorization });
    return globalThis.fetch(url, init);
  };
  return { fetch: fetcher, calls };
}

export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export interface RenderOptions {
  url: string;
  token?: string;
  hash?: string;
  language?: string;
}

export function renderConsole({ url, token, hash = '#/reports', language = 'en-GB' }: RenderOptions) {
  window.location.hash = hash;
  const storage = new MemoryStorage();
  if (token) storage.setItem(TOKEN_KEY, token);
  const preferences = new MemoryStorage();
  const recorder = recordingFetch();
  const view = render(<ConsoleApp baseUrl={url} fetch={recorder.fetch} storage={storage} preferences={preferences} browserLanguage={language} />);
  return { ...view, storage, preferences, calls: recorder.calls };
}

/** Moves to a hash route the way a click on a link would, and lets the console re-render. */
export async function go(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

export const XSS = '<img src=x onerror=alert(1)>';
export const SCRIPT = '<script>alert(document.cookie)</script>';

/** multipart/alternative: a text part full of markup, and an HTML part whose link says one thing and goes elsewhere. */
export function hostileEml(marker = 'hostile-1'): Buffer {
  return Buffer.from(
    [
      'Return-Path: <bounce@mailer.evil.example>',
      'Received: from mailer.evil.example ([203.0.113.9]) by mx.example.org; Mon, 13 Jan 2025 08:01:00 +0000',
      'Authentication-Results: mx.example.org; spf=fail smtp.mailfrom=mailer.evil.example; dkim=none; dmarc=fail header.from=evil.example',
      `From: "IT Desk ${XSS}" <it@evil.example>`,
      'Reply-To: <collect@freemail.example>',
      'To: alice@example.org',
      `Subject: Password expiry ${SCRIPT} \u202Efdp.exe`,
      'Date: Mon, 13 Jan 2025 08:00:55 +0000',
      `Message-ID: <${marker}@evil.example>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Your password expires today. ${SCRIPT} ${XSS}`,
      'Reset it at https://login.evil.example/reset?u=1 now.',
      '<iframe src="https://evil.example/frame"></iframe>',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>Your password expires today.</p>${SCRIPT}<a href="https://login.evil.example/reset?u=1">https://www.example.org/reset</a><img src="https://tracker.evil.example/p.gif">`,
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

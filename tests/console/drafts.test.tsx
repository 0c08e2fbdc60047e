/** @jest-environment ./tests/console/environment.js */
// Unsaved triage drafts: kept per report in the session's storage, restored after a 401 signs the
// analyst out and they sign back in, cleared once saved; "Save feedback and note" sends only what
// changed, so a colleague's newer note is not overwritten.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConsoleApp, TOKEN_KEY } from '../../src/console/App';
import type { FetchLike } from '../../src/console/api';
import { clearDrafts, DRAFTS_KEY, readDraft, writeDraft } from '../../src/console/drafts';
import { ANALYST, call, report, startTestServer, type TestServer } from '../server/helpers';
import { hostileEml, MemoryStorage, renderConsole, type Recorded } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  cleanup();
});

/** The report page with its triage section and its body (so no load finishes after the test). */
async function opened() {
  await screen.findByTestId('triage');
  await screen.findByTestId('message-body');
}

const feedbackBox = () => screen.getByLabelText('Feedback for the reporter') as HTMLTextAreaElement;
const noteBox = () => screen.getByLabelText('Internal note') as HTMLTextAreaElement;

async function triage(id: string, update: Record<string, string>) {
  const response = await call(server, `/api/reports/${id}`, { method: 'PATCH', json: update });
  expect(response.status).toBe(200);
}

test('a 401 while saving signs out, and after signing back in the typed feedback and note are restored, then cleared once saved', async () => {
  const receipt = await report(server, hostileEml('draft-1'));
  window.location.hash = `#/reports/${receipt.id}`;
  const storage = new MemoryStorage();
  storage.setItem(TOKEN_KEY, ANALYST);
  const calls: Recorded[] = [];
  let expireNextPatch = true;
  // The session ends on the server side: the first PATCH goes out with a token it no longer accepts.
  const fetcher: FetchLike = async (url, init) => {
    calls.push({ method: init.method, url: new URL(url), body: init.body ? JSON.parse(init.body) : undefined });
    if (init.method === 'PATCH' && expireNextPatch) {
      expireNextPatch = false;
      return globalThis.fetch(url, { ...init, headers: { ...init.headers, authorization: 'Bearer expired-token-000000000000' } });
    }
    return globalThis.fetch(url, init);
  };
  render(<ConsoleApp baseUrl={server.url} fetch={fetcher} storage={storage} preferences={new MemoryStorage()} browserLanguage="en-GB" />);
  await opened();
  expect(screen.queryByTestId('draft-restored')).toBeNull();
  fireEvent.change(feedbackBox(), { target: { value: 'Thanks, we are looking into it' } });
  fireEvent.change(noteBox(), { target: { value: 'Same lure as last week' } });
  fireEvent.click(screen.getByTestId('save-notes'));

  await screen.findByTestId('sign-in');
  expect(screen.getByTestId('session-notice')).toBeTruthy();
  expect(storage.getItem(TOKEN_KEY)).toBeNull();
  expect(readDraft(storage, receipt.id)).toEqual({ feedback: 'Thanks, we are looking into it', note: 'Same lure as last week' });

  fireEvent.change(screen.getByTestId('token-input'), { target: { value: ANALYST } });
  fireEvent.click(screen.getByTestId('sign-in-submit'));
  await opened();
  expect(screen.getByTestId('draft-restored').textContent).toContain('Unsaved draft restored');
  expect(feedbackBox().value).toBe('Thanks, we are looking into it');
  expect(noteBox().value).toBe('Same lure as last week');

  fireEvent.click(screen.getByTestId('save-notes'));
  await waitFor(() => expect(screen.getByTestId('triage-status').textContent).toBe('Saved.'));
  expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
    { feedback: 'Thanks, we are looking into it', note: 'Same lure as last week' },
    { feedback: 'Thanks, we are looking into it', note: 'Same lure as last week' },
  ]);
  expect(screen.queryByTestId('draft-restored')).toBeNull();
  expect(storage.getItem(DRAFTS_KEY)).toBeNull();
  const stored = await (await call(server, `/api/reports/${receipt.id}`)).json();
  expect(stored).toEqual(expect.objectContaining({ feedback: 'Thanks, we are looking into it', note: 'Same lure as last week' }));
});

test('the restored-draft notice is in Japanese too, and a draft equal to the saved text is not announced', async () => {
  const receipt = await report(server, hostileEml('draft-ja'));
  await triage(receipt.id, { note: '保存済みのメモ' });
  const first = renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}`, language: 'ja-JP' });
  writeDraft(first.storage, receipt.id, { note: '保存済みのメモ' });
  await opened();
  expect(screen.queryByTestId('draft-restored')).toBeNull();
  cleanup();

  const second = renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}`, language: 'ja-JP' });
  writeDraft(second.storage, receipt.id, { feedback: 'ご報告ありがとうございます' });
  await opened();
  expect(screen.getByTestId('draft-restored').textContent).toContain('未保存の下書きを復元しました');
  expect((screen.getByLabelText('報告者へのフィードバック') as HTMLTextAreaElement).value).toBe('ご報告ありがとうございます');
  expect((screen.getByLabelText('内部メモ') as HTMLTextAreaElement).value).toBe('保存済みのメモ');
});

test('"Save feedback and note" sends only the changed field, so a colleague\'s newer note survives; nothing changed sends nothing', async () => {
  const receipt = await report(server, hostileEml('draft-2'));
  await triage(receipt.id, { note: 'first note', feedback: 'first feedback' });
  const { calls } = renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}` });
  await opened();
  expect(noteBox().value).toBe('first note');

  fireEvent.click(screen.getByTestId('save-notes'));
  expect(screen.getByTestId('triage-status').textContent).toBe('No changes to save.');
  expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);

  fireEvent.change(feedbackBox(), { target: { value: 'We blocked the sender' } });
  await triage(receipt.id, { note: "colleague's newer note" });
  fireEvent.click(screen.getByTestId('save-notes'));
  await waitFor(() => expect(screen.getByTestId('triage-status').textContent).toBe('Saved.'));
  expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ feedback: 'We blocked the sender' }]);
  const stored = await (await call(server, `/api/reports/${receipt.id}`)).json();
  expect(stored).toEqual(expect.objectContaining({ feedback: 'We blocked the sender', note: "colleague's newer note" }));
  // The untouched note follows what the service now holds (on the render after the save's answer).
  await waitFor(() => expect(noteBox().value).toBe("colleague's newer note"));
});

test('a deliberate sign-out forgets the drafts', async () => {
  const receipt = await report(server, hostileEml('draft-3'));
  const { storage } = renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}` });
  await opened();
  fireEvent.change(noteBox(), { target: { value: 'not finished' } });
  expect(readDraft(storage, receipt.id)).toEqual({ note: 'not finished' });
  await act(async () => {
    fireEvent.click(screen.getByTestId('sign-out'));
  });
  await screen.findByTestId('sign-in');
  expect(storage.getItem(DRAFTS_KEY)).toBeNull();
});

describe('draft storage', () => {
  test('keeps fields per report, removes an entry with no fields, and ignores malformed or hostile stored data', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, 'r1', { note: 'a' });
    writeDraft(storage, '__proto__', { feedback: 'b' });
    expect(readDraft(storage, 'r1')).toEqual({ note: 'a' });
    expect(readDraft(storage, '__proto__')).toEqual({ feedback: 'b' });
    expect(readDraft(storage, 'constructor')).toBeUndefined();
    writeDraft(storage, 'r1', {});
    expect(readDraft(storage, 'r1')).toBeUndefined();
    writeDraft(storage, '__proto__', {});
    expect(storage.getItem(DRAFTS_KEY)).toBeNull();

    storage.setItem(DRAFTS_KEY, '{not json');
    expect(readDraft(storage, 'r1')).toBeUndefined();
    storage.setItem(DRAFTS_KEY, JSON.stringify([['r1', { note: 5, feedback: 'x'.repeat(20_000) }], 'junk', ['r2', null]]));
    expect(readDraft(storage, 'r1')).toEqual({ feedback: 'x'.repeat(10_000) });
    expect(readDraft(storage, 'r2')).toBeUndefined();
    clearDrafts(storage);
    expect(storage.getItem(DRAFTS_KEY)).toBeNull();
  });

  test('keeps at most 50 drafts, dropping the oldest; a storage that throws loses only the draft', () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < 60; i++) writeDraft(storage, `r${i}`, { note: String(i) });
    expect(readDraft(storage, 'r9')).toBeUndefined();
    expect(readDraft(storage, 'r10')).toEqual({ note: '10' });
    expect(readDraft(storage, 'r59')).toEqual({ note: '59' });
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('blocked'); } };
    expect(() => writeDraft(broken, 'r1', { note: 'x' })).not.toThrow();
    expect(readDraft(broken, 'r1')).toBeUndefined();
    expect(() => clearDrafts(broken)).not.toThrow();
  });
});

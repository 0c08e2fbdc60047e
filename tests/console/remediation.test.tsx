/** @jest-environment ./tests/console/environment.js */
// Removing a campaign from mailboxes through the console, against the real service and the fake of
// Microsoft Graph built from its API reference: the dry run from the campaign page, every copy per
// mailbox (hostile subjects as text), a move only after the analyst typed the count shown, the
// service's refusal of another count made clear, the undo, viewers who read but are offered no
// action, and a service without Graph that says removal is not set up.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FOLDERS, GRAPH_CLIENT, GRAPH_TENANT, startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { ANALYST, call, fixture, report, REPORTER, startTestServer, type TestServer } from '../server/helpers';
import { go, renderConsole, SCRIPT } from './helpers';

jest.setTimeout(60_000);

const VIEWER = 'viewer-token-for-console-remedy1';
const MESSAGE_ID = '<c1.20250113@payroll-notice.example>';

let graph: FakeGraph;
let server: TestServer;
let campaignId: string;

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.users.push({ mail: 'aiko@example.test' }, { mail: 'ben@example.test' }, { mail: 'vip@example.test' });
  const copy = { internetMessageId: MESSAGE_ID, subject: `Salary adjustment ${SCRIPT}`, from: 'hr@payroll-notice.example', receivedDateTime: '2025-01-13T08:00:00Z' };
  graph.deliver('aiko@example.test', copy);
  graph.deliver('ben@example.test', { ...copy, parentFolderId: 'AAMkFolderProjects=' });
  graph.deliver('vip@example.test', copy);
  graph.denied.add('vip@example.test');
  server = await startTestServer({
    identity: { graph: { tenantId: GRAPH_TENANT, clientId: GRAPH_CLIENT.id, clientSecret: GRAPH_CLIENT.secret, authority: graph.url, baseUrl: graph.url } },
    tokens: [
      { token: ANALYST, role: 'analyst', name: 'test analyst' },
      { token: REPORTER, role: 'reporter', name: 'test add-in' },
      { token: VIEWER, role: 'viewer', name: 'dashboard' },
    ],
  });
  campaignId = (await report(server, fixture('campaign-1.eml'))).campaignId;
});
afterAll(async () => {
  await server.close();
  await graph.close();
});
afterEach(() => cleanup());

const moves = () => graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/move'));
const folderOf = (mailbox: string) => graph.messages.get(mailbox)![0].parentFolderId;

test('an analyst searches first (nothing moves), confirms the count by typing it, and can undo; each copy shows its state', async () => {
  const { container, calls } = renderConsole({ url: server.url, token: ANALYST, hash: `#/campaigns/${campaignId}` });
  const section = await screen.findByTestId('remediation');
  expect(await within(section).findByTestId('remediation-no-runs', {}, { timeout: 5000 })).toBeTruthy();
  fireEvent.click(within(section).getByTestId('remediation-search'));

  // The run's page: two copies found, one mailbox that could not be searched, nothing moved.
  const detail = await screen.findByTestId('remediation-detail', {}, { timeout: 15_000 });
  expect(window.location.hash).toMatch(/^#\/remediations\/[0-9a-f-]{36}$/);
  expect(screen.getByTestId('remediation-state').textContent).toBe('Dry run: nothing moved');
  expect(screen.getByTestId('remediation-unsearched').textContent).toContain('1 mailbox could not be searched');
  expect(screen.getByTestId('remediation-unsearched').textContent).toContain('vip@example.test (ErrorAccessDenied)');
  const copies = within(detail).getAllByTestId('remediation-copy');
  expect(copies.map((row) => [row.getAttribute('data-mailbox'), row.getAttribute('data-state')]).sort()).toEqual([
    ['aiko@example.test', 'found'],
    ['ben@example.test', 'found'],
  ]);
  // The subject from the mailbox is text, never markup.
  expect(copies[0].textContent).toContain('<script>alert(document.cookie)</script>');
  expect(container.querySelector('script')).toBeNull();
  expect(moves()).toEqual([]);

  // Moving asks first, with the count, the mailboxes and the folder; the number must be typed.
  fireEvent.click(screen.getByTestId('remediation-destination-deleteditems'));
  fireEvent.click(screen.getByTestId('remediation-move-ask'));
  const question = screen.getByTestId('remediation-confirm-move');
  expect(document.activeElement).toBe(question);
  expect(question.textContent).toContain('Move 2 messages in 2 mailboxes to Deleted Items?');
  const yes = within(question).getByTestId('remediation-confirm-yes') as HTMLButtonElement;
  expect(yes.disabled).toBe(true);
  // Escape cancels: nothing is sent.
  fireEvent.keyDown(question, { key: 'Escape' });
  expect(screen.queryByTestId('remediation-confirm-move')).toBeNull();

  // A wrong count is refused by the service, said plainly, and nothing moves.
  fireEvent.click(screen.getByTestId('remediation-move-ask'));
  fireEvent.change(screen.getByLabelText('Type 2 to confirm'), { target: { value: '3' } });
  fireEvent.click(screen.getByTestId('remediation-confirm-yes'));
  const refusal = await screen.findByTestId('remediation-error');
  expect(refusal.getAttribute('data-code')).toBe('count_changed');
  expect(refusal.textContent).toContain('The count you confirmed is not the number of copies this search found');
  expect(moves()).toEqual([]);

  fireEvent.click(screen.getByTestId('remediation-move-ask'));
  fireEvent.change(screen.getByLabelText('Type 2 to confirm'), { target: { value: '2' } });
  fireEvent.click(screen.getByTestId('remediation-confirm-yes'));
  await waitFor(() => expect(screen.getByTestId('remediation-status').textContent).toBe('2 moved.'));
  expect(screen.queryByTestId('remediation-error')).toBeNull();
  expect(screen.getByTestId('remediation-state').textContent).toBe('Moved');
  expect(within(screen.getByTestId('remediation-detail')).getAllByTestId('remediation-copy').map((row) => row.getAttribute('data-state'))).toEqual(['moved', 'moved']);
  expect(calls.filter((c) => c.url.pathname.endsWith('/move')).map((c) => c.body)).toEqual([{ destination: 'deleteditems', expectedCount: 3 }, { destination: 'deleteditems', expectedCount: 2 }]);
  expect(folderOf('aiko@example.test')).toBe(FOLDERS.deleteditems);

  // Undo asks too, then puts each copy back where it was.
  fireEvent.click(screen.getByTestId('remediation-undo-ask'));
  expect(screen.getByTestId('remediation-confirm-undo').textContent).toContain('Move 2 messages back to where they were found?');
  fireEvent.click(screen.getByTestId('remediation-confirm-yes'));
  await waitFor(() => expect(screen.getByTestId('remediation-status').textContent).toBe('2 moved back.'));
  expect(screen.getByTestId('remediation-undone')).toBeTruthy();
  expect(folderOf('aiko@example.test')).toBe(FOLDERS.inbox);
  expect(folderOf('ben@example.test')).toBe('AAMkFolderProjects=');

  // The campaign page lists the run with what came of it.
  fireEvent.click(screen.getByTestId('remediation-campaign'));
  await go(`#/campaigns/${campaignId}`);
  const run = await screen.findByTestId('remediation-run');
  expect(run.getAttribute('data-state')).toBe('undone');
  expect(run.textContent).toContain('test analyst');
  expect(run.textContent).toContain('2 moved back');
});

test('viewers see runs and copies but are offered no search, move or undo, in Japanese too', async () => {
  renderConsole({ url: server.url, token: VIEWER, hash: `#/campaigns/${campaignId}`, language: 'ja' });
  const section = await screen.findByTestId('remediation');
  expect(within(section).getByRole('heading', { name: 'メールボックスからの除去' })).toBeTruthy();
  expect(await within(section).findByTestId('remediation-viewer')).toBeTruthy();
  expect(within(section).queryByTestId('remediation-search')).toBeNull();
  fireEvent.click((await within(section).findAllByTestId('remediation-run-link'))[0]);
  await go(window.location.hash);
  await screen.findByTestId('remediation-detail');
  expect(screen.getByTestId('remediation-state').textContent).toBe('取り消し済み（元に戻しました）');
  expect(screen.queryByTestId('remediation-undo-ask')).toBeNull();
  expect(screen.queryByTestId('remediation-move-ask')).toBeNull();
});

test('a run interrupted midway says so, keeps what it moved, and is finished to the folder it started with', async () => {
  // Its own service, where a run with no progress for 300 ms counts as interrupted.
  const quick = await startTestServer(
    {
      identity: { graph: { tenantId: GRAPH_TENANT, clientId: GRAPH_CLIENT.id, clientSecret: GRAPH_CLIENT.secret, authority: graph.url, baseUrl: graph.url } },
      tokens: [
        { token: ANALYST, role: 'analyst', name: 'test analyst' },
        { token: REPORTER, role: 'reporter', name: 'test add-in' },
      ],
    },
    { remediationTiming: { interruptedAfterMs: 300 } },
  );
  const releaseBen = graph.holdNextMoveIn('ben@example.test');
  let stalled: Promise<Response> | undefined;
  try {
    const { campaignId: local } = await report(quick, fixture('campaign-1.eml'));
    const run = (await (await call(quick, `/api/campaigns/${local}/remediations`, { json: {} })).json()) as { id: string };
    // The move to Deleted Items records Aiko's copy, then hangs on Ben's.
    stalled = call(quick, `/api/remediations/${run.id}/move`, { json: { destination: 'deleteditems', expectedCount: 2 } });
    await waitFor(() => expect(folderOf('aiko@example.test')).toBe(FOLDERS.deleteditems), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 400));

    renderConsole({ url: quick.url, token: ANALYST, hash: `#/remediations/${run.id}` });
    await screen.findByTestId('remediation-detail', {}, { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('remediation-counts').textContent).toBe('1 found, 1 moved'));
    expect(screen.getByTestId('remediation-state').textContent).toBe('Interrupted midway');
    expect(screen.getByTestId('remediation-interrupted').textContent).toContain('The copies already moved are recorded');
    // The rest goes where the run started sending copies; the choice is not offered again.
    expect((screen.getByTestId('remediation-destination-deleteditems') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('remediation-destination-junkemail') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('remediation-undo-ask')).toBeTruthy();
    fireEvent.click(screen.getByTestId('remediation-move-ask'));
    expect(screen.getByTestId('remediation-confirm-move').textContent).toContain('Move 1 message in 1 mailbox to Deleted Items?');
    fireEvent.change(screen.getByLabelText('Type 1 to confirm'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('remediation-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('remediation-state').textContent).toBe('Moved'), { timeout: 10_000 });
    expect(screen.getByTestId('remediation-counts').textContent).toBe('2 moved');
    expect(screen.queryByTestId('remediation-interrupted')).toBeNull();
    expect(folderOf('ben@example.test')).toBe(FOLDERS.deleteditems);
  } finally {
    releaseBen();
    cleanup();
    await stalled;
    await quick.close();
  }
});

test('a service without Microsoft Graph says removal is not set up, and offers no search', async () => {
  const plain = await startTestServer();
  try {
    const { campaignId: local } = await report(plain, fixture('campaign-1.eml'));
    renderConsole({ url: plain.url, token: ANALYST, hash: `#/campaigns/${local}` });
    expect((await screen.findByTestId('remediation-not-configured', {}, { timeout: 10_000 })).textContent).toContain('Removal is not set up on this service');
    expect(screen.queryByTestId('remediation-search')).toBeNull();
    // Requests still in flight at unmount hold the test service's close for a minute.
    await screen.findByTestId('service-version');
  } finally {
    cleanup();
    await plain.close();
  }
});

/** @jest-environment ./tests/console/environment.js */
// The audit log page against the real service: only admins are offered it (and a non-admin who
// opens it is told why), entries say who did what to which report, filters by who, action and time
// go through the hash and the API, paging follows the service's cursor, and a hostile note in a
// change is shown as text.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AUDIT_PAGE_SIZE } from '../../src/console/Audit';
import { ANALYST, call, fixture, report, REPORTER, startTestServer, type TestServer } from '../server/helpers';
import { go, renderConsole, SCRIPT, XSS } from './helpers';

jest.setTimeout(60_000);

const ADMIN = 'admin-token-for-console-audit-01';
const VIEWER = 'viewer-token-for-console-audit-1';

let server: TestServer;
let reportId: string;
let campaignId: string;
beforeAll(async () => {
  server = await startTestServer({
    tokens: [
      { token: ANALYST, role: 'analyst', name: 'test analyst' },
      { token: REPORTER, role: 'reporter', name: 'test add-in' },
      { token: ADMIN, role: 'admin', name: 'records admin' },
      { token: VIEWER, role: 'viewer', name: 'dashboard' },
    ],
  });
  ({ id: reportId, campaignId } = await report(server, fixture('campaign-1.eml')));
  // Three triage actions by the analyst, one holding markup in its note, one by the admin.
  await call(server, `/api/reports/${reportId}`, { method: 'PATCH', json: { disposition: 'suspicious' } });
  await call(server, `/api/reports/${reportId}`, { method: 'PATCH', json: { note: `checked ${SCRIPT} ${XSS}` } });
  await call(server, `/api/reports/${reportId}`, { method: 'PATCH', json: { disposition: 'malicious' } });
  await call(server, `/api/campaigns/${campaignId}`, { method: 'PATCH', json: { disposition: 'malicious' }, token: ADMIN });
});
afterAll(() => server.close());
// Unmounting while a request is in flight holds the test service's close for a minute: every test
// ends once the header's version (the last of the console's first requests) is on screen.
afterEach(async () => {
  await screen.findByTestId('service-version').catch(() => undefined);
  cleanup();
});

const rows = () => screen.queryAllByTestId('audit-entry');

test('admins get the audit log in the navigation; it lists who did what to which report, newest first, hostile text as text', async () => {
  const { container } = renderConsole({ url: server.url, token: ADMIN, hash: '#/reports' });
  fireEvent.click(await screen.findByTestId('nav-audit'));
  await go('#/audit');
  expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeTruthy();
  await waitFor(() => expect(rows().length).toBe(4));
  expect(rows().map((row) => row.getAttribute('data-action'))).toEqual(['campaign.triage', 'report.triage', 'report.triage', 'report.triage']);
  const triage = rows()[2];
  expect(triage.textContent).toContain('test analyst');
  expect(triage.textContent).toContain('Triaged a report');
  expect(within(triage).getByTestId('audit-target-link').getAttribute('href')).toBe(`#/reports/${reportId}`);
  // The note is text on the screen, never markup.
  expect(within(triage).getByTestId('audit-change').textContent).toContain('<script>alert(document.cookie)</script>');
  expect(container.querySelector('script, img')).toBeNull();
});

test('filters by who (a click on a name), by action and by time, through the API; paging follows the service', async () => {
  const { calls } = renderConsole({ url: server.url, token: ADMIN, hash: '#/audit' });
  await waitFor(() => expect(rows().length).toBe(4));
  // A click on the analyst's name shows only what they did.
  fireEvent.click(within(rows()[1]).getByTestId('audit-filter-actor'));
  await waitFor(() => expect(window.location.hash).toBe('#/audit?actor=test+analyst'));
  await waitFor(() => expect(rows().map((row) => row.getAttribute('data-action'))).toEqual(['report.triage', 'report.triage', 'report.triage']));
  expect(calls.at(-1)!.url.searchParams.get('actor')).toBe('test analyst');

  fireEvent.change(screen.getByTestId('audit-action'), { target: { value: 'campaign.triage' } });
  await waitFor(() => expect(screen.getByTestId('audit-empty').textContent).toBe('No entries match.'));
  expect(calls.at(-1)!.url.searchParams.get('action')).toBe('campaign.triage');
  fireEvent.click(screen.getByTestId('audit-clear'));
  await waitFor(() => expect(rows().length).toBe(4));

  // A time window in the future: nothing; the API got an ISO time.
  fireEvent.change(screen.getByTestId('audit-since'), { target: { value: '2999-01-01T00:00' } });
  fireEvent.click(screen.getByTestId('audit-apply'));
  await screen.findByTestId('audit-empty');
  expect(calls.at(-1)!.url.searchParams.get('since')).toBe(new Date('2999-01-01T00:00').toISOString());
  fireEvent.change(screen.getByTestId('audit-since'), { target: { value: '' } });
  fireEvent.change(screen.getByTestId('audit-until'), { target: { value: '2999-01-01T00:00' } });
  fireEvent.click(screen.getByTestId('audit-apply'));
  await waitFor(() => expect(rows().length).toBe(4));
});

test('pages with the cursor the service gives: older, newer, newest', async () => {
  // Enough entries for a second page: triage actions are cheap.
  const extra = AUDIT_PAGE_SIZE + 2 - 4;
  for (let i = 0; i < extra; i++) await call(server, `/api/reports/${reportId}`, { method: 'PATCH', json: { note: `round ${i}` } });
  try {
    renderConsole({ url: server.url, token: ADMIN, hash: '#/audit' });
    await waitFor(() => expect(rows().length).toBe(AUDIT_PAGE_SIZE));
    const firstSeq = rows()[0].getAttribute('data-seq');
    expect((screen.getByTestId('audit-newer') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('audit-older'));
    await waitFor(() => expect(rows().length).toBe(2));
    expect((screen.getByTestId('audit-older') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('audit-newer'));
    await waitFor(() => expect(rows().length).toBe(AUDIT_PAGE_SIZE));
    expect(rows()[0].getAttribute('data-seq')).toBe(firstSeq);
  } finally {
    await screen.findByTestId('service-version');
    cleanup();
  }
});

test('analysts and viewers are not offered the page; opening it says it is for administrators, in Japanese too', async () => {
  renderConsole({ url: server.url, token: ANALYST, hash: '#/reports' });
  await screen.findByTestId('nav-campaigns');
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  expect(screen.queryByTestId('nav-audit')).toBeNull();
  await go('#/audit');
  expect((await screen.findByTestId('audit-forbidden')).textContent).toContain('Only administrators can read the audit log');
  expect(screen.queryByTestId('audit-export-csv')).toBeNull();
  await screen.findByTestId('service-version');
  cleanup();

  renderConsole({ url: server.url, token: VIEWER, hash: '#/audit', language: 'ja-JP' });
  expect((await screen.findByTestId('audit-forbidden')).textContent).toContain('監査ログを閲覧できるのは管理者だけです');
});

test('Japanese: the page, its action names and its filters', async () => {
  renderConsole({ url: server.url, token: ADMIN, hash: '#/audit', language: 'ja' });
  expect(await screen.findByRole('heading', { level: 1, name: '監査ログ' })).toBeTruthy();
  await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  expect(screen.getAllByText('報告をトリアージ').length).toBeGreaterThan(0);
  expect(screen.getByLabelText('操作')).toBe(screen.getByTestId('audit-action'));
});

/** @jest-environment ./tests/console/environment.js */
// The triage console against the real intake service (in process, real SQLite): sign-in, inbox
// and filters, a hostile report shown as text, triage reaching the reporter, campaigns, downloads.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TOKEN_KEY } from '../../src/console/App';
import { ANALYST, call, fixture, REPORTER, report, startTestServer, type TestServer } from '../server/helpers';
import { go, hostileEml, renderConsole, SCRIPT, XSS } from './helpers';

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

function rowFor(id: string): HTMLElement {
  const row = screen.getAllByTestId('report-row').find((element) => element.getAttribute('data-report-id') === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('sign-in', () => {
  test('a wrong token is rejected and not kept; a reporter token is refused; the analyst token opens the inbox; sign-out forgets it', async () => {
    const { storage } = renderConsole({ url: server.url });
    expect(document.querySelector('main')).not.toBeNull();
    const input = screen.getByTestId('token-input');
    expect(input.getAttribute('type')).toBe('password');
    // Labelled control.
    expect(screen.getByLabelText('Analyst token')).toBe(input);

    fireEvent.change(input, { target: { value: 'not-a-real-token-000000' } });
    fireEvent.click(screen.getByTestId('sign-in-submit'));
    expect(await screen.findByText('The service did not accept this token.')).toBeTruthy();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(screen.queryByTestId('inbox')).toBeNull();

    fireEvent.change(input, { target: { value: REPORTER } });
    fireEvent.click(screen.getByTestId('sign-in-submit'));
    expect(await screen.findByText('This token may only submit reports. Use an analyst token.')).toBeTruthy();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();

    fireEvent.change(input, { target: { value: ANALYST } });
    fireEvent.click(screen.getByTestId('sign-in-submit'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
    expect(storage.getItem(TOKEN_KEY)).toBe(ANALYST);
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();

    fireEvent.click(screen.getByTestId('sign-out'));
    expect(await screen.findByTestId('token-input')).toBeTruthy();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
  });

  test('a stored token the service no longer accepts (401) returns to sign-in with a notice', async () => {
    const { storage } = renderConsole({ url: server.url, token: 'revoked-token-00000000000' });
    expect(await screen.findByTestId('session-notice')).toBeTruthy();
    expect(screen.getByTestId('token-input')).toBeTruthy();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
  });
});

describe('inbox', () => {
  test('lists a submitted report, newest first, with the service verdict; every call carries the token', async () => {
    const older = await report(server, fixture('unrelated.eml'));
    const receipt = await report(server, fixture('campaign-1.eml'), { reporter: { address: 'dana@example.org' } });
    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    expect(detail.verdict).toBeDefined();

    const { calls } = renderConsole({ url: server.url, token: ANALYST });
    const table = await screen.findByTestId('inbox');
    const row = rowFor(receipt.id);
    expect(within(row).getByTestId('verdict').getAttribute('data-verdict')).toBe(detail.verdict);
    expect(row.textContent).toContain('Salary adjustment notice 2025-01');
    expect(row.textContent).toContain('dana@example.org');
    expect(within(row).getByTestId('disposition').textContent).toBe('Pending');
    expect(within(row).getByTestId('campaign-link').getAttribute('href')).toBe(`#/campaigns/${receipt.campaignId}`);
    const ids = within(table).getAllByTestId('report-row').map((r) => r.getAttribute('data-report-id'));
    expect(ids.indexOf(receipt.id)).toBeLessThan(ids.indexOf(older.id));
    // Column headers are real table headers.
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['', 'Received', 'Verdict', 'Score', 'Subject', 'Sender', 'Reporter', 'Disposition', 'Campaign']);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.authorization === `Bearer ${ANALYST}`)).toBe(true);
  });

  test('filters change the query (and the hash), and the list follows', async () => {
    const hostile = await report(server, hostileEml('filter-1'), { reporter: { address: 'erin@example.org' } });
    const other = await report(server, fixture('unrelated.eml'), { reporter: { address: 'frank@example.org' } });
    const { calls } = renderConsole({ url: server.url, token: ANALYST });
    await screen.findByTestId('inbox');
    const lists = () => calls.filter((c) => c.url.pathname === '/api/reports');

    fireEvent.change(screen.getByTestId('filter-disposition'), { target: { value: 'pending' } });
    await waitFor(() => expect(lists().at(-1)!.url.searchParams.get('disposition')).toBe('pending'));
    expect(window.location.hash).toBe('#/reports?disposition=pending');

    fireEvent.change(screen.getByTestId('filter-reporter'), { target: { value: 'erin@example.org' } });
    fireEvent.click(screen.getByTestId('filter-apply'));
    await waitFor(() => expect(lists().at(-1)!.url.searchParams.get('reporter')).toBe('erin@example.org'));
    await waitFor(() => expect(screen.getAllByTestId('report-row').map((r) => r.getAttribute('data-report-id'))).toEqual([hostile.id]));
    expect(lists().at(-1)!.url.searchParams.get('disposition')).toBe('pending');

    fireEvent.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(lists().at(-1)!.url.search).toBe('?limit=50&offset=0'));
    fireEvent.change(await screen.findByTestId('filter-search'), { target: { value: 'PASSWORD' } });
    fireEvent.click(screen.getByTestId('filter-apply'));
    await waitFor(() => expect(lists().at(-1)!.url.searchParams.get('q')).toBe('PASSWORD'));
    // One wait for both: the list is empty while the new page loads.
    await waitFor(() => {
      const shown = screen.queryAllByTestId('report-row').map((r) => r.getAttribute('data-report-id'));
      expect(shown).toContain(hostile.id);
      expect(shown).not.toContain(other.id);
    });

    fireEvent.change(screen.getByTestId('filter-verdict'), { target: { value: 'dangerous' } });
    await waitFor(() => expect(lists().at(-1)!.url.searchParams.get('verdict')).toBe('dangerous'));
    expect(lists().at(-1)!.url.searchParams.get('q')).toBe('PASSWORD');
  });

  test('pages with limit and offset', async () => {
    for (let i = 0; i < 3; i++) await report(server, fixture('unrelated.eml'));
    const total = (await (await call(server, '/api/reports?limit=1')).json()).total as number;
    expect(total).toBeGreaterThanOrEqual(3);
    const { calls } = renderConsole({ url: server.url, token: ANALYST, hash: '#/reports?offset=1' });
    await screen.findByTestId('inbox');
    const last = calls.filter((c) => c.url.pathname === '/api/reports').at(-1)!;
    expect(last.url.searchParams.get('offset')).toBe('1');
    expect(last.url.searchParams.get('limit')).toBe('50');
    expect(screen.getByTestId('page-info').textContent).toBe(`2–${Math.min(total, 51)} of ${total}`);
    fireEvent.click(screen.getByTestId('page-previous'));
    await waitFor(() => expect(calls.filter((c) => c.url.pathname === '/api/reports').at(-1)!.url.searchParams.get('offset')).toBe('0'));
  });
});

describe('report detail', () => {
  test('shows hostile content as text only: no script, img or iframe elements; links defanged and not clickable', async () => {
    const receipt = await report(server, hostileEml('detail-1'));
    const { container } = renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}` });
    const body = await screen.findByTestId('message-body');
    expect(body.tagName).toBe('PRE');
    // The markup is there, as characters.
    expect(body.textContent).toContain(SCRIPT);
    expect(body.textContent).toContain(XSS);
    expect(body.textContent).toContain('<iframe src="hxxps://evil[.]example/frame"></iframe>');
    expect(body.textContent).toContain('hxxps://login[.]evil[.]example/reset?u=1');
    expect(body.textContent).not.toContain('https://login.evil.example');

    const subject = screen.getByTestId('report-subject');
    expect(subject.textContent).toContain(`Password expiry ${SCRIPT}`);
    // The right-to-left override is shown, not obeyed.
    expect(subject.textContent).toContain('⟨U+202E⟩fdp.exe');
    expect(container.textContent).not.toContain('\u202E');

    const links = await screen.findByTestId('links');
    const targets = within(links).getAllByTestId('link-target').map((cell) => cell.textContent);
    expect(targets).toContain('hxxps://login[.]evil[.]example/reset?u=1');
    expect(links.textContent).toContain('hxxps://www[.]example[.]org/reset'); // the text the reader saw, defanged too
    expect(container.textContent).not.toMatch(/https?:\/\//);

    expect(screen.getByTestId('header-summary').textContent).toContain(`it@evil[.]example — IT Desk ${XSS}`);
    expect(screen.getByTestId('raw-headers').textContent).toContain('Reply-To: <collect@freemail.example>');
    expect(screen.getByTestId('authentication').textContent).toMatch(/SPF\s*fail/);
    expect(screen.getByTestId('campaign-link').getAttribute('href')).toBe(`#/campaigns/${receipt.campaignId}`);

    expect(container.querySelectorAll('script, img, iframe, object, embed, frame, svg image').length).toBe(0);
    // Every anchor in the page is one of the console's own hash routes.
    for (const anchor of Array.from(container.querySelectorAll('a[href]'))) expect(anchor.getAttribute('href')).toMatch(/^#/);
  });

  test('findings show their rule, severity, title and evidence as text', async () => {
    const receipt = await report(server, hostileEml('findings-1'));
    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    expect(detail.analysis.findings.length).toBeGreaterThan(0);
    renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}` });
    const findings = await screen.findByTestId('findings');
    const items = within(findings).getAllByRole('listitem');
    expect(items).toHaveLength(detail.analysis.findings.length);
    const first = detail.analysis.findings[0];
    expect(items[0].getAttribute('data-rule')).toBe(first.rule);
    expect(items[0].textContent).toContain(first.title.en);
    expect(items[0].querySelectorAll('dl').length).toBe(Math.min(first.evidence.length, 20));
  });

  test('typing feedback and then clicking a disposition stores both: the reporter sees the feedback, the note stays internal; "Next pending report" moves on', async () => {
    const other = await report(server, hostileEml('triage-0'));
    const receipt = await report(server, hostileEml('triage-1'));
    const { calls } = renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}` });
    const control = await screen.findByTestId('disposition-control');
    expect(screen.getByTestId('current-disposition').textContent).toBe('Pending');
    fireEvent.change(screen.getByLabelText('Feedback for the reporter'), { target: { value: 'Thanks — this was phishing. We blocked the sender.' } });
    fireEvent.change(screen.getByLabelText('Internal note'), { target: { value: 'Blocked evil.example at the gateway' } });
    fireEvent.click(within(control).getByRole('button', { name: 'Malicious' }));
    await waitFor(() => expect(screen.getByTestId('current-disposition').textContent).toBe('Malicious'));
    expect(screen.getByTestId('triage-status').textContent).toBe('Saved: disposition, feedback and note.');
    expect(within(control).getByRole('button', { name: 'Malicious' }).getAttribute('aria-pressed')).toBe('true');

    const patches = () => calls.filter((c) => c.method === 'PATCH');
    expect(patches()).toHaveLength(1);
    expect(patches()[0].url.pathname).toBe(`/api/reports/${receipt.id}`);
    expect(patches()[0].body).toEqual({ disposition: 'malicious', feedback: 'Thanks — this was phishing. We blocked the sender.', note: 'Blocked evil.example at the gateway' });
    const mine = await (await call(server, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': receipt.statusToken } })).json();
    expect(mine.reports).toEqual([expect.objectContaining({ id: receipt.id, disposition: 'malicious', feedback: 'Thanks — this was phishing. We blocked the sender.' })]);
    expect(JSON.stringify(mine)).not.toContain('gateway'); // the internal note stays internal

    // A second disposition click sends only the disposition: nothing else changed.
    fireEvent.click(within(control).getByRole('button', { name: 'Suspicious' }));
    await waitFor(() => expect(screen.getByTestId('current-disposition').textContent).toBe('Suspicious'));
    expect(patches()[1].body).toEqual({ disposition: 'suspicious' });

    fireEvent.click(screen.getByTestId('next-report'));
    await waitFor(() => expect(window.location.hash).toBe(`#/reports/${other.id}`));
  });

  test('the inbox names each campaign with its size, shows the real address before the display name, and triages ticked reports in bulk', async () => {
    const long = 'IT Desk ' + 'x'.repeat(300);
    const first = await report(server, Buffer.from(`From: "${long}" <it@evil.example>\r\nTo: a@example.org\r\nSubject: Bulk one\r\nMessage-ID: <b1@evil.example>\r\n\r\nbody\r\n`));
    const second = await report(server, Buffer.from(`From: someone@other.example\r\nTo: a@example.org\r\nSubject: Bulk two\r\nMessage-ID: <b2@other.example>\r\n\r\nbody\r\n`));
    renderConsole({ url: server.url, token: ANALYST, hash: '#/reports' });
    const rows = await screen.findAllByTestId('report-row');
    const row = rows.find((r) => r.getAttribute('data-report-id') === first.id)!;
    expect(within(row).getByTestId('campaign-link').textContent).toBe('Bulk one (1)');
    const address = within(row).getByTestId('address');
    expect(address.textContent!.startsWith('it@evil[.]example — IT Desk')).toBe(true);

    for (const id of [first.id, second.id]) {
      const target = rows.find((r) => r.getAttribute('data-report-id') === id)!;
      fireEvent.click(within(target).getByRole('checkbox'));
    }
    expect((await screen.findByTestId('selected-count')).textContent).toBe('2 selected');
    fireEvent.click(within(screen.getByTestId('bulk-bar')).getByRole('button', { name: 'Benign' }));
    await waitFor(() => expect(screen.getByTestId('bulk-status').textContent).toBe('2 reports marked Benign.'));
    for (const id of [first.id, second.id]) expect((await (await call(server, `/api/reports/${id}`)).json()).disposition).toBe('benign');
  });

  test('search finds reports by URL, domain, attachment SHA-256 and Message-ID', async () => {
    const receipt = await report(server, hostileEml('search-1'), { networkMessageId: '7c4f1e2a-0000-4000-8000-00000000abcd' });
    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    const url = detail.indicators.find((i: { type: string }) => i.type === 'url')?.value as string | undefined;
    const unique = ['7c4f1e2a-0000-4000-8000-00000000abcd', detail.raw.sha256, detail.headers.messageId.replace(/[<>]/g, '')];
    for (const q of unique) {
      const found = await (await call(server, `/api/reports?q=${encodeURIComponent(q)}`)).json();
      expect([q, found.items.map((r: { id: string }) => r.id)]).toEqual([q, [receipt.id]]);
    }
    // The URL and its domain are shared with the other hostile samples: the report is among the results.
    expect(url).toBeDefined();
    for (const q of [url!, new URL(url!).hostname]) {
      const found = await (await call(server, `/api/reports?q=${encodeURIComponent(q.slice(0, 200))}&limit=200`)).json();
      expect(found.items.map((r: { id: string }) => r.id)).toContain(receipt.id);
    }
  });

  test('downloads fetch with the token and save through an object URL, without navigating', async () => {
    const raw = hostileEml('download-1');
    const receipt = await report(server, raw);
    const saved: { blob: Blob; name?: string }[] = [];
    const created = jest.fn((blob: Blob) => {
      saved.push({ blob });
      return 'blob:console-test';
    });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved[saved.length - 1].name = this.download;
      expect(this.href).toBe('blob:console-test');
    });
    try {
      const { calls } = renderConsole({ url: server.url, token: ANALYST, hash: `#/reports/${receipt.id}` });
      const hashBefore = `#/reports/${receipt.id}`;
      fireEvent.click(await screen.findByTestId('download-eml'));
      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      expect(saved[0].name).toBe(`report-${receipt.id}.eml`);
      expect(Buffer.from(await saved[0].blob.arrayBuffer()).equals(raw)).toBe(true);
      const download = calls.find((c) => c.url.pathname.endsWith('/eml'));
      expect(download?.authorization).toBe(`Bearer ${ANALYST}`);

      fireEvent.click(screen.getByTestId('download-arf'));
      await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
      expect(saved[1].name).toBe(`report-${receipt.id}-arf.eml`);
      expect(window.location.hash).toBe(hashBefore);
      // The temporary anchors are gone.
      expect(document.querySelectorAll('a[download]').length).toBe(0);
    } finally {
      click.mockRestore();
    }
  });

  test('an unknown report shows the service error', async () => {
    renderConsole({ url: server.url, token: ANALYST, hash: '#/reports/00000000-0000-4000-8000-000000000000' });
    expect((await screen.findByRole('alert')).textContent).toContain('Not found.');
  });
});

describe('campaigns', () => {
  // A service of their own, so reports from other tests do not join these campaigns.
  let shared: TestServer;
  beforeAll(async () => {
    shared = server;
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    server = shared;
  });

  test('a campaign page counts reports and distinct reporters, lists indicators (defanged) and reports, and triages them all', async () => {
    const first = await report(server, fixture('campaign-1.eml'), { reporter: { address: 'alice@example.org' } });
    await report(server, fixture('campaign-2.eml'), { reporter: { address: 'bob@example.org' } });
    await report(server, fixture('campaign-3.eml'), { reporter: { address: 'Alice@example.org' } });
    const campaign = await (await call(server, `/api/campaigns/${first.campaignId}`)).json();

    const { calls } = renderConsole({ url: server.url, token: ANALYST, hash: '#/campaigns' });
    const list = await screen.findByTestId('campaigns');
    const row = within(list).getAllByTestId('campaign-row').find((r) => r.getAttribute('data-campaign-id') === campaign.id)!;
    expect(row.textContent).toContain('Salary adjustment notice 2025-01');

    await go(`#/campaigns/${campaign.id}`);
    await screen.findByTestId('campaign-detail');
    // A new page moves focus to the start of the main content.
    expect(document.activeElement?.id).toBe('main');
    expect(screen.getByTestId('report-count').textContent).toBe(String(campaign.reportCount));
    expect(screen.getByTestId('reporter-count').textContent).toBe('2'); // alice twice (any case), bob
    expect(within(screen.getByTestId('campaign-reports')).getAllByTestId('report-row')).toHaveLength(campaign.reports.length);
    const indicators = screen.getByTestId('indicators');
    expect(indicators.textContent).toContain('hxxps://docs-share[.]example/f/ab12cd?dl=1');
    expect(indicators.textContent).not.toContain('https://docs-share.example');

    // A campaign-wide disposition asks first, naming how many reports it overwrites.
    fireEvent.click(within(screen.getByTestId('disposition-control')).getByRole('button', { name: 'Malicious' }));
    const question = screen.getByTestId('campaign-confirm');
    expect(question.textContent).toContain(`Mark all ${campaign.reportCount} reports of this campaign as Malicious?`);
    expect(document.activeElement).toBe(question);
    expect(screen.getByRole('group', { name: `Mark all ${campaign.reportCount} reports of this campaign as Malicious?` })).toBe(question);
    // Cancel changes nothing and hands focus back to the button.
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('campaign-confirm')).toBeNull();
    expect(document.activeElement).toBe(within(screen.getByTestId('disposition-control')).getByRole('button', { name: 'Malicious' }));
    // Escape cancels as well.
    fireEvent.click(within(screen.getByTestId('disposition-control')).getByRole('button', { name: 'Benign' }));
    fireEvent.keyDown(screen.getByTestId('campaign-confirm'), { key: 'Escape' });
    expect(screen.queryByTestId('campaign-confirm')).toBeNull();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    const unchanged = await (await call(server, `/api/campaigns/${campaign.id}`)).json();
    expect(unchanged.dispositions).toEqual({ pending: campaign.reportCount });

    fireEvent.click(within(screen.getByTestId('disposition-control')).getByRole('button', { name: 'Simulation' }));
    fireEvent.click(within(screen.getByTestId('campaign-confirm')).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(screen.getByTestId('campaign-triage-status').textContent).toBe(`${campaign.reportCount} reports updated.`));
    expect(screen.queryByTestId('campaign-confirm')).toBeNull();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ url: expect.objectContaining({ pathname: `/api/campaigns/${campaign.id}` }), body: { disposition: 'simulation' } });
    const after = await (await call(server, `/api/campaigns/${campaign.id}`)).json();
    expect(after.dispositions).toEqual({ simulation: campaign.reportCount });
  });

  test('STIX and CSV export buttons download the campaign files', async () => {
    const receipt = await report(server, fixture('campaign-1.eml'));
    const names: string[] = [];
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      renderConsole({ url: server.url, token: ANALYST, hash: `#/campaigns/${receipt.campaignId}` });
      fireEvent.click(await screen.findByTestId('download-stix'));
      await waitFor(() => expect(names).toHaveLength(1));
      fireEvent.click(screen.getByTestId('download-csv'));
      await waitFor(() => expect(names).toHaveLength(2));
      expect(names).toEqual([`campaign-${receipt.campaignId}.stix.json`, `campaign-${receipt.campaignId}-indicators.csv`]);
    } finally {
      click.mockRestore();
    }
  });
});

describe('language', () => {
  test('Japanese from the browser language, <html lang> follows, and the switch changes it', async () => {
    const { preferences } = renderConsole({ url: server.url, token: ANALYST, language: 'ja-JP' });
    expect(await screen.findByRole('heading', { level: 1, name: '報告' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    await screen.findByTestId('inbox');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('判定');
    await act(async () => {
      fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(preferences.getItem('lurelens.console.language')).toBe('en');
  });

  test('the campaign-wide disposition asks in Japanese, and キャンセル leaves the reports as they were', async () => {
    const receipt = await report(server, fixture('campaign-1.eml'));
    const before = await (await call(server, `/api/campaigns/${receipt.campaignId}`)).json();
    const { calls } = renderConsole({ url: server.url, token: ANALYST, language: 'ja-JP', hash: `#/campaigns/${receipt.campaignId}` });
    await screen.findByTestId('campaign-detail');
    fireEvent.click(within(screen.getByTestId('disposition-control')).getByRole('button', { name: '悪意あり' }));
    const question = screen.getByTestId('campaign-confirm');
    expect(question.textContent).toContain(`このキャンペーンの報告 ${before.reportCount} 件すべてを「悪意あり」にしますか？`);
    expect(document.activeElement).toBe(question);
    expect(within(question).getByRole('button', { name: '確定' })).toBeTruthy();
    fireEvent.click(within(question).getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByTestId('campaign-confirm')).toBeNull();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    const after = await (await call(server, `/api/campaigns/${receipt.campaignId}`)).json();
    expect(after.dispositions).toEqual(before.dispositions);
  });
});

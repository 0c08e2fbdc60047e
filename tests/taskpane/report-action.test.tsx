/** @jest-environment jsdom */
// Report, one click away, and truthful afterwards: suspicious and dangerous messages are reported with
// one click; a clean one asks what looked wrong first; the card then says "Reported on … to <team>"
// only once the team has it, "Not sent yet" while it waits, the status from My reports, and asks
// before the same message is reported twice.
import './polyfills';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Verdict } from '../../src/engine/model';
import type { PolicyLoader } from '../../src/office/policy-source';
import { resolvePolicy } from '../../src/policy';
import type { ReportOutcome } from '../../src/report/reporter';
import { App } from '../../src/taskpane/App';
import { formatDate } from '../../src/taskpane/format';
import { FakeReporter, defaultPolicy, fixedVerdict, loaded, message, staticSource } from './helpers';

const DANGEROUS: Verdict = { verdict: 'dangerous', score: 90, notChecked: [], findings: [] };
const CLEAN: Verdict = { verdict: 'clean', score: 0, notChecked: [], findings: [] };
const DELIVERED: ReportOutcome = { status: 'delivered', channel: 'endpoint', destination: 'lurelens.example.or.jp', reportId: 'r-7', message: { en: 'Reported to x.', ja: 'x' } };
const QUEUED: ReportOutcome = { status: 'queued', channel: 'endpoint', destination: 'lurelens.example.or.jp', message: { en: 'Could not reach.', ja: '接続できません。' } };
const teamPolicy: PolicyLoader = async () => ({
  policy: resolvePolicy({ reporting: { securityTeamName: 'Information Security Office', securityTeamNameJa: '情報セキュリティ室' } }),
  source: 'file',
});
const REPORTED_AT = formatDate('2026-11-30T05:06:00.000Z', 'en');

function pane(reporter: FakeReporter, verdict = DANGEROUS, options: { language?: 'en' | 'ja'; policy?: PolicyLoader } = {}) {
  return render(
    <App
      source={staticSource(loaded(message({ messageId: '<m1@example.net>' })))}
      loadPolicy={options.policy ?? teamPolicy}
      createReporter={() => reporter}
      language={options.language ?? 'en'}
      theme="light"
      analyzeMessage={fixedVerdict(verdict)}
    />,
  );
}

const status = () => screen.getByTestId('report-status');

describe('reporting a suspicious or dangerous message', () => {
  it('sends with one click and says when and to whom, by the team’s name', async () => {
    const reporter = new FakeReporter(DELIVERED);
    pane(reporter);
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    await waitFor(() => expect(status().textContent).toContain(`Reported on ${REPORTED_AT} to Information Security Office.`));
    expect(reporter.requests).toEqual([{ reasons: [] }]);
    expect(status().textContent).not.toContain('lurelens.example.or.jp');
    expect(reporter.stateQueries[0]).toEqual({ messageId: '<m1@example.net>' });
  });

  it('names “your security team” when the policy names none', async () => {
    const reporter = new FakeReporter(DELIVERED);
    pane(reporter, DANGEROUS, { policy: defaultPolicy });
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    await waitFor(() => expect(status().textContent).toContain('to your security team.'));
  });

  it('shows the status from My reports for that message, with the team’s note', async () => {
    const reporter = new FakeReporter(DELIVERED, [{ id: 'r-7', key: 'k', subject: 'Agenda', receivedAt: '2026-11-30T05:06:00Z', disposition: 'malicious', feedback: 'Blocked the sender' }]);
    reporter.known = { state: 'delivered', at: '2026-11-30T05:06:00.000Z', reportId: 'r-7', channel: 'endpoint' };
    pane(reporter);
    await waitFor(() => expect(status().textContent).toContain('Status: Confirmed malicious — thank you'));
    expect(status().textContent).toContain('Blocked the sender');
    expect(status().getAttribute('data-state')).toBe('delivered');
  });

  it('never says sent for a report that waits on this device', async () => {
    const reporter = new FakeReporter(QUEUED);
    pane(reporter);
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    await waitFor(() => expect(status().textContent).toContain('Not sent yet: saved on this device, and sent to Information Security Office automatically'));
    expect(status().textContent).not.toMatch(/Reported on|^Sent to|delivered|lurelens/);
  });

  it('asks before reporting the same message again; Cancel sends nothing', async () => {
    const reporter = new FakeReporter(DELIVERED);
    reporter.known = { state: 'delivered', at: '2026-11-30T05:06:00.000Z', reportId: 'r-7', channel: 'endpoint' };
    pane(reporter);
    await waitFor(() => expect(status().textContent).toContain('Reported on'));
    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    const question = await screen.findByText(`You already reported this message on ${REPORTED_AT}. Report it again?`);
    await waitFor(() => expect(document.activeElement).toBe(question));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(reporter.requests).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Report again' }));
    await waitFor(() => expect(reporter.requests).toEqual([{ reasons: [] }]));
  });

  it('asks too while an earlier report of it still waits to be sent', async () => {
    const reporter = new FakeReporter(QUEUED);
    reporter.known = { state: 'queued', since: '2026-11-30T05:06:00.000Z', attempts: 2 };
    pane(reporter);
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    expect(await screen.findByText('A report of this message is already waiting to be sent. Report it again?')).toBeTruthy();
  });

  it('lets a refused report be sent again without asking, and says it was refused', async () => {
    const reporter = new FakeReporter(DELIVERED);
    reporter.known = { state: 'rejected', since: '2026-11-30T05:06:00.000Z', serverMessage: 'Report too large' };
    pane(reporter);
    await waitFor(() => expect(status().textContent).toContain('The report was refused. Please forward the message to Information Security Office instead. Report too large'));
    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    await waitFor(() => expect(reporter.requests).toHaveLength(1));
  });

  it('adds a note first when asked: reasons and comment go with the report', async () => {
    const reporter = new FakeReporter(DELIVERED);
    pane(reporter);
    fireEvent.click(await screen.findByRole('button', { name: 'Report with a note…' }));
    fireEvent.click(await screen.findByLabelText('A link looks suspicious'));
    fireEvent.click(screen.getByLabelText('The sender pretends to be someone else'));
    fireEvent.change(screen.getByLabelText(/Note for the security team/), { target: { value: '  not expected  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(reporter.requests).toEqual([{ reasons: ['impersonation', 'suspicious-link'], comment: 'not expected' }]));
  });

  it.each([
    ['a prefilled report message to send', { status: 'compose-opened', channel: 'compose', destination: 'soc@example.or.jp', message: { en: 'Press Send in the new window.', ja: '送信してください。' } }, 'Press Send in the new window.'],
    ['a failure', { status: 'failed', message: { en: 'Reporting has not been set up.', ja: '設定されていません。' } }, 'Reporting has not been set up.'],
    ['the message moved to Junk', { ...DELIVERED, moved: 'junk' }, 'The message was moved to Junk Email.'],
  ] as [string, ReportOutcome, string][])('says so for %s', async (_name, outcome, words) => {
    pane(new FakeReporter(outcome));
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    await waitFor(() => expect(status().textContent).toContain(words));
  });

  it('says the report could not be sent when the reporter throws, and leaves the message alone', async () => {
    pane(new FakeReporter(new Error('boom')));
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    expect(await screen.findByText('The report could not be sent. The message was not changed.')).toBeTruthy();
  });

  it('speaks Japanese', async () => {
    const reporter = new FakeReporter(DELIVERED);
    pane(reporter, DANGEROUS, { language: 'ja' });
    fireEvent.click(await screen.findByRole('button', { name: '報告する' }));
    await waitFor(() => expect(status().textContent).toContain(`${formatDate('2026-11-30T05:06:00.000Z', 'ja')}に情報セキュリティ室へ報告しました。`));
  });
});

describe('reporting a clean message', () => {
  it('“Report anyway” asks what looked wrong first, then sends', async () => {
    const reporter = new FakeReporter(DELIVERED);
    pane(reporter, CLEAN);
    const card = await screen.findByTestId('verdict-card');
    fireEvent.click(within(card).getByRole('button', { name: 'Report anyway' }));
    expect(within(card).queryByRole('button', { name: 'Report with a note…' })).toBeNull();
    fireEvent.click(await screen.findByLabelText('Unexpected attachment'));
    expect(reporter.requests).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(reporter.requests).toEqual([{ reasons: ['unexpected-attachment'] }]));
    await waitFor(() => expect(status().textContent).toContain('Reported on'));
  });
});

/** @jest-environment jsdom */
// The report form is a separate script (ReportAction.tsx loads ReportForm on its own). When that script
// cannot be fetched the pane says the report could not be sent, and the next click fetches it again.
import './polyfills';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { defaultPolicy, FakeReporter, loaded, message, staticSource } from './helpers';

const mockLoads = { count: 0 };
jest.mock('../../src/taskpane/ReportForm', () => {
  mockLoads.count += 1;
  // The load started when the Report action appeared, and the one for the first click, both fail.
  if (mockLoads.count <= 2) throw new Error('Loading chunk report-form failed');
  return jest.requireActual('../../src/taskpane/ReportForm');
});

describe('report form loaded on demand', () => {
  it('recovers from a failed load of the form: error first, the form on the next click, and the report is sent', async () => {
    const reporter = new FakeReporter({ status: 'queued', message: { en: 'Will retry later.', ja: '後で再送信します。' } });
    render(<App source={staticSource(loaded(message()))} loadPolicy={defaultPolicy} createReporter={() => reporter} language="en" theme="light" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Report anyway' }));
    expect(await screen.findByText('The report could not be sent. The message was not changed.')).toBeTruthy();
    expect(screen.queryByLabelText('A link looks suspicious')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Report anyway' }));
    fireEvent.click(await screen.findByLabelText('A link looks suspicious'));
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/Not sent yet: saved on this device/)).toBeTruthy();
    expect(reporter.requests).toEqual([{ reasons: ['suspicious-link'] }]);
    expect(mockLoads.count).toBe(3);
  });
});

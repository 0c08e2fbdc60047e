// The pane's stand-in reporter: the real one (reporting code in its own script) is loaded on first use,
// once, and a failed load is tried again rather than remembered.
import { lazyPaneReporter } from '../../src/report/lazy-reporter';
import type { PaneReporter } from '../../src/report/pane-reporter';

function fakeReporter(): PaneReporter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    report: async (request) => {
      calls.push(`report ${request.reasons.join(',')}`);
      return { status: 'queued', message: { en: 'Will retry later.', ja: '後で再送信します。' } };
    },
    myReports: async () => {
      calls.push('myReports');
      return [];
    },
    flushOutbox: async () => {
      calls.push('flushOutbox');
      return 2;
    },
    pending: async () => {
      calls.push('pending');
      return [{ key: 'k1', subject: 'Invoice', queuedAt: '2026-11-30T09:00:00Z', attempts: 1, state: 'pending' }];
    },
    dismiss: async (key) => void calls.push(`dismiss ${key}`),
    reportState: async (message) => {
      calls.push(`reportState ${message.messageId}`);
      return { state: 'queued', since: '2026-11-30T09:00:00Z', attempts: 1 };
    },
  };
}

describe('lazyPaneReporter', () => {
  it('loads nothing until used, then loads once and passes every call and answer through', async () => {
    const real = fakeReporter();
    const load = jest.fn(async () => real);
    const reporter = lazyPaneReporter(load);
    expect(load).not.toHaveBeenCalled();

    const [flushed, outcome] = await Promise.all([reporter.flushOutbox(), reporter.report({ reasons: ['impersonation'] })]);
    expect(flushed).toBe(2);
    expect(outcome.status).toBe('queued');
    expect(await reporter.myReports()).toEqual([]);
    expect((await reporter.pending()).map((entry) => entry.key)).toEqual(['k1']);
    await reporter.dismiss('k1');
    expect(await reporter.reportState({ messageId: '<m1@example.jp>' })).toMatchObject({ state: 'queued' });

    expect(load).toHaveBeenCalledTimes(1);
    expect(real.calls).toEqual(['flushOutbox', 'report impersonation', 'myReports', 'pending', 'dismiss k1', 'reportState <m1@example.jp>']);
  });

  it('rejects while the reporting script cannot be fetched, and fetches it again on the next call', async () => {
    const real = fakeReporter();
    const load = jest.fn<Promise<PaneReporter>, []>().mockRejectedValueOnce(new Error('Loading chunk report failed')).mockResolvedValue(real);
    const reporter = lazyPaneReporter(load);
    await expect(reporter.report({ reasons: [] })).rejects.toThrow('Loading chunk report failed');
    expect(await reporter.flushOutbox()).toBe(2);
    expect(await reporter.flushOutbox()).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

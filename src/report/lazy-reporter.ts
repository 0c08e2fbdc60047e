// The task pane's reporter, loaded on first use. Reporting (channels, outbox, MIME rebuilding, the
// receipt schema) is a good part of the pane's code but is not needed to show a verdict, so the pane
// starts with this stand-in and fetches the real reporter as a separate script the first time any of
// its methods runs (at the latest when the pane retries its outbox, just after the first render).
import type { PaneReporter } from './pane-reporter';

export function lazyPaneReporter(load: () => Promise<PaneReporter>): PaneReporter {
  let loading: Promise<PaneReporter> | undefined;
  const real = (): Promise<PaneReporter> => {
    if (!loading) {
      const attempt = load();
      loading = attempt;
      // A script that failed to load (offline) is fetched again on the next call rather than cached.
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };
  return {
    report: async (request) => (await real()).report(request),
    myReports: async () => (await real()).myReports(),
    flushOutbox: async () => (await real()).flushOutbox(),
    pending: async () => (await real()).pending(),
    dismiss: async (key) => (await real()).dismiss(key),
    reportState: async (message) => (await real()).reportState(message),
  };
}

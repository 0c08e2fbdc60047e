// The task pane's Reporter wired to Outlook: the open message through Office.js, the outbox in
// OfficeRuntime.storage (shared with the Report button) or localStorage, tokens through nested app
// authentication loaded on demand (Graph's, and the service API's for verified reporters, asked
// silently), and the compose form as the last resort.
import type { Verdict } from '../engine/model';
import type { ReportingPolicy } from '../policy/types';
import type { FetchLike } from './http';
import { officeTokenProvider, type MsalModule } from './office-auth';
import { officeClientInfo, officeComposeForm, officeReporterIdentity, officeReportItem } from './office-item';
import { createPaneReporter, type PaneReporter } from './pane-reporter';
import { ReportService, type ReportLog } from './service';
import { defaultStore, type KeyValueStore } from './stores';
import type { TokenProvider } from './tokens';

export interface OfficeReporterEnv {
  /** The resolved policy (only `reporting` is used). */
  policy: { reporting: ReportingPolicy };
  /** The verdict the pane is showing for the open message. */
  currentVerdict?: () => Verdict | undefined;
  addinVersion?: string;
  mailbox?: Office.Mailbox;
  fetch?: FetchLike;
  store?: KeyValueStore;
  tokens?: TokenProvider;
  /** MSAL for nested app authentication; default: its own script, loaded the first time a token is needed. */
  loadMsal?: () => Promise<MsalModule>;
  log?: ReportLog;
}

export function createOfficeReporter(env: OfficeReporterEnv): PaneReporter {
  const mailbox = env.mailbox ?? Office.context.mailbox;
  const reporting = env.policy.reporting ?? {};
  const { store, persistent } = env.store ? { store: env.store, persistent: true } : defaultStore();
  const tokens =
    env.tokens ??
    officeTokenProvider(reporting.entraClientId, {
      // Dynamic import: the pane loads MSAL only when an Entra app is configured and a token is needed.
      loadMsal: env.loadMsal ?? (() => import(/* webpackChunkName: "msal" */ './msal-naa.js').then((module) => module.nestedAppAuthMsal)),
      interactive: true,
    });
  const fetchFn: FetchLike = env.fetch ?? ((url, init) => fetch(url, init));
  const service = new ReportService({
    reporting,
    fetch: fetchFn,
    store,
    storePersistent: persistent,
    tokens,
    compose: officeComposeForm(mailbox),
    log: env.log,
  });
  return createPaneReporter({
    service,
    reporting,
    currentItem: () => officeReportItem(mailbox),
    reporter: () => officeReporterIdentity(mailbox),
    client: () => officeClientInfo(env.addinVersion),
    verdict: env.currentVerdict,
    tokens,
    fetch: fetchFn,
  });
}

// Function file for Outlook's integrated Report button (spam-reporting extension point).
// Classic Outlook on Windows runs this in its JavaScript-only runtime: no DOM, no localStorage, no
// module loading at run time. So this bundle is one file (MSAL's nested app authentication is imported
// statically, not lazily; see report/msal-naa.ts), nothing touches the DOM, and Office.onReady is not
// relied on (it does not run there).
import type { ReportingPolicy } from '../policy/types';
import type { FetchLike } from '../report/http';
import { createNaaTokenProvider } from '../report/office-auth';
import { nestedAppAuthMsal } from '../report/msal-naa';
import { officeClientInfo, officeDisplayLanguage, officeReporterIdentity, officeReportItem } from '../report/office-item';
import { ReportService, consoleLog } from '../report/service';
import { defaultStore } from '../report/stores';
import { loadReporting, policyUrlFor } from './policy-source';
import { handleSpamReport, type SpamReportEvent } from './spam-report';

/** Where this code was loaded from: the script URL in the JavaScript-only runtime, the page elsewhere. */
function runtimeBase(): string | undefined {
  const urls = (Office.context as { urls?: { javascriptRuntimeUrl?: string } } | undefined)?.urls;
  if (urls?.javascriptRuntimeUrl) return urls.javascriptRuntimeUrl;
  return (globalThis as { location?: { href?: string } }).location?.href;
}

const fetchFn: FetchLike = (url, init) => fetch(url, init);

function createService(reporting: ReportingPolicy): ReportService {
  const { store, persistent } = defaultStore();
  const tokens = reporting.entraClientId
    ? createNaaTokenProvider({ clientId: reporting.entraClientId, loadMsal: async () => nestedAppAuthMsal, interactive: false })
    : undefined;
  // No compose form here: Outlook does not open message forms from this event.
  return new ReportService({ reporting, fetch: fetchFn, store, storePersistent: persistent, tokens, log: consoleLog });
}

/** Handles the Report button. Every path ends in exactly one `event.completed(...)`. */
export function onSpamReport(event: Office.AddinCommands.Event | SpamReportEvent): void {
  const mailbox = Office.context.mailbox;
  void handleSpamReport(event as SpamReportEvent, {
    loadReporting: () =>
      loadReporting({
        url: policyUrlFor(runtimeBase()),
        fetch: fetchFn,
        store: defaultStore().store,
      }),
    createService,
    item: () => officeReportItem(mailbox),
    reporter: () => officeReporterIdentity(mailbox),
    client: () => officeClientInfo(),
    displayLanguage: officeDisplayLanguage,
    log: consoleLog,
  });
}

if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate('onSpamReport', onSpamReport);
}

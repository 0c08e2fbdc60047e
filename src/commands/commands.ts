// Function file for Outlook's integrated Report button (spam-reporting extension point), as short as
// Microsoft's spam-reporting sample: Office.onReady, then Office.actions.associate.
// Classic Outlook on Windows runs this in its JavaScript-only runtime: no DOM, no localStorage, no
// module loading at run time, and onReady's callbacks never run. So this bundle is one file (MSAL's
// nested app authentication is imported statically, not lazily; see report/msal-naa.ts), nothing
// touches the DOM, and nothing waits for onReady. tests/commands/js-runtime.built.test.ts runs the built file
// the way that runtime does.
import type { ReportingPolicy } from '../policy/types';
import type { FetchLike } from '../report/http';
import { officeTokenProvider } from '../report/office-auth';
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
  // No sign-in window here: a token that needs the user waits in the outbox for the pane.
  const tokens = officeTokenProvider(reporting.entraClientId, { loadMsal: async () => nestedAppAuthMsal, interactive: false });
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

if (typeof Office !== 'undefined') {
  // Web, new Outlook and Mac load Office.js beside this script in commands.html: onReady makes sure it
  // has initialised before Outlook calls the handler.
  if (typeof Office.onReady === 'function') void Office.onReady().catch(() => undefined);
  Office.actions?.associate('onSpamReport', onSpamReport);
}

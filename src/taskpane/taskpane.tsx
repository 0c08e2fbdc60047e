// Entry point inside Outlook: wait for Office, then wire the Office adapters into the pane.
// What the first verdict does not need is loaded later as separate scripts: reporting (on first use,
// i.e. when the pane retries its outbox after the first render), the reasons' details and the sections
// below them, the policy.json checker (only when there is a policy.json) and MSAL (only when Graph
// reporting is configured and a token is needed).
import { createRoot } from 'react-dom/client';
import { languageFor } from '../i18n';
import { browserPolicyMemo, createPolicyLoader } from '../office/policy-source';
import { createOfficeMessageSource, type OfficeMailboxLike } from '../office/session';
import { officeThemeHost, officeThemeSource, type ThemeSource } from '../office/theme';
import { lazyPaneReporter } from '../report/lazy-reporter';
import { App, type AppProps, type ReporterFactory } from './App';
import type { HistoryLookupFactory } from './useSenderHistory';
import { useTheme } from './useTheme';

function OutlookPane({ themes, ...props }: Omit<AppProps, 'theme'> & { themes: ThemeSource }) {
  return <App {...props} theme={useTheme(themes)} />;
}

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const mailbox = Office.context.mailbox;
  const source = createOfficeMessageSource({ mailbox: mailbox as unknown as OfficeMailboxLike });
  const loadPolicy = createPolicyLoader({ memo: browserPolicyMemo() });
  const createReporter: ReporterFactory = (policy, currentVerdict) =>
    lazyPaneReporter(() =>
      import(/* webpackChunkName: "report" */ '../report/office-reporter.js').then(({ createOfficeReporter }) => createOfficeReporter({ policy, currentVerdict, mailbox })),
    );
  // The sender-history check and the Graph client load after the verdict, and only when the policy asks for it.
  const createHistoryLookup: HistoryLookupFactory = async (policy) =>
    policy.senderHistory
      ? import(/* webpackChunkName: "sender-history" */ '../graph/office-access.js').then(({ officeHistoryAccess }) => officeHistoryAccess(policy))
      : 'off';
  const themes = officeThemeSource(officeThemeHost(Office as unknown as Parameters<typeof officeThemeHost>[0]));
  createRoot(container).render(
    <OutlookPane source={source} loadPolicy={loadPolicy} createReporter={createReporter} createHistoryLookup={createHistoryLookup} language={languageFor(Office.context.displayLanguage)} themes={themes} />,
  );
});

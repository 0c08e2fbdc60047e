// Entry point inside Outlook: wait for Office, then wire the Office adapters into the pane.
import { createRoot } from 'react-dom/client';
import { languageFor } from '../i18n';
import { createPolicyLoader } from '../office/policy-source';
import { createOfficeMessageSource, type OfficeMailboxLike } from '../office/session';
import { createOfficeReporter } from '../report/office-reporter';
import { App, type ReporterFactory } from './App';
import { themeFor } from './theme';

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const mailbox = Office.context.mailbox;
  const source = createOfficeMessageSource({ mailbox: mailbox as unknown as OfficeMailboxLike });
  const loadPolicy = createPolicyLoader();
  const createReporter: ReporterFactory = (policy, currentVerdict) => createOfficeReporter({ policy, currentVerdict, mailbox });
  let theme: 'light' | 'dark' = 'light';
  try {
    theme = themeFor(Office.context.officeTheme);
  } catch {
    // officeTheme is missing on some clients; light is Outlook's default.
  }
  createRoot(container).render(
    <App source={source} loadPolicy={loadPolicy} createReporter={createReporter} language={languageFor(Office.context.displayLanguage)} theme={theme} />,
  );
});

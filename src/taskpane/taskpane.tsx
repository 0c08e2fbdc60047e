// Entry point inside Outlook: wait for Office, then wire the Office adapters into the pane.
import { createRoot } from 'react-dom/client';
import { languageFor } from '../i18n';
import { createPolicyLoader } from '../office/policy-source';
import { createOfficeMessageSource, type OfficeMailboxLike } from '../office/session';
import { createOfficeReporter } from '../report/office-reporter';
import { App, type ReporterFactory } from './App';

/** Outlook's theme colours -> the pane's; dark when the body background is dark. */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): 'light' | 'dark' {
  const match = /^#?([0-9a-f]{6})$/i.exec(officeTheme?.bodyBackgroundColor ?? '');
  if (!match) return 'light';
  const value = parseInt(match[1], 16);
  const luminance = 0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255);
  return luminance < 128 ? 'dark' : 'light';
}

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

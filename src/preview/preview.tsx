// Entry of the preview page (/preview.html): the real task pane over a fake Outlook mailbox, so the
// add-in can be seen working without Outlook. No office.js is loaded (the page works offline); a
// minimal preview-only `Office` global (office-global.ts) stands in for what the report code reads.
import { createRoot } from 'react-dom/client';
import { languageFor, type Language } from '../i18n';
import { createPolicyLoader } from '../office/policy-source';
import { createOfficeMessageSource, type OfficeMailboxLike } from '../office/session';
import { createOfficeReporter } from '../report/office-reporter';
import { PREVIEW_USER_ADDRESS, PREVIEW_USER_NAME } from '../samples';
import type { ReporterFactory } from '../taskpane/App';
import { PreviewMailbox } from './fake-mailbox';
import { installPreviewOffice, previewIsSetSupported } from './office-global';
import { PreviewApp } from './PreviewApp';

// The signed-in user is PREVIEW_USER_ADDRESS (src/samples/index.ts), an address of the demo policy's organisation.

function start(): void {
  const container = document.getElementById('root');
  if (!container) return;
  const initialLanguage: Language = languageFor(navigator.language);
  const mailbox = new PreviewMailbox({ userAddress: PREVIEW_USER_ADDRESS, userName: PREVIEW_USER_NAME });
  const office = installPreviewOffice(mailbox, initialLanguage === 'ja' ? 'ja-JP' : 'en-US');
  const source = createOfficeMessageSource({ mailbox: mailbox as unknown as OfficeMailboxLike, isSetSupported: previewIsSetSupported });
  const loadPolicy = createPolicyLoader();
  const createReporter: ReporterFactory = (policy, currentVerdict) =>
    createOfficeReporter({ policy, currentVerdict, mailbox: mailbox as unknown as Office.Mailbox, addinVersion: 'preview' });
  const onLanguageChange = (language: Language) => {
    office.context.displayLanguage = language === 'ja' ? 'ja-JP' : 'en-US';
  };
  createRoot(container).render(
    <PreviewApp
      mailbox={mailbox}
      source={source}
      loadPolicy={loadPolicy}
      createReporter={createReporter}
      initialLanguage={initialLanguage}
      onLanguageChange={onLanguageChange}
    />,
  );
}

start();

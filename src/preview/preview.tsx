// Entry of the preview page (/preview.html): the real task pane over a fake Outlook mailbox, so the
// add-in can be seen working without Outlook. No office.js is loaded (the page works offline); a
// minimal preview-only `Office` global (office-global.ts) stands in for what the report code reads.
//
// The address may choose what the page opens with (all optional):
//   ?lang=en|ja          language (default: the browser's)
//   ?theme=light|dark    Outlook's theme (default: the system's prefers-color-scheme, followed live)
//   ?sample=<file>       the sample message to open first (default: the first sample)
//   ?layout=pane         only the task pane, filling the window (Outlook's pane is 320-350 px wide)
import { createRoot } from 'react-dom/client';
import { languageFor, type Language } from '../i18n';
import { browserPolicyMemo, createPolicyLoader } from '../office/policy-source';
import { createOfficeMessageSource, type OfficeMailboxLike } from '../office/session';
import { officeThemeHost, officeThemeSource, type ThemeName } from '../office/theme';
import { createOfficeReporter } from '../report/office-reporter';
import { PREVIEW_USER_ADDRESS, PREVIEW_USER_NAME, SAMPLES } from '../samples';
import type { ReporterFactory } from '../taskpane/App';
import type { HistoryLookupFactory } from '../taskpane/useSenderHistory';
import { PREVIEW_OFFICE_THEMES, PreviewMailbox } from './fake-mailbox';
import { installPreviewOffice, previewIsSetSupported } from './office-global';
import { PreviewApp } from './PreviewApp';

// The signed-in user is PREVIEW_USER_ADDRESS (src/samples/index.ts), an address of the demo policy's organisation.

function start(): void {
  const container = document.getElementById('root');
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const initialLanguage: Language = params.get('lang') === 'ja' || params.get('lang') === 'en' ? (params.get('lang') as Language) : languageFor(navigator.language);
  const systemDark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const asked = params.get('theme');
  const initialTheme: ThemeName = asked === 'dark' || asked === 'light' ? asked : systemDark?.matches ? 'dark' : 'light';
  const sample = params.get('sample');
  const initialSample = sample && SAMPLES.some((entry) => entry.file === sample) ? sample : undefined;

  const mailbox = new PreviewMailbox({ userAddress: PREVIEW_USER_ADDRESS, userName: PREVIEW_USER_NAME });
  mailbox.officeTheme = PREVIEW_OFFICE_THEMES[initialTheme];
  const office = installPreviewOffice(mailbox, initialLanguage === 'ja' ? 'ja-JP' : 'en-US');
  const source = createOfficeMessageSource({ mailbox: mailbox as unknown as OfficeMailboxLike, isSetSupported: previewIsSetSupported });
  const themes = officeThemeSource(officeThemeHost(office));
  const loadPolicy = createPolicyLoader({ memo: browserPolicyMemo() });
  const createReporter: ReporterFactory = (policy, currentVerdict) =>
    createOfficeReporter({ policy, currentVerdict, mailbox: mailbox as unknown as Office.Mailbox, addinVersion: 'preview' });
  // The preview always offers the sender-history check, over its built-in mailbox (no Graph, no sign-in).
  const createHistoryLookup: HistoryLookupFactory = (policy) =>
    import(/* webpackChunkName: "preview-history" */ './history-mailbox.js').then(({ previewHistoryAccess }) => previewHistoryAccess(policy));
  const onLanguageChange = (language: Language) => {
    office.context.displayLanguage = language === 'ja' ? 'ja-JP' : 'en-US';
  };
  createRoot(container).render(
    <PreviewApp
      mailbox={mailbox}
      source={source}
      loadPolicy={loadPolicy}
      createReporter={createReporter}
      createHistoryLookup={createHistoryLookup}
      initialLanguage={initialLanguage}
      onLanguageChange={onLanguageChange}
      themes={themes}
      initialTheme={initialTheme}
      systemDark={asked ? undefined : systemDark}
      initialSample={initialSample}
      layout={params.get('layout') === 'pane' ? 'pane' : 'page'}
    />,
  );
}

start();

// The preview page: a sample list and file picker, a reading pane, and the real task pane (App) reading
// the chosen message through the fake mailbox. The page only selects messages in the mailbox; the pane
// notices through ItemChanged, exactly as a pinned pane does in Outlook.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Badge,
  Button,
  FluentProvider,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Language } from '../i18n';
import type { PolicyLoader } from '../office/policy-source';
import type { MessageSource } from '../office/session';
import type { ThemeName, ThemeSource } from '../office/theme';
import type { Reporter } from '../report/reporter';
import { SAMPLES, type SampleMessage } from '../samples';
import { App, type ReporterFactory } from '../taskpane/App';
import type { HistoryLookupFactory } from '../taskpane/useSenderHistory';
import { useTheme } from '../taskpane/useTheme';
import { createPreviewItem, PREVIEW_OFFICE_THEMES, type NewMessageForm, type PreviewItem, type PreviewMailbox } from './fake-mailbox';
import { ReadingPane } from './ReadingPane';
import { previewStrings, type PreviewStrings } from './strings';

/** Outlook's limit for a message is 35 MB (Exchange Online default for sending); larger files are refused unread. */
export const MAX_EML_BYTES = 35 * 1024 * 1024;
export const MAX_EML_MB = 35;

/** Header fields of which at least one must be present for a file to count as a message. */
const MAIL_HEADERS = new Set(['from', 'to', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version', 'sender', 'cc']);

export type SampleFetcher = (file: string) => Promise<Uint8Array>;

/** Fetches a sample relative to the page (dist/web/samples/<file>). */
export const fetchSampleFromPage: SampleFetcher = async (file) => {
  const response = await fetch(new URL(`samples/${encodeURIComponent(file)}`, location.href).toString(), { cache: 'no-cache', credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

export type OpenProblem = { kind: 'too-large' } | { kind: 'empty' } | { kind: 'not-mail' } | { kind: 'read-failed' } | { kind: 'sample'; detail: string };

/** Reads .eml bytes into an item, or says why the file is not a message. */
export async function openEml(bytes: Uint8Array, fileName: string): Promise<{ item: PreviewItem } | { problem: OpenProblem }> {
  if (bytes.byteLength === 0) return { problem: { kind: 'empty' } };
  if (bytes.byteLength > MAX_EML_BYTES) return { problem: { kind: 'too-large' } };
  const item = await createPreviewItem(bytes, fileName);
  const message = item.message;
  const looksLikeMail = message.headers.some((header) => MAIL_HEADERS.has(header.name.toLowerCase()));
  if (!looksLikeMail) return { problem: { kind: 'not-mail' } };
  return { item };
}

function problemText(problem: OpenProblem, t: PreviewStrings): string {
  switch (problem.kind) {
    case 'too-large':
      return t.errorTooLarge(MAX_EML_MB);
    case 'empty':
      return t.errorEmpty;
    case 'not-mail':
      return t.errorNotMail;
    case 'read-failed':
      return t.errorReadFile;
    case 'sample':
      return t.errorSampleFetch(problem.detail);
  }
}

const useStyles = makeStyles({
  page: { fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground2, minHeight: '100vh' },
  header: { padding: '12px 20px', backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, display: 'flex', flexWrap: 'wrap', gap: '16px', alignItems: 'center', justifyContent: 'space-between' },
  headerText: { maxWidth: '900px' },
  title: { margin: '0 0 4px', fontSize: tokens.fontSizeBase600 },
  intro: { margin: 0 },
  settings: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  language: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1, borderRadius: tokens.borderRadiusMedium, padding: '4px 10px' },
  // The pane alone, as wide as the window: Outlook's task pane at its real width (?layout=pane).
  paneOnly: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  columns: { display: 'flex', flexWrap: 'wrap', gap: '16px', padding: '16px', alignItems: 'flex-start' },
  // The left column is Outlook's message list and reading pane side by side (stacked when narrow).
  left: { flex: '1 1 640px', minWidth: '300px', display: 'flex', flexWrap: 'wrap', gap: '16px', alignItems: 'flex-start' },
  list: { flex: '0 1 320px', minWidth: '260px', display: 'flex', flexDirection: 'column', gap: '16px' },
  reading: { flex: '1 1 360px', minWidth: '280px' },
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, padding: '12px 16px', boxShadow: tokens.shadow4 },
  sampleList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  sampleButton: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', minHeight: '40px' },
  sampleDescription: { margin: '2px 0 0 4px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  dropZone: { border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: '12px', display: 'flex', flexDirection: 'column', gap: '6px' },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  notice: { marginTop: '8px', marginBottom: 0, padding: '8px 12px', borderRadius: tokens.borderRadiusMedium, borderLeft: '4px solid' },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, borderLeftColor: tokens.colorPaletteRedBorderActive },
  info: { backgroundColor: tokens.colorNeutralBackground3, borderLeftColor: tokens.colorBrandStroke1 },
  pane: { flex: '0 0 360px', width: '360px', maxWidth: '100%', backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow8, borderRadius: tokens.borderRadiusLarge, overflow: 'hidden' },
  paneCaption: { padding: '8px 12px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontSize: tokens.fontSizeBase200 },
  paneCaptionHeading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

export interface PreviewAppProps {
  mailbox: PreviewMailbox;
  source: MessageSource;
  loadPolicy: PolicyLoader;
  /** Builds the real reporter for the pane (createOfficeReporter over the fake mailbox). */
  createReporter: ReporterFactory;
  initialLanguage: Language;
  samples?: readonly SampleMessage[];
  fetchSample?: SampleFetcher;
  /** Sample opened when the page loads; false opens none. */
  initialSample?: string | false;
  /** Called when the language changes (the entry keeps Office.context.displayLanguage in step). */
  onLanguageChange?: (language: Language) => void;
  /** Outlook's theme as the pane sees it (OfficeThemeChanged through the preview's Office). */
  themes: ThemeSource;
  /** The theme the page opens in (the system's prefers-color-scheme unless the address says). */
  initialTheme?: ThemeName;
  /** The system's dark-mode preference, followed until the reader picks a theme on the page. */
  systemDark?: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;
  /** 'pane': only the task pane, filling the window (browser tests, screenshots, a narrow window). */
  layout?: 'page' | 'pane';
  /** The sender-history check over the preview's built-in mailbox. */
  createHistoryLookup?: HistoryLookupFactory;
}

export function PreviewApp({
  mailbox,
  source,
  loadPolicy,
  createReporter,
  initialLanguage,
  createHistoryLookup,
  samples = SAMPLES,
  fetchSample = fetchSampleFromPage,
  initialSample,
  onLanguageChange,
  themes,
  initialTheme = 'light',
  systemDark,
  layout = 'page',
}: PreviewAppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const themeChosen = useRef(false);
  const paneTheme = useTheme(themes);
  const [current, setCurrent] = useState<PreviewItem | undefined>(undefined);
  const [currentSample, setCurrentSample] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<OpenProblem | undefined>(undefined);
  const [reported, setReported] = useState<ReadonlySet<string>>(new Set());
  const [compose, setCompose] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const request = useRef(0);
  const itemSample = useRef(new Map<string, string>());
  const t = previewStrings(language);

  useEffect(() => {
    // The page's language for screen readers and fonts; the pane marks its own <main> too.
    document.documentElement.lang = language;
    document.title = previewStrings(language).pageTitle;
    onLanguageChange?.(language);
  }, [language, onLanguageChange]);

  useEffect(() => {
    // The page plays Outlook: its theme switch changes Office.context.officeTheme and fires
    // OfficeThemeChanged, which the pane follows like it would in Outlook.
    mailbox.setOfficeTheme(PREVIEW_OFFICE_THEMES[theme]);
  }, [mailbox, theme]);

  useEffect(() => {
    if (!systemDark) return;
    const follow = (event: { matches: boolean }) => {
      if (!themeChosen.current) setTheme(event.matches ? 'dark' : 'light');
    };
    systemDark.addEventListener('change', follow);
    return () => systemDark.removeEventListener('change', follow);
  }, [systemDark]);

  useEffect(() => {
    mailbox.onNewMessageForm = (form: NewMessageForm) => {
      const to = Array.isArray(form.toRecipients) ? form.toRecipients.map(String).join(', ') : String(form.toRecipients ?? '');
      setCompose(to);
    };
    return () => {
      mailbox.onNewMessageForm = undefined;
    };
  }, [mailbox]);

  /** Shows a message in the reading pane and selects it in the mailbox; on a problem, the current message stays. */
  const show = useCallback(
    async (read: () => Promise<Uint8Array>, fileName: string, sample: string | undefined, readProblem: (error: unknown) => OpenProblem) => {
      const mine = ++request.current;
      setLoading(true);
      setProblem(undefined);
      setCompose(undefined);
      let result: Awaited<ReturnType<typeof openEml>>;
      try {
        result = await openEml(await read(), fileName);
      } catch (error) {
        result = { problem: readProblem(error) };
      }
      if (mine !== request.current) return;
      setLoading(false);
      if ('problem' in result) {
        setProblem(result.problem);
        return;
      }
      if (sample) itemSample.current.set(result.item.itemId, sample);
      setCurrent(result.item);
      setCurrentSample(sample);
      mailbox.select(result.item);
    },
    [mailbox],
  );

  const openSample = useCallback(
    (sample: SampleMessage) =>
      show(
        () => fetchSample(sample.file),
        sample.file,
        sample.file,
        (error) => ({ kind: 'sample', detail: error instanceof Error ? error.message : String(error) }),
      ),
    [show, fetchSample],
  );

  const openFile = useCallback(
    (file: File | undefined) => {
      if (!file) return;
      if (file.size > MAX_EML_BYTES) {
        // Refused before reading: a dropped 2 GB file must not be loaded into memory.
        request.current++;
        setLoading(false);
        setProblem({ kind: 'too-large' });
        return;
      }
      void show(readFileBytes(file), file.name, undefined, () => ({ kind: 'read-failed' }));
    },
    [show],
  );

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const first = initialSample === false ? undefined : samples.find((sample) => sample.file === initialSample) ?? (initialSample === undefined ? samples[0] : undefined);
    if (first) void openSample(first);
  }, [initialSample, samples, openSample]);

  // The real reporter, wrapped only to mark reported samples in the list.
  const paneReporter: ReporterFactory = useCallback(
    (policy, currentVerdict) => {
      const inner = createReporter(policy, currentVerdict) as Reporter & Record<string, unknown>;
      return {
        ...inner,
        report: async (reportRequest) => {
          const itemId = mailbox.item?.itemId;
          const outcome = await inner.report(reportRequest);
          if (itemId && (outcome.status === 'delivered' || outcome.status === 'queued' || outcome.status === 'compose-opened')) {
            setReported((previous) => new Set(previous).add(itemSample.current.get(itemId) ?? itemId));
          }
          return outcome;
        },
      } as Reporter;
    },
    [createReporter, mailbox],
  );

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    openFile(event.dataTransfer?.files?.[0]);
  };

  const pane = useMemo(
    () => <App source={source} loadPolicy={loadPolicy} createReporter={paneReporter} createHistoryLookup={createHistoryLookup} language={language} theme={paneTheme} />,
    [source, loadPolicy, paneReporter, createHistoryLookup, language, paneTheme],
  );

  const reportedKey = (file: string) => reported.has(file);
  const fluentTheme = theme === 'dark' ? webDarkTheme : webLightTheme;

  if (layout === 'pane') {
    return (
      <FluentProvider theme={fluentTheme} className={styles.paneOnly}>
        <div data-testid="addin-pane">{pane}</div>
      </FluentProvider>
    );
  }

  return (
    <FluentProvider theme={fluentTheme} className={styles.page}>
      <header className={styles.header}>
        <div className={styles.headerText}>
          <h1 className={styles.title}>{t.heading}</h1>
          <p className={styles.intro}>{t.intro}</p>
        </div>
        <div className={styles.settings}>
          <div className={styles.language}>
            <RadioGroup
              layout="horizontal"
              aria-label={t.languageLabel}
              value={language}
              onChange={(_, data) => setLanguage(data.value === 'ja' ? 'ja' : 'en')}
            >
              <Radio value="en" label="English" lang="en" />
              <Radio value="ja" label="日本語" lang="ja" />
            </RadioGroup>
          </div>
          <div className={styles.language}>
            <RadioGroup
              layout="horizontal"
              aria-label={t.themeLabel}
              value={theme}
              onChange={(_, data) => {
                themeChosen.current = true;
                setTheme(data.value === 'dark' ? 'dark' : 'light');
              }}
            >
              <Radio value="light" label={t.themeNames.light} />
              <Radio value="dark" label={t.themeNames.dark} />
            </RadioGroup>
          </div>
        </div>
      </header>
      <div className={styles.columns}>
        <div className={styles.left}>
          <div className={styles.list}>
            <nav aria-labelledby="preview-samples-heading" className={styles.card}>
              <h2 id="preview-samples-heading">{t.samplesHeading}</h2>
              <ul className={styles.sampleList}>
                {samples.map((sample) => {
                  const descriptionId = `preview-sample-${sample.file.replace(/[^a-z0-9]/gi, '-')}`;
                  const selected = currentSample === sample.file;
                  return (
                    <li key={sample.file}>
                      <Button
                        className={styles.sampleButton}
                        appearance={selected ? 'primary' : 'secondary'}
                        aria-pressed={selected}
                        aria-describedby={descriptionId}
                        onClick={() => void openSample(sample)}
                      >
                        {sample.title[language]}
                      </Button>
                      <div id={descriptionId} className={styles.sampleDescription}>
                        {reportedKey(sample.file) && (
                          <Badge appearance="tint" color="informative" style={{ marginRight: '6px' }}>
                            {t.reported}
                          </Badge>
                        )}
                        {sample.description[language]}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <section aria-labelledby="preview-open-heading" className={styles.card}>
              <h2 id="preview-open-heading">{t.openFileHeading}</h2>
              <div
                className={`${styles.dropZone} ${dragging ? styles.dropActive : ''}`}
                data-testid="eml-drop"
                onDragOver={(event) => {
                  event.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
              >
                <label htmlFor="preview-eml-file">{t.fileInputLabel}</label>
                <input
                  id="preview-eml-file"
                  type="file"
                  accept=".eml,message/rfc822"
                  data-testid="eml-file"
                  onChange={(event) => {
                    openFile(event.target.files?.[0]);
                    // Choosing the same file again should open it again.
                    event.target.value = '';
                  }}
                />
                <span>{t.dropHint}</span>
              </div>
              {problem && (
                <div role="alert" data-testid="open-error" className={`${styles.notice} ${styles.error}`}>
                  <strong>{t.errorTitle}</strong>
                  <p style={{ margin: '4px 0 0' }}>{problemText(problem, t)}</p>
                </div>
              )}
              {compose && (
                <p role="status" className={`${styles.notice} ${styles.info}`}>
                  {t.composeOpened(compose)}
                </p>
              )}
            </section>
          </div>
          <div className={`${styles.card} ${styles.reading}`}>
            <ReadingPane message={current?.message} t={t} language={language} loading={loading} />
          </div>
        </div>
        <div className={styles.pane} data-testid="addin-pane">
          <section aria-labelledby="preview-pane-caption" className={styles.paneCaption}>
            <h2 id="preview-pane-caption" className={styles.paneCaptionHeading}>
              {t.paneCaptionHeading}
            </h2>
            <p style={{ margin: 0 }}>{t.paneCaption}</p>
          </section>
          {pane}
        </div>
      </div>
    </FluentProvider>
  );
}

/** File -> bytes, through whichever API the browser (or jsdom) has. */
function readFileBytes(file: File): () => Promise<Uint8Array> {
  return async () => {
    if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
    return new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsArrayBuffer(file);
    });
  };
}

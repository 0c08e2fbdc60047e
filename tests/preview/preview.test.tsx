/** @jest-environment jsdom */
// The preview page end to end in jsdom: samples open in the reading pane and the real pane judges them
// through the fake mailbox; the language switch re-renders both; hostile and broken files are shown
// as text or refused with a message, never crashing and never losing the open message.
import '../taskpane/polyfills';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { createOfficeMessageSource, type OfficeMailboxLike } from '../../src/office/session';
import { officeThemeHost, officeThemeSource } from '../../src/office/theme';
import type { PolicyLoader } from '../../src/office/policy-source';
import { policyForMailbox } from '../../src/policy';
import { MAX_EML_BYTES, PreviewApp } from '../../src/preview/PreviewApp';
import { PreviewMailbox } from '../../src/preview/fake-mailbox';
import { installPreviewOffice, previewIsSetSupported, removePreviewOffice } from '../../src/preview/office-global';
import { previewEn, previewJa } from '../../src/preview/strings';
import { createOfficeReporter } from '../../src/report/office-reporter';
import { memoryStore } from '../../src/report/stores';
import type { FetchLike } from '../../src/report/http';
import { PREVIEW_USER_ADDRESS, SAMPLES } from '../../src/samples';
import type { ReporterFactory } from '../../src/taskpane/App';
import { demoPolicyFile, sampleBytes } from './support';

// Parsing, analysis and Fluent rendering in jsdom are slow on a busy machine; waits are generous, not timed.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const ENDPOINT = 'https://lurelens.example.or.jp/api/reports';
const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '<script>alert(2)</script>';

interface Sent {
  url: string;
  body: Record<string, unknown>;
}

/** A stand-in for matchMedia('(prefers-color-scheme: dark)') whose answer the test changes. */
function systemScheme(dark: boolean) {
  const listeners = new Set<(event: { matches: boolean }) => void>();
  return {
    matches: dark,
    addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => listeners.delete(listener),
    change(next: boolean) {
      this.matches = next;
      for (const listener of listeners) listener({ matches: next });
    },
  };
}

function setup(options: { language?: 'en' | 'ja'; initialSample?: string | false; layout?: 'page' | 'pane'; system?: ReturnType<typeof systemScheme> } = {}) {
  const mailbox = new PreviewMailbox({ userAddress: PREVIEW_USER_ADDRESS, userName: 'Demo Analyst' });
  const office = installPreviewOffice(mailbox, 'en-US');
  const source = createOfficeMessageSource({ mailbox: mailbox as unknown as OfficeMailboxLike, isSetSupported: previewIsSetSupported });
  // What the service publishes at /policy.json: the demo policy plus its endpoint and reporter token.
  const published = { ...demoPolicyFile(), reporting: { endpointUrl: ENDPOINT, endpointToken: 'reporter-token-0123456789' } };
  const loadPolicy: PolicyLoader = async (user) => ({ policy: policyForMailbox(user, published), source: 'file' });
  const sent: Sent[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    const reply = (status: number, body: unknown) =>
      ({ status, ok: status < 300, headers: { get: () => null }, json: async () => body, text: async () => JSON.stringify(body) }) as unknown as Response;
    if (init.method === 'POST' && url === ENDPOINT) {
      sent.push({ url, body: JSON.parse(String(init.body)) });
      return reply(201, { id: `r-${sent.length}`, duplicate: false, statusToken: `status-${sent.length}` });
    }
    return reply(404, { error: 'not found' });
  };
  const createReporter: ReporterFactory = (policy, currentVerdict) =>
    createOfficeReporter({ policy, currentVerdict, mailbox: mailbox as unknown as Office.Mailbox, fetch: fetchFn, store: memoryStore(), log: () => undefined });
  const fetchSample = jest.fn(async (file: string) => sampleBytes(file));
  const languages: string[] = [];
  const view = render(
    <PreviewApp
      mailbox={mailbox}
      source={source}
      loadPolicy={loadPolicy}
      createReporter={createReporter}
      initialLanguage={options.language ?? 'en'}
      fetchSample={fetchSample}
      initialSample={options.initialSample}
      onLanguageChange={(language) => languages.push(language)}
      themes={officeThemeSource(officeThemeHost(office))}
      initialTheme={options.system?.matches ? 'dark' : 'light'}
      systemDark={options.system as unknown as MediaQueryList | undefined}
      layout={options.layout}
    />,
  );
  return { mailbox, sent, fetchSample, languages, view };
}

const readingPane = () => screen.getByTestId('reading-pane');
const addinPane = () => screen.getByTestId('addin-pane');

async function paneVerdict(expected: string) {
  await waitFor(() => expect(addinPane().querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe(expected));
}

function emlFile(text: string, name = 'message.eml'): File {
  return new File([text], name, { type: 'message/rfc822' });
}

async function chooseFile(file: File) {
  await act(async () => {
    fireEvent.change(screen.getByTestId('eml-file'), { target: { files: [file] } });
  });
}

afterEach(() => removePreviewOffice());

describe('samples', () => {
  it('opens the first sample on load: the reading pane shows it and the pane calls it dangerous', async () => {
    setup();
    await paneVerdict('dangerous');
    const pane = within(readingPane());
    expect(pane.getByTestId('reading-subject').textContent).toBe('【ご相談】台湾海峡情勢と日米同盟に関する非公開の研究会へのご参加について');
    expect(pane.getByTestId('reading-from').textContent).toBe('渡辺 健二 <kenji.watanabe.eiia@gmail.com>');
    expect(pane.getByTestId('reading-attachments').textContent).toContain('研究会資料.zip');
    expect(pane.getByTestId('reading-body').textContent).toContain('解凍パスワードは「Kw2026#1203」です。');
    expect(within(addinPane()).getByText('Dangerous message')).toBeTruthy();
    expect(addinPane().querySelector('[data-rule~="mirrorface-pattern"]')).not.toBeNull();
    expect(addinPane().querySelector('[data-rule~="protected-person-impersonation"]')).not.toBeNull();
  });

  it('switches message when another sample is chosen, like selecting mail in a pinned pane', async () => {
    const { fetchSample } = setup();
    await paneVerdict('dangerous');
    fireEvent.click(screen.getByRole('button', { name: 'Weekly policy newsletter' }));
    await paneVerdict('clean');
    expect(fetchSample).toHaveBeenLastCalledWith('newsletter-en.eml');
    expect(within(readingPane()).getByTestId('reading-subject').textContent).toMatch(/^Weekly brief: Taiwan Strait exercises/);
    expect(screen.getByRole('button', { name: 'Weekly policy newsletter' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '"Your mailbox is full" sign-in request' }));
    await paneVerdict('dangerous');
    expect(addinPane().querySelector('[data-rule~="link-text-mismatch"]')).not.toBeNull();
  });

  it('has a button for every sample, named by its title', async () => {
    setup({ initialSample: false });
    for (const sample of SAMPLES) expect(screen.getByRole('button', { name: sample.title.en })).toBeTruthy();
    expect(await within(addinPane()).findByText('No message selected')).toBeTruthy();
    expect(within(readingPane()).getByText(previewEn.readingPaneEmpty)).toBeTruthy();
  });

  it('shows a sample that cannot be fetched as an error, keeping the open message', async () => {
    const { fetchSample } = setup();
    await paneVerdict('dangerous');
    fetchSample.mockRejectedValueOnce(new Error('HTTP 404'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Internal memo from Yuko Sato' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain(previewEn.errorSampleFetch('HTTP 404'));
    expect(within(readingPane()).getByTestId('reading-subject').textContent).toMatch(/台湾海峡/);
    expect(addinPane().querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe('dangerous');
  });
});

describe('language', () => {
  it('re-renders the pane and the page in Japanese and back', async () => {
    const { languages } = setup();
    await paneVerdict('dangerous');
    fireEvent.click(screen.getByRole('radio', { name: '日本語' }));
    expect(await within(addinPane()).findByText('危険なメッセージ')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: previewJa.readingPaneHeading })).toBeTruthy();
    expect(screen.getByRole('button', { name: SAMPLES[0].title.ja })).toBeTruthy();
    expect(languages[languages.length - 1]).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(document.title).toBe(previewJa.pageTitle);
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await within(addinPane()).findByText('Dangerous message')).toBeTruthy();
    expect(languages[languages.length - 1]).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the language it is given', async () => {
    setup({ language: 'ja', initialSample: 'internal-memo-ja.eml' });
    await paneVerdict('clean');
    expect(within(addinPane()).getByText('危険な兆候は見つかりませんでした')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '日本語' })).toHaveProperty('checked', true);
  });
});

describe('files', () => {
  const hostile = [
    'From: "IT Desk ' + XSS_IMG + '" <it@helpdesk-mail.example.net>',
    'To: ' + PREVIEW_USER_ADDRESS,
    'Subject: Invoice ' + XSS_SCRIPT + XSS_IMG,
    'Date: Mon, 16 Nov 2026 10:00:00 +0900',
    'Message-ID: <hostile-1@helpdesk-mail.example.net>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/html; charset=UTF-8',
    '',
    '<html><body><p>Hello</p>' + XSS_SCRIPT + XSS_IMG + '<iframe src="https://evil.example/"></iframe><a href="https://evil.example/">click</a></body></html>',
    '--b1',
    'Content-Type: application/pdf; name="' + XSS_IMG.replace(/"/g, "'") + '.pdf"',
    'Content-Disposition: attachment; filename="' + XSS_IMG.replace(/"/g, "'") + '.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERi0xLjQK',
    '--b1--',
    '',
  ].join('\r\n');

  it('shows hostile markup in headers, attachment names and an HTML body as inert text', async () => {
    const { view } = setup({ initialSample: false });
    const scriptsBefore = document.querySelectorAll('script').length;
    await chooseFile(emlFile(hostile, 'hostile.eml'));
    await waitFor(() => expect(within(readingPane()).getByTestId('reading-subject').textContent).toBe(`Invoice ${XSS_SCRIPT}${XSS_IMG}`));
    const pane = readingPane();
    expect(within(pane).getByTestId('reading-from').textContent).toBe(`IT Desk ${XSS_IMG} <it@helpdesk-mail.example.net>`);
    expect(within(pane).getByTestId('reading-attachments').textContent).toContain(`${XSS_IMG.replace(/"/g, "'")}.pdf`);
    const body = within(pane).getByTestId('reading-body').textContent ?? '';
    expect(body).toContain('Hello');
    // The HTML body is shown as its text: no markup survives, and nothing executable was created.
    expect(body).not.toContain('<iframe');
    for (const tag of ['script', 'img', 'iframe', 'a', 'object', 'embed']) expect(pane.querySelector(tag)).toBeNull();
    await waitFor(() => expect(addinPane().querySelector('[data-verdict]')).not.toBeNull());
    for (const tag of ['img', 'iframe']) expect(view.container.querySelector(tag)).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(scriptsBefore);
  });

  it('refuses a file that is not mail with a clear message and keeps the open message', async () => {
    setup();
    await paneVerdict('dangerous');
    await chooseFile(emlFile('just some notes\nnothing else here\n', 'notes.eml'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(previewEn.errorTitle);
    expect(alert.textContent).toContain(previewEn.errorNotMail);
    expect(within(readingPane()).getByTestId('reading-subject').textContent).toMatch(/台湾海峡/);
    expect(addinPane().querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe('dangerous');
  });

  it('refuses binary garbage and empty files', async () => {
    setup({ initialSample: false });
    await chooseFile(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'image.eml'));
    expect((await screen.findByRole('alert')).textContent).toContain(previewEn.errorNotMail);
    await chooseFile(new File([], 'empty.eml'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(previewEn.errorEmpty));
  });

  it('refuses a file over 35 MB without reading it', async () => {
    setup({ initialSample: false });
    const big = emlFile('From: a@example.net\r\n\r\nx', 'big.eml');
    Object.defineProperty(big, 'size', { value: MAX_EML_BYTES + 1 });
    const read = jest.spyOn(FileReader.prototype, 'readAsArrayBuffer');
    await chooseFile(big);
    expect((await screen.findByRole('alert')).textContent).toContain(previewEn.errorTooLarge(35));
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it('opens a dropped .eml', async () => {
    setup({ initialSample: false });
    const text = Buffer.from(sampleBytes('credential-phish.eml')).toString('latin1');
    await act(async () => {
      fireEvent.drop(screen.getByTestId('eml-drop'), { dataTransfer: { files: [emlFile(text, 'dropped.eml')] } });
    });
    await paneVerdict('dangerous');
    expect(within(readingPane()).getByTestId('reading-body').textContent).toContain('https://outlook.office365.com/mail/storage');
  });
});

describe('reporting from the pane', () => {
  it('sends the exact .eml through the endpoint channel and marks the sample as reported', async () => {
    const { sent, mailbox } = setup();
    await paneVerdict('dangerous');
    const item = mailbox.item!;
    fireEvent.click(within(addinPane()).getByRole('button', { name: 'Report' }));
    await waitFor(() => expect(addinPane().querySelector('[data-testid="report-status"][data-state="delivered"]')).not.toBeNull());
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({
      emlSource: 'original',
      internetMessageId: item.internetMessageId,
      reporter: { address: PREVIEW_USER_ADDRESS },
      clientVerdict: { verdict: 'dangerous' },
    });
    expect(Buffer.from(String(sent[0].body.eml), 'base64').equals(Buffer.from(sampleBytes('mirrorface-lure.eml')))).toBe(true);
    const nav = screen.getByRole('navigation', { name: previewEn.samplesNavLabel });
    expect(within(nav).getByText(previewEn.reported)).toBeTruthy();
    // The message stays where it is (read mode has no move) and stays open.
    expect(mailbox.item).toBe(item);
  });
});

describe('theme', () => {
  const paneTheme = () => addinPane().querySelector('[data-theme]')?.getAttribute('data-theme');

  it('switches Outlook’s theme: the page at once, the pane when OfficeThemeChanged arrives', async () => {
    setup();
    await paneVerdict('dangerous');
    expect(paneTheme()).toBe('light');
    fireEvent.click(screen.getByRole('radio', { name: previewEn.themeNames.dark }));
    await waitFor(() => expect(paneTheme()).toBe('dark'));
    fireEvent.click(screen.getByRole('radio', { name: previewEn.themeNames.light }));
    await waitFor(() => expect(paneTheme()).toBe('light'));
  });

  it('starts in the system’s theme and follows it until the reader picks one', async () => {
    const system = systemScheme(true);
    setup({ system });
    await paneVerdict('dangerous');
    expect(paneTheme()).toBe('dark');
    act(() => system.change(false));
    await waitFor(() => expect(paneTheme()).toBe('light'));
    fireEvent.click(screen.getByRole('radio', { name: previewEn.themeNames.dark }));
    await waitFor(() => expect(paneTheme()).toBe('dark'));
    act(() => system.change(false));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(paneTheme()).toBe('dark');
  });

  it('shows only the pane in the pane layout, as Outlook’s task pane would', async () => {
    setup({ layout: 'pane' });
    await paneVerdict('dangerous');
    expect(screen.queryByTestId('reading-pane')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(within(addinPane()).getByRole('button', { name: 'Report' })).toBeTruthy();
  });
});

describe('accessibility', () => {
  it('has landmarks, labels and no serious axe violations', async () => {
    const { view } = setup();
    await paneVerdict('dangerous');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: previewEn.samplesNavLabel })).toBeTruthy();
    expect(screen.getByLabelText(previewEn.fileInputLabel)).toBe(screen.getByTestId('eml-file'));
    // jsdom has no layout: colour contrast is left to the browser e2e run.
    const results = await axe.run(view.container, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  }, 60_000);
});

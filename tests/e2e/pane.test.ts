// The task pane as an employee sees it in Outlook: 320×600, in English and Japanese, light and dark,
// for a dangerous, a suspicious and a clean message, and after reporting. Each time the Report button
// is inside that first screen, nothing scrolls sideways and axe finds nothing serious. The pictures
// are the README's (UPDATE_SCREENSHOTS=1 refreshes docs/screenshots).
import type { Page } from 'playwright-core';
import { browserSessionForFile, guardedPage, openAllReasons, screenshot, seriousAccessibilityViolations, type PageGuard } from './support';

const session = browserSessionForFile();

const VIEWPORT = { width: 320, height: 600 };
const SAMPLE = { dangerous: 'mirrorface-lure.eml', suspicious: 'speaker-invitation.eml', clean: 'colleague-onedrive.eml' } as const;
type Level = keyof typeof SAMPLE;
const REPORT_LABEL = { en: { dangerous: 'Report', suspicious: 'Report', clean: 'Report anyway' }, ja: { dangerous: '報告する', suspicious: '報告する', clean: 'それでも報告する' } } as const;

function expectNothingEscaped(guard: PageGuard): void {
  expect(guard.pageErrors).toEqual([]);
  expect(guard.dialogs).toEqual([]);
  expect(guard.foreignRequests).toEqual([]);
}

async function openPane(options: { language: 'en' | 'ja'; theme: 'light' | 'dark'; sample: string; level: Level }): Promise<{ page: Page; guard: PageGuard }> {
  const context = await session.browser.newContext({ viewport: VIEWPORT, locale: options.language === 'ja' ? 'ja-JP' : 'en-US' });
  const { page, guard } = await guardedPage(context, session.service.url);
  page.once('close', () => void context.close());
  await page.goto(`${session.service.url}/preview.html?layout=pane&lang=${options.language}&theme=${options.theme}&sample=${encodeURIComponent(options.sample)}`);
  await page.locator(`[data-verdict="${options.level}"]`).waitFor();
  await page.locator(`[data-theme="${options.theme}"]`).first().waitFor({ state: 'attached' });
  // Everything below the card has arrived (its script loads after the verdict), so the picture is final.
  await page.getByTestId('my-reports').waitFor();
  return { page, guard };
}

/** The Report button lies wholly inside the first 320×600, and the pane never scrolls sideways. */
async function expectReportInFirstScreen(page: Page, label: string): Promise<void> {
  const button = page.getByTestId('verdict-card').getByRole('button', { name: label, exact: true });
  const box = await button.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
}

const MATRIX = (['en', 'ja'] as const).flatMap((language) =>
  (['light', 'dark'] as const).flatMap((theme) => (['dangerous', 'suspicious', 'clean'] as const).map((level) => [language, theme, level] as const)),
);

describe('the pane at 320×600', () => {
  test.each(MATRIX)('%s, %s, %s: the verdict and Report fit the first screen; axe is clean', async (language, theme, level) => {
    const { page, guard } = await openPane({ language, theme, sample: SAMPLE[level], level });
    await expectReportInFirstScreen(page, REPORT_LABEL[language][level]);
    await screenshot(page, `pane-${language}-${theme}-${level}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expectNothingEscaped(guard);
    await page.close();
  });

  test('clean means clean: the colleague’s OneDrive link is a neutral note, nothing warns', async () => {
    for (const language of ['en', 'ja'] as const) {
      const { page, guard } = await openPane({ language, theme: 'light', sample: SAMPLE.clean, level: 'clean' });
      const pane = page.getByTestId('addin-pane');
      expect(await pane.locator('.ll-card-suspicious, .ll-card-dangerous, .ll-reason-warning, .ll-reason-danger').count()).toBe(0);
      if (await pane.getByTestId('reasons').count()) await openAllReasons(pane);
      expect(await pane.locator('.ll-mark-alert').count()).toBe(0);
      const text = await pane.innerText();
      expect(text).not.toMatch(/Do not open|not Microsoft|開かないで|サイトではありません/);
      expectNothingEscaped(guard);
      await page.close();
    }
  });

  test('quotes a lure phrase as the message has it (original case), and compares a look-alike address', async () => {
    const { page } = await openPane({ language: 'en', theme: 'light', sample: 'share-link-lure.eml', level: 'dangerous' });
    const pane = page.getByTestId('addin-pane');
    await openAllReasons(pane);
    const compare = pane.locator('[data-reason="sender"]').getByTestId('address-compare');
    expect(await compare.locator('[data-role="claimed"]').innerText()).toBe('k.watanabe@example.or.jp');
    expect(await compare.locator('[data-role="actual"]').innerText()).toBe('k.watanabe@example-or.jp');
    expect(await compare.locator('mark').allInnerTexts()).toEqual(['.', '-']);
    const wording = pane.locator('[data-rule~="lure-wording"]');
    expect(await wording.locator('mark').first().innerText()).toBe('日中首脳会談');
    await page.close();

    const newsletter = await openPane({ language: 'en', theme: 'light', sample: 'newsletter-en.eml', level: 'clean' });
    await openAllReasons(newsletter.page.getByTestId('addin-pane'));
    const marks = await newsletter.page.getByTestId('quote').first().locator('mark').allInnerTexts();
    expect(marks).toContain('Taiwan Strait');
    await newsletter.page.close();
  });
});

describe('after reporting', () => {
  test.each([
    ['en', 'light'],
    ['ja', 'dark'],
  ] as const)('%s, %s: the card says when and to whom, with the status, and a second report asks first', async (language, theme) => {
    const { page, guard } = await openPane({ language, theme, sample: SAMPLE.suspicious, level: 'suspicious' });
    const card = page.getByTestId('verdict-card');
    await card.getByRole('button', { name: REPORT_LABEL[language].suspicious, exact: true }).click();
    const status = card.locator('[data-testid="report-status"][data-state="delivered"]');
    await status.waitFor();
    const team = language === 'en' ? /Reported on .+ to Information Security Office\./ : /に情報セキュリティ室へ報告しました。/;
    await status.getByText(team).waitFor();
    await status.getByText(language === 'en' ? 'Status: Waiting for review' : '状況: 確認待ち').waitFor();
    await expectReportInFirstScreen(page, REPORT_LABEL[language].suspicious);
    await screenshot(page, `pane-${language}-${theme}-reported`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The same message again, after the pane was closed and opened: it remembers, and asks first.
    await page.reload();
    await card.locator('[data-testid="report-status"][data-state="delivered"]').waitFor();
    await card.getByRole('button', { name: REPORT_LABEL[language].suspicious, exact: true }).click();
    await card.getByTestId('report-again').waitFor();
    expect(await card.getByTestId('report-again').innerText()).toMatch(language === 'en' ? /You already reported this message on .+\. Report it again\?/ : /報告済みです。もう一度報告しますか？/);
    await card.getByRole('button', { name: language === 'en' ? 'Cancel' : 'キャンセル' }).click();
    expectNothingEscaped(guard);
    await page.close();
  });
});

describe('theme', () => {
  test('the preview follows the system’s dark mode, and its switch changes Outlook’s theme live', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const { page, guard } = await guardedPage(context, session.service.url);
    await page.goto(`${session.service.url}/preview.html?sample=${SAMPLE.suspicious}`);
    const pane = page.getByTestId('addin-pane');
    await pane.locator('[data-verdict="suspicious"]').waitFor();
    await pane.locator('[data-theme="dark"]').waitFor({ state: 'attached' });
    await page.getByRole('radio', { name: 'Light' }).check();
    await pane.locator('[data-theme="light"]').waitFor({ state: 'attached' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('radio', { name: 'Dark' }).check();
    await pane.locator('[data-theme="dark"]').waitFor({ state: 'attached' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expectNothingEscaped(guard);
    await context.close();
  });
});

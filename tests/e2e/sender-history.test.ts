// The sender-history check end to end in Chromium: the preview's pane asks its built-in mailbox (the
// real Graph client over the fake Graph, in the page) and shows what it knows. The chairman's name on
// Gmail and the colleague's name on Yahoo! JAPAN are first contacts from addresses that person never
// used; the colleague's own message comes from an address with years of mail; the conference
// invitation is a first contact and nothing more. No request leaves the page's own origin.
import type { Page } from 'playwright-core';
import { browserSessionForFile, guardedPage, openAllReasons, seriousAccessibilityViolations } from './support';

const session = browserSessionForFile();
const TITLE = { en: 'You have had little or no mail from this address before', ja: 'このアドレスからのメールは、これまでほとんど（または一度も）届いていません' };

async function openSample(sample: string, language: 'en' | 'ja'): Promise<{ page: Page; foreign: () => string[] }> {
  const context = await session.browser.newContext({ viewport: { width: 320, height: 600 }, locale: language === 'ja' ? 'ja-JP' : 'en-US' });
  const { page, guard } = await guardedPage(context, session.service.url);
  page.once('close', () => void context.close());
  await page.goto(`${session.service.url}/preview.html?layout=pane&lang=${language}&theme=light&sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('verdict-card').waitFor();
  return { page, foreign: () => [...guard.foreignRequests, ...guard.pageErrors.map(String)] };
}

/**
 * The reasons' text with every reason opened, after the mailbox has answered: the history arrives after
 * the verdict (the status line says "checking" until then) and joins the reason about the sender or
 * becomes a reason of its own.
 */
async function reasonsText(page: Page): Promise<string> {
  // The status line loads with the sections below the reasons (My reports is one of them).
  await page.getByTestId('my-reports').waitFor();
  await page.locator('[data-testid="sender-history"][data-state="checking"]').waitFor({ state: 'detached' });
  await openAllReasons(page.locator('body'));
  return (await page.getByTestId('reasons').textContent()) ?? '';
}

describe('sender history in the preview', () => {
  test('the chairman’s name on Gmail: he usually writes from the institute’s address', async () => {
    const { page, foreign } = await openSample('mirrorface-lure.eml', 'en');
    const text = await reasonsText(page);
    expect(text).toContain('渡辺 健二 usually writes from k.watanabe@example.or.jp (180 messages since 2019)');
    expect(text).toContain('First message from this address; you have never written to it');
    expect(await page.getByTestId('verdict-card').getAttribute('data-verdict')).toBe('dangerous');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  test('a colleague’s name on Yahoo! JAPAN, in Japanese: the same person writes from the office', async () => {
    const { page, foreign } = await openSample('display-name-freemail.eml', 'ja');
    const expected = '「Takeshi Nakamura」は普段 t.nakamura@example.or.jp から送信しています（2020年以降86件）。';
    expect(await reasonsText(page)).toContain(expected);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  test('the colleague’s own message: years of mail from this address, no warning', async () => {
    const { page, foreign } = await openSample('colleague-onedrive.eml', 'en');
    const status = page.locator('[data-testid="sender-history"][data-state="checked"]');
    await status.waitFor();
    await expect(status.textContent()).resolves.toBe('Your mailbox has 85 earlier messages from this address since 2020.');
    expect(await page.getByTestId('verdict-card').getAttribute('data-verdict')).toBe('clean');
    await openAllReasons(page.locator('body'));
    expect(await page.locator('details[data-reason]', { hasText: TITLE.en }).count()).toBe(0);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  test('a first contact and nothing more stays information, and the verdict does not change', async () => {
    const { page } = await openSample('speaker-invitation.eml', 'en');
    const before = await page.getByTestId('verdict-card').getAttribute('data-verdict');
    const text = await reasonsText(page);
    expect(text).toContain(TITLE.en);
    expect(await page.getByTestId('verdict-card').getAttribute('data-verdict')).toBe(before);
    await page.close();
  });
});

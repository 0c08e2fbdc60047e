// Shared pieces of the browser tests: the real service on a free port with the demo policy, Debian's
// Chromium through playwright-core, a guard that records anything a hostile message could make the
// page do (script errors, dialogs, requests to other origins), axe-core, and screenshots.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { freePort } from '../support/free-port';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');
const DOCS_SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

export interface RunningService {
  url: string;
  analystToken: string;
  reporterToken: string;
  dataDir: string;
  stop(): Promise<void>;
}


/**
 * The service exactly as a newcomer gets it: `node scripts/start.js --no-build` (what `npm start` runs
 * after building) on a free port with a fresh data directory. The analyst token is read from what the
 * script prints, so the test also checks that `npm start` tells people how to sign in.
 */
export async function startService(): Promise<RunningService> {
  if (!existsSync(path.join(ROOT, 'dist', 'web', 'preview.html'))) {
    throw new Error('dist/web is not built; the e2e tests run after "npm run build" (npm run test:e2e does both)');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lurelens-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--no-build', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, LURELENS_TOKENS: '', LURELENS_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const printed = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no sign-in line within 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/Stop with Ctrl\+C/.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before the service was ready:\n${output}`));
    });
  });
  const url = `http://localhost:${port}`;
  expect(printed).toContain(`${url}/preview.html`);
  expect(printed).toContain(`${url}/console.html`);
  const analystToken = /analyst token\):\s+(\S+)/.exec(printed)?.[1] ?? '';
  const tokens = JSON.parse(readFileSync(path.join(dataDir, 'tokens.json'), 'utf8')) as { token: string; role: string }[];
  expect(tokens.find((token) => token.role === 'analyst')?.token).toBe(analystToken);
  return {
    url,
    analystToken,
    reporterToken: tokens.find((token) => token.role === 'reporter')?.token ?? '',
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install Debian's chromium package (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface BrowserSession {
  service: RunningService;
  browser: Browser;
  context: BrowserContext;
}

/**
 * One service and one browser for a test file: started in beforeAll, stopped in afterAll. The
 * returned object is filled in once beforeAll has run (read its fields inside tests only).
 */
export function browserSessionForFile(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.service = await startService();
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
    await session.service?.stop();
  });
  return session;
}

/** What a page did that it never should: kept per page so a test can assert the list is empty. */
export interface PageGuard {
  /** Requests to any origin other than the service's, blocked before they left. */
  foreignRequests: string[];
  /** Uncaught script errors in the page. */
  pageErrors: string[];
  /** alert/confirm/prompt opened by anything. */
  dialogs: string[];
}

export async function guardedPage(context: BrowserContext, origin: string): Promise<{ page: Page; guard: PageGuard }> {
  const guard: PageGuard = { foreignRequests: [], pageErrors: [], dialogs: [] };
  const page = await context.newPage();
  await page.route('**/*', async (route) => {
    const requestUrl = route.request().url();
    if (requestUrl.startsWith(origin + '/') || requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return route.continue();
    guard.foreignRequests.push(requestUrl);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => guard.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, guard };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's own CSP (no inline scripts) does not apply.
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.length,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * Saves a screenshot as a test artifact (test-results/e2e). With UPDATE_SCREENSHOTS=1 it also
 * replaces the README's copy in docs/screenshots, so the pictures there come from a real run.
 */
export async function screenshot(page: Page, name: string, options: { selector?: string } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // Transitions finished at once: Fluent's buttons fade between states for a moment after a click.
  if (options.selector) await page.locator(options.selector).first().screenshot({ path: file, animations: 'disabled' });
  else await page.screenshot({ path: file, fullPage: false, animations: 'disabled' });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${name}.png`));
  }
  return file;
}

/** Opens every reason in the pane (and the "more signs" list), waiting for each one's details. */
export async function openAllReasons(pane: Locator): Promise<void> {
  const more = pane.locator('details.ll-reasons-more > summary');
  if (await more.count()) await more.click();
  const reasons = pane.locator('details[data-reason]');
  const count = await reasons.count();
  for (let index = 0; index < count; index++) {
    const reason = reasons.nth(index);
    if ((await reason.getAttribute('open')) === null) await reason.locator('summary').click();
    await reason.getByTestId('reason-details').waitFor();
  }
}

// npm run bench:pane -- [ROUNDS]
// Time from item data to the painted verdict in the real task pane, in Debian's Chromium at Outlook's
// task-pane size (320×600): p50 and p95, beside a minimal Fluent UI page (scripts/bench/minimal-fluent.tsx:
// React, FluentProvider, a heading and a Button showing the subject, no analysis) measured in the same
// run, the same way, interleaved round by round so both see the same machine load.
//   Opening the pane: a fresh page per message; "page start → painted" counts downloading and starting
//     the scripts too, "item → painted" starts when the pane is handed the item (src/taskpane/timing.ts).
//   Switching messages with the pane open (Outlook's ItemChanged): item → painted.
// The pane runs in the preview page (the real pane over the preview's Office item, as npm start serves
// it), so it needs the build: npm run build first. Figures vary with the machine; compare the columns.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { SAMPLES } from '../src/samples';
import { ITEM_TO_VERDICT } from '../src/taskpane/timing';
import { freePort } from '../tests/support/free-port';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PANE = { width: 320, height: 600 };
/** Opened fresh each round: one message per verdict level. */
const OPENED = ['mirrorface-lure.eml', 'speaker-invitation.eml', 'newsletter-en.eml'];
const BASELINE_PATH = '/bench-minimal-fluent.html';

interface Timing {
  /** From the page's start (navigation) to the painted verdict. */
  fromStart: number;
  /** From the item to the painted verdict. */
  fromItem: number;
}

async function startService(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lurelens-bench-pane-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--no-build', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, LURELENS_TOKENS: '', LURELENS_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the service did not start within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Stop with Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`the service exited:\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The baseline page's script, bundled for the browser as the pane is (production React). */
async function baselineScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'bench', 'minimal-fluent.tsx')],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** Waits for the measure of an item after `previous` and returns it with the page's start as reference. */
async function nextMeasure(page: Page, previous: number): Promise<Timing & { sequence: number }> {
  const handle = await page.waitForFunction(
    ({ name, after }) => {
      const entry = performance.getEntriesByName(name, 'measure')[0] as PerformanceMeasure | undefined;
      const sequence = (entry?.detail as { sequence?: number } | undefined)?.sequence ?? 0;
      return entry && sequence > after ? { fromStart: entry.startTime + entry.duration, fromItem: entry.duration, sequence } : undefined;
    },
    { name: ITEM_TO_VERDICT, after: previous },
    { timeout: 30_000, polling: 20 },
  );
  return (await handle.jsonValue()) as Timing & { sequence: number };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function row(label: string, who: string, values: number[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  return `  ${label.padEnd(26)} ${who.padEnd(16)} ${ms(quantile(values, 0.5))} ${ms(quantile(values, 0.95))} ${String(values.length).padStart(5)}`;
}

async function main(): Promise<number> {
  const rounds = Number(process.argv[2] ?? 10);
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error('usage: npm run bench:pane -- [ROUNDS]   (ROUNDS: a positive whole number, default 10)');
    return 2;
  }
  if (!existsSync(path.join(ROOT, 'dist', 'web', 'preview.html'))) {
    console.error('dist/web is not built: run npm run build first.');
    return 2;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or install Debian's chromium package).`);
    return 2;
  }
  const script = await baselineScript();
  const service = await startService();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const results = { paneOpen: [] as Timing[], baseOpen: [] as Timing[], paneSwitch: [] as number[], baseSwitch: [] as number[] };
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: PANE });
    await context.route(`${service.url}${BASELINE_PATH}*`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Minimal Fluent pane</title></head><body><div id="root"></div><script src="bench-minimal-fluent.js"></script></body></html>' }),
    );
    await context.route(`${service.url}/bench-minimal-fluent.js`, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }));
    const page = await context.newPage();
    // One unmeasured pass of each, so the service, the disk cache and Chromium's code cache are warm, and
    // the pane has checked the demo policy.json once, as on any device after its first open.
    for (const warm of [`${service.url}/preview.html?layout=pane&lang=en&theme=light&sample=${OPENED[0]}`, `${service.url}${BASELINE_PATH}?subject=warm`]) {
      await page.goto(warm);
      await nextMeasure(page, 0);
    }
    for (let round = 0; round < rounds; round++) {
      for (const sample of OPENED) {
        await page.bringToFront();
        await page.goto(`${service.url}/preview.html?layout=pane&lang=en&theme=light&sample=${sample}`);
        results.paneOpen.push(await nextMeasure(page, 0));
        await page.goto(`${service.url}${BASELINE_PATH}?subject=${encodeURIComponent(sample)}`);
        results.baseOpen.push(await nextMeasure(page, 0));
      }
    }

    // Switching: the preview's full page (its message list) for the pane, benchShowItem for the baseline.
    const pane = await context.newPage();
    await pane.setViewportSize({ width: 1280, height: 900 });
    await pane.goto(`${service.url}/preview.html?lang=en&theme=light&sample=${SAMPLES[0].file}`);
    let paneSequence = (await nextMeasure(pane, 0)).sequence;
    await page.goto(`${service.url}${BASELINE_PATH}?subject=start`);
    let baseSequence = (await nextMeasure(page, 0)).sequence;
    for (let round = 0; round < rounds; round++) {
      for (const sample of [...SAMPLES.slice(1), SAMPLES[0]]) {
        // Only the page in front paints (a page behind it gets no animation frames).
        await pane.bringToFront();
        await pane.getByRole('button', { name: sample.title.en, exact: true }).click();
        const switched = await nextMeasure(pane, paneSequence);
        paneSequence = switched.sequence;
        results.paneSwitch.push(switched.fromItem);
        await page.bringToFront();
        await page.evaluate((subject) => window.benchShowItem?.(subject), sample.title.en);
        const shown = await nextMeasure(page, baseSequence);
        baseSequence = shown.sequence;
        results.baseSwitch.push(shown.fromItem);
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await service.stop();
  }

  console.log(`Task pane in Chromium at ${PANE.width}×${PANE.height}, ${rounds} rounds; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
  console.log(`  ${''.padEnd(26)} ${''.padEnd(16)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'n'.padStart(5)}`);
  console.log(`Opening the pane on a message (${OPENED.join(', ')})`);
  console.log(row('page start → painted', 'Lure Lens', results.paneOpen.map((t) => t.fromStart)));
  console.log(row('', 'minimal Fluent', results.baseOpen.map((t) => t.fromStart)));
  console.log(row('item → painted verdict', 'Lure Lens', results.paneOpen.map((t) => t.fromItem)));
  console.log(row('', 'minimal Fluent', results.baseOpen.map((t) => t.fromItem)));
  console.log(`Switching messages with the pane open (${SAMPLES.length} samples in turn)`);
  console.log(row('item → painted verdict', 'Lure Lens', results.paneSwitch));
  console.log(row('', 'minimal Fluent', results.baseSwitch));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exitCode = 1;
  },
);

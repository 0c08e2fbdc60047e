// npm run size — what the task pane costs to load, measured on the production build in dist/web.
// The budget is on the pane's initial load: the scripts taskpane.html itself loads, which must all
// arrive before the pane can show a verdict. Chunks those scripts load later (reporting, the policy.json
// checker, MSAL; found by the chunk's content hash or file name in the loading script, transitively)
// are listed separately with their own total, for information. Sizes are raw and gzipped (level 9,
// roughly what a server sends). The Report button's bundle and the other pages are printed for
// information only.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// What loads before the verdict may not grow past this: issue #12's 160 KB gzip. The engine, its lists
// and the public suffix list's ICANN rules of at most two labels are most of it; the list's private
// section and its other rules (ama.aichi.jp, .no) load only for hosts that need them, and the message is
// then analysed again (src/taskpane/suffix-list.ts). Lazy chunks never count, and nothing the first
// verdict needs on every message may move into one to meet a budget (the engine, its lists, the first
// screen's words).
export const GZIP_BUDGET_BYTES = 160 * 1024;

const PAGES_WITHOUT_BUDGET = new Set(['taskpane.html', 'commands.html']);

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Local scripts a page loads, in document order (absolute URLs such as office.js are not ours). */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  const tag = /<script\b[^>]*>/gi;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[0]);
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (!value || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) continue;
    sources.push(value.replace(/^\.?\//, '').replace(/[?#].*$/, ''));
  }
  return sources;
}

/** Tokens by which a loader script refers to a chunk file: its name, and its content hash when it has one. */
function chunkTokens(file: string): string[] {
  const base = path.basename(file, '.js');
  const hash = /\.([0-9a-f]{8,})$/.exec(base)?.[1];
  return hash ? [path.basename(file), hash] : [path.basename(file)];
}

/** The given scripts plus, transitively, every other script whose name or hash appears in one of them. */
export function reachableScripts(roots: string[], candidates: string[], read: (file: string) => string): string[] {
  const reached = new Set(roots);
  const queue = [...roots];
  const remaining = new Set(candidates.filter((c) => !reached.has(c)));
  while (queue.length > 0) {
    const text = read(queue.shift() as string);
    for (const candidate of [...remaining]) {
      if (chunkTokens(candidate).some((token) => text.includes(token))) {
        remaining.delete(candidate);
        reached.add(candidate);
        queue.push(candidate);
      }
    }
  }
  return [...reached];
}

function measure(dir: string, file: string): FileSize {
  const bytes = readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function printGroup(title: string, sizes: FileSize[]): { raw: number; gzip: number } {
  const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
  console.log(`\n${title}`);
  const width = Math.max(10, ...sizes.map((s) => s.file.length));
  for (const s of sizes) console.log(`  ${s.file.padEnd(width)}  ${kb(s.raw).padStart(10)} raw  ${kb(s.gzip).padStart(9)} gzip`);
  console.log(`  ${'total'.padEnd(width)}  ${kb(total.raw).padStart(10)} raw  ${kb(total.gzip).padStart(9)} gzip`);
  return total;
}

function listScripts(dir: string): string[] {
  const out: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative))) {
      const child = relative ? `${relative}/${entry}` : entry;
      if (statSync(path.join(dir, child)).isDirectory()) visit(child);
      else if (child.endsWith('.js')) out.push(child);
    }
  };
  visit('');
  return out.sort();
}

export function main(dir = path.join(__dirname, '..', 'dist', 'web')): number {
  const taskpaneHtml = path.join(dir, 'taskpane.html');
  if (!existsSync(taskpaneHtml)) {
    console.error(`No ${taskpaneHtml}: run "npx webpack --mode production" (or npm run build) first.`);
    return 2;
  }
  const cache = new Map<string, string>();
  const read = (file: string) => cache.get(file) ?? (cache.set(file, readFileSync(path.join(dir, file), 'latin1')), cache.get(file) as string);
  const scripts = listScripts(dir);
  const htmlFiles = readdirSync(dir).filter((f) => f.endsWith('.html'));
  const entriesOf = (html: string) => scriptSources(readFileSync(path.join(dir, html), 'utf8')).filter((s) => scripts.includes(s));
  const loadedByAnyPage = new Set(htmlFiles.flatMap(entriesOf));
  const lazyChunks = scripts.filter((s) => !loadedByAnyPage.has(s));

  const taskpaneEntries = entriesOf('taskpane.html');
  if (taskpaneEntries.length === 0) {
    console.error('taskpane.html loads no local script; is the build complete?');
    return 2;
  }
  const taskpaneLazy = reachableScripts(taskpaneEntries, lazyChunks, read).filter((s) => !taskpaneEntries.includes(s));
  const taskpane = [...taskpaneEntries, ...taskpaneLazy];
  const commands = htmlFiles.includes('commands.html') ? reachableScripts(entriesOf('commands.html'), lazyChunks, read) : [];
  const otherPages = htmlFiles.filter((f) => !PAGES_WITHOUT_BUDGET.has(f) && entriesOf(f).length > 0);
  const pages = reachableScripts(otherPages.flatMap(entriesOf), lazyChunks.filter((c) => !taskpane.includes(c)), read).filter((s) => !taskpane.includes(s));
  const counted = new Set([...taskpane, ...commands, ...pages]);
  const unattributed = scripts.filter((s) => !counted.has(s));

  const initial = printGroup('Task pane, initial load (the scripts taskpane.html loads) — the budget applies to this', taskpaneEntries.map((f) => measure(dir, f)));
  if (taskpaneLazy.length > 0) printGroup('Task pane, loaded later when needed (lazy chunks), for information', taskpaneLazy.map((f) => measure(dir, f)));
  if (commands.length > 0) {
    printGroup('Report button (commands.html / commands.js), for information', commands.map((f) => measure(dir, f)));
    if (commands.length > 1) console.log('  WARNING: the commands bundle must be one file; classic Outlook cannot load its chunks.');
  }
  if (pages.length > 0) printGroup(`Other pages (${otherPages.join(', ')}), for information`, pages.map((f) => measure(dir, f)));
  if (unattributed.length > 0) printGroup('Scripts no page refers to, for information', unattributed.map((f) => measure(dir, f)));

  const over = initial.gzip > GZIP_BUDGET_BYTES;
  console.log(`\nTask pane initial load: ${kb(initial.gzip)} gzip of a ${kb(GZIP_BUDGET_BYTES)} budget — ${over ? `OVER by ${kb(initial.gzip - GZIP_BUDGET_BYTES)}` : `${kb(GZIP_BUDGET_BYTES - initial.gzip)} to spare`}`);
  return over ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv[2] ? path.resolve(process.argv[2]) : undefined);

// The budget on the built pane (scripts/size.ts): what taskpane.html loads before the verdict stays
// within it, and the report form, the evidence and the policy checker stay out of that first load, as does
// Fluent's FluentProvider with the style engine and focus tracker it starts (the first screen has its own).
// Runs after `npm run build` (jest.e2e.config.js), on the files Outlook downloads.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GZIP_BUDGET_BYTES, main, scriptSources } from '../../scripts/size';

const WEB = path.join(__dirname, '..', '..', 'dist', 'web');

describe('the built task pane', () => {
  let output = '';
  let log: jest.SpyInstance;
  beforeAll(() => {
    if (!existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('dist/web is not built; run npm run build first (npm run test:e2e does)');
    log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void (output += `${args.join(' ')}\n`));
  });
  afterAll(() => log.mockRestore());

  it(`loads at most ${GZIP_BUDGET_BYTES / 1024} KB gzip before the verdict (npm run size)`, () => {
    const status = main(WEB);
    expect(output).toMatch(new RegExp(`Task pane initial load: \\d+\\.\\d KB gzip of a ${(GZIP_BUDGET_BYTES / 1024).toFixed(1)} KB budget — \\d+\\.\\d KB to spare`));
    expect(status).toBe(0);
  });

  it('keeps the details, the report form and the policy checker in chunks of their own, loaded later', () => {
    const first = scriptSources(readFileSync(path.join(WEB, 'taskpane.html'), 'utf8'));
    const lazy = readdirSync(WEB).filter((file) => file.endsWith('.js') && !first.includes(file));
    for (const name of ['pane-details', 'report-form', 'policy-check', 'report']) expect(lazy.some((file) => file.startsWith(`${name}.`))).toBe(true);
  });

  it('leaves FluentProvider, Griffel and the keyboard-focus tracker to the report form', () => {
    const first = scriptSources(readFileSync(path.join(WEB, 'taskpane.html'), 'utf8'))
      .map((file) => readFileSync(path.join(WEB, file), 'utf8'))
      .join('\n');
    // FluentProvider's class, Griffel's style-element attribute, keyborg's name and the focus attribute it drives.
    for (const marker of ['fui-FluentProvider', 'data-make-styles-bucket', 'keyborg', 'data-fui-focus-visible']) expect([marker, first.includes(marker)]).toEqual([marker, false]);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GZIP_BUDGET_BYTES, main, reachableScripts, scriptSources } from '../../scripts/size';

/** The budget as `npm run size` prints it, escaped for a pattern (160\\.0): the test follows the budget instead of repeating it. */
const BUDGET_KB = (GZIP_BUDGET_BYTES / 1024).toFixed(1).replace('.', '\\.');

describe('npm run size: which scripts belong to the task pane', () => {
  it('takes the page\'s own scripts in order and leaves CDN scripts out', () => {
    const html = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>'
      + '<script defer src=taskpane.1a2b3c4d.js></script><script src="./vendors.99aa88bb.js?v=1"></script><script>inline()</script>';
    expect(scriptSources(html)).toEqual(['taskpane.1a2b3c4d.js', 'vendors.99aa88bb.js']);
  });

  it('follows lazily loaded chunks through their content hash, transitively, and nothing else', () => {
    const files: Record<string, string> = {
      'taskpane.1a2b3c4d.js': 'u=e=>e+"."+{561:"86d21e73"}[e]+".js"',
      '561.86d21e73.js': 'load("77.0badf00d.js")',
      '77.0badf00d.js': 'x',
      '900.deadbeef.js': 'belongs to another page',
    };
    const reached = reachableScripts(['taskpane.1a2b3c4d.js'], Object.keys(files), (f) => files[f]);
    expect(reached.sort()).toEqual(['561.86d21e73.js', '77.0badf00d.js', 'taskpane.1a2b3c4d.js']);
  });

  describe('the budget', () => {
    let dir: string;
    let output: string;
    let log: jest.SpyInstance;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'lurelens-size-'));
      output = '';
      log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void (output += `${args.join(' ')}\n`));
    });
    afterEach(() => {
      log.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    });

    // Random bytes do not compress, so a script's gzip size is about its raw size.
    const build = (files: Record<string, Buffer | string>) => {
      for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    };
    const incompressible = (kilobytes: number, tail = '') => Buffer.concat([randomBytes(kilobytes * 1024), Buffer.from(tail, 'latin1')]);
    const page = '<script defer src="taskpane.1a2b3c4d.js"></script>';

    it('counts only the scripts taskpane.html loads; lazy chunks are listed apart and do not count', () => {
      build({ 'taskpane.html': page, 'taskpane.1a2b3c4d.js': incompressible(120, 'u={561:"86d21e73"}'), '561.86d21e73.js': incompressible(150) });
      expect(main(dir)).toBe(0);
      const [initial, lazy] = output.split('loaded later');
      expect(initial).toContain('taskpane.1a2b3c4d.js');
      expect(initial).not.toContain('561.86d21e73.js');
      expect(lazy).toContain('561.86d21e73.js');
      expect(output).toMatch(new RegExp(`Task pane initial load: 12\\d\\.\\d KB gzip of a ${BUDGET_KB} KB budget — \\d+\\.\\d KB to spare`));
    });

    it('fails when the initial load alone is over the budget', () => {
      build({ 'taskpane.html': page, 'taskpane.1a2b3c4d.js': incompressible(GZIP_BUDGET_BYTES / 1024 + 5) });
      expect(main(dir)).toBe(1);
      expect(output).toMatch(new RegExp(`Task pane initial load: \\d+\\.\\d KB gzip of a ${BUDGET_KB} KB budget — OVER by 5\\.\\d KB`));
    });
  });
});

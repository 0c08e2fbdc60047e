// The pane's public suffix list (src/taskpane/suffix-list.ts): work that asked about a host on a
// private-section platform runs again once the whole list is loaded; other work runs once. Here tldts
// is the whole list already (only the pane's build strips the private section), so both runs agree;
// the answers with the ICANN section alone are proven in tests/scripts/icann-trie.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentPrivateSuffixFilter } from '../../scripts/private-suffix-filter';
import { bloomTest } from '../../src/taskpane/bloom';
import { PRIVATE_PLATFORM_DOMAINS } from '../../src/taskpane/private-suffix-filter';

type SuffixList = typeof import('../../src/taskpane/suffix-list');

/** The module as a pane that has not loaded the whole list yet has it. */
function freshSuffixList(): SuffixList {
  let module: SuffixList | undefined;
  jest.isolateModules(() => {
    module = jest.requireActual<SuffixList>('../../src/taskpane/suffix-list');
  });
  return module as SuffixList;
}

describe('the task pane’s public suffix list', () => {
  it.each([
    ['a Firebase project', 'canad-7aae6.firebaseapp.com'],
    ['a Blogger blog', 'someone.blogspot.com'],
    ['an AWS host under a wildcard rule', 'ec2-1-2-3-4.compute-1.amazonaws.com'],
  ])('runs the work again with the whole list when it asked about %s, and once from then on', async (_name, host) => {
    const { parse, withWholeList } = freshSuffixList();
    let runs = 0;
    const domain = await withWholeList(() => {
      runs++;
      return parse(host, { allowPrivateDomains: true }).domain;
    });
    expect(runs).toBe(2);
    expect(domain).toBe(parse(host, { allowPrivateDomains: true }).domain);
    await withWholeList(() => runs++ && parse(host, { allowPrivateDomains: true }));
    expect(runs).toBe(3);
  });

  it.each([
    ['an ordinary domain', 'mail.example.co.jp', { allowPrivateDomains: true }],
    ['a private platform asked without private suffixes', 'someone.blogspot.com', { allowPrivateDomains: false }],
    ['an IP address', '192.0.2.1', { allowPrivateDomains: true }],
  ])('runs the work once for %s', async (_name, host, options) => {
    const { parse, withWholeList } = freshSuffixList();
    let runs = 0;
    await withWholeList(() => {
      runs++;
      return parse(host, options);
    });
    expect(runs).toBe(1);
  });

  it('lets through none of the private platforms and few other domains', () => {
    const onPrivatePlatform = bloomTest(PRIVATE_PLATFORM_DOMAINS);
    for (const domain of ['firebaseapp.com', 'blogspot.com', 'github.io', 'amazonaws.com', 'web.app']) expect(onPrivatePlatform(domain)).toBe(true);
    const others = Array.from({ length: 2000 }, (_, i) => `company-${i}.co.jp`);
    expect(others.filter(onPrivatePlatform).length).toBeLessThan(60);
  });

  it('is what scripts/private-suffix-filter.ts generates from the installed tldts (run `npx tsx scripts/private-suffix-filter.ts` if this fails)', () => {
    const committed = readFileSync(path.join(__dirname, '../../src/taskpane/private-suffix-filter.ts'), 'utf8');
    expect(committed).toBe(currentPrivateSuffixFilter());
  });
});

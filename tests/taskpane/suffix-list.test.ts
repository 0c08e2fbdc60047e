// The pane's public suffix list (src/taskpane/suffix-list.ts): work that asked about a host on a
// private-section platform, or under a suffix with rules of three labels or more, runs again once the
// whole list is loaded; other work runs once. The pane's modules run here over the data the pane's
// build gives tldts (the ICANN rules of at most two labels, tests/support/suffix-lookup.ts), and the
// whole list they load is tldts's own; the first load's answers are proven in
// tests/scripts/icann-trie.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentDeferredSuffixes } from '../../scripts/deferred-suffixes';
import { bloomTest } from '../../src/taskpane/bloom';
import { PRIVATE_PLATFORM_DOMAINS } from '../../src/taskpane/deferred-suffixes';
import { firstLoadParse } from '../support/suffix-lookup';

type SuffixList = typeof import('../../src/taskpane/suffix-list');

const wholeParse = jest.requireActual<typeof import('tldts')>('tldts').parse;

/** The module as a pane that has not loaded the whole list yet has it, with the pane's first-load data. */
function freshSuffixList(): SuffixList {
  let module: SuffixList | undefined;
  jest.isolateModules(() => {
    jest.doMock('tldts', () => ({ parse: firstLoadParse() }));
    jest.doMock('../../src/taskpane/whole-suffix-list', () => ({ parse: wholeParse }));
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
    expect(domain).toBe(wholeParse(host, { allowPrivateDomains: true }).domain);
    await withWholeList(() => runs++ && parse(host, { allowPrivateDomains: true }));
    expect(runs).toBe(3);
  });

  it.each([
    ['a Japanese city’s host', 'www.city.ama.aichi.jp', 'city.ama.aichi.jp', 'ama.aichi.jp'],
    ['a host under an exception to a wildcard', 'www.city.kawasaki.jp', 'city.kawasaki.jp', 'city.kawasaki.jp'],
    ['a US school district', 'mail.lib.k12.ny.us', 'lib.k12.ny.us', 'k12.ny.us'],
    ['a Norwegian municipality’s host (.no is left out whole)', 'www.kommune.oslo.no', 'kommune.oslo.no', 'oslo.no'],
  ])('gives %s its registrable domain by the whole list after loading it (its rules are not in the first load)', async (_name, host, domain, firstLoadDomain) => {
    const { parse, withWholeList } = freshSuffixList();
    const seen: (string | null)[] = [];
    const final = await withWholeList(() => {
      const found = parse(host).domain;
      seen.push(found);
      return found;
    });
    expect(final).toBe(domain);
    expect(seen).toEqual([firstLoadDomain, domain]);
  });

  it('loads the whole list before the work for a mailbox domain under a suffix with deeper rules, and not for an ordinary one', async () => {
    const ordinary = freshSuffixList();
    await ordinary.wholeListFor(['example.co.jp', 'foo.com']);
    expect(ordinary.parse('www.city.ama.aichi.jp').domain).toBe('ama.aichi.jp');
    const deep = freshSuffixList();
    await deep.wholeListFor(['city.ama.aichi.jp']);
    expect(deep.parse('www.city.ama.aichi.jp').domain).toBe('city.ama.aichi.jp');
  });

  it.each([
    ['an ordinary domain', 'mail.example.co.jp', { allowPrivateDomains: true }],
    ['a .com host', 'www.foo.com', {}],
    ['a prefecture’s own suffix', 'aichi.jp', {}],
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

  it('is what scripts/deferred-suffixes.ts generates from the installed tldts (run `npx tsx scripts/deferred-suffixes.ts` if this fails)', () => {
    const committed = readFileSync(path.join(__dirname, '../../src/taskpane/deferred-suffixes.ts'), 'utf8');
    expect(committed).toBe(currentDeferredSuffixes());
  });
});

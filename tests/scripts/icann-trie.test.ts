// The pane's public suffix list without the private section gives, through tldts's own lookup code,
// exactly the answers the full list gives when private suffixes are not allowed, which is how the
// engine asks; and it refuses a data file in a format it does not know.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Script } from 'node:vm';
import { fastPathLookup } from 'tldts-core';
import { icannOnly, icannOnlyModule, parseTrieModule, printTrieModule, rulesOf, type SuffixTrie } from '../../scripts/webpack/icann-trie';
import { bloomTest } from '../../src/taskpane/bloom';
import { PRIVATE_PLATFORM_DOMAINS } from '../../src/taskpane/private-suffix-filter';

const TLDTS = path.join(__dirname, '..', '..', 'node_modules', 'tldts', 'dist', 'es6', 'src');
const source = readFileSync(path.join(TLDTS, 'data', 'trie.js'), 'utf8');

type Lookup = (hostname: string, options: Record<string, boolean>, out: { publicSuffix: string | null; isIcann: boolean | null; isPrivate: boolean | null }) => boolean;

/** tldts's own suffix lookup (suffix-trie.js), run over the given data instead of its import. */
function tldtsLookup(trie: SuffixTrie, allowPrivateDomains = false): (host: string) => string {
  const code = readFileSync(path.join(TLDTS, 'suffix-trie.js'), 'utf8')
    .replace(/^import .*$/gm, '')
    .replace('export default function suffixLookup', 'function suffixLookup');
  // Compiled as a function of what the module imports, so the data can be swapped.
  const make = new Script(`(function (fastPathLookup, nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot) {\n${code}\nreturn suffixLookup;\n})`).runInThisContext() as (...args: unknown[]) => Lookup;
  const lookup = make(fastPathLookup, trie.nodeFlags, trie.edgeStart, trie.edgeLength, trie.edgeChild, trie.labelText, trie.rulesRoot, trie.exceptionsRoot);
  return (host) => {
    const out = { publicSuffix: null, isIcann: null, isPrivate: null };
    lookup(host, { allowIcannDomains: true, allowPrivateDomains }, out);
    return `${out.publicSuffix} ${out.isIcann} ${out.isPrivate}`;
  };
}

describe('the ICANN-only public suffix list', () => {
  const full = parseTrieModule(source);
  const pruned = icannOnly(full);

  it('keeps every ICANN rule and no private one', () => {
    const all = rulesOf(full);
    const kept = rulesOf(pruned);
    const icann = [...all].filter(([, flags]) => flags & 1).map(([rule]) => rule);
    expect(icann.length).toBeGreaterThan(5000);
    expect([...kept.keys()].sort()).toEqual(icann.sort());
    expect([...kept.values()].every((flags) => flags === 1)).toBe(true);
    expect(kept.has('co.jp') && kept.has('or.jp')).toBe(true);
    expect(kept.has('github.io') || kept.has('blogspot.com')).toBe(false);
  });

  // Every rule's domains, and the rules themselves: where the two lists could differ.
  const hosts = new Set<string>(['example.co.jp', 'mail.example.or.jp', 'user.github.io', 'foo.bar.blogspot.com', 'a.b.c.d', 'localhost', 'xn--fiqs8s', 'x.kawasaki.jp', 'city.kawasaki.jp']);
  for (const rule of rulesOf(full).keys()) {
    const bare = rule.replace(/^!/, '').replace(/^\*\./, 'w.');
    hosts.add(bare);
    hosts.add(`a.${bare}`);
    hosts.add(`a.b.${bare}`);
  }

  it('answers every rule’s domains as the full list does when private suffixes are not allowed', () => {
    const before = tldtsLookup(full);
    const after = tldtsLookup(pruned);
    const differences = [...hosts].filter((host) => before(host) !== after(host));
    expect(differences).toEqual([]);
    expect(hosts.size).toBeGreaterThan(15000);
  });

  it('answers as the full list does with private suffixes allowed for every host outside the private platforms’ domains (src/taskpane/suffix-list.ts)', () => {
    const whole = tldtsLookup(full, true);
    const icann = tldtsLookup(pruned, true);
    const onPrivatePlatform = bloomTest(PRIVATE_PLATFORM_DOMAINS);
    // The host's registrable domain by the ICANN section, as suffix-list.ts reads it from tldts.
    const icannDomain = (host: string) => {
      const suffix = icann(host).split(' ')[0];
      if (host === suffix || !host.endsWith(`.${suffix}`)) return undefined;
      return host.slice(host.lastIndexOf('.', host.length - suffix.length - 2) + 1);
    };
    let outside = 0;
    let differing = 0;
    for (const host of hosts) {
      const domain = icannDomain(host);
      if (whole(host) !== icann(host)) {
        differing++;
        expect({ host, filtered: domain !== undefined && onPrivatePlatform(domain) }).toEqual({ host, filtered: true });
      } else if (domain !== undefined && !onPrivatePlatform(domain)) outside++;
    }
    expect(differing).toBeGreaterThan(3000);
    // Few hosts outside the private platforms load the private section for nothing.
    const ordinary = [...hosts].filter((host) => whole(host) === icann(host) && icannDomain(host) !== undefined).length;
    expect(outside / ordinary).toBeGreaterThan(0.95);
  });

  it('keeps a dropped label beside an ICANN wildcard, so tldts does not take the wildcard for it', () => {
    // root -> "jp" (ICANN) -> { "*" (ICANN), "corp" (private) }.
    const trie: SuffixTrie = {
      nodeFlags: Uint8Array.from([0, 1, 1, 2, 0]),
      edgeStart: Uint16Array.from([0, 1, 3, 3, 3, 3]),
      edgeLength: Uint8Array.from([2, 1, 4]),
      edgeChild: Uint16Array.from([1, 2, 3]),
      labelText: 'jp*corp',
      rulesRoot: 0,
      exceptionsRoot: 4,
    };
    const pruned = icannOnly(trie);
    expect([...rulesOf(pruned).keys()].sort()).toEqual(['*.jp', 'jp']);
    expect(tldtsLookup(pruned)('x.corp.jp')).toBe(tldtsLookup(trie)('x.corp.jp'));
  });

  it('prints a module it reads back unchanged, and is much smaller', () => {
    expect(parseTrieModule(printTrieModule(pruned))).toEqual(pruned);
    expect(icannOnlyModule(source).length).toBeLessThan(source.length * 0.75);
  });

  it.each([
    ['a missing export', source.replace(/^export const rulesRoot.*$/m, '')],
    ['another array type', source.replace('new Uint8Array', 'new Uint32Array')],
    ['lengths that do not agree', source.replace(/labelText = "/, 'labelText = "x')],
  ])('stops the build on %s', (_name, changed) => {
    expect(() => icannOnlyModule(changed)).toThrow(/not in the format/);
  });
});

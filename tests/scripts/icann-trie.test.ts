// The pane's public suffix list without the private section gives, through tldts's own lookup code,
// exactly the answers the full list gives when private suffixes are not allowed, which is how the
// engine asks; the first load's part of it (rules of at most two labels) does so for every host
// outside the suffixes it names as having deeper rules; and it refuses a data file in a format it
// does not know.
import { firstLoadList, firstLoadModule, icannOnly, parseTrieModule, printTrieModule, rulesOf, type SuffixTrie } from '../../scripts/webpack/icann-trie';
import { bloomTest } from '../../src/taskpane/bloom';
import { DEEP_RULE_PARENTS, PRIVATE_PLATFORM_DOMAINS } from '../../src/taskpane/deferred-suffixes';
import { underDeepRules } from '../../src/taskpane/suffix-list';
import { decodeSuffixTrie } from '../../src/taskpane/suffix-trie-text';
import { firstLoadTrie, tldtsLookup, TLDTS_TRIE_SOURCE as source } from '../support/suffix-lookup';

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

  describe('the first load’s part (rules of at most two labels)', () => {
    const first = firstLoadTrie();
    const deepParents = DEEP_RULE_PARENTS.split(' ');

    it('keeps the ICANN rules of one and two labels (but those of .no) and names the suffixes above the others', () => {
      const labelsOf = (rule: string) => rule.replace(/^!/, '').split('.');
      const cutWhole = (rule: string) => deepParents.includes(labelsOf(rule).slice(-1)[0]);
      const short = [...rulesOf(pruned).keys()].filter((rule) => labelsOf(rule).length <= 2 && !(labelsOf(rule).length === 2 && cutWhole(rule)));
      expect([...rulesOf(first).keys()].sort()).toEqual(short.sort());
      expect(short.length).toBeGreaterThan(4500);
      const left = [...rulesOf(pruned).keys()].filter((rule) => !short.includes(rule));
      expect(left.length).toBeGreaterThan(2500);
      for (const rule of left) expect([labelsOf(rule).slice(-2).join('.'), labelsOf(rule).slice(-1)[0]].some((parent) => deepParents.includes(parent))).toBe(true);
      expect(deepParents).toEqual(expect.arrayContaining(['aichi.jp', 'tokyo.jp', 'kawasaki.jp', 'ny.us', 'no']));
      // Only .no goes whole: the top-level domains with the most rules after it keep theirs.
      for (const kept of ['co.jp', 'jp', 'it', 'com', 'uk']) expect(deepParents).not.toContain(kept);
      expect(firstLoadList(pruned).deepParents).toEqual(deepParents);
    });

    it('answers every host outside those suffixes as the full list does, and those suffixes are named for every host it answers otherwise', () => {
      const before = tldtsLookup(full);
      const after = tldtsLookup(first);
      let outside = 0;
      for (const host of hosts) {
        if (underDeepRules(host)) continue;
        outside++;
        expect({ host, answer: after(host) }).toEqual({ host, answer: before(host) });
      }
      expect(outside).toBeGreaterThan(9000);
      for (const host of ['www.city.ama.aichi.jp', 'x.k12.ny.us', 'a.b.kawasaki.jp', 'www.city.kawasaki.jp', 'kommune.oslo.no', 'example.no']) {
        expect(underDeepRules(host)).toBe(true);
      }
      // Where the cut shows: ama.aichi.jp is a rule of the whole list only.
      expect(before('www.city.ama.aichi.jp')).toBe('ama.aichi.jp true false');
      expect(after('www.city.ama.aichi.jp')).toBe('aichi.jp true false');
    });

    it.each(['example.co.jp', 'mail.example.or.jp', 'foo.com', 'www.mofa.go.jp', 'example.com.au', 'example.co.uk', 'example.it', 'aichi.jp', 'no'])('needs nothing more for %s', (host) => {
      expect(underDeepRules(host)).toBe(false);
      expect(tldtsLookup(first)(host)).toBe(tldtsLookup(full)(host));
    });

    it('answers as the full list does with private suffixes allowed for every host outside the private platforms’ domains and the deep rules’ suffixes (src/taskpane/suffix-list.ts)', () => {
      const whole = tldtsLookup(full, true);
      const firstLoad = tldtsLookup(first, true);
      const onPrivatePlatform = bloomTest(PRIVATE_PLATFORM_DOMAINS);
      // The host's registrable domain by the first load, as suffix-list.ts reads it from tldts.
      const icannDomain = (host: string) => {
        const suffix = firstLoad(host).split(' ')[0];
        if (host === suffix || !host.endsWith(`.${suffix}`)) return undefined;
        return host.slice(host.lastIndexOf('.', host.length - suffix.length - 2) + 1);
      };
      let outside = 0;
      let differing = 0;
      for (const host of hosts) {
        const domain = icannDomain(host);
        const onPlatform = domain !== undefined && onPrivatePlatform(domain);
        if (whole(host) !== firstLoad(host)) {
          differing++;
          expect({ host, flagged: underDeepRules(host) || onPlatform }).toEqual({ host, flagged: true });
        } else if (domain !== undefined && !onPlatform && !underDeepRules(host)) outside++;
      }
      expect(differing).toBeGreaterThan(3000);
      // Few ordinary hosts load the whole list for nothing.
      const ordinary = [...hosts].filter((host) => whole(host) === firstLoad(host) && icannDomain(host) !== undefined && !underDeepRules(host)).length;
      expect(outside / ordinary).toBeGreaterThan(0.95);
    });

    it('reads back from its text as the same rules, and refuses labels that would break the text', () => {
      const { text } = firstLoadList(pruned);
      expect(rulesOf(decodeSuffixTrie(text))).toEqual(rulesOf(first));
      expect(() => decodeSuffixTrie('jp(co|')).toThrow(/unclosed/);
      expect(() => decodeSuffixTrie('jp)|')).toThrow(/unmatched/);
      const trie: SuffixTrie = { nodeFlags: Uint8Array.from([0, 1, 0]), edgeStart: Uint16Array.from([0, 1, 1, 1]), edgeLength: Uint8Array.from([4]), edgeChild: Uint16Array.from([1]), labelText: 'a,jp', rulesRoot: 0, exceptionsRoot: 2 };
      expect(() => firstLoadList(trie)).toThrow(/not in the format/);
    });
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

  it('prints a module it reads back unchanged; the first load’s module is much smaller', () => {
    expect(parseTrieModule(printTrieModule(pruned))).toEqual(pruned);
    expect(firstLoadModule(source).length).toBeLessThan(source.length * 0.5);
  });

  it.each([
    ['a missing export', source.replace(/^export const rulesRoot.*$/m, '')],
    ['another array type', source.replace('new Uint8Array', 'new Uint32Array')],
    ['lengths that do not agree', source.replace(/labelText = "/, 'labelText = "x')],
  ])('stops the build on %s', (_name, changed) => {
    expect(() => firstLoadModule(changed)).toThrow(/not in the format/);
  });
});

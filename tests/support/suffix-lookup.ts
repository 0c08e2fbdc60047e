// tldts's own suffix lookup (its suffix-trie.js) over data of our choosing, for tests of the pane's
// public suffix list: the full list, the ICANN section alone, or what the pane's first load carries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Script } from 'node:vm';
import { fastPathLookup, getEmptyResult, parseImpl, type IPublicSuffix, type IResult, type ISuffixLookupOptions } from 'tldts-core';
import { firstLoadList, icannOnly, parseTrieModule, type SuffixTrie } from '../../scripts/webpack/icann-trie';
import { decodeSuffixTrie } from '../../src/taskpane/suffix-trie-text';

const TLDTS = path.join(__dirname, '..', '..', 'node_modules', 'tldts', 'dist', 'es6', 'src');

/** tldts's data module as installed (publicsuffix.org's list, both sections). */
export const TLDTS_TRIE_SOURCE = readFileSync(path.join(TLDTS, 'data', 'trie.js'), 'utf8');

type Lookup = (hostname: string, options: ISuffixLookupOptions, out: IPublicSuffix) => boolean;

/** tldts's suffix-trie.js, compiled as a function of what it imports, so the data can be swapped. */
export function suffixLookupOver(trie: SuffixTrie): Lookup {
  const code = readFileSync(path.join(TLDTS, 'suffix-trie.js'), 'utf8')
    .replace(/^import .*$/gm, '')
    .replace('export default function suffixLookup', 'function suffixLookup');
  const make = new Script(`(function (fastPathLookup, nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot) {\n${code}\nreturn suffixLookup;\n})`).runInThisContext() as (...args: unknown[]) => Lookup;
  return make(fastPathLookup, trie.nodeFlags, trie.edgeStart, trie.edgeLength, trie.edgeChild, trie.labelText, trie.rulesRoot, trie.exceptionsRoot);
}

/** A host's public suffix and its section by the given data, as one comparable string. */
export function tldtsLookup(trie: SuffixTrie, allowPrivateDomains = false): (host: string) => string {
  const lookup = suffixLookupOver(trie);
  return (host) => {
    const out: IPublicSuffix = { publicSuffix: null, isIcann: null, isPrivate: null };
    lookup(host, { allowIcannDomains: true, allowPrivateDomains }, out);
    return `${out.publicSuffix} ${out.isIcann} ${out.isPrivate}`;
  };
}

/** The trie the pane's first load decodes (scripts/webpack/icann-trie.ts firstLoadModule). */
export function firstLoadTrie(): SuffixTrie {
  return decodeSuffixTrie(firstLoadList(icannOnly(parseTrieModule(TLDTS_TRIE_SOURCE))).text);
}

/** tldts's parse as the pane's build has it: the first load's data under tldts's own code. */
export function firstLoadParse(): (url: string, options?: Record<string, unknown>) => IResult {
  const lookup = suffixLookupOver(firstLoadTrie());
  return (url, options) => parseImpl(url, 5, lookup, options ?? {}, getEmptyResult());
}

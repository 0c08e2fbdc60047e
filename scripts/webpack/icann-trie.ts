// The public suffix list for browser bundles, without its private section. tldts ships one trie with
// both sections: ICANN suffixes (co.jp, or.jp, com) and private ones that companies registered for
// their customers' subdomains (github.io, blogspot.com, s3.amazonaws.com…), a third of the data. The
// task pane and the preview start with this and load the whole list only when a question needs the
// private section (src/taskpane/suffix-list.ts); webpack runs this over tldts's data/trie.js for them
// (scripts/webpack/icann-trie-loader.js).
//
// The trie keeps tldts's own format (same exports, each node's edges in label-hash order), so
// tldts's lookup code runs unchanged. A node is kept when it is an
// ICANN rule or leads to one; the private flag is cleared. Anything unexpected in the file (tldts
// changed its format) stops the build rather than shipping a broken list.
//
// The first load then keeps the rules of at most two labels (co.jp, com) and leaves the deeper ones,
// a quarter of the list and 7 KB gzip, to the whole list: 1,600 Japanese city rules (ama.aichi.jp),
// American and Norwegian local ones (k12.ny.us), and all of .no, the one top-level domain with
// hundreds of rules (4 KB). firstLoadList names the suffixes they sit under (aichi.jp, ny.us, no),
// and the pane loads the whole list for a host under one of those
// (src/taskpane/suffix-list.ts). It ships as text (src/taskpane/suffix-trie-text.ts says why).
import path from 'node:path';
import { SUFFIX_TRIE_SYNTAX, suffixTrie, type SuffixTrie } from '../../src/taskpane/suffix-trie-text';

export type { SuffixTrie };

const ICANN = 1;
const ARRAYS = { nodeFlags: 'Uint8Array', edgeStart: 'Uint16Array', edgeLength: 'Uint8Array', edgeChild: 'Uint16Array' } as const;
const NUMBERS = ['rulesRoot', 'exceptionsRoot'] as const;

function formatChanged(detail: string): Error {
  return new Error(`tldts's data/trie.js is not in the format scripts/webpack/icann-trie.ts knows (${detail}); update the transform or drop it`);
}

/** Reads the data module tldts generates (`export const nodeFlags = new Uint8Array([...])`, …). */
export function parseTrieModule(source: string): SuffixTrie {
  const found = new Map<string, string>();
  for (const match of source.matchAll(/^export const (\w+) = (.*);$/gm)) found.set(match[1], match[2]);
  const expected = [...Object.keys(ARRAYS), 'labelText', ...NUMBERS];
  if (found.size !== expected.length || expected.some((name) => !found.has(name))) throw formatChanged(`exports ${[...found.keys()].join(', ')}`);
  const trie: Partial<SuffixTrie> = {};
  for (const [name, type] of Object.entries(ARRAYS) as [keyof typeof ARRAYS, string][]) {
    const array = new RegExp(`^(?:/\\*#__PURE__\\*/ )?new ${type}\\(\\[([0-9, ]*)\\]\\)$`).exec(found.get(name) as string);
    if (!array) throw formatChanged(name);
    const values = array[1].trim() ? array[1].split(',').map((value) => Number(value.trim())) : [];
    (trie as Record<string, unknown>)[name] = type === 'Uint8Array' ? Uint8Array.from(values) : Uint16Array.from(values);
  }
  const label: unknown = JSON.parse(found.get('labelText') as string);
  if (typeof label !== 'string') throw formatChanged('labelText');
  trie.labelText = label;
  for (const name of NUMBERS) {
    const value = Number(found.get(name));
    if (!Number.isInteger(value)) throw formatChanged(name);
    trie[name] = value;
  }
  const complete = trie as SuffixTrie;
  const nodes = complete.nodeFlags.length;
  const edges = complete.edgeLength.length;
  const labels = complete.edgeLength.reduce((sum, length) => sum + length, 0);
  if (complete.edgeStart.length !== nodes + 1 || complete.edgeChild.length !== edges || complete.edgeStart[nodes] !== edges || labels !== complete.labelText.length) {
    throw formatChanged('array lengths do not agree');
  }
  return complete;
}

/** Where each edge's label starts in labelText (and, last, where the text ends). */
function labelOffsets(trie: SuffixTrie): Uint32Array {
  const offsets = new Uint32Array(trie.edgeLength.length + 1);
  for (let edge = 0; edge < trie.edgeLength.length; edge++) offsets[edge + 1] = offsets[edge] + trie.edgeLength[edge];
  return offsets;
}

/** The trie with only ICANN rules (and the nodes leading to them). */
export function icannOnly(trie: SuffixTrie): SuffixTrie {
  const nodes = trie.nodeFlags.length;
  const offsets = labelOffsets(trie);
  // Kept: an ICANN rule, a root, or a node with a kept child. Children can be shared (a DAG); memoised.
  const keep = new Int8Array(nodes).fill(-1);
  const decide = (node: number, depth: number): boolean => {
    if (keep[node] >= 0) return keep[node] === 1;
    if (depth > 64) throw formatChanged('trie deeper than any domain');
    let kept = (trie.nodeFlags[node] & ICANN) !== 0 || node === trie.rulesRoot || node === trie.exceptionsRoot;
    for (let edge = trie.edgeStart[node]; edge < trie.edgeStart[node + 1]; edge++) if (decide(trie.edgeChild[edge], depth + 1)) kept = true;
    keep[node] = kept ? 1 : 0;
    return kept;
  };
  for (let node = 0; node < nodes; node++) decide(node, 0);

  const renumbered = new Int32Array(nodes).fill(-1);
  let count = 0;
  for (let node = 0; node < nodes; node++) if (keep[node] === 1) renumbered[node] = count++;
  // Where a node also has a kept "*" edge, a dropped label must still lead somewhere, or tldts would
  // take the wildcard for it where the full list took the (private) label: it leads to one empty node.
  const deadEnd = count;
  let deadEndUsed = false;
  const flags: number[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  const children: number[] = [];
  let label = '';
  const labelOf = (edge: number) => trie.labelText.slice(offsets[edge], offsets[edge + 1]);
  for (let node = 0; node < nodes; node++) {
    if (keep[node] !== 1) continue;
    flags.push(trie.nodeFlags[node] & ICANN);
    starts.push(lengths.length);
    let wildcard = false;
    for (let edge = trie.edgeStart[node]; edge < trie.edgeStart[node + 1]; edge++) if (labelOf(edge) === '*' && keep[trie.edgeChild[edge]] === 1) wildcard = true;
    // Edges keep their order: tldts binary-searches them by label hash.
    for (let edge = trie.edgeStart[node]; edge < trie.edgeStart[node + 1]; edge++) {
      const child = trie.edgeChild[edge];
      if (keep[child] !== 1 && !wildcard) continue;
      if (keep[child] !== 1) deadEndUsed = true;
      lengths.push(trie.edgeLength[edge]);
      children.push(keep[child] === 1 ? renumbered[child] : deadEnd);
      label += labelOf(edge);
    }
  }
  if (deadEndUsed) {
    flags.push(0);
    starts.push(lengths.length);
  }
  starts.push(lengths.length);
  return suffixTrie({ flags, starts, lengths, children, labelText: label, rulesRoot: renumbered[trie.rulesRoot], exceptionsRoot: renumbered[trie.exceptionsRoot] });
}

/** The rules a trie holds, as dotted suffixes ("co.jp", "*.kawasaki.jp", "!city.kawasaki.jp"), with their flags. */
export function rulesOf(trie: SuffixTrie): Map<string, number> {
  const offsets = labelOffsets(trie);
  const rules = new Map<string, number>();
  const walk = (node: number, labels: string[], exception: boolean) => {
    if (labels.length > 0 && trie.nodeFlags[node] !== 0) rules.set(`${exception ? '!' : ''}${[...labels].reverse().join('.')}`, trie.nodeFlags[node]);
    if (labels.length > 64) return;
    for (let edge = trie.edgeStart[node]; edge < trie.edgeStart[node + 1]; edge++) {
      walk(trie.edgeChild[edge], [...labels, trie.labelText.slice(offsets[edge], offsets[edge + 1])], exception);
    }
  };
  walk(trie.rulesRoot, [], false);
  walk(trie.exceptionsRoot, [], true);
  return rules;
}

/** The data module again, in tldts's format. */
export function printTrieModule(trie: SuffixTrie): string {
  const array = (name: keyof typeof ARRAYS) => `export const ${name} = /*#__PURE__*/ new ${ARRAYS[name]}([${Array.from(trie[name]).join(',')}]);`;
  return [
    '// The public suffix list without its private section (scripts/webpack/icann-trie.ts).',
    array('nodeFlags'),
    array('edgeStart'),
    array('edgeLength'),
    array('edgeChild'),
    `export const labelText = ${JSON.stringify(trie.labelText)};`,
    `export const rulesRoot = ${trie.rulesRoot};`,
    `export const exceptionsRoot = ${trie.exceptionsRoot};`,
    '',
  ].join('\n');
}

/** Labels from the root at which the first load cuts the list: two keeps co.jp, or.jp and com. */
export const FIRST_LOAD_DEPTH = 2;
/**
 * A top-level domain with more rules of two labels than this goes to the whole list entirely: only
 * .no (884, its counties and municipalities, 4 KB gzip); .it (427) and .jp (157) stay.
 */
export const FIRST_LOAD_RULES_PER_TLD = 500;

export interface FirstLoadList {
  /** The rules of at most FIRST_LOAD_DEPTH labels, as text for src/taskpane/suffix-trie-text.ts. */
  text: string;
  /** Suffixes under which the list has rules the first load leaves out (aichi.jp for ama.aichi.jp, no), sorted. */
  deepParents: string[];
}

/** The first load's part of a trie (the ICANN-only one), and where it cut rules away. */
export function firstLoadList(trie: SuffixTrie): FirstLoadList {
  const offsets = labelOffsets(trie);
  // Rules of one label more than the node's (the rules of two labels under a top-level domain).
  const childRules = (node: number): number => {
    let count = 0;
    for (let edge = trie.edgeStart[node]; edge < trie.edgeStart[node + 1]; edge++) if (trie.nodeFlags[trie.edgeChild[edge]] & ICANN) count++;
    return count;
  };
  const deepParents = new Set<string>();
  const write = (node: number, labels: string[]): string => {
    const hasChildren = trie.edgeStart[node + 1] > trie.edgeStart[node];
    if (hasChildren && (labels.length === FIRST_LOAD_DEPTH || (labels.length === 1 && childRules(node) > FIRST_LOAD_RULES_PER_TLD))) {
      deepParents.add([...labels].reverse().join('.'));
      return '';
    }
    const entries: [string, string][] = [];
    for (let edge = trie.edgeStart[node]; edge < trie.edgeStart[node + 1]; edge++) {
      const label = trie.labelText.slice(offsets[edge], offsets[edge + 1]);
      if (SUFFIX_TRIE_SYNTAX.test(label)) throw formatChanged(`label ${JSON.stringify(label)}`);
      const child = trie.edgeChild[edge];
      const below = write(child, [...labels, label]);
      entries.push([label, `${trie.nodeFlags[child] & ICANN ? '' : '~'}${label}${below ? `(${below})` : ''}`]);
    }
    // Alphabetical order compresses; the pane sorts each node's labels by hash again.
    return entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => entry)
      .join(',');
  };
  const text = `${write(trie.rulesRoot, [])}|${write(trie.exceptionsRoot, [])}`;
  return { text, deepParents: [...deepParents].sort() };
}

const DECODER = path.join(__dirname, '..', '..', 'src', 'taskpane', 'suffix-trie-text.ts');

/** tldts's data module for the pane's first load: the ICANN rules of at most two labels, decoded at start. */
export function firstLoadModule(source: string): string {
  const { text } = firstLoadList(icannOnly(parseTrieModule(source)));
  return [
    "// The public suffix list's ICANN rules of at most two labels (scripts/webpack/icann-trie.ts).",
    `import { decodeSuffixTrie } from ${JSON.stringify(DECODER)};`,
    `const trie = decodeSuffixTrie(${JSON.stringify(text)});`,
    ...['nodeFlags', 'edgeStart', 'edgeLength', 'edgeChild', 'labelText', 'rulesRoot', 'exceptionsRoot'].map((name) => `export const ${name} = trie.${name};`),
    '',
  ].join('\n');
}

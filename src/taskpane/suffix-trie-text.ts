// The pane's first-load public suffix list, as compact text turned into tldts's trie when the script
// starts. tldts stores each node's labels in the order of their hashes (it binary-searches them), which
// gzip cannot compress; the same labels in alphabetical order take 3 KB less, and sorting them by hash
// here costs about a millisecond. The text is written at build time (scripts/webpack/icann-trie.ts,
// which proves it gives tldts's lookup the same answers).
//
// Grammar: text = rules "|" exceptions; list = entry ("," entry)*; entry = ["~"] label ["(" list ")"].
// An entry is an edge from its parent with the label; "~" marks a node that is no rule itself (a step
// towards deeper rules, or a dead end that keeps tldts from taking a wildcard for a label).

/** tldts's public suffix trie, in the arrays its lookup code (suffix-trie.js) imports. */
export interface SuffixTrie {
  nodeFlags: Uint8Array;
  edgeStart: Uint16Array;
  edgeLength: Uint8Array;
  edgeChild: Uint16Array;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

/** A trie from its arrays as plain lists (nodes in order, each with its edges from edgeStart on). */
export function suffixTrie(parts: { flags: number[]; starts: number[]; lengths: number[]; children: number[]; labelText: string; rulesRoot: number; exceptionsRoot: number }): SuffixTrie {
  return {
    nodeFlags: Uint8Array.from(parts.flags),
    edgeStart: Uint16Array.from(parts.starts),
    edgeLength: Uint8Array.from(parts.lengths),
    edgeChild: Uint16Array.from(parts.children),
    labelText: parts.labelText,
    rulesRoot: parts.rulesRoot,
    exceptionsRoot: parts.exceptionsRoot,
  };
}

/** Characters of the text's grammar, which no label may hold. */
export const SUFFIX_TRIE_SYNTAX = /[,()|~]/;

/** tldts's label hash (suffix-trie.js): djb2 over the label's characters from last to first. */
export function labelHash(label: string): number {
  let hash = 5381;
  for (let i = label.length - 1; i >= 0; i--) hash = (hash * 33) ^ label.charCodeAt(i);
  return hash >>> 0;
}

interface TextNode {
  rule: boolean;
  edges: { label: string; child: TextNode }[];
}

/** Reads the text into a tree; the text is ours (built with the pane), so anything malformed throws. */
function readTree(text: string, from: number, to: number): TextNode {
  const root: TextNode = { rule: false, edges: [] };
  const stack: TextNode[] = [root];
  let at = from;
  while (at < to) {
    const parent = stack[stack.length - 1];
    if (text[at] === ')') {
      if (stack.length === 1) throw new Error(`suffix list text: unmatched ")" at ${at}`);
      stack.pop();
      at++;
    } else if (text[at] === ',') {
      at++;
    } else {
      const rule = text[at] !== '~';
      if (!rule) at++;
      let end = at;
      while (end < to && !SUFFIX_TRIE_SYNTAX.test(text[end])) end++;
      if (end === at) throw new Error(`suffix list text: empty label at ${at}`);
      const child: TextNode = { rule, edges: [] };
      parent.edges.push({ label: text.slice(at, end), child });
      at = end;
      if (text[at] === '(') {
        stack.push(child);
        at++;
      }
    }
  }
  if (stack.length !== 1) throw new Error('suffix list text: unclosed "("');
  return root;
}

/** The trie in tldts's format: nodes breadth first, each node's edges in label-hash order. */
export function decodeSuffixTrie(text: string): SuffixTrie {
  const split = text.indexOf('|');
  if (split < 0) throw new Error('suffix list text: no "|" between rules and exceptions');
  const roots = [readTree(text, 0, split), readTree(text, split + 1, text.length)];
  const nodes: TextNode[] = [...roots];
  const flags: number[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  const children: number[] = [];
  const labels: string[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    flags.push(node.rule ? 1 : 0);
    starts.push(lengths.length);
    const edges = node.edges.map((edge) => ({ ...edge, hash: labelHash(edge.label) })).sort((a, b) => a.hash - b.hash);
    for (const edge of edges) {
      lengths.push(edge.label.length);
      children.push(nodes.length);
      nodes.push(edge.child);
      labels.push(edge.label);
    }
  }
  starts.push(lengths.length);
  return suffixTrie({ flags, starts, lengths, children, labelText: labels.join(''), rulesRoot: 0, exceptionsRoot: 1 });
}

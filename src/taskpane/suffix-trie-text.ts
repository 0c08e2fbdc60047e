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
function labelHash(text: string, start: number, end: number): number {
  let hash = 5381;
  for (let i = end - 1; i >= start; i--) hash = (hash * 33) ^ text.charCodeAt(i);
  return hash >>> 0;
}

interface TextNode {
  rule: boolean;
  edges: { label: string; hash: number; child: TextNode }[];
}

const COMMA = 44;
const OPEN = 40;
const CLOSE = 41;
const BAR = 124;
const TILDE = 126;

/** Reads the text into a tree; the text is ours (built with the pane), so anything malformed throws. */
function readTree(text: string, from: number, to: number): TextNode {
  const root: TextNode = { rule: false, edges: [] };
  const stack: TextNode[] = [root];
  let at = from;
  while (at < to) {
    const code = text.charCodeAt(at);
    if (code === CLOSE) {
      if (stack.length === 1) throw new Error(`suffix list text: unmatched ")" at ${at}`);
      stack.pop();
      at++;
    } else if (code === COMMA) {
      at++;
    } else {
      const rule = code !== TILDE;
      if (!rule) at++;
      let end = at;
      for (let c = text.charCodeAt(end); end < to && c !== COMMA && c !== OPEN && c !== CLOSE && c !== BAR && c !== TILDE; c = text.charCodeAt(++end));
      if (end === at) throw new Error(`suffix list text: empty label at ${at}`);
      const child: TextNode = { rule, edges: [] };
      stack[stack.length - 1].edges.push({ label: text.slice(at, end), hash: labelHash(text, at, end), child });
      at = end;
      if (at < to && text.charCodeAt(at) === OPEN) {
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
    for (const edge of node.edges.sort((a, b) => a.hash - b.hash)) {
      lengths.push(edge.label.length);
      children.push(nodes.length);
      nodes.push(edge.child);
      labels.push(edge.label);
    }
  }
  starts.push(lengths.length);
  return suffixTrie({ flags, starts, lengths, children, labelText: labels.join(''), rulesRoot: 0, exceptionsRoot: 1 });
}

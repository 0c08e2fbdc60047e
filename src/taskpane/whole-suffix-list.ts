// tldts with the whole public suffix list, loaded by suffix-list.ts when a question needs the private
// section. In the pane's build this import is tldts's own self-contained bundle, which the ICANN-only
// transform of tldts's data (scripts/webpack/icann-trie.ts) does not touch (webpack.config.js).
export { parse } from 'tldts';

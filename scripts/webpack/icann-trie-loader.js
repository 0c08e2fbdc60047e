// webpack loader: tldts's data/trie.js as the pane's first load has it (the public suffix list's ICANN
// rules of at most two labels), for the task pane and the preview (see icann-trie.ts, which does the
// work and has the tests).
const { firstLoadModule } = require('tsx/cjs/api').require('./icann-trie.ts', __filename);

module.exports = function icannTrieLoader(source) {
  return firstLoadModule(source);
};

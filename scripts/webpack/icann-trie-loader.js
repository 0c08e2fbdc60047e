// webpack loader: tldts's data/trie.js without the public suffix list's private section, for the
// task pane and the preview (see icann-trie.ts, which does the work and has the tests).
const { icannOnlyModule } = require('tsx/cjs/api').require('./icann-trie.ts', __filename);

module.exports = function icannTrieLoader(source) {
  return icannOnlyModule(source);
};

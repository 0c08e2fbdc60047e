/** Browser tests: the built add-in pages, the real service and Debian's Chromium (npm run test:e2e). */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One browser and one service per file; files run one after another on a 2-core machine.
  maxWorkers: 1,
  testTimeout: 60_000,
};

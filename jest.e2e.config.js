/**
 * Tests of what the build produced (npm run test:e2e, after npm run build): the browser tests (the built
 * pages, the real service and Debian's Chromium) and *.built.test.ts (e.g. commands.js in Outlook's
 * JavaScript-only runtime).
 */
// The main project's settings (jest.config.js also lists the PostgreSQL re-run, not wanted here).
const base = require('./jest.config.js').projects[0];
module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e', '<rootDir>/tests/commands', '<rootDir>/tests/package', '<rootDir>/tests/manifest'],
  testMatch: ['**/tests/e2e/**/*.test.ts', '**/*.built.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One browser and one service per file; files run one after another on a 2-core machine.
  maxWorkers: 1,
  testTimeout: 60_000,
};

/** @type {import('jest').Config} */
const fs = require('node:fs');
const path = require('node:path');
const { findPostgres } = require('./tests/support/postgres-bin');

const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];

const main = {
  displayName: 'main',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Browser tests and tests of built files (*.built.test.ts) run after the build: jest.e2e.config.js.
  // tests/server/postgres/ holds what only PostgreSQL does (several instances on one database).
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '\\.built\\.test\\.ts$', '/tests/server/postgres/'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // The browser code's dynamic import() names its TypeScript modules by their .js output, as Node's
  // module rules require; map them back to the source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Some dependencies ship ESM only; let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(postal-mime|jose|openid-client|oauth4webapi)/)'],
};

// The service's tests run a second time on PostgreSQL, on a throw-away cluster the run starts and
// removes (tests/support/postgres-*.ts), plus the PostgreSQL-only tests in tests/server/postgres/.
// Chosen by what the files do (start a test service or open a test store), so a new service test needs no list entry;
// left out are the folders whose subject is not the store: the console's and the manifest's UI
// tests (their API calls are the service tests' subject) and the operator commands, which work on
// the SQLite file itself (backup, restore, doctor).
const STARTS_A_SERVICE = /\b(startTestServer|startIdentityServer|testDatabaseFor|openTestDatabase|openTestStore|runDurabilityCheck)\(/;
const NOT_ABOUT_THE_STORE = /^tests\/(e2e|console|manifest|cli)\/|\.built\.test\.ts$/;
const storeTests = fs
  .readdirSync(path.join(__dirname, 'tests'), { recursive: true })
  .map((file) => path.join('tests', String(file)))
  .filter((file) => /\.test\.tsx?$/.test(file) && !NOT_ABOUT_THE_STORE.test(file))
  .filter((file) => file.startsWith('tests/server/postgres/') || STARTS_A_SERVICE.test(fs.readFileSync(path.join(__dirname, file), 'utf8')));
const postgres = {
  ...main,
  displayName: 'postgres',
  roots: ['<rootDir>/tests'],
  testMatch: storeTests.map((file) => `<rootDir>/${file}`),
  testPathIgnorePatterns: ['/node_modules/'],
  setupFiles: ['<rootDir>/tests/support/postgres-backend.ts'],
  globalSetup: '<rootDir>/tests/support/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/postgres-global-teardown.ts',
};

const programs = findPostgres();
if (programs.missing !== undefined && !process.env.JEST_WORKER_ID) {
  process.stdout.write(`PostgreSQL tests skipped: ${programs.missing}.\n`);
}

module.exports = { projects: programs.missing === undefined ? [main, postgres] : [main] };

/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Browser tests and tests of built files (*.built.test.ts) run after the build: jest.e2e.config.js.
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '\\.built\\.test\\.ts$'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // The browser code's dynamic import() names its TypeScript modules by their .js output, as Node's
  // module rules require; map them back to the source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Some dependencies ship ESM only; let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(postal-mime|jose|openid-client|oauth4webapi)/)'],
};

// A real service on 127.0.0.1 (ephemeral port) with a real SQLite file in a temporary directory, or
// in the PostgreSQL run a fresh database on the run's cluster (tests/support/test-database.ts), and
// small helpers to talk to it with fetch.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startServer, type ServerOptions } from '../../src/server/app';
import { DEFAULTS, defaultServerConfig, type ServerConfig } from '../../src/server/config';
import type { ReportSubmission } from '../../src/report/protocol';
import type { NewReport } from '../../src/server/store/types';
import { dropDatabaseOf, testDatabaseFor } from '../support/test-database';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'server');

// Every test server starts its own analysis worker, which loads the engine before its first report.
jest.setTimeout(20_000);
export const ANALYST = 'analyst-token-for-tests-0001';
export const REPORTER = 'reporter-token-for-tests-0001';
export const PUBLIC_URL = 'https://lurelens.example.test';

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

export function tempDir(prefix = 'lurelens-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  config: ServerConfig;
  dataDir: string;
  /** Every log line the server wrote. */
  logs: string[];
  close(options?: { keepData?: boolean }): Promise<void>;
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return defaultServerConfig({
    host: '127.0.0.1',
    port: 0,
    publicUrl: PUBLIC_URL,
    webRoot: path.join(FIXTURES, 'web'),
    manifestFile: path.join(FIXTURES, 'manifest.xml'),
    policyFile: path.join(FIXTURES, 'policy.json'),
    tokens: [
      { token: ANALYST, role: 'analyst', name: 'test analyst' },
      { token: REPORTER, role: 'reporter', name: 'test add-in' },
    ],
    logLevel: 'info',
    // Tests file many reports with the shared reporter token from one address; its tighter budget
    // has its own tests (tests/server/identity).
    rateLimit: { ...DEFAULTS.rateLimit, unverifiedReportsMax: DEFAULTS.rateLimit.reportsMax },
    // One analysis worker per test server: tests run side by side on a small machine.
    analysis: { workers: 1, timeMs: 15_000, memoryMb: 512, maxParts: 2000 },
    ...overrides,
  });
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  const logs: string[] = [];
  // `database: undefined` given explicitly: SQLite in either run.
  const database = 'database' in overrides ? overrides.database : await testDatabaseFor(dataDir);
  const config = testConfig({ ...overrides, dataDir, database });
  const running = await startServer(config, { logStream: { write: (line: string) => void logs.push(line) }, ...options });
  return {
    url: running.url,
    app: running.app,
    config,
    dataDir,
    logs,
    async close({ keepData = false } = {}) {
      await running.app.close();
      if (keepData) return;
      await dropDatabaseOf(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function submission(eml: Buffer, overrides: Partial<ReportSubmission> = {}): ReportSubmission {
  return {
    key: randomUUID(),
    eml: eml.toString('base64'),
    emlSource: 'original',
    reporter: { address: 'alice@example.org', name: 'Alice Example' },
    reasons: ['suspicious-link'],
    clientVerdict: { verdict: 'suspicious', score: 40, findings: [{ rule: 'link-mismatch', severity: 'medium', title: 'Link text and target differ' }] },
    client: { host: 'Outlook', platform: 'OfficeOnline', version: '16.0', addinVersion: '0.1.0' },
    ...overrides,
  };
}

interface CallOptions {
  method?: string;
  token?: string | null;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export async function call(server: { url: string }, route: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? ANALYST : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  return fetch(server.url + route, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
}

export async function postReport(server: { url: string }, body: unknown, token: string | null = REPORTER): Promise<Response> {
  return call(server, '/api/reports', { method: 'POST', json: body, token });
}

/** Posts a fixture and returns the parsed receipt (expects 201); the add-in's reporter token unless another is given. */
export async function report(server: { url: string }, eml: Buffer, overrides: Partial<ReportSubmission> = {}, token: string = REPORTER) {
  const response = await postReport(server, submission(eml, overrides), token);
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string; duplicate: boolean; campaignId: string; statusToken: string };
}

/** A report as intake hands it to the store (store tests, without a service): a new key, nothing analysed. */
export function newReport(raw: Buffer, overrides: Partial<NewReport> = {}): NewReport {
  const rawSha256 = createHash('sha256').update(raw).digest('hex');
  return {
    id: randomUUID(),
    key: randomUUID(),
    fingerprint: rawSha256,
    receivedAt: new Date().toISOString(),
    reporter: { address: 'alice@example.org' },
    reasons: ['other'],
    emlSource: 'original',
    raw,
    rawSha256,
    subject: 'Salary adjustment',
    searchText: 'salary adjustment',
    analysis: {},
    summary: {},
    indicators: [],
    groupingKeys: [],
    reporterVerified: false,
    content: {},
    statusTokenHash: randomBytes(32).toString('hex'),
    forward: false,
    ...overrides,
  };
}

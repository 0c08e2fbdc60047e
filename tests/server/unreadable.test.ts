// The service analyses reported mail with its own parser: a message built so that the MIME
// library gives up is stored with its attachments listed and the "could not be fully read" finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { call, postReport, startTestServer, submission, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

test('a message nested deeper than the MIME library follows is stored as unreadable and dangerous, not clean', async () => {
  const eml = readFileSync(path.join(__dirname, '..', 'fixtures', 'mail', 'deep-nested-exe.eml'));
  const response = await postReport(server, submission(eml));
  expect(response.status).toBe(201);
  const { id } = await response.json();
  const detail = await (await call(server, `/api/reports/${id}`)).json();
  expect(detail.analysis.verdict).toBe('dangerous');
  const rules = (detail.analysis.findings as { rule: string; category: string; title: { en: string; ja: string } }[]).map((finding) => finding.rule);
  expect(rules).toEqual(expect.arrayContaining(['unreadable-message', 'risky-attachment']));
  const unreadable = detail.analysis.findings.find((finding: { rule: string }) => finding.rule === 'unreadable-message');
  expect(unreadable).toMatchObject({ category: 'structure', title: { en: 'This message could not be fully read', ja: 'このメールは最後まで読み取れませんでした' } });
});

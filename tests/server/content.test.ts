// GET /api/reports/:id/content: what the triage console shows as text (body, links, raw headers),
// read from the stored original, bounded, and only for analysts.
import { messageContent } from '../../src/server/analysis/content';
import { CONTENT_LIMITS } from '../../src/server/schemas';
import { emptyMessage } from '../../src/mail/eml';
import { call, fixture, REPORTER, report, startTestServer, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const HOSTILE = Buffer.from(
  [
    'From: "IT <b>Desk</b>" <it@evil.example>',
    'To: alice@example.org',
    'Subject: Password expiry',
    'Message-ID: <hostile-1@evil.example>',
    'X-Custom: <script>alert(1)</script>',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><script>alert(1)</script><p>Your password expires. <a href="https://login.evil.example/reset?u=1">https://www.example.org/reset</a></p>',
    '<img src="https://tracker.evil.example/p.gif"></body></html>',
    '',
  ].join('\r\n'),
);

test('an HTML-only message is returned as its text content, with real link targets and raw header fields', async () => {
  const receipt = await report(server, HOSTILE);
  const response = await call(server, `/api/reports/${receipt.id}/content`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const content = await response.json();
  expect(content.hasHtml).toBe(true);
  expect(content.text).toContain('Your password expires.');
  // Markup is gone: the text content of a page, not the page.
  expect(content.text).not.toContain('<p>');
  expect(content.text).not.toContain('<img');
  expect(content.textTruncated).toBe(false);
  expect(content.links).toEqual([{ href: 'https://login.evil.example/reset?u=1', text: 'https://www.example.org/reset', source: 'html' }]);
  expect(content.linkCount).toBe(1);
  expect(content.headers).toEqual(
    expect.arrayContaining([
      { name: 'Subject', value: 'Password expiry' },
      { name: 'X-Custom', value: '<script>alert(1)</script>' },
    ]),
  );
  expect(content.headers[0]).toEqual({ name: 'From', value: '"IT <b>Desk</b>" <it@evil.example>' });
  expect(content.headerCount).toBe(content.headers.length);
});

test('Japanese mail is decoded (ISO-2022-JP)', async () => {
  const receipt = await report(server, fixture('japanese-iso2022jp.eml'));
  const content = await (await call(server, `/api/reports/${receipt.id}/content`)).json();
  expect(content.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
});

test('only analysts may read content; an unknown report is 404', async () => {
  const receipt = await report(server, HOSTILE);
  expect((await call(server, `/api/reports/${receipt.id}/content`, { token: REPORTER })).status).toBe(403);
  expect((await call(server, `/api/reports/${receipt.id}/content`, { token: null })).status).toBe(401);
  const missing = await call(server, '/api/reports/00000000-0000-4000-8000-000000000000/content');
  expect(missing.status).toBe(404);
  expect((await missing.json()).error).toBe('not_found');
});

test('the existing detail answer is unchanged (no message content in it)', async () => {
  const receipt = await report(server, HOSTILE);
  const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
  expect(detail).not.toHaveProperty('text');
  expect(detail.links).toEqual({ eml: `/api/reports/${receipt.id}/eml`, arf: `/api/reports/${receipt.id}/arf`, campaign: `/api/campaigns/${receipt.campaignId}` });
});

describe('bounds', () => {
  test('a long body is cut at 200 000 characters without splitting a surrogate pair', () => {
    const message = emptyMessage();
    message.text = 'a'.repeat(CONTENT_LIMITS.textChars - 1) + '😀' + 'tail';
    const content = messageContent(message);
    expect(content.text.length).toBe(CONTENT_LIMITS.textChars - 1);
    expect(content.textTruncated).toBe(true);
    expect(content.textLength).toBe(message.text.length);
  });

  test('links and header fields are capped in number and size', () => {
    const message = emptyMessage();
    message.links = Array.from({ length: CONTENT_LIMITS.links + 50 }, (_, i) => ({ href: `https://x.example/${i}/${'p'.repeat(5000)}`, text: 't'.repeat(2000), source: 'text' as const }));
    message.headers = Array.from({ length: 2000 }, (_, i) => ({ name: `X-H${i}`, value: 'v'.repeat(20_000) }));
    const content = messageContent(message);
    expect(content.links).toHaveLength(CONTENT_LIMITS.links);
    expect(content.linkCount).toBe(CONTENT_LIMITS.links + 50);
    expect(Math.max(...content.links.map((l) => l.href.length))).toBe(CONTENT_LIMITS.hrefChars);
    expect(Math.max(...content.links.map((l) => l.text.length))).toBe(CONTENT_LIMITS.linkTextChars);
    expect(content.headerCount).toBe(2000);
    const total = content.headers.reduce((sum, h) => sum + h.name.length + h.value.length, 0);
    expect(total).toBeLessThanOrEqual(CONTENT_LIMITS.headerTotalChars);
    expect(content.headers.every((h) => h.value.length <= CONTENT_LIMITS.headerValueChars)).toBe(true);
  });
});

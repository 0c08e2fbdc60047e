// A hostile message can fold a megabyte-long subject or sender name. The service keeps the raw .eml
// byte for byte, but list rows, the report detail and the reporter's status answers carry a bounded
// copy, including rows stored before intake bounded them.
import { createHash } from 'node:crypto';
import { capStrings, capText, cutText, MAX_FIELD_CHARS } from '../../src/server/store/limits';
import { openTestDatabase } from '../support/test-database';
import { call, report, REPORTER, startTestServer, type TestServer } from './helpers';

/** Room for the JSON around one bounded field (quotes, escapes are not expected in ASCII text). */
const FIELD_JSON = MAX_FIELD_CHARS + 10;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `text` folded into header continuation lines of about 70 characters. */
function folded(text: string): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 70) lines.push(text.slice(i, i + 70));
  return lines.join('\r\n ');
}

function hugeEml(subjectChars: number, nameChars: number): Buffer {
  const subject = 'Urgent payroll update '.repeat(Math.ceil(subjectChars / 22)).slice(0, subjectChars);
  const name = 'IT Service Desk '.repeat(Math.ceil(nameChars / 16)).slice(0, nameChars);
  return Buffer.from(
    [
      `From: "${folded(name)}" <it@evil.example>`,
      'To: alice@example.org',
      `Subject: ${folded(subject)}`,
      'Date: Mon, 13 Jan 2025 08:00:55 +0000',
      'Message-ID: <huge-subject@evil.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please confirm your bank details.',
      '',
    ].join('\r\n'),
  );
}

describe('capText', () => {
  test('short text is unchanged; long text is cut to the bound with an ellipsis', () => {
    expect(capText('件名', 10)).toBe('件名');
    expect(capText('a'.repeat(10), 10)).toBe('a'.repeat(10));
    const cut = capText('a'.repeat(11), 10);
    expect(cut).toBe('a'.repeat(9) + '…');
    expect(cut.length).toBe(10);
  });

  test('never splits a surrogate pair', () => {
    // "a😀😀…": the pair at units 1-2 or 3-4 straddles every odd bound.
    const text = 'a' + '\u{1F600}'.repeat(20);
    for (let max = 2; max < 12; max++) {
      const cut = capText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
      expect(cut.endsWith('…')).toBe(true);
      const plain = cutText(text, max);
      expect(plain.length).toBeLessThanOrEqual(max);
      expect(plain).not.toMatch(LONE_SURROGATE);
      expect(text.startsWith(plain)).toBe(true);
    }
  });

  test('capStrings bounds every string of a nested summary and keeps the rest', () => {
    const capped = capStrings({ subject: 'x'.repeat(50), n: 3, to: [{ name: 'y'.repeat(50), address: 'a@b' }], ok: true }, 10);
    expect(capped).toEqual({ subject: 'x'.repeat(9) + '…', n: 3, to: [{ name: 'y'.repeat(9) + '…', address: 'a@b' }], ok: true });
  });
});

describe('a report with a 1 MB folded subject and a 200 KB sender name', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  test('list rows, the detail and the status answer are bounded; the .eml download is byte-identical', async () => {
    const eml = hugeEml(1024 * 1024, 200 * 1024);
    const receipt = await report(server, eml);

    const listResponse = await call(server, '/api/reports?limit=10');
    expect(listResponse.status).toBe(200);
    const listText = await listResponse.text();
    // Subject, sender name and the rest of the row: a few kilobytes, not megabytes.
    expect(listText.length).toBeLessThan(3 * FIELD_JSON + 2000);
    const row = JSON.parse(listText).items.find((item: { id: string }) => item.id === receipt.id);
    expect(row.subject.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(row.subject.startsWith('Urgent payroll update Urgent payroll update')).toBe(true);
    expect(row.subject.endsWith('…')).toBe(true);
    expect(row.from.name.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(row.from.name.startsWith('IT Service Desk')).toBe(true);
    expect(row.from.address).toBe('it@evil.example');

    const detailResponse = await call(server, `/api/reports/${receipt.id}`);
    expect(detailResponse.status).toBe(200);
    const detailText = await detailResponse.text();
    const detail = JSON.parse(detailText);
    expect(detailText.length).toBeLessThan(60_000);
    expect(detail.subject.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(detail.from.name.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    // Findings quote the sender name as evidence: bounded too, and still there.
    const evidence = detail.analysis.findings.flatMap((finding: { evidence?: { value?: string }[] }) => finding.evidence ?? []);
    expect(evidence.some((item: { value?: string }) => item.value?.startsWith('IT Service Desk'))).toBe(true);
    for (const item of evidence) expect((item.value ?? '').length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(JSON.stringify(detail).length).toBe(detailText.length);

    // Search still finds it by the start of the subject.
    const found = await (await call(server, '/api/reports?q=urgent%20payroll')).json();
    expect(found.items.map((item: { id: string }) => item.id)).toContain(receipt.id);

    // The reporter's "My reports" answer.
    const status = await call(server, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': receipt.statusToken } });
    expect(status.status).toBe(200);
    const statusText = await status.text();
    expect(statusText.length).toBeLessThan(FIELD_JSON + 1000);
    expect(JSON.parse(statusText).reports[0].subject.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);

    const download = Buffer.from(await (await call(server, `/api/reports/${receipt.id}/eml`)).arrayBuffer());
    expect(download.length).toBe(eml.length);
    expect(sha256(download)).toBe(sha256(eml));
  });
});

test('rows stored before the bound (megabyte subject in the row and the summary) are bounded in answers too', async () => {
  const server = await startTestServer();
  const dataDir = server.dataDir;
  const small = hugeEml(40, 20);
  const receipt = await report(server, small);
  await server.close({ keepData: true });

  // What an older version stored for such a message.
  const subject = 'Old unbounded subject '.repeat(50_000);
  const name = 'Old unbounded name '.repeat(20_000);
  const db = openTestDatabase(dataDir);
  const summary = JSON.parse((await db.get<{ summary_json: string }>('SELECT summary_json FROM reports WHERE id = ?', [receipt.id]))!.summary_json);
  summary.subject = subject;
  summary.from = { name, address: 'it@evil.example' };
  await db.run('UPDATE reports SET subject = ?, from_name = ?, summary_json = ? WHERE id = ?', [subject, name, JSON.stringify(summary), receipt.id]);
  await db.close();

  const again = await startTestServer({ dataDir });
  try {
    const listText = await (await call(again, '/api/reports')).text();
    expect(listText.length).toBeLessThan(3 * FIELD_JSON + 2000);
    const row = JSON.parse(listText).items[0];
    expect(row.id).toBe(receipt.id);
    expect(row.subject).toBe(subject.slice(0, MAX_FIELD_CHARS - 1) + '…');
    expect(row.from.name).toBe(name.slice(0, MAX_FIELD_CHARS - 1) + '…');

    const detailText = await (await call(again, `/api/reports/${receipt.id}`)).text();
    expect(detailText.length).toBeLessThan(60_000);
    const detail = JSON.parse(detailText);
    expect(detail.subject.length).toBe(MAX_FIELD_CHARS);
    expect(detail.headers.subject).toBe(subject.slice(0, MAX_FIELD_CHARS - 1) + '…');
    expect(detail.headers.from.name).toBe(name.slice(0, MAX_FIELD_CHARS - 1) + '…');

    const campaign = await (await call(again, `/api/campaigns/${receipt.campaignId}`)).json();
    expect(campaign.reports[0].subject.length).toBe(MAX_FIELD_CHARS);
  } finally {
    await again.close();
  }
});

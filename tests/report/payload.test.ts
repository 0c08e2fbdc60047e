import { Value } from '@sinclair/typebox/value';
import type { Verdict } from '../../src/engine/model';
import { parseEml } from '../../src/mail/eml';
import { buildReportSubmission, findingsSummary, ItemUnreadableError, ReporterUnknownError, reportMailSubject } from '../../src/report/payload';
import { ReportSubmission } from '../../src/report/protocol';
import { fakeItem, fixture } from './support';

const reporter = { address: 'k.watanabe@example.or.jp', name: '渡辺 健二' };
const verdict: Verdict = {
  verdict: 'dangerous',
  score: 85,
  findings: [
    {
      rule: 'display-name-impersonation',
      severity: 'high',
      category: 'sender',
      title: { en: 'Claims to be the Ministry of Foreign Affairs', ja: '外務省を名乗っています' },
      explanation: { en: 'x', ja: 'x' },
      technique: 'T1656',
      evidence: [],
    },
  ],
  notChecked: [],
};

function binaryBytes(length: number): Uint8Array {
  // Every byte value, including NUL, CR and LF, which text handling would corrupt.
  return new Uint8Array(length).map((_, i) => (i * 7 + 3) % 256);
}

describe('buildReportSubmission with Outlook’s exact copy (getAsFileAsync)', () => {
  const eml = fixture('original.eml').toString('base64');

  it('sends the original bytes, the verdict, reporter, reasons, comment, ids and client info within the contract', async () => {
    const report = await buildReportSubmission({
      item: fakeItem({ eml }),
      reporter,
      request: { reasons: ['impersonation', 'suspicious-link'], comment: '  知らない研究会の案内です  ' },
      verdict,
      client: { host: 'Outlook', platform: 'PC', version: '16.0.18025.20000', requirementSets: ['Mailbox 1.1', 'Mailbox 1.14'] },
    });
    const { submission } = report;
    expect(Value.Check(ReportSubmission, submission)).toBe(true);
    expect(submission.eml).toBe(eml);
    expect(submission.emlSource).toBe('original');
    expect(submission.reporter).toEqual(reporter);
    expect(submission.reasons).toEqual(['impersonation', 'suspicious-link']);
    expect(submission.comment).toBe('知らない研究会の案内です');
    expect(submission.clientVerdict).toEqual({
      verdict: 'dangerous',
      score: 85,
      findings: [{ rule: 'display-name-impersonation', severity: 'high', title: 'Claims to be the Ministry of Foreign Affairs', category: 'sender', technique: 'T1656' }],
    });
    expect(submission.internetMessageId).toBe('<20250602091355.4f1c@mofa-go.jp>');
    expect(submission.networkMessageId).toBe('8c2f6a1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b');
    expect(submission.client?.requirementSets).toEqual(['Mailbox 1.1', 'Mailbox 1.14']);
    expect(submission.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(report.emlBytes).toBe(fixture('original.eml').length);
  });

  it('carries the sender history the verdict was judged with: counts, addresses and dates, within the contract', async () => {
    const namesake = (index: number) => ({ name: `渡辺 隆 ${'x'.repeat(300)}`, address: `t.watanabe${index}@tiss.or.jp`, count: 212 - index, since: '2021-04-05T01:00:00.000Z' });
    const senderHistory = { address: 'watanabe.tiss@gmail.com', received: { count: 0 }, sent: { count: 0 }, namesakes: [0, 1, 2, 3, 4].map(namesake) };
    const { submission } = await buildReportSubmission({ item: fakeItem({ eml }), reporter, request: { reasons: [] }, verdict: { ...verdict, senderHistory } });
    expect(Value.Check(ReportSubmission, submission)).toBe(true);
    const carried = submission.clientVerdict?.senderHistory;
    expect(carried).toMatchObject({ address: 'watanabe.tiss@gmail.com', received: { count: 0 }, sent: { count: 0 } });
    expect(carried?.namesakes.map((entry) => [entry.address, entry.count, entry.name.length])).toEqual([
      ['t.watanabe0@tiss.or.jp', 212, 200],
      ['t.watanabe1@tiss.or.jp', 211, 200],
      ['t.watanabe2@tiss.or.jp', 210, 200],
    ]);
  });

  it('refuses a history with anything but the summary (the service validates it)', () => {
    const base = { key: 'k-12345678', eml: 'AA==', emlSource: 'original', reporter, reasons: [] };
    const history = { address: 'a@b.example', received: { count: 0 }, sent: { count: 0 }, namesakes: [] };
    const withHistory = (senderHistory: unknown) => ({ ...base, clientVerdict: { verdict: 'clean', score: 0, findings: [], senderHistory } });
    expect(Value.Check(ReportSubmission, withHistory(history))).toBe(true);
    expect(Value.Check(ReportSubmission, withHistory({ ...history, subjects: ['Re: budget'] }))).toBe(false);
    expect(Value.Check(ReportSubmission, withHistory({ ...history, received: { count: -1 } }))).toBe(false);
    expect(Value.Check(ReportSubmission, withHistory({ ...history, namesakes: [{ name: 'x', address: 'not an address', count: 1 }] }))).toBe(false);
  });

  it('gives every report its own idempotency key, and keeps a key it is handed (outbox re-fetch)', async () => {
    const item = fakeItem({ eml });
    const a = await buildReportSubmission({ item, reporter, request: { reasons: [] } });
    const b = await buildReportSubmission({ item, reporter, request: { reasons: [] } });
    expect(a.submission.key).not.toBe(b.submission.key);
    const again = await buildReportSubmission({ item, reporter, request: { reasons: [] }, key: a.submission.key });
    expect(again.submission.key).toBe(a.submission.key);
  });

  it('clamps what the user typed to the contract instead of failing the report', async () => {
    const { submission } = await buildReportSubmission({
      item: fakeItem({ eml }),
      reporter,
      request: { reasons: [...Array.from({ length: 30 }, (_, i) => `reason-${i}`), '', 'x'.repeat(300)], comment: 'あ'.repeat(5000) },
    });
    expect(submission.reasons).toHaveLength(20);
    expect(submission.comment).toHaveLength(4000);
    expect(Value.Check(ReportSubmission, submission)).toBe(true);
  });

  it('refuses to build a report without the reporter’s address', async () => {
    await expect(buildReportSubmission({ item: fakeItem({ eml }), reporter: { address: '' }, request: { reasons: [] } })).rejects.toBeInstanceOf(ReporterUnknownError);
  });
});

describe('buildReportSubmission when getAsFileAsync is unavailable (rebuilt .eml)', () => {
  const headers = fixture('headers.txt').toString('utf8');
  const pdf = binaryBytes(3 * 1024 * 1024 + 17);

  it('rebuilds a standard message that parses back with its Japanese subject, both bodies and exact attachment bytes', async () => {
    const item = fakeItem({
      eml: undefined,
      headers,
      text: '研究会のご案内です。\n添付の資料をご確認ください。',
      html: '<p>研究会のご案内です。</p><p>添付の資料を<a href="https://mofa-go.jp/login">ご確認</a>ください。</p>',
      attachments: [
        {
          info: { id: 'att-1', name: '研究会資料（非公開）.pdf', contentType: 'application/pdf', size: pdf.length, isInline: false, kind: 'file' },
          content: { format: 'base64', content: Buffer.from(pdf).toString('base64') },
        },
        {
          info: { id: 'att-2', name: 'Fwd original', contentType: 'message/rfc822', size: 200, isInline: false, kind: 'item' },
          content: { format: 'eml', content: 'From: a@example.com\r\nSubject: inner\r\n\r\ninner body\r\n' },
        },
        {
          info: { id: 'att-3', name: 'agenda.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 0, isInline: false, kind: 'cloud' },
          content: { format: 'url', content: 'https://contoso-my.sharepoint.com/personal/a/agenda.docx' },
        },
      ],
    });
    const report = await buildReportSubmission({ item, reporter, request: { reasons: ['unexpected-attachment'] } });
    expect(report.submission.emlSource).toBe('rebuilt');
    expect(report.submission.networkMessageId).toBe('8c2f6a1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b');
    expect(Value.Check(ReportSubmission, report.submission)).toBe(true);

    const raw = Buffer.from(report.submission.eml, 'base64');
    const headerBlock = raw.toString('latin1').split('\r\n\r\n')[0];
    // RFC 5322: CRLF line ends, no line over 998 characters, original routing headers kept.
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    expect(raw.toString('latin1').split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(headerBlock).toContain('Received: from mail.example-sender.jp');
    expect(headerBlock).toContain('X-Lure-Lens-Rebuilt: yes');
    expect(headerBlock).toMatch(/Content-Type: multipart\/mixed/);
    expect(headerBlock).not.toContain('orig-boundary"\r\nContent-Type');

    const parsed = await parseEml(raw);
    expect(parsed.subject).toBe('【要確認】日中関係に関する研究会のご案内');
    expect(parsed.from?.address).toBe('info@mofa-go.jp');
    expect(parsed.from?.name).toBe('外務省 総合外交政策局');
    expect(parsed.text).toContain('添付の資料をご確認ください');
    expect(parsed.html).toContain('https://mofa-go.jp/login');
    const names = parsed.attachments.map((attachment) => attachment.name);
    expect(names).toEqual(expect.arrayContaining(['研究会資料（非公開）.pdf']));
    const parsedPdf = parsed.attachments.find((attachment) => attachment.name === '研究会資料（非公開）.pdf');
    expect(parsedPdf?.size).toBe(pdf.length);
    expect(Buffer.from(parsedPdf?.content as Uint8Array).equals(Buffer.from(pdf))).toBe(true);
    expect(parsed.attachments.some((attachment) => attachment.contentType === 'message/rfc822')).toBe(true);
  });

  it('recreates the headers from the item when Outlook gives none, with an RFC 2047 Japanese subject', async () => {
    const item = fakeItem({ eml: new Error('not supported'), headers: new Error('not supported'), text: '本文' });
    const report = await buildReportSubmission({ item, reporter, request: { reasons: [] } });
    const raw = Buffer.from(report.submission.eml, 'base64').toString('latin1');
    const headerBlock = raw.split('\r\n\r\n')[0];
    expect(headerBlock).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(/^[\x00-\x7f]*$/.test(headerBlock)).toBe(true);
    expect(headerBlock).toContain('Message-ID: <20250602091355.4f1c@mofa-go.jp>');
    expect(headerBlock).toContain('Date: Mon, 02 Jun 2025 00:13:55 +0000');
    expect(headerBlock).toContain('X-Lure-Lens-Rebuilt-Note: Original header block unavailable');
    const parsed = await parseEml(Buffer.from(report.submission.eml, 'base64'));
    expect(parsed.subject).toBe('【要確認】日中関係に関する研究会のご案内');
    expect(parsed.from?.name).toBe('外務省 総合外交政策局');
    expect(parsed.to[0]?.address).toBe('k.watanabe@example.or.jp');
    expect(parsed.text.trim()).toBe('本文');
  });

  it('rebuilds when Outlook hands back something that is not base64', async () => {
    const report = await buildReportSubmission({ item: fakeItem({ eml: '<html>error</html>', headers, text: 'body' }), reporter, request: { reasons: [] } });
    expect(report.submission.emlSource).toBe('rebuilt');
  });

  it('names attachments it could not fetch instead of silently dropping them', async () => {
    const item = fakeItem({
      headers,
      text: 'body',
      attachments: [{ info: { id: 'gone', name: 'invoice.zip', contentType: 'application/zip', size: 10, isInline: false, kind: 'file' }, content: new Error('ErrorItemNotFound') }],
    });
    const report = await buildReportSubmission({ item, reporter, request: { reasons: [] } });
    expect(report.notes).toEqual(['Attachment could not be retrieved: invoice.zip']);
    expect(Buffer.from(report.submission.eml, 'base64').toString('latin1')).toContain('X-Lure-Lens-Rebuilt-Note: Attachment could not be retrieved: invoice.zip');
  });

  it('says the item is unreadable when Outlook gives neither file, headers nor body', async () => {
    const item = fakeItem({ eml: new Error('x'), headers: new Error('x'), text: new Error('x'), html: new Error('x') });
    await expect(buildReportSubmission({ item, reporter, request: { reasons: [] } })).rejects.toBeInstanceOf(ItemUnreadableError);
  });
});

describe('the findings summary sent to the security mailbox', () => {
  it('keeps hostile text on single plain-text lines and names the key and ids', async () => {
    const report = await buildReportSubmission({
      item: fakeItem({ eml: fixture('original.eml').toString('base64'), subject: 'Invoice\r\nBcc: everyone@example.com <b>now</b>' }),
      reporter,
      request: { reasons: ['impersonation'], comment: 'line one\nline two' },
      verdict,
    });
    const summary = findingsSummary(report);
    expect(summary).toContain('Subject / 件名: Invoice Bcc: everyone@example.com <b>now</b>');
    expect(summary).toContain('Comment / コメント: line one line two');
    expect(summary).toContain('Reasons / 理由: Pretends to be someone I know / 知っている人になりすましている');
    expect(summary).toContain('- [high] Claims to be the Ministry of Foreign Affairs (display-name-impersonation)');
    expect(summary).toContain(`Report key: ${report.submission.key}`);
    expect(summary).toContain('Network message id: 8c2f6a1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b');
    expect(reportMailSubject('a\r\nb')).toBe('[Lure Lens report] a b');
  });
});

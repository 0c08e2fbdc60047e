// Exports an analyst hands on: STIX 2.1 for a TIP, CSV for a spreadsheet, the original .eml, and
// an RFC 5965 abuse report for the sender's provider.
import { createHash } from 'node:crypto';
import { parseEml } from '../../src/mail/eml';
import { call, fixture, report, startTestServer, type TestServer } from './helpers';

let server: TestServer;
let campaignId: string;
let reportIds: string[];

beforeAll(async () => {
  server = await startTestServer({ organizationName: 'Example Research Institute' });
  const receipts = [
    await report(server, fixture('campaign-1.eml')),
    await report(server, fixture('campaign-2.eml')),
    await report(server, fixture('campaign-3.eml')),
  ];
  campaignId = receipts[0].campaignId;
  reportIds = receipts.map((r) => r.id);
});

afterAll(async () => {
  await server.close();
});

type StixObject = Record<string, unknown> & { type: string; id: string };

describe('STIX 2.1 bundle of a campaign', () => {
  let bundle: { type: string; id: string; objects: StixObject[] };
  let response: Response;

  beforeAll(async () => {
    response = await call(server, `/api/campaigns/${campaignId}/stix`);
    bundle = JSON.parse(await response.text());
  });

  test('is a download of type application/stix+json', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/stix+json;version=2.1');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="campaign-${campaignId}.stix.json"`);
  });

  test('every object has type, spec_version 2.1, a <type>--<uuid> id, created and modified', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bundle.objects.length).toBeGreaterThan(3);
    const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    for (const object of bundle.objects) {
      expect(typeof object.type).toBe('string');
      expect(object.spec_version).toBe('2.1');
      expect(object.id).toMatch(new RegExp(`^${object.type}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
      expect(object.created).toMatch(timestamp);
      expect(object.modified).toMatch(timestamp);
      expect((object.modified as string) >= (object.created as string)).toBe(true);
    }
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
  });

  test('has the identity, the campaign, and indicators with pattern, pattern_type and valid_from', () => {
    const identity = bundle.objects.find((o) => o.type === 'identity')!;
    expect(identity).toMatchObject({ name: 'Example Research Institute', identity_class: 'organization' });
    const campaign = bundle.objects.find((o) => o.type === 'campaign')!;
    expect(campaign).toMatchObject({ name: 'Salary adjustment notice 2025-01', created_by_ref: identity.id });
    const indicators = bundle.objects.filter((o) => o.type === 'indicator');
    for (const indicator of indicators) {
      expect(indicator).toMatchObject({ pattern: expect.stringMatching(/^\[.+\]$/), pattern_type: 'stix', created_by_ref: identity.id });
      expect(indicator.valid_from).toBe(indicator.created);
    }
    const patterns = indicators.map((i) => i.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining([
        "[email-message:from_ref.value = 'hr@payroll-notice.example']",
        "[url:value = 'https://docs-share.example/f/ab12cd?dl=1']",
        "[domain-name:value = 'payroll-notice.example']",
        "[email-addr:value = 'payroll.desk@freemail.example']",
      ]),
    );
    // Each indicator indicates the campaign.
    const relationships = bundle.objects.filter((o) => o.type === 'relationship');
    expect(relationships).toHaveLength(indicators.length);
    for (const relationship of relationships) {
      expect(relationship).toMatchObject({ relationship_type: 'indicates', target_ref: campaign.id });
    }
  });

  test('is deterministic: the same campaign exports to the same bytes', async () => {
    const again = await (await call(server, `/api/campaigns/${campaignId}/stix`)).text();
    expect(JSON.parse(again)).toEqual(bundle);
  });

  test('attachment hashes become file:hashes patterns', async () => {
    const attachment = Buffer.from('PK\u0003\u0004 pretend this is a macro document');
    const eml = Buffer.from(
      'From: "Finance" <finance@invoices.example>\r\nTo: alice@example.org\r\nSubject: Invoice attached\r\nMessage-ID: <att@invoices.example>\r\n' +
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nPlease see the invoice.\r\n' +
        '--x\r\nContent-Type: application/vnd.ms-word.document.macroEnabled.12\r\nContent-Disposition: attachment; filename="invoice.docm"\r\n' +
        `Content-Transfer-Encoding: base64\r\n\r\n${attachment.toString('base64')}\r\n--x--\r\n`,
    );
    const receipt = await report(server, eml);
    const stix = JSON.parse(await (await call(server, `/api/campaigns/${receipt.campaignId}/stix`)).text());
    const hash = createHash('sha256').update(attachment).digest('hex');
    const indicator = stix.objects.find((o: StixObject) => o.pattern === `[file:hashes.'SHA-256' = '${hash}']`);
    expect(indicator).toMatchObject({ name: 'Attachment SHA-256: invoice.docm' });
  });
});

describe('CSV of a campaign', () => {
  test('lists every indicator with RFC 4180 quoting, a BOM for Excel, and no formula can run', async () => {
    const response = await call(server, `/api/campaigns/${campaignId}/csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="campaign-.+-indicators\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const rows = text.split('\r\n');
    expect(rows[0]).toBe('campaign_id,campaign_title,type,value,name,first_seen,last_seen,reports');
    expect(rows.at(-1)).toBe('');
    expect(rows).toContainEqual(expect.stringContaining(',url,https://docs-share.example/f/ab12cd?dl=1,,'));
    const detail = await (await call(server, `/api/campaigns/${campaignId}`)).json();
    expect(rows.length - 2).toBe(detail.indicators.length);
  });

  test('a hostile subject cannot become a spreadsheet formula', async () => {
    const eml = Buffer.from(
      'From: attacker@formula.example\r\nTo: alice@example.org\r\nSubject: =HYPERLINK("http://formula.example/x","Click")\r\n' +
        'Message-ID: <formula@formula.example>\r\n\r\nhttps://formula.example/landing\r\n',
    );
    const receipt = await report(server, eml);
    const text = Buffer.from(await (await call(server, `/api/campaigns/${receipt.campaignId}/csv`)).arrayBuffer()).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://formula.example/x"",""Click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('original message download', () => {
  test('is the exact bytes, as an attachment that browsers will not render', async () => {
    const original = fixture('campaign-1.eml');
    const response = await call(server, `/api/reports/${reportIds[0]}/eml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('message/rfc822');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="report-${reportIds[0]}.eml"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(original)).toBe(true);
    expect(response.headers.get('x-content-sha256')).toBe(createHash('sha256').update(original).digest('hex'));
  });
});

describe('RFC 5965 abuse report', () => {
  test('parses back as multipart/report with a fraud feedback report and the original message', async () => {
    const response = await call(server, `/api/reports/${reportIds[0]}/arf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="report-${reportIds[0]}-arf.eml"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const arf = await parseEml(bytes);

    const contentType = arf.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
    expect(contentType).toMatch(/^multipart\/report;\s*report-type=feedback-report;/);
    expect(arf.subject).toBe('Phishing report: Salary adjustment notice 2025-01');
    expect(arf.text).toContain('A user reported the attached message as phishing');
    expect(arf.text).toContain('添付のメッセージをフィッシングとして報告しました');

    const feedback = arf.attachments.find((a) => a.contentType.toLowerCase().startsWith('message/feedback-report'));
    expect(feedback).toBeDefined();
    const fields = Buffer.from(feedback!.content!).toString('utf8');
    expect(fields).toMatch(/^Feedback-Type: fraud\r?$/m);
    expect(fields).toMatch(/^Version: 1\r?$/m);
    expect(fields).toMatch(/^User-Agent: LureLens\/\S+\r?$/m);
    expect(fields).toMatch(/^Original-Mail-From: <bounce-7731@payroll-notice\.example>\r?$/m);
    expect(fields).toMatch(/^Arrival-Date: Mon, 13 Jan 2025 08:01:00 \+0000\r?$/m);
    expect(fields).toMatch(/^Source-IP: 198\.51\.100\.23\r?$/m);
    expect(fields).toMatch(/^Reported-Domain: payroll-notice\.example\r?$/m);
    expect(fields).toMatch(/^Reported-URI: https:\/\/payroll-notice\.example\/login\?id=1001\r?$/m);

    // The third part is the original, byte for byte.
    const original = fixture('campaign-1.eml');
    expect(bytes.includes(original)).toBe(true);
    const marker = bytes.indexOf('Content-Type: message/rfc822');
    expect(marker).toBeGreaterThan(bytes.indexOf('Content-Type: message/feedback-report'));
  });

  test('a Japanese subject is encoded in the ARF header and decodes back', async () => {
    const receipt = await report(server, fixture('japanese-iso2022jp.eml'));
    const arf = await parseEml(Buffer.from(await (await call(server, `/api/reports/${receipt.id}/arf`)).arrayBuffer()));
    expect(arf.subject).toBe('Phishing report: 【重要】台湾海峡情勢に関する意見交換会のご案内');
    const rawHeaders = arf.headers.map((h) => `${h.name}: ${h.value}`).join('\n');
    expect(rawHeaders).not.toMatch(/[^\x00-\x7f]/);
  });
});

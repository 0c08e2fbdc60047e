// The RFC 5965 abuse report as a hardened MTA and an abuse desk's parser see it, checked by a strict
// RFC 5322/2045/5965 structural check built on mailparser (tests/validators/arf.ts), which is shown
// to refuse deliberately broken reports.
import { buildArf } from '../../src/server/exports/arf';
import type { ReportRecord } from '../../src/server/store/types';
import { checkArf } from '../validators/arf';
import { call, fixture, report, startTestServer, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ organizationName: 'Example Research Institute' });
});

afterAll(async () => {
  await server.close();
});

async function arfOf(eml: Buffer): Promise<{ id: string; arf: Buffer }> {
  const receipt = await report(server, eml);
  const response = await call(server, `/api/reports/${receipt.id}/arf`);
  expect(response.status).toBe(200);
  return { id: receipt.id, arf: Buffer.from(await response.arrayBuffer()) };
}

/** A lure saved with bare LF line ends, UTF-8 body text and no Received: header. */
const lfOnlyJapanese = Buffer.from(
  [
    'From: "総務部" <soumu@gyousei-portal.example>',
    'To: alice@example.org',
    'Subject: =?UTF-8?B?44CQ6YeN6KaB44CR5pel57Gz5ZCM55uf44Gr6Zai44GZ44KL6KaL6Kej?=',
    'Message-ID: <lf-1@gyousei-portal.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '日米同盟に関する資料をご確認ください: https://gyousei-portal.example/docs/alliance?id=5|7',
    '',
  ].join('\n'),
  'utf8',
);

describe('valid under the strict check', () => {
  test('a CRLF original with a Received: header: message/rfc822, 7bit, Arrival-Date from that header', async () => {
    const { arf } = await arfOf(fixture('campaign-1.eml'));
    const check = await checkArf(arf);
    expect(check.errors).toEqual([]);
    expect(check.originalType).toBe('message/rfc822');
    expect(check.feedback).toMatch(/^Arrival-Date: Mon, 13 Jan 2025 08:01:00 \+0000\r$/m);
    expect(check.feedback).toMatch(/^Reported-URI: https:\/\/payroll-notice\.example\/login\?id=1001\r$/m);
  });

  test('an LF-only 8-bit original travels with CRLF and an 8bit top level; the .eml download stays byte for byte', async () => {
    const { id, arf } = await arfOf(lfOnlyJapanese);
    const check = await checkArf(arf);
    expect(check.errors).toEqual([]);
    expect(check.originalType).toBe('message/rfc822');
    expect(arf.toString('latin1')).toMatch(/^Content-Transfer-Encoding: 8bit\r$/m);
    expect(arf.includes(Buffer.from('日米同盟に関する資料をご確認ください'.normalize(), 'utf8'))).toBe(true);
    // No Received: header, so no arrival time is claimed.
    expect(check.feedback).not.toMatch(/Arrival-Date/i);
    expect(check.feedback).toMatch(/^Reported-URI: https:\/\/gyousei-portal\.example\/docs\/alliance\?id=5\r$/m);
    const eml = Buffer.from(await (await call(server, `/api/reports/${id}/eml`)).arrayBuffer());
    expect(eml.equals(lfOnlyJapanese)).toBe(true);
  });

  test.each([
    ['a NUL byte', Buffer.from('From: x@nul-sender.example\r\nSubject: nul\r\nMessage-ID: <nul@nul-sender.example>\r\n\r\nbody \u0000 here\r\n')],
    ['a 1,200-character line', Buffer.from(`From: x@long-line.example\r\nSubject: long\r\nMessage-ID: <long@long-line.example>\r\n\r\n${'A'.repeat(1200)}\r\n`)],
  ])('an original with %s cannot travel as message/rfc822: its header section goes as text/rfc822-headers', async (_case, eml) => {
    const { arf } = await arfOf(eml);
    const check = await checkArf(arf);
    expect(check.errors).toEqual([]);
    expect(check.originalType).toBe('text/rfc822-headers');
    expect(arf.toString('latin1')).toContain('Subject: ');
  });

  test('long and non-ASCII header values are folded under 78 characters', async () => {
    const subject = `Re: ${'Quarterly security briefing for the Indo-Pacific strategy working group '.repeat(3)}`;
    const { arf } = await arfOf(Buffer.from(`From: sec@briefing-office.example\r\nSubject: ${subject}\r\nMessage-ID: <fold@briefing-office.example>\r\n\r\nSee https://briefing-office.example/a\r\n`));
    expect((await checkArf(arf)).errors).toEqual([]);
    const head = arf.toString('latin1').split('\r\n\r\n')[0];
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });
});

describe('the strict check refuses a deliberately broken report', () => {
  let good: Buffer;

  beforeAll(async () => {
    good = (await arfOf(lfOnlyJapanese)).arf;
    expect((await checkArf(good)).errors).toEqual([]);
  });

  const text = () => good.toString('latin1');
  test.each([
    ['a bare LF', () => Buffer.from(text().replace('\r\nVersion: 1\r\n', '\nVersion: 1\r\n'), 'latin1'), /bare LF/],
    ['an 8-bit report labelled 7bit at the top', () => Buffer.from(text().replace(/^Content-Transfer-Encoding: 8bit\r$/m, 'Content-Transfer-Encoding: 7bit\r'), 'latin1'), /labelled 7bit but holds 8-bit/],
    ['no Feedback-Type', () => Buffer.from(text().replace('Feedback-Type: fraud\r\n', ''), 'latin1'), /feedback-type must appear once/],
    ['a Reported-URI that is no RFC 3986 URI', () => Buffer.from(text().replace('alliance?id=5\r\n', 'alliance?id=5|7\r\n'), 'latin1'), /Reported-URI is not an RFC 3986 URI/],
    [
      'an unfolded 130-character Content-Type',
      () => Buffer.from(text().replace(/;\r\n boundary=/, `; x-padding=${'p'.repeat(40)}; boundary=`), 'latin1'),
      /content-type line of \d+ characters is not folded/,
    ],
    ['a line over 998 octets', () => Buffer.from(text().replace('\r\nVersion: 1\r\n', `\r\nVersion: 1\r\nX-Note: ${'n'.repeat(1000)}\r\n`), 'latin1'), /longer than 998 octets/],
    ['an Arrival-Date that is no date', () => Buffer.from(text().replace('\r\nVersion: 1\r\n', '\r\nVersion: 1\r\nArrival-Date: when it arrived\r\n'), 'latin1'), /Arrival-Date is not an RFC 5322 date-time/],
    ['a base64 message/rfc822', () => Buffer.from(text().replace(/(Content-Type: message\/rfc822\r\n(?:.*\r\n)*?)Content-Transfer-Encoding: 8bit/, '$1Content-Transfer-Encoding: base64'), 'latin1'), /must be 7bit, 8bit or binary/],
  ])('%s', async (_case, broken, expected) => {
    const bytes = broken();
    expect(bytes.equals(good)).toBe(false);
    expect((await checkArf(bytes)).errors.join('\n')).toMatch(expected);
  });
});

describe('optional fields only when known', () => {
  const base: ReportRecord = {
    id: '0d9f6c1e-4b1a-4c51-9a39-6f0f6c3b2a10',
    receivedAt: '2025-01-13T08:02:00.000Z',
    subject: 'Salary adjustment',
    reporter: { address: 'alice@example.org' },
    reporterVerified: false,
    disposition: 'pending',
    campaignId: 'c',
    rawSize: 10,
    key: 'k',
    reasons: [],
    emlSource: 'original',
    rawSha256: 'x',
    analysis: {},
    summary: {},
    indicators: [],
  };

  test('no Received, no Return-Path, no sender-domain indicator: none of their fields, and never the report time', async () => {
    const arf = buildArf({ report: base, raw: Buffer.from('From: a@b.example\r\n\r\nx\r\n'), organizationName: 'Org', publicUrl: 'https://lurelens.example.test', userAgent: 'LureLens/test' });
    const check = await checkArf(arf);
    expect(check.errors).toEqual([]);
    expect(check.feedback).not.toMatch(/Arrival-Date|Original-Mail-From|Source-IP|Reported-Domain|Reported-URI/);
  });

  test('a spoofed brand sender is not reported as the domain: only the sender-domain indicator is', async () => {
    const summary = { from: { address: 'security@microsoft.com' }, returnPath: 'bounce@attacker-mailer.example' };
    const indicators = [{ type: 'sender-domain' as const, value: 'attacker-mailer.example' }];
    const arf = buildArf({ report: { ...base, summary, indicators }, raw: Buffer.from('From: security@microsoft.com\r\n\r\nx\r\n'), organizationName: 'Org', publicUrl: 'https://lurelens.example.test', userAgent: 'LureLens/test' });
    const check = await checkArf(arf);
    expect(check.errors).toEqual([]);
    expect(check.feedback).toMatch(/^Reported-Domain: attacker-mailer\.example\r$/m);
    expect(check.feedback).toMatch(/^Original-Mail-From: <bounce@attacker-mailer\.example>\r$/m);
    expect(check.feedback).not.toContain('microsoft.com');
  });
});

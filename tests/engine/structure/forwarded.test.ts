// A forwarded lure is judged as the lure: its findings count, with a note saying where they were found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/engine/analyze';
import { parseEml } from '../../../src/mail/eml';
import { resolvePolicy } from '../../../src/policy';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/mail', name));
const policy = resolvePolicy({ organizationDomains: ['kaiyo-inst.or.jp'] });

describe('forwarded originals analysed as the message', () => {
  it('a colleague’s “is this real?” with the lure attached is dangerous because of the lure', async () => {
    const verdict = analyze(await parseEml(fixture('forward-attached.eml')), policy);
    expect(verdict.verdict).toBe('dangerous');
    const risky = verdict.findings.find((finding) => finding.rule === 'risky-attachment');
    expect(risky?.evidence[0]).toEqual({
      kind: 'note',
      text: { en: 'In the attached original message from security@micros0ft-support.example “Unusual sign-in activity”', ja: expect.stringContaining('添付された元のメッセージ') },
    });
  });

  it('an inline Japanese forward of a ministry impersonation is not clean', async () => {
    const verdict = analyze(await parseEml(fixture('forward-inline-ja.eml')), policy);
    expect(verdict.verdict).not.toBe('clean');
    expect(verdict.findings.some((finding) => finding.evidence[0]?.kind === 'note' && JSON.stringify(finding.evidence[0]).includes('info@mofa-go-jp.example'))).toBe(true);
  });

  it('counts a rule once when it fires on both the forward and the original', async () => {
    const verdict = analyze(await parseEml(fixture('forward-attached.eml')), policy);
    const rules = verdict.findings.map((finding) => finding.rule);
    expect(new Set(rules).size).toBe(rules.length);
  });
});

describe('an ordinary inline forward', () => {
  it('is not judged by what forwarders leave out of the quoted header (name-only sender, no recipients)', async () => {
    const raw = 'From: Hanako <hanako@kaiyo-inst.or.jp>\r\nTo: kenji@kaiyo-inst.or.jp\r\nSubject: FW: Agenda\r\n\r\nFYI\r\n\r\n________________________________\r\nFrom: Yuko Tanaka\r\nSent: Monday, May 13, 2024 10:00\r\nSubject: Agenda\r\n\r\nDear all, the seminar starts at 10.\r\n';
    const verdict = analyze(await parseEml(raw), policy);
    expect(verdict.findings).toEqual([]);
  });
});

describe('returned mail (a bounce in the older, non-RFC 3464 shape)', () => {
  // What a mail server sends back when it could not deliver one of our messages: multipart/mixed from
  // its MAILER-DAEMON with the null envelope sender, the undelivered message attached as message/rfc822.
  const bounce = (returnPath: string, original: string) =>
    [
      `Return-Path: ${returnPath}`,
      'From: MAILER-DAEMON@mx.partner-example.com',
      'To: hanako@kaiyo-inst.or.jp',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your message could not be delivered to kenji@partner-example.com: mailbox unavailable.',
      '--b1',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment',
      '',
      original,
      '--b1--',
      '',
    ].join('\r\n');
  // The user's own outgoing mail, which happens to carry what would look bad in a message sent to them.
  const ownMessage = [
    'From: Hanako Suzuki <hanako@kaiyo-inst.or.jp>',
    'To: kenji@partner-example.com',
    'Subject: Tools for the workshop',
    'Content-Type: multipart/mixed; boundary="b2"',
    '',
    '--b2',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The installer is attached.',
    '--b2',
    'Content-Type: application/octet-stream; name="setup.pdf.exe"',
    'Content-Disposition: attachment; filename="setup.pdf.exe"',
    '',
    'MZ',
    '--b2--',
  ].join('\r\n');

  it('is a delivery report: the returned original is not judged as a lure', async () => {
    const message = await parseEml(bounce('<>', ownMessage));
    expect(message.forwarded).toBeUndefined();
    const verdict = analyze(message, policy);
    expect(verdict.findings.filter((finding) => finding.evidence[0]?.kind === 'note' && JSON.stringify(finding.evidence[0]).includes('original message'))).toEqual([]);
  });

  it('is not judged by a forwarded original that another source filled in either', async () => {
    const message = await parseEml(bounce('<>', ownMessage));
    const original = await parseEml(ownMessage);
    const verdict = analyze({ ...message, forwarded: [{ how: 'attached', message: original }] }, policy);
    expect(verdict.findings.some((finding) => finding.rule === 'double-extension')).toBe(false);
  });

  it('a fake bounce with a real envelope sender still has its attached lure judged', async () => {
    const verdict = analyze(await parseEml(bounce('<notice@mailer-relay.example>', ownMessage)), policy);
    expect(verdict.verdict).not.toBe('clean');
    expect(verdict.findings.some((finding) => finding.evidence[0]?.kind === 'note' && JSON.stringify(finding.evidence[0]).includes('attached original message'))).toBe(true);
  });
});

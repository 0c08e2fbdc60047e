import { isDeliveryReport, isMailSystemReport } from '../../src/mail/delivery-report';
import { parseEml } from '../../src/mail/eml';

const dsn = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>',
  'To: staff@kaiyo-inst.or.jp',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
  '',
  '--r',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Your message could not be delivered.',
  '--r',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.jp',
  '',
  'Final-Recipient: rfc822; nobody@example.jp',
  'Action: failed',
  'Status: 5.1.1',
  '--r--',
  '',
].join('\r\n');

describe('delivery status notifications', () => {
  it('are recognised by their multipart/report type in a whole message', async () => {
    expect(isDeliveryReport(await parseEml(dsn))).toBe(true);
  });

  it('are recognised by a message/delivery-status part when the top-level type was rewritten', async () => {
    expect(isDeliveryReport(await parseEml(dsn.replace('multipart/report; report-type=delivery-status;', 'multipart/mixed;')))).toBe(true);
  });

  it.each([
    ['an ordinary message', 'From: a@b.example\r\nSubject: hi\r\n\r\nhello\r\n'],
    ['a read receipt (a report, but not of delivery)', dsn.replace('report-type=delivery-status', 'report-type=disposition-notification').replace('message/delivery-status', 'message/disposition-notification')],
  ])('are not confused with %s', async (_case, raw) => {
    expect(isDeliveryReport(await parseEml(raw))).toBe(false);
  });
});

describe('other mail-system reports', () => {
  it('an abuse feedback report is a report (its enclosed original is not read as a forward), but not a delivery report', async () => {
    const arf = dsn.replace('report-type=delivery-status', 'report-type=feedback-report').replace('message/delivery-status', 'message/feedback-report');
    const message = await parseEml(arf);
    expect(isMailSystemReport(message)).toBe(true);
    expect(isDeliveryReport(message)).toBe(false);
  });
});

describe('returned mail in the older shape (multipart/mixed from the mail system, the message attached)', () => {
  const returned = (from: string, returnPath?: string) =>
    [
      ...(returnPath === undefined ? [] : [`Return-Path: ${returnPath}`]),
      `From: ${from}`,
      'To: staff@kaiyo-inst.or.jp',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/plain',
      '',
      'Delivery to nobody@example.jp failed permanently.',
      '--m',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment',
      '',
      'From: staff@kaiyo-inst.or.jp',
      'To: nobody@example.jp',
      'Subject: Minutes',
      '',
      'Attached are the minutes.',
      '--m--',
      '',
    ].join('\r\n');

  it.each([
    ['with the null envelope sender', 'MAILER-DAEMON@mx.example.jp', '<>'],
    ['when the stored copy kept no envelope sender', 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>', undefined],
    ['from postmaster', 'postmaster@mx.example.jp', '<MAILER-DAEMON>'],
  ])('are delivery reports %s', async (_case, from, returnPath) => {
    const message = await parseEml(returned(from, returnPath));
    expect(isDeliveryReport(message)).toBe(true);
    expect(isMailSystemReport(message)).toBe(true);
  });

  it.each([
    ['a real envelope sender (a fake bounce)', 'MAILER-DAEMON@mx.example.jp', '<notice@relay-example.com>'],
    ['an ordinary sender attaching a message', 'colleague@example.jp', '<colleague@example.jp>'],
  ])('are not confused with %s', async (_case, from, returnPath) => {
    expect(isDeliveryReport(await parseEml(returned(from, returnPath)))).toBe(false);
  });
});

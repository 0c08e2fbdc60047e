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

import { missingMessageId as rule } from '../../../src/engine/rules/missing-message-id';
import { analyze } from '../../../src/engine/analyze';
import { header, mail, runRule } from '../sender/message';
import { makePolicy } from '../sender/policy';
import type { HeaderField } from '../../../src/engine/model';

const received = header('Received', 'from mta7.mailer.example (192.0.2.10) by mx.kaiyo-inst.or.jp with ESMTPS; Tue, 9 Jan 2024 13:55:08 +0000');
const withHeaders = (...fields: HeaderField[]) => mail({ from: 'Offers <news@offers.example>', headers: [received, ...fields] });

describe('missing-message-id', () => {
  it('fires (low) when the message arrived with no Message-ID at all', () => {
    expect(rule.severity).toBe('low');
    expect(runRule(rule, withHeaders())?.evidence).toEqual([expect.objectContaining({ kind: 'header', name: 'Message-ID', value: '(none)' })]);
  });

  it.each([
    ['Microsoft 365', '<852facad-055d-4e8e-9ab7-b844c4d57923@DB5EUR02FT037.eop-EUR02.prod.protection.outlook.com>'],
    ['Gmail', '<5f2c7a1d.1c69fb81.e2f3.1234SMTPIN_ADDED_MISSING@mx.google.com>'],
  ])('fires when %s had to write the identifier itself', (_system, id) => {
    expect(runRule(rule, withHeaders(header('Message-ID', id)))?.evidence[0]).toMatchObject({ value: id, meaning: rule.title });
  });

  describe('stays quiet', () => {
    it.each([
      ['an ordinary identifier', '<CAEad5fvy-T03mdeMyQQ9dHxxx@mail.gmail.com>'],
      ['mail sent from Microsoft 365 (the sender’s mailbox server)', '<TY0PR01MB5512907AB34C2D1E0F9A8B7C6D5E4@TY0PR01MB5512.namprd04.prod.outlook.com>'],
      ['an Amazon SES identifier', '<0101018f79e69a52-e8d77140-2405-46a0-9165-8de7037a44c1-000000@us-west-2.amazonses.com>'],
    ])('for %s', (_case, id) => {
      expect(runRule(rule, withHeaders(header('Message-ID', id)))).toBeUndefined();
    });

    it('for a bounce from the mail system, which some systems send without one', () => {
      expect(runRule(rule, mail({ from: 'Mail Delivery System <MAILER-DAEMON@mx.example.jp>', headers: [received] }))).toBeUndefined();
    });

    it('for a report (multipart/report: delivery status, abuse feedback)', () => {
      const report = withHeaders(header('Content-Type', 'multipart/report; report-type=feedback-report; boundary="b1"'));
      expect(runRule(rule, report)).toBeUndefined();
    });

    it('when the source gave no transport headers (nothing to judge)', () => {
      expect(runRule(rule, mail({ headers: [header('Subject', 'Workshop schedule')] }))).toBeUndefined();
    });
  });

  it('is low: alone it leaves the message clean', () => {
    expect(analyze(withHeaders(), makePolicy()).verdict).toBe('clean');
  });

  it('is reported as not checked when the source has no headers', () => {
    const verdict = analyze(mail({ missing: ['headers'] }), makePolicy(), [rule]);
    expect(verdict.notChecked).toEqual([{ rule: 'missing-message-id', title: rule.title, missing: 'headers' }]);
  });
});

import { hashBusterToken as rule } from '../../../src/engine/rules/hash-buster-token';
import { generatedToken } from '../../../src/engine/text/random-string';
import { analyze } from '../../../src/engine/analyze';
import { makePolicy } from '../sender/policy';
import { mail, runRule } from '../sender/message';

const file = (name: string) => ({ name, contentType: 'application/pdf', size: 2048 });

describe('hash-buster-token', () => {
  it('reports a random token in the subject', () => {
    const hit = runRule(rule, mail({ subject: 'Notificação - Valores a Receber - qWrUAngJaLJzBndSE' }));
    expect(hit?.evidence).toEqual([expect.objectContaining({ kind: 'header', name: 'Subject', meaning: expect.objectContaining({ en: expect.stringContaining('"qWrUAngJaLJzBndSE"') }) })]);
    expect(rule.severity).toBe('low');
  });

  it('reports a random token in an attachment’s name, digits and all', () => {
    const hit = runRule(rule, mail({ subject: 'Your transaction', attachments: [file('GO.Get.Bitcoin.0.7495.BTCwkS9HOxBaj6TeHJUKYMScs24gJigILcOkRvO.pdf')] }));
    expect(hit?.evidence).toEqual([expect.objectContaining({ kind: 'attachment', reason: expect.objectContaining({ en: expect.stringContaining('BTCwkS9HOxBaj6TeHJUKYMScs24gJigILcOkRvO') }) })]);
  });

  it('adds up with another weak sign but never flags alone', () => {
    expect(analyze(mail({ subject: 'Extrato - sJswLOJPwC6Ql4337' }), makePolicy()).verdict).toBe('clean');
  });

  describe('stays quiet', () => {
    it.each([
      ['an order number', 'Your Norton Order Confirmation For Order #NP00X10383838'],
      ['an invoice reference', 'Invoice INV-2024-0042 for May'],
      ['camel-case product names', 'PowerPoint and OneDrive tips for iPhone users'],
      ['acronyms', 'NASA and JAXA sign the MOU'],
      ['a Japanese subject', '【重要】日米同盟に関する意見交換会のご案内'],
      ['a lower-case hexadecimal identifier', 'Ticket 3f2a9c1e8b7d4f60 updated'],
    ])('for %s', (_case, subject) => {
      expect(runRule(rule, mail({ subject }))).toBeUndefined();
    });

    it.each(['IMG_1234.JPG', 'DSC00123.jpg', 'scan0001.pdf', 'Quarterly-Report_2024Q2.xlsx', 'MeetingNotes.docx', 'a3f9c2e18b7d4f60.pdf'])('for the file name %s', (name) => {
      expect(runRule(rule, mail({ subject: 'Files', attachments: [file(name)] }))).toBeUndefined();
    });
  });

  it('reads long hostile text in bounded time', () => {
    const started = Date.now();
    expect(generatedToken('aB'.repeat(500_000))).toBeUndefined();
    expect(generatedToken('word '.repeat(200_000))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

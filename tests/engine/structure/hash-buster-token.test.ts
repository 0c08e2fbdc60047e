import { hashBusterToken as rule } from '../../../src/engine/rules/hash-buster-token';
import { generatedToken } from '../../../src/engine/text/random-string';
import { analyze } from '../../../src/engine/analyze';
import { makePolicy } from '../sender/policy';
import { mail, runRule } from '../sender/message';

const file = (name: string) => ({ name, contentType: 'application/pdf', size: 2048 });

describe('hash-buster-token', () => {
  it('reports a random token in the subject', () => {
    const hit = runRule(rule, mail({ subject: 'Notificação - Valores a Receber - tKzOmPbRvYhXcQdWe' }));
    expect(hit?.evidence).toEqual([expect.objectContaining({ kind: 'header', name: 'Subject', meaning: expect.objectContaining({ en: expect.stringContaining('"tKzOmPbRvYhXcQdWe"') }) })]);
    expect(rule.severity).toBe('low');
  });

  it('reports a random token in an attachment’s name, digits and all', () => {
    const hit = runRule(rule, mail({ subject: 'Your transaction', attachments: [file('GO.Get.Bitcoin.0.3120.BTCpR7mZtQa2XwLbN8yKcVe4dHjSf9GuIoTnBqA.pdf')] }));
    expect(hit?.evidence).toEqual([expect.objectContaining({ kind: 'attachment', reason: expect.objectContaining({ en: expect.stringContaining('BTCpR7mZtQa2XwLbN8yKcVe4dHjSf9GuIoTnBqA') }) })]);
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

  describe('filler in the HTML', () => {
    const junk = (count: number, name: (i: number) => string) => Array.from({ length: count }, (_, i) => ` ${name(i)}=""`).join('');
    const hex = (i: number) => ((i + 1) * 2654435761 % 4294967296).toString(16);

    it('reports a tag stuffed with made-up empty attributes', () => {
      const html = `<p>Claim your reward</p><a href=""${junk(24, hex)}>here</a>`;
      const hit = runRule(rule, mail({ subject: 'Your reward', html, text: 'Claim your reward here' }));
      expect(hit?.evidence).toEqual([
        expect.objectContaining({ kind: 'header', name: 'HTML', value: expect.stringMatching(/^<a href=""/), meaning: expect.objectContaining({ en: expect.stringContaining('25 empty attributes') }) }),
      ]);
    });

    it.each([
      ['empty alt and class attributes over many tags', '<img alt="" class="" src="a.png">'.repeat(40)],
      ['a style attribute broken by a quote, whose fragments keep their CSS punctuation', `<span style="color: #fff; font-family: " arial="" black",="" helvetica,="" sans-serif;="" font-size:="" 20px;="" font-style:="" normal;="" font-weight:="" 700;="" letter-spacing:="" normal;="" text-align:="" center;="">Sale</span>`],
      ['a table cell with a few empty attributes', '<td class="" style="" align="" valign="" width="">x</td>'],
    ])('stays quiet for %s', (_case, html) => {
      expect(runRule(rule, mail({ subject: 'Newsletter', html, text: 'Newsletter' }))).toBeUndefined();
    });

    it('reads a large document of empty attributes and no closing brackets in bounded time', () => {
      const started = Date.now();
      runRule(rule, mail({ subject: 'x', html: '<a' + ' x=""'.repeat(200_000), text: '' }));
      runRule(rule, mail({ subject: 'x', html: '<a x="">'.repeat(100_000), text: '' }));
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  it('reads long hostile text in bounded time', () => {
    const started = Date.now();
    expect(generatedToken('aB'.repeat(500_000))).toBeUndefined();
    expect(generatedToken('word '.repeat(200_000))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

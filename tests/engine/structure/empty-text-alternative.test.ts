import { emptyTextAlternative as rule } from '../../../src/engine/rules/empty-text-alternative';
import { analyze } from '../../../src/engine/analyze';
import { parseEml } from '../../../src/mail/eml';
import { makePolicy } from '../sender/policy';
import { mail, runRule } from '../sender/message';

const NOTICE =
  '<html><body><h1>Receita Federal</h1><p>Prezado contribuinte, consta em nosso sistema uma pendência na sua declaração. ' +
  'Regularize a situação até amanhã para evitar o bloqueio do seu CPF e de suas contas bancárias.</p>' +
  '<p><a href="https://regulariza.example.net/cpf">Regularizar agora</a></p></body></html>';

function alternative(plain: string, html: string): Buffer {
  return Buffer.from(
    [
      'From: Atendimento <sistema@notices.example.net>',
      'To: someone@example.org',
      'Subject: Notificação final',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      plain,
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

describe('empty-text-alternative', () => {
  it('fires when the text copy is a placeholder the kit shipped with', async () => {
    const message = await parseEml(alternative('Optional message here in case the HTML cannot load', NOTICE));
    const hit = runRule(rule, message);
    expect(hit?.evidence).toEqual([
      { kind: 'note', text: expect.objectContaining({ en: expect.stringContaining('"Optional message here in case the HTML cannot load"') }) },
    ]);
    expect(rule.severity).toBe('low');
  });

  it('fires when the text copy is blank', async () => {
    const hit = runRule(rule, await parseEml(alternative('   ', NOTICE)));
    expect(hit?.evidence[0]).toEqual({ kind: 'note', text: expect.objectContaining({ en: expect.stringMatching(/^The plain-text copy reads "" \(0 letters\); the formatted copy has \d+\.$/) }) });
  });

  it('adds up with another weak sign but never flags alone', async () => {
    expect(analyze(await parseEml(alternative('AAA', NOTICE)), makePolicy()).findings.map((finding) => finding.rule)).toContain('empty-text-alternative');
    expect(analyze(mail({ text: 'AAA', html: NOTICE }), makePolicy(), [rule]).verdict).toBe('clean');
  });

  it('reads the HTML’s text the parser kept beside the text copy, not the HTML again', async () => {
    const message = await parseEml(alternative('AAA', NOTICE));
    expect(message.htmlText).toContain('Regularize a situação até amanhã');
    // The pane's message has no such copy (Outlook writes its own text of the HTML): nothing to compare.
    expect(runRule(rule, { ...message, htmlText: undefined })).toBeUndefined();
    expect(runRule(rule, mail({ text: 'AAA', html: NOTICE, htmlText: message.htmlText }))).toBeDefined();
  });

  describe('stays quiet', () => {
    it.each([
      ['a newsletter whose text copy points to the online version', 'You appear to be using a mail program that cannot show this newsletter. Read it online: https://news.example.com/2026-12'],
      ['a text copy naming the web address without a scheme', 'To read this issue, visit www.example-weekly.com'],
      ['a text copy written from the same content', 'Receita Federal. Prezado contribuinte, consta em nosso sistema uma pendência na sua declaração. Regularize a situação até amanhã.'],
    ])('for %s', async (_case, plain) => {
      expect(runRule(rule, await parseEml(alternative(plain, NOTICE)))).toBeUndefined();
    });

    it('for HTML-only mail (the reader’s text is the HTML’s own)', async () => {
      const raw = ['From: a@example.org', 'Subject: x', 'Content-Type: text/html; charset=utf-8', '', NOTICE, ''].join('\r\n');
      const message = await parseEml(Buffer.from(raw));
      expect(message.htmlText).toBeUndefined();
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('for a banner and a greeting (the HTML says too little to compare)', async () => {
      expect(runRule(rule, await parseEml(alternative(' ', '<p>Hello!</p><a href="https://shop.example.com"><img src="https://shop.example.com/sale.png"></a>')))).toBeUndefined();
    });

    it('for plain-text mail', () => {
      expect(runRule(rule, mail({ text: 'Minutes attached.' }))).toBeUndefined();
    });
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseEml } from '../../src/mail/eml';
import { inlineForward, MAX_FORWARD_DEPTH } from '../../src/mail/forwarded';
import { assertWellFormed } from './support';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'mail', name));

describe('forwarded originals', () => {
  it('reads an original attached as message/rfc822 as a whole message, headers and attachments included', async () => {
    const message = await parseEml(fixture('forward-attached.eml'));
    expect(message.forwarded).toHaveLength(1);
    const [{ how, message: original }] = message.forwarded!;
    expect(how).toBe('attached');
    assertWellFormed(original);
    expect(original.from).toEqual({ name: 'Microsoft Security', address: 'security@micros0ft-support.example' });
    expect(original.subject).toBe('Unusual sign-in activity');
    expect(original.attachments.map((attachment) => attachment.name)).toEqual(['SecurityCheck.pdf.exe']);
    expect(original.links.map((link) => link.href)).toEqual(['https://login.micros0ft-support.example/verify']);
    expect(original.headers.find((header) => header.name === 'Authentication-Results')?.value).toContain('spf=fail');
  });

  it('reads an attached original without Content-Disposition (as Apple Mail sends it) the same way, named after its subject', async () => {
    const unmarked = fixture('forward-attached.eml').toString('utf8').replace(/Content-Disposition: attachment; filename="[^"]*"\r?\n/, '');
    const message = await parseEml(unmarked);
    expect(message.attachments.map((attachment) => attachment.name)).toEqual(['Unusual sign-in activity.eml']);
    expect(message.text).not.toContain('unusual sign-in');
    const original = message.forwarded?.[0]?.message;
    expect(original?.from?.address).toBe('security@micros0ft-support.example');
    expect(original?.attachments.map((attachment) => attachment.name)).toEqual(['SecurityCheck.pdf.exe']);
  });

  it('reads a Japanese inline forward (「転送メッセージ」 with 差出人/件名/宛先)', async () => {
    const message = await parseEml(fixture('forward-inline-ja.eml'));
    const original = message.forwarded?.[0];
    expect(original?.how).toBe('inline');
    expect(original?.message).toMatchObject({ subject: '【重要】アカウント確認', from: { name: '外務省', address: 'info@mofa-go-jp.example' }, to: [{ address: 'hanako@kaiyo-inst.or.jp' }] });
    expect(original?.message.text).toContain('パスワードを確認してください');
    expect(original?.message.missing).toEqual(['headers', 'attachmentContent']);
  });

  it.each([
    ['Gmail', '---------- Forwarded message ---------\nFrom: PayPal <service@paypa1.example>\nDate: Mon, May 13, 2024\nSubject: Account limited\nTo: <me@example.com>\n\nLog in now'],
    ['Apple Mail', 'Begin forwarded message:\n\nFrom: PayPal <service@paypa1.example>\nSubject: Account limited\nDate: 13 May 2024\nTo: me@example.com\n\nLog in now'],
    ['Thunderbird', '-------- Forwarded Message --------\nSubject: \tAccount limited\nDate: \tMon, 13 May 2024\nFrom: \tPayPal <service@paypa1.example>\nTo: \tme@example.com\n\nLog in now'],
    ['Gmail in Japanese', '---------- 転送されたメッセージ ---------\n差出人: PayPal <service@paypa1.example>\n日付: 2024年5月13日(月)\n件名: Account limited\nTo: <me@example.com>\n\nLog in now'],
    ['quoted with >', '> ---------- Forwarded message ---------\n> From: PayPal <service@paypa1.example>\n> Subject: Account limited\n>\n> Log in now'],
  ])('recognises a %s forward', (_case, text) => {
    const original = inlineForward(`FYI\n\n${text}`, 'Fwd: Account limited');
    expect(original?.from?.address).toBe('service@paypa1.example');
    expect(original?.subject).toBe('Account limited');
    expect(original?.text.trim()).toBe('Log in now');
  });

  it('reads Outlook’s forward only under an FW: subject (replies quote the same way)', () => {
    const quoted = 'Thanks!\n\n________________________________\nFrom: Kenji <kenji@partner.example>\nSent: Monday, May 13, 2024 10:00\nTo: Hanako\nSubject: Agenda\n\nSee below';
    expect(inlineForward(quoted, 'FW: Agenda')?.from?.address).toBe('kenji@partner.example');
    expect(inlineForward(quoted, 'RE: Agenda')).toBeUndefined();
    expect(inlineForward('-----Original Message-----\nFrom: a@b.example\nSubject: x\n\nhi', 'Re: x')).toBeUndefined();
  });

  it.each([
    ['Portuguese', 'De: Banco <aviso@banco-aviso.example>\r\nEnviado: quarta-feira, 11 de outubro de 2023 22:29\r\nPara: Rodrigo <rodrigo@example.com>\r\nAssunto: Saldo liberado\r\n'],
    ['Italian', 'Da: Banco <aviso@banco-aviso.example>\r\nInviato: mercoledì 11 ottobre 2023 22:29\r\nA: Rodrigo <rodrigo@example.com>\r\nOggetto: Saldo liberado\r\n'],
    ['Dutch', 'Van: Banco <aviso@banco-aviso.example>\r\nVerzonden: woensdag 11 oktober 2023 22:29\r\nAan: Rodrigo <rodrigo@example.com>\r\nOnderwerp: Saldo liberado\r\n'],
  ])('reads Outlook’s %s forward header, with CRLF line ends as text bodies keep them', (_language, header) => {
    const text = `\r\n________________________________\r\n${header}\r\nRealize a liberação em até 24 horas.\r\n`;
    const original = inlineForward(text, 'ENC: Saldo liberado');
    expect(original?.from?.address).toBe('aviso@banco-aviso.example');
    expect(original?.subject).toBe('Saldo liberado');
    expect(original?.to[0]?.address).toBe('rodrigo@example.com');
    expect(original?.text.trim()).toBe('Realize a liberação em até 24 horas.');
  });

  it('ignores marker-like lines without a quoted sender', () => {
    expect(inlineForward('---------- Forwarded message ---------\nnothing here', 'Fwd: x')).toBeUndefined();
  });

  it('stops at the nesting limit and never throws on hostile text', async () => {
    let text = 'innermost';
    for (let i = 0; i < 20; i++) text = `---------- Forwarded message ---------\nFrom: L${i} <l${i}@x.example>\nSubject: s${i}\n\n${text}`;
    const message = await parseEml(`From: a@b.example\r\nSubject: Fwd: deep\r\n\r\n${text}`);
    expect(message.forwarded!.length).toBeLessThanOrEqual(MAX_FORWARD_DEPTH);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('---------- Forwarded message ---------', 'From: a <b@c.example>', 'Subject: x', '件名: y', '', '> ', 'text'), { maxLength: 60 }), (lines) => {
        const original = inlineForward(lines.join('\n'), 'Fwd: x');
        // Inline originals lack real headers and attachment bytes by nature; everything else is well-formed.
        if (original) assertWellFormed({ ...original, missing: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('does not read the original a delivery report returns as a message to us', async () => {
    const dsn = 'From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--r\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\nFrom: me@kaiyo-inst.or.jp\r\nSubject: hello\r\n\r\nhi\r\n--r--\r\n';
    expect((await parseEml(dsn)).forwarded).toBeUndefined();
  });
});

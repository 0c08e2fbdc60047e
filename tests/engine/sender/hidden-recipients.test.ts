import { hiddenRecipients, recipientsHidden } from '../../../src/engine/rules/hidden-recipients';
import { analyze } from '../../../src/engine/analyze';
import { header, listHeaders, mail, runRule } from './message';
import { makePolicy } from './policy';

/** The line every delivered message carries (RFC 5321 section 4.4): the header block was written by a mail server. */
const delivered = header('Received', 'from mail.sender.example (mail.sender.example [192.0.2.10]) by mx.kaiyo-inst.or.jp with ESMTPS; Fri, 4 Dec 2026 09:12:03 +0900');

describe('hidden-recipients', () => {
  test('no To or Cc, undisclosed-recipients, or the sender writing to itself', () => {
    expect(hiddenRecipients.severity).toBe('low');
    expect(runRule(hiddenRecipients, mail({ to: [] }))?.evidence[0]).toEqual(expect.objectContaining({ kind: 'header', name: 'To', value: '(none)' }));
    expect(recipientsHidden(mail({ to: ['undisclosed-recipients <>'] }))).toBe(true);
    expect(recipientsHidden(mail({ from: '事務局 <office@asia-policy-forum.org>', to: ['office@asia-policy-forum.org'] }))).toBe(true);
  });

  it.each(['noreply_emails40817263590@billing.shop-support.example', 'no-reply.emails52930418867@teams.shop-support.example', 'do_not_reply@notice.example.com', 'NoReply@example.org'])(
    'counts a visible recipient that is a no-reply mailbox (%s) as nobody',
    (address) => {
      expect(runRule(hiddenRecipients, mail({ from: 'Billing <tarvlmok58@mail.vendor.example>', to: [address] }))).toBeDefined();
    },
  );

  it.each(['noreplies@example.org', 'replyall@example.org', 'norepl@example.org', 'info.noreply@example.org'])('reads %s as a real recipient', (address) => {
    expect(runRule(hiddenRecipients, mail({ to: [address] }))).toBeUndefined();
  });

  test('a no-reply mailbox beside a real recipient leaves the recipient visible', () => {
    expect(runRule(hiddenRecipients, mail({ to: ['noreply@example.org', '渡辺 健二 <k.watanabe@kaiyo-inst.or.jp>'] }))).toBeUndefined();
  });

  test('visible recipients and mailing lists are left alone', () => {
    expect(runRule(hiddenRecipients, mail())).toBeUndefined();
    expect(runRule(hiddenRecipients, mail({ to: [], cc: ['渡辺 健二 <k.watanabe@kaiyo-inst.or.jp>'] }))).toBeUndefined();
    expect(runRule(hiddenRecipients, mail({ to: [], headers: listHeaders() }))).toBeUndefined();
  });

  describe('stays quiet when the Bcc is by design', () => {
    it.each([
      ['a reply in a thread the list copied you into', { from: 'Tim <tim@example.net>', to: [], subject: 'Re: [Spambayes] Deployment', headers: [header('In-Reply-To', '<15736.55193@slothrop.example.com>')] }],
      ['a follow-up carrying References only', { from: 'Tim <tim@example.net>', to: [], headers: [header('References', '<a1@example.com> <a2@example.com>')] }],
      ['a newsletter marked as bulk that writes to its own address', { from: 'Reg Subscribers <update@list.register.example>', to: ['Reg Subscribers <update@list.register.example>'], headers: [header('Precedence', 'bulk')] }],
      ['a bounce from the mail system', { from: 'MAILER-DAEMON', to: ['postmaster <>'] }],
      ['a bounce from postmaster', { from: 'Mail Delivery System <postmaster@mx.example.jp>', to: [] }],
    ])('%s', (_label, parts) => {
      expect(runRule(hiddenRecipients, mail(parts))).toBeUndefined();
    });

    it('but an empty In-Reply-To or a Precedence of junk does not excuse a Bcc mailing', () => {
      expect(runRule(hiddenRecipients, mail({ to: [], headers: [delivered, header('In-Reply-To', ' ')] }))).toBeDefined();
      expect(runRule(hiddenRecipients, mail({ to: [], headers: [delivered, header('Precedence', 'junk')] }))).toBeDefined();
    });
  });

  test('judges only a header block a mail server wrote: an archived excerpt without To is not a Bcc', () => {
    const excerpt = [header('From', 'member@example.com (Member)'), header('Date', 'Tue, 3 Sep 2002 10:00:00 -0500'), header('Subject', '[Project] release notes?'), header('Message-ID', '<1001.2002@client.example.net>')];
    expect(runRule(hiddenRecipients, mail({ from: 'member@example.com', to: [], headers: excerpt }))).toBeUndefined();
    expect(runRule(hiddenRecipients, mail({ from: 'member@example.com', to: [], headers: [delivered, ...excerpt] }))).toBeDefined();
    // Outlook could not read the headers at all: the recipients it reports are still judged.
    expect(runRule(hiddenRecipients, mail({ from: 'member@example.com', to: [], headers: [] }))).toBeDefined();
  });

  test('is low: a Bcc announcement alone stays clean, a forged Bcc mailing does not', () => {
    const policy = makePolicy();
    expect(analyze(mail({ to: [], subject: '年末年始の休業のお知らせ' }), policy).verdict).toBe('clean');
    const auth = [delivered, header('Message-ID', '<20261204.1@notice-example.com>'), header('Authentication-Results', 'mx.example; spf=fail smtp.mailfrom=notice-example.com; dmarc=fail header.from=notice-example.com')];
    const forged = { from: 'Notice <info@notice-example.com>', headers: auth };
    expect(analyze(mail({ ...forged }), policy).verdict).toBe('clean');
    expect(analyze(mail({ ...forged, to: [] }), policy).verdict).toBe('suspicious');
  });
});

import { authenticationFailure as rule } from '../../../src/engine/rules/authentication-failure';
import { analyze } from '../../../src/engine/analyze';
import { header, listHeaders, mail, runRule } from './message';
import { makePolicy } from './policy';
import type { HeaderField } from '../../../src/engine/model';

const results = (value: string) => header('Authentication-Results', `mx.kaiyo-inst.or.jp; ${value}`);

describe('authentication-failure', () => {
  it('is high when DMARC fails for our own domain', () => {
    const hit = runRule(rule, mail({ from: 'IT <it@kaiyo-inst.or.jp>', headers: [results('spf=fail smtp.mailfrom=kaiyo-inst.or.jp; dkim=none; dmarc=fail action=quarantine header.from=kaiyo-inst.or.jp')] }));
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence).toEqual(
      expect.arrayContaining([
        { kind: 'authentication', method: 'dmarc', result: 'fail', domain: 'kaiyo-inst.or.jp', detail: 'action=quarantine' },
        { kind: 'authentication', method: 'spf', result: 'fail', domain: 'kaiyo-inst.or.jp' },
      ]),
    );
  });

  it('is high when compauth fails for a ministry’s domain', () => {
    const hit = runRule(rule, mail({ from: '外務省 <info@mofa.go.jp>', headers: [results('spf=none smtp.mailfrom=mofa.go.jp; dmarc=none header.from=mofa.go.jp; compauth=fail reason=001')] }));
    expect(hit).toMatchObject({ severity: 'high', evidence: [{ method: 'compauth', result: 'fail', detail: 'reason=001' }] });
  });

  it('is high when SPF hard-fails for our own domain even without DMARC', () => {
    const hit = runRule(rule, mail({ from: 'Kenji <k.watanabe@kaiyo-inst.or.jp>', headers: [results('spf=fail smtp.mailfrom=k.watanabe@kaiyo-inst.or.jp')] }));
    expect(hit?.severity).toBe('high');
  });

  it('is only low when SPF fails on the HELO name of a bounce (no envelope sender to judge)', () => {
    const hit = runRule(rule, mail({ from: 'Mail Delivery System <MAILER-DAEMON@mx.kaiyo-inst.or.jp>', headers: [results('spf=fail smtp.helo=mx.kaiyo-inst.or.jp')] }));
    expect(hit?.severity).toBe('low');
  });

  it('is medium when DMARC fails for some other domain', () => {
    const hit = runRule(rule, mail({ from: 'Bradesco <contato@bank.example.br>', headers: [results('spf=fail smtp.mailfrom=bank.example.br; dkim=fail header.d=other.example; dmarc=fail action=none header.from=bank.example.br')] }));
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence).toContainEqual({ kind: 'authentication', method: 'dkim', result: 'fail', domain: 'other.example' });
  });

  it('is high when DMARC fails for a free-mail address (the provider sends its users’ mail only from its own servers)', () => {
    const hit = runRule(rule, mail({ from: 'Bernard <bernard.donation@gmail.com>', headers: [results('spf=pass smtp.mailfrom=bounces@mailer.example; dkim=pass header.d=mailer.example; dmarc=fail action=none header.from=gmail.com')] }));
    expect(hit?.severity).toBe('high');
  });

  it('stays low for a free-mail address relayed by a mailing list', () => {
    const hit = runRule(rule, mail({ from: 'Dev <dev@gmail.com>', headers: [...listHeaders(), results('spf=pass smtp.mailfrom=policy-talk-bounces@lists.example.org; dmarc=fail action=none header.from=gmail.com')] }));
    expect(hit?.severity).toBe('low');
  });

  it('is low when SPF only soft-fails', () => {
    const hit = runRule(rule, mail({ from: 'A <a@shop.example>', headers: [results('spf=softfail smtp.mailfrom=shop.example; dkim=pass header.d=shop.example; dmarc=pass header.from=shop.example')] }));
    expect(hit).toEqual({ severity: 'low', evidence: [{ kind: 'authentication', method: 'spf', result: 'softfail', domain: 'shop.example' }] });
  });

  it('is low when a mailing list relays a DMARC failure from a domain we have no stake in', () => {
    const hit = runRule(rule, mail({ from: 'Dev <dev@company.example>', headers: [...listHeaders(), results('spf=pass smtp.mailfrom=policy-talk-bounces@lists.example.org; dmarc=fail action=none header.from=company.example')] }));
    expect(hit?.severity).toBe('low');
  });

  it('stays medium when the list headers are not vouched for by the list’s own domain (forged List-Id)', () => {
    const hit = runRule(rule, mail({ from: 'Dev <dev@company.example>', headers: [...listHeaders(), results('spf=pass smtp.mailfrom=bulk@sender.example; dmarc=fail action=none header.from=company.example')] }));
    expect(hit?.severity).toBe('medium');
  });

  it('reports Microsoft 365’s own spoofing and impersonation verdicts', () => {
    const hit = runRule(rule, mail({ from: '渡辺健二 <kw@example.net>', headers: [header('X-Forefront-Antispam-Report', 'CIP:1.2.3.4;CTRY:JP;LANG:ja;SCL:5;SRV:;IPV:NLI;SFV:SPM;CAT:UIMP;SFTY:9.19')] }));
    expect(hit).toMatchObject({ severity: 'medium', evidence: [{ kind: 'header', name: 'X-Forefront-Antispam-Report', value: 'CAT:UIMP' }] });
  });

  it('is high when Microsoft finds our own domain spoofed', () => {
    const hit = runRule(rule, mail({ from: 'Helpdesk <helpdesk@kaiyo-inst.or.jp>', headers: [header('X-Forefront-Antispam-Report', 'SFV:SPM;CAT:SPOOF;')] }));
    expect(hit?.severity).toBe('high');
  });

  describe('an earlier server’s failure, laundered by a relay the domain allows', () => {
    // Spoofed at the first server (SPF fails for the From domain), then relayed through a Microsoft 365
    // tenant whose outbound servers the domain's SPF record includes: the final server sees a pass.
    const final = results('spf=pass smtp.mailfrom=deals.offers-daily.example; dkim=none; dmarc=pass action=none header.from=deals.offers-daily.example; compauth=pass reason=100');
    const laundered = (earlier: HeaderField[]) => mail({ from: 'Deals Team <team@deals.offers-daily.example>', headers: [final, header('Received-SPF', 'Pass (protection.outlook.com: domain of deals.offers-daily.example designates 52.101.1.1 as permitted sender)'), ...earlier] });

    it('is medium when an earlier ARC-Authentication-Results records SPF and DMARC failing for the same domain', () => {
      const hit = runRule(rule, laundered([header('ARC-Authentication-Results', 'i=1; mx.microsoft.com 1; spf=fail (sender ip is 192.0.2.7) smtp.mailfrom=deals.offers-daily.example; dmarc=fail (p=none) action=none header.from=deals.offers-daily.example; dkim=none')]));
      expect(hit).toMatchObject({ severity: 'medium', evidence: [{ kind: 'authentication', method: 'spf', result: 'fail', domain: 'deals.offers-daily.example', detail: 'ARC-Authentication-Results' }] });
    });

    it('is medium when the earlier server saw SPF soft-fail for it', () => {
      const hit = runRule(rule, laundered([header('ARC-Authentication-Results', 'i=1; mx.microsoft.com 1; spf=softfail (sender ip is 192.0.2.7) smtp.mailfrom=offers-daily.example; dmarc=none header.from=deals.offers-daily.example')]));
      expect(hit).toMatchObject({ severity: 'medium', evidence: [{ method: 'spf', result: 'softfail', domain: 'offers-daily.example' }] });
    });

    it.each<[string, HeaderField[]]>([
      ['the earlier hop passed too (an ordinary relay)', [header('ARC-Authentication-Results', 'i=1; mx.google.com; spf=pass smtp.mailfrom=deals.offers-daily.example; dmarc=pass header.from=deals.offers-daily.example')]],
      ['the earlier failure is for another domain (a forwarder’s own envelope)', [header('ARC-Authentication-Results', 'i=1; mx.example.net; spf=fail smtp.mailfrom=alias-forwarder.example; dmarc=none')]],
      ['there is no earlier record at all', []],
      ['only a Received-SPF further down fails (not read: ARC says the same where it matters)', [header('Received-SPF', 'Fail (protection.outlook.com: domain of deals.offers-daily.example does not designate 192.0.2.7 as permitted sender)')]],
    ])('stays quiet when %s', (_case, earlier) => {
      expect(runRule(rule, laundered(earlier))).toBeUndefined();
    });

    it('stays quiet when the final checks do not vouch for the From domain (nothing was laundered)', () => {
      const message = mail({ from: 'News <news@newsletter.example>', headers: [results('spf=pass smtp.mailfrom=bounce.esp.example; dkim=pass header.d=esp.example; dmarc=none header.from=newsletter.example'), header('ARC-Authentication-Results', 'i=1; mx.example.net; spf=fail smtp.mailfrom=newsletter.example; dmarc=fail header.from=newsletter.example')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('leaves our own domain to the boundary’s verdict (hybrid set-ups relay internally)', () => {
      const message = mail({ from: 'IT <it@kaiyo-inst.or.jp>', headers: [results('spf=pass smtp.mailfrom=kaiyo-inst.or.jp; dmarc=pass header.from=kaiyo-inst.or.jp'), header('ARC-Authentication-Results', 'i=1; mx.microsoft.com 1; spf=fail smtp.mailfrom=kaiyo-inst.or.jp; dmarc=fail header.from=kaiyo-inst.or.jp')] });
      expect(runRule(rule, message)).toBeUndefined();
    });
  });

  describe('stays quiet', () => {
    it('when everything passes', () => {
      expect(runRule(rule, mail({ headers: [results('spf=pass smtp.mailfrom=asia-policy-forum.org; dkim=pass header.d=asia-policy-forum.org; dmarc=pass header.from=asia-policy-forum.org; compauth=pass reason=100')] }))).toBeUndefined();
    });

    it('when DKIM alone fails (mailing-list footers do that)', () => {
      expect(runRule(rule, mail({ headers: [results('spf=pass smtp.mailfrom=lists.example.org; dkim=fail header.d=asia-policy-forum.org; dmarc=pass header.from=asia-policy-forum.org')] }))).toBeUndefined();
    });

    it('when the message carries no Authentication-Results (2002-era mail)', () => {
      expect(runRule(rule, mail({ headers: [header('Received', 'from mail.example.org by mx.example.net; Mon, 2 Sep 2002 10:00:00 +0000')] }))).toBeUndefined();
    });

    it('for Microsoft’s ordinary categories', () => {
      expect(runRule(rule, mail({ headers: [header('X-Forefront-Antispam-Report', 'SFV:NSPM;CAT:NONE;')] }))).toBeUndefined();
    });
  });

  it('is reported as not checked when the source has no headers', () => {
    const verdict = analyze(mail({ missing: ['headers'] }), makePolicy(), [rule]);
    expect(verdict.notChecked).toEqual([{ rule: 'authentication-failure', title: rule.title, missing: 'headers' }]);
  });
});

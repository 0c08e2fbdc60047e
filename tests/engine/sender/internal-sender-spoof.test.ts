import { internalSenderSpoof as rule } from '../../../src/engine/rules/internal-sender-spoof';
import { header, listHeaders, mail, runRule } from './message';
import { makeEmptyOrganizationPolicy, makePolicy } from './policy';

describe('internal-sender-spoof', () => {
  describe('fires', () => {
    it.each([
      ['an IT role in English', 'IT Support <support@helpdesk-portal.example>', 'it support'],
      ['a help desk in Japanese', 'ヘルプデスク <helpdesk@mail-notice.example>', 'ヘルプデスク'],
      ['the information systems department', '情報システム部 <info@secure-notice.example>', '情報システム部'],
      ['a misspelt administrator', 'Adminstrator-Support <notice@sin-ou.example.jp>', 'adminstrator'],
    ])('(medium) for %s from outside', (_case, from, claimed) => {
      const hit = runRule(rule, mail({ from }));
      expect(hit).toMatchObject({ severity: 'medium', evidence: [{ kind: 'impersonation', field: 'from.name', claimed, expected: ['kaiyo-inst.or.jp'] }] });
    });

    it('(high) when the name uses our domain', () => {
      const hit = runRule(rule, mail({ from: '"kaiyo-inst.or.jp Mail Admin" <mailer@quota-service.example>' }));
      expect(hit).toMatchObject({ severity: 'high', evidence: [{ claimed: 'mail admin (kaiyo-inst.or.jp)', actual: 'mailer@quota-service.example' }] });
    });

    it('(high) when the name is our domain with a report word', () => {
      const hit = runRule(rule, mail({ from: '"-kaiyo-inst.or.jp Report" <1134@ueno-fc.example.jp>' }));
      expect(hit?.severity).toBe('high');
    });

    it('(medium) when only the subject speaks for our mail system', () => {
      const hit = runRule(rule, mail({ from: 'Notification <notice@mailbox-alerts.example>', subject: 'kaiyo-inst.or.jp: パスワードの有効期限が切れます' }));
      expect(hit).toMatchObject({ severity: 'medium', evidence: [{ field: 'subject', claimed: 'kaiyo-inst.or.jp' }] });
    });

    it('uses the recipient’s domain when the policy names no organisation', () => {
      const message = mail({ from: '"lists.example.org Server" <juliana@campo.example.br>', to: ['policy-talk@lists.example.org'] });
      const hit = runRule(rule, message, makeEmptyOrganizationPolicy());
      expect(hit).toMatchObject({ severity: 'high', evidence: [{ expected: ['example.org'] }] });
    });

    it('looks behind a mailing-list rewrite to the author', () => {
      const message = mail({ from: '"System Administrator via Policy-talk" <policy-talk@lists.example.org>', replyTo: ['alamxi@camera-shop.example'], headers: listHeaders() });
      expect(runRule(rule, message)?.evidence[0]).toMatchObject({ value: 'System Administrator', actual: 'alamxi@camera-shop.example' });
    });
  });

  describe('stays quiet', () => {
    it.each([
      ['our real help desk', 'ヘルプデスク <helpdesk@kaiyo-inst.or.jp>'],
      ['a subdomain of ours', 'IT Support <it@mail.kaiyo-inst.or.jp>'],
      ['an outsourced service desk on a trusted domain', 'IT Service Desk <desk@asia-policy-forum.org>'],
      ['a bounce from a remote server', 'Mail Delivery System <MAILER-DAEMON@mx.example.ne.jp>'],
      ['a postmaster report', 'POSTMASTER <postmaster@example.com>'],
      ['an ordinary external sender', 'Hanako Suzuki <hanako@example.co.jp>'],
      ['a vendor’s support team without IT wording', 'Trust Wallet Support <support@wallet.example>'],
    ])('for %s', (_case, from) => {
      expect(runRule(rule, mail({ from }))).toBeUndefined();
    });

    it('for an external subject that mentions our domain without account wording', () => {
      expect(runRule(rule, mail({ from: 'Forum <events@asia-forum.example>', subject: 'Invitation: seminar (staff@kaiyo-inst.or.jp)' }))).toBeUndefined();
    });

    it('when DKIM verifies our domain for a service sending on our behalf', () => {
      const message = mail({ from: 'IT Support <it@notify.saas.example>', headers: [header('Authentication-Results', 'mx.kaiyo-inst.or.jp; dkim=pass header.d=kaiyo-inst.or.jp')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('when neither the policy nor the recipients name an organisation', () => {
      expect(runRule(rule, mail({ from: 'IT Support <x@example.com>', to: [] }), makeEmptyOrganizationPolicy())).toBeUndefined();
    });

    it('for our own domain in the policy even if someone else is addressed', () => {
      expect(runRule(rule, mail({ from: 'Helpdesk <helpdesk@kaiyo-inst.or.jp>', to: ['partner@example.org'] }), makePolicy())).toBeUndefined();
    });
  });

  describe('a letterhead or signature that speaks for the organisation from outside', () => {
    it.each([
      ['a secretariat signature', `${'Please find the programme of the closed-door study group attached. '.repeat(4)}Secretariat, kaiyo-inst.or.jp`, 'secretariat (kaiyo-inst.or.jp)'],
      ['a former president in the letterhead', 'Former President, Kaiyo-Inst — personal note on the Taiwan Strait workshop', 'former president (kaiyo-inst)'],
      ['a Japanese signature', `${'先日の研究会の資料をお送りします。'.repeat(8)}kaiyo-inst 元理事長 渡辺`, '元理事長 (kaiyo-inst)'],
    ])('%s', (_case, text, claimed) => {
      const hit = runRule(rule, mail({ from: 'K. Watanabe <kw.office2024@gmail.com>', text }));
      expect(hit?.evidence[0]).toMatchObject({ kind: 'impersonation', claimed });
    });

    it.each([
      ['our own colleague', 'Hanako <hanako@kaiyo-inst.or.jp>', 'Secretariat, kaiyo-inst.or.jp'],
      ['an outsider naming us without an office', 'Partner <p@partner-univ.ac.jp>', `${'Thank you for hosting us at kaiyo-inst. '.repeat(6)}Best regards`],
    ])('stays quiet for %s', (_case, from, text) => {
      expect(runRule(rule, mail({ from, text }))).toBeUndefined();
    });
  });

  describe('a role name on an individual’s mailbox (a compromised account)', () => {
    it.each([
      ['a bare "support" on a student number', 'support <st2041187@college.example.ac.th>', 'support'],
      ['a help desk on first.last', 'Help Desk <maria.oliveira@town-hall.example.it>', 'help desk'],
      ['a mail administrator on a staff number', '"Mail Administrator" <lab22@polytechnic.example.edu>', 'mail administrator'],
      ['システム管理者 on a staff number', 'システム管理者 <tanaka0412@univ.example.ac.jp>', 'システム管理者'],
    ])('(high) for %s, even when no recipient names the organisation', (_case, from, claimed) => {
      const hit = runRule(rule, mail({ from, to: [] }), makeEmptyOrganizationPolicy());
      expect(hit).toMatchObject({ severity: 'high', evidence: [{ kind: 'impersonation', field: 'from.name', claimed }] });
    });

    it('(high) beside our organisation too', () => {
      expect(runRule(rule, mail({ from: 'IT Support <jonas.keller@institut.example.de>' }))?.severity).toBe('high');
    });

    it.each([
      ['a role mailbox', 'Support <support@tools-vendor.example>'],
      ['a numbered role mailbox', 'Help Desk <helpdesk2@campus.example.edu>'],
      ['a ticketing platform’s agent address', 'Support <help@acme.zendesk.example>'],
      ['a role with a company name', 'Acme Support <lena.berg@acme.example>'],
      ['a person with a role in the name', 'Anna Weber (IT Support) <anna.weber@partner.example>'],
      ['a shop’s order mailbox', 'Support <orders@shop.example>'],
      ['a university IT department’s acronym', '"IT Support" <its@riverbend-univ.example.edu>'],
      ['a Brazilian IT department’s acronym', 'Help Desk <ti@construtora-exemplo.example.com.br>'],
      ['a shop’s customer service acronym', 'Support <sac@loja-exemplo.example.com.br>'],
      ['a French customer service acronym', 'Support <sav@boutique-exemple.example.fr>'],
      ['a Japanese IT department’s acronym', '情シス <is@kaisha-example.example.co.jp>'],
      ['a Spanish technical support mailbox', 'Support <soporte.tecnico@empresa-ejemplo.example.mx>'],
      ['a Spanish customer service mailbox', 'Support <atencion.cliente@empresa-ejemplo.example.es>'],
      ['a customer care mailbox', 'Support <customer.care@brand-example.example>'],
    ])('stays quiet for %s when no organisation is known', (_case, from) => {
      expect(runRule(rule, mail({ from, to: [] }), makeEmptyOrganizationPolicy())).toBeUndefined();
    });

    it('stays quiet for a colleague named "Support Desk"', () => {
      expect(runRule(rule, mail({ from: 'Support Desk <s.mori@kaiyo-inst.or.jp>' }))).toBeUndefined();
    });

    it('keeps an IT role on a role mailbox medium', () => {
      expect(runRule(rule, mail({ from: 'IT Support <support@helpdesk-portal.example>' }))?.severity).toBe('medium');
    });
  });
});

import type { Finding } from '../../../src/engine/model';
import { replyToDivergence as rule } from '../../../src/engine/rules/reply-to-divergence';
import { header, listHeaders, mail, runRule } from './message';
import { makePolicy } from './policy';

const claimFinding: Finding = {
  rule: 'organization-claim-mismatch',
  severity: 'medium',
  category: 'sender',
  title: { en: '', ja: '' },
  explanation: { en: '', ja: '' },
  evidence: [],
};

describe('reply-to-divergence', () => {
  it('fires (medium) when replies go to another domain', () => {
    const hit = runRule(rule, mail({ from: 'Hanako Suzuki <hanako@research-office.example>', replyTo: ['hanako.suzuki@other-consulting.example'] }));
    expect(hit).toEqual({
      severity: 'medium',
      evidence: [{ kind: 'address-mismatch', field: 'headers.Reply-To', shown: 'hanako@research-office.example', actual: 'hanako.suzuki@other-consulting.example' }],
    });
  });

  it('is high when a titled sender wants replies at free webmail', () => {
    const hit = runRule(rule, mail({ from: '"Mrs. Mavis L. Wanczyk" <fgimenez@fcv.example-univ.ar>', replyTo: ['mrsmaviswan121@gmail.com'] }));
    expect(hit?.severity).toBe('high');
  });

  it('is high when a Japanese sender with an honorific wants replies at free webmail', () => {
    const hit = runRule(rule, mail({ from: '渡辺健二 先生 <office@kenkyu-kai.example.jp>', replyTo: ['watanabe.kenji.2024@yahoo.co.jp'] }));
    expect(hit?.severity).toBe('high');
  });

  it('is high when an earlier rule found an organisation claim and replies go to free webmail', () => {
    const hit = runRule(rule, mail({ from: '外務省 <info@press-office.example>', replyTo: ['gaimusho.desk@gmail.com'] }), undefined, [claimFinding]);
    expect(hit?.severity).toBe('high');
  });

  it('is high when our own domain appears to send but replies go to free webmail', () => {
    const hit = runRule(rule, mail({ from: 'IT <it@kaiyo-inst.or.jp>', replyTo: ['kaiyo.it.desk@gmail.com'] }));
    expect(hit?.severity).toBe('high');
  });

  it('stays medium for free webmail replies when nobody in particular is claimed', () => {
    const hit = runRule(rule, mail({ from: 'Casino <noreply@spins.example>', replyTo: ['winner@outlook.com'] }));
    expect(hit?.severity).toBe('medium');
  });

  it('still fires when the same mailbox name is at free mail, another tenant, or a different name at the other domain', () => {
    expect(runRule(rule, mail({ from: 'Prof. Kenji Sato <ksato@univ-example.ac.jp>', replyTo: ['ksato@gmail.com'] }))?.severity).toBe('high');
    expect(runRule(rule, mail({ from: 'Acme Support <support@acme-robotics.example>', replyTo: ['billing@refund-desk.zendesk.com'] }))).toBeDefined();
    expect(runRule(rule, mail({ from: 'Weekly Brief <editor@weekly.mailhost.example>', replyTo: ['payments@publisher.example'] }))).toBeDefined();
  });

  it('adds Return-Path as supporting evidence only when it agrees with Reply-To', () => {
    const hit = runRule(rule, mail({ from: 'Yuko <yuko@research.example>', replyTo: ['desk@collector.example'], returnPath: 'bounce@collector.example' }));
    expect(hit?.evidence[1]).toMatchObject({ kind: 'header', name: 'Return-Path', value: 'bounce@collector.example' });
  });

  describe('stays quiet', () => {
    it.each([
      ['same registrable domain', 'News <news@gadgetweekly.example>', 'leave-123@lists.gadgetweekly.example'],
      ['related brand domains', 'The Motley Fool <Fool@motleyfool.com>', 'Otto@Fool.com'],
      ['a newsletter whose replies go to its mail service', 'Seminar <seminar@institute.example>', 'reply@em.sendgrid.net'],
      ['two domains of one protected person', 'Yuko Tanaka <yuko.tanaka@example-univ.ac.jp>', 'tanaka@lab.example-univ.ac.jp'],
      ['two domains of the same known organisation', 'Amazon <store@amazon.co.jp>', 'help@amazon.com'],
      ['the author\'s own mailbox while a newsletter service sends for them', 'Weekly Brief <editor@weekly.mailhost.example>', 'editor@publisher.example'],
      ['the organisation\'s own help-desk tenant', 'Acme Support <support@acme-robotics.example>', 'help@acme-robotics.zendesk.com'],
    ])('for %s', (_case, from, reply) => {
      expect(runRule(rule, mail({ from, replyTo: [reply] }))).toBeUndefined();
    });

    it('for two of our own domains', () => {
      const policy = makePolicy({ organizationDomains: ['kaiyo-inst.or.jp', 'ocean-policy.jp'] });
      expect(runRule(rule, mail({ from: 'Kenji <kenji@kaiyo-inst.or.jp>', replyTo: ['kenji@ocean-policy.jp'] }), policy)).toBeUndefined();
    });

    it('for a delivery report, which nobody answers', () => {
      const bounce = mail({
        from: 'Mail Delivery System <MAILER-DAEMON@mx.provider.example>',
        replyTo: ['no-reply@isp-helpdesk.example'],
        headers: [header('Content-Type', 'multipart/report; report-type=delivery-status; boundary="b"')],
      });
      expect(runRule(rule, bounce)).toBeUndefined();
    });

    it('when there is no Reply-To, whatever Return-Path says', () => {
      expect(runRule(rule, mail({ from: 'A <a@one.example>', returnPath: 'bounce@esp.example' }))).toBeUndefined();
    });

    it('when Reply-To is one of the recipients (group reply)', () => {
      expect(runRule(rule, mail({ from: 'Tim <timc@2ubh.example>', to: ['forteana@yahoogroups.com'], replyTo: ['forteana@yahoogroups.com'] }))).toBeUndefined();
    });

    it('for mailing lists with List-Id / List-Post', () => {
      expect(runRule(rule, mail({ from: 'Matthias <m@bennewitz.example>', replyTo: ['rpm-list@freshrpms.net'], headers: listHeaders('rpm-list@freshrpms.net') }))).toBeUndefined();
    });

    it('for Mailman "via" rewrites that move the author to Reply-To', () => {
      const message = mail({ from: 'Brian via B4 Relay <devnull+brian.example.org@kernel.org>', replyTo: ['brian@example.org'], headers: [header('List-Id', '<soc.vger.kernel.org>')] });
      expect(runRule(rule, message)).toBeUndefined();
    });
  });
});

import { protectedPersonImpersonation as rule } from '../../../src/engine/rules/protected-person-impersonation';
import { header, listHeaders, mail, runRule } from './message';
import { makePolicy } from './policy';

describe('protected-person-impersonation', () => {
  describe('fires when a protected name comes from someone else', () => {
    it.each([
      ['exact English name from Gmail', 'Kenji Watanabe <kenji.watanabe.jiia@gmail.com>'],
      ['family name first with a comma', '"Watanabe, Kenji" <kwatanabe@research-office.org>'],
      ['title and affiliation around the name', '"Dr. Kenji Watanabe (Senior Fellow)" <k.watanabe@kaiyo-inst-office.com>'],
      ['one letter dropped in a long name', 'Kenji Watanbe <kenji@outlook.com>'],
      ['Cyrillic letters inside the name', 'Кenji Wаtanabe <kenji@outlook.com>'],
      ['Japanese name without the space', '渡辺健二 <watanabe.k2024@yahoo.co.jp>'],
      ['Japanese name with honorific', '渡辺 健二 先生 <kenji-w@gmail.com>'],
      ['Japanese name reversed order', '健二 渡辺 <kenji-w@gmail.com>'],
      ['Japanese name inside an organisation label', '外務省 渡辺健二 <gaimu.watanabe@gmail.com>'],
      ['alias with old kanji form', '渡邊健二 <kenji-w@gmail.com>'],
    ])('%s', (_case, from) => {
      const hit = runRule(rule, mail({ from }));
      expect(hit?.evidence[0]).toMatchObject({ kind: 'impersonation', field: 'from.name', claimed: 'Kenji Watanabe', expected: ['k.watanabe@kaiyo-inst.or.jp'] });
    });

    it('names the real address and says when it is free webmail', () => {
      const hit = runRule(rule, mail({ from: 'Kenji Watanabe <kenji.watanabe.jiia@gmail.com>' }));
      expect(hit?.evidence).toEqual([
        expect.objectContaining({ kind: 'impersonation', actual: 'kenji.watanabe.jiia@gmail.com', similarity: 1 }),
        expect.objectContaining({ kind: 'note', text: { en: 'Sent from a free webmail account (gmail.com)', ja: '無料のWebメール（gmail.com）から送信されています。' } }),
      ]);
    });

    it('reports a look-alike spelling as less than identical', () => {
      const hit = runRule(rule, mail({ from: 'Kenji Watanbe <kenji@outlook.com>' }));
      const evidence = hit?.evidence[0];
      expect(evidence?.kind === 'impersonation' && evidence.similarity).toBeGreaterThan(0.8);
      expect(evidence?.kind === 'impersonation' && evidence.similarity).toBeLessThan(1);
    });

    it('checks the Sender name too', () => {
      const hit = runRule(rule, mail({ from: 'Events <events@conference-hub.net>', sender: '田中 裕子 <tanaka.yuko.office@gmail.com>' }));
      expect(hit?.evidence[0]).toMatchObject({ field: 'sender.name', claimed: 'Yuko Tanaka', expected: ['yuko.tanaka@example-univ.ac.jp', 'example-univ.ac.jp'] });
    });

    it('compares a mailing-list rewrite with the author behind it', () => {
      const hit = runRule(
        rule,
        mail({ from: 'Kenji Watanabe via Policy-talk <policy-talk@lists.example.org>', replyTo: ['Kenji Watanabe <kw.research@gmail.com>'], headers: listHeaders() }),
      );
      expect(hit?.evidence[0]).toMatchObject({ field: 'from.name', value: 'Kenji Watanabe', actual: 'kw.research@gmail.com' });
    });
  });

  describe('stays quiet', () => {
    it.each([
      ['the person’s own address', 'Kenji Watanabe <k.watanabe@kaiyo-inst.or.jp>'],
      ['the address in different case', 'Kenji Watanabe <K.Watanabe@KAIYO-INST.OR.JP>'],
      ['a domain the person sends from', 'Prof. Yuko Tanaka <tanaka@lab.example-univ.ac.jp>'],
      ['a namesake colleague inside the organisation', 'Kenji Watanabe <kenji.watanabe2@kaiyo-inst.or.jp>'],
      ['someone sharing only the family name', 'Akira Watanabe <akira@example.com>'],
      ['a shorter name two letters away (only one edit allowed)', 'Yumi Tanaka <yumi@example.com>'],
      ['a different Japanese name', '渡部健二 <kenji@example.com>'],
      ['an unrelated sender', 'Hanako Suzuki <hanako.suzuki@asia-policy-forum.org>'],
      ['an empty display name', 'kenji.watanabe@gmail.com'],
    ])('for %s', (_case, from) => {
      expect(runRule(rule, mail({ from }))).toBeUndefined();
    });

    it('when the list hid the author’s address (nothing to compare)', () => {
      const message = mail({ from: 'Kenji Watanabe via Policy-talk <policy-talk@lists.example.org>', replyTo: ['policy-talk@lists.example.org'], headers: listHeaders() });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('when the list rewrite points to the person’s real address', () => {
      const message = mail({ from: 'Kenji Watanabe via Policy-talk <policy-talk@lists.example.org>', headers: [...listHeaders(), header('X-Original-From', 'Kenji Watanabe <k.watanabe@kaiyo-inst.or.jp>')] });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('when the policy protects nobody', () => {
      expect(runRule(rule, mail({ from: 'Kenji Watanabe <kenji@gmail.com>' }), makePolicy({ protectedPeople: [] }))).toBeUndefined();
    });
  });

  it('is medium, with a note, when a signing service verifiably sent it under the name', () => {
    const message = mail({
      from: 'Kenji Watanabe via DocuSign <dse@docusign.net>',
      headers: [header('Authentication-Results', 'mx.kaiyo-inst.or.jp; spf=pass smtp.mailfrom=docusign.net; dkim=pass header.d=docusign.net; dmarc=pass header.from=docusign.net')],
    });
    const hit = runRule(rule, message);
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence[1]).toMatchObject({ kind: 'note', text: { en: expect.stringContaining('signing service'), ja: expect.stringContaining('電子署名サービス') } });
  });

  it('stays high when the service’s domain is claimed but not verified', () => {
    const hit = runRule(rule, mail({ from: 'Kenji Watanabe via DocuSign <dse@docusign.net>' }));
    expect(hit).toBeDefined();
    expect(hit?.severity ?? rule.severity).toBe('high');
  });

  it('falls back to the organisation’s domains for a person without configured addresses', () => {
    const policy = makePolicy({ protectedPeople: [{ name: 'Haruto Sato', aliases: [], emails: [], domains: [] }] });
    expect(runRule(rule, mail({ from: 'Haruto Sato <h.sato@kaiyo-inst.or.jp>' }), policy)).toBeUndefined();
    expect(runRule(rule, mail({ from: 'Haruto Sato <haruto.sato.kaiyo@gmail.com>' }), policy)?.evidence[0]).toMatchObject({ expected: ['kaiyo-inst.or.jp'] });
  });

  it('still names the claimed person in a hostile, very long display name', () => {
    const from = `${'Kenji Watanabe '.repeat(5000)}<x@gmail.com>`;
    expect(runRule(rule, mail({ from }))?.evidence[0]).toMatchObject({ kind: 'impersonation', actual: 'x@gmail.com' });
  });

  describe('recognises a Japanese name in all the forms it is written', () => {
    const people = makePolicy({
      protectedPeople: [
        { name: 'Sho Saito', aliases: ['斎藤 翔'], emails: ['s.saito@kaiyo-inst.or.jp'], domains: [] },
        { name: 'Ryota Takahashi', aliases: ['高橋 亮太'], emails: ['r.takahashi@kaiyo-inst.or.jp'], domains: [] },
        { name: 'Kenji Watanabe', aliases: ['渡辺 健二'], emails: ['k.watanabe@kaiyo-inst.or.jp'], domains: [] },
      ],
    });
    it.each([
      ['variant kanji 齋 for 斎', '齋藤 翔 <sho.saito.office@gmail.com>', 'Sho Saito'],
      ['variant kanji 齊 and 斉', '斉藤翔 <sho.saito.office@gmail.com>', 'Sho Saito'],
      ['variant kanji 髙 for 高', '髙橋 亮太 <takahashi.r@outlook.jp>', 'Ryota Takahashi'],
      ['variant kanji 邉 for 辺', '渡邉 健二 <kenji-w@gmail.com>', 'Kenji Watanabe'],
      ['family name first in capitals', 'SAITO Sho <s.saito@research-desk.example>', 'Sho Saito'],
      ['Kunrei romanisation', 'Syo Saito <syo@research-desk.example>', 'Sho Saito'],
      ['long vowel written out', 'Sho Saitou <sho@research-desk.example>', 'Sho Saito'],
      ['long vowel with h, family name first', 'Saitoh Sho <sho@research-desk.example>', 'Sho Saito'],
      ['Kunrei zi for ji', 'Kenzi Watanabe <kenji@research-desk.example>', 'Kenji Watanabe'],
      ['full-width letters', 'Ｋｅｎｊｉ　Ｗａｔａｎａｂｅ <kenji@research-desk.example>', 'Kenji Watanabe'],
    ])('%s', (_case, from, claimed) => {
      expect(runRule(rule, mail({ from }), people)?.evidence[0]).toMatchObject({ kind: 'impersonation', claimed });
    });

    it.each([
      ['a different given name with the same family name', '斎藤 健 <ken.saito@gmail.com>'],
      ['a different family name with the same given name', '佐藤 翔 <sho.sato@gmail.com>'],
      ['the real address', '齋藤 翔 <s.saito@kaiyo-inst.or.jp>'],
    ])('stays quiet for %s', (_case, from) => {
      expect(runRule(rule, mail({ from }), people)).toBeUndefined();
    });
  });
});

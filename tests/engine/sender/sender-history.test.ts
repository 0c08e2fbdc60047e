import fc from 'fast-check';
import type { Namesake, SenderHistory } from '../../../src/engine/model';
import { analyze } from '../../../src/engine/analyze';
import { senderHistory as rule } from '../../../src/engine/rules/sender-history';
import { listHeaders, mail, runRule, address, type MessageParts } from './message';
import { makePolicy } from './policy';

/** Mailbox history of the sender of `from`: no earlier mail, never written to, unless told otherwise. */
function history(from: string, parts: Partial<SenderHistory> = {}): SenderHistory {
  return { address: address(from).address.toLowerCase(), received: { count: 0 }, sent: { count: 0 }, namesakes: [], ...parts };
}

const WATANABE: Namesake = { name: '渡辺 隆', address: 't.watanabe@tiss.or.jp', count: 212, since: '2021-04-12T01:02:03Z' };
const WATANABE_LATIN: Namesake = { name: 'WATANABE Takashi', address: 't.watanabe@tiss.or.jp', count: 212, since: '2021-04-12T01:02:03Z' };

function withHistory(from: string, parts: Partial<SenderHistory> = {}, message: MessageParts = {}) {
  return mail({ from, senderHistory: history(from, parts), ...message });
}

describe('sender-history', () => {
  it('says a first contact under a correspondent’s name comes from a new address (high), in plain words', () => {
    const hit = runRule(rule, withHistory('渡辺 隆 <watanabe.tiss@gmail.com>', { namesakes: [WATANABE] }));
    expect(hit?.severity).toBe('high');
    expect(hit?.informational).toBeUndefined();
    expect(hit?.evidence).toEqual([
      { kind: 'impersonation', field: 'from.name', value: '渡辺 隆', claimed: '渡辺 隆', expected: ['t.watanabe@tiss.or.jp'], actual: 'watanabe.tiss@gmail.com' },
      {
        kind: 'note',
        text: { en: 'First message from this address; you have never written to it', ja: 'このアドレスからの初めてのメールです。あなたから送信したこともありません。' },
      },
      {
        kind: 'note',
        text: {
          en: '渡辺 隆 usually writes from t.watanabe@tiss.or.jp (212 messages since 2021)',
          ja: '「渡辺 隆」は普段 t.watanabe@tiss.or.jp から送信しています（2021年以降212件）。',
        },
      },
    ]);
  });

  describe('recognises the name however it is written', () => {
    it.each([
      ['variant kanji, no space', '渡邊隆 <watanabe.tiss@gmail.com>', WATANABE],
      ['reversed order in Latin script', 'Takashi Watanabe <watanabe.tiss@gmail.com>', WATANABE_LATIN],
      ['full-width letters', 'Ｔａｋａｓｈｉ Ｗａｔａｎａｂｅ <watanabe.tiss@gmail.com>', WATANABE_LATIN],
      ['Cyrillic look-alike letters', 'Tаkashi Wаtanabe <watanabe.tiss@gmail.com>', WATANABE_LATIN],
      ['title and affiliation around it', '"Dr. Takashi Watanabe (TISS)" <watanabe.tiss@gmail.com>', { ...WATANABE_LATIN, name: 'Watanabe, Takashi' }],
      ['Hepburn and long-vowel spellings', 'Shun Satou <s.sato.research@gmail.com>', { name: 'Syun Sato', address: 'shun.sato@jiia.or.jp', count: 40 }],
    ])('%s', (_case, from, namesake) => {
      expect(runRule(rule, withHistory(from, { namesakes: [namesake] }))?.severity).toBe('high');
    });
  });

  it('works for people the policy does not list', () => {
    const policy = makePolicy({ protectedPeople: [] });
    expect(runRule(rule, withHistory('Takashi Watanabe <watanabe.tiss@gmail.com>', { namesakes: [WATANABE_LATIN] }), policy)?.severity).toBe('high');
  });

  it('flags another free-mail account under a name that writes from free mail', () => {
    const namesake = { name: 'Takashi Watanabe', address: 'takashi.w@gmail.com', count: 30 };
    expect(runRule(rule, withHistory('Takashi Watanabe <watanabe.t.2026@gmail.com>', { namesakes: [namesake] }))?.severity).toBe('high');
  });

  it('is medium when the name was seen only once elsewhere', () => {
    const namesake = { ...WATANABE, count: 1, since: '2026-11-02T00:00:00Z' };
    const hit = runRule(rule, withHistory('渡辺 隆 <watanabe.tiss@gmail.com>', { namesakes: [namesake] }));
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence).toContainEqual({
      kind: 'note',
      text: { en: '渡辺 隆 has written from t.watanabe@tiss.or.jp (1 message since 2026)', ja: '「渡辺 隆」は t.watanabe@tiss.or.jp から送信したことがあります（2026年以降1件）。' },
    });
  });

  it('is medium for a follow-up: an address that wrote once before under an established correspondent’s name', () => {
    const hit = runRule(rule, withHistory('渡辺 隆 <watanabe.tiss@gmail.com>', { received: { count: 1, since: '2026-12-01T09:00:00Z' }, namesakes: [WATANABE] }));
    expect(hit?.severity).toBe('medium');
    expect(hit?.evidence[1]).toEqual({ kind: 'note', text: { en: 'Only 1 message since 2026 from this address before this one', ja: 'このアドレスからのメールは、これまで2026年以降1件だけです。' } });
  });

  it('says "at least" when the search stopped counting', () => {
    const hit = runRule(rule, withHistory('渡辺 隆 <watanabe.tiss@gmail.com>', { namesakes: [{ ...WATANABE, count: 150, more: true }] }));
    expect(JSON.stringify(hit?.evidence)).toContain('(at least 150 messages since 2021)');
  });

  it('shows a first contact with nothing else known as information only', () => {
    const hit = runRule(rule, withHistory('Mika Ono <mika.ono@conference-hub.example>'));
    expect(hit).toEqual({ informational: true, evidence: [expect.objectContaining({ kind: 'note' })] });
  });

  it('does not say "never written to" when that could not be checked', () => {
    const hit = runRule(rule, withHistory('Mika Ono <mika.ono@conference-hub.example>', { unchecked: ['sent'] }));
    expect(hit?.evidence[0]).toEqual({ kind: 'note', text: { en: 'First message from this address', ja: 'このアドレスからの初めてのメールです。' } });
  });

  it('keeps a first contact clean in the verdict: no points, no warning', () => {
    const verdict = analyze(withHistory('Mika Ono <mika.ono@conference-hub.example>'), makePolicy());
    expect(verdict.score).toBe(0);
    expect(verdict.verdict).toBe('clean');
    expect(verdict.findings.find((finding) => finding.rule === 'sender-history')).toMatchObject({ informational: true });
  });

  it('makes a first contact under a correspondent’s name suspicious on its own', () => {
    const verdict = analyze(withHistory('渡辺 隆 <watanabe.tiss@gmail.com>', { namesakes: [WATANABE] }), makePolicy());
    expect(verdict.verdict).not.toBe('clean');
  });

  describe('stays quiet', () => {
    it.each<[string, string, Partial<SenderHistory>]>([
      ['for an address with a history', '渡辺 隆 <watanabe.tiss@gmail.com>', { received: { count: 40, since: '2022-01-01T00:00:00Z' }, namesakes: [WATANABE] }],
      ['for an address the user has written to', '渡辺 隆 <watanabe.tiss@gmail.com>', { sent: { count: 2 }, namesakes: [WATANABE] }],
      ['when the earlier mail could not be counted', '渡辺 隆 <watanabe.tiss@gmail.com>', { unchecked: ['received'], namesakes: [WATANABE] }],
      ['for a second message when the name was seen only once elsewhere', '渡辺 隆 <watanabe.tiss@gmail.com>', { received: { count: 1 }, namesakes: [{ ...WATANABE, count: 1 }] }],
      ['for another person one letter apart', 'Kenta Sato <kenta.sato@gmail.com>', { received: { count: 1 }, namesakes: [{ name: 'Kenji Sato', address: 'k.sato@jiia.or.jp', count: 80 }] }],
      ['for a single word', 'Takashi <t.2026@gmail.com>', { received: { count: 1 }, namesakes: [{ name: 'Takashi', address: 'takashi@tiss.or.jp', count: 80 }] }],
      ['for a family name alone in Japanese', '渡辺 <w.2026@gmail.com>', { received: { count: 1 }, namesakes: [{ name: '渡辺', address: 'watanabe@tiss.or.jp', count: 80 }] }],
      ['for a team name', 'Customer Support <help@new-shop.example>', { received: { count: 1 }, namesakes: [{ name: 'Customer Support', address: 'help@old-shop.example', count: 80 }] }],
      ['for a known organisation’s name', 'DocuSign Notifications <dse@docusign-mail.example>', { received: { count: 1 }, namesakes: [{ name: 'DocuSign Notifications', address: 'dse@docusign.net', count: 80 }] }],
      ['for one person’s two addresses at one employer', 'Takashi Watanabe <takashi.w@tiss.or.jp>', { received: { count: 1 }, namesakes: [WATANABE_LATIN] }],
    ])('%s', (_case, from, parts) => {
      expect(runRule(rule, withHistory(from, parts))).toBeUndefined();
    });

    it('for the organisation’s own domain', () => {
      expect(runRule(rule, withHistory('渡辺 隆 <t.watanabe2@kaiyo-inst.or.jp>', { namesakes: [WATANABE] }))).toBeUndefined();
    });

    it('for history about another address', () => {
      const message = mail({ from: '渡辺 隆 <watanabe.tiss@gmail.com>', senderHistory: history('someone@else.example', { namesakes: [WATANABE] }) });
      expect(runRule(rule, message)).toBeUndefined();
    });

    it('for mailing lists', () => {
      expect(runRule(rule, withHistory('渡辺 隆 <watanabe.tiss@gmail.com>', { namesakes: [WATANABE] }, { headers: listHeaders() }))).toBeUndefined();
    });

    it('when nobody looked', () => {
      expect(runRule(rule, mail({ from: '渡辺 隆 <watanabe.tiss@gmail.com>' }))).toBeUndefined();
    });
  });

  describe('on hostile names from the mailbox', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.constantFrom('渡', '邊', '隆', ' ', ',', '(', 'а', 'K', 'e', '\u200B', '様', '@'), maxLength: 60 }),
    );

    it('never throws and always gives evidence', () => {
      fc.assert(
        fc.property(text, fc.array(fc.tuple(text, fc.nat({ max: 500 })), { maxLength: 5 }), (name, others) => {
          const namesakes = others.map(([other, count], index) => ({ name: other, address: `n${index}@elsewhere.example`, count }));
          const hit = runRule(rule, withHistory(`${JSON.stringify(name)} <someone@gmail.com>`, { namesakes }));
          if (hit) expect(hit.evidence.length).toBeGreaterThan(0);
        }),
        { numRuns: 300 },
      );
    });

    it('copes with very long names on both sides', () => {
      const long = '渡辺 隆 ' + 'Kenji аb\u200B,'.repeat(20_000);
      const namesakes = Array.from({ length: 50 }, (_, index) => ({ name: long, address: `n${index}@elsewhere.example`, count: index }));
      expect(() => runRule(rule, withHistory(`"${long}" <someone@gmail.com>`, { namesakes }))).not.toThrow();
    });
  });
});

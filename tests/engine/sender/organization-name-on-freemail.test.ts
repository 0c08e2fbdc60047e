import { organizationNameOnFreemail as rule } from '../../../src/engine/rules/organization-name-on-freemail';
import { priorFinding } from '../content/message';
import { mail, runRule } from './message';

const claimFinding = priorFinding('organization-claim-mismatch', 'sender');

describe('organization-name-on-freemail', () => {
  it.each([
    ['a support team in English', 'Customer Support Team <helpdesk.verify2024@gmail.com>', 'team'],
    ['a bank department', 'Bank Security Department <secure.notice@outlook.com>', 'department'],
    ['a Japanese support centre', 'カスタマーサポートセンター <cs-info2024@yahoo.co.jp>', 'カスタマー'],
    ['a Japanese company', '株式会社テクノ商事 <techno.shoji@gmail.com>', '株式会社'],
    ['a Chinese customer service', '客服中心 <kefu2024@gmail.com>', '客服'],
    ['a Korean customer centre', '고객센터 <help.center.kr@gmail.com>', '고객센터'],
  ])('fires (low) for %s', (_case, from, word) => {
    const hit = runRule(rule, mail({ from }));
    expect(hit?.severity).toBeUndefined();
    expect(hit?.evidence[0]).toMatchObject({ kind: 'header', name: 'From' });
    expect(hit?.evidence[0].kind === 'header' && hit.evidence[0].meaning.en).toContain(`"${claimTextOf(word)}"`);
  });

  describe('stays quiet', () => {
    it.each([
      ['a person on free mail', 'Hanako Suzuki <hanako.suzuki@gmail.com>'],
      ['a person with a title on free mail', 'Prof. Kenji Watanabe <kw.research@yahoo.co.jp>'],
      ['an organisation on its own domain', 'Customer Support Team <support@example-shop.co.jp>'],
      ['a word that merely contains an organisation word', 'Teamwork Tanaka <tanaka.t@gmail.com>'],
    ])('for %s', (_case, from) => {
      expect(runRule(rule, mail({ from }))).toBeUndefined();
    });

    it('when an earlier rule already reports the claim', () => {
      expect(runRule(rule, mail({ from: 'Microsoft Support Team <ms.support.desk@gmail.com>' }), undefined, [claimFinding])).toBeUndefined();
    });
  });
});

/** The rule reports the word as folded for comparison (lower case). */
function claimTextOf(word: string): string {
  return word.normalize('NFKC').toLowerCase();
}

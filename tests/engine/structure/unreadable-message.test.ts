import { unreadableMessage as rule } from '../../../src/engine/rules/unreadable-message';
import { analyze } from '../../../src/engine/analyze';
import { mail, runRule } from '../sender/message';
import { makePolicy } from '../sender/policy';

describe('unreadable-message', () => {
  it('explains each reason the message could not be read in full, in both languages', () => {
    const hit = runRule(rule, mail({ incomplete: ['mime-depth', 'header-size'] }));
    expect(hit?.evidence).toHaveLength(2);
    expect(hit?.evidence[0]).toMatchObject({ kind: 'note', text: { en: expect.stringContaining('nested deeper'), ja: expect.stringContaining('入れ子') } });
  });

  it('alone makes the verdict at least suspicious (fails closed)', () => {
    const verdict = analyze(mail({ incomplete: ['parser-error'], text: 'Hello' }), makePolicy(), [rule]);
    expect(verdict.verdict).not.toBe('clean');
    expect(verdict.findings[0]).toMatchObject({ rule: 'unreadable-message', category: 'structure', severity: 'high' });
  });

  it.each([
    ['a message read in full', {}],
    ['a message read in full with an empty list', { incomplete: [] }],
    ['an Outlook item without attachment bytes (not checked, not unreadable)', { missing: ['attachmentContent' as const] }],
  ])('stays quiet for %s', (_case, parts) => {
    expect(runRule(rule, mail(parts))).toBeUndefined();
  });
});

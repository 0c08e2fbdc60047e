import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/engine';
import { renderRuleDocs } from '../../src/engine/docs';

describe('rule catalogue', () => {
  it('docs/rules.md is what scripts/rule-docs.ts generates (run `npx tsx scripts/rule-docs.ts` if this fails)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(committed).toBe(renderRuleDocs());
  });

  it('lists every registered rule once, with its Japanese title', () => {
    const rendered = renderRuleDocs();
    for (const rule of RULES) {
      expect(rendered.split(`### \`${rule.id}\``).length).toBe(2);
      expect(rendered).toContain(rule.title.ja);
    }
  });

  it('keeps a pipe in a title inside its table cell', () => {
    const [first] = RULES;
    const rendered = renderRuleDocs([{ ...first!, id: 'pipe-test', title: { en: 'a | b', ja: 'あ | い' } }]);
    expect(rendered).toContain('| a \\| b |');
  });
});

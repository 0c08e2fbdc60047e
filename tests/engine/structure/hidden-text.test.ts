import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hiddenText as rule } from '../../../src/engine/rules/hidden-text';
import { parseEml } from '../../../src/mail/eml';
import { mail, runRule } from '../sender/message';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/mail', name));
const words = (count: number, prefix = 'w') => Array.from({ length: count }, (_, i) => `${prefix}${i.toString(36)}x`).join(' ');

describe('hidden-text', () => {
  it('finds filter bait hidden under a lure in a whole message, while the reader’s text keeps only the lure', async () => {
    const message = await parseEml(fixture('hidden-salting.eml'));
    expect(message.text).toContain('Your parcel could not be delivered');
    expect(message.text).not.toContain('community garden');
    expect(message.hiddenText).toContain('community garden');
    const hit = runRule(rule, message);
    expect(hit?.severity).toBe('low');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'header', name: 'HTML', meaning: { en: expect.stringMatching(/^\d+ hidden words that appear nowhere in the visible text/) } });
  });

  it('is medium when the hidden text is a document of its own', () => {
    expect(runRule(rule, mail({ text: 'Pay now', html: '<p>x</p>', hiddenText: words(200) }))?.severity).toBe('medium');
  });

  describe('blank space that pushes the rest out of view', () => {
    const lure = '<a href="https://claim.example/gift"><img src="https://cdn.example/gift.png"></a>';
    it.each([
      ['an empty box taller than any screen, then a newsletter for the filters', `${lure}<div style="height: 6000px"></div><p>Monthly bulletin of the rowing club</p>`],
      ['a style sheet whose class pushes the next block down', `${lure}<style>.push { margin-top: 250000px; }</style><div class="push">Monthly bulletin</div>`],
      ['a wrapper of many screen heights', `${lure}<style>.wrap { height: 3000vh; }</style><div class="wrap"></div>`],
      ['thirty line breaks in a row', `${lure}${'<br>'.repeat(30)}<p>Unsubscribe</p>`],
      ['ten empty paragraphs in a row', `${lure}${'<p>&nbsp;</p>\n'.repeat(10)}<p>Unsubscribe</p>`],
    ])('fires (low) for %s', (_case, html) => {
      const hit = runRule(rule, mail({ text: 'Claim your gift', html }));
      expect(hit && (hit.severity ?? rule.severity)).toBe('low');
      // The reader is told what hides the text: no style, a blank space (the title alone speaks of invisible text).
      expect(hit?.evidence[0]).toMatchObject({ kind: 'header', name: 'HTML', meaning: { en: expect.stringMatching(/^A blank space .* pushes the rest of the message out of view$/), ja: expect.stringContaining('空白') } });
      expect(rule.explanation.en).toContain('blank space');
    });

    it('stays fast on a line break left open over a page of spaces', () => {
      // "<br" and 200,000 spaces: two runs of spaces in the line-break pattern took 14 s here, and 90 s at the scan limit.
      const started = Date.now();
      expect(runRule(rule, mail({ text: 'Hello', html: `<p>Hello</p><br${' '.repeat(200_000)}x` }))).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it.each([
      ['a preheader hidden with the max-height hack', '<div style="display:none;max-height:9999px;line-height:2000px">Your weekly digest</div><p>Article</p>'],
      ['a full-screen hero and a tall banner image', '<table style="height:100vh"><tr><td style="height: 1200px">Spring sale</td></tr></table><img height="2400" src="https://cdn.example/banner.png">'],
      ['a signature after a few blank lines', `<p>See you on Monday.</p>${'<br>'.repeat(5)}<p>Kenji</p>`],
    ])('stays quiet for %s', (_case, html) => {
      expect(runRule(rule, mail({ text: 'Article', html }))).toBeUndefined();
    });
  });

  describe('stays quiet', () => {
    it.each([
      ['for a newsletter preheader padded with invisible spaces', 'Your weekly digest from the institute \u200c \u200c \u200c \u200c \u200c \u200c'],
      ['for a hidden copy of the visible content (responsive layouts)', `${words(60)} ${words(60)}`],
    ])('%s', (_case, hidden) => {
      expect(runRule(rule, mail({ text: `Visible article ${words(60)}`, html: '<p>x</p>', hiddenText: hidden }))).toBeUndefined();
    });

    it('without hidden text', () => {
      expect(runRule(rule, mail({ text: 'Hello', html: '<p>Hello</p>' }))).toBeUndefined();
    });
  });
});

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

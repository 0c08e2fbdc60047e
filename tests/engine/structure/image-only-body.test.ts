import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageOnlyBody as rule } from '../../../src/engine/rules/image-only-body';
import { parseEml } from '../../../src/mail/eml';
import { mail, runRule } from '../sender/message';

describe('image-only-body', () => {
  it('fires for a whole message that is one linked banner image and a greeting', async () => {
    const message = await parseEml(readFileSync(join(__dirname, '../../fixtures/mail/image-only.eml')));
    expect(message.imageCount).toBe(1);
    expect(runRule(rule, message)?.evidence).toEqual([{ kind: 'note', text: { en: '1 image and only 2 letters of text', ja: '画像が1枚あり、文字は2文字しかありません。' } }]);
  });

  it('counts image buttons: a banner drawn with <input type="image"> is a picture too', async () => {
    const html = '<center><a href="https://track.example.net/c?1"><input type="image" src="https://img.example.net/offer.png"></a></center>';
    const message = await parseEml(Buffer.from(['From: a@example.net', 'Subject: Offer', 'Content-Type: text/html; charset=utf-8', '', html, ''].join('\r\n')));
    expect(runRule(rule, message)?.evidence).toEqual([{ kind: 'note', text: expect.objectContaining({ en: '1 image and only 0 letters of text' }) }]);
  });

  it.each([
    ['an ordinary message with a logo', { html: '<img src="logo.png"><p>x</p>', imageCount: 1, text: 'Dear colleagues, the agenda for Thursday’s seminar on maritime security is attached. Best regards, Kenji' }],
    ['a message without images', { html: '<p>Hi</p>', imageCount: 0, text: 'Hi' }],
    ['a plain-text message', { text: '' }],
  ])('stays quiet for %s', (_case, parts) => {
    expect(runRule(rule, mail(parts))).toBeUndefined();
  });
});

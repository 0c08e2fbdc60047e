import { oneLinkBody as rule } from '../../../src/engine/rules/one-link-body';
import { parseEml } from '../../../src/mail/eml';
import { mail, runRule } from '../sender/message';

/** A single-part HTML message through the real parser, which measures the linked text. */
function htmlMail(html: string) {
  return parseEml(Buffer.from(['From: News <news@shop.example.com>', 'Subject: Hello', 'Content-Type: text/html; charset=utf-8', '', html, ''].join('\r\n')));
}

const FOOTER =
  '<p style="font-size:12px;color:#666">You are receiving this email because you signed up at shop.example.com. ' +
  'No longer want these emails? <a href="https://shop.example.com/unsubscribe">Unsubscribe</a>. ' +
  'Example Shop Inc., 123 Main Street, Portland, OR 97201</p>';

describe('one-link-body', () => {
  it('fires when the headline, the offer and the picture are one link', async () => {
    const message = await htmlMail(
      '<center><a href="https://t.example.net/q6j5uN"><h2>Limited offer, first 100 people will benefit from the offer.</h2>' +
        '<h2>Get your backpack today</h2><img src="https://img.example.net/7meo.png"></a></center><small>Unsubscribe</small>',
    );
    expect(message.linkedText).toEqual({ visible: 82, inLargestLink: 71 });
    expect(runRule(rule, message)).toBeDefined();
    const whole = await htmlMail(
      '<body><a href="https://worldwide.example.net/4QnjL" style="color:inherit"><h1>BONUS RESERVED FOR YOU</h1>' +
        '<p>Confirmation required to avoid expiry. Your exclusive casino reward is waiting.</p><div class="cta">CONFIRM &amp; REDEEM</div></a>' +
        '<p style="font-size:10px">Unsubscribe</p></body>',
    );
    expect(runRule(rule, whole)?.evidence).toEqual([
      {
        kind: 'note',
        text: {
          en: "102 of 113 characters of text are in one link",
          ja: '本文113文字中102文字が一つのリンクです。',
        },
      },
    ]);
  });

  it('reads an unclosed link to the end of the body, and a new link as ending the one before (as browsers do)', async () => {
    const unclosed = await htmlMail('<a href="https://lure.example.net/x"><p>Your parcel could not be delivered. Confirm your address and pay the fee today.</p>');
    expect(runRule(rule, unclosed)).toBeDefined();
    const tiles = await htmlMail(
      '<a href="https://shop.example.com/a">Olympus digital camera, 1.3 megapixels, starting bid $49' +
        '<a href="https://shop.example.com/b">Portable MP3 player with 128 MB, now only $149' +
        '<a href="https://shop.example.com/c">Ultra-slim notebook bag, three colours, $29',
    );
    expect(runRule(rule, tiles)).toBeUndefined();
  });

  it.each([
    [
      'a newsletter (Mailchimp-style: browser link, articles, a button, the footer)',
      '<p><a href="https://us1.campaign-archive.example/?u=1">View this email in your browser</a></p><h1>October update</h1>' +
        '<p>This month we opened our second office in Osaka and welcomed twelve new colleagues to the support team.</p>' +
        '<p><a href="https://example.com/blog/osaka" style="background:#0a66c2;color:#fff;padding:12px">Read the story</a></p>' +
        FOOTER,
    ],
    [
      'a shop promotion whose hero block is one link, beside product tiles and the legal footer',
      '<a href="https://shop.example.com/sale"><h1>Summer sale</h1><p>Up to 50% off everything</p><span>Shop now</span></a>' +
        '<table><tr><td><a href="https://shop.example.com/p/1">Linen shirt $39</a></td><td><a href="https://shop.example.com/p/2">Canvas tote $25</a></td></tr></table>' +
        FOOTER,
    ],
    [
      'an address verification mail (Amazon SES / Cognito style) with its button',
      '<p>Thanks for signing up. Please confirm that this is your email address by clicking the button below.</p>' +
        '<p><a href="https://app.example.com/verify?token=abc">Verify email address</a></p>' +
        '<p>If you did not create an account, you can ignore this message. The link expires in 24 hours.</p>',
    ],
    [
      'a Microsoft-style account notification with a button and the company address',
      '<h2>Your OneDrive is almost full</h2><p>You have used 4.8 GB of your 5 GB. When it is full you can no longer upload files or receive email in Outlook.com.</p>' +
        '<p><a href="https://go.microsoft.com/fwlink/?linkid=1">Get more storage</a></p><p>Microsoft Corporation, One Microsoft Way, Redmond, WA 98052</p>',
    ],
    [
      'a Salesforce-style case update',
      '<p>Hello Taro,</p><p>Your case 00123456 has been updated by our support team. Reply to this email to add a comment.</p>' +
        '<p><a href="https://support.example.com/s/case/5003">View case 00123456</a></p><p>Example Support</p>',
    ],
    [
      'a short note that pastes a long SharePoint address',
      '<div>Hi Ken,</div><div><a href="https://contoso.sharepoint.com/:w:/r/sites/Team/_layouts/15/Doc.aspx?sourcedoc=%7B1%7D&amp;file=Plan.docx">' +
        'https://contoso.sharepoint.com/:w:/r/sites/Team/_layouts/15/Doc.aspx?sourcedoc=%7B1%7D&amp;file=Plan.docx&amp;action=default</a></div><div>Thanks, Aiko</div>',
    ],
    [
      'a Japanese order confirmation',
      '<p>山田 太郎 様</p><p>このたびはご注文いただき、誠にありがとうございます。ご注文の商品は3営業日以内に発送いたします。</p>' +
        '<p><a href="https://shop.example.jp/orders/123">ご注文内容を確認する</a></p><p>株式会社サンプル　カスタマーサポート</p>',
    ],
    ['a very short message that is mostly its button', '<p><a href="https://example.com/join">Join the meeting</a></p>'],
  ])('stays quiet for %s', async (_case, html) => {
    expect(runRule(rule, await htmlMail(html))).toBeUndefined();
  });

  it('stays quiet for plain-text mail and for messages the parser did not measure', () => {
    expect(runRule(rule, mail({ text: 'Please see https://example.com/report for the figures.' }))).toBeUndefined();
    expect(runRule(rule, mail({ html: '<a href="https://x.example">All of it is a link, every single word of it here</a>', text: 'All of it' }))).toBeUndefined();
  });
});

import { suspiciousLinkTarget } from '../../../src/engine/rules/suspicious-link-target';
import { analyze } from '../../../src/engine/analyze';
import type { HeaderField } from '../../../src/engine/model';
import { pdfWithLinks } from '../../fixtures/content/builders';
import { contentPolicy } from './policy';
import { attachment, from, htmlLink, mail, priorFinding, reasons, runRule, textLink } from './message';

const policy = contentPolicy();
const check = (href: string, extra: Parameters<typeof mail>[0] = {}, findings = [] as ReturnType<typeof priorFinding>[]) =>
  runRule(suspiciousLinkTarget, mail({ links: [textLink(href)], ...extra }), policy, findings);

describe('suspicious-link-target: brands in other people\'s hosts', () => {
  test('a brand as a label or inside a label of another domain', () => {
    expect(reasons(check('https://amazon.vsrsv.example.cn/ap/signin'))[0]).toContain('address contains "amazon" (Amazon) but is not Amazon\'s site');
    expect(check('https://paypal-secure-login.com/')).toBeDefined();
    expect(check('https://www.securepaypal-example.com/')).toBeDefined();
  });

  test('a brand word inside someone\'s subdomain, or a name that is not the brand, does not count', () => {
    expect(check('https://applecore.lockergnome.example/')).toBeUndefined();
    expect(check('https://news.amazonian.example.org/')).toBeUndefined();
  });

  test('the brand\'s own name under another top-level domain is taken as the brand, unless the domain is a throwaway one', () => {
    expect(check('https://www.paypal.co.uk/')).toBeUndefined();
    expect(check('https://paypal.top/signin')).toBeDefined();
  });

  test('short brand names only as a whole part of the host', () => {
    expect(reasons(check('https://my-jcb.8388suncity.example.com/'))[0]).toContain('"jcb"');
    expect(check('https://www.jcbfoods.example.com/')).toBeUndefined();
  });

  test('a domain dressed up in a subdomain', () => {
    const hit = check('https://rakuten-card.co.jp.yfcxx.example.com/login');
    expect(reasons(hit)[0]).toContain('address contains "rakuten-card" (楽天カード)');
    expect(reasons(hit)[0]).toContain('address starts like another domain but belongs to example.com');
    expect(hit?.severity).toBe('high'); // brand and disguise on the same link
    expect(reasons(check('https://www.co.jp.olrzicf.example.net/'))[0]).toContain('starts like another domain');
  });

  test('the brand\'s own domains and its infrastructure are fine', () => {
    for (const href of ['https://www.amazon.co.jp/gp/css', 'https://s3.amazonaws.com/bucket/report.pdf', 'https://www.paypal.com/', 'https://login.live.com/']) {
      expect(check(href)).toBeUndefined();
    }
  });

  test('an authenticated sender linking to its own site is not misusing a brand name', () => {
    const headers: HeaderField[] = [{ name: 'Authentication-Results', value: 'mx.example-institute.jp; spf=pass smtp.mailfrom=amazon-travel.example; dkim=pass header.d=amazon-travel.example; dmarc=pass header.from=amazon-travel.example' }];
    const own = { ...from('info@amazon-travel.example'), headers, links: [textLink('https://www.amazon-travel.example/tours')] };
    expect(runRule(suspiciousLinkTarget, mail(own), policy)).toBeUndefined();
    expect(runRule(suspiciousLinkTarget, mail({ ...own, headers: [] }), policy)).toBeDefined();
  });
});

describe('suspicious-link-target: hosting and tricks', () => {
  test('IPFS gateways in path and subdomain form, and other abused publishing services', () => {
    for (const href of [
      'https://ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/index.html',
      'https://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi.ipfs.dweb.link/',
      'https://k44bq2hp-ipfs-dweb-link.translate.goog/',
      'https://login-portal.pages.dev/',
      'https://pub-1234.r2.dev/index.html',
      'https://mh-8-b886e.web.app/',
      'https://detr-7657.southamerica-east1.run.app/',
      'https://us-central1-promo-resgate-7734.cloudfunctions.net/resgatar',
      'https://reocona3291901.duckdns.org/',
    ]) {
      expect(check(href)).toBeDefined();
    }
  });

  test('"@" in the address hides the real host', () => {
    const hit = check('http://www.microsoft.com@198.51.100.4/login');
    expect(reasons(hit)[0]).toBe('the part before "@" (www.microsoft.com) is ignored: the link really goes to 198.51.100.4');
    expect(hit?.severity).toBe('high');
    expect(check('http://user@files.example.net/')?.severity).toBe('medium');
  });

  test('javascript: and data: links, also with tabs inside the scheme', () => {
    expect(runRule(suspiciousLinkTarget, mail({ links: [htmlLink('java\tscript:alert(1)', 'View document')] }), policy)).toBeDefined();
    expect(runRule(suspiciousLinkTarget, mail({ links: [htmlLink('data:text/html;base64,PGh0bWw+', 'Open')] }), policy)).toBeDefined();
    expect(runRule(suspiciousLinkTarget, mail({ links: [htmlLink('data:image/png;base64,iVBOR', 'logo')] }), policy)).toBeUndefined();
  });

  test('weak hints (free site builders, abused top-level domains) need corroboration', () => {
    expect(check('https://smallbakery.wixsite.com/menu')).toBeUndefined();
    expect(check('https://conference-2025.xyz/program')).toBeUndefined();
    expect(check('https://conference-2025.xyz/program', {}, [priorFinding('credential-lure', 'wording')])).toBeDefined();
    expect(check('https://verify-account.weebly.com/', {}, [])).toBeUndefined();
    expect(check('https://secure-login.blogspot.example.top/')).toBeUndefined();
  });

  test('our own, trusted and tracking hosts are never counted', () => {
    expect(check('https://amazon-reading-group.example-institute.jp/')).toBeUndefined();
    expect(check('https://paypal.partner-university.ac.jp/')).toBeUndefined();
    expect(check('https://u1.ct.sendgrid.net/ls/click?upn=x')).toBeUndefined();
    // Our name inside someone else's host is not ours.
    expect(check('https://portal.example-institute.jp.r2.dev/')).toBeDefined();
  });

  test('a newsletter linking to its own ordinary pages is clean', () => {
    const links = Array.from({ length: 50 }, (_, index) => htmlLink(`https://www.digest-example.com/articles/${index}`, `Article ${index}`));
    expect(runRule(suspiciousLinkTarget, mail({ ...from('news@digest-example.com'), links }), policy)).toBeUndefined();
  });
});

describe('suspicious-link-target: the organisation the message presents itself as', () => {
  const claim = priorFinding('organization-claim-mismatch', 'sender', [
    { kind: 'impersonation', field: 'from.name', value: 'Amazon.co.jp', claimed: 'Amazon', expected: ['amazon.co.jp', 'amazon.com'], actual: 'info@shop-notice.example' },
  ]);

  test('a false brand claim plus a link away from that brand', () => {
    const links = [htmlLink('https://update.chqwair.example/account', 'アカウント情報更新ページ'), htmlLink('https://www.amazon.co.jp/contact-us', 'カスタマーサービス')];
    const hit = runRule(suspiciousLinkTarget, mail({ ...from('info@shop-notice.example', 'Amazon.co.jp'), links }), policy, [claim]);
    expect(reasons(hit)).toEqual(['the message presents itself as Amazon, but this link goes to chqwair.example']);
  });

  test('an unverified From address of a known organisation, with a link elsewhere', () => {
    const message = mail({ ...from('exchange-robot@paypal.com'), links: [htmlLink('http://payments.example.net/index.htm', 'link')] });
    expect(reasons(runRule(suspiciousLinkTarget, message, policy))[0]).toContain('presents itself as PayPal');
    const verified: HeaderField[] = [{ name: 'Authentication-Results', value: 'mx.example; dkim=pass header.d=paypal.com; dmarc=pass header.from=paypal.com' }];
    expect(runRule(suspiciousLinkTarget, mail({ ...message, headers: verified }), policy)).toBeUndefined();
  });

  test('a look-alike of the very brand the message claims to be is decisive', () => {
    const message = mail({ ...from('support@my.jcb.co.jp', 'MyJCB'), links: [textLink('https://my-jcb.8388suncity.example/login')] });
    expect(runRule(suspiciousLinkTarget, message, policy)?.severity).toBe('high');
  });

  test('a newsletter whose name contains a brand and which links to many sites is a publication', () => {
    const links = ['gnomedex.example', 'tomes.example', 'provenio.example', 'deskmod.example', 'kbalertz.example'].map((site) => htmlLink(`https://www.${site}/`, site));
    expect(runRule(suspiciousLinkTarget, mail({ ...from('subscriptions@newsletter.example', 'Newsletter Apple Core'), links }), policy, [claim])).toBeUndefined();
  });

  test('a list-relayed brand notice ("X via List") whose author address is the brand, linking elsewhere', () => {
    const headers: HeaderField[] = [
      { name: 'List-Id', value: '<users.lists.example.org>' },
      { name: 'List-Unsubscribe', value: '<https://lists.example.org/mailman/options/users>' },
    ];
    const message = mail({
      from: { name: 'Amazon.co.jp via Users', address: 'users@lists.example.org' },
      replyTo: [{ name: 'Amazon.co.jp', address: 'store-news@amazon.co.jp' }],
      headers,
      links: [htmlLink('https://update.chqwair.example/account', 'アカウント情報更新ページ'), textLink('https://lists.example.org/mailman/listinfo/users')],
    });
    expect(reasons(runRule(suspiciousLinkTarget, message, policy))).toEqual(['the message presents itself as Amazon, but this link goes to chqwair.example']);
    // The same relayed notice linking only to the brand's own site is fine.
    const own = mail({ ...message, links: [htmlLink('https://www.amazon.co.jp/gp/css', '注文履歴')] });
    expect(runRule(suspiciousLinkTarget, own, policy)).toBeUndefined();
  });

  test('the footer links of the mailing list that relayed the message are not the sender\'s', () => {
    const headers: HeaderField[] = [{ name: 'List-Unsubscribe', value: '<https://lists.example.org/mailman/options/dev>, <mailto:dev-request@lists.example.org>' }];
    const links = [htmlLink('https://www.amazon.co.jp/', 'Amazon'), textLink('https://lists.example.org/mailman/listinfo/dev')];
    expect(runRule(suspiciousLinkTarget, mail({ headers, links }), policy, [claim])).toBeUndefined();
  });
});

describe('suspicious-link-target: hidden destinations', () => {
  test('open redirects of big sites are seen through', () => {
    expect(reasons(check('https://translate.google.com/translate?sl=auto&tl=en&u=berkay.example/temp/1.php'))).toEqual(['link passes through Google Translate to hide that it goes to berkay.example']);
    expect(reasons(check('https://www.google.com/url?q=https%3A%2F%2Flogin.example.net%2F&sa=D'))[0]).toContain('through Google to hide that it goes to login.example.net');
    const bing = 'https://www.bing.com/ck/a?!&&p=abc&u=a1' + Buffer.from('https://wallet-restore.example.org/').toString('base64url') + '&ntb=1';
    expect(reasons(check(bing))[0]).toContain('through Bing to hide that it goes to wallet-restore.example.org');
  });

  test('a redirect to the same site, or mail from the redirecting site itself, is normal', () => {
    expect(check('https://www.google.com/url?q=https://www.google.com/maps')).toBeUndefined();
    expect(runRule(suspiciousLinkTarget, mail({ ...from('comments-noreply@google.com'), links: [textLink('https://www.google.com/url?q=https://www.example.org/doc')] }), policy)).toBeUndefined();
  });

  test('a percent-encoded host name', () => {
    expect(reasons(check('http://%77%77%77%2e%6d%61%69%6c%2d%63%65%6e%74%65%72%2e%74%6f%70/'))[0]).toContain('disguised with percent-encoding');
  });

  test('the recipient\'s own address in the link is a weak hint', () => {
    const message = { to: [{ name: '', address: 'researcher@example-institute.jp' }] };
    expect(check('https://files.example.net/reading.html?list=researcher@example-institute.jp', message)).toBeUndefined();
    const hit = check('https://files.example.net/reading.html?list=researcher%40example-institute.jp', message, [priorFinding('internal-sender-spoof', 'sender')]);
    expect(reasons(hit)).toEqual(['link carries your e-mail address, to pre-fill a sign-in page']);
  });

  test('weak hints count when the sender is already found impersonating someone, or forged (not merely soft-failing)', () => {
    expect(check('https://secure-files.example.top/')).toBeUndefined();
    expect(check('https://secure-files.example.top/', {}, [priorFinding('display-name-address-mismatch', 'sender')])).toBeDefined();
    const forged = { ...priorFinding('authentication-failure', 'authentication'), severity: 'medium' as const };
    expect(check('https://secure-files.example.top/', {}, [forged])).toBeDefined();
    expect(check('https://secure-files.example.top/', {}, [{ ...forged, severity: 'low' }])).toBeUndefined();
  });

  test('"javascript:void(0)" buttons are not attacks', () => {
    expect(runRule(suspiciousLinkTarget, mail({ links: [htmlLink('javascript:void(0);', 'Menu'), htmlLink('javascript:;', 'x')] }), policy)).toBeUndefined();
  });

  test('a script link that only opens a page of the sender\'s own site is a site\'s "e-mail this story" pop-up, not an attack', () => {
    const popup = htmlLink('javascript: rs("ss","http://story.news.example.com/news?p=events&t=1001", 750,580);', 'Slideshow');
    const story = { ...from('refertofriend@reply.example.com'), links: [popup] };
    expect(runRule(suspiciousLinkTarget, mail(story), policy)).toBeUndefined();
    // Another site in the script, a script naming no address, or the same pop-up from someone else still counts.
    const elsewhere = htmlLink('javascript: rs("ss","http://story.news.example.com/x"); location="https://login.example.net/"', 'Slideshow');
    expect(runRule(suspiciousLinkTarget, mail({ ...story, links: [elsewhere] }), policy)).toBeDefined();
    expect(runRule(suspiciousLinkTarget, mail({ ...story, links: [htmlLink('javascript:document.forms[0].submit()', 'Confirm')] }), policy)).toBeDefined();
    expect(runRule(suspiciousLinkTarget, mail({ ...from('news@other.example.org'), links: [popup] }), policy)).toBeDefined();
  });

  test.each([
    ['a scheme-relative address', 'javascript: rs("ss","http://story.news.example.com/x"); window.open("//login.example.net/")'],
    ['an address joined from pieces', 'javascript: window.open("http://story.news.example.com" + ".login.example.net/")'],
    ['a percent-encoded address', 'javascript: rs("ss","http://story.news.example.com/x"); window.open("http:%2F%2Flogin.example.net/")'],
    ['an escaped address', 'javascript: rs("ss","http://story.news.example.com/x"); window.open("\\x2f\\x2flogin.example.net/")'],
  ])('a script link from the sender\'s own site still counts when it could open another site through %s', (_case, href) => {
    const story = { ...from('refertofriend@reply.example.com'), links: [htmlLink(href, 'Slideshow')] };
    expect(runRule(suspiciousLinkTarget, mail(story), policy)).toBeDefined();
  });
});

describe('suspicious-link-target: links inside attached PDFs', () => {
  const pdf = (urls: string[], hex = false) => attachment('Statement.pdf', { contentType: 'application/pdf', content: pdfWithLinks(urls, hex) });

  test('a PDF whose button leads to a phishing host', () => {
    const hit = runRule(suspiciousLinkTarget, mail({ attachments: [pdf(['https://paypal.account-review.example.top/login'])] }), policy);
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'link', text: '(link in Statement.pdf)', attachment: 'Statement.pdf', host: 'paypal.account-review.example.top' });
    expect(runRule(suspiciousLinkTarget, mail({ attachments: [pdf(['https://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi.ipfs.dweb.link/'], true)] }), policy)).toBeDefined();
  });

  test('an ordinary PDF linking to a company site is fine', () => {
    expect(runRule(suspiciousLinkTarget, mail({ attachments: [pdf(['https://www.example.org/terms', 'mailto:info@example.org'])] }), policy)).toBeUndefined();
  });
});

describe('suspicious-link-target: link hosts judged by pattern', () => {
  test('a look-alike of a protected domain as a link host, by the same code as for senders', () => {
    expect(reasons(check('https://paypa1.com/signin'))[0]).toContain('address imitates paypal.com (homoglyph)');
    expect(check('https://paypa1.com/signin')?.severity).toBe('high');
  });

  test('a tracker is not judged itself, but the destination it carries is', () => {
    const wrapped = 'https://u123.ct.sendgrid.net/ls/click?upn=abc&url=https%3A%2F%2Fpaypal-account-check.example.top%2Flogin';
    expect(reasons(check(wrapped))[0]).toContain('behind u123.ct.sendgrid.net, the link goes to paypal-account-check.example.top');
    expect(check('https://u123.ct.sendgrid.net/ls/click?upn=abc&url=https%3A%2F%2Fwww.example-university.ac.jp%2Fevents')).toBeUndefined();
  });

  test('a destination carried in the path of a redirect is found too', () => {
    expect(reasons(check('https://go.redirect-example.net/out/https://rakuten-card.co.jp.yfcxx.example.com/'))[0]).toContain('behind go.redirect-example.net');
  });

  test('what a mailing service\'s click-tracker carries in base64 or as an encoded path is judged', () => {
    const trackers = contentPolicy({ trackingLinkHosts: new Set(['acemlnc.com', 'pstmrk.it']) });
    const tracked = (href: string) => runRule(suspiciousLinkTarget, mail({ links: [htmlLink(href, 'Upgrade now')] }), trackers);
    const redirectUrl = Buffer.from('https%3A%2F%2Fsecure-paypal-example.com').toString('base64');
    expect(reasons(tracked(`https://shop.lt.acemlnc.com/Prod/link-tracker?redirectUrl=${redirectUrl}&sig=6S1iuPuT`))[0]).toContain('address contains "paypal"');
    expect(reasons(tracked('https://click.pstmrk.it/3s/claim-prize.pages.dev%2F61723905/ahc/BvqtAQ/Ag/9174a178/3/5b5z'))[0]).toContain('behind click.pstmrk.it');
    expect(tracked(`https://shop.lt.acemlnc.com/Prod/link-tracker?redirectUrl=${Buffer.from('https://www.paypal.com/signin').toString('base64')}`)).toBeUndefined();
  });

  test('a bounce off a known organisation\'s site counts together with credential wording', () => {
    const bounce = 'https://www.amazon.co.jp/gp/redirect.html?location=https://parcel-help.example.net/track';
    expect(check(bounce)).toBeUndefined();
    expect(reasons(check(bounce, {}, [priorFinding('credential-lure', 'wording')]))[0]).toContain('bounces off www.amazon.co.jp');
  });

  test('the recipient\'s address inside an unknown host\'s link, plain or base64, counts with credential wording', () => {
    const findings = [priorFinding('credential-lure', 'wording')];
    const to = { to: [{ name: '', address: 'hanako@example-institute.jp' }] };
    expect(reasons(check('https://login-portal.example.net/?u=hanako@example-institute.jp', to, findings))[0]).toContain('carries your e-mail address');
    // base64 of the address, as phishing kits append it after "#"
    expect(reasons(check('https://login-portal.example.net/#aGFuYWtvQGV4YW1wbGUtaW5zdGl0dXRlLmpw', to, findings))[0]).toContain('carries your e-mail address');
    expect(check('https://login-portal.example.net/#aGFuYWtvQGV4YW1wbGUtaW5zdGl0dXRlLmpw', to)).toBeUndefined();
  });

  test.each([
    ['Zoom', 'https://zoom-us.join-meeting.example.top/j/8812345'],
    ['Webex', 'https://webex-invite.example.com/meet/123'],
    ['Teams with a meeting word', 'https://teams-meeting.example-invite.com/join'],
  ])('a meeting link host borrowing %s', (_brand, href) => {
    expect(reasons(check(href))[0]).toContain('meeting link whose address borrows the name');
  });

  test.each([
    ['Zoom itself', 'https://us06web.zoom.us/j/8812345?pwd=abc'],
    ['a company\'s own "teams" page', 'https://teams.example-corp.com/sales'],
    ['a word that merely contains zoom', 'https://www.zoomcar.example.com/'],
  ])('stays quiet for %s', (_case, href) => {
    expect(check(href)).toBeUndefined();
  });

  test('a link into the sender\'s own site never counts against it when authentication vouches for the sender', () => {
    const aligned: HeaderField[] = [{ name: 'Authentication-Results', value: 'mx.example; spf=pass smtp.mailfrom=amazon-outlet.example.top; dkim=pass header.d=amazon-outlet.example.top; dmarc=pass header.from=amazon-outlet.example.top' }];
    const own = { ...from('news@amazon-outlet.example.top', 'Shop'), headers: aligned };
    expect(check('https://www.amazon-outlet.example.top/sale', own)).toBeUndefined();
    expect(check('https://www.amazon-outlet.example.top/sale', from('news@amazon-outlet.example.top', 'Shop'))).toBeDefined();
  });
});

describe('suspicious-link-target: hosted forms and generated subdomains', () => {
  const credentialWording = [priorFinding('credential-lure', 'wording')];

  test.each([
    ['Google Forms short link', 'https://forms.gle/Ab12Cd34Ef56Gh78'],
    ['Google Forms under docs.google.com', 'https://docs.google.com/forms/d/e/1FAIpQLSf-example/viewform'],
    ['Microsoft Forms', 'https://forms.office.com/r/AbC123xyz'],
    ['Yandex Forms', 'https://forms.yandex.com/cloud/65815ae83e9d0801973d7263/'],
    ['Jotform', 'https://form.jotform.com/231234567890123'],
  ])('a hosted form as the landing page counts with credential wording (%s)', (_builder, href) => {
    expect(reasons(check(href, {}, credentialWording))[0]).toContain('form anyone can create');
  });

  test('a survey form alone is no finding: colleagues send them every day', () => {
    expect(check('https://forms.gle/Ab12Cd34Ef56Gh78')).toBeUndefined();
    expect(check('https://forms.office.com/r/AbC123xyz')).toBeUndefined();
  });

  test('a shared Google document is not a form', () => {
    expect(check('https://docs.google.com/document/d/1AbCdEf/edit', {}, credentialWording)).toBeUndefined();
  });

  test.each([
    ['letters and digits by turns', 'http://6so1xs7e.wildcard-example.ru/'],
    ['no vowels', 'https://snqvsawf.weakness-example.com/claim'],
  ])('a machine-generated subdomain counts with credential wording (%s)', (_kind, href) => {
    expect(check(href)).toBeUndefined();
    expect(reasons(check(href, {}, credentialWording)).join(' ')).toContain('subdomain looks machine-generated');
  });

  test('a generated subdomain and an abused ending on the same link are two hints: medium without wording', () => {
    const hit = check('https://kcmvnbyvicl.prize-example.top/');
    expect(hit?.severity).toBe('medium');
    expect(reasons(hit)[0]).toContain('subdomain looks machine-generated');
  });

  test.each([
    ['an ordinary subdomain', 'https://support.example-shop.co.jp/faq'],
    ['a short code', 'https://u1234.example-mailer.com/'],
    ['a consonant-heavy registrable name (the sender rules judge names)', 'https://lists.freshrpms.net/pipermail/'],
    ['a platform tenant code, assigned by the platform', 'https://d15k2d11r6t6rl.cloudfront.net/whitepaper.pdf'],
    ['an internationalised label', 'https://xn--r8jz45g.example.jp/'],
  ])('finds no generated subdomain in %s, even with credential wording', (_case, href) => {
    expect(check(href, {}, credentialWording)).toBeUndefined();
  });
});

describe('suspicious-link-target: codes after "#" and salted host names', () => {
  test('a shortened link whose fragment is a generated code is two hints: medium without wording', () => {
    const hit = check('https://t.co/7kdwQNpp5M#8zxcvR2941LMnD33tybqorhgk615WWJQMSXGAFD');
    expect(hit?.severity).toBe('medium');
    expect(reasons(hit)[0]).toContain('URL shortener');
    expect(reasons(hit)[0]).toContain('generated code after "#"');
  });

  test('a generated code after "#" on a storage bucket\'s page is two hints as well', () => {
    expect(check('https://storage.googleapis.com/bucket-example/offer.html#9KQWZT3261Mpex7zsvhtqbcn483XDRJ')?.severity).toBe('medium');
  });

  test.each([
    ['a shortened link alone (shortened-link reports it)', 'https://bit.ly/3vAbCdE'],
    ['a shortened link to a page anchor', 'https://bit.ly/3vAbCdE#pricing-and-plans-2026'],
    ['a generated code after "#" on an ordinary site', 'https://www.example-shop.co.jp/campaign#Xk3v9QpL2mZr8TbW4nYc'],
    ['a page route', 'https://app.example-crm.com/#/invoices/2026/INV-000123'],
    ['a document heading', 'https://docs.google.com/document/d/1AbCdEf/edit#heading=h.3x9k2mb7q1a'],
    ['a lower-case identifier', 'https://bit.ly/3vAbCdE#a9f3c2e1b7d84f0a9c3e2b1d'],
  ])('stays quiet for %s', (_case, href) => {
    expect(check(href)).toBeUndefined();
  });

  test.each([
    ['no vowels between the foreign letters', 'http://xn--wpzkvbxqrtl-odb4rk9b.holiday-rentals.example.com/rd017.php'],
    ['letters and digits by turns', 'http://xn--t7knv3zqwm5-odb3rl9b.photo-studio.example.net/r0655.php'],
  ])('a generated subdomain salted with foreign letters counts alone (%s)', (_kind, href) => {
    expect(reasons(check(href))[0]).toContain('salted with foreign letters');
  });

  test.each([
    ['a German word', 'https://xn--mnchen-3ya.stadtwerke-example.de/'],
    ['a French word', 'https://xn--caf-paris-d4a.example.fr/menu'],
    ['words with an accent', 'https://xn--zrich-filiale-wob.example.ch/'],
    ['a Japanese word', 'https://xn--r8jz45g.example.jp/'],
  ])('an internationalised subdomain that is %s is no finding', (_case, href) => {
    expect(check(href)).toBeUndefined();
  });
});

describe('suspicious-link-target: weak hints beside another sign in a notice', () => {
  const authenticated = (domain: string): HeaderField[] => [
    { name: 'Authentication-Results', value: `mx.example-institute.jp; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}` },
  ];
  const generatedMailbox = priorFinding('random-sender-mailbox', 'sender');
  const unrelated = { ...priorFinding('unrelated-link-site', 'links'), severity: 'low' as const };

  test('a cheap or free host counts once the sender, or every link leaving for an unrelated site, says the notice is not what it seems', () => {
    for (const href of ['https://parcel-redelivery.example.shop/track', 'https://claim-reward.example.xyz/', 'https://pickup-notice.weebly.com/', 'https://account-review.example.online/', 'https://parcel-hold.example-post.site/']) {
      expect(check(href)).toBeUndefined();
      expect(check(href, {}, [generatedMailbox])?.severity).toBe('medium');
      expect(check(href, {}, [unrelated])?.severity).toBe('medium');
    }
    // A single-label host has no registered ending, whatever its one label spells.
    expect(check('http://top/', {}, [generatedMailbox])).toBeUndefined();
    const replyElsewhere = priorFinding('reply-to-divergence', 'sender');
    expect(reasons(check('https://bit.ly/3xAmpLe', {}, [replyElsewhere]))).toEqual(['link goes through a URL shortener']);
  });

  test('a weak hint of the destination a mailing service\'s tracker carries counts the same way', () => {
    const tracked = 'https://x1y2z3.r.us-east-1.awstrack.me/L0/https:%2F%2Fclaim.example-prize.shop%2Fwin/1/0100abc';
    expect(check(tracked)).toBeUndefined();
    expect(reasons(check(tracked, {}, [unrelated]))).toEqual(['behind x1y2z3.r.us-east-1.awstrack.me, the link goes to claim.example-prize.shop: top-level domain .shop is mostly used for abuse']);
    expect(check('https://x1y2z3.r.us-east-1.awstrack.me/L0/https:%2F%2Fwww.example-bakery.com%2Fmenu/1/0100abc', {}, [unrelated])).toBeUndefined();
  });

  test('through analyze: a notice whose one button leads to a throw-away .top site from an unrelated sender is flagged', () => {
    const notice = mail({
      ...from('billing@northwind-traders.example', 'Account Service'),
      subject: 'Your subscription could not be renewed',
      text: 'Update your payment details to keep your subscription.',
      links: [htmlLink('https://renew-now.example-pay.top/update', 'Update payment')],
    });
    const verdict = analyze(notice, policy);
    expect(verdict.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['unrelated-link-site', 'suspicious-link-target']));
    expect(verdict.verdict).not.toBe('clean');
  });

  test.each([
    ['lure wording alone', [priorFinding('lure-wording', 'wording')]],
    ['another link rule (the shortener is the hint itself)', [priorFinding('shortened-link', 'links')]],
    ['a soft SPF failure or a mailing list\'s relaying', [{ ...priorFinding('authentication-failure', 'authentication'), severity: 'low' as const }]],
    ['an informational note about the sender', [{ ...generatedMailbox, informational: true }]],
  ])('stays quiet with %s', (_case, findings) => {
    expect(check('https://claim-reward.example.xyz/', {}, findings)).toBeUndefined();
  });

  test('stays quiet for a newsletter that links to many sites, one of them cheap', () => {
    const links = ['https://www.example-news.org/a', 'https://blog.example-lab.net/b', 'https://events.example-forum.com/c', 'https://www.example-partner.io/d', 'https://meetup.example-club.xyz/'].map(textLink);
    expect(runRule(suspiciousLinkTarget, mail({ links }), policy, [priorFinding('hidden-recipients', 'sender')])).toBeUndefined();
  });

  test.each([
    ['a Japanese shop\'s own store under .shop', 'info@mail.kobe-sweets-example.co.jp', 'https://kobe-sweets-example.shop/items/new'],
    ['a studio\'s own page on a site builder', 'hello@maple-studio.example', 'https://maple-studio.wixsite.com/gallery'],
    ['a bakery\'s own online store under .store', 'news@hanamochi-example.jp', 'https://www.hanamochi-example.store/'],
    ['a SaaS preference link carrying the recipient\'s address on the vendor\'s other domain', 'notify@acme-tasks.example', 'https://app.acme-tasks.io/preferences?email=researcher@example-institute.jp'],
  ])('stays quiet for %s when its authenticated sender has a second sign', (_case, address, href) => {
    const domain = address.slice(address.indexOf('@') + 1);
    const message = { ...from(address), headers: authenticated(domain) };
    const findings = [priorFinding('hidden-recipients', 'sender'), priorFinding('reply-to-divergence', 'sender')];
    expect(check(href, message, findings)).toBeUndefined();
    // The same link from a sender whose domain nobody vouched for is not the sender's own.
    expect(check(href, { ...message, headers: [] }, findings)).toBeDefined();
  });
});

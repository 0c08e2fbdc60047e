// What may leave the service as an indicator of an attack: the attacker's infrastructure, never a
// link rewriter's host, a famous site, a mailing list's machinery, a spoofed brand's domain or a
// name that is no domain; and a list footer never joins two campaigns.
import { emptyMessage } from '../../src/mail/eml';
import { resolvePolicy } from '../../src/policy';
import type { HeaderField, MailLink, MailMessage } from '../../src/engine/model';
import { groupingKeys } from '../../src/server/grouping';
import { extractIndicators, listPlumbingHosts } from '../../src/server/indicators';
import { isPopularDomain, registrableDomain } from '../../src/server/indicators/popular';
import { unwrapRewrites } from '../../src/server/indicators/rewriters';
import { TOP_DOMAINS } from '../../src/server/indicators/top-domains';
import { encodeUriText, exportUri } from '../../src/server/indicators/uri';
import { isRfc3986Uri } from '../validators/uri';

const policy = resolvePolicy({ organizationDomains: ['example.org'] });

function message(overrides: Partial<MailMessage>): MailMessage {
  return { ...emptyMessage(), ...overrides };
}

function links(...hrefs: string[]): MailLink[] {
  return hrefs.map((href) => ({ href, text: 'link', source: 'html' as const }));
}

function header(name: string, value: string): HeaderField {
  return { name, value };
}

function values(found: ReturnType<typeof extractIndicators>, type?: string): string[] {
  return found.indicators.filter((i) => !type || i.type === type).map((i) => i.value);
}

const lure = 'https://login-verify-portal.example/session/reset?u=7731';

describe('link rewriters are unwrapped before extraction', () => {
  const v3 = 'https://urldefense.com/v3/__https://login-verify-portal.example/session/reset?u=7731__;!!ABC!xyz$';
  it.each([
    ['Microsoft Safe Links', `https://jpn01.safelinks.protection.outlook.com/?url=${encodeURIComponent(lure)}&data=05%7C02&reserved=0`],
    ['Proofpoint URL Defense v2', 'https://urldefense.proofpoint.com/v2/url?u=https-3A__login-2Dverify-2Dportal.example_session_reset-3Fu-3D7731&d=DwMF&c=abc&r=def'],
    ['Proofpoint URL Defense v3', v3],
    ['Symantec click-time', `https://clicktime.symantec.com/3Lx7q9Vw?u=${encodeURIComponent(lure)}`],
    ['Barracuda Link Protection', `https://linkprotect.cudasvc.com/url?a=${encodeURIComponent(lure)}&c=E,1,abc&typo=1`],
    ['Cisco Secure Email', `https://secure-web.cisco.com/1AbCdEf/${encodeURIComponent(lure)}`],
    ['Sophos time-of-click', `https://eu-west-1.protection.sophos.com/?d=login-verify-portal.example&u=${Buffer.from(lure).toString('base64')}&i=1`],
    ['Trend Micro click-time', `https://imsva91-ctp.trendmicro.com/wis/clicktime/v1/query?url=${encodeURIComponent(lure)}&umid=1`],
    ['Trellix URL protection', `https://protect2.fireeye.com/v1/url?k=abc&q=def&e=ghi&u=${encodeURIComponent(lure)}`],
    ['two rewriters', `https://clicktime.symantec.com/3Lx?u=${encodeURIComponent(`https://jpn01.safelinks.protection.outlook.com/?url=${encodeURIComponent(lure)}`)}`],
  ])('%s', (_name, href) => {
    expect(unwrapRewrites(href).href).toBe(lure);
    const found = extractIndicators(message({ links: links(href) }), policy);
    expect(values(found, 'url')).toEqual([lure]);
    expect(values(found, 'url-domain')).toEqual(['login-verify-portal.example']);
    expect(found.distinctiveUrls).toEqual([lure]);
  });

  it('Proofpoint v3 restores the characters it replaced by "*"', () => {
    const encoded = Buffer.from('&=').toString('base64url');
    expect(unwrapRewrites(`https://urldefense.com/v3/__https://x-portal.example/a?b=1*c*2__;${encoded}!!T!x$`).href).toBe('https://x-portal.example/a?b=1&c=2');
  });

  it('Mimecast keeps only the destination domain: that domain, and no URL on Mimecast', () => {
    const found = extractIndicators(message({ links: links('https://protect-eu.mimecast.com/s/AbCdEfGh?domain=login-verify-portal.example') }), policy);
    expect(found.indicators).toEqual([{ type: 'url-domain', value: 'login-verify-portal.example' }]);
    expect(found.distinctiveUrls).toEqual([]);
  });

  it('a rewritten link whose destination is lost leaves nothing behind', () => {
    const found = extractIndicators(message({ links: links('https://clicktime.symantec.com/3Lx7q9Vw') }), policy);
    expect(found.indicators).toEqual([]);
  });
});

describe('globally popular domains are never indicators (public top-site data)', () => {
  it('the data is a ranked list of registrable domains', () => {
    expect(TOP_DOMAINS.length).toBeGreaterThan(400);
    expect(new Set(TOP_DOMAINS).size).toBe(TOP_DOMAINS.length);
    for (const domain of TOP_DOMAINS) expect(registrableDomain(domain)).toBe(domain);
    expect(TOP_DOMAINS.slice(0, 20)).toEqual(expect.arrayContaining(['google.com', 'linkedin.com', 'microsoft.com']));
  });

  it.each(['https://www.facebook.com/exampleresearch', 'https://www.linkedin.com/company/example-research', 'https://twitter.com/example', 'https://www.microsoft.com/security'])(
    'a social or brand link in a footer: %s',
    (href) => {
      const found = extractIndicators(message({ links: links(href) }), policy);
      expect(found.indicators).toEqual([]);
      expect(found.distinctiveUrls).toEqual([]);
    },
  );

  it('a page anyone can publish on a popular platform is still the publisher\'s URL, without the platform\'s domain', () => {
    const found = extractIndicators(message({ links: links('https://docs.google.com/forms/d/e/1FAIpQLSd-phish/viewform', 'https://attacker-pages.github.io/login', 'https://bit.ly/3xYzAbC') }), policy);
    expect(values(found, 'url')).toEqual(['https://docs.google.com/forms/d/e/1FAIpQLSd-phish/viewform', 'https://attacker-pages.github.io/login', 'https://bit.ly/3xYzAbC']);
    expect(values(found, 'url-domain')).toEqual(['attacker-pages.github.io']);
  });

  it("a brand's own short link (aka.ms is Microsoft's) is the brand's, not an indicator", () => {
    expect(extractIndicators(message({ links: links('https://aka.ms/mfasetup') }), policy).indicators).toEqual([]);
  });

  it('a Microsoft 365 tenant is the tenant, not onmicrosoft.com', () => {
    expect(registrableDomain('mail.evil-tenant.onmicrosoft.com')).toBe('evil-tenant.onmicrosoft.com');
    const found = extractIndicators(message({ from: { name: 'IT', address: 'admin@evil-tenant.onmicrosoft.com' } }), policy);
    expect(values(found, 'sender-domain')).toEqual(['evil-tenant.onmicrosoft.com']);
  });

  it('a tenant of a private suffix is not the popular platform', () => {
    expect(isPopularDomain('www.blogger.com')).toBe(true);
    expect(isPopularDomain('attacker.blogspot.com')).toBe(false);
  });
});

describe('mailing-list plumbing is not the attacker\'s (when List-Id is present)', () => {
  const listHeaders = [
    header('List-Id', 'Regional Security Forum <forum.lists.think-tank.example>'),
    header('List-Unsubscribe', '<https://lists.think-tank.example/mailman/options/forum>, <mailto:forum-request@lists.think-tank.example?subject=unsubscribe>'),
    header('List-Archive', '<https://lists.think-tank.example/pipermail/forum/>'),
  ];
  const posting = (subject: string, lureLink: string) =>
    message({
      from: { name: 'Member', address: `member@${subject.length}-poster-domain.example` },
      returnPath: 'forum-bounces@lists.think-tank.example',
      subject,
      headers: listHeaders,
      links: links(lureLink, 'https://lists.think-tank.example/mailman/listinfo/forum'),
    });

  it('the list host, bounce address and listinfo URL stay out', () => {
    expect([...listPlumbingHosts(posting('A', lure))].sort()).toEqual(['lists.think-tank.example', 'think-tank.example']);
    const found = extractIndicators(posting('A', lure), policy);
    expect(values(found)).not.toEqual(expect.arrayContaining([expect.stringContaining('think-tank.example')]));
    expect(values(found, 'url')).toEqual([lure]);
    expect(values(found, 'return-path')).toEqual([]);
  });

  it('the same footer never groups two unrelated lures into one campaign', () => {
    const a = posting('Invitation to the Taiwan Strait roundtable', 'https://roundtable-register.example/form/1');
    const b = posting('Your mailbox password expires today', 'https://mailbox-renewal.example/reset/2');
    const keysA = groupingKeys(a, 'a'.repeat(64), extractIndicators(a, policy));
    const keysB = groupingKeys(b, 'b'.repeat(64), extractIndicators(b, policy));
    expect(keysA.filter((key) => keysB.includes(key))).toEqual([]);
  });

  it('a forged List-Id (the list\'s domain failed authentication) hides nothing', () => {
    const forged = posting('A', 'https://lists.think-tank.example/mailman/listinfo/forum');
    forged.headers = [...listHeaders, header('Authentication-Results', 'mx.example.org; spf=fail smtp.mailfrom=think-tank.example; dkim=none; dmarc=fail header.from=think-tank.example')];
    expect(listPlumbingHosts(forged).size).toBe(0);
    expect(values(extractIndicators(forged, policy), 'url')).toEqual(['https://lists.think-tank.example/mailman/listinfo/forum']);
  });

  it('without List-Id the same links are ordinary links', () => {
    const found = extractIndicators(message({ links: links('https://lists.think-tank.example/mailman/listinfo/forum') }), policy);
    expect(values(found, 'url')).toEqual(['https://lists.think-tank.example/mailman/listinfo/forum']);
  });
});

describe('senders', () => {
  const authResults = (dmarc: string) => [header('Authentication-Results', `mx.example.org; spf=none smtp.mailfrom=attacker-mailer.example; dmarc=${dmarc} header.from=x`)];

  it.each([
    ['a spoofed brand', 'security@microsoft.com', 'fail'],
    ['a brand that passed DMARC (its own notification)', 'no-reply@linkedin.com', 'pass'],
    ['a spoofed free-mail account', 'kenji.tanaka@gmail.com', 'fail'],
  ])('%s is not exported as the attacker\'s address or domain', (_case, address, dmarc) => {
    const found = extractIndicators(message({ from: { name: 'x', address }, headers: authResults(dmarc), returnPath: 'bounce@attacker-mailer.example' }), policy);
    expect(values(found, 'sender-address')).toEqual([]);
    expect(values(found, 'sender-domain')).toEqual([]);
    expect(values(found, 'return-path')).toEqual(['bounce@attacker-mailer.example']);
  });

  it('a free-mail account the attacker holds is exported, its provider is not', () => {
    const found = extractIndicators(message({ from: { name: '田中 研二', address: 'kenji.tanaka.research@gmail.com' }, headers: authResults('pass') }), policy);
    expect(values(found, 'sender-address')).toEqual(['kenji.tanaka.research@gmail.com']);
    expect(values(found, 'sender-domain')).toEqual([]);
  });

  it('a look-alike domain is the attacker\'s: address and domain', () => {
    const found = extractIndicators(message({ from: { name: 'MOFA', address: 'info@mofa-go-jp.example' } }), policy);
    expect(values(found, 'sender-address')).toEqual(['info@mofa-go-jp.example']);
    expect(values(found, 'sender-domain')).toEqual(['mofa-go-jp.example']);
  });

  it.each(['admin@localhost', 'x@intranet', 'x@co.jp'])('a name that is no domain (%s) is never exported', (address) => {
    const found = extractIndicators(message({ from: { name: 'x', address }, replyTo: [{ name: '', address }], links: links(`http://${address.split('@')[1]}/login`) }), policy);
    expect(found.indicators).toEqual([]);
  });
});

describe('one URL serialisation (RFC 3986) for every export', () => {
  it.each([
    ['https://x-portal.example/a|b^c{d}[e]`f\\g?h=|&i=%zz&j=100%', 'https://x-portal.example/a%7Cb%5Ec%7Bd%7D%5Be%5D%60f/g?h=%7C&i=%25zz&j=100%25'],
    ['https://x-portal.example/%E2%9C%93?q=%41', 'https://x-portal.example/%E2%9C%93?q=%41'],
    ['https://ｘ-portal.example/日本', 'https://x-portal.example/%E6%97%A5%E6%9C%AC'],
    ['https://user:secret@x-portal.example:8443/p#frag', 'https://x-portal.example:8443/p'],
    ['https://[2001:db8::1]/p', 'https://[2001:db8::1]/p'],
  ])('%s', (input, expected) => {
    expect(exportUri(input)).toBe(expected);
    expect(isRfc3986Uri(expected)).toBe(true);
    // Idempotent: a value stored before is exported the same.
    expect(exportUri(expected)).toBe(expected);
  });

  it('never leaves a character RFC 3986 forbids, whatever the input', () => {
    let text = '';
    for (let code = 0x20; code < 0x7f; code++) text += String.fromCharCode(code);
    const encoded = encodeUriText(text + '%4' + '\uD800');
    expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*$/);
    expect(isRfc3986Uri(`https://x.example/${encoded}`)).toBe(true);
  });
});

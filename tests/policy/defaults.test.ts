// The built-in lists are data people will extend; these checks keep them consistent with the
// schema IT is held to and with the promises the documentation makes.
import { BUILTIN_LURE_INTENTS } from '../../src/policy/data/intents';
import { Value } from '@sinclair/typebox/value';
import { DOMAIN_PATTERN, KnownOrganizationSchema, LureKeywordSchema } from '../../src/policy/schema';
import {
  BUILTIN_LURE_KEYWORDS,
  BUILTIN_ORGANIZATION_GROUPS,
  FILE_SHARING_HOSTS,
  FREEMAIL_DOMAINS,
  KNOWN_ORGANIZATIONS,
  LURE_CATEGORIES,
  RISKY_EXTENSIONS,
  TRACKING_LINK_HOSTS,
  URL_SHORTENERS,
  builtInRiskyExtension,
} from '../../src/policy/defaults';
import { hostInList, normalizeDomain } from '../../src/policy/resolve';
import { compactText, foldName } from '../../src/engine/text/normalize';

const domainPattern = new RegExp(DOMAIN_PATTERN);
const hostLists: [string, readonly string[]][] = [
  ['freemail', FREEMAIL_DOMAINS],
  ['file sharing', FILE_SHARING_HOSTS],
  ['shorteners', URL_SHORTENERS],
  ['tracking', TRACKING_LINK_HOSTS],
  ['organisations', KNOWN_ORGANIZATIONS.flatMap((organization) => organization.domains)],
];

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

describe('built-in host lists', () => {
  it.each(hostLists)('%s: every entry is a canonical domain that the schema accepts', (_name, list) => {
    const bad = list.filter((entry) => !domainPattern.test(entry) || normalizeDomain(entry) !== entry || entry.includes('*'));
    expect(bad).toEqual([]);
  });

  it.each(hostLists.slice(0, 4))('%s: has no duplicates', (_name, list) => {
    expect(duplicates(list)).toEqual([]);
  });

  it('covers the hosts named in the design', () => {
    for (const host of ['onedrive.live.com', '1drv.ms', 'sharepoint.com', 'sharepoint-df.com', 'drive.google.com', 'docs.google.com', 'storage.googleapis.com', 'firebasestorage.googleapis.com', 'dropbox.com', 'box.com', 'wetransfer.com', 'we.tl', 'mega.nz', 'gigafile.nu', 'firestorage.jp']) {
      expect(FILE_SHARING_HOSTS).toContain(host);
    }
    for (const host of ['bit.ly', 'tinyurl.com', 't.co', 'is.gd', 'rebrand.ly', 'x.gd', 'lnkd.in', 'qr.paps.jp']) expect(URL_SHORTENERS).toContain(host);
    for (const host of ['safelinks.protection.outlook.com', 'urldefense.com', 'list-manage.com', 'sendgrid.net', 'rs6.net', 'awstrack.me']) expect(TRACKING_LINK_HOSTS).toContain(host);
    // dl.dropboxusercontent.com and app.box.com are covered through their parent entries.
    expect(hostInList('dl.dropboxusercontent.com', new Set(FILE_SHARING_HOSTS))).toBe(true);
    expect(hostInList('app.box.com', new Set(FILE_SHARING_HOSTS))).toBe(true);
  });
});

describe('built-in organisations', () => {
  it('validate against the schema IT is held to', () => {
    const invalid = KNOWN_ORGANIZATIONS.filter((organization) => !Value.Check(KnownOrganizationSchema, organization));
    expect(invalid).toEqual([]);
  });

  it('never list a free-mail or shared tenant domain (or a parent of one) as a sending domain', () => {
    const freemail = new Set(FREEMAIL_DOMAINS);
    // Service subdomains of a free-mail domain where subscribers cannot have addresses
    // (Yahoo! JAPAN users are name@yahoo.co.jp; its notices come from mail.yahoo.co.jp).
    const serviceSubdomains = new Set(['mail.yahoo.co.jp']);
    const offending: string[] = [];
    for (const organization of KNOWN_ORGANIZATIONS) {
      for (const domain of organization.domains) {
        const coversFreemail = FREEMAIL_DOMAINS.some((free) => free === domain || free.endsWith('.' + domain));
        const insideFreemail = hostInList(domain, freemail) && !serviceSubdomains.has(domain);
        if (coversFreemail || insideFreemail || hostInList(domain, new Set(['onmicrosoft.com']))) {
          offending.push(`${organization.names[0]}: ${domain}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('have no name claimed by two entries (a policy entry with that name would merge into the first only)', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const organization of KNOWN_ORGANIZATIONS) {
      for (const name of organization.names) {
        const key = foldName(name);
        const owner = owners.get(key);
        if (owner && owner !== organization.names[0]) clashes.push(`${name}: ${owner} / ${organization.names[0]}`);
        owners.set(key, organization.names[0]!);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('avoid bare names that are ordinary words or personal names', () => {
    const names = new Set(KNOWN_ORGANIZATIONS.flatMap((organization) => organization.names.map(foldName)));
    for (const risky of ['chase', 'line', 'citi', 'meta', 'au', 'mod', 'mofa', 'atla', 'outlook', 'teams', 'zoom', 'visa', 'etc', 'イオン', 'みずほ', '佐川', 'box', 'norton']) {
      expect(names.has(foldName(risky))).toBe(false);
    }
  });

  it('include the ministries, agencies and brands named in the design', () => {
    const byName = (name: string) => KNOWN_ORGANIZATIONS.find((organization) => organization.names.some((candidate) => foldName(candidate) === foldName(name)));
    const expectations: [string, string][] = [
      ['外務省', 'mofa.go.jp'],
      ['防衛省', 'mod.go.jp'],
      ['経済産業省', 'meti.go.jp'],
      ['内閣官房', 'cas.go.jp'],
      ['内閣府', 'cao.go.jp'],
      ['首相官邸', 'kantei.go.jp'],
      ['NISC', 'nisc.go.jp'],
      ['警察庁', 'npa.go.jp'],
      ['総務省', 'soumu.go.jp'],
      ['文部科学省', 'mext.go.jp'],
      ['国税庁', 'nta.go.jp'],
      ['日本国際問題研究所', 'jiia.or.jp'],
      ['笹川平和財団', 'spf.org'],
      ['RIETI', 'rieti.go.jp'],
      ['防衛研究所', 'nids.mod.go.jp'],
      ['JAXA', 'jaxa.jp'],
      ['JICA', 'jica.go.jp'],
      ['JETRO', 'jetro.go.jp'],
      ['Microsoft', 'microsoftonline.com'],
      ['OneDrive', 'sharepoint.com'],
      ['アマゾン', 'amazon.co.jp'],
      ['Apple', 'apple.com'],
      ['PayPal', 'paypal.com'],
      ['DocuSign', 'docusign.net'],
      ['Chase Bank', 'chase.com'],
      ['楽天', 'rakuten.co.jp'],
      ['三井住友カード', 'smbc-card.com'],
      ['三菱UFJ銀行', 'mufg.jp'],
      ['みずほ銀行', 'mizuhobank.co.jp'],
      ['ゆうちょ銀行', 'japanpost.jp'],
      ['ヤマト運輸', 'kuronekoyamato.co.jp'],
      ['佐川急便', 'sagawa-exp.co.jp'],
      ['メルカリ', 'mercari.com'],
      ['JCB', 'jcb.co.jp'],
      ['イオンカード', 'aeon.co.jp'],
      ['Yahoo! JAPAN', 'mail.yahoo.co.jp'],
      ['えきねっと', 'eki-net.com'],
      ['ETC利用照会サービス', 'etc-meisai.jp'],
      ['e-Tax', 'nta.go.jp'],
    ];
    for (const [name, domain] of expectations) expect(byName(name)?.domains).toContain(domain);
    // Free mail the brand owns is deliberately absent: anyone can register an address there.
    expect(byName('Microsoft')?.domains).not.toEqual(expect.arrayContaining(['outlook.com']));
    expect(byName('Microsoft')?.domains).not.toContain('onmicrosoft.com');
    expect(byName('Apple')?.domains).not.toContain('icloud.com');
  });

  it('are grouped for the documentation without losing any', () => {
    expect(BUILTIN_ORGANIZATION_GROUPS.reduce((sum, group) => sum + group.organizations.length, 0)).toBe(KNOWN_ORGANIZATIONS.length);
  });
});

describe('built-in lure dictionary', () => {
  it('validates against the schema and uses the documented categories', () => {
    expect(BUILTIN_LURE_KEYWORDS.filter((keyword) => !Value.Check(LureKeywordSchema, keyword))).toEqual([]);
    for (const keyword of BUILTIN_LURE_KEYWORDS) expect(Object.keys(LURE_CATEGORIES)).toContain(keyword.category);
    for (const category of Object.keys(LURE_CATEGORIES)) {
      // Every category has English and Japanese wording, as phrases or as intent words.
      const words = [
        ...BUILTIN_LURE_KEYWORDS.filter((keyword) => keyword.category === category).map((keyword) => keyword.phrase),
        ...BUILTIN_LURE_INTENTS.filter((intent) => intent.category === category).flatMap((intent) => [...intent.objects, ...intent.actions]),
      ];
      expect(words.some((word) => /^[\x20-\x7e]+$/.test(word))).toBe(true);
      expect(words.some((word) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(word))).toBe(true);
    }
  });

  it('has no phrase that contains another (the same words would count twice)', () => {
    const folded = BUILTIN_LURE_KEYWORDS.map((keyword) => ({ phrase: keyword.phrase, key: compactText(keyword.phrase) }));
    const overlapping: string[] = [];
    for (const outer of folded) {
      for (const inner of folded) {
        if (outer !== inner && outer.key.includes(inner.key)) overlapping.push(`"${outer.phrase}" contains "${inner.phrase}"`);
      }
    }
    expect(overlapping).toEqual([]);
  });

  it('weighs payload coaching strongly and topic words weakly', () => {
    const weight = (phrase: string) => BUILTIN_LURE_KEYWORDS.find((keyword) => keyword.phrase === phrase)?.weight;
    expect(weight('enable content')).toBe(5);
    expect(weight('コンテンツの有効化')).toBe(5);
    expect(weight('解凍パスワード')).toBeGreaterThanOrEqual(4);
    expect(weight('台湾海峡')).toBeLessThanOrEqual(2);
    expect(weight('経済安全保障')).toBe(1);
    const maxTopic = Math.max(...BUILTIN_LURE_KEYWORDS.filter((keyword) => keyword.category === 'geopolitics').map((keyword) => keyword.weight));
    expect(maxTopic).toBeLessThanOrEqual(2);
  });
});

describe('built-in risky extensions', () => {
  it('are unique, lower-case, without dots, and each has a kind', () => {
    const extensions = RISKY_EXTENSIONS.map((entry) => entry.extension);
    expect(duplicates(extensions)).toEqual([]);
    expect(extensions.filter((extension) => extension !== extension.toLowerCase() || extension.startsWith('.'))).toEqual([]);
  });

  it('classify the kinds the explanations rely on', () => {
    expect(builtInRiskyExtension('.ISO')?.kind).toBe('disk-image');
    expect(builtInRiskyExtension('lnk')?.kind).toBe('script');
    expect(builtInRiskyExtension('exe')?.kind).toBe('executable');
    expect(builtInRiskyExtension('docm')?.kind).toBe('macro-enabled');
    expect(builtInRiskyExtension('svg')?.kind).toBe('html-smuggling');
    expect(builtInRiskyExtension('one')?.kind).toBe('embedding');
    for (const ordinary of ['pdf', 'docx', 'xlsx', 'zip', 'jpg', 'lib']) expect(builtInRiskyExtension(ordinary)).toBeUndefined();
  });
});

// The STIX export as a threat-intelligence platform sees it: every object valid under the OASIS
// STIX 2.1 JSON schemas, every pattern accepted by the OASIS patterning grammar, URLs that are RFC
// 3986 URIs, and versions (STIX 2.1 §3.6) that move on when triage or a merge changes an object.
// The validators are outside code (tests/validators/stix/README.md); each is shown to refuse a
// deliberately broken export, so a pass means something.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stixBundleErrors, stixObjectErrors, stixPatternErrors } from '../validators/stix/validate';
import { call, fixture, report, startTestServer, type TestServer } from './helpers';
import { isRfc3986Uri } from '../validators/uri';

type StixObject = Record<string, unknown> & { type: string; id: string; created: string; modified: string };
interface Bundle {
  type: string;
  id: string;
  objects: StixObject[];
}


let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ organizationName: 'Example Research Institute' });
});

afterAll(async () => {
  await server.close();
});

async function stix(campaignId: string): Promise<{ bundle: Bundle; text: string }> {
  const response = await call(server, `/api/campaigns/${campaignId}/stix`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { bundle: JSON.parse(text) as Bundle, text };
}

function byId(bundle: Bundle, id: string): StixObject {
  const object = bundle.objects.find((o) => o.id === id);
  if (!object) throw new Error(`no ${id} in the bundle`);
  return object;
}

function urlValues(bundle: Bundle): string[] {
  return bundle.objects
    .filter((o) => o.type === 'indicator' && String(o.pattern).startsWith('[url:value'))
    .map((o) => /^\[url:value = '(.*)'\]$/.exec(String(o.pattern))![1].replace(/\\(['\\])/g, '$1'));
}

/** A lure whose links hold every character WHATWG leaves raw and a stray "%". */
const awkwardLinks = Buffer.from(
  [
    'From: "IT Service Desk" <desk@it-helpdesk-portal.example>',
    'To: alice@example.org',
    'Subject: Mailbox quota exceeded',
    'Message-ID: <quota-1@it-helpdesk-portal.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<a href="https://it-helpdesk-portal.example/q/{id}|x^y[0]`z\\w?ref=a|b%zz&s=100%">Restore quota</a>',
    '<a href="https://it-helpdesk-portal.example/%E2%9C%93/ok">Status</a>',
    '',
  ].join('\r\n'),
);

describe('validated by the OASIS STIX 2.1 schemas and pattern grammar', () => {
  let bundle: Bundle;

  beforeAll(async () => {
    const receipts = [await report(server, fixture('campaign-1.eml')), await report(server, fixture('campaign-2.eml')), await report(server, awkwardLinks)];
    bundle = (await stix(receipts[0].campaignId)).bundle;
    const awkward = (await stix(receipts[2].campaignId)).bundle;
    bundle = { ...bundle, objects: [...bundle.objects, ...awkward.objects.filter((o) => o.type !== 'identity')] };
  });

  test('every object is valid under the schema of its type, and every pattern parses', () => {
    expect(bundle.objects.map((o) => o.type)).toEqual(expect.arrayContaining(['identity', 'campaign', 'indicator', 'relationship']));
    expect(stixBundleErrors(bundle as unknown as Record<string, unknown>)).toEqual([]);
  });

  test('URLs are RFC 3986 URIs: characters WHATWG leaves raw are percent-encoded, a stray "%" becomes %25', () => {
    const urls = urlValues(bundle);
    expect(urls).toContain('https://it-helpdesk-portal.example/q/%7Bid%7D%7Cx%5Ey%5B0%5D%60z/w?ref=a%7Cb%25zz&s=100%25');
    expect(urls).toContain('https://it-helpdesk-portal.example/%E2%9C%93/ok');
    for (const url of urls) expect({ url, valid: isRfc3986Uri(url) }).toEqual({ url, valid: true });
  });

  describe('each validator refuses a deliberately broken export', () => {
    const indicator = () => structuredClone(bundle.objects.find((o) => o.type === 'indicator')!);

    test.each([
      ['without pattern_type', (o: StixObject) => delete o.pattern_type, /required property 'pattern_type'/],
      ['with a timestamp without milliseconds', (o: StixObject) => (o.modified = '2025-01-13T08:01:00Z'), /\/modified: must match pattern/],
      ['with an id that is no UUID', (o: StixObject) => (o.id = 'indicator--not-a-uuid'), /\/id: must match pattern/],
      ['with spec_version 2.2', (o: StixObject) => (o.spec_version = '2.2'), /\/spec_version: must be equal to one of the allowed values/],
      ['with a property name in upper case', (o: StixObject) => (o.Pattern = 'x'), /must NOT have additional properties|must match/],
    ])('the schemas refuse an indicator %s', (_case, breakIt, expected) => {
      const broken = indicator();
      breakIt(broken);
      expect(stixObjectErrors(broken).join('\n')).toMatch(expected);
    });

    test('the schemas refuse a bundle with a foreign envelope', () => {
      expect(stixBundleErrors({ ...bundle, id: 'bundle--1', spec_version: '2.1' })).toEqual(['bundle: id must be a bundle identifier', 'bundle: STIX 2.1 bundles carry no spec_version']);
    });

    test.each([
      ['an unescaped quote', "[url:value = 'https://x.example/it's']"],
      ['a missing bracket', "[domain-name:value = 'x.example'"],
      ['text after the pattern', "[domain-name:value = 'x.example'] OR"],
      ['a comparison without a value', '[email-addr:value = ]'],
    ])('the grammar refuses a pattern with %s', (_case, pattern) => {
      expect(stixPatternErrors(pattern).length).toBeGreaterThan(0);
    });

    test('the URI check refuses what a WHATWG href leaves raw', () => {
      const whatwg = new URL('https://it-helpdesk-portal.example/q/{id}|x^y?ref=a|b%zz').href;
      expect(whatwg).toContain('|');
      expect(isRfc3986Uri(whatwg)).toBe(false);
    });
  });

  test('the vendored parser was generated from the vendored grammar (npx tsx scripts/stix-pattern-parser.ts)', () => {
    const dir = join(__dirname, '..', 'validators', 'stix', 'pattern');
    const hash = createHash('sha256').update(readFileSync(join(dir, 'STIXPattern.g4'))).digest('hex');
    expect(readFileSync(join(dir, 'generated', 'GRAMMAR.sha256'), 'utf8').trim()).toBe(hash);
  });
});

describe('versions (STIX 2.1 §3.6)', () => {
  test('export, triage, export: the indicators publish a new version with the verdict; created and ids never change', async () => {
    const receipt = await report(server, fixture('campaign-3.eml'));
    const first = await stix(receipt.campaignId);
    const indicators = first.bundle.objects.filter((o) => o.type === 'indicator');
    expect(indicators.length).toBeGreaterThan(0);
    for (const indicator of indicators) expect(indicator.indicator_types).toEqual(['anomalous-activity']);

    // Unchanged: the same bytes again.
    expect((await stix(receipt.campaignId)).text).toBe(first.text);

    const triage = await call(server, `/api/campaigns/${receipt.campaignId}`, { method: 'PATCH', json: { disposition: 'malicious' } });
    expect(triage.status).toBe(200);
    const second = await stix(receipt.campaignId);
    expect(stixBundleErrors(second.bundle as unknown as Record<string, unknown>)).toEqual([]);
    expect(second.bundle.id).not.toBe(first.bundle.id);
    for (const before of indicators) {
      const after = byId(second.bundle, before.id);
      expect(after.indicator_types).toEqual(['malicious-activity']);
      expect(after.created).toBe(before.created);
      expect(after.modified > before.modified).toBe(true);
    }
    // Objects triage did not change keep their version.
    for (const type of ['identity', 'campaign', 'relationship']) {
      for (const before of first.bundle.objects.filter((o) => o.type === type)) expect(byId(second.bundle, before.id)).toEqual(before);
    }
    expect((await stix(receipt.campaignId)).text).toBe(second.text);
  });

  test('a merge keeps the older campaign and its objects\' created, revokes what was published for the absorbed one and relates the two', async () => {
    const lure = (n: number, subject: string, link: string) =>
      Buffer.from(
        [
          `From: "Conference Office" <office${n}@conf-secretariat${n}.example>`,
          'To: alice@example.org',
          `Subject: ${subject}`,
          `Message-ID: <merge-${n}@conf-secretariat${n}.example>`,
          '',
          link,
          '',
        ].join('\r\n'),
      );
    const older = await report(server, lure(1, 'Invitation: Indo-Pacific security dialogue', 'https://conf-secretariat1.example/register/7731'));
    const younger = await report(server, lure(2, 'Panel on maritime security', 'https://conf-secretariat2.example/agenda/5521'));
    expect(younger.campaignId).not.toBe(older.campaignId);
    const olderBefore = (await stix(older.campaignId)).bundle;
    const youngerBefore = (await stix(younger.campaignId)).bundle;

    // One report that links both landing pages proposes the merge (a reporter's report never merges on
    // its own); the analyst accepts it.
    const bridge = await report(server, lure(3, 'Updated programme', 'https://conf-secretariat1.example/register/7731\r\nhttps://conf-secretariat2.example/agenda/5521'));
    expect([older.campaignId, younger.campaignId]).toContain(bridge.campaignId);
    const accepted = await call(server, `/api/campaigns/${older.campaignId}/merge`, { json: { campaignId: younger.campaignId } });
    expect(accepted.status).toBe(200);

    const merged = (await stix(older.campaignId)).bundle;
    expect(stixBundleErrors(merged as unknown as Record<string, unknown>)).toEqual([]);
    const olderCampaign = olderBefore.objects.find((o) => o.type === 'campaign')!;
    const survivor = byId(merged, olderCampaign.id);
    expect(survivor.created).toBe(olderCampaign.created);
    expect(survivor.revoked).toBeUndefined();
    for (const before of olderBefore.objects.filter((o) => o.type === 'indicator')) expect(byId(merged, before.id).created).toBe(before.created);

    // Everything published for the absorbed campaign comes back revoked, as a newer version.
    for (const before of youngerBefore.objects.filter((o) => o.type !== 'identity')) {
      const after = byId(merged, before.id);
      expect(after).toMatchObject({ revoked: true, created: before.created });
      expect(after.modified > before.modified).toBe(true);
    }
    const absorbed = youngerBefore.objects.find((o) => o.type === 'campaign')!;
    expect(merged.objects).toContainEqual(expect.objectContaining({ type: 'relationship', relationship_type: 'duplicate-of', source_ref: absorbed.id, target_ref: survivor.id }));
    // The absorbed campaign's id resolves to the survivor's bundle.
    expect((await stix(younger.campaignId)).text).toBe(JSON.stringify(merged, null, 2));
  });
});

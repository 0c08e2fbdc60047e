import { parsePolicyJson, validatePolicy, MAX_REPORTED_ERRORS } from '../../src/policy/validate';

function errorsOf(value: unknown): string[] {
  const result = validatePolicy(value);
  if (result.ok) throw new Error('expected the policy to be rejected');
  return result.errors;
}

describe('validatePolicy', () => {
  it('accepts an empty policy and returns the same object', () => {
    const policy = {};
    const result = validatePolicy(policy);
    expect(result.ok).toBe(true);
    expect(result.ok && result.policy).toBe(policy);
  });

  it('explains a wrong type with the expected shape and what was found', () => {
    expect(errorsOf({ organizationDomains: 'example.or.jp' })).toEqual([
      'organizationDomains: must be a list in brackets [ ] like ["example.or.jp"], not text "example.or.jp"',
    ]);
    expect(errorsOf({ protectedPeople: [{ name: 42 }] })).toEqual(['protectedPeople/0/name: must be text in double quotes, not the number 42']);
    expect(errorsOf({ reporting: [] })[0]).toMatch(/^reporting: must be an object in braces \{ \}.*, not a list$/);
    expect(errorsOf(null)).toEqual(['(policy): must be an object in braces { }, not null']);
  });

  it('points at the exact entry of a bad email address', () => {
    const errors = errorsOf({ protectedPeople: [{ name: 'Kenji Watanabe', emails: ['k.watanabe@example.or.jp', 'k.watanabe'] }] });
    expect(errors).toEqual(['protectedPeople/0/emails/1: must be an email address like name@example.or.jp (got text "k.watanabe")']);
  });

  it('rejects unknown fields at every level and suggests the intended one', () => {
    expect(errorsOf({ protectedPeple: [] })).toEqual(['protectedPeple: unknown field; did you mean "protectedPeople"?']);
    expect(errorsOf({ OrganizationDomains: [] })).toEqual(['OrganizationDomains: unknown field; did you mean "organizationDomains"?']);
    expect(errorsOf({ endpointUrl: 'https://lurelens.example.or.jp/api/reports' })).toEqual([
      'endpointUrl: unknown field here; "endpointUrl" belongs inside "reporting"',
    ]);
    expect(errorsOf({ protectedPeople: [{ name: 'Yuko Sato', email: ['y.sato@example.or.jp'] }] })).toEqual([
      'protectedPeople/0/email: unknown field; did you mean "emails"?',
    ]);
    const [unrelated] = errorsOf({ colour: 'blue' });
    expect(unrelated).toMatch(/^colour: unknown field \(allowed here: organizationDomains, protectedPeople, .*reporting, senderHistory\)$/);
  });

  it('requires https for the intake URL except on this machine', () => {
    expect(errorsOf({ reporting: { endpointUrl: 'http://lurelens.example.or.jp/api/reports' } })[0]).toMatch(
      /^reporting\/endpointUrl: must be an https:\/\/ URL like .* \(plain http:\/\/ only for localhost or 127\.0\.0\.1\)/,
    );
    expect(errorsOf({ reporting: { endpointUrl: 'ftp://example.or.jp/' } })).toHaveLength(1);
    expect(errorsOf({ reporting: { endpointUrl: 'https://' } })).toHaveLength(1);
    expect(errorsOf({ reporting: { endpointUrl: 'https://lure lens.example.or.jp/' } })).toHaveLength(1);
    for (const url of ['https://lurelens.example.or.jp/api/reports', 'http://localhost:3000/api/reports', 'http://127.0.0.1:8443/api/reports', 'http://[::1]:3000/api/reports']) {
      expect(validatePolicy({ reporting: { endpointUrl: url } }).ok).toBe(true);
    }
  });

  it('keeps lure weights between 1 and 5 and whole', () => {
    expect(errorsOf({ lureKeywords: [{ phrase: '台湾有事', weight: 7 }] })).toEqual(['lureKeywords/0/weight: must be from 1 to 5 (got 7)']);
    expect(errorsOf({ lureKeywords: [{ phrase: '台湾有事', weight: 0 }] })).toEqual(['lureKeywords/0/weight: must be from 1 to 5 (got 0)']);
    expect(errorsOf({ lureKeywords: [{ phrase: '台湾有事', weight: 2.5 }] })).toEqual(['lureKeywords/0/weight: must be a whole number (got 2.5)']);
    expect(errorsOf({ lureKeywords: [{ phrase: '台湾有事', weight: '3' }] })).toEqual(['lureKeywords/0/weight: must be a number, not text "3"']);
  });

  it('says which required field is missing, once', () => {
    expect(errorsOf({ protectedPeople: [{ aliases: ['渡辺 健二'] }] })).toEqual(['protectedPeople/0/name: is required here']);
    expect(errorsOf({ knownOrganizations: [{ names: ['例示財団'] }] })).toEqual(['knownOrganizations/0/domains: is required here']);
  });

  it('rejects domains written as URLs, addresses, wildcards or IP addresses', () => {
    const bad = ['https://example.or.jp', 'user@example.or.jp', '*.example.or.jp', 'example.or.jp/path', '192.0.2.1', 'localhost', 'ex_ample.jp', 'example .jp', '-example.jp'];
    const errors = errorsOf({ trustedDomains: bad });
    expect(errors).toHaveLength(bad.length);
    expect(errors[0]).toBe(
      'trustedDomains/0: must be a domain name like example.or.jp (no https://, path, @ or *; subdomains are included automatically) (got text "https://example.or.jp")',
    );
  });

  it('accepts domains in any case, with a trailing dot, in Japanese or full-width', () => {
    expect(validatePolicy({ trustedDomains: ['Example.GO.jp', 'example.or.jp.', '外務省.jp', 'ｅｘａｍｐｌｅ.jp', 'xn--eckwd4c7c.xn--zckzah'] }).ok).toBe(true);
  });

  it('explains limits on length, count, repeats and choices', () => {
    expect(errorsOf({ lureKeywords: [{ phrase: 'x' }] })).toEqual(['lureKeywords/0/phrase: must be at least 2 characters long']);
    expect(errorsOf({ lureKeywords: [{ phrase: '   ' }] })).toEqual(['lureKeywords/0/phrase: must contain visible characters, not only spaces (got text "   ")']);
    expect(errorsOf({ lureKeywords: [{ phrase: 'あ'.repeat(201) }] })).toEqual(['lureKeywords/0/phrase: must be at most 200 characters long (has 201)']);
    expect(errorsOf({ protectedPeople: [{ name: 'Kenji Watanabe', aliases: Array.from({ length: 51 }, (_, i) => `alias ${i}`) }] })).toEqual([
      'protectedPeople/0/aliases: may have at most 50 entries (has 51)',
    ]);
    expect(errorsOf({ reporting: { channels: ['compose', 'compose'], securityMailbox: 'security@example.or.jp' } })).toEqual([
      'reporting/channels: lists the same value more than once',
    ]);
    expect(errorsOf({ reporting: { channels: ['email'] } })).toEqual(['reporting/channels/0: must be one of "endpoint", "mailbox", "compose" (got text "email")']);
    expect(errorsOf({ reporting: { afterReport: 'delete' } })).toEqual([
      'reporting/afterReport: must be one of "junk", "deletedItems", "reportedFolder", "leave" (got text "delete")',
    ]);
    expect(errorsOf({ lureKeywords: [{ phrase: '台湾有事', category: 'Geo Politics' }] })[0]).toMatch(/^lureKeywords\/0\/category: must be a lower-case word/);
    expect(errorsOf({ reporting: { entraClientId: 'my-app' } })[0]).toMatch(/^reporting\/entraClientId: must be an application \(client\) ID/);
  });

  it.each([
    'api://lurelens.example.or.jp/4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73/Reports.Submit',
    'api://4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73/Reports.Submit',
    'https://contoso.onmicrosoft.com/lurelens/Reports.Submit',
    '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73/Reports.Submit',
    'api://4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73/.default',
  ])('accepts the API scope %s in the forms Entra gives it', (scope) => {
    expect(validatePolicy({ reporting: { endpointScope: scope } }).ok).toBe(true);
  });

  it.each([
    ['a bare scope name', 'Reports.Submit'],
    ['an Application ID URI without the scope', 'api://lurelens.example.or.jp/'],
    ['spaces', 'api://lurelens.example.or.jp/Reports Submit'],
    ['two scopes', 'api://a.example/Reports.Submit api://a.example/Other'],
    ['plain http', 'http://lurelens.example.or.jp/Reports.Submit'],
  ])('refuses an API scope with %s, saying what one looks like', (_, scope) => {
    expect(errorsOf({ reporting: { endpointScope: scope } })).toEqual([expect.stringMatching(/^reporting\/endpointScope: must be a full API scope like api:\/\//)]);
  });

  it('rejects reporting settings that could never take effect', () => {
    expect(errorsOf({ reporting: { channels: ['endpoint'] } })).toEqual(['reporting/endpointUrl: is required because reporting/channels lists "endpoint"']);
    expect(errorsOf({ reporting: { channels: ['mailbox'], securityMailbox: 'security@example.or.jp' } })).toEqual([
      'reporting/entraClientId: is required because reporting/channels lists "mailbox" (it signs in to Microsoft Graph)',
    ]);
    expect(errorsOf({ reporting: { channels: ['compose'] } })).toEqual([
      'reporting/securityMailbox: is required because reporting/channels lists "compose" (the prefilled message needs a recipient)',
    ]);
    expect(errorsOf({ reporting: { endpointToken: 'llr_0123456789abcdef' } })).toEqual([
      'reporting/endpointToken: is set but reporting/endpointUrl is not, so the token would never be used',
    ]);    expect(errorsOf({ senderHistory: true })).toEqual([
      'reporting/entraClientId: is required because senderHistory is true (the pane reads the mailbox through Microsoft Graph with this app)',
    ]);
    expect(validatePolicy({ senderHistory: true, reporting: { entraClientId: '4f1c2b7e-9a3d-4e8b-b6c5-2d0a1f9e8c73' } }).ok).toBe(true);
    expect(errorsOf({ senderHistory: 'yes' })[0]).toMatch(/^senderHistory: /);
  });

  it('stops listing after a bounded number of problems', () => {
    const errors = errorsOf({ trustedDomains: Array.from({ length: 500 }, () => 'not a domain') });
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors[MAX_REPORTED_ERRORS]).toMatch(/and more/);
  });
});

describe('parsePolicyJson', () => {
  const errorsFor = (text: string, source?: string): string[] => {
    const result = parsePolicyJson(text, source);
    if (result.ok) throw new Error('expected the text to be rejected');
    return result.errors;
  };

  it('parses and validates a good file', () => {
    const result = parsePolicyJson('{ "organizationDomains": ["example.or.jp"] }');
    expect(result).toEqual({ ok: true, policy: { organizationDomains: ['example.or.jp'] } });
  });

  it('gives schema errors the line and column of the offending value', () => {
    const text = ['{', '  "protectedPeople": [', '    {', '      "name": "Kenji Watanabe",', '      "emails": ["k.watanabe@example.or.jp", "k.watanabe"]', '    }', '  ]', '}'].join('\n');
    expect(errorsFor(text)).toEqual([
      'policy.json:5:46: protectedPeople/0/emails/1: must be an email address like name@example.or.jp (got text "k.watanabe")',
    ]);
  });

  it('points unknown fields at their name and missing ones at their parent', () => {
    expect(errorsFor('{\n  "trustedDomain": []\n}', 'tenant/policy.json')).toEqual(['tenant/policy.json:2:3: trustedDomain: unknown field; did you mean "trustedDomains"?']);
    expect(errorsFor('{\n  "protectedPeople": [\n    { "aliases": [] }\n  ]\n}')).toEqual(['policy.json:3:5: protectedPeople/0/name: is required here']);
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(errorsFor('{\n  "organizationDomains": ["example.or.jp",]\n}')).toEqual(['policy.json:2:42: remove this comma: JSON allows no comma before "]"']);
    expect(errorsFor('{\n  "organizationDomains": ["example.or.jp"]\n  "trustedDomains": []\n}')).toEqual(['policy.json:3:3: missing comma (",") before this field']);
    expect(errorsFor('{\n  "organizationDomains": ["example.or.jp"]')).toEqual([
      'policy.json:2:43: the object opened at line 1, column 1 is never closed with "}"',
    ]);
  });

  it('refuses a field written twice, which JSON.parse would silently drop', () => {
    expect(errorsFor('{\n  "trustedDomains": ["a.example.jp"],\n  "trustedDomains": ["b.example.jp"]\n}')).toEqual([
      'policy.json:3:3: field "trustedDomains" appears twice in this object (first at line 2, column 3); JSON would silently keep only the last one, so remove or merge one',
    ]);
  });

  it('ignores a byte-order mark without shifting columns', () => {
    expect(parsePolicyJson('\ufeff{}').ok).toBe(true);
    expect(errorsFor('\ufeff{"x": 1}')[0]).toMatch(/^policy\.json:1:2: x: unknown field/);
  });

  it('refuses oversized text before parsing it', () => {
    expect(errorsFor(' '.repeat(5 * 1024 * 1024 + 1))[0]).toMatch(/^policy\.json: is \d+ characters long; a policy may be at most/);
  });
});

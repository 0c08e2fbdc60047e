import { createPolicyLoader } from '../../src/office/policy-source';

function respond(status: number, body = '') {
  return jest.fn(async () => new Response(body, { status }));
}

describe('policy loader', () => {
  it('uses the defaults without a warning when policy.json is absent', async () => {
    const fetch = respond(404);
    const load = createPolicyLoader({ url: 'https://addin.example/policy.json', fetch });
    const result = await load('aiko@example.co.jp');
    expect(result.source).toBe('defaults');
    expect(result.problem).toBeUndefined();
    // The mailbox's own domain stands in for the organisation.
    expect(result.policy.organizationDomains).toEqual(['example.co.jp']);
  });

  it('applies a valid policy.json and fetches it only once', async () => {
    const fetch = respond(200, JSON.stringify({ organizationDomains: ['example.org'] }));
    const load = createPolicyLoader({ url: 'https://addin.example/policy.json', fetch });
    const a = await load('aiko@example.co.jp');
    const b = await load('aiko@example.co.jp');
    expect(a.source).toBe('file');
    expect(a.policy.organizationDomains).toEqual(['example.org']);
    expect(b.policy).toBe(a.policy);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('falls back to the defaults with an "invalid" problem listing the errors', async () => {
    const load = createPolicyLoader({ url: 'https://addin.example/policy.json', fetch: respond(200, '{"organizationDomains": 5}') });
    const result = await load('aiko@example.co.jp');
    expect(result.source).toBe('defaults');
    expect(result.problem?.kind).toBe('invalid');
    expect(result.problem?.kind === 'invalid' && result.problem.errors.length).toBeGreaterThan(0);
  });

  it('reports an unreachable file and tries again next time', async () => {
    const fetch = jest.fn().mockRejectedValueOnce(new TypeError('network down')).mockResolvedValueOnce(new Response('', { status: 404 }));
    const load = createPolicyLoader({ url: 'https://addin.example/policy.json', fetch });
    expect((await load('a@example.com')).problem).toEqual({ kind: 'unreachable', detail: 'network down' });
    expect((await load('a@example.com')).problem).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('policy loader: the schema checker is a separate script', () => {
  afterEach(() => {
    jest.dontMock('../../src/policy/validate');
    jest.resetModules();
  });

  function loaderWithChecker(checker: () => unknown) {
    let createLoader!: typeof createPolicyLoader;
    jest.isolateModules(() => {
      jest.doMock('../../src/policy/validate', checker);
      ({ createPolicyLoader: createLoader } = require('../../src/office/policy-source'));
    });
    return createLoader;
  }

  it('is not loaded when there is no policy.json', async () => {
    const checker = jest.fn(() => jest.requireActual('../../src/policy/validate'));
    const load = loaderWithChecker(checker)({ url: 'https://addin.example/policy.json', fetch: respond(404) });
    expect((await load('aiko@example.co.jp')).source).toBe('defaults');
    expect(checker).not.toHaveBeenCalled();
  });

  it('when it cannot be fetched, the defaults apply with an "unreachable" problem and the file is fetched again next time', async () => {
    let attempts = 0;
    const checker = () => {
      attempts += 1;
      if (attempts === 1) throw new Error('Loading chunk policy-check failed');
      return jest.requireActual('../../src/policy/validate');
    };
    const fetch = respond(200, JSON.stringify({ organizationDomains: ['example.org'] }));
    const load = loaderWithChecker(checker)({ url: 'https://addin.example/policy.json', fetch });
    const first = await load('aiko@example.co.jp');
    expect(first.source).toBe('defaults');
    expect(first.problem).toEqual({ kind: 'unreachable', detail: 'Loading chunk policy-check failed' });
    const second = await load('aiko@example.co.jp');
    expect(second.source).toBe('file');
    expect(second.policy.organizationDomains).toEqual(['example.org']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

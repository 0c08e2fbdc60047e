import { createPolicyLoader, type ValidatedPolicyMemo } from '../../src/office/policy-source';

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

describe('policy loader: a policy.json this device already checked needs no checker', () => {
  afterEach(() => {
    jest.dontMock('../../src/policy/validate');
    jest.resetModules();
  });

  /** One pane session: a new loader with its own module registry, counting loads of the checker. */
  function session(memo: ValidatedPolicyMemo, text: string, counter: { loads: number }) {
    // The checker is imported after isolateModules returns, from the shared registry: start it afresh.
    jest.resetModules();
    let createLoader!: typeof createPolicyLoader;
    jest.isolateModules(() => {
      jest.doMock('../../src/policy/validate', () => {
        counter.loads += 1;
        return jest.requireActual('../../src/policy/validate');
      });
      ({ createPolicyLoader: createLoader } = require('../../src/office/policy-source'));
    });
    return createLoader({ url: 'https://addin.example/policy.json', fetch: respond(200, text), memo })('aiko@example.co.jp');
  }

  function memoryStorage(): ValidatedPolicyMemo['storage'] & { items: Map<string, string> } {
    const items = new Map<string, string>();
    return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
  }

  const valid = JSON.stringify({ organizationDomains: ['example.org'] });

  it('checks a policy once, then applies the same text at once in later sessions', async () => {
    const memo = { checker: 'build-1', storage: memoryStorage() };
    const counter = { loads: 0 };
    expect((await session(memo, valid, counter)).policy.organizationDomains).toEqual(['example.org']);
    const later = await session(memo, valid, counter);
    expect(later.source).toBe('file');
    expect(later.policy.organizationDomains).toEqual(['example.org']);
    expect(counter.loads).toBe(1);
  });

  it.each([
    ['the file changed', { organizationDomains: ['example.net'] }, 'build-1'],
    ['the add-in has another checker', { organizationDomains: ['example.org'] }, 'build-2'],
  ])('checks again when %s', async (_case, next, checker) => {
    const storage = memoryStorage();
    const counter = { loads: 0 };
    await session({ checker: 'build-1', storage }, valid, counter);
    const again = await session({ checker, storage }, JSON.stringify(next), counter);
    expect(again.policy.organizationDomains).toEqual(next.organizationDomains);
    expect(counter.loads).toBe(2);
  });

  it('never remembers an invalid policy, and a broken memo only means checking again', async () => {
    const storage = memoryStorage();
    const counter = { loads: 0 };
    const invalid = '{"organizationDomains": 5}';
    expect((await session({ checker: 'build-1', storage }, invalid, counter)).problem?.kind).toBe('invalid');
    expect((await session({ checker: 'build-1', storage }, invalid, counter)).problem?.kind).toBe('invalid');
    storage.items.set('lurelens.policy.checked', '{not json');
    expect((await session({ checker: 'build-1', storage }, valid, counter)).source).toBe('file');
    expect(counter.loads).toBe(3);
  });
});

// The console's pure parts: defanging, hash routes, and the API client's error handling.
import { Api, ApiError, safeFilename, type FetchLike } from '../../src/console/api';
import { defangAddress, defangDomain, defangIndicator, defangText, defangUrl } from '../../src/console/defang';
import { formatRoute, parseRoute } from '../../src/console/routing';

describe('defang', () => {
  test.each([
    ['https://login.evil.example/reset?u=1.2', 'hxxps://login[.]evil[.]example/reset?u=1.2'],
    ['HTTP://Evil.Example', 'hxxp://Evil[.]Example'],
    ['http://203.0.113.9:8080/x', 'hxxp://203[.]0[.]113[.]9:8080/x'],
    ['https://user@evil.example/', 'hxxps://user@evil[.]example/'],
    ['ftp://files.evil.example/a.exe', 'fxp://files[.]evil[.]example/a.exe'],
    ['mailto:a@b.example', 'mailto:a@b[.]example'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['evil.example/path', 'evil[.]example/path'],
  ])('%s -> %s', (input, expected) => {
    expect(defangUrl(input)).toBe(expected);
  });

  test('domains, addresses and indicators', () => {
    expect(defangDomain('a.b.example')).toBe('a[.]b[.]example');
    expect(defangAddress('hr@payroll.example')).toBe('hr@payroll[.]example');
    expect(defangIndicator('url-domain', 'docs.example')).toBe('docs[.]example');
    expect(defangIndicator('sender-domain', 'docs.example')).toBe('docs[.]example');
    expect(defangIndicator('reply-to', 'x@y.example')).toBe('x@y[.]example');
    const hash = 'ab'.repeat(32);
    expect(defangIndicator('attachment', hash)).toBe(hash);
  });

  test('URLs and www. hosts inside free text, Japanese brackets end a URL', () => {
    expect(defangText('Go to https://evil.example/a now, or www.evil.example/b.')).toBe('Go to hxxps://evil[.]example/a now, or www[.]evil[.]example/b.');
    expect(defangText('「https://evil.example/ログイン」から')).toBe('「hxxps://evil[.]example/ログイン」から');
    expect(defangText('no links here. none.')).toBe('no links here. none.');
  });

  test('is linear on hostile input (a megabyte of near-URLs)', () => {
    const input = 'http:/'.repeat(200_000) + 'https://' + 'a.'.repeat(200_000);
    const out = defangText(input);
    expect(out.length).toBeGreaterThan(input.length);
  });
});

describe('routes', () => {
  const id = '0a1b2c3d-0000-4000-8000-000000000001';
  test('parse and format round-trip', () => {
    for (const hash of ['#/reports', `#/reports/${id}`, '#/campaigns', '#/campaigns?offset=50', `#/campaigns/${id}`, `#/reports?verdict=dangerous&disposition=pending&campaign=${id}&reporter=a%40example.org&q=%E7%B5%A6%E4%B8%8E&offset=100`]) {
      expect(formatRoute(parseRoute(hash))).toBe(hash);
    }
  });

  test('unknown or malformed routes fall back to the inbox; invalid filter values are dropped', () => {
    expect(parseRoute('')).toEqual({ kind: 'reports', query: {} });
    expect(parseRoute('#/nowhere')).toEqual({ kind: 'reports', query: {} });
    expect(parseRoute('#/reports/not-an-id')).toEqual({ kind: 'reports', query: {} });
    expect(parseRoute('#/reports?verdict=evil&disposition=x&campaign=1&offset=-5&q=%20')).toEqual({ kind: 'reports', query: {} });
  });
});

describe('API client', () => {
  function fake(status: number, body: unknown, headers: Record<string, string> = {}): { fetch: FetchLike; seen: { url: string; init: Parameters<FetchLike>[1] }[] } {
    const seen: { url: string; init: Parameters<FetchLike>[1] }[] = [];
    return {
      seen,
      fetch: async (url, init) => {
        seen.push({ url, init });
        return {
          ok: status >= 200 && status < 300,
          status,
          headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
          json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
          text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
          blob: async () => new Blob([typeof body === 'string' ? body : JSON.stringify(body)]),
        };
      },
    };
  }

  test('sends the bearer token and builds queries without empty filters', async () => {
    const { fetch, seen } = fake(200, { items: [], total: 0, limit: 50, offset: 0 });
    await new Api({ token: 'secret-token-value', baseUrl: 'https://svc.example/', fetch }).listReports({ verdict: 'dangerous', q: '', reporter: 'a@b.example', offset: 0 });
    expect(seen[0].url).toBe('https://svc.example/api/reports?verdict=dangerous&reporter=a%40b.example&offset=0');
    expect(seen[0].init.headers.authorization).toBe('Bearer secret-token-value');
    expect(seen[0].init.method).toBe('GET');
  });

  test("errors carry the service's code and message; 401 also signs out", async () => {
    const onUnauthorized = jest.fn();
    const bad = fake(400, { error: 'validation', message: 'body/note: must NOT have more than 10000 characters' });
    await expect(new Api({ token: 't', fetch: bad.fetch, onUnauthorized }).triageReport('x', { note: 'n' })).rejects.toMatchObject({
      status: 400,
      code: 'validation',
      message: 'body/note: must NOT have more than 10000 characters',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(bad.seen[0].init).toMatchObject({ method: 'PATCH', body: '{"note":"n"}' });
    expect(bad.seen[0].init.headers['content-type']).toBe('application/json');

    const expired = fake(401, { error: 'unauthorized', message: 'The bearer token is not valid.' });
    await expect(new Api({ token: 't', fetch: expired.fetch, onUnauthorized }).getReport('x')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  test('a non-JSON error page and an unreachable service still give a readable error', async () => {
    const proxy = fake(502, '<html>Bad gateway</html>');
    await expect(new Api({ token: 't', fetch: proxy.fetch }).status()).rejects.toMatchObject({ status: 502, code: 'http', message: 'The service answered 502.' });
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(new Api({ token: 't', fetch: down }).status()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  test('downloads only from the API, with a safe file name', async () => {
    const file = fake(200, 'raw', { 'content-disposition': 'attachment; filename="../../evil name.eml"' });
    const api = new Api({ token: 't', fetch: file.fetch });
    const download = await api.download('/api/reports/x/eml', 'fallback.eml');
    expect(download.filename).toBe('_.._evil_name.eml');
    await expect(api.download('https://evil.example/x', 'x')).rejects.toBeInstanceOf(ApiError);
    expect(safeFilename(null, 'report.eml')).toBe('report.eml');
    expect(safeFilename('attachment; filename="campaign-1.stix.json"', 'x')).toBe('campaign-1.stix.json');
  });
});

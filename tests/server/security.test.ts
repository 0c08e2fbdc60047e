// What protects the service and its users: security headers on every answer, CORS for the add-in's
// origin only, rate limits, logs without tokens or message content, the add-in's files and policy,
// and clear refusals to start with a bad configuration.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { buildServer } from '../../src/server/app';
import { ANALYST, FIXTURES, PUBLIC_URL, REPORTER, call, fixture, postReport, report, startTestServer, submission, testConfig, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('security headers', () => {
  const expectBaseline = (response: Response, { officeScripts = true } = {}) => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    if (officeScripts) expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  };

  test('on API answers, errors and unknown paths, which may never be framed', async () => {
    const responses = [
      await call(server, '/api/reports'),
      await call(server, '/api/reports', { token: null }),
      await call(server, '/no/such/path'),
      await fetch(server.url + '/healthz'),
    ];
    for (const response of responses) {
      expectBaseline(response);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(responses[0].headers.get('cache-control')).toBe('no-store');
    expect(responses[2].status).toBe(404);
    expect(await responses[2].json()).toEqual({ error: 'not_found', message: expect.any(String) });
  });

  test('on the add-in pages, which Outlook frames', async () => {
    for (const page of ['/taskpane.html', '/commands.html', '/taskpane.js', '/assets/icon-16.png']) {
      const response = await fetch(server.url + page);
      expect([page, response.status]).toEqual([page, 200]);
      expectBaseline(response);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/outlook\.office\.com https:\/\/outlook\.office365\.com/);
      expect(csp).not.toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    }
    const html = await (await fetch(server.url + '/taskpane.html')).text();
    expect(html).toContain('Test fixture task pane');
    expect((await fetch(server.url + '/assets/icon-16.png')).headers.get('content-type')).toBe('image/png');
    // Encoded traversal out of the web root finds nothing.
    const traversal = await fetch(server.url + '/assets/..%2f..%2f..%2fpolicy.json');
    expect(traversal.status).toBeGreaterThanOrEqual(400);
    expect(traversal.status).toBeLessThan(500);
    expect(await traversal.text()).not.toContain('organizationDomains');
    expect((await fetch(server.url + '/assets/missing.png')).status).toBe(404);
  });

  test('on the triage console, however its path is spelt: never framed, this origin only', async () => {
    // Encoded, doubled and dotted spellings reach the same file through the static server.
    for (const page of ['/console.html', '/console.html?x=1', '/%63onsole.html', '/console%2Ehtml', '//console.html', '/./console.html', '/x/../console.html']) {
      const response = await fetch(server.url + page);
      expect([page, response.status]).toEqual([page, 200]);
      expect(await response.text()).toContain('Test fixture console');
      expectBaseline(response, { officeScripts: false });
      const csp = response.headers.get('content-security-policy')!;
      expect([page, csp]).toEqual([page, expect.stringContaining("frame-ancestors 'none'")]);
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self';");
      expect(csp).not.toContain('appsforoffice');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  test('the preview and its samples exist only when the service is started with --preview', async () => {
    for (const page of ['/preview.html', '/samples/sample.eml', '/%70review.html']) {
      expect([page, (await fetch(server.url + page)).status]).toEqual([page, 404]);
    }
    const demo = await startTestServer({ preview: true });
    try {
      const response = await fetch(demo.url + '/preview.html');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect((await fetch(demo.url + '/samples/sample.eml')).status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});

describe('CORS', () => {
  test("allows the add-in's origin (publicUrl) only", async () => {
    const allowed = await call(server, '/api/reports', { headers: { origin: PUBLIC_URL } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
    const other = await call(server, '/api/reports', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('answers the preflight of a report submission for the allowed origin only', async () => {
    const preflight = (origin: string) =>
      fetch(server.url + '/api/reports', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
    const ok = await preflight(PUBLIC_URL);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const denied = await preflight('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('logs', () => {
  test('contain request lines but no token, status token, message body or subject', async () => {
    const marker = `SECRET-BODY-MARKER-${randomUUID()}`;
    const eml = Buffer.from(
      `From: "Leaky" <leak@logs.example>\r\nTo: a@example.org\r\nSubject: Subject-Marker-${marker}\r\nMessage-ID: <${marker}@logs.example>\r\n\r\nBody text ${marker}\r\nhttps://logs.example/${marker}\r\n`,
    );
    const body = submission(eml, { comment: `comment ${marker}` });
    const before = server.logs.length;
    const receipt = await (await postReport(server, body)).json();
    await call(server, `/api/reports/${receipt.id}`);
    await call(server, `/api/reports?q=${marker}`);
    await call(server, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': receipt.statusToken } });
    await postReport(server, { ...body, eml: 'not base64 ' + marker });
    await call(server, '/api/reports', { method: 'POST', token: REPORTER, body: `{"comment": "${marker}`, headers: { 'content-type': 'application/json' } });
    await postReport(server, body, `wrong-${marker}`);
    const lines = server.logs.slice(before);
    expect(lines.length).toBeGreaterThan(10);
    const text = lines.join('');
    expect(text).toContain(receipt.id);
    expect(text).toContain('"url":"/api/reports"');
    for (const secret of [ANALYST, REPORTER, receipt.statusToken, marker, body.eml.slice(0, 40)]) {
      expect(text).not.toContain(secret);
    }
    // Every line is JSON (structured logs).
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('rate limits', () => {
  test('answer 429 with the JSON error body when a client sends too much', async () => {
    const limited = await startTestServer({ rateLimit: { max: 1000, timeWindowMs: 60_000, reportsMax: 2, unverifiedReportsMax: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postReport(limited, submission(fixture('unrelated.eml')))).status);
      expect(statuses).toEqual([201, 201, 429]);
      const refused = await postReport(limited, submission(fixture('unrelated.eml')));
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('retry') });
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      // Other routes have their own, larger budget.
      expect((await call(limited, '/api/reports')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test('a percent-encoded API path is limited like the plain one', async () => {
    const limited = await startTestServer({ rateLimit: { max: 1000, timeWindowMs: 60_000, reportsMax: 2, unverifiedReportsMax: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await call(limited, '/%61pi/reports', { method: 'POST', json: submission(fixture('unrelated.eml')), token: REPORTER })).status);
      }
      expect(statuses).toEqual([201, 201, 429]);
      const listed = await call(limited, '/%61pi/reports');
      expect(listed.status).toBe(200);
      expect(listed.headers.get('cache-control')).toBe('no-store');
    } finally {
      await limited.close();
    }
  });

  test('limit the API only: the add-in files, manifest and policy stay available', async () => {
    const limited = await startTestServer({ rateLimit: { max: 2, timeWindowMs: 60_000, reportsMax: 2 } });
    try {
      const api: number[] = [];
      for (let i = 0; i < 3; i++) api.push((await call(limited, '/api/reports')).status);
      expect(api).toEqual([200, 200, 429]);
      for (let i = 0; i < 4; i++) {
        for (const file of ['/taskpane.html', '/assets/icon-16.png', '/manifest.xml', '/policy.json']) {
          expect([file, (await fetch(limited.url + file)).status]).toEqual([file, 200]);
        }
      }
    } finally {
      await limited.close();
    }
  });
});

describe('add-in deployment files', () => {
  test('/manifest.xml is rendered for the public URL', async () => {
    const response = await fetch(server.url + '/manifest.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    const xml = await response.text();
    expect(xml).toContain(`${PUBLIC_URL}/taskpane.html`);
    expect(xml).not.toContain('https://localhost:3000');
  });

  test("/policy.json is the organisation's policy, pointed at this service with a reporter token (never an analyst one)", async () => {
    const response = await fetch(server.url + '/policy.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const policy = await response.json();
    expect(policy).toMatchObject({
      organizationDomains: ['example.org'],
      reporting: { securityMailbox: 'soc@example.org', endpointUrl: `${PUBLIC_URL}/api/reports`, endpointToken: REPORTER },
    });
    expect(JSON.stringify(policy)).not.toContain(ANALYST);
  });

  test('the root says where the manifest and policy are', async () => {
    expect(await (await fetch(server.url + '/')).json()).toMatchObject({
      manifest: `${PUBLIC_URL}/manifest.xml`,
      policy: `${PUBLIC_URL}/policy.json`,
      preview: `${PUBLIC_URL}/preview.html`,
      console: `${PUBLIC_URL}/console.html`,
    });
  });
});

describe('refuses to start with a bad configuration, saying why', () => {
  const made: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lurelens-bad-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('an invalid policy file', async () => {
    await expect(buildServer(testConfig({ dataDir: dataDir(), policyFile: path.join(FIXTURES, 'bad-policy.json') }))).rejects.toThrow(
      /invalid policy .*bad-policy\.json:[\s\S]*protectedPeople\/0\/emails\/0/,
    );
  });

  test('a missing policy file', async () => {
    await expect(buildServer(testConfig({ dataDir: dataDir(), policyFile: path.join(FIXTURES, 'nope.json') }))).rejects.toThrow(/cannot read policy .*nope\.json: ENOENT/);
  });

  test('a policy that would hand the analyst token to every user', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ reporting: { endpointUrl: 'https://lurelens.example.test/api/reports', endpointToken: ANALYST } }));
    await expect(buildServer(testConfig({ dataDir: dir, policyFile: file }))).rejects.toThrow(/endpointToken is an analyst token/);
  });

  test('no tokens, short tokens, or a public URL with a path', async () => {
    await expect(buildServer(testConfig({ dataDir: dataDir(), tokens: [] }))).rejects.toThrow(/no tokens configured/);
    await expect(buildServer(testConfig({ dataDir: dataDir(), tokens: [{ token: 'short', role: 'analyst' }] }))).rejects.toThrow(/at least 16 characters/);
    await expect(buildServer(testConfig({ dataDir: dataDir(), publicUrl: 'https://example.test/lurelens?' }))).rejects.toThrow(/query \(\?\) or fragment/);
    await expect(buildServer(testConfig({ dataDir: dataDir(), publicUrl: 'https://example.test/#' }))).rejects.toThrow(/query \(\?\) or fragment/);
  });
});

test('a report created before a restart is still there after it (same data directory)', async () => {
  const first = await startTestServer();
  const receipt = await report(first, fixture('campaign-1.eml'));
  await first.close({ keepData: true });
  const second = await startTestServer({ dataDir: first.dataDir });
  try {
    const detail = await call(second, `/api/reports/${receipt.id}`);
    expect(detail.status).toBe(200);
    expect((await detail.json()).subject).toBe('Salary adjustment notice 2025-01');
    // The status token issued by the first process still works.
    const mine = await (await call(second, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': receipt.statusToken } })).json();
    expect(mine.reports).toHaveLength(1);
  } finally {
    await second.close();
  }
});

test('a policy whose endpoint token this service does not accept is served, with a warning in the log', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lurelens-warn-'));
  const file = path.join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ reporting: { endpointUrl: 'https://lurelens.example.test/api/reports', endpointToken: 'some-other-token-0000000' } }));
  const warned = await startTestServer({ policyFile: file });
  try {
    expect(warned.logs.join('')).toContain('endpointToken is not one of this service');
    expect((await (await fetch(warned.url + '/policy.json')).json()).reporting.endpointToken).toBe('some-other-token-0000000');
  } finally {
    await warned.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

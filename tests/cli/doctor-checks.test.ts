// Each doctor check against real things: a running service, real certificates from openssl, real
// SQLite files, real directories. Small HTTP servers stand in only for what is not ours (a webhook
// receiver, a misrouted proxy, an old release still running).
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { doctorContext, type ContextOptions } from '../../src/cli/doctor';
import type { Check, DoctorContext, Finding } from '../../src/cli/doctor/check';
import { dataDirectory, spaceFinding } from '../../src/cli/doctor/checks/data-dir';
import { database } from '../../src/cli/doctor/checks/database';
import { manifest } from '../../src/cli/doctor/checks/manifest';
import { policy } from '../../src/cli/doctor/checks/policy';
import { publicUrl } from '../../src/cli/doctor/checks/public-url';
import { runtime, satisfiesEngines } from '../../src/cli/doctor/checks/runtime';
import { tlsCertificates } from '../../src/cli/doctor/checks/tls';
import { judgeToken, tokens } from '../../src/cli/doctor/checks/tokens';
import { webhook } from '../../src/cli/doctor/checks/webhook';
import { wellKnown } from '../../src/cli/doctor/checks/well-known';
import { SUPPORTED_SCHEMA } from '../../src/cli/database/sqlite';
import { packageVersion } from '../../src/cli/version';
import { defaultServerConfig, DEFAULTS, type ServerConfig } from '../../src/server/config';
import { selfSignedCertificate } from '../support/certificates';
import { freePort } from '../support/free-port';
import { FIXTURES, startTestServer } from '../server/helpers';

const ROOT = path.join(__dirname, '..', '..');
const TEMPLATE = path.join(ROOT, 'manifest.xml');
const UPGRADE_FIXTURE = path.join(__dirname, '..', 'fixtures', 'upgrade', 'release-7db0d47.sqlite');
const STRONG = { analyst: 'Qm9vdHN0cmFwLWFuYWx5c3Qtc2VjcmV0LXZhbHVlLTAx9x', reporter: 'ZXhwb3J0LXJlcG9ydGVyLXNlY3JldC12YWx1ZS0wMDJb3K' };
const DAY = 86_400_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lurelens-doctor-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function contextFor(config: Partial<ServerConfig> = {}, options: Partial<ContextOptions> = {}): DoctorContext {
  return doctorContext(defaultServerConfig({ dataDir: path.join(dir, 'data'), manifestFile: TEMPLATE, ...config }), {
    network: true,
    thorough: false,
    timeoutMs: 3_000,
    ca: [],
    now: new Date(),
    ...options,
  });
}

async function run(check: Check, context: DoctorContext): Promise<Finding[]> {
  if (check !== policy) await policy.run(context);
  return check.run(context);
}

/** Each finding as "status: English text", for readable expectations. */
function lines(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.status}: ${finding.text.en}`);
}

/** Every warning and failure says how to fix it, in both languages. */
function expectFixes(findings: Finding[]): void {
  for (const finding of findings.filter((f) => f.status === 'warn' || f.status === 'fail')) {
    expect(finding.fix?.en).toBeTruthy();
    expect(finding.fix?.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(finding.text.ja).toBeTruthy();
  }
}

/** A tiny HTTP server for endpoints that are not ours. */
async function answering(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('runtime', () => {
  it('loads the native SQLite module and says how it was installed', async () => {
    const findings = await runtime.run(contextFor());
    expect(lines(findings)).toEqual([`ok: Node.js ${process.versions.node}`, expect.stringMatching(/^ok: SQLite 3\.\d+\.\d+ \(better-sqlite3 (compiled on this machine|prebuilt binary)\)$/)]);
  });

  it.each([
    ['20.19.0', true],
    ['20.18.3', false],
    ['21.7.0', false],
    ['22.1.0', true],
    ['18.20.0', false],
  ])('reads the engines range: Node.js %s → %s', (version, expected) => {
    expect(satisfiesEngines(version, '>=20.19 <21 || >=22')).toBe(expected);
  });
});

describe('policy', () => {
  it('fails on an invalid policy, naming the problem', async () => {
    const findings = await policy.run(contextFor({ policyFile: path.join(FIXTURES, 'bad-policy.json') }));
    expect(lines(findings)).toEqual([expect.stringMatching(/^fail: invalid policy .*bad-policy\.json/)]);
    expectFixes(findings);
  });

  it('warns that without a policy the add-in knows no organisation', async () => {
    const findings = await policy.run(contextFor());
    expect(lines(findings)).toEqual([expect.stringMatching(/^warn: no policy file/)]);
    expectFixes(findings);
  });

  it('passes a valid policy and counts what it protects; warns when it names no organisation domain', async () => {
    expect(lines(await policy.run(contextFor({ policyFile: path.join(FIXTURES, 'policy.json') })))).toEqual([
      `ok: ${path.join(FIXTURES, 'policy.json')}: valid, 1 organisation domains, 1 protected people`,
    ]);
    const file = path.join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ protectedPeople: [{ name: 'Kenji Watanabe' }] }));
    expect(lines(await policy.run(contextFor({ policyFile: file })))).toContainEqual(expect.stringMatching(/^warn: the policy lists no organisationDomains/));
  });
});

describe('tokens', () => {
  it.each([
    ['aaaaaaaaaaaaaaaaaaaaaaaa', 'weak'],
    ['abcabcabcabcabcabcabcabc', 'weak'],
    ['Kx7Pq2Lm9Zr4Tb8N', 'short'],
    ['analyst-token-for-tests-0001', 'hand-made'],
    ['changeme-Kx7Pq2Lm9Zr4Tb8NvW3sYd', 'hand-made'],
    [STRONG.analyst, 'strong'],
  ])('judges %s as %s', (token, verdict) => {
    expect(judgeToken(token)).toBe(verdict);
  });

  it('fails a guessable token and warns about a hand-made one, naming them by role and never printing them', async () => {
    const findings = await run(tokens, contextFor({ tokens: [{ token: 'aaaaaaaaaaaaaaaaaaaa', role: 'analyst' }, { token: 'reporter-secret-2024-xyzw', role: 'reporter', name: 'add-in' }] }));
    expect(lines(findings)).toEqual([
      'ok: 2 token(s) configured',
      'fail: analyst #1: too easy to guess (short, few different characters or a repeated pattern)',
      'warn: reporter #2 (add-in): looks typed by hand (contains a common word)',
    ]);
    expect(JSON.stringify(findings)).not.toContain('aaaaaaaaaaaaaaaaaaaa');
    expectFixes(findings);
  });

  it('warns when nobody can triage, when the add-in gets no reporter token, and when the policy repeats it', async () => {
    expect(lines(await run(tokens, contextFor({ tokens: [{ token: STRONG.reporter, role: 'reporter' }] })))).toContainEqual(expect.stringMatching(/^warn: no analyst token/));
    expect(lines(await run(tokens, contextFor({ tokens: [{ token: STRONG.analyst, role: 'analyst' }] })))).toContainEqual(expect.stringMatching(/^warn: no reporter token/));
    const file = path.join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ organizationDomains: ['example.org'], reporting: { endpointUrl: 'https://lurelens.example.org/api/reports', endpointToken: STRONG.reporter } }));
    const repeated = await run(tokens, contextFor({ policyFile: file, tokens: [{ token: STRONG.analyst, role: 'analyst' }, { token: STRONG.reporter, role: 'reporter' }] }));
    expect(lines(repeated)).toContainEqual(expect.stringMatching(/^warn: the policy repeats a reporter token/));
    expectFixes(repeated);
  });

  it('warns when the config file holding tokens is readable by every user (640 for the service group is fine)', async () => {
    const configFile = path.join(dir, 'lurelens.json');
    writeFileSync(configFile, '{}');
    chmodSync(configFile, 0o644);
    const config = { tokens: [{ token: STRONG.analyst, role: 'analyst' as const }, { token: STRONG.reporter, role: 'reporter' as const }] };
    expect(lines(await run(tokens, contextFor(config, { configFile })))).toContainEqual(expect.stringMatching(/lurelens\.json holds tokens and other users may read it \(mode 644\)/));
    chmodSync(configFile, 0o640);
    expect(lines(await run(tokens, contextFor(config, { configFile })))).toEqual(['ok: 2 token(s) configured']);
  });

  it('knows generated local tokens, and that the first start will generate them', async () => {
    expect(lines(await run(tokens, contextFor()))).toEqual([expect.stringMatching(/^ok: no tokens configured: the service generates them at first start/)]);
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'tokens.json'), JSON.stringify([{ token: STRONG.analyst, role: 'analyst' }, { token: STRONG.reporter, role: 'reporter' }]), { mode: 0o600 });
    expect(lines(await run(tokens, contextFor()))).toEqual([expect.stringMatching(/^ok: using the tokens generated in .*tokens\.json$/)]);
  });
});

describe('public URL', () => {
  it.each([
    ['https://lurelens.example.org', 'ok: https://lurelens.example.org is https'],
    ['http://localhost:3000', expect.stringMatching(/^warn: http:\/\/localhost:3000 is plain http: enough for a trial/)],
    ['http://lurelens.example.org', expect.stringMatching(/^fail: http:\/\/lurelens.example.org is not https: Outlook loads add-ins over https only/)],
  ])('judges the scheme of %s', async (url, expected) => {
    const findings = await publicUrl.run(contextFor({ publicUrl: url }, { network: false }));
    expect(lines(findings)).toEqual([expected, 'skip: not checked (--offline)']);
    expectFixes(findings);
  });

  it('fails when nothing answers at the address', async () => {
    const port = await freePort();
    const findings = await publicUrl.run(contextFor({ publicUrl: `http://127.0.0.1:${port}` }));
    expect(lines(findings)[1]).toBe(`fail: http://127.0.0.1:${port}/healthz: connection refused (nothing listens there)`);
    expectFixes(findings);
  });

  it('finds the running service and its version', async () => {
    const port = await freePort();
    const server = await startTestServer({ port, publicUrl: `http://127.0.0.1:${port}` });
    try {
      expect(lines(await publicUrl.run(contextFor({ publicUrl: `http://127.0.0.1:${port}` })))[1]).toBe(`ok: http://127.0.0.1:${port}/healthz answers: Lure Lens ${packageVersion()}`);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['an older release still running', (_req: unknown, res: import('node:http').ServerResponse) => res.setHeader('content-type', 'application/json').end('{"status":"ok","version":"0.9.0"}'), /^warn: the service answering is Lure Lens 0\.9\.0, this installation is /],
    ['a redirect', (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(301, { location: 'https://elsewhere.example/healthz' }).end(), /^fail: .*\/healthz redirects \(HTTP 301\) to https:\/\/elsewhere\.example\/healthz/],
    ['another application', (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(404).end('<html>Not found</html>'), /^fail: .*\/healthz answers HTTP 404, not as the Lure Lens service/],
  ])('reports %s at the address', async (_name, handler, expected) => {
    const { url, server } = await answering(handler);
    try {
      const findings = await publicUrl.run(contextFor({ publicUrl: url }));
      expect(lines(findings)[1]).toMatch(expected);
      expectFixes(findings);
    } finally {
      server.close();
    }
  });
});

describe('TLS certificates', () => {
  async function tlsService(cert: { certFile: string; keyFile: string }) {
    const port = await freePort();
    const url = `https://localhost:${port}`;
    const server = await startTestServer({ port, publicUrl: url, tls: cert, manifestFile: TEMPLATE });
    return { url, server };
  }

  it('fails a self-signed certificate this machine does not trust, and passes it once its CA is given', async () => {
    const cert = selfSignedCertificate(dir);
    const { url, server } = await tlsService(cert);
    try {
      const untrusted = await tlsCertificates.run(contextFor({ publicUrl: url, tls: cert }));
      expect(lines(untrusted)).toContainEqual(`fail: localhost:${new URL(url).port}: this machine does not trust the certificate: it is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)`);
      expectFixes(untrusted);
      const trusted = await tlsCertificates.run(contextFor({ publicUrl: url, tls: cert }, { ca: [cert.pem] }));
      expect(lines(trusted)).toEqual([
        expect.stringMatching(/^ok: .*localhost\.crt: certificate valid until \d{4}-\d\d-\d\d \((89|90) days\)$/),
        expect.stringMatching(new RegExp(`^ok: localhost:${new URL(url).port}: certificate valid until \\d{4}-\\d\\d-\\d\\d \\((89|90) days\\)$`)),
      ]);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['close to expiry', 85 * DAY, /^warn: localhost:\d+: certificate expires in 4 days/],
    ['expired', 100 * DAY, /^fail: localhost:\d+: certificate expired on \d{4}-\d\d-\d\d/],
    ['not yet valid (a clock behind)', -2 * DAY, /^fail: localhost:\d+: certificate not valid before \d{4}-\d\d-\d\d/],
  ])('judges the dates of the certificate clients see when it is %s', async (_name, shift, expected) => {
    const cert = selfSignedCertificate(dir);
    const { url, server } = await tlsService(cert);
    try {
      const findings = await tlsCertificates.run(contextFor({ publicUrl: url }, { ca: [cert.pem], now: new Date(Date.now() + shift) }));
      expect(lines(findings)).toContainEqual(expect.stringMatching(expected));
      expectFixes(findings);
    } finally {
      await server.close();
    }
  });

  it('fails a certificate for another host name where clients connect', async () => {
    const cert = selfSignedCertificate(dir, { host: 'other.example' });
    const { url, server } = await tlsService(cert);
    try {
      const findings = await tlsCertificates.run(contextFor({ publicUrl: url }, { ca: [cert.pem] }));
      expect(lines(findings)).toContainEqual(expect.stringMatching(/^fail: localhost:\d+: the certificate is not for localhost \(DNS:other\.example/));
      expect(lines(findings).filter((line) => line.includes('does not trust'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('fails a configured key that does not belong to the certificate', async () => {
    const cert = selfSignedCertificate(dir);
    const other = selfSignedCertificate(dir, { name: 'other' });
    const findings = await tlsCertificates.run(contextFor({ publicUrl: 'https://localhost:8443', tls: { certFile: cert.certFile, keyFile: other.keyFile } }, { network: false }));
    expect(lines(findings)).toContainEqual(expect.stringMatching(/^fail: .*other\.key is not the key of .*localhost\.crt$/));
    expectFixes(findings);
  });

  it('has nothing to check for a plain http trial', async () => {
    expect(lines(await tlsCertificates.run(contextFor({ publicUrl: 'http://localhost:3000' })))).toEqual(['skip: no TLS here: the public URL is http']);
  });
});

describe('add-in manifest', () => {
  it('renders the manifest for the public URL, passes the schemas, and finds the service serving exactly it', async () => {
    const port = await freePort();
    const server = await startTestServer({ port, publicUrl: `http://127.0.0.1:${port}`, manifestFile: TEMPLATE });
    try {
      expect(lines(await manifest.run(contextFor({ publicUrl: `http://127.0.0.1:${port}` })))).toEqual([
        expect.stringMatching(new RegExp(`^ok: rendered for http://127.0.0.1:${port}, passes the manifest XML schemas \\(Version \\d+\\.\\d+\\.\\d+\\.0\\)$`)),
        `ok: http://127.0.0.1:${port}/manifest.xml serves exactly this manifest`,
      ]);
    } finally {
      await server.close();
    }
  });

  it('warns when the running service serves another manifest (not restarted, or another configuration)', async () => {
    const port = await freePort();
    const server = await startTestServer({ port, publicUrl: `http://127.0.0.1:${port}`, manifestFile: path.join(FIXTURES, 'manifest.xml') });
    try {
      const findings = await manifest.run(contextFor({ publicUrl: `http://127.0.0.1:${port}` }));
      expect(lines(findings)).toContainEqual('warn: the service serves another manifest (Version 1.0.0.0) than this configuration renders');
      expectFixes(findings);
    } finally {
      await server.close();
    }
  });

  it('fails a template the schemas refuse, with the line, and warns about a version behind the release', async () => {
    const broken = path.join(dir, 'manifest.xml');
    writeFileSync(broken, readFileSync(TEMPLATE, 'utf8').replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>').replace(/<Version>[^<]*<\/Version>/, '<Version>0.9.0.0</Version>'));
    const findings = await manifest.run(contextFor({ publicUrl: 'https://lurelens.example.org', manifestFile: broken }, { network: false }));
    expect(lines(findings)).toEqual([
      expect.stringMatching(/^fail: the manifest for https:\/\/lurelens\.example\.org fails the manifest XML schemas: line \d+: .*not-a-guid/),
      expect.stringMatching(/^warn: the template says Version 0\.9\.0\.0, this release is \d+\.\d+\.\d+\.0$/),
      'skip: not checked (--offline)',
    ]);
    expectFixes(findings);
  });

  it('fails when the template is missing', async () => {
    const findings = await manifest.run(contextFor({ manifestFile: path.join(dir, 'none.xml') }));
    expect(lines(findings)).toEqual([expect.stringMatching(/^fail: cannot read the manifest template .*none\.xml \(ENOENT\): \/manifest\.xml answers 404$/)]);
  });
});

describe('well-known file', () => {
  it('finds it served by the service for its public URL', async () => {
    const port = await freePort();
    const server = await startTestServer({ port, publicUrl: `http://127.0.0.1:${port}` });
    try {
      expect(lines(await wellKnown.run(contextFor({ publicUrl: `http://127.0.0.1:${port}` })))).toEqual([
        `ok: http://127.0.0.1:${port}/.well-known/microsoft-officeaddins-allowed.json lists http://127.0.0.1:${port}/commands.js`,
      ]);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['missing at the origin root (a proxy that routes only the path prefix)', (_q: unknown, res: import('node:http').ServerResponse) => res.writeHead(404).end(), /^fail: .*answers HTTP 404: the Report button cannot reach the service from classic Outlook/],
    ['listing another script', (_q: unknown, res: import('node:http').ServerResponse) => res.setHeader('content-type', 'application/json').end('{"allowed":["https://other.example/commands.js"]}'), /^fail: .* does not list .*\/lurelens\/commands\.js$/],
    ['served as text', (q: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => res.setHeader('content-type', 'text/plain').end(JSON.stringify({ allowed: [`http://${q.headers.host}/lurelens/commands.js`] })), /^warn: .* lists the script but is served as "text\/plain"/],
  ])('reports the file %s', async (_name, handler, expected) => {
    const { url, server } = await answering(handler);
    try {
      const findings = await wellKnown.run(contextFor({ publicUrl: `${url}/lurelens` }));
      expect(lines(findings)).toEqual([expect.stringMatching(expected)]);
      expectFixes(findings);
    } finally {
      server.close();
    }
  });
});

describe('data directory', () => {
  it('is fine when it can be created at first start, and writable with room to spare', async () => {
    expect(lines(await dataDirectory.run(contextFor()))).toEqual([expect.stringMatching(/does not exist yet; the service creates it at first start$/)]);
    mkdirSync(path.join(dir, 'data'), { mode: 0o700 });
    const findings = await dataDirectory.run(contextFor());
    expect(lines(findings)[0]).toBe(`ok: ${path.join(dir, 'data')} is writable`);
    expect(lines(findings)).toHaveLength(2);
  });

  it('fails a path that is not a directory, and warns when other users may enter it', async () => {
    writeFileSync(path.join(dir, 'data'), 'a file');
    expect(lines(await dataDirectory.run(contextFor()))).toEqual([`fail: ${path.join(dir, 'data')} is not a directory`]);
    rmSync(path.join(dir, 'data'));
    mkdirSync(path.join(dir, 'data'), { mode: 0o755 });
    chmodSync(path.join(dir, 'data'), 0o755);
    const findings = await dataDirectory.run(contextFor());
    expect(lines(findings)).toContainEqual(expect.stringMatching(/^warn: other users may enter .* \(mode 755\): reports are personal data$/));
    expectFixes(findings);
  });

  (process.getuid?.() === 0 ? it : it.skip)('warns when run as root on a directory the service user owns: root can write where the service may not', async () => {
    mkdirSync(path.join(dir, 'data'), { mode: 0o700 });
    chownSync(path.join(dir, 'data'), 4242, 4242);
    expect(lines(await dataDirectory.run(contextFor()))).toContainEqual(expect.stringMatching(/^warn: doctor runs as root, but .* belongs to uid 4242/));
  });

  it.each([
    [150 * 1024 * 1024, 0, 'fail'],
    [800 * 1024 * 1024, 0, 'warn'],
    [3 * 1024 ** 3, 2 * 1024 ** 3, 'warn'],
    [3 * 1024 ** 3, 1024 ** 3, 'ok'],
  ])('judges %d bytes free for a %d-byte database as %s', (free, size, status) => {
    expect(spaceFinding('/var/lib/lurelens', free, size).status).toBe(status);
  });
});

describe('database', () => {
  function seed(): string {
    const data = path.join(dir, 'data');
    mkdirSync(data, { mode: 0o700 });
    copyFileSync(UPGRADE_FIXTURE, path.join(data, 'lurelens.sqlite'));
    return path.join(data, 'lurelens.sqlite');
  }

  it('is fine before the first start, and describes an older database that the next start upgrades', async () => {
    expect(lines(await database.run(contextFor()))).toEqual([expect.stringMatching(/^ok: no database yet at .*lurelens\.sqlite: created at first start$/)]);
    seed();
    expect(lines(await database.run(contextFor({}, { thorough: true })))).toEqual([
      expect.stringMatching(/^ok: .*lurelens\.sqlite: 5 reports, schema 1, [\d.]+ MB$/),
      `ok: schema 1 is upgraded to ${SUPPORTED_SCHEMA} at the next start (a copy is kept in backups/ first)`,
      'ok: PRAGMA integrity_check and foreign_key_check: ok',
    ]);
  });

  it('fails a damaged database with what SQLite found', async () => {
    const file = seed();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 8);
    writeFileSync(file, bytes);
    const findings = await database.run(contextFor());
    expect(findings.some((finding) => finding.status === 'fail' && /malformed|corrupt|quick_check/i.test(finding.text.en))).toBe(true);
    expectFixes(findings);
  });

  it('fails a database from a newer release', async () => {
    const file = seed();
    const db = new Database(file);
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01')`).run(SUPPORTED_SCHEMA + 5);
    db.close();
    const findings = await database.run(contextFor());
    expect(lines(findings)).toEqual([expect.stringMatching(new RegExp(`^fail: the database .* has schema version ${SUPPORTED_SCHEMA + 5}, but this release of Lure Lens knows up to ${SUPPORTED_SCHEMA}`))]);
    expectFixes(findings);
  });
});

describe('webhook', () => {
  const hook = (url: string, secret?: string) => ({ ...DEFAULTS.webhook, url, ...(secret ? { secret } : {}) });

  it('skips when none is configured', async () => {
    expect(lines(await webhook.run(contextFor()))).toEqual(['skip: not configured']);
  });

  it('finds a receiver that answers, without posting anything to it', async () => {
    const methods: string[] = [];
    const { url, server } = await answering((req, res) => {
      methods.push(req.method ?? '');
      res.writeHead(405).end();
    });
    try {
      expect(lines(await webhook.run(contextFor({ webhook: hook(`${url}/hooks/lurelens`, 'a-webhook-secret-of-32-characters!') })))).toEqual([`ok: ${url}/hooks/lurelens answers (HTTP 405 to HEAD)`]);
      expect(methods).toEqual(['HEAD']);
    } finally {
      server.close();
    }
  });

  it('warns when the receiver cannot be reached, is plain http elsewhere, or has no secret', async () => {
    const port = await freePort();
    const findings = await webhook.run(contextFor({ webhook: hook(`http://127.0.0.1:${port}/hook`) }));
    expect(lines(findings)).toEqual([expect.stringMatching(/^warn: no webhook secret/), `warn: http://127.0.0.1:${port}/hook: connection refused (nothing listens there)`]);
    const remote = await webhook.run(contextFor({ webhook: hook('http://siem.example.org/hook', 'a-webhook-secret-of-32-characters!') }, { network: false }));
    expect(lines(remote)).toEqual([expect.stringMatching(/^warn: http:\/\/siem\.example\.org is plain http/), 'skip: not checked (--offline)']);
    expectFixes([...findings, ...remote]);
  });
});

// Receiving reports: the main path over real HTTP, every validation error, authentication,
// idempotency, Japanese content, size limits, triage and "My reports".
import { createHash, randomUUID } from 'node:crypto';
import { ANALYST, REPORTER, call, fixture, postReport, report, startTestServer, submission, type TestServer } from './helpers';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('POST /api/reports', () => {
  test('stores the report, analyses it on the server and answers 201 with id, campaign and status token', async () => {
    const eml = fixture('campaign-1.eml');
    const body = submission(eml, { comment: 'Looks like a fake payroll page' });
    const response = await postReport(server, body);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const receipt = await response.json();
    expect(receipt).toEqual({ id: expect.any(String), duplicate: false, campaignId: expect.any(String), statusToken: expect.any(String) });

    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    expect(detail).toMatchObject({
      id: receipt.id,
      key: body.key,
      subject: 'Salary adjustment notice 2025-01',
      from: { address: 'hr@payroll-notice.example', name: 'Payroll Team' },
      reporter: { address: 'alice@example.org', name: 'Alice Example' },
      reasons: ['suspicious-link'],
      comment: 'Looks like a fake payroll page',
      emlSource: 'original',
      clientVerdict: 'suspicious',
      disposition: 'pending',
      campaignId: receipt.campaignId,
      raw: { size: eml.length, sha256: sha256(eml) },
    });
    // The server's own analysis, separate from the client's claim.
    expect(['clean', 'suspicious', 'dangerous']).toContain(detail.analysis.verdict);
    expect(Array.isArray(detail.analysis.findings)).toBe(true);
    expect(detail.clientAnalysis).toMatchObject({ verdict: 'suspicious', score: 40 });
    expect(detail.headers).toMatchObject({
      returnPath: 'bounce-7731@payroll-notice.example',
      sourceIp: '198.51.100.23',
      receivedHops: 1,
      messageId: expect.stringContaining('c1.20250113@payroll-notice.example'),
    });
    expect(detail.indicators).toEqual(
      expect.arrayContaining([
        { type: 'sender-address', value: 'hr@payroll-notice.example' },
        { type: 'sender-domain', value: 'payroll-notice.example' },
        { type: 'reply-to', value: 'payroll.desk@freemail.example' },
        { type: 'return-path', value: 'bounce-7731@payroll-notice.example' },
        { type: 'url', value: 'https://payroll-notice.example/login?id=1001' },
      ]),
    );
    // The statusToken is a secret for the reporter, never part of the analyst view.
    expect(JSON.stringify(detail)).not.toContain(receipt.statusToken);
  });

  test('accepts multipart/form-data with a submission field and the eml as a file', async () => {
    const eml = fixture('unrelated.eml');
    const { eml: _base64, ...metadata } = submission(eml);
    const form = new FormData();
    form.append('submission', JSON.stringify(metadata));
    form.append('eml', new Blob([new Uint8Array(eml)], { type: 'message/rfc822' }), 'message.eml');
    const response = await call(server, '/api/reports', { method: 'POST', body: form, token: REPORTER });
    expect(response.status).toBe(201);
    const receipt = await response.json();
    const download = await call(server, `/api/reports/${receipt.id}/eml`);
    expect(Buffer.from(await download.arrayBuffer()).equals(eml)).toBe(true);
  });

  test('the same key again is answered 200 with the same id and duplicate: true, and stores nothing new', async () => {
    const body = submission(fixture('campaign-3.eml'));
    const first = await (await postReport(server, body)).json();
    const before = (await (await call(server, '/api/reports?limit=1')).json()).total;
    const again = await postReport(server, body);
    expect(again.status).toBe(200);
    const receipt = await again.json();
    expect(receipt).toMatchObject({ id: first.id, duplicate: true, campaignId: first.campaignId });
    // A retry whose first answer was lost still gets a working status token.
    expect(receipt.statusToken).not.toBe(first.statusToken);
    const mine = await call(server, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': receipt.statusToken } });
    expect((await mine.json()).reports.map((r: { id: string }) => r.id)).toEqual([first.id]);
    expect((await (await call(server, '/api/reports?limit=1')).json()).total).toBe(before);
  });

  test('concurrent submissions with one key create one report', async () => {
    const body = submission(fixture('campaign-2.eml'));
    const responses = await Promise.all([postReport(server, body), postReport(server, body), postReport(server, body)]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
  });

  test('keeps the sender history the add-in judged with and shows it in the report detail', async () => {
    const senderHistory = {
      address: 'watanabe.tiss@gmail.com',
      received: { count: 0 },
      sent: { count: 0 },
      namesakes: [{ name: '渡辺 隆', address: 't.watanabe@tiss.or.jp', count: 212, since: '2021-04-05T01:00:00.000Z' }],
    };
    const receipt = await report(server, fixture('unrelated.eml'), { clientVerdict: { verdict: 'suspicious', score: 45, findings: [], senderHistory } });
    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    expect(detail.senderHistory).toEqual(senderHistory);
    const without = await report(server, fixture('campaign-1.eml'), { clientVerdict: { verdict: 'clean', score: 0, findings: [] } });
    expect(await (await call(server, `/api/reports/${without.id}`)).json()).not.toHaveProperty('senderHistory');
  });

  test('the same key with a different message is a 409 conflict', async () => {
    const body = submission(fixture('campaign-1.eml'));
    expect((await postReport(server, body)).status).toBe(201);
    const response = await postReport(server, { ...body, eml: fixture('campaign-2.eml').toString('base64') });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'conflict', message: expect.stringContaining('key') });
    const otherReporter = await postReport(server, { ...body, reporter: { address: 'mallory@example.org' } });
    expect(otherReporter.status).toBe(409);
  });

  test('a Japanese ISO-2022-JP message round-trips: decoded subject and sender, byte-identical download', async () => {
    const eml = fixture('japanese-iso2022jp.eml');
    const receipt = await report(server, eml, {
      reporter: { address: 'k.watanabe@example.org', name: '渡辺 健二' },
      comment: '外務省を名乗る不審なメール',
      // A client that claims "clean" does not make it clean: the service analyses for itself.
      clientVerdict: { verdict: 'clean', score: 0, findings: [] },
    });
    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    expect(detail.clientVerdict).toBe('clean');
    expect(detail.verdict).not.toBe('clean');
    expect(detail.analysis.verdict).toBe(detail.verdict);
    expect(detail.subject).toBe('【重要】台湾海峡情勢に関する意見交換会のご案内');
    expect(detail.from).toEqual({ address: 'info@mofa-jp.example-gov.net', name: '外務省 国際情報統括官' });
    expect(detail.reporter.name).toBe('渡辺 健二');
    expect(detail.comment).toBe('外務省を名乗る不審なメール');
    expect(detail.indicators).toEqual(expect.arrayContaining([{ type: 'url', value: 'https://mofa-jp.example-gov.net/seminar/2025/materials' }]));
    // Search works on the decoded, normalised subject (full-width query folds to the same text).
    const found = await (await call(server, `/api/reports?q=${encodeURIComponent('台湾海峡')}`)).json();
    expect(found.items.map((r: { id: string }) => r.id)).toContain(receipt.id);
    const download = await call(server, `/api/reports/${receipt.id}/eml`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(eml));
  });

  test('client verdicts with evidence sentences as plain strings (older add-ins) or { en, ja } are both accepted and kept', async () => {
    const finding = (reason: unknown) => ({
      rule: 'shortened-link',
      severity: 'low',
      title: 'Shortened link',
      evidence: [{ kind: 'link', text: 'Open', href: 'https://bit.ly/x', host: 'bit.ly', reason }],
    });
    const old = 'URL shortener hides the destination';
    const localized = { en: 'URL shortener hides the destination', ja: '短縮URLのため、実際のリンク先が分かりません。' };
    for (const [key, reason] of [['compat-string-0001', old], ['compat-object-0001', localized]] as const) {
      const body = { ...submission(fixture('unrelated.eml')), key, clientVerdict: { verdict: 'suspicious', score: 10, findings: [finding(reason)] } };
      const response = await postReport(server, body);
      expect(response.status).toBe(201);
      const { id } = await response.json();
      const detail = await (await call(server, `/api/reports/${id}`)).json();
      expect(detail.clientAnalysis.findings[0].evidence[0].reason).toEqual(reason);
    }
  });

  test('the service\'s own analysis stores evidence sentences in both languages', async () => {
    const receipt = await report(server, fixture('japanese-iso2022jp.eml'));
    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    const sentences = (detail.analysis.findings as { evidence: Record<string, unknown>[] }[])
      .flatMap((f) => f.evidence)
      .flatMap((e) => (e.kind === 'link' || e.kind === 'attachment' ? [e.reason] : e.kind === 'header' ? [e.meaning] : e.kind === 'note' ? [e.text] : []));
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(sentence).toEqual({ en: expect.any(String), ja: expect.any(String) });
  });

  test('a message that cannot be parsed as mail is still kept, with the reason', async () => {
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80, 0x81]);
    const receipt = await report(server, garbage);
    const detail = await (await call(server, `/api/reports/${receipt.id}`)).json();
    expect(detail.raw.sha256).toBe(sha256(garbage));
    const download = Buffer.from(await (await call(server, `/api/reports/${receipt.id}/eml`)).arrayBuffer());
    expect(download.equals(garbage)).toBe(true);
  });
});

describe('validation errors answer 400 with {error, message, details} naming the field', () => {
  const base = () => submission(fixture('unrelated.eml'));
  const cases: [string, (b: Record<string, unknown>) => unknown, string][] = [
    ['missing key', ({ key: _k, ...rest }) => rest, 'key'],
    ['key too short', (b) => ({ ...b, key: 'abc' }), 'body/key'],
    ['key with forbidden characters', (b) => ({ ...b, key: 'key with spaces!' }), 'body/key'],
    ['missing eml', ({ eml: _e, ...rest }) => rest, 'eml'],
    ['empty eml', (b) => ({ ...b, eml: '' }), 'body/eml'],
    ['eml not base64', (b) => ({ ...b, eml: 'this is *not* base64!' }), 'body/eml'],
    ['unknown emlSource', (b) => ({ ...b, emlSource: 'guessed' }), 'body/emlSource'],
    ['missing reporter', ({ reporter: _r, ...rest }) => rest, 'reporter'],
    ['reporter address too short', (b) => ({ ...b, reporter: { address: 'a' } }), 'body/reporter/address'],
    ['reasons not an array', (b) => ({ ...b, reasons: 'phishing' }), 'body/reasons'],
    ['too many reasons', (b) => ({ ...b, reasons: Array.from({ length: 21 }, (_, i) => `r${i}`) }), 'body/reasons'],
    ['empty reason', (b) => ({ ...b, reasons: [''] }), 'body/reasons/0'],
    ['comment too long', (b) => ({ ...b, comment: 'x'.repeat(4001) }), 'body/comment'],
    ['client verdict out of range', (b) => ({ ...b, clientVerdict: { verdict: 'suspicious', score: 101, findings: [] } }), 'body/clientVerdict/score'],
    ['client verdict unknown level', (b) => ({ ...b, clientVerdict: { verdict: 'evil', score: 1, findings: [] } }), 'body/clientVerdict/verdict'],
    ['score given as a string', (b) => ({ ...b, clientVerdict: { verdict: 'clean', score: '5', findings: [] } }), 'body/clientVerdict/score'],
    ['unknown client property', (b) => ({ ...b, client: { host: 'Outlook', injected: true } }), 'body/client'],
    [
      'sender history with mailbox content',
      (b) => ({ ...b, clientVerdict: { verdict: 'clean', score: 0, findings: [], senderHistory: { address: 'a@b.example', received: { count: 0 }, sent: { count: 0 }, namesakes: [], subjects: ['Re: budget'] } } }),
      'body/clientVerdict/senderHistory',
    ],
    [
      'sender history with a negative count',
      (b) => ({ ...b, clientVerdict: { verdict: 'clean', score: 0, findings: [], senderHistory: { address: 'a@b.example', received: { count: -3 }, sent: { count: 0 }, namesakes: [] } } }),
      'body/clientVerdict/senderHistory/received/count',
    ],
    ['unknown top-level property', (b) => ({ ...b, admin: true }), 'unknown property "admin"'],
    ['internetMessageId too long', (b) => ({ ...b, internetMessageId: 'x'.repeat(1001) }), 'body/internetMessageId'],
  ];

  test.each(cases)('%s', async (_name, mutate, expected) => {
    const response = await postReport(server, mutate(base() as unknown as Record<string, unknown>));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error: 'validation', message: expect.any(String) });
    expect(Array.isArray(body.details) && body.details.length > 0).toBe(true);
    expect(body.message + JSON.stringify(body.details)).toContain(expected);
  });

  test('a body that is not JSON', async () => {
    const response = await call(server, '/api/reports', {
      method: 'POST',
      token: REPORTER,
      body: '{"key": "abc', // truncated
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('invalid_json');
    // The answer does not quote what was sent.
    expect(body.message).not.toContain('abc');
  });

  test('a content type other than JSON or multipart is 415', async () => {
    const response = await call(server, '/api/reports', { method: 'POST', token: REPORTER, body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toBe('unsupported_media_type');
  });

  test('multipart without the eml file, with an unknown field, or with an invalid submission', async () => {
    const { eml: _e, ...metadata } = base();
    const noFile = new FormData();
    noFile.append('submission', JSON.stringify(metadata));
    const r1 = await call(server, '/api/reports', { method: 'POST', token: REPORTER, body: noFile });
    expect(r1.status).toBe(400);
    expect((await r1.json()).details).toEqual([{ path: 'body/eml', message: 'is required' }]);

    const extra = new FormData();
    extra.append('note', 'x');
    const r2 = await call(server, '/api/reports', { method: 'POST', token: REPORTER, body: extra });
    expect(r2.status).toBe(400);
    expect((await r2.json()).message).toContain('unexpected field "note"');

    const invalid = new FormData();
    invalid.append('submission', JSON.stringify({ ...metadata, emlSource: 'guessed' }));
    invalid.append('eml', new Blob([new Uint8Array(fixture('unrelated.eml'))]), 'm.eml');
    const r3 = await call(server, '/api/reports', { method: 'POST', token: REPORTER, body: invalid });
    expect(r3.status).toBe(400);
    expect((await r3.json()).message).toContain('body/submission/emlSource');
  });

  test('query and path parameters are validated too', async () => {
    const badVerdict = await call(server, '/api/reports?verdict=evil');
    expect(badVerdict.status).toBe(400);
    expect((await badVerdict.json()).message).toContain('querystring/verdict');
    expect((await call(server, '/api/reports?limit=ten')).status).toBe(400);
    expect((await call(server, '/api/reports?unknown=1')).status).toBe(400);
    const badId = await call(server, '/api/reports/not-a-uuid');
    expect(badId.status).toBe(400);
    expect((await badId.json()).message).toContain('params/id');
    const missing = await call(server, `/api/reports/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });

  test('triage bodies are validated', async () => {
    const { id } = await report(server, fixture('unrelated.eml'));
    for (const body of [{}, { disposition: 'evil' }, { note: 5 }, { feedback: 'x'.repeat(4001) }, { disposition: 'benign', extra: 1 }]) {
      const response = await call(server, `/api/reports/${id}`, { method: 'PATCH', json: body });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe('validation');
    }
  });
});

describe('authentication', () => {
  test('no token is 401 with a Bearer challenge', async () => {
    const response = await postReport(server, submission(fixture('unrelated.eml')), null);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  test('a wrong token is 401, also in a malformed header', async () => {
    expect((await postReport(server, submission(fixture('unrelated.eml')), 'not-a-real-token-at-all')).status).toBe(401);
    const basic = await fetch(server.url + '/api/reports', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
    expect(basic.status).toBe(401);
    const empty = await fetch(server.url + '/api/reports', { headers: { authorization: 'Bearer ' } });
    expect(empty.status).toBe(401);
  });

  test('a reporter token cannot use analyst routes', async () => {
    const { id, campaignId } = await report(server, fixture('unrelated.eml'));
    const routes: [string, string][] = [
      ['GET', '/api/reports'],
      ['GET', `/api/reports/${id}`],
      ['PATCH', `/api/reports/${id}`],
      ['GET', `/api/reports/${id}/eml`],
      ['GET', `/api/reports/${id}/arf`],
      ['GET', '/api/campaigns'],
      ['GET', `/api/campaigns/${campaignId}`],
      ['PATCH', `/api/campaigns/${campaignId}`],
      ['GET', `/api/campaigns/${campaignId}/stix`],
      ['GET', `/api/campaigns/${campaignId}/csv`],
    ];
    for (const [method, route] of routes) {
      const response = await call(server, route, { method, token: REPORTER, ...(method === 'PATCH' ? { json: { disposition: 'benign' } } : {}) });
      expect([route, response.status]).toEqual([route, 403]);
      expect((await response.json()).error).toBe('forbidden');
    }
    // and without a token at all, 401 everywhere
    for (const [method, route] of routes) {
      const response = await call(server, route, { method, token: null });
      expect([route, response.status]).toEqual([route, 401]);
    }
  });

  test('the body of an unauthenticated request is not read (401 before 413)', async () => {
    const huge = submission(Buffer.alloc(40 * 1024 * 1024, 0x41));
    const response = await postReport(server, huge, null);
    expect(response.status).toBe(401);
  });
});

describe('size limits (35 MB by default)', () => {
  function bigMessage(totalBytes: number): Buffer {
    const head = Buffer.from(
      'From: "Big Sender" <big@large-files.example.net>\r\nTo: alice@example.org\r\nSubject: Quarterly archive\r\n' +
        'Message-ID: <big@large-files.example.net>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
        '--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\nContent-Type: application/octet-stream\r\n' +
        'Content-Disposition: attachment; filename="archive.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n',
    );
    const tail = Buffer.from('\r\n--b--\r\n');
    const bodyLength = totalBytes - head.length - tail.length;
    const line = Buffer.from('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n');
    const body = Buffer.alloc(bodyLength);
    for (let offset = 0; offset < bodyLength; offset += line.length) line.copy(body, offset, 0, Math.min(line.length, bodyLength - offset));
    return Buffer.concat([head, body, tail]);
  }

  test('a 30 MB report is accepted and stored byte for byte', async () => {
    const eml = bigMessage(30 * 1024 * 1024);
    const receipt = await report(server, eml);
    const download = Buffer.from(await (await call(server, `/api/reports/${receipt.id}/eml`)).arrayBuffer());
    expect(download.length).toBe(eml.length);
    expect(sha256(download)).toBe(sha256(eml));
  }, 60_000);

  test('a 36 MB report is refused with 413, as JSON and as multipart', async () => {
    const eml = bigMessage(36 * 1024 * 1024);
    const json = await postReport(server, submission(eml));
    expect(json.status).toBe(413);
    expect(await json.json()).toMatchObject({ error: 'too_large', message: expect.stringContaining('35 MB') });

    const { eml: _e, ...metadata } = submission(eml);
    const form = new FormData();
    form.append('submission', JSON.stringify(metadata));
    form.append('eml', new Blob([new Uint8Array(eml)]), 'big.eml');
    const multipart = await call(server, '/api/reports', { method: 'POST', token: REPORTER, body: form });
    expect(multipart.status).toBe(413);
    expect((await multipart.json()).error).toBe('too_large');
  }, 60_000);
});

describe('triage and My reports', () => {
  test('an analyst sets disposition, note and feedback; the reporter sees disposition and feedback, not the note', async () => {
    const mine = await report(server, fixture('campaign-1.eml'), { reporter: { address: 'dave@example.org' } });
    const someoneElses = await report(server, fixture('campaign-3.eml'), { reporter: { address: 'erin@example.org' } });

    const patched = await call(server, `/api/reports/${mine.id}`, {
      method: 'PATCH',
      json: { disposition: 'malicious', note: 'Credential phishing kit on payroll-notice', feedback: 'Thank you — this was phishing. We blocked the sender.' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ disposition: 'malicious', note: 'Credential phishing kit on payroll-notice', triagedBy: 'test analyst' });

    const status = await call(server, '/api/my/reports', { token: REPORTER, headers: { 'x-status-tokens': mine.statusToken } });
    expect(status.status).toBe(200);
    const { reports } = await status.json();
    expect(reports).toEqual([
      {
        id: mine.id,
        key: expect.any(String),
        subject: 'Salary adjustment notice 2025-01',
        receivedAt: expect.any(String),
        disposition: 'malicious',
        feedback: 'Thank you — this was phishing. We blocked the sender.',
      },
    ]);
    expect(JSON.stringify(reports)).not.toContain('Credential phishing kit');
    expect(JSON.stringify(reports)).not.toContain(someoneElses.id);

    // Several tokens at once; unknown ones are ignored; no tokens means nothing.
    const both = await call(server, '/api/my/reports', {
      token: REPORTER,
      headers: { 'x-status-tokens': `${mine.statusToken}, ${someoneElses.statusToken}, made-up-token` },
    });
    expect((await both.json()).reports.map((r: { id: string }) => r.id).sort()).toEqual([mine.id, someoneElses.id].sort());
    const missingHeader = await call(server, '/api/my/reports', { token: REPORTER });
    expect(missingHeader.status).toBe(400);
    const noBearer = await call(server, '/api/my/reports', { token: null, headers: { 'x-status-tokens': mine.statusToken } });
    expect(noBearer.status).toBe(401);
  });

  test('list filters: verdict, disposition, campaign, reporter, q, paging', async () => {
    const a = await report(server, fixture('unrelated.eml'), { reporter: { address: 'Filter.Person@example.org' } });
    await call(server, `/api/reports/${a.id}`, { method: 'PATCH', json: { disposition: 'simulation' } });
    const byReporter = await (await call(server, '/api/reports?reporter=filter.person%40example.org')).json();
    expect(byReporter.items.map((r: { id: string }) => r.id)).toEqual([a.id]);
    const byDisposition = await (await call(server, '/api/reports?disposition=simulation')).json();
    expect(byDisposition.items.every((r: { disposition: string }) => r.disposition === 'simulation')).toBe(true);
    expect(byDisposition.items.map((r: { id: string }) => r.id)).toContain(a.id);
    const byCampaign = await (await call(server, `/api/reports?campaign=${a.campaignId}`)).json();
    expect(byCampaign.items.every((r: { campaignId: string }) => r.campaignId === a.campaignId)).toBe(true);
    const byQuery = await (await call(server, '/api/reports?q=REGIONAL%20security')).json();
    expect(byQuery.items.map((r: { id: string }) => r.id)).toContain(a.id);
    const bySender = await (await call(server, '/api/reports?q=newsletter.example')).json();
    expect(bySender.items.map((r: { id: string }) => r.id)).toContain(a.id);
    const wildcard = await (await call(server, '/api/reports?q=%25')).json();
    expect(wildcard.total).toBe(0);
    const verdicts = await (await call(server, '/api/reports?verdict=clean')).json();
    expect(verdicts.items.every((r: { verdict: string }) => r.verdict === 'clean')).toBe(true);
    const page1 = await (await call(server, '/api/reports?limit=2&offset=0')).json();
    const page2 = await (await call(server, '/api/reports?limit=2&offset=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1).toMatchObject({ limit: 2, offset: 0 });
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page1.total).toBe(page2.total);
  });
});

test('analyst tokens may submit too (e.g. reports forwarded by the SOC)', async () => {
  const response = await postReport(server, submission(fixture('unrelated.eml')), ANALYST);
  expect(response.status).toBe(201);
});

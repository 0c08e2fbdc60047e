import { endpointTarget, postToEndpoint, serviceBase } from '../../src/report/endpoint-channel';
import { GRAPH_BASE, INLINE_ATTACHMENT_LIMIT, UPLOAD_CHUNK_BYTES, sendViaGraph } from '../../src/report/graph-channel';
import { openComposeReport, textToHtmlBody } from '../../src/report/compose-channel';
import { moveReportedMessage } from '../../src/report/after-report';
import type { ReportSubmission } from '../../src/report/protocol';
import { TokenUnavailableError, type TokenProvider } from '../../src/report/tokens';
import { ENDPOINT_TOKEN, GRAPH_TOKEN, empty, json, recordingFetch } from './support';

const submission: ReportSubmission = {
  key: '5b0c8f0e-7a0e-4a57-9d55-6f2f6e8d9c11',
  eml: Buffer.from('From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n').toString('base64'),
  emlSource: 'original',
  reporter: { address: 'k.watanabe@example.or.jp' },
  reasons: ['impersonation'],
};
const target = endpointTarget({ endpointUrl: 'https://lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN })!;

describe('endpoint channel', () => {
  it('POSTs the submission as JSON with the bearer token in the header only, and reads the receipt', async () => {
    const fetch = recordingFetch(() => json(201, { id: 'rep_01', duplicate: false, campaignId: 'cmp_7', statusToken: 'st_secret_1' }));
    const result = await postToEndpoint(submission, target, fetch);
    expect(result).toEqual({ outcome: 'delivered', reportId: 'rep_01', duplicate: false, campaignId: 'cmp_7', statusToken: 'st_secret_1' });
    const [request] = fetch.requests;
    expect(request.url).toBe('https://lurelens.example.or.jp/api/reports');
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual({
      authorization: `Bearer ${ENDPOINT_TOKEN}`,
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(JSON.parse(request.body as string)).toEqual(submission);
    expect(request.url).not.toContain(ENDPOINT_TOKEN);
  });

  it('treats 200 (same key seen before) as delivered and a duplicate', async () => {
    const fetch = recordingFetch(() => json(200, { id: 'rep_01', duplicate: true, statusToken: 'st_2' }));
    expect(await postToEndpoint(submission, target, fetch)).toMatchObject({ outcome: 'delivered', duplicate: true, reportId: 'rep_01' });
  });

  it.each([
    [408, 'http-408'],
    [429, 'http-429'],
    [500, 'http-500'],
    [503, 'http-503'],
  ])('retries on %i', async (status, reason) => {
    const fetch = recordingFetch(() => json(status, { error: 'x', message: 'busy' }, { 'retry-after': '2' }));
    expect(await postToEndpoint(submission, target, fetch)).toEqual({ outcome: 'retry', reason, status, retryAfterMs: 2000 });
  });

  it('retries on network errors and unreadable receipts', async () => {
    expect(await postToEndpoint(submission, target, recordingFetch(() => new TypeError('Failed to fetch')))).toEqual({ outcome: 'retry', reason: 'network' });
    expect(await postToEndpoint(submission, target, recordingFetch(() => new Response('<html>', { status: 201 })))).toMatchObject({ outcome: 'retry', reason: 'bad-receipt' });
  });

  it('fails permanently on other 4xx with the server’s message', async () => {
    const fetch = recordingFetch(() => json(413, { error: 'too_large', message: 'The message is larger than 35 MB.' }));
    expect(await postToEndpoint(submission, target, fetch)).toEqual({
      outcome: 'rejected',
      reason: 'http-413',
      status: 413,
      serverMessage: 'The message is larger than 35 MB.',
    });
  });

  it('only sends to https (or plain http on this machine) and never to URLs with credentials', () => {
    expect(endpointTarget({ endpointUrl: 'http://lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN })).toBeUndefined();
    expect(endpointTarget({ endpointUrl: 'https://user:pw@lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN })).toBeUndefined();
    expect(endpointTarget({ endpointUrl: 'https://lurelens.example.or.jp/api/reports' })).toBeUndefined();
    expect(endpointTarget({ endpointUrl: 'http://127.0.0.1:8443/api/reports', endpointToken: ENDPOINT_TOKEN })?.host).toBe('127.0.0.1:8443');
    expect(serviceBase(endpointTarget({ endpointUrl: 'https://sec.example.or.jp/lurelens/api/reports', endpointToken: ENDPOINT_TOKEN })!)).toBe(
      'https://sec.example.or.jp/lurelens',
    );
  });
});

function tokens(scopesSeen: string[][] = []): TokenProvider {
  return {
    async getToken(scopes) {
      scopesSeen.push([...scopes]);
      return GRAPH_TOKEN;
    },
  };
}

const graphReport = { submission, subject: '[Lure Lens report] hi', summary: 'Reported with Lure Lens', to: 'security@example.or.jp' };

describe('mailbox channel (Microsoft Graph)', () => {
  it('sends small messages in one sendMail call with the .eml as a message/rfc822 fileAttachment', async () => {
    const scopes: string[][] = [];
    const fetch = recordingFetch(() => empty(202));
    expect(await sendViaGraph(graphReport, { fetch, tokens: tokens(scopes) })).toEqual({ outcome: 'delivered' });
    expect(scopes).toEqual([['Mail.Send']]);
    expect(fetch.requests).toHaveLength(1);
    const [request] = fetch.requests;
    expect(request.url).toBe('https://graph.microsoft.com/v1.0/me/sendMail');
    expect(request.method).toBe('POST');
    expect(request.headers.authorization).toBe(`Bearer ${GRAPH_TOKEN}`);
    expect(JSON.parse(request.body as string)).toEqual({
      message: {
        subject: '[Lure Lens report] hi',
        body: { contentType: 'Text', content: 'Reported with Lure Lens' },
        toRecipients: [{ emailAddress: { address: 'security@example.or.jp' } }],
        internetMessageHeaders: [{ name: 'X-Lure-Lens-Report-Key', value: submission.key }],
        attachments: [
          {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: 'reported-message.eml',
            contentType: 'message/rfc822',
            contentBytes: submission.eml,
          },
        ],
      },
      saveToSentItems: false,
    });
  });

  it('sends large messages through a draft and an upload session, in ranged chunks, without our token on the upload URL', async () => {
    const bytes = new Uint8Array(2 * UPLOAD_CHUNK_BYTES + 1234).map((_, i) => i % 251);
    const big = { ...graphReport, submission: { ...submission, eml: Buffer.from(bytes).toString('base64') } };
    const uploadUrl = "https://outlook.office.com/api/v2.0/Users('u')/Messages('AAMk1')/AttachmentSessions('S1')?authtoken=opaque";
    const received: Buffer[] = [];
    const fetch = recordingFetch((request) => {
      if (request.url === `${GRAPH_BASE}/me/messages` && request.method === 'POST') return json(201, { id: 'AAMk1=' });
      if (request.url.endsWith('/attachments/createUploadSession')) return json(201, { uploadUrl, nextExpectedRanges: ['0-'] });
      if (request.url === uploadUrl) {
        received.push(Buffer.from(request.body as Uint8Array));
        const end = Number(/bytes \d+-(\d+)\//.exec(request.headers['content-range'])![1]);
        return end === bytes.length - 1 ? empty(201) : json(200, { nextExpectedRanges: [`${end + 1}`] });
      }
      if (request.url.endsWith('/send')) return empty(202);
      return empty(500);
    });
    const scopes: string[][] = [];
    expect(await sendViaGraph(big, { fetch, tokens: tokens(scopes) })).toEqual({ outcome: 'delivered' });
    expect(scopes).toEqual([['Mail.ReadWrite', 'Mail.Send']]);
    const urls = fetch.requests.map((request) => `${request.method} ${request.url}`);
    expect(urls).toEqual([
      `POST ${GRAPH_BASE}/me/messages`,
      `POST ${GRAPH_BASE}/me/messages/AAMk1%3D/attachments/createUploadSession`,
      `PUT ${uploadUrl}`,
      `PUT ${uploadUrl}`,
      `PUT ${uploadUrl}`,
      `POST ${GRAPH_BASE}/me/messages/AAMk1%3D/send`,
    ]);
    const draft = JSON.parse(fetch.requests[0].body as string);
    expect(draft.attachments).toBeUndefined();
    expect(draft.toRecipients).toEqual([{ emailAddress: { address: 'security@example.or.jp' } }]);
    expect(JSON.parse(fetch.requests[1].body as string)).toEqual({
      AttachmentItem: { attachmentType: 'file', name: 'reported-message.eml', size: bytes.length, contentType: 'message/rfc822' },
    });
    const puts = fetch.requests.filter((request) => request.method === 'PUT');
    expect(puts.map((put) => put.headers['content-range'])).toEqual([
      `bytes 0-${UPLOAD_CHUNK_BYTES - 1}/${bytes.length}`,
      `bytes ${UPLOAD_CHUNK_BYTES}-${2 * UPLOAD_CHUNK_BYTES - 1}/${bytes.length}`,
      `bytes ${2 * UPLOAD_CHUNK_BYTES}-${bytes.length - 1}/${bytes.length}`,
    ]);
    expect(UPLOAD_CHUNK_BYTES % (320 * 1024)).toBe(0);
    expect(UPLOAD_CHUNK_BYTES).toBeLessThan(4 * 1024 * 1024);
    for (const put of puts) {
      expect(put.headers.authorization).toBeUndefined();
      expect(put.headers['content-type']).toBe('application/octet-stream');
    }
    expect(Buffer.concat(received).equals(Buffer.from(bytes))).toBe(true);
  });

  it('deletes its half-built draft when an upload fails, and asks for a retry', async () => {
    const bytes = new Uint8Array(INLINE_ATTACHMENT_LIMIT + 10);
    const big = { ...graphReport, submission: { ...submission, eml: Buffer.from(bytes).toString('base64') } };
    const fetch = recordingFetch((request) => {
      if (request.url === `${GRAPH_BASE}/me/messages`) return json(201, { id: 'D1' });
      if (request.url.endsWith('/createUploadSession')) return json(201, { uploadUrl: 'https://outlook.office.com/upload/S1' });
      if (request.method === 'PUT') return json(503, { error: { code: 'ServiceUnavailable', message: 'try later' } });
      if (request.method === 'DELETE') return empty(204);
      return empty(500);
    });
    expect(await sendViaGraph(big, { fetch, tokens: tokens() })).toMatchObject({ outcome: 'retry', reason: 'upload-http-503' });
    expect(fetch.requests.at(-1)).toMatchObject({ method: 'DELETE', url: `${GRAPH_BASE}/me/messages/D1` });
  });

  it('refuses to upload the message anywhere but Microsoft’s mail hosts', async () => {
    const big = { ...graphReport, submission: { ...submission, eml: Buffer.from(new Uint8Array(INLINE_ATTACHMENT_LIMIT)).toString('base64') } };
    const fetch = recordingFetch((request) => {
      if (request.url === `${GRAPH_BASE}/me/messages`) return json(201, { id: 'D1' });
      if (request.url.endsWith('/createUploadSession')) return json(201, { uploadUrl: 'https://attacker.example/upload' });
      return empty(204);
    });
    expect(await sendViaGraph(big, { fetch, tokens: tokens() })).toMatchObject({ outcome: 'rejected', reason: 'upload-url-not-microsoft' });
    expect(fetch.requests.some((request) => request.url.startsWith('https://attacker.example'))).toBe(false);
  });

  it('reports Graph refusals with Graph’s message, and token problems by kind', async () => {
    const denied = recordingFetch(() => json(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } }));
    expect(await sendViaGraph(graphReport, { fetch: denied, tokens: tokens() })).toEqual({
      outcome: 'rejected',
      reason: 'sendmail-http-403',
      status: 403,
      serverMessage: 'Access is denied.',
    });
    const noPopup: TokenProvider = { getToken: async () => Promise.reject(new TokenUnavailableError('interaction-required', true)) };
    expect(await sendViaGraph(graphReport, { fetch: denied, tokens: noPopup })).toEqual({ outcome: 'retry', reason: 'token-interaction-required' });
    const refused: TokenProvider = { getToken: async () => Promise.reject(new TokenUnavailableError('consent-denied', false)) };
    expect(await sendViaGraph(graphReport, { fetch: denied, tokens: refused })).toEqual({ outcome: 'rejected', reason: 'token-consent-denied' });
  });
});

describe('compose fallback', () => {
  it('opens a form to the security mailbox with the item attached and the summary escaped', async () => {
    const opened: unknown[] = [];
    await openComposeReport(
      { open: async (form) => void opened.push(form) },
      { to: 'security@example.or.jp', subject: '[Lure Lens report] hi', summary: 'Subject: <img src=x onerror=alert(1)>\nline 2', itemId: 'AAMk=', attachmentName: 'reported-message' },
    );
    expect(opened).toEqual([
      {
        to: ['security@example.or.jp'],
        subject: '[Lure Lens report] hi',
        htmlBody: '<div>Subject: &lt;img src=x onerror=alert(1)&gt;<br>line 2<br></div>',
        attachItem: { itemId: 'AAMk=', name: 'reported-message' },
      },
    ]);
  });

  it('keeps the body under Outlook’s 32 KB limit', () => {
    expect(textToHtmlBody('<&>\n'.repeat(20_000)).length).toBeLessThan(32_000);
  });
});

describe('moving the message after delivery (Graph, task pane)', () => {
  it('moves to Junk Email with the REST id', async () => {
    const fetch = recordingFetch(() => json(201, { id: 'moved' }));
    expect(await moveReportedMessage('AAMk-rest/id', 'junk', undefined, { fetch, tokens: tokens() })).toBe('junk');
    expect(fetch.requests[0]).toMatchObject({ method: 'POST', url: `${GRAPH_BASE}/me/messages/AAMk-rest%2Fid/move` });
    expect(JSON.parse(fetch.requests[0].body as string)).toEqual({ destinationId: 'junkemail' });
  });

  it('finds (or creates) the reported folder by name, quoting it for OData', async () => {
    const fetch = recordingFetch((request, index) => {
      if (index === 0) return json(200, { value: [] });
      if (index === 1) return json(201, { id: 'F1' });
      return json(201, { id: 'moved' });
    });
    expect(await moveReportedMessage('R1', 'reportedFolder', "O'Brien 報告済み", { fetch, tokens: tokens() })).toBe('reportedFolder');
    expect(decodeURIComponent(fetch.requests[0].url.replace(/\+/g, ' '))).toContain("$filter=displayName eq 'O''Brien 報告済み'");
    expect(JSON.parse(fetch.requests[1].body as string)).toEqual({ displayName: "O'Brien 報告済み" });
    expect(JSON.parse(fetch.requests[2].body as string)).toEqual({ destinationId: 'F1' });
  });

  it('leaves the message alone on "leave", without a REST id, or when Graph fails', async () => {
    const fetch = recordingFetch(() => json(500, {}));
    expect(await moveReportedMessage('R1', 'leave', undefined, { fetch, tokens: tokens() })).toBeUndefined();
    expect(await moveReportedMessage(undefined, 'junk', undefined, { fetch, tokens: tokens() })).toBeUndefined();
    expect(fetch.requests).toHaveLength(0);
    expect(await moveReportedMessage('R1', 'deletedItems', undefined, { fetch, tokens: tokens() })).toBeUndefined();
  });
});

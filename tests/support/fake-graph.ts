// A stand-in for Microsoft's cloud APIs (the one place tests may fake): the Entra token endpoint
// (client credentials) and the few Microsoft Graph calls the service makes, answering with the
// request and response shapes of Microsoft's API reference:
//   POST /{tenant}/oauth2/v2.0/token             → { token_type, expires_in, ext_expires_in, access_token }
//   GET  /v1.0/users?$select=…&$top=…            → { value: [user], @odata.nextLink? } (paged)
//   GET  /v1.0/users/{id}/messages?$filter=…     → { value: [message] }; 404 MailboxNotEnabledForRESTAPI
//   GET  /v1.0/users/{id}/mailFolders/{folder}/messages?$filter=… → the same, in one folder (well-known name or id)
//   POST /v1.0/users/{id}/messages/{id}/move     → 201 message (a new id, in the destination folder)
//   POST /v1.0/users/{id}/sendMail               → 202, no body
//   POST /beta/security/threatSubmission/emailThreats → 201 emailThreatSubmission
// Errors are Graph's { error: { code, message } }; throttling is 429 with Retry-After. Every request
// is recorded so tests can assert what was sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';

export const GRAPH_TENANT = '11111111-2222-3333-4444-555555555555';
export const GRAPH_CLIENT = { id: 'lurelens-remediation', secret: 'graph-secret-for-tests-0123456789' };

/** Well-known folder names and the ids of those folders in every fake mailbox; other folder ids start with AAMkFolder. */
export const FOLDERS: Record<string, string> = { inbox: 'AAMkFolderInbox=', junkemail: 'AAMkFolderJunk=', deleteditems: 'AAMkFolderDeleted=' };

export interface FakeMessage {
  id: string;
  internetMessageId: string;
  subject: string;
  from: string;
  receivedDateTime: string;
  parentFolderId: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body?: unknown;
}

export interface FakeGraph {
  url: string;
  requests: RecordedRequest[];
  /** Mailboxes by address; those with `mailbox: false` answer MailboxNotEnabledForRESTAPI. */
  users: { mail: string; mailbox?: boolean }[];
  messages: Map<string, FakeMessage[]>;
  /** The next N Graph calls answer 429 with Retry-After: 1. */
  throttleNext(count: number): void;
  /** Mailboxes whose calls answer 403 ErrorAccessDenied (an application access policy excludes them). */
  denied: Set<string>;
  deliver(mailbox: string, message: Omit<FakeMessage, 'id' | 'parentFolderId'> & { parentFolderId?: string }): FakeMessage;
  /** Move requests are recorded but not answered until the returned function is called (a slow Exchange). */
  holdMoves(): () => void;
  /**
   * Only the next move request in this mailbox waits for the returned function (one call that hangs).
   * With `movedFirst`, Exchange moves the copy at once and only the answer waits (the caller stopped
   * before it heard back).
   */
  holdNextMoveIn(mailbox: string, options?: { movedFirst?: boolean }): () => void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The OData $filter forms the service sends, read back into a predicate over messages. */
function matcher(filter: string): ((message: FakeMessage) => boolean) | undefined {
  const literal = "'((?:[^']|'')*)'";
  const unquote = (value: string) => value.replace(/''/g, "'");
  const byId = new RegExp(`^internetMessageId eq ${literal}$`).exec(filter);
  if (byId) return (message) => message.internetMessageId === unquote(byId[1]);
  const byArrival = new RegExp(`^receivedDateTime eq (\\S+) and subject eq ${literal}$`).exec(filter);
  if (byArrival) return (message) => Date.parse(message.receivedDateTime) === Date.parse(byArrival[1]) && message.subject === unquote(byArrival[2]);
  const bySender = new RegExp(`^receivedDateTime ge (\\S+) and from/emailAddress/address eq ${literal} and subject eq ${literal}$`).exec(filter);
  if (bySender) {
    const [, since, sender, subject] = bySender;
    return (message) => message.receivedDateTime >= since && message.from.toLowerCase() === unquote(sender).toLowerCase() && message.subject === unquote(subject);
  }
  return undefined;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const tokens = new Set<string>();
  const requests: RecordedRequest[] = [];
  const users: FakeGraph['users'] = [];
  const messages = new Map<string, FakeMessage[]>();
  const denied = new Set<string>();
  let throttle = 0;
  let movesHeld: Promise<void> | undefined;
  const nextMoveHeld = new Map<string, { answer: Promise<void>; movedFirst: boolean }>();
  let url = '';

  const send = (response: import('node:http').ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const graphError = (response: import('node:http').ServerResponse, status: number, code: string, message: string) =>
    send(response, status, { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } });

  const server: Server = createServer(async (request, response) => {
    const parsed = new URL(request.url ?? '/', 'http://fake');
    const text = await readBody(request);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // form bodies stay text
    }
    const path = decodeURIComponent(parsed.pathname);
    requests.push({ method: request.method ?? 'GET', path, query: parsed.searchParams, authorization: request.headers.authorization, body });

    const token = new RegExp(`^/${GRAPH_TENANT}/oauth2/v2\\.0/token$`).exec(path);
    if (token && request.method === 'POST') {
      const form = new URLSearchParams(text);
      if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== `${url}/.default`) {
        return send(response, 400, { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain the following parameter: grant_type.\r\nTrace ID: x' });
      }
      if (form.get('client_id') !== GRAPH_CLIENT.id || form.get('client_secret') !== GRAPH_CLIENT.secret) {
        return send(response, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x', error_codes: [7000215] });
      }
      const issued = `fake-app-token-${randomUUID()}`;
      tokens.add(issued);
      return send(response, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: issued });
    }

    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) return graphError(response, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (throttle > 0) {
      throttle--;
      return send(response, 429, { error: { code: 'TooManyRequests', message: 'Too many requests.' } }, { 'retry-after': '1' });
    }

    if (path === '/v1.0/users' && request.method === 'GET') {
      const top = Number(parsed.searchParams.get('$top') ?? 100);
      const skip = Number(parsed.searchParams.get('$skiptoken') ?? 0);
      const page = users.slice(skip, skip + Math.min(top, 2));
      const next = skip + page.length < users.length ? `${url}/v1.0/users?$select=id,mail,userPrincipalName&$top=${top}&$skiptoken=${skip + page.length}` : undefined;
      return send(response, 200, {
        '@odata.context': `${url}/v1.0/$metadata#users(id,mail,userPrincipalName)`,
        value: page.map((user, i) => ({ id: `user-${skip + i}`, mail: user.mail, userPrincipalName: user.mail })),
        ...(next ? { '@odata.nextLink': next } : {}),
      });
    }

    const mailboxCall = /^\/v1\.0\/users\/([^/]+)\/(?:mailFolders\/([^/]+)\/)?(messages|sendMail)(?:\/([^/]+)\/move)?$/.exec(path);
    if (mailboxCall) {
      const [, mailbox, folderName, kind, messageId] = mailboxCall;
      const user = users.find((u) => u.mail.toLowerCase() === mailbox.toLowerCase());
      if (!user) return graphError(response, 404, 'ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`);
      if (user.mailbox === false) return graphError(response, 404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
      if (denied.has(user.mail)) return graphError(response, 403, 'ErrorAccessDenied', 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.');
      if (kind === 'sendMail' && request.method === 'POST') return send(response, 202);
      const box = messages.get(user.mail) ?? [];
      if (!messageId && request.method === 'GET') {
        const test = matcher(parsed.searchParams.get('$filter') ?? '');
        if (!test) return graphError(response, 400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
        // A folder is named by its well-known name or its id.
        const inFolder = folderName === undefined ? undefined : (FOLDERS[folderName.toLowerCase()] ?? folderName);
        const found = box.filter((m) => test(m) && (inFolder === undefined || m.parentFolderId === inFolder)).map((m) => ({ '@odata.etag': 'W/"CQAAABYAAAA"', id: m.id, subject: m.subject, receivedDateTime: m.receivedDateTime, parentFolderId: m.parentFolderId, internetMessageId: m.internetMessageId }));
        return send(response, 200, { '@odata.context': `${url}/v1.0/$metadata#users('${mailbox}')/messages(id,subject,receivedDateTime,parentFolderId,internetMessageId)`, value: found });
      }
      if (messageId && request.method === 'POST') {
        await movesHeld;
        const heldHere = nextMoveHeld.get(user.mail);
        if (heldHere) nextMoveHeld.delete(user.mail);
        if (heldHere && !heldHere.movedFirst) await heldHere.answer;
        const message = box.find((m) => m.id === messageId);
        if (!message) return graphError(response, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        const destination = (body as { destinationId?: string } | undefined)?.destinationId ?? '';
        const folder = FOLDERS[destination.toLowerCase()] ?? (destination.startsWith('AAMkFolder') ? destination : undefined);
        if (!folder) return graphError(response, 404, 'ErrorItemNotFound', 'The specified folder could not be found in the store.');
        // A move makes a new copy with a new id and removes the original.
        message.id = `AAMk${randomUUID()}=`;
        message.parentFolderId = folder;
        if (heldHere?.movedFirst) await heldHere.answer;
        return send(response, 201, { '@odata.context': `${url}/v1.0/$metadata#message`, '@odata.type': '#microsoft.graph.message', id: message.id, subject: message.subject, parentFolderId: folder, internetMessageId: message.internetMessageId, receivedDateTime: message.receivedDateTime });
      }
    }

    if (path === '/beta/security/threatSubmission/emailThreats' && request.method === 'POST') {
      const submission = body as { category?: string; recipientEmailAddress?: string };
      return send(response, 201, {
        '@odata.context': `${url}/beta/$metadata#security/threatSubmission/emailThreatSubmission/$entity`,
        '@odata.type': '#microsoft.graph.security.emailContentThreatSubmission',
        id: randomUUID(),
        category: submission.category,
        recipientEmailAddress: submission.recipientEmailAddress,
        createdDateTime: new Date().toISOString(),
        contentType: 'email',
        status: 'running',
        source: 'administrator',
        tenantId: GRAPH_TENANT,
      });
    }
    return graphError(response, 400, 'BadRequest', `Unsupported request: ${request.method} ${path}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    requests,
    users,
    messages,
    denied,
    throttleNext(count) {
      throttle = count;
    },
    holdMoves() {
      let release!: () => void;
      movesHeld = new Promise<void>((resolve) => (release = resolve));
      return () => {
        movesHeld = undefined;
        release();
      };
    },
    holdNextMoveIn(mailbox, options = {}) {
      let release!: () => void;
      nextMoveHeld.set(mailbox, { answer: new Promise<void>((resolve) => (release = resolve)), movedFirst: options.movedFirst ?? false });
      return () => release();
    },
    deliver(mailbox, message) {
      const stored: FakeMessage = { id: `AAMk${randomUUID()}=`, parentFolderId: FOLDERS.inbox, ...message };
      if (!messages.has(mailbox)) messages.set(mailbox, []);
      messages.get(mailbox)!.push(stored);
      return stored;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

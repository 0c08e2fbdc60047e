// The mailbox channel: send the report from the user's own mailbox to the security mailbox through
// Microsoft Graph, with the reported message attached as an .eml (message/rfc822). Messages under 3 MB go
// in one sendMail call; larger ones go through a draft and an attachment upload session, because Graph
// only accepts inline attachments under 3 MB.
import { base64Decode, base64DecodedLength } from './encoding';
import {
  fetchWithTimeout,
  isRetryableStatus,
  parseHttpUrl,
  networkReason,
  retryAfterMs,
  serverMessageOf,
  type AttemptResult,
  type FetchLike,
} from './http';
import type { ReportSubmission } from './protocol';
import { GRAPH_SCOPES, TokenUnavailableError, type TokenProvider } from './tokens';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

/**
 * Graph's path for a mailbox: /me for the signed-in user's own, /users/{address} for a shared mailbox or
 * another person's folder opened as a delegate (/me/messages/{id} is a 404 for items held there).
 */
export function mailboxPath(sharedMailbox: string | undefined): string {
  const address = securityMailbox(sharedMailbox);
  return address ? `${GRAPH_BASE}/users/${encodeURIComponent(address)}` : `${GRAPH_BASE}/me`;
}
/** Graph takes file attachments inline only under 3 MB. */
export const INLINE_ATTACHMENT_LIMIT = 3_000_000;
/** Upload-session chunk: a multiple of 320 KiB and under 4 MB, as Graph recommends. */
export const UPLOAD_CHUNK_BYTES = 10 * 320 * 1024;
export const REPORT_ATTACHMENT_NAME = 'reported-message.eml';
/** Lets the security team's mailbox rules recognise reports and drop retries of the same one. */
export const REPORT_KEY_HEADER = 'X-Lure-Lens-Report-Key';

const MAILBOX = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

/** The security mailbox the policy names, when it is a plain address. */
export function securityMailbox(address: string | undefined): string | undefined {
  const trimmed = address?.trim();
  return trimmed && trimmed.length <= 320 && MAILBOX.test(trimmed) ? trimmed : undefined;
}

/** Upload URLs come from Graph's answer; only ever send message bytes to Microsoft's own mail hosts. */
const UPLOAD_HOST_SUFFIXES = ['.office.com', '.office365.com', '.outlook.com', '.microsoft.com', '.office365.us', '.outlook.cn', '.partner.outlook.cn'];

function isMicrosoftUploadUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const url = parseHttpUrl(value);
  if (!url || url.protocol !== 'https:' || url.hasUserInfo) return false;
  return UPLOAD_HOST_SUFFIXES.some((suffix) => url.hostname.endsWith(suffix) || url.hostname === suffix.slice(1));
}

export interface GraphReport {
  submission: ReportSubmission;
  /** Subject of the report mail ("[Lure Lens report] …"). */
  subject: string;
  /** Plain-text findings summary (the mail body). */
  summary: string;
  to: string;
}

export interface GraphDeps {
  fetch: FetchLike;
  tokens: TokenProvider;
  timeoutMs?: number;
}

class GraphStepFailed extends Error {
  constructor(readonly result: AttemptResult) {
    super(result.outcome === 'delivered' ? 'delivered' : result.reason);
  }
}

async function failureOf(response: Response, step: string): Promise<AttemptResult> {
  const reason = `${step}-http-${response.status}`;
  if (isRetryableStatus(response.status)) return { outcome: 'retry', reason, status: response.status, retryAfterMs: retryAfterMs(response) };
  return { outcome: 'rejected', reason, status: response.status, serverMessage: await serverMessageOf(response) };
}

function tokenFailure(error: unknown): AttemptResult {
  if (error instanceof TokenUnavailableError) {
    return error.retryable ? { outcome: 'retry', reason: `token-${error.code}` } : { outcome: 'rejected', reason: `token-${error.code}` };
  }
  return { outcome: 'retry', reason: 'token-unavailable' };
}

function messageResource(report: GraphReport) {
  return {
    subject: report.subject,
    body: { contentType: 'Text', content: report.summary },
    toRecipients: [{ emailAddress: { address: report.to } }],
    internetMessageHeaders: [{ name: REPORT_KEY_HEADER, value: report.submission.key }],
  };
}

/** Sends the report through Graph. Never throws: every outcome is an AttemptResult. */
export async function sendViaGraph(report: GraphReport, deps: GraphDeps): Promise<AttemptResult> {
  const size = base64DecodedLength(report.submission.eml);
  const large = size >= INLINE_ATTACHMENT_LIMIT;
  let token: string;
  try {
    token = await deps.tokens.getToken(large ? [...GRAPH_SCOPES.readWrite, ...GRAPH_SCOPES.send] : GRAPH_SCOPES.send);
  } catch (error) {
    return tokenFailure(error);
  }
  try {
    return large ? await sendLarge(report, size, token, deps) : await sendSmall(report, token, deps);
  } catch (error) {
    if (error instanceof GraphStepFailed) return error.result;
    return { outcome: 'retry', reason: networkReason(error) };
  }
}

function graphHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' };
}

async function sendSmall(report: GraphReport, token: string, deps: GraphDeps): Promise<AttemptResult> {
  const body = {
    message: {
      ...messageResource(report),
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: REPORT_ATTACHMENT_NAME,
          contentType: 'message/rfc822',
          contentBytes: report.submission.eml.replace(/\s+/g, ''),
        },
      ],
    },
    // The copy would be one more place the hostile message sits in the user's mailbox.
    saveToSentItems: false,
  };
  const response = await fetchWithTimeout(
    deps.fetch,
    `${GRAPH_BASE}/me/sendMail`,
    { method: 'POST', headers: graphHeaders(token), body: JSON.stringify(body) },
    deps.timeoutMs,
  );
  if (response.status === 202 || response.status === 200) return { outcome: 'delivered' };
  return failureOf(response, 'sendmail');
}

async function sendLarge(report: GraphReport, size: number, token: string, deps: GraphDeps): Promise<AttemptResult> {
  const created = await fetchWithTimeout(
    deps.fetch,
    `${GRAPH_BASE}/me/messages`,
    { method: 'POST', headers: graphHeaders(token), body: JSON.stringify(messageResource(report)) },
    deps.timeoutMs,
  );
  if (created.status !== 201 && created.status !== 200) throw new GraphStepFailed(await failureOf(created, 'draft'));
  const draft = (await created.json().catch(() => undefined)) as { id?: unknown } | undefined;
  if (typeof draft?.id !== 'string' || !draft.id) throw new GraphStepFailed({ outcome: 'retry', reason: 'draft-no-id' });
  const messageUrl = `${GRAPH_BASE}/me/messages/${encodeURIComponent(draft.id)}`;
  try {
    const session = await fetchWithTimeout(
      deps.fetch,
      `${messageUrl}/attachments/createUploadSession`,
      {
        method: 'POST',
        headers: graphHeaders(token),
        body: JSON.stringify({ AttachmentItem: { attachmentType: 'file', name: REPORT_ATTACHMENT_NAME, size, contentType: 'message/rfc822' } }),
      },
      deps.timeoutMs,
    );
    if (session.status !== 201 && session.status !== 200) throw new GraphStepFailed(await failureOf(session, 'upload-session'));
    const { uploadUrl } = ((await session.json().catch(() => ({}))) ?? {}) as { uploadUrl?: unknown };
    if (!isMicrosoftUploadUrl(uploadUrl)) throw new GraphStepFailed({ outcome: 'rejected', reason: 'upload-url-not-microsoft' });

    const bytes = base64Decode(report.submission.eml);
    for (let start = 0; start < bytes.length; start += UPLOAD_CHUNK_BYTES) {
      const end = Math.min(bytes.length, start + UPLOAD_CHUNK_BYTES) - 1;
      // The upload URL carries its own authorisation; our Graph token must not be sent to it.
      const put = await fetchWithTimeout(
        deps.fetch,
        uploadUrl,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${end}/${bytes.length}` },
          body: bytes.slice(start, end + 1),
        },
        deps.timeoutMs,
      );
      // 200 while more is expected, 201 once the attachment is complete.
      if (put.status !== 200 && put.status !== 201) throw new GraphStepFailed(await failureOf(put, 'upload'));
    }
    const sent = await fetchWithTimeout(deps.fetch, `${messageUrl}/send`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }, deps.timeoutMs);
    if (sent.status !== 202 && sent.status !== 200) throw new GraphStepFailed(await failureOf(sent, 'send'));
    return { outcome: 'delivered' };
  } catch (error) {
    // Remove our half-built draft so a retry does not leave copies behind; best effort.
    await fetchWithTimeout(deps.fetch, messageUrl, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }, deps.timeoutMs).catch(() => undefined);
    throw error;
  }
}

/**
 * The message's MIME from Graph (for outbox entries whose .eml was too big to keep locally), from the
 * mailbox that holds it.
 */
export async function fetchMimeViaGraph(restId: string, deps: GraphDeps, sharedMailbox?: string): Promise<Uint8Array | undefined> {
  const token = await deps.tokens.getToken(sharedMailbox ? GRAPH_SCOPES.readShared : GRAPH_SCOPES.read);
  const response = await fetchWithTimeout(
    deps.fetch,
    `${mailboxPath(sharedMailbox)}/messages/${encodeURIComponent(restId)}/$value`,
    { method: 'GET', headers: { Authorization: `Bearer ${token}` } },
    deps.timeoutMs,
  );
  if (response.status !== 200) return undefined;
  return new Uint8Array(await response.arrayBuffer());
}

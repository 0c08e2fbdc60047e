// The endpoint channel: POST the submission as JSON to the organisation's Lure Lens intake service.
// The bearer token goes in the Authorization header only (never in a URL), and the idempotency key makes
// every retry of one report land on the same server-side report.
import type { ReportingPolicy } from '../policy/types';
import {
  fetchWithTimeout,
  isLoopbackHost,
  isRetryableStatus,
  parseHttpUrl,
  type HttpUrl,
  networkReason,
  retryAfterMs,
  serverMessageOf,
  type AttemptResult,
  type FetchLike,
} from './http';
import type { ReportReceipt, ReportSubmission } from './protocol';

export interface EndpointTarget {
  /** The intake URL (…/api/reports). */
  url: string;
  token: string;
  /** Host shown to the user ("Reported to security.example.com"). */
  host: string;
  /** Scheme, host and any path prefix before /api/ (where the service's other routes live). */
  base: string;
}

/** The endpoint the policy configures, or undefined when it is missing or unsafe to send to. */
export function endpointTarget(reporting: ReportingPolicy): EndpointTarget | undefined {
  const token = reporting.endpointToken?.trim();
  if (!reporting.endpointUrl || !token || /[\s]/.test(token)) return undefined;
  const url = parseHttpUrl(reporting.endpointUrl);
  if (!url) return undefined;
  // Reports hold whole messages: HTTPS only (plain http only to this machine, for development).
  const secure = url.protocol === 'https:' || isLoopbackHost(url.hostname);
  if (!secure || url.hasUserInfo) return undefined;
  return { url: reporting.endpointUrl.trim(), token, host: url.host, base: serviceBaseOf(url) };
}

function serviceBaseOf(url: HttpUrl): string {
  const apiAt = url.path.indexOf('/api/');
  const path = apiAt >= 0 ? url.path.slice(0, apiAt) : url.path.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** Base of the service (scheme + host + path before /api/…), for other routes such as "my reports". */
export function serviceBase(target: EndpointTarget): string {
  return target.base;
}

/**
 * The receipt. The contract requires `statusToken`, but a receipt with an id and no token still proves
 * delivery: accept it (the report just won't appear under "My reports") rather than resend forever.
 */
function readReceipt(body: unknown): (Omit<ReportReceipt, 'statusToken'> & { statusToken?: string }) | undefined {
  const receipt = body as Partial<ReportReceipt> | null;
  if (!receipt || typeof receipt !== 'object' || typeof receipt.id !== 'string' || !receipt.id || typeof receipt.duplicate !== 'boolean') {
    return undefined;
  }
  return {
    id: receipt.id.slice(0, 200),
    duplicate: receipt.duplicate,
    ...(typeof receipt.campaignId === 'string' && receipt.campaignId ? { campaignId: receipt.campaignId.slice(0, 200) } : {}),
    ...(typeof receipt.statusToken === 'string' && receipt.statusToken ? { statusToken: receipt.statusToken } : {}),
  };
}

/** One POST of the submission. Never throws: every outcome is an AttemptResult. */
export async function postToEndpoint(
  submission: ReportSubmission,
  target: EndpointTarget,
  fetchFn: FetchLike,
  timeoutMs?: number,
): Promise<AttemptResult> {
  let response: Response;
  try {
    response = await fetchWithTimeout(
      fetchFn,
      target.url,
      {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
        headers: {
          Authorization: `Bearer ${target.token}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
          // Only CORS-safelisted headers besides these two (the service allows authorization and
          // content-type); the idempotency key travels in the body as `key`.
        },
        body: JSON.stringify(submission),
      },
      timeoutMs,
    );
  } catch (error) {
    return { outcome: 'retry', reason: networkReason(error) };
  }
  if (response.status === 200 || response.status === 201) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const receipt = readReceipt(body);
    // Accepted but unreadable: retrying with the same key is safe and gets a readable receipt.
    if (!receipt) return { outcome: 'retry', reason: 'bad-receipt', status: response.status };
    return {
      outcome: 'delivered',
      reportId: receipt.id,
      duplicate: receipt.duplicate,
      ...(receipt.campaignId ? { campaignId: receipt.campaignId } : {}),
      ...(receipt.statusToken ? { statusToken: receipt.statusToken } : {}),
    };
  }
  if (isRetryableStatus(response.status)) {
    return { outcome: 'retry', reason: `http-${response.status}`, status: response.status, retryAfterMs: retryAfterMs(response) };
  }
  return { outcome: 'rejected', reason: `http-${response.status}`, status: response.status, serverMessage: await serverMessageOf(response) };
}

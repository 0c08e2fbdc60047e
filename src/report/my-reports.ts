// "My reports": the reporter's own reports with the security team's decision, from the endpoint service.
// A signed-in reporter (reporter-token.ts) gets every report they made, from any device; without the
// sign-in, the service answers only for the status tokens this device kept from its receipts. Those go
// in a header, never the URL. Never throws: anything that goes wrong is an empty list and a log line.
import { Value } from '@sinclair/typebox/value';
import type { ReportingPolicy } from '../policy/types';
import { endpointTarget, serviceBase } from './endpoint-channel';
import { fetchWithTimeout, type FetchLike } from './http';
import { MAX_STATUS_TOKENS, ReportStatus, STATUS_TOKENS_HEADER } from './protocol';
import type { ReceiptBook } from './receipts';
import type { SignedInReporter } from './reporter-token';
import type { ReportLog } from './service';


export interface MyReportsDeps {
  reporting: ReportingPolicy;
  fetch: FetchLike;
  receipts: ReceiptBook;
  signedIn?: SignedInReporter;
  timeoutMs?: number;
  log: ReportLog;
}

export async function fetchMyReports(deps: MyReportsDeps): Promise<ReportStatus[]> {
  const target = endpointTarget(deps.reporting);
  if (!target) return [];
  const base = serviceBase(target);
  const statusTokens = (await deps.receipts.list())
    .filter((receipt) => receipt.service === base && receipt.statusToken)
    .slice(0, MAX_STATUS_TOKENS)
    .map((receipt) => receipt.statusToken);
  const get = async (bearer: string): Promise<Response | undefined> => {
    try {
      return await fetchWithTimeout(
        deps.fetch,
        `${base}/api/my/reports`,
        {
          method: 'GET',
          mode: 'cors',
          credentials: 'omit',
          cache: 'no-store',
          headers: {
            Authorization: `Bearer ${bearer}`,
            Accept: 'application/json',
            ...(statusTokens.length ? { [STATUS_TOKENS_HEADER]: statusTokens.join(',') } : {}),
          },
        },
        deps.timeoutMs,
      );
    } catch {
      deps.log('report.my-reports.failed', { reason: 'network' });
      return undefined;
    }
  };
  const signedIn = await deps.signedIn?.token();
  if (!signedIn && !statusTokens.length) return [];
  let response = await get(signedIn ?? target.token);
  if (signedIn && response?.status === 401) {
    // The service does not take the sign-in: what this device's receipts show is still worth showing.
    deps.signedIn?.refused();
    response = statusTokens.length ? await get(target.token) : undefined;
  }
  if (!response) return [];
  if (response.status !== 200) {
    deps.log('report.my-reports.failed', { status: response.status });
    return [];
  }
  const body: unknown = await response.json().catch(() => undefined);
  const list = Array.isArray(body) ? body : Array.isArray((body as { reports?: unknown })?.reports) ? (body as { reports: unknown[] }).reports : [];
  return list.filter((item): item is ReportStatus => Value.Check(ReportStatus, item));
}

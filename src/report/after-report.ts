// Moving the reported message once the security team has it (policy.reporting.afterReport). Read-mode
// Office.js has no move API, so the task pane moves through Graph with the item's REST id, in the mailbox
// that holds the item (a shared mailbox or a delegator's, where /me would answer 404). Outlook's
// Report button does not need this: its event.completed({ moveItemTo }) moves the item itself.
// Callers only come here after a confirmed delivery; a failure here leaves the message where it is.
import type { AfterReport } from '../policy/types';
import { fetchWithTimeout } from './http';
import { mailboxPath, type GraphDeps } from './graph-channel';
import { GRAPH_SCOPES } from './tokens';

export type MovedTo = Exclude<AfterReport, 'leave'>;

/** The policy's documented default for reportedFolderName. */
export const DEFAULT_REPORTED_FOLDER = 'Reported phishing';

function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Folder names Outlook accepts: no control characters, bounded. */
export function cleanFolderName(name: string | undefined): string {
  const clean = (name ?? '').replace(/[\x00-\x1f\x7f]+/g, ' ').trim().slice(0, 200);
  return clean || DEFAULT_REPORTED_FOLDER;
}

async function findOrCreateFolder(name: string, token: string, deps: GraphDeps, mailbox: string): Promise<string | undefined> {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const query = new URLSearchParams({ $filter: `displayName eq ${odataString(name)}`, $select: 'id,displayName', $top: '1' });
  const find = async () => {
    const response = await fetchWithTimeout(deps.fetch, `${mailbox}/mailFolders?${query.toString()}`, { method: 'GET', headers }, deps.timeoutMs);
    if (response.status !== 200) return undefined;
    const body = (await response.json().catch(() => undefined)) as { value?: { id?: unknown }[] } | undefined;
    const id = body?.value?.[0]?.id;
    return typeof id === 'string' ? id : undefined;
  };
  const existing = await find();
  if (existing) return existing;
  const created = await fetchWithTimeout(
    deps.fetch,
    `${mailbox}/mailFolders`,
    { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ displayName: name }) },
    deps.timeoutMs,
  );
  if (created.status === 201) {
    const body = (await created.json().catch(() => undefined)) as { id?: unknown } | undefined;
    if (typeof body?.id === 'string') return body.id;
  }
  // 409: someone created it between our two calls.
  return created.status === 409 ? find() : undefined;
}

/**
 * Moves the message per policy. Returns where it went, or undefined when it stayed (policy "leave",
 * no REST id, or any error). Never throws.
 */
export async function moveReportedMessage(
  restId: string | undefined,
  afterReport: AfterReport | undefined,
  folderName: string | undefined,
  deps: GraphDeps,
  sharedMailbox?: string,
): Promise<MovedTo | undefined> {
  if (!restId || !afterReport || afterReport === 'leave') return undefined;
  const mailbox = mailboxPath(sharedMailbox);
  try {
    const token = await deps.tokens.getToken(sharedMailbox ? GRAPH_SCOPES.readWriteShared : GRAPH_SCOPES.readWrite);
    let destinationId: string | undefined;
    if (afterReport === 'junk') destinationId = 'junkemail';
    else if (afterReport === 'deletedItems') destinationId = 'deleteditems';
    else destinationId = await findOrCreateFolder(cleanFolderName(folderName), token, deps, mailbox);
    if (!destinationId) return undefined;
    const response = await fetchWithTimeout(
      deps.fetch,
      `${mailbox}/messages/${encodeURIComponent(restId)}/move`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ destinationId }),
      },
      deps.timeoutMs,
    );
    return response.status === 201 || response.status === 200 ? afterReport : undefined;
  } catch {
    return undefined;
  }
}

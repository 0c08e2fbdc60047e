// Typed client for the intake service's analyst API (docs/service.md, Endpoints). Same origin in
// the browser; tests point it at an in-process service. Every call carries the bearer token; a 401
// tells the console to go back to sign-in; failures carry the service's {error, message}.
// Response types come from the service's own schemas (type-only imports: nothing from the server
// is bundled into the page).
import type { Static } from '@sinclair/typebox';
import type { Disposition } from '../report/protocol';
import type { CampaignDetail as CampaignDetailSchema, CampaignList as CampaignListSchema, ReportContent as ReportContentSchema, ReportDetail as ReportDetailSchema, ReportList as ReportListSchema } from '../server/schemas';
import type { AuthenticationSummary } from '../mail/authentication';
import type { AuditAction } from '../server/identity/audit';
import type { ServiceWarning, WarningCode } from '../server/warnings';
import type { AuditList as AuditListSchema, Me as MeSchema, RemediationDetail as RemediationDetailSchema, RemediationSummary as RemediationSummarySchema } from '../server/identity/schemas';
import type { Evidence, LocalizedText, Severity } from '../engine/model';

export type ReportList = Static<typeof ReportListSchema>;
export type ReportSummary = ReportList['items'][number];
export type ReportDetail = Static<typeof ReportDetailSchema>;
export type ReportContent = Static<typeof ReportContentSchema>;
export type CampaignList = Static<typeof CampaignListSchema>;
export type CampaignSummary = CampaignList['items'][number];
export type CampaignDetail = Static<typeof CampaignDetailSchema>;
export type HeaderSummary = NonNullable<ReportDetail['headers']>;
export type VerdictLevel = NonNullable<ReportSummary['verdict']>;
export type GroupingReason = CampaignDetail['grouping'][number];
export type CampaignEvent = CampaignDetail['events'][number];
/** Who the service says is calling, and whether it offers sign-in with the organisation's identity provider. */
export type Me = Static<typeof MeSchema>;
export type AuditList = Static<typeof AuditListSchema>;
export type AuditEntry = AuditList['items'][number];
export type { AuditAction };
export type RemediationSummary = Static<typeof RemediationSummarySchema>;
export type RemediationDetail = Static<typeof RemediationDetailSchema>;
export type RemediationMessage = RemediationDetail['messages'][number];
export type RemediationDestination = NonNullable<RemediationSummary['destination']>;
/** Staff roles, lowest first: each may do what the ones before it may. */
export const STAFF_ROLES = ['viewer', 'analyst', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Whether `role` (from /api/me) includes `needed`, as the service decides it (auth.ts roleAllows). */
export function roleIncludes(role: string | undefined, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role as StaffRole) >= STAFF_ROLES.indexOf(needed);
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  /** ISO 8601 times: entries at or after `since`, before `until`. */
  since?: string;
  until?: string;
  /** The seq the previous page ended at (the service's `next`). */
  before?: string;
  limit?: number;
}

export type { ServiceWarning, WarningCode };

export interface ServiceStatus {
  version: string;
  /** In English, for anyone; the console words warningDetails instead when the service sends them. */
  warnings: string[];
  /** The same warnings as a code and parameters (services since warnings.ts). */
  warningDetails?: ServiceWarning[];
  webhook?: { pending: number; delivered: number; failed: number };
}

/** Findings as the service stores them (the engine's Finding); fields are checked before use since they arrive as JSON. */
export interface FindingData {
  rule?: string;
  severity?: Severity;
  title?: LocalizedText | string;
  explanation?: LocalizedText | string;
  technique?: string;
  evidence?: Evidence[];
}

export type { AuthenticationSummary, Disposition };

export const DISPOSITIONS: readonly Disposition[] = ['pending', 'malicious', 'suspicious', 'benign', 'simulation'];
export const VERDICTS: readonly VerdictLevel[] = ['clean', 'suspicious', 'dangerous'];

export interface ReportQuery {
  verdict?: VerdictLevel;
  /** 'incomplete': only reports whose message was not fully analysed. */
  analysis?: 'incomplete';
  disposition?: Disposition;
  campaign?: string;
  reporter?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface TriageUpdate {
  disposition?: Disposition;
  note?: string;
  feedback?: string;
}

/** The part of fetch this client uses (so tests can pass Node's fetch or a stand-in). */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}>;

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the service could not be reached. */
    readonly status: number,
    /** The service's machine code (`validation`, `not_found`, …), or `network` / `http`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  /** A static token (automation, the local default); without one the browser's session cookie is used. */
  token?: string;
  /** With a session: the CSRF token from /api/me, sent with every change. */
  csrfToken?: string;
  /** '' (same origin) in the browser. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Called on any 401 (the token is no longer accepted). */
  onUnauthorized?: () => void;
}

export interface Download {
  blob: Blob;
  filename: string;
}

/** Only characters that are safe in a file name on every system; the service's names are ids anyway. */
export function safeFilename(header: string | null, fallback: string): string {
  const match = /filename="?([^";]{1,200})"?/i.exec(header ?? '');
  const name = (match?.[1] ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return name || fallback;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function errorFrom(response: Awaited<ReturnType<FetchLike>>): Promise<ApiError> {
  let code = 'http';
  let message = `The service answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') code = body.error.slice(0, 100);
    if (typeof body.message === 'string' && body.message) message = body.message.slice(0, 1000);
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  return new ApiError(response.status, code, message);
}

export class Api {
  private readonly baseUrl: string;
  private readonly fetcher: FetchLike;

  constructor(private readonly options: ApiOptions) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.fetcher = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  private async send(method: string, path: string, body?: unknown, accept = 'application/json') {
    const headers: Record<string, string> = { accept };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    else if (this.options.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.options.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await this.fetcher(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, 'network', (error as Error)?.message || 'The service could not be reached.');
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (response.status === 401) this.options.onUnauthorized?.();
      throw error;
    }
    return response;
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    return (await response.json()) as T;
  }

  status(): Promise<ServiceStatus> {
    return this.json('GET', '/api/status');
  }

  /** Who is signed in (session cookie or token), and whether sign-in with the identity provider is offered. */
  me(): Promise<Me> {
    return this.json('GET', '/api/me');
  }

  /** Ends the console session; the provider's own sign-out page when it offers one. */
  signOut(): Promise<{ endSessionUrl?: string }> {
    return this.json('POST', '/auth/logout', {});
  }

  /** Sets the triage fields of several reports (inbox bulk selection). */
  triageReports(ids: string[], update: TriageUpdate): Promise<{ updated: number }> {
    return this.json('POST', '/api/reports/triage', { ids, ...update });
  }

  mergeCampaign(id: string, other: string): Promise<{ id: string }> {
    return this.json('POST', `/api/campaigns/${encodeURIComponent(id)}/merge`, { campaignId: other });
  }

  keepCampaignsApart(id: string, other: string): Promise<{ id: string }> {
    return this.json('POST', `/api/campaigns/${encodeURIComponent(id)}/keep-apart`, { campaignId: other });
  }

  splitCampaign(id: string, reportIds: string[]): Promise<{ id: string; campaignId?: string }> {
    return this.json('POST', `/api/campaigns/${encodeURIComponent(id)}/split`, { reportIds });
  }

  /** Puts every failed webhook delivery back in the queue. */
  redriveWebhook(): Promise<{ redriven: number }> {
    return this.json('POST', '/api/webhook/redrive', {});
  }

  listReports(query: ReportQuery = {}): Promise<ReportList> {
    return this.json('GET', `/api/reports${queryString({ ...query })}`);
  }

  getReport(id: string): Promise<ReportDetail> {
    return this.json('GET', `/api/reports/${encodeURIComponent(id)}`);
  }

  /** Body text, links and raw headers (bounded), derived by the service from the stored original. */
  getContent(id: string): Promise<ReportContent> {
    return this.json('GET', `/api/reports/${encodeURIComponent(id)}/content`);
  }

  triageReport(id: string, update: TriageUpdate): Promise<ReportDetail> {
    return this.json('PATCH', `/api/reports/${encodeURIComponent(id)}`, update);
  }

  listCampaigns(page: { limit?: number; offset?: number } = {}): Promise<CampaignList> {
    return this.json('GET', `/api/campaigns${queryString(page)}`);
  }

  getCampaign(id: string): Promise<CampaignDetail> {
    return this.json('GET', `/api/campaigns/${encodeURIComponent(id)}`);
  }

  triageCampaign(id: string, update: TriageUpdate): Promise<{ id: string; updated: number }> {
    return this.json('PATCH', `/api/campaigns/${encodeURIComponent(id)}`, update);
  }

  /** The audit log, newest first (admins only). */
  listAudit(query: AuditQuery = {}): Promise<AuditList> {
    return this.json('GET', `/api/audit${queryString({ ...query })}`);
  }

  listRemediations(campaignId: string): Promise<{ items: RemediationSummary[] }> {
    return this.json('GET', `/api/campaigns/${encodeURIComponent(campaignId)}/remediations`);
  }

  /** The dry run: finds the campaign's message in every mailbox and moves nothing. */
  searchMailboxes(campaignId: string, options: { senderAndSubject?: boolean } = {}): Promise<RemediationDetail> {
    return this.json('POST', `/api/campaigns/${encodeURIComponent(campaignId)}/remediations`, options.senderAndSubject ? { senderAndSubject: true } : {});
  }

  getRemediation(id: string): Promise<RemediationDetail> {
    return this.json('GET', `/api/remediations/${encodeURIComponent(id)}`);
  }

  /** Moves what the search found; `expectedCount` is the count the analyst confirmed (the service refuses another). */
  moveMessages(id: string, destination: RemediationDestination, expectedCount: number): Promise<RemediationDetail> {
    return this.json('POST', `/api/remediations/${encodeURIComponent(id)}/move`, { destination, expectedCount });
  }

  /** Moves every moved message back to the folder it was found in. */
  undoRemediation(id: string): Promise<RemediationDetail> {
    return this.json('POST', `/api/remediations/${encodeURIComponent(id)}/undo`, {});
  }

  /** A download from the API (with the token), as a Blob and the file name the service suggests. */
  async download(path: string, fallbackName: string): Promise<Download> {
    if (!path.startsWith('/api/')) throw new ApiError(0, 'client', 'Only API downloads are allowed.');
    const response = await this.send('GET', path, undefined, '*/*');
    return { blob: await response.blob(), filename: safeFilename(response.headers.get('content-disposition'), fallbackName) };
  }
}

export const downloads = {
  eml: (id: string) => ({ path: `/api/reports/${encodeURIComponent(id)}/eml`, name: `report-${id}.eml` }),
  arf: (id: string) => ({ path: `/api/reports/${encodeURIComponent(id)}/arf`, name: `report-${id}-arf.eml` }),
  stix: (id: string) => ({ path: `/api/campaigns/${encodeURIComponent(id)}/stix`, name: `campaign-${id}.stix.json` }),
  csv: (id: string) => ({ path: `/api/campaigns/${encodeURIComponent(id)}/csv`, name: `campaign-${id}-indicators.csv` }),
  audit: (format: 'csv' | 'json') => ({ path: `/api/audit/export?format=${format}`, name: `lurelens-audit.${format}` }),
};

/**
 * Saves a downloaded file through an object URL and a temporary <a download>: the browser stores it,
 * and the page never navigates to message content.
 */
export function saveFile({ blob, filename }: Download, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Revoke after the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

// What every route plugin receives: configuration, storage, policy and the token verifier.
import type { Admission } from './admission';
import type { AnalysisPool } from './analysis/pool';
import type { HealthMonitor } from './health';
import type { ServerConfig } from './config';
import type { TokenVerifier } from './auth';
import type { ServicePolicy } from './policy';
import type { Auditor } from './identity/audit';
import type { DefenderForwarder } from './identity/defender';
import type { IdentityStore } from './store/identity';
import type { ReportStore } from './store/types';
import type { WebhookForwarder } from './webhook';

export interface ServiceContext {
  config: ServerConfig;
  store: ReportStore;
  /** Sessions, audit log, reports by signed-in reporter, remediation runs. */
  identity: IdentityStore;
  auditor: Auditor;
  policy: ServicePolicy;
  verifier: TokenVerifier;
  webhook?: WebhookForwarder;
  /** Sends each new report to Microsoft Defender too (identity.graph.defender). */
  defender?: DefenderForwarder;
  /** Worker threads for parsing and analysis (never on the event loop). */
  pool: AnalysisPool;
  /** What readiness and /api/status report: storage writes, disk space, lost analyses. */
  health: HealthMonitor;
  admission: Admission;
  /** manifest.xml rendered for publicUrl; undefined when no template was found. */
  manifest?: string;
  version: string;
}

export interface RouteOptions {
  context: ServiceContext;
}

/** Paging from query strings (validated as digit strings by the schemas). */
export function paging(query: { limit?: string; offset?: string }, defaultLimit = 50, maxLimit = 200): { limit: number; offset: number } {
  const limit = Math.min(Math.max(query.limit === undefined ? defaultLimit : Number(query.limit), 1), maxLimit);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  return { limit, offset };
}

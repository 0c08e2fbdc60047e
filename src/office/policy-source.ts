// policy.json for the pane: fetched once from the pane's own origin, optional (404 means the built-in
// defaults), and never fatal: an invalid or unreachable file gives the defaults plus a warning the
// pane shows, so a typo by IT cannot switch the checks off silently.
// The schema check (TypeBox and the policy schema) is loaded only when there is a policy.json to check:
// most panes open with the defaults and never need it, so it stays out of the pane's first load.
import { policyForMailbox } from '../policy/resolve';
import type { Policy, ResolvedPolicy } from '../policy/types';
import { fetchWithTimeout, type FetchLike } from '../report/http';

export type PolicyProblem =
  /** policy.json exists but does not pass the schema; `errors` are the validator's sentences. */
  | { kind: 'invalid'; errors: string[] }
  /** The file could not be fetched (network, HTTP error other than 404). */
  | { kind: 'unreachable'; detail: string };

export interface PolicyLoad {
  policy: ResolvedPolicy;
  /** 'file' when policy.json applied; 'defaults' when there is none or it could not be used. */
  source: 'file' | 'defaults';
  problem?: PolicyProblem;
}

export type PolicyLoader = (userAddress: string) => Promise<PolicyLoad>;

export const POLICY_TIMEOUT_MS = 10_000;

export interface PolicyLoaderOptions {
  /** Absolute URL of policy.json; defaults to policy.json beside the pane's page. */
  url?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

type FileResult = { policy?: Policy; problem?: PolicyProblem };

function paneRelativeUrl(): string {
  return new URL('policy.json', location.href).toString();
}

export function createPolicyLoader(options: PolicyLoaderOptions = {}): PolicyLoader {
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  // One fetch per pane session: every message selected in a pinned pane reuses it.
  let cached: Promise<FileResult> | undefined;

  async function fetchPolicy(): Promise<FileResult> {
    let url: string;
    try {
      url = options.url ?? paneRelativeUrl();
    } catch (error) {
      return { problem: { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) } };
    }
    let response: Response;
    try {
      response = await fetchWithTimeout(fetchFn, url, { method: 'GET', cache: 'no-cache', credentials: 'omit' }, options.timeoutMs ?? POLICY_TIMEOUT_MS);
    } catch (error) {
      return { problem: { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) } };
    }
    if (response.status === 404) return {};
    if (!response.ok) return { problem: { kind: 'unreachable', detail: `HTTP ${response.status}` } };
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return { problem: { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) } };
    }
    let parsePolicyJson: typeof import('../policy/validate.js').parsePolicyJson;
    try {
      ({ parsePolicyJson } = await import(/* webpackChunkName: "policy-check" */ '../policy/validate.js'));
    } catch (error) {
      // The checker's script could not be fetched (offline mid-load): like an unreachable file, tried again next time.
      return { problem: { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) } };
    }
    const parsed = parsePolicyJson(text);
    return parsed.ok ? { policy: parsed.policy } : { problem: { kind: 'invalid', errors: parsed.errors } };
  }

  return async (userAddress: string): Promise<PolicyLoad> => {
    cached ??= fetchPolicy();
    const file = await cached;
    // A failed fetch is tried again next time; a valid or invalid answer is kept.
    if (file.problem?.kind === 'unreachable') cached = undefined;
    return {
      policy: policyForMailbox(userAddress, file.policy),
      source: file.policy ? 'file' : 'defaults',
      ...(file.problem ? { problem: file.problem } : {}),
    };
  };
}

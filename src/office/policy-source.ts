// policy.json for the pane: fetched once from the pane's own origin, optional (404 means the built-in
// defaults), and never fatal: an invalid or unreachable file gives the defaults plus a warning the
// pane shows, so a typo by IT cannot switch the checks off silently.
// The schema check (TypeBox and the policy schema, 19 KB gzip) is a separate script, loaded only when a
// policy.json text has to be checked: with a memo (browserPolicyMemo), a device that already checked
// exactly this text with this build's checker uses it at once, so after its first open the pane's
// first verdict never waits for the checker. A changed file, a new checker or no storage: checked again.
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
  /** Remembers the last text the checker passed, so an unchanged policy.json needs no checker. */
  memo?: ValidatedPolicyMemo;
}

/** Where the last policy.json text this build's checker passed is kept (localStorage in the pane). */
export interface ValidatedPolicyMemo {
  /** Identifies the checker (a hash of src/policy at build time): another checker checks again. */
  checker: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

const MEMO_KEY = 'lurelens.policy.checked';

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The policy in `text` when the memo says this exact text passed this checker; never throws. */
function rememberedPolicy(memo: ValidatedPolicyMemo | undefined, text: string): Policy | undefined {
  if (!memo) return undefined;
  try {
    const saved = JSON.parse(memo.storage.getItem(MEMO_KEY) ?? 'null') as { checker?: unknown; text?: unknown } | null;
    return saved?.checker === memo.checker && saved.text === text ? (JSON.parse(stripBom(text)) as Policy) : undefined;
  } catch {
    return undefined;
  }
}

function rememberPolicy(memo: ValidatedPolicyMemo | undefined, text: string): void {
  try {
    memo?.storage.setItem(MEMO_KEY, JSON.stringify({ checker: memo.checker, text }));
  } catch {
    // Storage full or refused: the next pane checks again.
  }
}

declare const LURELENS_POLICY_CHECKER: string | undefined;

/** The pane's memo: localStorage, keyed by the checker the build was made with (webpack defines it). */
export function browserPolicyMemo(): ValidatedPolicyMemo | undefined {
  try {
    const checker = typeof LURELENS_POLICY_CHECKER === 'string' ? LURELENS_POLICY_CHECKER : undefined;
    return checker && typeof localStorage !== 'undefined' ? { checker, storage: localStorage } : undefined;
  } catch {
    // localStorage itself can throw where storage is blocked.
    return undefined;
  }
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
    const remembered = rememberedPolicy(options.memo, text);
    if (remembered) return { policy: remembered };
    let parsePolicyJson: typeof import('../policy/validate.js').parsePolicyJson;
    try {
      ({ parsePolicyJson } = await import(/* webpackChunkName: "policy-check" */ '../policy/validate.js'));
    } catch (error) {
      // The checker's script could not be fetched (offline mid-load): like an unreachable file, tried again next time.
      return { problem: { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) } };
    }
    const parsed = parsePolicyJson(text);
    if (!parsed.ok) return { problem: { kind: 'invalid', errors: parsed.errors } };
    rememberPolicy(options.memo, text);
    return { policy: parsed.policy };
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

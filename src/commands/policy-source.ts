// The reporting settings for Outlook's Report button: policy.json from the add-in's own origin, checked
// by the policy schema and resolved for the signed-in mailbox. The last good settings are kept in the
// store so the button still knows where to send (and can queue) when policy.json is out of reach.
import { parsePolicyJson, policyForMailbox, resolvePolicy } from '../policy';
import type { Policy, ReportingPolicy } from '../policy/types';
import { fetchWithTimeout, type FetchLike } from '../report/http';
import type { KeyValueStore } from '../report/stores';

export const POLICY_CACHE_KEY = 'lurelens.policy.v1.reporting';
const POLICY_TIMEOUT_MS = 15_000;

/**
 * policy.json next to the running script or page. The JavaScript-only runtime has no `location`;
 * Office gives the script's URL there (Office.context.urls.javascriptRuntimeUrl).
 */
export function policyUrlFor(base: string | undefined): string | undefined {
  if (!base || !/^https?:\/\//i.test(base)) return undefined;
  const withoutQuery = base.replace(/[?#].*$/, '');
  return `${withoutQuery.slice(0, withoutQuery.lastIndexOf('/') + 1)}policy.json`;
}

export type ReportingSource = { reporting: ReportingPolicy; from: 'policy' | 'cache' } | { reporting?: undefined; problem: string };

function reportingFor(policy: Policy, userAddress: string): ReportingPolicy {
  try {
    return policyForMailbox(userAddress, policy).reporting;
  } catch {
    // Resolving the organisation domain needs platform features the button's runtime may lack;
    // reporting settings do not depend on it.
    return resolvePolicy(policy).reporting;
  }
}

export async function loadReporting(options: {
  url: string | undefined;
  userAddress: string;
  fetch: FetchLike;
  store: KeyValueStore;
}): Promise<ReportingSource> {
  let problem = 'policy.json location unknown';
  if (options.url) {
    try {
      const response = await fetchWithTimeout(options.fetch, options.url, { method: 'GET', cache: 'no-store', credentials: 'omit' }, POLICY_TIMEOUT_MS);
      if (response.status === 200) {
        const parsed = parsePolicyJson(await response.text());
        if (parsed.ok) {
          const reporting = reportingFor(parsed.policy, options.userAddress);
          await options.store.set(POLICY_CACHE_KEY, JSON.stringify(reporting)).catch(() => undefined);
          return { reporting, from: 'policy' };
        }
        problem = 'policy.json is invalid';
      } else if (response.status === 404) {
        // No policy.json: the built-in defaults apply (compose only).
        return { reporting: resolvePolicy(undefined).reporting, from: 'policy' };
      } else {
        problem = `policy.json HTTP ${response.status}`;
      }
    } catch {
      problem = 'policy.json unreachable';
    }
  }
  const cached = await options.store.get(POLICY_CACHE_KEY).catch(() => null);
  if (cached) {
    try {
      return { reporting: JSON.parse(cached) as ReportingPolicy, from: 'cache' };
    } catch {
      // fall through
    }
  }
  return { problem };
}

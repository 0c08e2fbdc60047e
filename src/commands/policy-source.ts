// The reporting settings for Outlook's Report button: policy.json from the add-in's own origin, checked
// by the policy schema, with the reporting defaults filled in. The last good settings are kept in the
// store so the button still knows where to send (and can queue) when policy.json is out of reach.
//
// Imports name the policy modules directly, never '../policy': the button is one small file and needs
// neither the built-in lists nor the public suffix list that the rest of the policy brings along.
import { resolveReporting } from '../policy/reporting';
import type { ReportingPolicy } from '../policy/types';
import { parsePolicyJson } from '../policy/validate';
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

export async function loadReporting(options: {
  url: string | undefined;
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
          const reporting = resolveReporting(parsed.policy.reporting);
          await options.store.set(POLICY_CACHE_KEY, JSON.stringify(reporting)).catch(() => undefined);
          return { reporting, from: 'policy' };
        }
        problem = 'policy.json is invalid';
      } else if (response.status === 404) {
        // No policy.json: the built-in defaults apply (compose only).
        return { reporting: resolveReporting(undefined), from: 'policy' };
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

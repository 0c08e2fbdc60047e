// The sender-history check as Outlook's task pane offers it: off unless policy.json turns it on, and
// only where Outlook brokers Graph tokens for the add-in (nested app authentication, NestedAppAuth 1.1,
// with reporting.entraClientId). The lookup asks for a token silently, so opening a message never pops
// up a sign-in window; when permission is missing, the pane offers consent() and the user chooses.
// Loaded as a separate script after the verdict is shown (with MSAL only when a token is needed).
import type { ResolvedPolicy } from '../policy/types';
import type { FetchLike } from '../report/http';
import { officeTokenProvider, type MsalModule } from '../report/office-auth';
import { GRAPH_SCOPES, type TokenProvider } from '../report/tokens';
import type { RequirementChecker } from '../office/requirements';
import { createSenderHistoryLookup, type SenderHistoryLookup } from './sender-history';

const loadMsal = (): Promise<MsalModule> => import(/* webpackChunkName: "msal" */ '../report/msal-naa.js').then((module) => module.nestedAppAuthMsal);

export type OfficeHistoryAccess = { lookup: SenderHistoryLookup; consent: () => Promise<void> } | 'off' | 'unsupported';

export function officeHistoryAccess(
  policy: ResolvedPolicy,
  fetchFn: FetchLike = (url, init) => fetch(url, init),
  requirements?: RequirementChecker,
  msal: () => Promise<MsalModule> = loadMsal,
): OfficeHistoryAccess {
  if (!policy.senderHistory) return 'off';
  // One MSAL client for both uses (each one starts its own broker handshake with Outlook): the lookup
  // asks silently on every message, only consent() may show a window.
  const tokens = officeTokenProvider(policy.reporting.entraClientId, { loadMsal: msal, interactive: true }, requirements);
  if (!tokens) return 'unsupported';
  const silent: TokenProvider = { getToken: (scopes, options) => tokens.getToken(scopes, { ...options, silent: true }) };
  return {
    lookup: createSenderHistoryLookup({ fetch: fetchFn, tokens: silent, policy }),
    consent: async () => {
      await tokens.getToken(GRAPH_SCOPES.readBasic);
    },
  };
}

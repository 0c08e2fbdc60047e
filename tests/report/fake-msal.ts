// Outlook's token broker as MSAL's nested app authentication presents it to the add-in: the module's
// createNestablePublicClientApplication(configuration) resolves to a client whose acquireTokenSilent and
// acquireTokenPopup resolve to an AuthenticationResult or reject with MSAL's own error classes (the real
// ones, from @azure/msal-browser), the way MSAL's NAA adapter maps the host's answers: the host's
// UserInteractionRequired becomes InteractionRequiredAuthError, NoNetwork ClientAuthError
// "no_network_connectivity", AccountUnavailable ClientAuthError "no_account_found", Transient/PersistentError
// ServerError. Only the broker is fake: office-auth.ts and everything above it run as in Outlook.
import { ClientAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import type { MsalModule, NestableClient } from '../../src/report/office-auth';

type Request = { scopes: string[] };
export type BrokerAnswer = { accessToken: string } | Error | 'never';
export type Broker = (request: Request, kind: 'silent' | 'popup') => BrokerAnswer | Promise<BrokerAnswer>;

export interface BrokerCall {
  kind: 'silent' | 'popup';
  clientId: string;
  scopes: string[];
}

/** Errors as MSAL's NAA adapter (NestedAppAuthAdapter.fromBridgeError) throws them for the host's status codes. */
export const brokerErrors = {
  interactionRequired: () => new InteractionRequiredAuthError('consent_required', 'AADSTS65001: The user or administrator has not consented to use the application.'),
  noNetwork: () => new ClientAuthError('no_network_connectivity'),
  noAccount: () => new ClientAuthError('no_account_found'),
  server: () => new ServerError('temporarily_unavailable', 'AADSTS50196: The server terminated an operation because it encountered a client request loop.'),
};

/** An AuthenticationResult's fields the add-in reads (accessToken), with the rest of its published shape. */
function authenticationResult(accessToken: string, scopes: string[]) {
  return {
    authority: 'https://login.microsoftonline.com/common/',
    uniqueId: 'oid-rita',
    tenantId: 'tenant-a',
    scopes,
    account: null,
    idToken: '',
    idTokenClaims: {},
    accessToken,
    fromCache: true,
    expiresOn: new Date(Date.now() + 3_600_000),
    tokenType: 'Bearer',
    correlationId: '00000000-0000-0000-0000-000000000000',
  };
}

export function fakeMsal(broker: Broker, options: { createFails?: Error } = {}) {
  const calls: BrokerCall[] = [];
  let created = 0;
  const module: MsalModule = {
    InteractionRequiredAuthError,
    async createNestablePublicClientApplication(configuration) {
      created++;
      if (options.createFails) throw options.createFails;
      const clientId = configuration.auth.clientId;
      const answer = async (kind: 'silent' | 'popup', request: Request) => {
        calls.push({ kind, clientId, scopes: [...request.scopes] });
        const result = await broker(request, kind);
        if (result === 'never') return new Promise<never>(() => undefined);
        if (result instanceof Error) throw result;
        return authenticationResult(result.accessToken, request.scopes);
      };
      const client: NestableClient = {
        acquireTokenSilent: (request) => answer('silent', request),
        acquireTokenPopup: (request) => answer('popup', request),
      };
      return client;
    },
  };
  return { module, calls, created: () => created, load: async () => module };
}

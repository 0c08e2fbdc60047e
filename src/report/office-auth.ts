// Access tokens through MSAL's nested app authentication (the signed-in Outlook account, no separate
// sign-in page): Graph's, and the service API's for verified reporters (reporter-token.ts, always silent).
// MSAL is handed in by a loader so the task pane can load it lazily (dynamic import: the pane fetches
// it only when an Entra app is configured and a token is needed) while the Report button's bundle,
// which must not split, imports it statically. Only where Outlook offers NestedAppAuth 1.1: elsewhere
// there is no token provider at all, so reporting plans without Graph instead of failing every report.
// Entra needs the app registered as a SPA with the redirect URI brk-multihub://<add-in origin>
// (docs/deploy.md).
import { isSetSupported, officeRequirements, type RequirementChecker } from '../office/requirements';
import { TokenUnavailableError, type TokenProvider } from './tokens';

interface TokenRequest {
  scopes: string[];
}

/** The part of an MSAL public client we use. */
export interface NestableClient {
  acquireTokenSilent(request: TokenRequest): Promise<{ accessToken: string }>;
  acquireTokenPopup(request: TokenRequest): Promise<{ accessToken: string }>;
}

/** The part of @azure/msal-browser we use, described structurally so either of its builds fits. */
export interface MsalModule {
  createNestablePublicClientApplication(configuration: { auth: { clientId: string; authority?: string } }): Promise<NestableClient>;
  InteractionRequiredAuthError: abstract new (...args: never[]) => Error;
}

/** Whether this Outlook brokers tokens for nested apps (requirement set NestedAppAuth 1.1). */
export function nestedAppAuthSupported(requirements: RequirementChecker | undefined = officeRequirements()): boolean {
  return isSetSupported('NestedAppAuth', '1.1', requirements);
}

export interface NaaOptions {
  clientId: string;
  loadMsal: () => Promise<MsalModule>;
  /** False in the Report button's runtime: there is no window to show a sign-in popup in. */
  interactive: boolean;
}

function isInteractionRequired(msal: MsalModule, error: unknown): boolean {
  if (error instanceof msal.InteractionRequiredAuthError) return true;
  const code = (error as { errorCode?: unknown })?.errorCode;
  return typeof code === 'string' && /interaction_required|consent_required|login_required/.test(code);
}

function classify(error: unknown): TokenUnavailableError {
  const code = String((error as { errorCode?: unknown })?.errorCode ?? '');
  if (/user_cancelled|popup_window_error|user_canceled/.test(code)) return new TokenUnavailableError('cancelled', false);
  if (/consent|access_denied|invalid_grant/.test(code)) return new TokenUnavailableError('consent-denied', false);
  if (/network|timed_out|timeout/.test(code)) return new TokenUnavailableError('network', true);
  return new TokenUnavailableError('unavailable', true);
}

export function createNaaTokenProvider(options: NaaOptions): TokenProvider {
  let app: Promise<{ msal: MsalModule; client: NestableClient }> | undefined;
  const client = () => {
    app ??= options.loadMsal().then(async (msal) => ({
      msal,
      client: await msal.createNestablePublicClientApplication({
        auth: { clientId: options.clientId, authority: 'https://login.microsoftonline.com/common' },
      }),
    }));
    // A failed start (offline) is retried on the next call rather than cached.
    app.catch(() => {
      app = undefined;
    });
    return app;
  };
  return {
    async getToken(scopes, request = {}) {
      let loaded: { msal: MsalModule; client: NestableClient };
      try {
        loaded = await client();
      } catch (error) {
        throw classify(error);
      }
      const asked = { scopes: [...scopes] };
      try {
        return (await loaded.client.acquireTokenSilent(asked)).accessToken;
      } catch (error) {
        if (!isInteractionRequired(loaded.msal, error)) throw classify(error);
        if (!options.interactive || request.silent) throw new TokenUnavailableError('interaction-required', true);
      }
      try {
        return (await loaded.client.acquireTokenPopup(asked)).accessToken;
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

/**
 * The Graph token provider for this Outlook, or undefined when there is none to be had: no Entra app in
 * the policy, or no NestedAppAuth 1.1 here (older builds, on-premises Exchange).
 */
export function officeTokenProvider(clientId: string | undefined, options: Omit<NaaOptions, 'clientId'>, requirements?: RequirementChecker): TokenProvider | undefined {
  if (!clientId || !nestedAppAuthSupported(requirements ?? officeRequirements())) return undefined;
  return createNaaTokenProvider({ clientId, ...options });
}

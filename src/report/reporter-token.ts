// Verified reporters, the add-in's half: the endpoint channel asks Outlook (nested app authentication,
// office-auth.ts) for an access token for the service's own API, the scope in reporting.endpointScope
// that the service publishes, and sends it instead of the shared reporter token, so the service knows
// who reported. Silent and optional by design: no sign-in window ever opens for it, and whenever the
// token cannot be had (no NestedAppAuth 1.1, no consent, offline, too slow) or the service refuses it,
// the report goes with the shared token and arrives labelled unverified. It never holds a report back,
// never changes what happens to the message, and the employee is not told (nothing is wrong for them).
import type { ReportingPolicy } from '../policy/types';
import { TokenUnavailableError, type TokenProvider } from './tokens';

/** A silent request answers from MSAL's cache in milliseconds; a broker slower than this is not waited for. */
export const SIGNED_IN_TOKEN_TIMEOUT_MS = 8_000;
/**
 * After a failure that asking again would repeat (no consent, the service refused the token, no answer in
 * time), the token is not asked for again for this long: otherwise every report and every retry would wait
 * for the same failure. A network error is not remembered: the next attempt asks again.
 */
export const SIGNED_IN_PAUSE_MS = 10 * 60_000;
/** What fits in an Authorization header (an Entra access token is a JWT: base64url parts and dots). */
const BEARER = /^[\x21-\x7e]{1,16384}$/;

/** Content-free codes for the log: why the shared token was used. */
export type SignedInFallback = TokenUnavailableError['code'] | 'timeout' | 'malformed' | 'refused';

export interface SignedInReporter {
  /** The employee's token for the service's API, or undefined (then the shared token is used). Never throws. */
  token(): Promise<string | undefined>;
  /** The service answered 401 to the token: use the shared token for a while. */
  refused(): void;
}

export interface SignedInReporterOptions {
  /** Told each time the shared token is used instead, with the reason (never the token). */
  onFallback?: (reason: SignedInFallback) => void;
  now?: () => number;
  timeoutMs?: number;
}

class DeadlinePassed extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The signed-in reporter for this policy, or undefined when there is nothing to ask for: no scope
 * published, or no token provider here (no Entra app in the policy, or no NestedAppAuth 1.1).
 */
export function signedInReporter(
  reporting: ReportingPolicy,
  tokens: TokenProvider | undefined,
  options: SignedInReporterOptions = {},
): SignedInReporter | undefined {
  const scope = reporting.endpointScope?.trim();
  if (!scope || !tokens) return undefined;
  const now = options.now ?? Date.now;
  let pausedUntil = 0;
  const fallBack = (reason: SignedInFallback, pause: boolean): undefined => {
    if (pause) pausedUntil = now() + SIGNED_IN_PAUSE_MS;
    options.onFallback?.(reason);
    return undefined;
  };
  return {
    async token() {
      if (now() < pausedUntil) return undefined;
      let token: string;
      try {
        token = await withDeadline(tokens.getToken([scope], { silent: true }), options.timeoutMs ?? SIGNED_IN_TOKEN_TIMEOUT_MS);
      } catch (error) {
        if (error instanceof DeadlinePassed) return fallBack('timeout', true);
        const code = error instanceof TokenUnavailableError ? error.code : 'unavailable';
        return fallBack(code, code !== 'network');
      }
      return typeof token === 'string' && BEARER.test(token) ? token : fallBack('malformed', true);
    },
    refused() {
      fallBack('refused', true);
    },
  };
}

// Access tokens for Microsoft Graph (mailbox channel, moving the message, re-fetching it for the outbox)
// and for the Lure Lens service's own API (verified reporters, reporter-token.ts).
// The implementation (MSAL nested app authentication) is in office-auth.ts; tests hand in their own.

export interface TokenRequestOptions {
  /** Never show a sign-in or consent window, even where the provider could: fail with 'interaction-required' instead. */
  silent?: boolean;
}

export interface TokenProvider {
  /** A bearer token with these delegated scopes (Graph's, or the service API's). */
  getToken(scopes: readonly string[], options?: TokenRequestOptions): Promise<string>;
}

export const GRAPH_SCOPES = {
  /** Send the report from the user's mailbox (small messages). */
  send: ['Mail.Send'],
  /** Drafts and upload sessions (large messages), moving the reported message. */
  readWrite: ['Mail.ReadWrite'],
  /** Sender history: senders, recipients and dates of the user's own mail, never bodies or attachments. */
  readBasic: ['Mail.ReadBasic'],
  /** Re-fetch a queued message's MIME. */
  read: ['Mail.Read'],
  /** Move a message that sits in a shared mailbox or another person's folder. */
  readWriteShared: ['Mail.ReadWrite.Shared'],
  /** Re-fetch a queued message from a shared mailbox or another person's folder. */
  readShared: ['Mail.Read.Shared'],
} as const;

/** Why a token could not be had; `retryable` is false when asking again now would fail the same way. */
export class TokenUnavailableError extends Error {
  constructor(
    readonly code: 'interaction-required' | 'cancelled' | 'consent-denied' | 'network' | 'unavailable',
    readonly retryable: boolean,
  ) {
    super(`Could not get an access token (${code})`);
    this.name = 'TokenUnavailableError';
  }
}

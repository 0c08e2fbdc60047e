// What IT configures (policy.json) and what the engine sees after defaults are merged in.
// The TypeBox schema in schema.ts must produce exactly `Policy`; `resolvePolicy` produces `ResolvedPolicy`.

export interface ProtectedPerson {
  /** Name as people write it, e.g. "Kenji Watanabe". */
  name: string;
  /** Other spellings: Japanese name with/without space, romanisation variants, titles. */
  aliases?: string[];
  /** Addresses that really belong to this person; mail from these is not impersonation. */
  emails?: string[];
  /** Domains this person legitimately sends from (e.g. a university they also belong to). */
  domains?: string[];
}

export interface LureKeyword {
  phrase: string;
  /** 1 (weak hint) to 5 (strong); default 1. */
  weight?: number;
  /** e.g. geopolitics, pretext, credential, payload-coaching, urgency. */
  category?: string;
}

/**
 * Lure wording as an intent: a word naming what the reader owns and a word naming what happens to it
 * or what is demanded, close together (src/engine/text/intents.ts). Built in only for now.
 */
export interface LureIntent {
  /** Stable id, e.g. "account-threat". */
  id: string;
  /** The lure category it counts as (credential, payment, …), like a phrase's category. */
  category: string;
  /** 1 (weak hint) to 5 (strong), like a phrase's weight. */
  weight: number;
  /** What the reader owns: account, パスワード, 账户, 계정. */
  objects: readonly string[];
  /** What happens to it or is demanded: suspended, 停止, 冻结, 정지. */
  actions: readonly string[];
}

/** An organisation people are known to pose as (ministries, the organisation itself, well-known brands). */
export interface KnownOrganization {
  /** Names and words that claim this organisation in a display name, e.g. ["外務省", "Ministry of Foreign Affairs", "MOFA"]. */
  names: string[];
  /** Registrable domains that legitimately send for it. */
  domains: string[];
  /**
   * Hosts it operates where anyone can have an address or publish (outlook.com, 1drv.ms, icloud.com):
   * its own sites for links and look-alike checks, but never proof that it sent a message.
   */
  serviceDomains?: string[];
}

export type ReportChannel = 'endpoint' | 'mailbox' | 'compose';
export type AfterReport = 'junk' | 'deletedItems' | 'reportedFolder' | 'leave';

export interface ReportingPolicy {
  /** Channels to try, in order. The compose fallback is always last. */
  channels?: ReportChannel[];
  /** Intake service URL (the Lure Lens service's /api/reports). */
  endpointUrl?: string;
  /** Bearer token IT issues for the endpoint channel. */
  endpointToken?: string;
  /** The service API's Entra scope the add-in asks a token for (verified reporters); filled in by the service. */
  endpointScope?: string;
  /** Security team mailbox for the mailbox and compose channels. */
  securityMailbox?: string;
  /** The security team's name as employees know it ("Reported … to <name>"). */
  securityTeamName?: string;
  /** The same in Japanese, for a Japanese pane; falls back to securityTeamName. */
  securityTeamNameJa?: string;
  /** Entra app (client) id for nested app authentication (mailbox channel through Graph, verified reporters). */
  entraClientId?: string;
  afterReport?: AfterReport;
  reportedFolderName?: string;
}

export interface Policy {
  organizationDomains?: string[];
  protectedPeople?: ProtectedPerson[];
  trustedDomains?: string[];
  lureKeywords?: LureKeyword[];
  knownOrganizations?: KnownOrganization[];
  /** Added to the built-in lists. */
  freemailDomains?: string[];
  fileSharingHosts?: string[];
  urlShorteners?: string[];
  riskyExtensions?: string[];
  /** Mail services whose redirect links are normal (tracking links): not a mismatch by themselves. */
  trackingLinkHosts?: string[];
  reporting?: ReportingPolicy;
  /**
   * Look up the sender in the user's own mailbox through Microsoft Graph (Mail.ReadBasic, the Entra app of
   * reporting.entraClientId): earlier mail from the address, mail sent to it, other addresses under the same name.
   */
  senderHistory?: boolean;
}

/** Policy with defaults merged in and every list normalised (lower-case domains, NFKC names). */
export interface ResolvedPolicy {
  organizationDomains: string[];
  protectedPeople: Required<ProtectedPerson>[];
  trustedDomains: string[];
  lureKeywords: Required<LureKeyword>[];
  /** Built-in lure intents; absent in hand-built policies (tests), which then find none. */
  lureIntents?: readonly LureIntent[];
  knownOrganizations: KnownOrganization[];
  freemailDomains: ReadonlySet<string>;
  fileSharingHosts: ReadonlySet<string>;
  urlShorteners: ReadonlySet<string>;
  /** Lower-case, without the dot: "lnk", "iso", "docm". */
  riskyExtensions: ReadonlySet<string>;
  trackingLinkHosts: ReadonlySet<string>;
  reporting: ReportingPolicy;
  /** Sender history is looked up (policy.senderHistory); absent in hand-built policies (tests), which then never ask. */
  senderHistory?: boolean;
}

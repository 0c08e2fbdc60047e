// Every string the task pane shows, as typed dictionaries per language: Strings (en.ts, ja.ts) for
// what the first screen needs, DetailStrings (en-details.ts, ja-details.ts) for what loads after it.
// Adding a key here makes the compiler ask for it in both languages. Written for an employee, not an
// analyst: no rule ids, technique numbers or names of message fields.
import type { MissingPart, VerdictLevel } from '../engine/model';
import type { Disposition } from '../report/protocol';

export type Language = 'en' | 'ja';

export type ReportReason = 'impersonation' | 'suspicious-link' | 'unexpected-attachment' | 'credential-request' | 'other';

export interface Strings {
  appName: string;
  mainLabel: string;
  loading: string;
  retry: string;
  noMessageTitle: string;
  noMessageBody: string;
  errorTitle: string;
  errorReadFailed: string;
  errorUnexpected: string;
  errorDetail: string;

  // The verdict card: level, one sentence, the action.
  verdictTitle: Record<VerdictLevel, string>;
  /** One sentence: what to do. */
  verdictSentence: Record<VerdictLevel, string>;
  /** What a screen reader hears when a verdict appears: the title and the sentence. */
  verdictAnnouncement: (title: string, sentence: string) => string;

  // Reasons under the card.
  reasonsHeading: string;
  moreReasons: (count: number) => string;
  /** Under a clean verdict: things seen that are not warning signs. */
  noticedHeading: string;
  noticedIntro: string;
  /** A clean message's lure wording, said neutrally: the topics it mentions. */
  topicsMentioned: (topics: string) => string;
  /** A clean message's link or attachment, said as a fact, not as a warning. */
  noticedLink: (host: string) => string;
  noticedAttachment: (name: string) => string;
  listJoin: (items: string[]) => string;
  loadingDetails: string;

  /** Names of the built-in phrase topics; a topic IT added in policy.json shows as written. */
  topicNames: Record<string, string>;

  policyInvalid: string;
  policyUnreachable: string;

  // Reporting.
  /** Who gets reports when policy.json does not name the security team. */
  defaultTeam: string;
  reportButton: string;
  reportAnywayButton: string;
  reportWithNote: string;
  reportingNow: string;
  reportCancel: string;
  reportError: string;
  /** "Reported on <date> to <team>." */
  reportedOn: (date: string, team: string) => string;
  /** A report kept on this device: nothing has been sent yet. */
  reportQueued: (team: string) => string;
  reportRefused: (team: string) => string;
  reportStatus: (status: string) => string;
  askReportAgain: (date: string) => string;
  askReportAgainQueued: string;
  reportAgain: string;
  reportMoved: Record<'junk' | 'deletedItems' | 'reportedFolder', string>;

  disposition: Record<Disposition, string>;
  feedback: string;
}

/**
 * The words only the evidence, the sections below the reasons and the report form need: in their own
 * dictionaries, loaded with those parts after the verdict is on screen (details.ts).
 */
export interface DetailStrings {
  // Evidence, in plain words.
  alsoAboutThis: string;
  nameShown: string;
  claimsToBe: string;
  realAddress: string;
  looksLike: string;
  reallySentFrom: string;
  replyToShown: string;
  repliesGoTo: string;
  nameShowsAddress: string;
  differencesMarked: string;
  trick: string;
  unusualCharacters: string;
  /** "і is CYRILLIC SMALL LETTER … (U+0456)". */
  characterDescription: (character: string, description: string, codePoint: string) => string;
  header: string;
  meaning: string;
  authDomain: string;
  topic: string;
  /** Names of the message parts evidence points at (subject, message text…); a part not listed is not named. */
  fieldNames: Record<string, string>;
  /** What an SPF/DKIM/DMARC result means for the reader; an unknown result shows only as written. */
  authResultMeanings: Record<string, string>;
  /** Plain names for the look-alike techniques (combosquat, tld-swap…); an unknown one shows as written. */
  techniqueNames: Record<string, string>;
  quoteNormalized: string;
  linkText: string;
  /** Where a link written inside an attached file (a PDF's button) sits, shown instead of its link text. */
  linkInAttachment: string;
  linkRealHost: string;
  linkShownHost: string;
  linkTarget: string;
  reason: string;
  attachmentName: string;
  attachmentType: string;

  notCheckedHeading: string;
  notCheckedIntro: string;
  notCheckedWhy: Record<MissingPart, string>;
  headersUnavailableTitle: string;
  headersUnavailable: Record<'unsupported' | 'failed' | 'timeout' | 'empty', string>;
  bodyUnavailable: string;

  whyHeading: string;
  scoreLabel: (score: number) => string;
  whyPoints: (points: { high: number; medium: number; low: number }) => string;
  whyThresholds: (suspicious: number, dangerous: number) => string;
  whyWording: string;

  // The report form.
  reportReasonsLegend: string;
  reportReason: Record<ReportReason, string>;
  reportComment: string;
  reportCommentHint: string;
  reportSend: string;

  myReportsHeading: string;
  myReportsEmpty: string;
  myReportsLoadFailed: string;
  myReportsRefresh: string;
  reportedDate: (date: string) => string;
  pendingHeading: string;
  pendingState: Record<'pending' | 'rejected', string>;
  pendingAttempts: (attempts: number) => string;
  dismiss: string;
}

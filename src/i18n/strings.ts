// Every string the task pane shows, as one typed dictionary per language. Adding a key here makes
// the compiler ask for it in both en.ts and ja.ts.
import type { FindingCategory, MissingPart, Severity, VerdictLevel } from '../engine/model';
import type { ReportOutcomeStatus } from '../report/reporter';
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

  verdictTitle: Record<VerdictLevel, string>;
  verdictSummary: Record<VerdictLevel, string>;
  scoreLabel: (score: number) => string;

  findingsHeading: string;
  noFindings: string;
  category: Record<FindingCategory, string>;
  severity: Record<Severity, string>;
  evidenceLabel: string;

  field: string;
  value: string;
  claimed: string;
  expected: string;
  actualAddress: string;
  similarity: (percent: number) => string;
  domainSeen: string;
  domainResembles: string;
  technique: string;
  differentCharacters: string;
  shownAddress: string;
  header: string;
  meaning: string;
  authResult: string;
  authDomain: string;
  detail: string;
  hiddenCharacters: string;
  phraseCategory: string;
  /** Names of the message parts evidence points at (subject, body…); a part not listed shows as written. */
  fieldNames: Record<string, string>;
  /** What an SPF/DKIM/DMARC result means for the reader; an unknown result shows only as written. */
  authResultMeanings: Record<string, string>;
  /** Plain names for the look-alike techniques (combosquat, tld-swap…); an unknown one shows as written. */
  techniqueNames: Record<string, string>;
  /** Names of the built-in phrase topics; a topic IT added in policy.json shows as written. */
  topicNames: Record<string, string>;
  phraseInContext: string;
  linkText: string;
  linkRealHost: string;
  linkShownHost: string;
  linkTarget: string;
  reason: string;
  attachmentName: string;
  attachmentType: string;
  note: string;
  attackTechnique: string;

  notCheckedHeading: string;
  notCheckedIntro: string;
  notCheckedWhy: Record<MissingPart, string>;
  headersUnavailableTitle: string;
  headersUnavailable: Record<'unsupported' | 'failed' | 'timeout' | 'empty', string>;
  bodyUnavailable: string;

  whyHeading: string;
  whyPoints: (points: { high: number; medium: number; low: number }) => string;
  whyThresholds: (suspicious: number, dangerous: number) => string;
  whyWording: string;
  whyFindingsList: string;
  whyNoFindings: string;

  policyInvalid: string;
  policyUnreachable: string;

  reportHeading: string;
  reportButton: string;
  reportReasonsLegend: string;
  reportReason: Record<ReportReason, string>;
  reportComment: string;
  reportCommentHint: string;
  reportSend: string;
  reportCancel: string;
  reportSending: string;
  reportOutcome: Record<ReportOutcomeStatus, string>;
  reportDestination: string;
  reportMoved: Record<'junk' | 'deletedItems' | 'reportedFolder', string>;
  reportError: string;

  myReportsHeading: string;
  myReportsEmpty: string;
  myReportsLoadFailed: string;
  myReportsRefresh: string;
  disposition: Record<Disposition, string>;
  feedback: string;
  reportedOn: (date: string) => string;
  pendingHeading: string;
  pendingState: Record<'pending' | 'rejected', string>;
  pendingAttempts: (attempts: number) => string;
  dismiss: string;
}

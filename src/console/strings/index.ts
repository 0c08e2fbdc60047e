// The triage console's words in English and Japanese, one file per page or area, each holding its
// keys and both languages side by side (so a word is found, and translated, in one place):
//   shell.ts          header, navigation, signing in, words every page uses
//   reports.ts        the report list            report.ts      one report's page
//   message-parts.ts  attachments, links, indicators (report and campaign pages)
//   campaigns.ts      campaigns                  evidence.ts    labels of a finding's evidence
//   work.ts           refresh, bulk triage, grouping, merges, service warnings (key `work`)
//   history.ts        the reporter's sender history (key `senderHistory`)
//   audit.ts          the audit log page (key `audit`)
//   remediation.ts    removing a campaign from mailboxes (key `remediation`)
//   warnings.ts       the service's warnings from /api/status (key `serviceWarnings`)
// Each part is typed, so a missing translation is a type error; tests/console/strings.test.ts also
// checks that no key is defined by two parts and that both languages have the same keys throughout.
// The language machinery is the pane's (src/i18n): one Language, one languageFor.
import type { Language } from '../../i18n/strings';
import { auditEn, auditJa, type AuditStrings } from './audit';
import { campaignsEn, campaignsJa, type CampaignStrings } from './campaigns';
import { evidenceLabelsEn, evidenceLabelsJa, type EvidenceLabels } from './evidence';
import { senderHistoryEn, senderHistoryJa, type SenderHistoryStrings } from './history';
import { messagePartsEn, messagePartsJa, type MessagePartStrings } from './message-parts';
import { remediationEn, remediationJa, type RemediationStrings } from './remediation';
import { reportEn, reportJa, type ReportStrings } from './report';
import { reportListEn, reportListJa, type ReportListStrings } from './reports';
import { shellEn, shellJa, type ShellStrings } from './shell';
import { serviceWarningsEn, serviceWarningsJa, type ServiceWarningStrings } from './warnings';
import { workEn, workJa, type WorkStrings } from './work';

export type { Language } from '../../i18n/strings';
export { languageFor } from '../../i18n/language';
export type { VerdictName } from './reports';

/** Parts whose keys sit at the top level of Strings (t.signIn, t.reportsTitle, …). */
export const FLAT_PARTS = {
  en: { shell: shellEn, reportList: reportListEn, report: reportEn, messageParts: messagePartsEn, campaigns: campaignsEn },
  ja: { shell: shellJa, reportList: reportListJa, report: reportJa, messageParts: messagePartsJa, campaigns: campaignsJa },
} as const;

export type Strings = ShellStrings &
  ReportListStrings &
  ReportStrings &
  MessagePartStrings &
  CampaignStrings & {
    work: WorkStrings;
    senderHistory: SenderHistoryStrings;
    evidenceLabels: EvidenceLabels;
    audit: AuditStrings;
    remediation: RemediationStrings;
    serviceWarnings: ServiceWarningStrings;
  };

export const en: Strings = {
  ...shellEn,
  ...reportListEn,
  ...reportEn,
  ...messagePartsEn,
  ...campaignsEn,
  work: workEn,
  senderHistory: senderHistoryEn,
  evidenceLabels: evidenceLabelsEn,
  audit: auditEn,
  remediation: remediationEn,
  serviceWarnings: serviceWarningsEn,
};

export const ja: Strings = {
  ...shellJa,
  ...reportListJa,
  ...reportJa,
  ...messagePartsJa,
  ...campaignsJa,
  work: workJa,
  senderHistory: senderHistoryJa,
  evidenceLabels: evidenceLabelsJa,
  audit: auditJa,
  remediation: remediationJa,
  serviceWarnings: serviceWarningsJa,
};

export function stringsFor(language: Language): Strings {
  return language === 'ja' ? ja : en;
}

/** A finding's title or explanation: LocalizedText from the engine, or a plain string (the add-in's findings). */
export function localizedText(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const text = value as { en?: unknown; ja?: unknown };
    const preferred = language === 'ja' ? text.ja : text.en;
    if (typeof preferred === 'string' && preferred) return preferred;
    if (typeof text.en === 'string') return text.en;
  }
  return '';
}

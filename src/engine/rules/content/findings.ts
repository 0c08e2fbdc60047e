// Reading the findings of rules that ran earlier (combination rules and escalations).
import type { Finding } from '../../model';

/** Sender findings that mean "someone is pretending to be someone else". */
export const IMPERSONATION_RULES: ReadonlySet<string> = new Set([
  'protected-person-impersonation',
  'sender-history',
  'organization-claim-mismatch',
  'lookalike-domain',
  'internal-sender-spoof',
  'display-name-address-mismatch',
]);

export const LURE_RULES: ReadonlySet<string> = new Set(['lure-wording', 'credential-lure']);

export const PAYLOAD_RULES: ReadonlySet<string> = new Set([
  'risky-attachment',
  'double-extension',
  'protected-archive',
  'enable-content-coaching',
  'file-sharing-link',
]);

/** The findings of these rules that are warning signs (informational ones corroborate nothing). */
export function findingsOf(findings: readonly Finding[], rules: ReadonlySet<string>): Finding[] {
  return findings.filter((finding) => rules.has(finding.rule) && !finding.informational);
}

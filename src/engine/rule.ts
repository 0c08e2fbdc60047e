import type { Evidence, Finding, FindingCategory, LocalizedText, MailMessage, MissingPart, Severity } from './model';
import type { ResolvedPolicy } from '../policy/types';
import type { MessageView } from './view';

/** What a rule sees besides the message: shared pre-computed views and the findings so far. */
export interface RuleContext {
  /** Lazily computed, cached per message: normalised texts, sender domains, authentication, links. */
  readonly view: MessageView;
  /** Findings of the rules that ran before this one, in registry order (combination rules read these). */
  readonly findings: readonly Finding[];
}

export interface RuleHit {
  evidence: Evidence[];
  /** Overrides the rule's default severity for this message (e.g. DMARC failing for our own domain). */
  severity?: Severity;
  /** Context for the reader, not a warning sign: shown with the verdict, adds no points (Finding.informational). */
  informational?: boolean;
}

/**
 * A detection rule: one module, readable on its own. `check` is pure and must be bounded by
 * input size (no unbounded loops, no regex that can backtrack catastrophically).
 */
export interface Rule {
  /** Stable, kebab-case; appears in reports, the CLI and the service. */
  id: string;
  /** One line for the finding's heading. */
  title: LocalizedText;
  /** Why it matters, written for an employee, not an analyst. */
  explanation: LocalizedText;
  severity: Severity;
  category: FindingCategory;
  /** MITRE ATT&CK: T1566.001 attachment, T1566.002 link, T1656 impersonation. */
  technique?: string;
  /** Parts of the message the rule needs; when the source lacks one the rule is reported as not checked. */
  requires?: MissingPart[];
  check(message: MailMessage, policy: ResolvedPolicy, context: RuleContext): RuleHit | undefined;
}

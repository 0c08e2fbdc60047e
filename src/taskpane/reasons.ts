// The verdict's findings as the few reasons an employee reads. Findings about the same thing merge
// into one reason: five sender rules firing on one look-alike address are one reason ("the sender uses
// the name of a person you know, but not their address"), a link flagged by two rules is one, an
// attachment flagged as risky and as a locked archive is one. A reason reads as the title of its most
// severe finding (rule titles are plain sentences written for employees); the rest is its evidence.
import type { Evidence, Finding, LocalizedText, Severity, Verdict } from '../engine/model';

/** Reasons shown under the verdict; more would not be read (the rest are one click further). */
export const MAX_REASONS = 3;

export interface Reason {
  /** What the findings are about: "sender", "reply-to", "link:<host>", "attachment:<name>" or "rule:<id>". */
  key: string;
  severity: Severity;
  /** The sentence shown: the title of the most severe finding. */
  title: LocalizedText;
  /** Most severe first, as the engine ordered them. */
  findings: Finding[];
  /** Only context (sender history's "first message from this address"): never shown as a warning. */
  informational: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Context ranks below every warning sign, so it neither titles a reason nor takes a warning's place. */
function rank(finding: Pick<Finding, 'severity' | 'informational'>): number {
  return finding.informational ? 3 : SEVERITY_RANK[finding.severity];
}

/** Message parts that name the sender (From's name and address, the on-behalf-of Sender). */
const SENDER_FIELD = /^(?:from|sender)(?:\.|$)/i;
const REPLY_TO_FIELD = /^headers\.reply-to$/i;

function subjectOfEvidence(evidence: Evidence): string | undefined {
  switch (evidence.kind) {
    case 'impersonation':
    case 'lookalike':
    case 'address-mismatch':
    case 'characters':
      if (SENDER_FIELD.test(evidence.field)) return 'sender';
      if (REPLY_TO_FIELD.test(evidence.field)) return 'reply-to';
      return undefined;
    case 'authentication':
      // SPF, DKIM and DMARC vouch for (or against) the From address.
      return 'sender';
    case 'header':
      return /^reply-to$/i.test(evidence.name) ? 'reply-to' : undefined;
    case 'link':
      return `link:${evidence.host}`;
    case 'attachment':
      return `attachment:${evidence.name}`;
    default:
      return undefined;
  }
}

/** What a finding is about: the subject of its first evidence that has one, else the finding itself. */
export function subjectOf(finding: Finding): string {
  for (const evidence of finding.evidence) {
    const subject = subjectOfEvidence(evidence);
    if (subject) return subject;
  }
  return `rule:${finding.rule}`;
}

/** Every reason, most severe first (ties keep the engine's order). */
export function reasonsOf(verdict: Pick<Verdict, 'findings'>): Reason[] {
  const byKey = new Map<string, Reason>();
  const order: Reason[] = [];
  for (const finding of verdict.findings) {
    const key = subjectOf(finding);
    const reason = byKey.get(key);
    if (!reason) {
      const created: Reason = { key, severity: finding.severity, title: finding.title, findings: [finding], informational: finding.informational === true };
      byKey.set(key, created);
      order.push(created);
      continue;
    }
    const before = rank(reason);
    reason.findings.push(finding);
    if (!finding.informational) reason.informational = false;
    if (rank(finding) < before) {
      reason.severity = finding.severity;
      reason.title = finding.title;
    }
  }
  return order
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => rank(a.reason) - rank(b.reason) || a.index - b.index)
    .map(({ reason }) => reason);
}

/** The reason's evidence, each item once (two rules may report the same fact). */
export function evidenceOf(reason: Reason): Evidence[] {
  const seen = new Set<string>();
  const all: Evidence[] = [];
  for (const finding of reason.findings) {
    for (const evidence of finding.evidence) {
      const key = JSON.stringify(evidence);
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(evidence);
    }
  }
  return all;
}

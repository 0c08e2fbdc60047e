// analyze(message, policy) -> Verdict. Runs every rule once, in registry order, and turns the
// findings into a score. Deterministic: same message and policy, same verdict.
import type { Finding, MailMessage, NotChecked, Severity, Verdict, VerdictLevel } from './model';
import type { ResolvedPolicy } from '../policy/types';
import type { Rule, RuleContext } from './rule';
import { createView } from './view';
import { RULES } from './rules';

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const SEVERITY_POINTS: Record<Severity, number> = { high: 45, medium: 25, low: 10 };

/** Score thresholds; suspicious or worse is what the pane, CLI --fail-on and the evaluation count as flagged. */
export const THRESHOLDS = { suspicious: 30, dangerous: 70 } as const;

/**
 * Lure wording on its own is normal in think-tank newsletters and colleagues' memos. It only adds
 * to the score when something about the sender, the links or the attachments is also wrong; alone
 * it is capped below the suspicious threshold.
 */
const UNCORROBORATED_WORDING_CAP = 15;

export function score(findings: readonly Finding[]): number {
  let corroborating = 0;
  let wording = 0;
  for (const finding of findings) {
    const points = SEVERITY_POINTS[finding.severity];
    if (finding.category === 'wording') wording += points;
    else corroborating += points;
  }
  const total = corroborating > 0 ? corroborating + wording : Math.min(wording, UNCORROBORATED_WORDING_CAP);
  return Math.min(100, total);
}

export function levelFor(value: number): VerdictLevel {
  if (value >= THRESHOLDS.dangerous) return 'dangerous';
  if (value >= THRESHOLDS.suspicious) return 'suspicious';
  return 'clean';
}

export function analyze(message: MailMessage, policy: ResolvedPolicy, rules: readonly Rule[] = RULES): Verdict {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const context: RuleContext = { view: createView(message, policy), findings };
  for (const rule of rules) {
    const missing = rule.requires?.find((part) => message.missing.includes(part));
    if (missing) {
      notChecked.push({ rule: rule.id, title: rule.title, missing });
      continue;
    }
    const hit = rule.check(message, policy, context);
    if (!hit || hit.evidence.length === 0) continue;
    findings.push({
      rule: rule.id,
      severity: hit.severity ?? rule.severity,
      category: rule.category,
      title: rule.title,
      explanation: rule.explanation,
      technique: rule.technique,
      evidence: hit.evidence,
    });
  }
  const order = new Map(rules.map((rule, index) => [rule.id, index]));
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));
  const value = score(findings);
  return { verdict: levelFor(value), score: value, findings, notChecked };
}

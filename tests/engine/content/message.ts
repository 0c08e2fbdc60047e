// Builders for MailMessage in the content rules' tests: the message model as an .eml or Outlook
// adapter would produce it, written out directly so each test shows exactly what the rule sees.
import type { Evidence, Finding, MailAttachment, MailLink, MailMessage } from '../../../src/engine/model';
import type { ResolvedPolicy } from '../../../src/policy/types';
import type { Rule, RuleHit } from '../../../src/engine/rule';
import { createView } from '../../../src/engine/view';

export function mail(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    from: { name: 'Sender', address: 'sender@outside-example.com' },
    replyTo: [],
    to: [{ name: '研究員', address: 'researcher@example-institute.jp' }],
    cc: [],
    subject: 'Hello',
    headers: [],
    text: '',
    links: [],
    attachments: [],
    missing: [],
    ...overrides,
  };
}

export function from(address: string, name = ''): Pick<MailMessage, 'from'> {
  return { from: { name, address } };
}

export function htmlLink(href: string, text: string): MailLink {
  return { href, text, source: 'html' };
}

export function textLink(href: string): MailLink {
  return { href, text: href, source: 'text' };
}

export function attachment(name: string, options: Partial<MailAttachment> = {}): MailAttachment {
  return { name, contentType: 'application/octet-stream', size: options.content?.length ?? 1024, ...options };
}

/** A finding as an earlier rule (e.g. a sender rule) would have produced it. */
export function priorFinding(rule: string, category: Finding['category'], evidence: Evidence[] = [{ kind: 'note', text: { en: rule, ja: rule } }]): Finding {
  return {
    rule,
    severity: 'medium',
    category,
    title: { en: rule, ja: rule },
    explanation: { en: rule, ja: rule },
    evidence,
  };
}

/** Runs one rule the way analyze() does, with the findings of earlier rules. */
export function runRule(rule: Rule, message: MailMessage, policy: ResolvedPolicy, findings: Finding[] = []): RuleHit | undefined {
  const hit = rule.check(message, policy, { view: createView(message, policy), findings });
  return hit && hit.evidence.length > 0 ? hit : undefined;
}

/** The English reasons, phrases and notes of a hit (see japaneseReasons for the Japanese side). */
export function reasons(hit: RuleHit | undefined): string[] {
  return (hit?.evidence ?? []).map((evidence) => ('reason' in evidence ? evidence.reason.en : evidence.kind === 'phrase' ? evidence.phrase : evidence.kind === 'note' ? evidence.text.en : ''));
}

/** The Japanese reasons and notes of a hit. */
export function japaneseReasons(hit: RuleHit | undefined): string[] {
  return (hit?.evidence ?? []).flatMap((evidence) => ('reason' in evidence ? [evidence.reason.ja] : evidence.kind === 'note' ? [evidence.text.ja] : []));
}

import { analyze, THRESHOLDS } from '../../src/engine/analyze';
import type { Rule } from '../../src/engine/rule';
import type { MailMessage, FindingCategory, Severity } from '../../src/engine/model';
import type { ResolvedPolicy } from '../../src/policy/types';

const policy: ResolvedPolicy = {
  organizationDomains: ['example.or.jp'],
  protectedPeople: [],
  trustedDomains: [],
  lureKeywords: [],
  knownOrganizations: [],
  freemailDomains: new Set(['gmail.com']),
  fileSharingHosts: new Set(),
  urlShorteners: new Set(),
  riskyExtensions: new Set(),
  trackingLinkHosts: new Set(),
  reporting: {},
};

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return { replyTo: [], to: [], cc: [], subject: 'hello', headers: [], text: '', links: [], attachments: [], missing: [], ...overrides };
}

function rule(id: string, category: FindingCategory, severity: Severity, fires = true, requires?: Rule['requires']): Rule {
  return {
    id,
    title: { en: id, ja: id },
    explanation: { en: 'why', ja: 'なぜ' },
    severity,
    category,
    requires,
    check: () => (fires ? { evidence: [{ kind: 'note', text: { en: id, ja: id } }] } : undefined),
  };
}

describe('analyze', () => {
  it('calls a message with no findings clean with score 0', () => {
    const verdict = analyze(message(), policy, [rule('quiet', 'sender', 'high', false)]);
    expect(verdict).toEqual({ verdict: 'clean', score: 0, findings: [], notChecked: [] });
  });

  it('never lets lure wording alone make a message suspicious', () => {
    const wordy = [rule('w1', 'wording', 'high'), rule('w2', 'wording', 'high'), rule('w3', 'wording', 'medium')];
    const verdict = analyze(message(), policy, wordy);
    expect(verdict.findings).toHaveLength(3);
    expect(verdict.score).toBeLessThan(THRESHOLDS.suspicious);
    expect(verdict.verdict).toBe('clean');
  });

  it('counts lure wording once a sender signal corroborates it', () => {
    const alone = analyze(message(), policy, [rule('sender', 'sender', 'medium')]);
    const together = analyze(message(), policy, [rule('sender', 'sender', 'medium'), rule('lure', 'wording', 'medium')]);
    expect(together.score).toBeGreaterThan(alone.score);
    expect(together.verdict).not.toBe('clean');
  });

  it('adds two weak signs from different places up to suspicious, while one stays clean', () => {
    expect(analyze(message(), policy, [rule('weak-sender', 'sender', 'low')]).verdict).toBe('clean');
    expect(analyze(message(), policy, [rule('weak-sender', 'sender', 'low'), rule('weak-link', 'links', 'low')]).verdict).toBe('suspicious');
  });

  it('lets one medium sign flag once anything corroborates it, but not alone', () => {
    expect(analyze(message(), policy, [rule('medium-link', 'links', 'medium')]).verdict).toBe('clean');
    expect(analyze(message(), policy, [rule('medium-link', 'links', 'medium'), rule('weak-sender', 'sender', 'low')]).verdict).toBe('suspicious');
    expect(analyze(message(), policy, [rule('medium-link', 'links', 'medium'), rule('lure', 'wording', 'low')]).verdict).toBe('suspicious');
  });

  it('calls impersonation plus a payload dangerous and caps the score at 100', () => {
    const verdict = analyze(message(), policy, [rule('a', 'sender', 'high'), rule('b', 'attachments', 'high'), rule('c', 'links', 'high')]);
    expect(verdict.verdict).toBe('dangerous');
    expect(verdict.score).toBe(100);
  });

  it('orders findings by severity, then by rule order', () => {
    const verdict = analyze(message(), policy, [rule('low1', 'links', 'low'), rule('high1', 'sender', 'high'), rule('med1', 'links', 'medium'), rule('high2', 'attachments', 'high')]);
    expect(verdict.findings.map((f) => f.rule)).toEqual(['high1', 'high2', 'med1', 'low1']);
  });

  it('reports rules whose input is missing as not checked instead of passing them', () => {
    const verdict = analyze(message({ missing: ['headers'] }), policy, [rule('auth', 'authentication', 'high', true, ['headers'])]);
    expect(verdict.findings).toEqual([]);
    expect(verdict.notChecked).toEqual([{ rule: 'auth', title: { en: 'auth', ja: 'auth' }, missing: 'headers' }]);
  });

  it('lets combination rules read earlier findings', () => {
    const combo: Rule = { ...rule('combo', 'sender', 'high'), check: (_m, _p, ctx) => (ctx.findings.some((f) => f.rule === 'first') ? { evidence: [{ kind: 'note', text: { en: 'saw first', ja: '先のルールを確認' } }] } : undefined) };
    expect(analyze(message(), policy, [rule('first', 'links', 'low'), combo]).findings.map((f) => f.rule)).toContain('combo');
    expect(analyze(message(), policy, [combo]).findings).toEqual([]);
  });
  it('shows informational findings without adding their points', () => {
    const context: Rule = { ...rule('context', 'sender', 'low'), check: () => ({ evidence: [{ kind: 'note', text: { en: 'first', ja: '初' } }], informational: true }) };
    const verdict = analyze(message(), policy, [context, rule('weak', 'links', 'low')]);
    expect(verdict.score).toBe(15);
    expect(verdict.findings.find((f) => f.rule === 'context')).toMatchObject({ informational: true });
    expect(analyze(message(), policy, [rule('other', 'links', 'high')]).findings[0]).not.toHaveProperty('informational');
  });
});

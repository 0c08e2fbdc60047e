// Findings become the few reasons an employee reads: several findings about one sender address, one
// link or one attachment are one reason, worded as the most severe finding's title.
import type { Evidence, Finding, Severity } from '../../src/engine/model';
import { MAX_REASONS, evidenceOf, reasonsOf, subjectOf } from '../../src/taskpane/reasons';

const text = (en: string) => ({ en, ja: en });

function finding(rule: string, severity: Severity, category: Finding['category'], evidence: Evidence[]): Finding {
  return { rule, severity, category, title: text(`title of ${rule}`), explanation: text(`why ${rule}`), evidence };
}

const impersonation: Evidence = { kind: 'impersonation', field: 'from.name', value: 'Takeshi Nakamura', claimed: 'Takeshi Nakamura', expected: ['t.nakamura@example.or.jp'], actual: 'nakamura@yahoo.co.jp' };
const nameAddress: Evidence = { kind: 'address-mismatch', field: 'from.name', shown: 't.nakamura@example.or.jp', actual: 'nakamura@yahoo.co.jp' };
const lookalike: Evidence = { kind: 'lookalike', field: 'from.address', domain: 'example-or.jp', resembles: 'example.or.jp', technique: 'hyphenation', differences: [] };
const replyTo: Evidence = { kind: 'address-mismatch', field: 'headers.Reply-To', shown: 'nakamura@yahoo.co.jp', actual: 'private@outlook.jp' };
const dmarc: Evidence = { kind: 'authentication', method: 'dmarc', result: 'fail', domain: 'example.or.jp' };
const link: Evidence = { kind: 'link', text: 'Open', href: 'https://evil.example/x', host: 'evil.example', reason: text('looks like a sign-in page') };
const archive: Evidence = { kind: 'attachment', name: 'docs.zip', contentType: 'application/zip', reason: text('locked archive') };
const phrase: Evidence = { kind: 'phrase', field: 'subject', phrase: 'Taiwan Strait', category: 'geopolitics', context: 'taiwan strait' };

describe('reasonsOf', () => {
  it('merges every finding about the sender address (and its authentication) into one reason', () => {
    const reasons = reasonsOf({
      findings: [
        finding('protected-person-impersonation', 'high', 'sender', [impersonation]),
        finding('display-name-address-mismatch', 'medium', 'sender', [nameAddress]),
        finding('lookalike-domain', 'high', 'sender', [lookalike]),
        finding('authentication-failure', 'medium', 'authentication', [dmarc]),
        finding('organization-claim-mismatch', 'medium', 'sender', [{ ...impersonation, claimed: 'example.or.jp' }]),
      ],
    });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ key: 'sender', severity: 'high', title: text('title of protected-person-impersonation') });
    expect(reasons[0].findings.map((f) => f.rule)).toHaveLength(5);
  });

  it('keeps the Reply-To address, each link host, each attachment and campaign notes apart', () => {
    const reasons = reasonsOf({
      findings: [
        finding('protected-person-impersonation', 'high', 'sender', [impersonation]),
        finding('reply-to-divergence', 'medium', 'sender', [replyTo]),
        finding('link-text-mismatch', 'high', 'links', [link]),
        finding('suspicious-link-target', 'medium', 'links', [link]),
        finding('risky-attachment', 'high', 'attachments', [archive]),
        finding('protected-archive', 'medium', 'attachments', [archive, { ...phrase, field: 'body', category: 'password' }]),
        finding('mirrorface-pattern', 'high', 'sender', [{ kind: 'note', text: text('Sender: …') }]),
      ],
    });
    expect(reasons.map((reason) => reason.key)).toEqual(['sender', 'link:evil.example', 'attachment:docs.zip', 'rule:mirrorface-pattern', 'reply-to']);
    expect(reasons[1].findings.map((f) => f.rule)).toEqual(['link-text-mismatch', 'suspicious-link-target']);
  });

  it('orders reasons by their strongest finding, ties in the engine’s order', () => {
    const reasons = reasonsOf({
      findings: [
        finding('lure-wording', 'low', 'wording', [phrase]),
        finding('file-sharing-link', 'medium', 'links', [link]),
        finding('risky-attachment', 'high', 'attachments', [archive]),
      ],
    });
    expect(reasons.map((reason) => reason.severity)).toEqual(['high', 'medium', 'low']);
    expect(MAX_REASONS).toBe(3);
  });

  it('lists each piece of evidence once, however many rules reported it', () => {
    const [reason] = reasonsOf({ findings: [finding('link-text-mismatch', 'high', 'links', [link]), finding('suspicious-link-target', 'medium', 'links', [link])] });
    expect(evidenceOf(reason)).toEqual([link]);
  });

  it.each([
    ['hidden characters in the subject', finding('hidden-characters', 'medium', 'sender', [{ kind: 'characters', field: 'subject', value: 'a', characters: [] }]), 'rule:hidden-characters'],
    ['hidden characters in the sender name', finding('hidden-characters', 'medium', 'sender', [{ kind: 'characters', field: 'from.name', value: 'a', characters: [] }]), 'sender'],
    ['a Reply-To header', finding('x', 'low', 'sender', [{ kind: 'header', name: 'Reply-To', value: 'a@b.c', meaning: text('m') }]), 'reply-to'],
    ['wording only', finding('lure-wording', 'low', 'wording', [phrase]), 'rule:lure-wording'],
  ])('finds what %s is about', (_name, input, key) => {
    expect(subjectOf(input)).toBe(key);
  });

  it('keeps context (a first message from this address) behind every warning sign and never lets it title a reason', () => {
    const firstContact: Finding = { ...finding('sender-history', 'low', 'sender', [{ kind: 'note', text: text('First message from this address') }]), informational: true };
    const reasons = reasonsOf({
      findings: [firstContact, finding('risky-attachment', 'high', 'attachments', [archive]), finding('reply-to-divergence', 'medium', 'sender', [replyTo])],
    });
    expect(reasons.map((reason) => [reason.key, reason.informational])).toEqual([
      ['attachment:docs.zip', false],
      ['reply-to', false],
      ['rule:sender-history', true],
    ]);
    // Context about the sender address itself joins that address's reason, which a warning then titles.
    const aboutSender: Finding = { ...firstContact, evidence: [impersonation] };
    const merged = reasonsOf({ findings: [aboutSender, finding('lookalike-domain', 'low', 'sender', [lookalike])] });
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ informational: false, title: text('title of lookalike-domain') });
  });
});

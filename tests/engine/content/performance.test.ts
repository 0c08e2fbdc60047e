import { analyze } from '../../../src/engine/analyze';
import { lureWording } from '../../../src/engine/rules/lure-wording';
import { credentialLure } from '../../../src/engine/rules/credential-lure';
import { enableContentCoaching } from '../../../src/engine/rules/enable-content-coaching';
import { linkTextMismatch } from '../../../src/engine/rules/link-text-mismatch';
import { ipLiteralLink } from '../../../src/engine/rules/ip-literal-link';
import { shortenedLink } from '../../../src/engine/rules/shortened-link';
import { fileSharingLink } from '../../../src/engine/rules/file-sharing-link';
import { suspiciousLinkTarget } from '../../../src/engine/rules/suspicious-link-target';
import { riskyAttachment } from '../../../src/engine/rules/risky-attachment';
import { doubleExtension } from '../../../src/engine/rules/double-extension';
import { protectedArchive } from '../../../src/engine/rules/protected-archive';
import { mirrorfacePattern } from '../../../src/engine/rules/mirrorface-pattern';
import type { MailLink } from '../../../src/engine/model';
import { contentPolicy } from './policy';
import { attachment, mail } from './message';

const rules = [lureWording, credentialLure, enableContentCoaching, linkTextMismatch, ipLiteralLink, shortenedLink, fileSharingLink, suspiciousLinkTarget, riskyAttachment, doubleExtension, protectedArchive, mirrorfacePattern];

// Timing belongs in `npm run bench`; these check that huge inputs still give the right, bounded answer.
describe('large inputs', () => {
  const policy = contentPolicy();
  const kinds = [
    (i: number): MailLink => ({ href: `https://click.example-esp.com/c/${i}?u=https%3A%2F%2Fwww.example.org`, text: 'www.example.org', source: 'html' }),
    (i: number): MailLink => ({ href: `https://paypal.login-${i}.example.top/`, text: 'https://www.paypal.com', source: 'html' }),
    (i: number): MailLink => ({ href: `http://203.0.113.${i % 250}/x`, text: 'x', source: 'text' }),
    (i: number): MailLink => ({ href: `https://bit.ly/${i}`, text: 'link', source: 'html' }),
  ];
  const links = Array.from({ length: 20_000 }, (_, i) => kinds[i % kinds.length](i));
  const paragraph = 'The Taiwan Strait seminar, 日中関係 and 安全保障: please verify your account. パスワード：ab12cd. ';
  const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
  const message = mail({ from: { name: 'x', address: 'x@gmail.com' }, subject: 'Taiwan Strait', text, links, attachments: Array.from({ length: 200 }, (_, i) => attachment(`file${i}.pdf .exe`)) });
  const verdict = analyze(message, policy, rules);

  it('still finds every kind of problem in 20,000 links, a 5 MB body and 200 attachments', () => {
    expect(verdict.verdict).toBe('dangerous');
    const fired = verdict.findings.map((finding) => finding.rule);
    expect(fired).toEqual(expect.arrayContaining(['credential-lure', 'link-text-mismatch', 'ip-literal-link', 'shortened-link', 'suspicious-link-target', 'double-extension']));
  });

  it('reports each rule once, with a bounded amount of evidence', () => {
    const fired = verdict.findings.map((finding) => finding.rule);
    expect(new Set(fired).size).toBe(fired.length);
    for (const finding of verdict.findings) {
      // Capped: 20,000 links and 200 attachments never turn into one evidence item each.
      expect(finding.evidence.length).toBeGreaterThan(0);
      expect(finding.evidence.length).toBeLessThanOrEqual(100);
    }
    // Evidence strings are snippets, not the 5 MB body.
    const longest = Math.max(...verdict.findings.flatMap((finding) => finding.evidence.map((item) => JSON.stringify(item).length)));
    expect(longest).toBeLessThan(2000);
  });

  it('gives the same verdict on a second run (no state carried between messages)', () => {
    const again = analyze(message, policy, rules);
    expect(again.score).toBe(verdict.score);
    expect(again.findings.map((finding) => finding.rule)).toEqual(verdict.findings.map((finding) => finding.rule));
  });
});

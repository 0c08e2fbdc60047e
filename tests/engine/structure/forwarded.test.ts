// A forwarded lure is judged as the lure: its findings count, with a note saying where they were found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/engine/analyze';
import { parseEml } from '../../../src/mail/eml';
import { resolvePolicy } from '../../../src/policy';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/mail', name));
const policy = resolvePolicy({ organizationDomains: ['kaiyo-inst.or.jp'] });

describe('forwarded originals analysed as the message', () => {
  it('a colleague’s “is this real?” with the lure attached is dangerous because of the lure', async () => {
    const verdict = analyze(await parseEml(fixture('forward-attached.eml')), policy);
    expect(verdict.verdict).toBe('dangerous');
    const risky = verdict.findings.find((finding) => finding.rule === 'risky-attachment');
    expect(risky?.evidence[0]).toEqual({
      kind: 'note',
      text: { en: 'In the attached original message from security@micros0ft-support.example “Unusual sign-in activity”', ja: expect.stringContaining('添付された元のメッセージ') },
    });
  });

  it('an inline Japanese forward of a ministry impersonation is not clean', async () => {
    const verdict = analyze(await parseEml(fixture('forward-inline-ja.eml')), policy);
    expect(verdict.verdict).not.toBe('clean');
    expect(verdict.findings.some((finding) => finding.evidence[0]?.kind === 'note' && JSON.stringify(finding.evidence[0]).includes('info@mofa-go-jp.example'))).toBe(true);
  });

  it('counts a rule once when it fires on both the forward and the original', async () => {
    const verdict = analyze(await parseEml(fixture('forward-attached.eml')), policy);
    const rules = verdict.findings.map((finding) => finding.rule);
    expect(new Set(rules).size).toBe(rules.length);
  });
});

describe('an ordinary inline forward', () => {
  it('is not judged by what forwarders leave out of the quoted header (name-only sender, no recipients)', async () => {
    const raw = 'From: Hanako <hanako@kaiyo-inst.or.jp>\r\nTo: kenji@kaiyo-inst.or.jp\r\nSubject: FW: Agenda\r\n\r\nFYI\r\n\r\n________________________________\r\nFrom: Yuko Tanaka\r\nSent: Monday, May 13, 2024 10:00\r\nSubject: Agenda\r\n\r\nDear all, the seminar starts at 10.\r\n';
    const verdict = analyze(await parseEml(raw), policy);
    expect(verdict.findings).toEqual([]);
  });
});

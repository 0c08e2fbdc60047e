import path from 'node:path';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { runScan } from '../../src/cli/scan';
import { describeEvidence } from '../../src/cli/format';
import { captureIo } from '../support/io';

const fixtures = path.join(__dirname, '..', 'fixtures', 'cli');
const policyFile = path.join(fixtures, 'policy.json');


describe('lurelens scan', () => {
  it('prints one JSON object per message with the contract fields, walking directories recursively', async () => {
    const io = captureIo();
    const code = await runScan(['--policy', policyFile, '--format', 'jsonl', fixtures], io);
    expect(code).toBe(0);
    const records = io.stdout.map((line) => JSON.parse(line));
    // Only .eml files are taken from directories; notes.txt is skipped.
    expect(records.map((r) => path.relative(fixtures, r.file)).sort()).toEqual(['clean.eml', 'nested/deeper/lure.eml', 'nested/escape.eml']);
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(['file', 'findings', 'score', 'verdict']);
      for (const finding of record.findings) expect(Object.keys(finding).sort()).toEqual(['evidence', 'rule', 'severity', 'title']);
    }
    const byName = Object.fromEntries(records.map((r) => [path.basename(r.file), r]));
    expect(byName['clean.eml'].verdict).toBe('clean');
    expect(byName['lure.eml'].verdict).toBe('dangerous');
    expect(byName['lure.eml'].findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['protected-person-impersonation', 'lure-wording', 'risky-attachment']),
    );
  });

  it('exits 1 with --fail-on when a verdict reaches it, 0 otherwise', async () => {
    const lure = path.join(fixtures, 'nested', 'deeper', 'lure.eml');
    expect(await runScan(['--policy', policyFile, '--fail-on', 'dangerous', lure], captureIo())).toBe(1);
    expect(await runScan(['--policy', policyFile, '--fail-on', 'suspicious', path.join(fixtures, 'clean.eml')], captureIo())).toBe(0);
  });

  it('names an unreadable file, still scans the others, and exits 2', async () => {
    const io = captureIo();
    const code = await runScan(['--format', 'jsonl', path.join(fixtures, 'missing.eml'), path.join(fixtures, 'clean.eml')], io);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain('missing.eml: no such file or directory');
    expect(io.stdout).toHaveLength(1);
  });

  it('refuses an invalid policy with a message naming the file and the field', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lurelens-'));
    const bad = path.join(dir, 'bad-policy.json');
    await fs.writeFile(bad, JSON.stringify({ protectedPeople: [{ name: 'A', emails: ['not-an-address'] }] }));
    const io = captureIo();
    expect(await runScan(['--policy', bad, path.join(fixtures, 'clean.eml')], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/bad-policy\.json/);
    expect(io.stderr.join('\n')).toMatch(/protectedPeople\/0\/emails\/0/);
    expect(io.stdout).toEqual([]);
  });

  it('never passes terminal escape sequences from a message to the terminal', async () => {
    const io = captureIo(true);
    await runScan([path.join(fixtures, 'nested', 'escape.eml')], io);
    const printed = io.stdout.join('\n');
    // The hostile subject and sender are shown, with the escape characters made visible.
    expect(printed).toContain('<U+001B>[31mred');
    expect(printed).toContain('Evil<U+001B>[2J');
    // Our own colour codes are ESC [ <digits> m; anything else (clear screen, set title, BEL) must not get through.
    expect(printed.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
  });

  it('prints the engine\'s evidence sentences in English in text output, and keeps both languages in jsonl', async () => {
    const lure = path.join(fixtures, 'nested', 'deeper', 'lure.eml');
    const text = captureIo();
    await runScan(['--policy', policyFile, lure], text);
    const printed = text.stdout.join('\n');
    expect(printed).toContain('Sent from a free webmail account (gmail.com)');
    expect(printed).toMatch(/attachment \S+\.lnk \(application\/octet-stream\): \.lnk file/);
    expect(printed).toMatch(/Sender: .+/);
    expect(printed).not.toContain('[object Object]');
    // The message's own Japanese (subject, phrases) is printed; the engine's Japanese sentences are not.
    expect(printed).not.toMatch(/送信されています|形式のファイルです|送信者：/);

    const jsonl = captureIo();
    await runScan(['--policy', policyFile, '--format', 'jsonl', lure], jsonl);
    const record = JSON.parse(jsonl.stdout[0]);
    const risky = record.findings.find((finding: { rule: string }) => finding.rule === 'risky-attachment');
    expect(risky.evidence[0]).toMatchObject({ kind: 'attachment', reason: { en: '.lnk file', ja: '「.lnk」形式のファイルです。' } });
  });

  it('explains bad arguments', async () => {
    const io = captureIo();
    expect(await runScan(['--format', 'xml', 'a.eml'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--format must be text or jsonl');
  });
});

describe('evidence lines', () => {
  it('names the attached file a link sits in instead of giving it link text', () => {
    const reason = { en: 'URL shortener inside the attached PDF', ja: '添付PDFの中の短縮URL' };
    expect(describeEvidence({ kind: 'link', text: '(link in Statement.pdf)', attachment: 'Statement.pdf', href: 'https://bit.ly/x', host: 'bit.ly', reason })).toBe(
      'link in attachment Statement.pdf → https://bit.ly/x (URL shortener inside the attached PDF)',
    );
    expect(describeEvidence({ kind: 'link', text: 'Sign in', href: 'https://bit.ly/x', host: 'bit.ly', reason })).toBe('link "Sign in" → https://bit.ly/x (URL shortener inside the attached PDF)');
  });
});

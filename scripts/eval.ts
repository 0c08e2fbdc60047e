// npm run eval -- [CORPUS_DIR] [--policy FILE] [--verbose]
// Measures the engine on a labelled corpus: phish/ (should be flagged) and ham/ (should not).
// "Flagged" means suspicious or worse. The corpus is evaluation data that is never part of the
// repository; when it is absent this says so and exits without failing anything else.
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { parseEml } from '../src/mail/eml';
import { analyze } from '../src/engine/analyze';
import { parsePolicyJson, resolvePolicy } from '../src/policy';
import type { Verdict } from '../src/engine/model';

interface Sample {
  file: string;
  label: 'phish' | 'ham';
  category: string;
}

async function listSamples(root: string): Promise<Sample[]> {
  const manifest = path.join(root, 'MANIFEST.tsv');
  const categories = new Map<string, string>();
  if (existsSync(manifest)) {
    const [header, ...rows] = (await fs.readFile(manifest, 'utf8')).split('\n');
    const cols = header.split('\t');
    const pathCol = cols.indexOf('path');
    const categoryCol = cols.indexOf('category');
    for (const row of rows) {
      const cells = row.split('\t');
      if (cells[pathCol]) categories.set(cells[pathCol], cells[categoryCol] ?? '');
    }
  }
  const samples: Sample[] = [];
  for (const label of ['phish', 'ham'] as const) {
    const dir = path.join(root, label);
    if (!existsSync(dir)) continue;
    for (const name of (await fs.readdir(dir)).sort()) {
      const rel = `${label}/${name}`;
      samples.push({ file: path.join(dir, name), label, category: categories.get(rel) ?? label });
    }
  }
  return samples;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function summary(verdict: Verdict): string {
  return verdict.findings.map((f) => `${f.rule}(${f.severity[0]})`).join(' ') || '-';
}

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const policyIndex = argv.indexOf('--policy');
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--policy');
  const root = path.resolve(positional[0] ?? path.join(__dirname, '..', '..', 'shared', 'corpus'));
  if (!existsSync(root)) {
    console.log(`No corpus at ${root}: the evaluation corpus is not part of the repository (it sits in ../shared/corpus on team machines). Nothing evaluated.`);
    return 0;
  }
  let policy = resolvePolicy();
  if (policyIndex >= 0) {
    const parsed = parsePolicyJson(await fs.readFile(argv[policyIndex + 1], 'utf8'), argv[policyIndex + 1]);
    if (!parsed.ok) {
      console.error(parsed.errors.join('\n'));
      return 2;
    }
    policy = resolvePolicy(parsed.policy);
  }
  const samples = await listSamples(root);
  if (samples.length === 0) {
    console.log(`No phish/ or ham/ folders under ${root}. Nothing evaluated.`);
    return 0;
  }

  const byCategory = new Map<string, { total: number; flagged: number }>();
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const ruleHits = new Map<string, { phish: number; ham: number }>();
  let phish = 0, phishFlagged = 0, ham = 0, hamFlagged = 0;
  const started = performance.now();
  for (const sample of samples) {
    const verdict = analyze(await parseEml(await fs.readFile(sample.file)), policy);
    const flagged = verdict.verdict !== 'clean';
    const bucket = byCategory.get(`${sample.label}\t${sample.category}`) ?? { total: 0, flagged: 0 };
    bucket.total++;
    if (flagged) bucket.flagged++;
    byCategory.set(`${sample.label}\t${sample.category}`, bucket);
    for (const finding of verdict.findings) {
      const hits = ruleHits.get(finding.rule) ?? { phish: 0, ham: 0 };
      hits[sample.label]++;
      ruleHits.set(finding.rule, hits);
    }
    const line = `  ${path.relative(root, sample.file)}  [${sample.category}]  ${verdict.verdict} ${verdict.score}  ${summary(verdict)}`;
    if (sample.label === 'phish') {
      phish++;
      if (flagged) phishFlagged++;
      else misses.push(line);
    } else {
      ham++;
      if (flagged) {
        hamFlagged++;
        falseAlarms.push(line);
      }
    }
    if (verbose) console.log(line);
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(`Corpus: ${root}`);
  console.log(`Phishing flagged (detection rate): ${phishFlagged}/${phish} = ${pct(phishFlagged, phish)}   target >= 90%`);
  console.log(`Legitimate flagged (false positives): ${hamFlagged}/${ham} = ${pct(hamFlagged, ham)}   target <= 2%`);
  console.log(`Time: ${samples.length} messages in ${seconds.toFixed(2)} s (parse + analyze)`);
  console.log('\nBy category (flagged/total):');
  for (const [key, { total, flagged }] of [...byCategory].sort()) console.log(`  ${key.padEnd(48)} ${flagged}/${total}`);
  console.log('\nRule hits (phish / ham):');
  for (const [rule, hits] of [...ruleHits].sort((a, b) => b[1].phish - a[1].phish)) console.log(`  ${rule.padEnd(36)} ${String(hits.phish).padStart(4)} / ${hits.ham}`);
  console.log(`\nMissed phishing (${misses.length}):`);
  for (const line of misses) console.log(line);
  console.log(`\nFalse positives (${falseAlarms.length}):`);
  for (const line of falseAlarms) console.log(line);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);

// npm run eval -- [CORPUS_DIR...] [--split dev|confirm|both] [--policy FILE] [--list]
//
// Measures the engine on labelled corpora: phish/ should be flagged (suspicious or worse), ham/
// should not. Without CORPUS_DIR it reads ../shared/corpus and ../shared/corpus-extended.
//
// Each corpus is split by a hash of the file name (scripts/corpus.ts) into a development half and a
// confirmation half. Choose rules and thresholds on the dev half (the default); read the confirm half
// (--split confirm or both) only as totals, rarely, to check that a change generalises. So --list
// (each missed phishing message, each false alarm and each legitimate message that scored below the
// threshold, with its findings) only ever lists the dev half.
//
// Printed per corpus and half: phishing and legitimate mail flagged, the same per source and per
// category, how many phishing and legitimate messages each rule fired on, and where the missed
// phishing scored. A corpus folder that is absent is named and skipped; with none present nothing
// is measured and the exit code is still 0 (a fresh clone has no ../shared).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePolicyJson, resolvePolicy } from '../src/policy';
import type { ResolvedPolicy } from '../src/policy/types';
import { THRESHOLDS } from '../src/engine/analyze';
import { analyzeSamples, defaultCorpusRoots, listCorpus, type Half, type Result } from './corpus';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const EVAL_USAGE = `Usage: npm run eval -- [CORPUS_DIR...] [--split dev|confirm|both] [--policy FILE] [--list]
  --split   which half to measure: dev (default), confirm, or both
  --policy  policy.json to measure with (default: the built-in policy)
  --list    list the dev half's missed phishing and false alarms with their findings, and the
            legitimate mail that scored but stayed below the threshold (the next false alarms)`;

interface Options {
  roots: string[];
  halves: Half[];
  policyFile?: string;
  list: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { roots: [], halves: ['dev'], list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--list' || arg === '--verbose') options.list = true;
    else if (arg === '--policy') {
      options.policyFile = argv[++i];
      if (!options.policyFile) return '--policy needs a file';
    } else if (arg === '--split') {
      const split = argv[++i];
      if (split === 'dev' || split === 'confirm') options.halves = [split];
      else if (split === 'both') options.halves = ['dev', 'confirm'];
      else return `--split must be dev, confirm or both, not "${split ?? ''}"`;
    } else if (arg === '--help' || arg === '-h') return '';
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else options.roots.push(path.resolve(arg));
  }
  if (options.roots.length === 0) options.roots = defaultCorpusRoots();
  return options;
}

interface Tally {
  total: number;
  flagged: number;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function ratio(tally: Tally | undefined): string {
  return tally ? `${tally.flagged}/${tally.total} = ${pct(tally.flagged, tally.total)}` : '-';
}

function count<K>(map: Map<K, Tally>, key: K, flagged: boolean): void {
  const tally = map.get(key) ?? { total: 0, flagged: 0 };
  tally.total++;
  if (flagged) tally.flagged++;
  map.set(key, tally);
}

/** Where missed phishing scored: how far below the suspicious threshold the misses sit. */
const SCORE_BANDS: ReadonlyArray<[string, number, number]> = [
  ['0', 0, 0],
  ['1-14', 1, 14],
  ['15-24', 15, 24],
  [`25-${THRESHOLDS.suspicious - 1}`, 25, THRESHOLDS.suspicious - 1],
];

function findingsLine(result: Result): string {
  return result.verdict.findings.map((f) => `${f.rule}(${f.severity[0]})`).join(' ') || '-';
}

function report(io: Io, title: string, results: readonly Result[], halves: readonly Half[], list: boolean): void {
  const overall = new Map<string, Tally>();
  const bySource = new Map<string, Tally>();
  const byCategory = new Map<string, Tally>();
  const ruleHits = new Map<string, Map<string, number>>();
  const missBands = new Map<string, number>();
  for (const { sample, verdict } of results) {
    const flagged = verdict.verdict !== 'clean';
    count(overall, `${sample.half}\t${sample.label}`, flagged);
    count(bySource, `${sample.label}\t${sample.source}\t${sample.half}`, flagged);
    count(byCategory, `${sample.label}\t${sample.category}\t${sample.half}`, flagged);
    for (const finding of verdict.findings) {
      const hits = ruleHits.get(finding.rule) ?? new Map<string, number>();
      const key = `${sample.half}\t${sample.label}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      ruleHits.set(finding.rule, hits);
    }
    if (sample.label === 'phish' && !flagged) {
      const band = SCORE_BANDS.find(([, low, high]) => verdict.score >= low && verdict.score <= high)?.[0] ?? 'other';
      missBands.set(`${sample.half}\t${band}`, (missBands.get(`${sample.half}\t${band}`) ?? 0) + 1);
    }
  }

  io.out(`\n=== ${title}`);
  io.out(`  ${'half'.padEnd(8)} ${'phishing flagged (target >= 90%)'.padEnd(34)} legitimate flagged (target <= 1%)`);
  for (const half of halves) io.out(`  ${half.padEnd(8)} ${ratio(overall.get(`${half}\tphish`)).padEnd(34)} ${ratio(overall.get(`${half}\tham`))}`);

  const columns = (map: Map<string, Tally>, prefix: string) => halves.map((half) => ratio(map.get(`${prefix}\t${half}`)).padEnd(24)).join(' ');
  const keys = (map: Map<string, Tally>) => [...new Set([...map.keys()].map((key) => key.split('\t').slice(0, 2).join('\t')))].sort();
  const heading = halves.map((half) => half.padEnd(24)).join(' ');
  io.out(`\n  By source (flagged/total)${' '.repeat(38)}${heading}`);
  for (const key of keys(bySource)) io.out(`    ${key.replace('\t', '  ').padEnd(60)} ${columns(bySource, key)}`);
  io.out(`\n  By category (flagged/total)${' '.repeat(36)}${heading}`);
  for (const key of keys(byCategory)) io.out(`    ${key.replace('\t', '  ').padEnd(60)} ${columns(byCategory, key)}`);

  io.out(`\n  Rule firing (messages, phish / ham)   ${halves.map((half) => half.padEnd(14)).join(' ')}`);
  const hitsOf = (hits: Map<string, number>, half: Half) => `${String(hits.get(`${half}\tphish`) ?? 0).padStart(5)} / ${String(hits.get(`${half}\tham`) ?? 0).padEnd(5)}`;
  const sortHalf = halves[0];
  for (const [rule, hits] of [...ruleHits].sort((a, b) => (b[1].get(`${sortHalf}\tphish`) ?? 0) - (a[1].get(`${sortHalf}\tphish`) ?? 0) || a[0].localeCompare(b[0]))) {
    io.out(`    ${rule.padEnd(36)} ${halves.map((half) => hitsOf(hits, half)).join('  ')}`);
  }

  io.out(`\n  Missed phishing by score (threshold ${THRESHOLDS.suspicious})   ${halves.map((half) => half.padEnd(8)).join(' ')}`);
  for (const [band] of SCORE_BANDS) io.out(`    ${band.padEnd(40)} ${halves.map((half) => String(missBands.get(`${half}\t${band}`) ?? 0).padEnd(8)).join(' ')}`);

  if (!list) return;
  // The confirm half is never listed message by message: looking at it would turn it into a second dev half.
  const dev = results.filter((result) => result.sample.half === 'dev');
  const misses = dev.filter((result) => result.sample.label === 'phish' && result.verdict.verdict === 'clean');
  const alarms = dev.filter((result) => result.sample.label === 'ham' && result.verdict.verdict !== 'clean');
  io.out(`\n  Dev half: missed phishing (${misses.length})`);
  for (const result of misses) io.out(`    ${result.sample.relative}  [${result.sample.source}]  ${result.verdict.score}  ${findingsLine(result)}`);
  io.out(`\n  Dev half: legitimate mail flagged (${alarms.length})`);
  for (const result of alarms) io.out(`    ${result.sample.relative}  [${result.sample.source}]  ${result.verdict.verdict} ${result.verdict.score}  ${findingsLine(result)}`);
  // Precision work starts here: one more weak sign turns any of these into a false alarm.
  const near = dev
    .filter((result) => result.sample.label === 'ham' && result.verdict.verdict === 'clean' && result.verdict.score > 0)
    .sort((a, b) => b.verdict.score - a.verdict.score || a.sample.relative.localeCompare(b.sample.relative));
  io.out(`\n  Dev half: legitimate mail below the threshold with findings (${near.length})`);
  for (const result of near) io.out(`    ${result.sample.relative}  [${result.sample.source}]  ${result.verdict.score}  ${findingsLine(result)}`);
}

async function loadPolicy(file: string | undefined, io: Io): Promise<ResolvedPolicy | undefined> {
  if (!file) return resolvePolicy();
  const parsed = parsePolicyJson(await fs.readFile(file, 'utf8'), file);
  if (parsed.ok) return resolvePolicy(parsed.policy);
  io.err(parsed.errors.join('\n'));
  return undefined;
}

export async function runEval(argv: readonly string[], io: Io): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    if (options) io.err(options);
    io.err(EVAL_USAGE);
    return options ? 2 : 0;
  }
  const policy = await loadPolicy(options.policyFile, io);
  if (!policy) return 2;

  const everything: Result[] = [];
  const started = performance.now();
  for (const root of options.roots) {
    const samples = (await listCorpus(root)).filter((sample) => options.halves.includes(sample.half));
    if (samples.length === 0) {
      io.out(`No corpus at ${root} (no phish/ or ham/ messages): evaluation corpora are not part of the repository; on team machines they sit in ../shared. Skipped.`);
      continue;
    }
    const results = await analyzeSamples(samples, policy, (sample, error) => io.err(`could not read ${sample.file}: ${String(error)}`));
    report(io, `${path.basename(root)} (${root}): ${results.length} messages`, results, options.halves, options.list);
    everything.push(...results);
  }
  if (everything.length === 0) {
    io.out('Nothing evaluated.');
    return 0;
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.roots.length > 1) {
    const total = new Map<string, Tally>();
    for (const { sample, verdict } of everything) count(total, `${sample.half}\t${sample.label}`, verdict.verdict !== 'clean');
    io.out('\n=== All corpora together');
    for (const half of options.halves) io.out(`  ${half.padEnd(8)} phishing ${ratio(total.get(`${half}\tphish`)).padEnd(24)} legitimate ${ratio(total.get(`${half}\tham`))}`);
  }
  io.out(`\nTime: ${everything.length} messages in ${seconds.toFixed(1)} s (parse + analyze). Halves: ${options.halves.join(', ')}.`);
  return 0;
}

if (require.main === module) {
  runEval(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}

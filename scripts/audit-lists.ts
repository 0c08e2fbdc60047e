// npx tsx scripts/audit-lists.ts [CORPUS_DIR...]
// Which entries of the built-in lists (known organisations, lure phrases, look-alike targets,
// brand tokens in link hosts) the engine's findings rest on, counted on the dev half of the
// evaluation corpora only (see scripts/corpus.ts): for each entry, in how many phishing and how
// many legitimate messages its evidence appeared. An entry whose evidence appears in exactly one
// phishing message and nothing else is the shape of a list entry added to catch that message;
// such entries are candidates for removal, not proof of it (a rare brand may still be right).
import path from 'node:path';
import { resolvePolicy } from '../src/policy';
import type { Evidence } from '../src/engine/model';
import { analyzeSamples, defaultCorpusRoots, listCorpus, type Result } from './corpus';

/** The list entries one piece of evidence rests on. */
function entriesOf(rule: string, evidence: Evidence): string[] {
  switch (evidence.kind) {
    case 'impersonation':
      return rule === 'organization-claim-mismatch' ? [`organization: ${evidence.expected[0] ?? evidence.claimed} ("${evidence.claimed}")`] : [];
    case 'phrase':
      return [`phrase/${evidence.category}: ${evidence.phrase}`];
    case 'lookalike':
      return evidence.technique === 'mixed-script' ? [] : [`lookalike-target: ${evidence.resembles}`];
    case 'link': {
      const brand = /contains "([^"]+)" \(([^)]+)\)/.exec(evidence.reason.en);
      return brand ? [`link-brand-token: ${brand[1]} (${brand[2]})`] : [];
    }
    default:
      return [];
  }
}

async function main(argv: string[]): Promise<void> {
  const roots = argv.length > 0 ? argv.map((arg) => path.resolve(arg)) : defaultCorpusRoots();
  const samples = (await Promise.all(roots.map(listCorpus))).flat().filter((sample) => sample.half === 'dev');
  if (samples.length === 0) {
    console.log('No corpus found (the evaluation corpora are not part of the repository). Nothing audited.');
    return;
  }
  const results: Result[] = await analyzeSamples(samples, resolvePolicy(), (sample, error) => console.error(`could not read ${sample.file}: ${String(error)}`));
  const counts = new Map<string, { phish: number; ham: number }>();
  for (const { sample, verdict } of results) {
    const entries = new Set(verdict.findings.flatMap((finding) => finding.evidence.flatMap((evidence) => entriesOf(finding.rule, evidence))));
    for (const entry of entries) {
      const tally = counts.get(entry) ?? { phish: 0, ham: 0 };
      tally[sample.label]++;
      counts.set(entry, tally);
    }
  }
  const sorted = [...counts].sort((a, b) => a[0].localeCompare(b[0]));
  const single = sorted.filter(([, tally]) => tally.phish === 1 && tally.ham === 0);
  console.log(`Dev half: ${results.length} messages. List entries whose evidence appeared (phish / ham):`);
  for (const [entry, tally] of sorted) console.log(`  ${String(tally.phish).padStart(4)} / ${String(tally.ham).padEnd(4)} ${entry}${tally.phish === 1 && tally.ham === 0 ? '   <- one phishing message only' : ''}`);
  console.log(`\n${single.length} entries appear in exactly one phishing message and no legitimate one.`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

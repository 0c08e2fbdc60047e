// Writes docs/policy.md from the policy schema and built-in lists (src/policy/docs.ts).
//   npx tsx scripts/policy-docs.ts           regenerate the file
//   npx tsx scripts/policy-docs.ts --check   exit 1 if the committed file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPolicyDocs } from '../src/policy/docs';

const root = join(__dirname, '..');
const target = join(root, 'docs', 'policy.md');
const example = readFileSync(join(root, 'policy.example.json'), 'utf8');
const rendered = renderPolicyDocs({ example });

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== rendered) {
    console.error('docs/policy.md is out of date: run `npx tsx scripts/policy-docs.ts`.');
    process.exit(1);
  }
  console.log('docs/policy.md is up to date.');
} else {
  writeFileSync(target, rendered);
  console.log(`Wrote ${target} (${rendered.length} characters).`);
}

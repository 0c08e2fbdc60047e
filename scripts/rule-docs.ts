// Writes docs/rules.md from the rule registry (src/engine/docs.ts).
//   npx tsx scripts/rule-docs.ts           regenerate the file
//   npx tsx scripts/rule-docs.ts --check   exit 1 if the committed file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDocs } from '../src/engine/docs';

const target = join(__dirname, '..', 'docs', 'rules.md');
const rendered = renderRuleDocs();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== rendered) {
    console.error('docs/rules.md is out of date: run `npx tsx scripts/rule-docs.ts`.');
    process.exit(1);
  }
  console.log('docs/rules.md is up to date.');
} else {
  writeFileSync(target, rendered);
  console.log(`Wrote ${target} (${rendered.length} characters).`);
}

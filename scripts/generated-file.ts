// Shared by the scripts that write generated documentation (docs/policy.md, docs/rules.md):
// write the file, or with --check exit 1 when the committed copy differs from what the code renders.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function writeOrCheck(target: string, rendered: string, regenerate: string): void {
  const name = relative(process.cwd(), target);
  if (!process.argv.includes('--check')) {
    writeFileSync(target, rendered);
    console.log(`Wrote ${name} (${rendered.length} characters).`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== rendered) {
    console.error(`${name} is out of date: run \`${regenerate}\`.`);
    process.exit(1);
  }
  console.log(`${name} is up to date.`);
}

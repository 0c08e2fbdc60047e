// Writes docs/policy.md from the policy schema and built-in lists (src/policy/docs.ts).
//   npx tsx scripts/policy-docs.ts           regenerate the file
//   npx tsx scripts/policy-docs.ts --check   exit 1 if the committed file is out of date
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPolicyDocs } from '../src/policy/docs';
import { writeOrCheck } from './generated-file';

const root = join(__dirname, '..');
const example = readFileSync(join(root, 'policy.example.json'), 'utf8');
writeOrCheck(join(root, 'docs', 'policy.md'), renderPolicyDocs({ example }), 'npx tsx scripts/policy-docs.ts');

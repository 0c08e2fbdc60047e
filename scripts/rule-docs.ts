// Writes docs/rules.md from the rule registry (src/engine/docs.ts).
//   npx tsx scripts/rule-docs.ts           regenerate the file
//   npx tsx scripts/rule-docs.ts --check   exit 1 if the committed file is out of date
import { join } from 'node:path';
import { renderRuleDocs } from '../src/engine/docs';
import { writeOrCheck } from './generated-file';

writeOrCheck(join(__dirname, '..', 'docs', 'rules.md'), renderRuleDocs(), 'npx tsx scripts/rule-docs.ts');

// npm run check:manifest [-- FILE...]: validates manifests against the add-in manifest XML schemas
// offline (src/manifest/schema-check.ts). With no FILE, checks ./manifest.xml and dist/web/manifest.xml
// when it has been built. Exit code 0 when every manifest passes, 1 otherwise.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkManifestSchema } from '../src/manifest/schema-check';

async function main(files: string[]): Promise<number> {
  const root = path.join(__dirname, '..');
  const targets = files.length ? files : [path.join(root, 'manifest.xml'), path.join(root, 'dist', 'web', 'manifest.xml')].filter((file) => existsSync(file));
  let failed = 0;
  for (const file of targets) {
    const result = await checkManifestSchema(readFileSync(file, 'utf8'), path.basename(file));
    console.log(`${result.valid ? 'valid  ' : 'INVALID'} ${path.relative(process.cwd(), file) || file}`);
    for (const problem of result.problems) console.log(`  line ${problem.line ?? '?'}: ${problem.message}`);
    if (!result.valid) failed++;
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);

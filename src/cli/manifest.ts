// `lurelens manifest --public-url URL [--id GUID|new] [--version V] [--out FILE] [service options]`
// Writes the add-in manifest for a deployment with the renderer the service uses for /manifest.xml,
// checked against the manifest XML schemas before anything is written, so what reaches the admin
// center is what Exchange accepts. A test deployment that must coexist with production gets its own
// --id (Microsoft 365 tells add-ins apart by it) and is served by its own service.
// Exit codes: 0 written; 2 not written (bad option, unreadable template, schema problems).
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderManifest } from '../manifest/render';
import { checkManifestSchema } from '../manifest/schema-check';
import { runReporting, serviceConfig, takeOptions, UsageError } from './args';
import { fsyncPath } from './files';
import type { Io } from './io';
import { manifestVersion as toManifestVersion } from './version';

export const MANIFEST_USAGE = `Usage: lurelens manifest --public-url URL [--id GUID|new] [--version V] [--out FILE] [service options]
  Prints the add-in manifest rendered for URL (every https://localhost:3000 of the template becomes
  URL), after checking it against the add-in manifest XML schemas.
  --public-url URL  the https address the add-in is served from (default: the service configuration's publicUrl)
  --id GUID         another add-in id, for a test deployment beside production; "new" makes one
                    (keep it: every later manifest of that deployment needs the same id)
  --version V       another <Version> (default: this release's, e.g. 1.1.0.0)
  --out FILE        write FILE instead of standard output (only when the manifest is valid)
  --template FILE   the manifest template (default: the configured manifestFile)
Exit codes: 0 written, 2 not written (the message says why).`;

const RELEASE_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}$/;

export async function runManifest(argv: readonly string[], io: Io): Promise<number> {
  return runReporting('manifest', MANIFEST_USAGE, io, async () => {
    const args = takeOptions(argv, { values: ['--id', '--version', '--out', '--template'] });
    if (args.help) return io.out(MANIFEST_USAGE), 0;
    const hasPublicUrl = args.rest.some((arg) => arg === '--public-url' || arg.startsWith('--public-url=') || arg === '--config' || arg.startsWith('--config='));
    if (!hasPublicUrl && !process.env.LURELENS_PUBLIC_URL && !process.env.LURELENS_CONFIG) {
      throw new UsageError('give the address the add-in is served from with --public-url URL (or --config FILE with publicUrl)');
    }
    const config = await serviceConfig(args);
    let id = args.values.get('--id');
    if (id === 'new') {
      id = randomUUID();
      io.err(`New add-in id ${id}: keep it, every later manifest of this deployment needs it (--id ${id}).`);
    }
    const version = args.values.get('--version');
    // Three parts are taken as a release version (1.2.3 → 1.2.3.0), as package.json writes them.
    const manifestVersion = version && RELEASE_VERSION.test(version) ? toManifestVersion(version) : version;

    const templateFile = path.resolve(args.values.get('--template') ?? config.manifestFile);
    let template: string;
    try {
      template = await fs.readFile(templateFile, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the manifest template ${templateFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let xml: string;
    try {
      xml = renderManifest(template, config.publicUrl, { ...(id ? { id } : {}), ...(manifestVersion ? { version: manifestVersion } : {}) });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const check = await checkManifestSchema(xml);
    if (!check.valid) {
      io.err(`lurelens manifest: the manifest for ${config.publicUrl} fails the manifest XML schemas; nothing was written:`);
      for (const problem of check.problems) io.err(`  line ${problem.line ?? '?'}: ${problem.message}`);
      return 2;
    }
    const out = args.values.get('--out');
    if (out) {
      const partial = `${out}.partial-${process.pid}`;
      await fs.writeFile(partial, xml);
      fsyncPath(partial);
      await fs.rename(partial, out);
      io.err(`Wrote ${out} for ${config.publicUrl}.`);
    } else {
      io.out(xml.replace(/\n$/, ''));
    }
    return 0;
  });
}

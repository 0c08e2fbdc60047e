// The release version. package.json's "version" is the one source: `lurelens --version`, /healthz and
// the manifest's <Version> all come from it. The manifest needs four parts, so 1.2.3 is 1.2.3.0 there;
// `npm version` keeps manifest.xml in step (scripts/sync-manifest-version.ts) and a test checks they agree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../server/paths';

export function packageVersion(): string {
  const file = path.join(packageRoot(), 'package.json');
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
  if (!version) throw new Error(`${file} has no version`);
  return version;
}

/** The manifest's four-part <Version> for a release version: 1.2.3 → 1.2.3.0. */
export function manifestVersion(releaseVersion: string): string {
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(releaseVersion);
  // Outlook compares versions as four numbers; a pre-release suffix has no place there.
  if (!match) throw new Error(`release version "${releaseVersion}" must be MAJOR.MINOR.PATCH (numbers only) to become a manifest <Version>`);
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

/** The <Version> written in a manifest, or undefined when it has none. */
export function versionInManifest(xml: string): string | undefined {
  return /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(xml)?.[1];
}

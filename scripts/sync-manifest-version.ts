// Run by `npm version` (package.json's "version" script) after it changed package.json: writes the
// matching four-part <Version> into manifest.xml (1.2.3 → 1.2.3.0), so one command bumps both and
// package.json stays the single source. `npm version minor` then commits and tags the two together.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestVersion, packageVersion, versionInManifest } from '../src/cli/version';

const file = path.join(__dirname, '..', 'manifest.xml');
const xml = readFileSync(file, 'utf8');
const version = manifestVersion(packageVersion());
const before = versionInManifest(xml);
if (before !== version) {
  writeFileSync(file, xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`));
  console.log(`manifest.xml: <Version> ${before} → ${version}`);
}

// The manifest against the add-in manifest XML schemas (src/manifest/schema, from Microsoft's [MS-OWEMXML]),
// validated by libxml2. Exchange refuses a manifest that fails these schemas at upload; our own structural
// checks in manifest.test.ts passed a manifest that did. So the check is proven both ways here: Microsoft's
// own spam-reporting sample passes, and the manifest as it stood before issue 10 fails for exactly the
// three reasons Exchange gave.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkManifestSchema } from '../../src/manifest/schema-check';
import { renderManifest } from '../../src/manifest/render';
import { startTestServer } from '../server/helpers';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures');
const read = (file: string) => readFileSync(file, 'utf8');
const template = read(path.join(root, 'manifest.xml'));

describe('manifest XML schema check (offline, libxml2)', () => {
  it('passes Microsoft\'s own spam-reporting sample manifest', async () => {
    const result = await checkManifestSchema(read(path.join(fixtures, 'microsoft', 'outlook-spam-reporting.manifest.xml')));
    expect(result).toEqual({ valid: true, problems: [] });
  });

  it('fails the manifest as it stood before issue 10, for the reasons Exchange gave', async () => {
    const result = await checkManifestSchema(read(path.join(fixtures, 'manifest-before-issue-10.xml')));
    expect(result.valid).toBe(false);
    const messages = result.problems.map((problem) => problem.message);
    expect(messages).toEqual([
      expect.stringMatching(/Option', attribute 'resid'.*'ReportOption\.UnexpectedAttachment' has a length of '33'.*maximum length of '32'/),
      expect.stringMatching(/SupportsSharedFolders': This element is not expected/),
      expect.stringMatching(/String', attribute 'id'.*'ReportOption\.UnexpectedAttachment' has a length of '33'/),
    ]);
    expect(result.problems.every((problem) => typeof problem.line === 'number')).toBe(true);
  });

  it('passes manifest.xml as committed', async () => {
    expect(await checkManifestSchema(template)).toEqual({ valid: true, problems: [] });
  });

  it.each([
    ['a public HTTPS origin', 'https://lurelens.example.org'],
    ['a path prefix (static hosting or a CDN)', 'https://addins.example.co.jp/security/lurelens'],
  ])('passes the manifest rendered for %s', async (_, base) => {
    const rendered = renderManifest(template, base, { version: '2.3.4.5' });
    expect(rendered).toContain(`${base}/commands.js`);
    expect(await checkManifestSchema(rendered)).toEqual({ valid: true, problems: [] });
  });

  it('passes the manifest the service serves at /manifest.xml', async () => {
    const server = await startTestServer({ publicUrl: 'https://lurelens.example.org', manifestFile: path.join(root, 'manifest.xml') });
    try {
      const response = await fetch(`${server.url}/manifest.xml`);
      expect(response.status).toBe(200);
      const served = await response.text();
      expect(served).toContain('https://lurelens.example.org/commands.js');
      expect(await checkManifestSchema(served)).toEqual({ valid: true, problems: [] });
    } finally {
      await server.close();
    }
  });

  // The schema is strict where Outlook is: each of these one-line slips is refused.
  it.each([
    ['an unknown element', (xml: string) => xml.replace('<DisableEntityHighlighting>', '<Unknown/><DisableEntityHighlighting>')],
    ['OfficeApp children out of order', (xml: string) => xml.replace('<Permissions>ReadItem</Permissions>', '').replace('<FormSettings>', '<Permissions>ReadItem</Permissions><FormSettings>')],
    ['a sixth report option', (xml: string) => xml.replace('<Option resid="Reason.Other"/>', '<Option resid="Reason.Other"/><Option resid="Reason.Other"/>')],
    ['a label over 125 characters', (xml: string) => xml.replace('DefaultValue="Report to security team"', `DefaultValue="${'x'.repeat(126)}"`)],
    ['a tooltip over 250 characters', (xml: string) => xml.replace('DefaultValue="See whether the sender is who they claim to be, and why."', `DefaultValue="${'y'.repeat(251)}"`)],
    ['a Runtime override of another type', (xml: string) => xml.replace('type="javascript"', 'type="typescript"')],
    ['a report dialog without its description', (xml: string) => xml.replace('<Description resid="ReportDialog.Description"/>', '')],
    ['a version with five parts', (xml: string) => xml.replace(/<Version>[^<]*<\/Version>/, '<Version>1.0.0.0.1</Version>')],
  ])('refuses %s', async (_, mutate) => {
    const mutated = mutate(template);
    expect(mutated).not.toBe(template);
    expect((await checkManifestSchema(mutated)).valid).toBe(false);
  });
});

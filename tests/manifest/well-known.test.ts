// /.well-known/microsoft-officeaddins-allowed.json: classic Outlook on Windows lets the Report button's
// commands.js make CORS requests and get tokens only if the script's origin lists it there. It used to
// answer 403 (the static files deny dot-folders).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allowedAddinScripts, wellKnownAllowedUrl, WELL_KNOWN_ALLOWED_PATH } from '../../src/manifest/well-known';
import { renderManifest } from '../../src/manifest/render';
import { startTestServer, type TestServer } from '../server/helpers';
import { parseXml, walk } from './xml';

describe('the well-known file of allowed add-in scripts', () => {
  it.each([
    ['an origin', 'https://lurelens.example.org', 'https://lurelens.example.org/commands.js'],
    ['an origin with a port', 'https://addins.example.org:8443/', 'https://addins.example.org:8443/commands.js'],
    ['a path prefix', 'https://cdn.example.co.jp/security/lurelens/', 'https://cdn.example.co.jp/security/lurelens/commands.js'],
  ])('lists the function file for %s, and always sits at the origin root', (_, base, script) => {
    expect(allowedAddinScripts(base)).toEqual({ allowed: [script] });
    expect(wellKnownAllowedUrl(base)).toBe(`${new URL(base).origin}/.well-known/microsoft-officeaddins-allowed.json`);
  });

  it('lists exactly the script the rendered manifest gives classic Outlook (the Runtime override)', () => {
    const base = 'https://cdn.example.co.jp/security/lurelens';
    const manifest = parseXml(renderManifest(readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8'), base));
    const elements = [...walk(manifest)];
    const overrideResid = elements.find((e) => e.name === 'Override' && e.attributes.type === 'javascript')?.attributes.resid;
    const scriptUrl = elements.find((e) => e.name === 'bt:Url' && e.attributes.id === overrideResid)?.attributes.DefaultValue;
    expect(allowedAddinScripts(base).allowed).toEqual([scriptUrl]);
  });

  describe('served by the service', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ publicUrl: 'https://lurelens.example.org' });
    });
    afterAll(() => server.close());

    it('answers without sign-in, as JSON, for the configured public URL', async () => {
      const response = await fetch(`${server.url}${WELL_KNOWN_ALLOWED_PATH}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ allowed: ['https://lurelens.example.org/commands.js'] });
    });

    it('still refuses other dot-files', async () => {
      expect((await fetch(`${server.url}/.well-known/other.json`)).status).toBeGreaterThanOrEqual(400);
      expect((await fetch(`${server.url}/.env`)).status).toBeGreaterThanOrEqual(400);
    });
  });
});

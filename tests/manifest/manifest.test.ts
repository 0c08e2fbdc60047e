import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseXml, walk, type XmlElement } from './xml';
import { renderManifest, normalizeBaseUrl } from '../../src/manifest/render';
import { SPAM_REPORT_REASONS } from '../../src/commands/spam-report';

const root = path.join(__dirname, '..', '..');
const source = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const manifest = parseXml(source);
const all = [...walk(manifest)];
const named = (name: string) => all.filter((e) => e.name === name);

/** A VersionOverrides layer's own elements, without those of a nested layer. */
function* walkLayer(layer: XmlElement): Generator<XmlElement> {
  yield layer;
  for (const child of layer.children) if (child.name !== 'VersionOverrides') yield* walk(child);
}

// The order the OfficeApp schema requires for these children (others may be absent).
const OFFICEAPP_ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'DisableEntityHighlighting', 'VersionOverrides'];

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml (checked offline)', () => {
  it('is a mail add-in with the minimum permission and a stable GUID and version', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('MailApp');
    const text = (name: string) => manifest.children.find((c) => c.name === name)?.text;
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text('Permissions')).toBe('ReadItem');
  });

  it('keeps the OfficeApp children in schema order', () => {
    const seen = manifest.children.map((c) => c.name);
    const positions = seen.map((name) => OFFICEAPP_ORDER.indexOf(name));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('resolves every resid to a resource of its own VersionOverrides layer, of the right kind', () => {
    // A nested VersionOverrides inherits nothing from its parent, so each layer carries its own resources.
    const layers = named('VersionOverrides');
    expect(layers.map((layer) => layer.attributes['xsi:type'])).toEqual(['VersionOverridesV1_0', 'VersionOverridesV1_1']);
    for (const layer of layers) {
      const own = [...walkLayer(layer)];
      const resources = own.find((e) => e.name === 'Resources') as XmlElement;
      const idsOf = (kind: string) => new Set([...walk(resources)].filter((e) => e.name === kind).flatMap((group) => group.children.map((c) => c.attributes.id)));
      const [images, urls, short, long] = ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'].map(idsOf);
      const users = own.filter((e) => e.attributes.resid);
      expect(users.length).toBeGreaterThan(5);
      for (const user of users) {
        const kind = user.name === 'bt:Image' ? images : ['SourceLocation', 'FunctionFile', 'Runtime', 'Override', 'MoreInfoUrl'].includes(user.name) ? urls : user.name === 'Description' ? long : short;
        expect({ element: user.name, resid: user.attributes.resid, found: kind.has(user.attributes.resid) }).toEqual({ element: user.name, resid: user.attributes.resid, found: true });
      }
    }
  });

  it('keeps every id and resid within 32 characters', () => {
    // Microsoft's limit for resource ids and the resids that point at them; control and group ids are
    // held to it too, so one rule covers every identifier in the file.
    const identifiers = all.flatMap((e) => [e.attributes.id, e.attributes.resid]).filter((v): v is string => v !== undefined);
    expect(identifiers.length).toBeGreaterThan(40);
    expect(identifiers.filter((id) => id.length > 32)).toEqual([]);
  });

  it('keeps every string within Outlook\'s length limits, in every language', () => {
    // Short strings (labels, titles, options) 125 characters, long strings (tooltips, descriptions) 250.
    const limits: [string, number][] = [['bt:ShortStrings', 125], ['bt:LongStrings', 250]];
    for (const [group, limit] of limits) {
      const values = named(group).flatMap((g) => g.children.flatMap((s) => [s.attributes.DefaultValue, ...s.children.map((o) => o.attributes.Value)]));
      expect(values.length).toBeGreaterThan(2);
      expect(values.filter((v) => !v || v.length > limit)).toEqual([]);
    }
    const top = (name: string) => manifest.children.find((c) => c.name === name) as XmlElement;
    expect([top('DisplayName').attributes.DefaultValue, ...top('DisplayName').children.map((o) => o.attributes.Value)].every((v) => v.length <= 125)).toBe(true);
    expect([top('Description').attributes.DefaultValue, ...top('Description').children.map((o) => o.attributes.Value)].every((v) => v.length <= 250)).toBe(true);
  });

  it('uses https for every URL', () => {
    const urls = all.flatMap((e) => [e.attributes.DefaultValue, e.name === 'AppDomain' ? e.text : undefined]).filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('ships every icon it names, at the size it claims', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const file = path.join(root, 'assets', `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const image of named('bt:Image').filter((e) => e.attributes.DefaultValue)) {
      const size = Number(/icon-(\d+)\.png$/.exec(image.attributes.DefaultValue)?.[1]);
      expect(image.attributes.id).toBe(`Icon.${size}x${size}`);
    }
  });

  it('has both the task pane button and the integrated Report button in one manifest', () => {
    const points = named('ExtensionPoint').map((e) => e.attributes['xsi:type']);
    expect(points).toEqual(expect.arrayContaining(['MessageReadCommandSurface', 'ReportPhishingCommandSurface']));
    // Pinning is a VersionOverrides 1.1 element: the 1.14 layer's Check button has it.
    const taskpanes = named('Action').filter((a) => a.attributes['xsi:type'] === 'ShowTaskpane');
    expect(taskpanes.map((pane) => pane.children.find((c) => c.name === 'SupportsPinning')?.text)).toEqual([undefined, 'true']);
    const report = named('Action').find((a) => a.attributes['xsi:type'] === 'ExecuteFunction') as XmlElement;
    expect(report.children[0].text).toBe('onSpamReport');
    // The Report button's page and the JavaScript-only override both point at the commands bundle.
    const runtime = named('Runtime')[0];
    expect(runtime.attributes.resid).toBe('Commands.Url');
    expect(runtime.children[0].attributes).toEqual({ type: 'javascript', resid: 'CommandsJs.Url' });
    expect(named('SupportsSharedFolders')[0].text).toBe('true');
  });

  it('gives every client with add-in commands the Check button, and adds the Report button only where Mailbox 1.14 is', () => {
    // Outlook installs nothing from a layer whose requirements the client lacks: the Check button must
    // not depend on 1.14 (LTSC, older Mac), the Report button, getAsFileAsync and the JS runtime do.
    const [outer, inner] = named('VersionOverrides');
    const requirement = (layer: XmlElement) => {
      const sets = [...walkLayer(layer)].find((e) => e.name === 'bt:Sets') as XmlElement;
      return { min: sets.attributes.DefaultMinVersion, sets: sets.children.map((c) => c.attributes.Name) };
    };
    expect(requirement(outer)).toEqual({ min: '1.3', sets: ['Mailbox'] });
    expect(requirement(inner)).toEqual({ min: '1.14', sets: ['Mailbox'] });
    const pointsOf = (layer: XmlElement) => [...walkLayer(layer)].filter((e) => e.name === 'ExtensionPoint').map((e) => e.attributes['xsi:type']);
    expect(pointsOf(outer)).toEqual(['MessageReadCommandSurface']);
    expect(pointsOf(inner)).toEqual(['MessageReadCommandSurface', 'ReportPhishingCommandSurface']);
    const controlIds = (layer: XmlElement) => [...walkLayer(layer)].filter((e) => e.name === 'Control').map((e) => e.attributes.id);
    expect(controlIds(outer)).toEqual(['LureLens.CheckButton']);
    expect(controlIds(inner)).toEqual(['LureLens.CheckButton', 'LureLens.ReportButton']);
    // And with no VersionOverrides at all (Mailbox 1.1 clients), the pane opens from the add-in bar.
    const fallback = named('SourceLocation').find((e) => e.attributes.DefaultValue);
    expect(fallback?.attributes.DefaultValue).toBe('https://localhost:3000/taskpane.html');
  });

  it('names the add-in and describes it in Japanese too', () => {
    for (const name of ['DisplayName', 'Description']) {
      const element = manifest.children.find((c) => c.name === name) as XmlElement;
      expect(element.attributes.DefaultValue.length).toBeGreaterThan(0);
      expect(element.children.find((c) => c.attributes.Locale === 'ja-JP')?.attributes.Value).toBeTruthy();
    }
    const strings = new Map(named('bt:String').map((s) => [s.attributes.id, s]));
    const ja = (id: string) => strings.get(id)?.children.find((c) => c.attributes.Locale === 'ja-JP')?.attributes.Value;
    expect(strings.get('CheckButton.Label')?.attributes.DefaultValue).toBe('Check with Lure Lens');
    expect(ja('CheckButton.Label')).toBe('Lure Lens で確認');
  });

  it('offers the report reasons in the order the handler reads them, in English and Japanese', () => {
    const options = named('Option').map((o) => o.attributes.resid);
    expect(options).toHaveLength(SPAM_REPORT_REASONS.length);
    const strings = new Map(named('bt:String').map((s) => [s.attributes.id, s]));
    const slug = (resid: string) => resid.replace('Reason.', '').replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
    expect(options.map(slug)).toEqual([...SPAM_REPORT_REASONS]);
    for (const string of strings.values()) {
      const ja = string.children.find((c) => c.name === 'bt:Override' && c.attributes.Locale === 'ja-JP');
      expect({ id: string.attributes.id, ja: ja?.attributes.Value ? 'present' : 'missing' }).toEqual({ id: string.attributes.id, ja: 'present' });
    }
  });
});

describe('renderManifest', () => {
  it('moves every URL to another base and stays well-formed', () => {
    const rendered = renderManifest(source, 'https://addins.example.com/', { version: '1.2.3.4' });
    expect(rendered).not.toContain('localhost');
    const tree = parseXml(rendered);
    const values = [...walk(tree)].map((e) => e.attributes.DefaultValue).filter((v) => v?.startsWith('http'));
    for (const url of values) expect(url).toMatch(/^https:\/\/addins\.example\.com\//);
    expect(rendered).toContain('<Version>1.2.3.4</Version>');
    expect(rendered).toContain('<AppDomain>https://addins.example.com</AppDomain>');
  });

  it('keeps a path prefix in URLs but not in AppDomains', () => {
    const rendered = renderManifest(source, 'https://intranet.example.org/lurelens');
    expect(rendered).toContain('https://intranet.example.org/lurelens/taskpane.html');
    expect(rendered).toContain('<AppDomain>https://intranet.example.org</AppDomain>');
  });

  it('escapes characters that would break the XML', () => {
    const rendered = renderManifest(source, 'https://addins.example.com/a&b');
    expect(rendered).toContain('https://addins.example.com/a&amp;b/taskpane.html');
    const tree = parseXml(rendered);
    const taskpane = [...walk(tree)].find((e) => e.attributes.id === 'Taskpane.Url');
    expect(taskpane?.attributes.DefaultValue).toBe('https://addins.example.com/a&amp;b/taskpane.html');
  });

  it('allows plain http only for this machine, for development', () => {
    const rendered = renderManifest(source, 'http://127.0.0.1:8080');
    expect(rendered).toContain('http://127.0.0.1:8080/commands.js');
    expect(() => renderManifest(source, 'http://10.0.0.5:3000')).toThrow(/https only/);
    expect(() => renderManifest(source, 'ftp://addins.example.com')).toThrow(/https only/);
  });

  it('replaces the id only with a GUID', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(renderManifest(source, 'https://a.example.com', { id })).toContain(`<Id>${id}</Id>`);
    expect(() => renderManifest(source, 'https://a.example.com', { id: 'lure-lens' })).toThrow(/GUID/);
  });

  it('refuses bases Outlook would not load', () => {
    expect(() => normalizeBaseUrl('http://addins.example.com')).toThrow(/https only/);
    expect(() => normalizeBaseUrl('not a url')).toThrow(/not a URL/);
    expect(() => normalizeBaseUrl('https://a.example.com/?x=1')).toThrow(/plain origin/);
    expect(() => renderManifest(source, 'https://a.example.com', { version: 'one' })).toThrow(/version/);
    expect(normalizeBaseUrl('http://localhost:3000/')).toBe('http://localhost:3000');
  });
});

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

  it('resolves every resid to a resource of the right kind', () => {
    const ids = new Set(named('bt:Image').concat(named('bt:Url'), named('bt:String')).map((e) => e.attributes.id).filter(Boolean));
    const residUsers = all.filter((e) => e.attributes.resid);
    expect(residUsers.length).toBeGreaterThan(20);
    for (const user of residUsers) expect(ids).toContain(user.attributes.resid);
    // Labels and titles are short strings, descriptions long strings (Outlook enforces the lengths).
    const short = new Set(named('bt:ShortStrings')[0].children.map((c) => c.attributes.id));
    for (const label of named('Label')) expect(short).toContain(label.attributes.resid);
    for (const option of named('Option')) expect(short).toContain(option.attributes.resid);
    for (const s of named('bt:ShortStrings')[0].children) expect(s.attributes.DefaultValue.length).toBeLessThanOrEqual(125);
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
    const taskpane = named('Action').find((a) => a.attributes['xsi:type'] === 'ShowTaskpane') as XmlElement;
    expect(taskpane.children.find((c) => c.name === 'SupportsPinning')?.text).toBe('true');
    const report = named('Action').find((a) => a.attributes['xsi:type'] === 'ExecuteFunction') as XmlElement;
    expect(report.children[0].text).toBe('onSpamReport');
    // The Report button's page and the JavaScript-only override both point at the commands bundle.
    const runtime = named('Runtime')[0];
    expect(runtime.attributes.resid).toBe('Commands.Url');
    expect(runtime.children[0].attributes).toEqual({ type: 'javascript', resid: 'CommandsJs.Url' });
    expect(named('SupportsSharedFolders')[0].text).toBe('true');
  });

  it('asks for Mailbox 1.14 before showing the ribbon buttons, and keeps a pane for older clients', () => {
    // The Report button, getAsFileAsync and the JavaScript-only runtime all arrive in 1.14.
    const v11 = named('VersionOverrides').find((e) => e.attributes['xsi:type'] === 'VersionOverridesV1_1') as XmlElement;
    const sets = [...walk(v11)].find((e) => e.name === 'bt:Sets') as XmlElement;
    expect(sets.attributes.DefaultMinVersion).toBe('1.14');
    expect(sets.children.map((c) => c.attributes.Name)).toEqual(['Mailbox']);
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
    const slug = (resid: string) => resid.replace('ReportOption.', '').replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
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

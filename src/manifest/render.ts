// The manifest is written once, against the development base https://localhost:3000, and rendered
// for wherever the add-in is really hosted (the web build's --env baseUrl, the service's public URL).
// Pure string work: no XML library is needed to swap one origin for another.

export const DEVELOPMENT_BASE = 'https://localhost:3000';

export interface RenderOptions {
  /** Replaces <Version>, e.g. "1.2.0.0". */
  version?: string;
  /** Replaces <Id> (a GUID), e.g. for a separate test deployment that must coexist with production. */
  id?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks and normalises a base URL: https (plain http only for this machine), no path, query or fragment. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`"${baseUrl}" is not a URL; give the add-in's origin, e.g. https://lurelens.example.org`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    throw new Error(`Outlook loads add-ins over https only; "${baseUrl}" is not https`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`"${baseUrl}" must be a plain origin, without credentials, query or fragment`);
  }
  // A path prefix is allowed (hosting under /lurelens), without a trailing slash.
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderManifest(template: string, baseUrl: string, options: RenderOptions = {}): string {
  const base = escapeXml(normalizeBaseUrl(baseUrl));
  let xml = template.split(DEVELOPMENT_BASE).join(base);
  // AppDomains list origins only; a path prefix does not belong there.
  const origin = escapeXml(new URL(normalizeBaseUrl(baseUrl)).origin);
  xml = xml.replace(/<AppDomain>[^<]*<\/AppDomain>/g, (element) => (element.includes(base) ? `<AppDomain>${origin}</AppDomain>` : element));
  if (options.version !== undefined) {
    if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(options.version)) throw new Error(`version "${options.version}" must look like 1.2.0.0`);
    xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${options.version}</Version>`);
  }
  if (options.id !== undefined) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.id)) throw new Error(`id "${options.id}" must be a GUID`);
    xml = xml.replace(/<Id>[^<]*<\/Id>/, `<Id>${options.id}</Id>`);
  }
  return xml;
}

// Defanging for indicators and message text shown to analysts: http -> hxxp, dots in host names
// -> [.], so nothing is clickable and nothing auto-links when pasted into chat or a ticket.
// Every function is a single linear pass over its input.

const SCHEMES: Record<string, string> = { http: 'hxxp', https: 'hxxps', ftp: 'fxp', ws: 'wxs', wss: 'wxss' };

export function defangDomain(domain: string): string {
  return domain.replace(/\./g, '[.]');
}

/** "https://login.evil.example/a.b?c=d" -> "hxxps://login[.]evil[.]example/a.b?c=d". */
export function defangUrl(url: string): string {
  const match = /^(\s*)([A-Za-z][A-Za-z0-9+.-]{0,31}):(\/\/)?([^/?#\s]*)/.exec(url);
  if (!match) return defangDomain(url);
  const [whole, space, scheme, slashes = '', authority] = match;
  const lower = scheme.toLowerCase();
  const shownScheme = SCHEMES[lower] ?? scheme;
  if (!slashes) {
    // mailto:a@b.example, javascript:…: keep the scheme, defang the dots after it.
    return `${space}${shownScheme}:${defangDomain(url.slice(space.length + scheme.length + 1))}`;
  }
  return `${space}${shownScheme}:${slashes}${defangDomain(authority)}${url.slice(whole.length)}`;
}

/** An e-mail address with its domain defanged: "a@evil[.]example". */
export function defangAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at + 1) + defangDomain(address.slice(at + 1));
}

const URL_IN_TEXT = /\b(?:https?|ftp):\/\/[^\s<>"'）」』】]+/gi;
const WWW_IN_TEXT = /\bwww\.[^\s<>"'）」』】]+/gi;

/** Every http(s)/ftp URL and www. host in free text defanged; the rest unchanged. */
export function defangText(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => defangUrl(url)).replace(WWW_IN_TEXT, (host) => {
    const end = host.search(/[/?#]/);
    return end < 0 ? defangDomain(host) : defangDomain(host.slice(0, end)) + host.slice(end);
  });
}

/** Indicator values by type: URLs and domains defanged, hashes and addresses as they are (addresses' domains defanged). */
export function defangIndicator(type: string, value: string): string {
  if (type === 'url') return defangUrl(value);
  if (type.endsWith('domain')) return defangDomain(value);
  if (type === 'sender-address' || type === 'reply-to' || type === 'return-path') return defangAddress(value);
  return value;
}

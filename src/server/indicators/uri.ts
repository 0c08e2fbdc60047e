// The one serialisation of a URL that leaves this service: STIX `url:value`, the CSV, ARF's
// Reported-URI and the webhook all use it. WHATWG's `href` is what browsers do, not an RFC 3986
// URI: it leaves `| ^ { } [ ] \` and backticks raw in paths and queries and keeps a `%` that starts
// no escape, and the OASIS `url` schema and RFC 5965 both reject those. Here every character outside
// RFC 3986's allowed set is percent-encoded and a stray `%` becomes `%25`; existing escapes are kept
// as written (decoding them could change what the server receives).

/** Longer URLs are not exported: they are padding, and ARF lines must stay under 998 characters. */
export const MAX_URL_LENGTH = 2048;

/** unreserved / sub-delims / ":" / "@" / "/" / "?" (RFC 3986 §2.2, 2.3, 3.3, 3.4) and "%" handled apart. */
const ALLOWED = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const HEX = /^[0-9A-Fa-f]{2}$/;

/** Percent-encodes path-and-query text so that only RFC 3986 characters remain. */
export function encodeUriText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '%') {
      out += HEX.test(text.slice(i + 1, i + 3)) ? '%' : '%25';
    } else if (ALLOWED.test(char)) {
      out += char;
    } else {
      // WHATWG already encoded non-ASCII as UTF-8; anything left is ASCII (or a lone surrogate, which
      // encodeURIComponent refuses: it becomes U+FFFD's bytes).
      try {
        out += encodeURIComponent(char);
      } catch {
        out += '%EF%BF%BD';
      }
    }
  }
  return out;
}

/** `url` as an RFC 3986 URI: scheme and host as WHATWG folded them, path and query made strict, no fragment or credentials. */
export function serializeUri(url: URL): string {
  const authority = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  return `${url.protocol}//${authority}${encodeUriText(url.pathname)}${encodeUriText(url.search)}`;
}

/**
 * http(s) URL in its canonical form (IDNA host, no fragment, no credentials), or undefined for
 * anything else. Plain-text links are often written without a scheme ("www.example.com/login").
 */
export function parseHttpUrl(href: string): URL | undefined {
  let text = href.trim();
  if (!text || text.length > MAX_URL_LENGTH) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!/^www\./i.test(text)) return undefined;
    text = 'http://' + text;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
  url.hash = '';
  // Credentials in a URL are never an indicator worth exporting and may be someone's password.
  url.username = '';
  url.password = '';
  return url;
}

/**
 * The exported form of a stored URL indicator. Idempotent, so values stored before this
 * serialisation existed (WHATWG hrefs) come out the same as new ones.
 */
export function exportUri(value: string): string {
  const url = parseHttpUrl(value);
  return url ? serializeUri(url) : encodeUriText(value);
}

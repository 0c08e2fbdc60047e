// The well-known file that lets classic Outlook on Windows trust the Report button's script.
// There the button runs commands.js in a JavaScript-only runtime, which makes its CORS requests and
// nested app authentication on behalf of that script only if the script's origin lists it in
// /.well-known/microsoft-officeaddins-allowed.json, at the root of the origin (never under a path prefix).
export const WELL_KNOWN_ALLOWED_PATH = '/.well-known/microsoft-officeaddins-allowed.json';

/** The file's content: the function file's URL under this base (which may carry a path prefix). */
export function allowedAddinScripts(baseUrl: string): { allowed: string[] } {
  const url = new URL(baseUrl);
  return { allowed: [`${url.origin}${url.pathname.replace(/\/+$/, '')}/commands.js`] };
}

/** Where the file must be served for this base: the origin's root, whatever the base's path. */
export function wellKnownAllowedUrl(baseUrl: string): string {
  return `${new URL(baseUrl).origin}${WELL_KNOWN_ALLOWED_PATH}`;
}

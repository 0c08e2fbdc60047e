// Starts the real OpenID Connect provider (tests/support/oidc-provider.mjs) in its own process and
// gets tokens from it the way clients do: the token endpoint with client credentials, and the
// authorization-code flow through its login and consent pages.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const TENANT = 'tenant-a';
export const OTHER_TENANT = 'tenant-b';
/** Signs with its own keys but claims to be tenant-a (a token from the wrong issuer). */
export const IMPOSTOR_TENANT = 'tenant-x';
export const API_AUDIENCE = 'api://lurelens.test/reporting';
export const API_SCOPE = 'Reports.Submit';
export const CONSOLE_CLIENT = { id: 'lurelens-console', secret: 'console-secret-for-tests-0123456789abcdef' };

export const USERS = {
  alice: { name: 'Alice Analyst', email: 'alice@example.test', roles: ['LureLens.Analyst'] },
  ada: { name: 'Ada Admin', email: 'ada@example.test', roles: ['LureLens.Admin'] },
  vic: { name: 'Vic Viewer', email: 'vic@example.test', roles: ['LureLens.Viewer'] },
  nora: { name: 'Nora Nobody', email: 'nora@example.test', roles: [] as string[] },
  rita: { name: 'Rita Reporter', email: 'rita@example.test', roles: [] as string[] },
};
export type Login = keyof typeof USERS;

export interface TestProvider {
  port: number;
  issuer(tenant?: string): string;
  /** An access token for the API (or another audience) from a tenant's token endpoint. */
  accessToken(login: Login, options?: { tenant?: string; resource?: string }): Promise<string>;
  /** Publishes a new signing key for the tenant and signs with it from now on. */
  rotate(tenant?: string): Promise<string>;
  close(): Promise<void>;
}

export interface ProviderOptions {
  consoleRedirectUri?: string;
  postLogoutRedirectUri?: string;
}

export async function startProvider(options: ProviderOptions = {}): Promise<TestProvider> {
  const input = {
    tenants: [{ id: TENANT }, { id: OTHER_TENANT }, { id: IMPOSTOR_TENANT, tidClaim: TENANT }],
    users: USERS,
    consoleRedirectUri: options.consoleRedirectUri ?? 'http://127.0.0.1:9/auth/callback',
    postLogoutRedirectUri: options.postLogoutRedirectUri ?? 'http://127.0.0.1:9/console.html',
    resource: API_AUDIENCE,
    scope: API_SCOPE,
  };
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs'), JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`provider did not start: ${err}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`provider exited (${code}): ${err}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const issuer = (tenant = TENANT) => `${base}/${tenant}/v2.0`;
  return {
    port,
    issuer,
    async accessToken(login, { tenant = TENANT, resource = API_AUDIENCE } = {}) {
      const response = await fetch(`${issuer(tenant)}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: `addin-${login}`,
          client_secret: `addin-secret-${login}-0123456789abcdef0123`,
          scope: API_SCOPE,
          resource,
        }),
      });
      const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!body.access_token) throw new Error(`token endpoint: ${body.error}: ${body.error_description}`);
      return body.access_token;
    },
    async rotate(tenant = TENANT) {
      const response = await fetch(`${base}/__rotate/${tenant}`, { method: 'POST' });
      return ((await response.json()) as { kid: string }).kid;
    },
    async close() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * A browser as far as sign-in needs one: a cookie jar per host, redirects followed one by one (so a
 * test can stop at any of them), forms posted as url-encoded bodies. Cookie attributes are kept so
 * tests can assert them.
 */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every Set-Cookie header received, by cookie name (the last one wins). */
  readonly setCookies = new Map<string, string>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(name, value);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookies = [...(this.jar.get(new URL(url).host) ?? new Map()).entries()].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: { ...(cookies ? { cookie: cookies } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      this.setCookies.set(name, header);
      const host = new URL(url).host;
      if (!this.jar.has(host)) this.jar.set(host, new Map());
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.jar.get(host)!.delete(name);
      else this.jar.get(host)!.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until one leaves for `stopAt` (returned, not fetched) or a page answers. */
  async follow(url: string, stopAt?: string, init: Parameters<Browser['request']>[1] = {}): Promise<{ url: string; response?: Response }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
      if (stopAt && current.startsWith(stopAt)) return { url: current };
      response = await this.request(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/**
 * Signs `login` in at the provider's own pages (login, then consent) starting from the service's
 * /auth/login, and returns the provider's answer: the service's callback URL with code and state,
 * not yet delivered (so a test can tamper with or replay it).
 */
export async function signInAtProvider(browser: Browser, serviceUrl: string, publicUrl: string, login: string, returnTo?: string): Promise<string> {
  const start = await browser.request(`${serviceUrl}/auth/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
  if (start.status !== 303) throw new Error(`/auth/login answered ${start.status}: ${await start.text()}`);
  const callback = `${publicUrl}/auth/callback`;
  let step = await browser.follow(start.headers.get('location')!, callback);
  for (let pages = 0; pages < 4 && step.response; pages++) {
    const page = await step.response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!prompt) throw new Error(`unexpected provider page at ${step.url}: ${page.slice(0, 300)}`);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    step = await browser.follow(step.url, callback, { form });
  }
  if (step.response) throw new Error(`the provider did not send the browser back: ${step.url}`);
  return step.url;
}

/** Delivers the provider's answer to the service (the browser's request to publicUrl goes to serviceUrl). */
export async function deliverCallback(browser: Browser, serviceUrl: string, publicUrl: string, answer: string): Promise<Response> {
  const local = serviceUrl + answer.slice(publicUrl.length);
  // The browser holds the service's cookies under the address it used (serviceUrl).
  return browser.request(local);
}

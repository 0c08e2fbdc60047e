/** @jest-environment ./tests/console/environment.js */
// Signing in to the console with the organisation's identity provider: the button the service
// offers, why a sign-in did not complete, and the session mode of the API client (cookie plus CSRF
// token, never a bearer token).
import { cleanup, screen } from '@testing-library/react';
import { Api } from '../../src/console/api';
import { startTestServer, type TestServer } from '../server/helpers';
import { recordingFetch, renderConsole } from './helpers';

jest.setTimeout(60_000);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    identity: {
      // Never contacted here: /api/me only says sign-in is offered.
      oidc: { issuer: 'http://127.0.0.1:9/tenant/v2.0', clientId: 'console', roles: { analyst: ['LureLens.Analyst'] }, displayName: 'Contoso Entra ID' },
    },
  });
});
afterAll(() => server.close());
afterEach(() => cleanup());

test('offers sign-in with the identity provider first, returning to the page asked for; the static token stays as the second way', async () => {
  renderConsole({ url: server.url, hash: '#/campaigns' });
  const button = await screen.findByTestId('sign-in-provider');
  expect(button.textContent).toBe('Sign in with Contoso Entra ID');
  expect(button.getAttribute('href')).toBe(`${server.url}/auth/login?returnTo=${encodeURIComponent('/console.html#/campaigns')}`);
  expect(screen.getByLabelText('Or a static token (automation, local service)')).toBe(screen.getByTestId('token-input'));
});

test('says why sign-in did not complete, in Japanese too', async () => {
  window.history.replaceState(null, '', '/console.html?signin=no-role');
  try {
    renderConsole({ url: server.url, language: 'ja' });
    expect((await screen.findByTestId('session-notice')).textContent).toContain('Lure Lens のロールがありません');
  } finally {
    window.history.replaceState(null, '', '/');
  }
});

test('with a session the client sends the CSRF token on changes only, and never an Authorization header', async () => {
  const { fetch, calls } = recordingFetch();
  const headers: Record<string, string>[] = [];
  const api = new Api({
    csrfToken: 'csrf-from-api-me',
    baseUrl: server.url,
    fetch: async (url, init) => {
      headers.push(init.headers);
      return fetch(url, init);
    },
  });
  await api.listReports().catch(() => undefined);
  await api.triageReport('00000000-0000-4000-8000-000000000000', { disposition: 'malicious' }).catch(() => undefined);
  expect(calls.map((c) => c.method)).toEqual(['GET', 'PATCH']);
  expect(headers[0]['x-csrf-token']).toBeUndefined();
  expect(headers[1]['x-csrf-token']).toBe('csrf-from-api-me');
  expect(headers.every((h) => h.authorization === undefined)).toBe(true);
});

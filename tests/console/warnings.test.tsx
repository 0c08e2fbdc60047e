/** @jest-environment ./tests/console/environment.js */
// The service's warnings above the report list, in the reader's language: the console words each
// code /api/status gives (warningDetails) instead of showing the service's English.
import { cleanup, screen } from '@testing-library/react';
import { ANALYST, startTestServer, type TestServer } from '../server/helpers';
import { renderConsole } from './helpers';

let server: TestServer;
beforeAll(async () => {
  // trustProxy true and an http public address: two configuration warnings.
  server = await startTestServer({ trustProxy: true, publicUrl: 'http://localhost:3999' });
});
afterAll(() => server.close());
afterEach(async () => {
  // Unmounting while a request is in flight holds the test service's close for a minute.
  await screen.findByTestId('service-version').catch(() => undefined);
  cleanup();
});

test('shows the warnings in Japanese for a Japanese reader', async () => {
  renderConsole({ url: server.url, token: ANALYST, language: 'ja-JP' });
  const items = await screen.findAllByTestId('service-warning');
  expect(items.map((item) => item.textContent)).toEqual([
    'trustProxy が true です。クライアントが X-Forwarded-For で自分のアドレスを偽れます。ホップ数かプロキシのアドレスを設定してください。',
    'publicUrl が https ではありません。Outlook は https のアドインしか読み込みません。',
  ]);
  expect(screen.getByTestId('service-warnings').textContent).toContain('サービスの警告');
});

test('and in English for everyone else', async () => {
  renderConsole({ url: server.url, token: ANALYST, language: 'en-US' });
  const items = await screen.findAllByTestId('service-warning');
  expect(items.map((item) => item.textContent)).toEqual([
    'trustProxy is true: clients can choose their own address in X-Forwarded-For. Set a hop count or the proxy addresses.',
    'publicUrl is not https: Outlook loads add-ins over https only.',
  ]);
});

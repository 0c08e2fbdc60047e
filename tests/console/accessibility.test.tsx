/** @jest-environment ./tests/console/environment.js */
// axe-core on the console's pages (sign-in, inbox, report detail, campaigns) in English and
// Japanese: no serious or critical violations. jsdom does no layout, so colour contrast is left to
// the end-to-end run in a browser.
import axe from 'axe-core';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { ANALYST, fixture, report, startTestServer, type TestServer } from '../server/helpers';
import { hostileEml, renderConsole } from './helpers';

let server: TestServer;
let reportId: string;
let campaignId: string;

beforeAll(async () => {
  server = await startTestServer();
  const receipt = await report(server, hostileEml('a11y-1'));
  reportId = receipt.id;
  campaignId = (await report(server, fixture('campaign-1.eml'))).campaignId;
});

afterAll(async () => {
  await server.close();
});

afterEach(() => cleanup());

/**
 * jsdom recomputes every style rule on each getComputedStyle call, and Fluent inserts many rules;
 * axe asks for the same elements' styles over and over. Nothing changes while axe runs, so the
 * answers are cached for its duration.
 */
async function withCachedStyles<T>(run: () => Promise<T>): Promise<T> {
  const original = window.getComputedStyle;
  const perElement = new WeakMap<Element, Map<string, CSSStyleDeclaration>>();
  window.getComputedStyle = ((element: Element, pseudo?: string | null) => {
    let styles = perElement.get(element);
    if (!styles) perElement.set(element, (styles = new Map()));
    const key = pseudo ?? '';
    let style = styles.get(key);
    if (!style) styles.set(key, (style = original.call(window, element, pseudo)));
    return style;
  }) as typeof window.getComputedStyle;
  try {
    return await run();
  } finally {
    window.getComputedStyle = original;
  }
}

async function violations(): Promise<string[]> {
  const results = await withCachedStyles(() => axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, rules: { 'color-contrast': { enabled: false } } }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const pages: [string, (ids: { report: string; campaign: string }) => string | undefined, string][] = [
  ['sign-in', () => undefined, 'token-input'],
  ['inbox', () => '#/reports', 'inbox'],
  ['report detail', (ids) => `#/reports/${ids.report}`, 'message-body'],
  ['campaign', (ids) => `#/campaigns/${ids.campaign}`, 'campaign-detail'],
  ['campaign list', () => '#/campaigns', 'campaigns'],
];

// axe in jsdom takes seconds on the report page (thousands of nodes, no layout engine); generous on a busy machine.
jest.setTimeout(90_000);
describe('English', () => {
  test.each(pages)('%s has no serious or critical axe violations', async (_name, hashOf, ready) => {
    const hash = hashOf({ report: reportId, campaign: campaignId });
    renderConsole({ url: server.url, token: hash ? ANALYST : undefined, hash: hash ?? '#/reports', language: 'en-GB' });
    await screen.findByTestId(ready);
    expect(document.querySelector('header')).not.toBeNull();
    expect(document.querySelector('main')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });
});

// The pages have the same structure in Japanese; the language-dependent parts are the labels.
describe('Japanese', () => {
  test.each(pages.slice(0, 2))('%s has no serious or critical axe violations', async (_name, hashOf, ready) => {
    const hash = hashOf({ report: reportId, campaign: campaignId });
    renderConsole({ url: server.url, token: hash ? ANALYST : undefined, hash: hash ?? '#/reports', language: 'ja-JP' });
    await screen.findByTestId(ready);
    expect(document.documentElement.lang).toBe('ja');
    expect(await violations()).toEqual([]);
  });
});

test('the campaign-wide disposition confirmation has no serious or critical axe violations', async () => {
  renderConsole({ url: server.url, token: ANALYST, hash: `#/campaigns/${campaignId}`, language: 'en-GB' });
  await screen.findByTestId('campaign-detail');
  fireEvent.click(within(screen.getByTestId('disposition-control')).getByRole('button', { name: 'Malicious' }));
  expect(document.activeElement).toBe(screen.getByTestId('campaign-confirm'));
  expect(await violations()).toEqual([]);
});

test('the check itself finds a serious violation (an unlabelled field)', async () => {
  const { container } = renderConsole({ url: server.url });
  await screen.findByTestId('token-input');
  const input = document.createElement('input');
  container.querySelector('main')!.appendChild(input);
  expect((await violations()).some((violation) => violation.startsWith('label:'))).toBe(true);
  input.remove();
});

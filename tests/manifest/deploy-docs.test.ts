// docs/deploy.md is what an IT admin follows in a real tenant; the facts it must carry are checked against
// the code they describe, so the page cannot drift from what the add-in asks of Entra and Outlook.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WELL_KNOWN_ALLOWED_PATH } from '../../src/manifest/well-known';
import { GRAPH_SCOPES } from '../../src/report/tokens';

const deploy = readFileSync(path.join(__dirname, '..', '..', 'docs', 'deploy.md'), 'utf8');
const section = (heading: RegExp) => {
  const start = deploy.search(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = deploy.slice(start + 1).search(/^## /m);
  return deploy.slice(start, next < 0 ? undefined : start + 1 + next);
};

describe('docs/deploy.md', () => {
  it('registers the Entra app with the SPA broker redirect and every Graph permission the code asks for, in English and Japanese', () => {
    const entra = section(/^## \d+\. The Entra app/m);
    const [english, japanese] = entra.split(/^### 日本語/m);
    for (const text of [english, japanese]) {
      expect(text).toContain('brk-multihub://');
      for (const scope of Object.values(GRAPH_SCOPES).flat()) expect({ scope, named: text.includes(`\`${scope}\``) }).toEqual({ scope, named: true });
    }
    expect(english).toMatch(/Single-page application/);
    expect(english).toMatch(/admin consent/);
    expect(japanese).toMatch(/シングルページ アプリケーション/);
    expect(japanese).toMatch(/管理者の同意/);
    expect(entra).toContain('NestedAppAuth 1.1');
  });

  it('says where the well-known file goes, at the origin root even under a path prefix', () => {
    const wellKnown = section(/^## \d+\. The well-known file/m);
    expect(wellKnown).toContain(WELL_KNOWN_ALLOWED_PATH);
    expect(wellKnown).toMatch(/root of the origin/);
  });

  it('explains the Defender choice that decides which Report button employees see', () => {
    const defender = section(/^## \d+\. Microsoft Defender/m);
    for (const words of ['User reported settings', 'Monitor reported messages in Outlook', 'Use a non-Microsoft add-in button', 'SecOps mailbox', 'ユーザーが報告した設定']) {
      expect(defender).toContain(words);
    }
  });

  it('has a current client table: classic Outlook from 2404, Mac from 16.100, not consumer accounts, not mobile', () => {
    const clients = section(/^## \d+\. Which Outlook gets what/m);
    expect(clients).toContain('Version 2404 (Build 17530.15000)');
    expect(clients).toContain('16.100');
    expect(clients).toMatch(/consumer accounts/);
    expect(clients).toMatch(/iOS and Android/);
  });

  it('gives a pilot checklist per client for the task pane, Report button, channel, move and shared mailbox', () => {
    const pilot = section(/^## \d+\. Pilot checklist/m);
    const header = pilot.split('\n').find((line) => line.startsWith('| Check'));
    expect(header).toMatch(/Web \| New Outlook \| Classic Windows \| Mac/);
    for (const row of ['**Task pane**', '**Report button**', '**Reporting channel', '**Move after report**', '**Shared mailbox**']) {
      const line = pilot.split('\n').find((l) => l.includes(row));
      expect({ row, boxes: line?.match(/☐/g)?.length ?? 0 }).toEqual({ row, boxes: 4 });
    }
  });
});

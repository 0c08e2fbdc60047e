// The operator documents carry facts the code and the shipped files decide; these keep them from drifting:
// the systemd units shown are the ones shipped, the doctor table lists every check, the exit codes match,
// and the reporter token has one documented home.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS } from '../../src/cli/doctor/checks';
import { CONFIG_EXIT_CODE, DATABASE_EXIT_CODE } from '../../src/cli/serve';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const service = read('docs/service.md');
const deploy = read('docs/deploy.md');

function section(text: string, heading: RegExp): string {
  const start = text.search(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = text.slice(start + 1).search(/^## /m);
  return text.slice(start, next < 0 ? undefined : start + 1 + next);
}

describe('docs/service.md', () => {
  it.each(readdirSync(path.join(ROOT, 'deploy', 'systemd')))('shows deploy/systemd/%s exactly as shipped', (unit) => {
    expect(service).toContain('```ini\n' + read(`deploy/systemd/${unit}`) + '```');
  });

  it('keeps restart loops off for the exit codes serve uses for configuration and database problems', () => {
    expect(read('deploy/systemd/lurelens.service')).toContain(`RestartPreventExitStatus=${CONFIG_EXIT_CODE} ${DATABASE_EXIT_CODE}`);
    expect(section(service, /^## Install on a server/m)).toMatch(new RegExp(`exits with \\*\\*${CONFIG_EXIT_CODE}\\*\\*[\\s\\S]*with \\*\\*${DATABASE_EXIT_CODE}\\*\\*`));
  });

  it("lists every doctor check in doctor's table", () => {
    const doctor = section(service, /^## Checking a deployment: lurelens doctor/m);
    for (const check of CHECKS) expect({ check: check.id, listed: doctor.includes(`\n| ${check.title.en} |`) }).toEqual({ check: check.id, listed: true });
  });

  it('says where the prebuilt SQLite binary comes from, what compiling needs, and how to tell which happened', () => {
    const install = section(service, /^## Install on a server/m);
    for (const fact of ['python3, make and g++', 'npm_config_better_sqlite3_local_prebuilds', 'config.gypi', 'prebuilt binary', 'compiled on this machine']) expect(install).toContain(fact);
  });

  it('gives the reporter token one home, and deploy.md agrees', () => {
    expect(section(service, /^## Tokens/m)).toMatch(/The reporter token has one home: the service's token list/);
    const first = section(deploy, /^## 1\. /m);
    expect(first).toMatch(/Do not put the reporter token in it/);
    expect(first).toContain('service.md#tokens');
  });

  it('documents backup schedule and retention, restore, and upgrade and rollback steps', () => {
    expect(section(service, /^## Backups and restore/m)).toMatch(/Schedule and retention[\s\S]*--keep 14[\s\S]*lurelens restore/);
    expect(section(service, /^## Upgrades and rollback/m)).toMatch(/Upgrade:[\s\S]*Rollback:[\s\S]*before-upgrade/);
  });
});

it('README has a row for every operator command', () => {
  const readme = read('README.md');
  for (const command of ['npm pack', 'lurelens doctor', 'lurelens backup', 'lurelens restore', 'lurelens manifest']) expect(readme).toMatch(new RegExp(`^\\|.*\`(npx )?${command}`, 'm'));
});

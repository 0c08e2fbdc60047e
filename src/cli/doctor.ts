// `lurelens doctor [--config FILE] [--lang en|ja] [--json] [--offline] [--thorough] [--ca FILE] [service options]`
// Checks what makes a deployment fail, reading the configuration exactly as `lurelens serve` does,
// and says how to fix each problem, in English or Japanese (--lang, else the locale: LC_ALL,
// LC_MESSAGES, LANG). Read-only: safe to run beside the service, e.g. from monitoring.
// Exit codes: 0 every check passed (or does not apply), 1 warnings only, 2 at least one failure
// (or doctor could not run: bad option, unreadable configuration).
import { readFileSync } from 'node:fs';
import { ConfigError, loadServerConfig, type ServerConfig } from '../server/config';
import { languageFor, localized, type Language } from '../i18n';
import { takeOptions, integerOption, UsageError } from './args';
import { t, worst, type Check, type DoctorContext, type Finding, type Status } from './doctor/check';
import { CHECKS } from './doctor/checks';
import { probe, type ProbeResult } from './doctor/network';
import { COLOR, PLAIN, terminalSafe, type Palette } from './format';
import type { Io } from './io';
import { packageVersion } from './version';

export const DOCTOR_USAGE = `Usage: lurelens doctor [--config FILE] [--lang en|ja] [--json] [--offline] [--thorough] [--ca FILE] [service options]
  Checks the deployment and says how to fix each problem: configuration and policy, public URL (https,
  reachable, the running version), TLS certificates (dates, host name, trust), the rendered manifest
  against the manifest XML schemas, the well-known file for classic Outlook, tokens, the data directory
  (writable, free space), the database (schema, integrity) and the webhook. Run it as the service's user.
  --config FILE    the service's JSON config file (or LURELENS_CONFIG); other serve options work too
  --lang en|ja     language of the report (default: from LC_ALL, LC_MESSAGES or LANG)
  --json           one JSON document instead of text, for monitoring
  --offline        skip the checks that need the network (public URL, well-known file, webhook)
  --thorough       PRAGMA integrity_check instead of the faster quick_check
  --ca FILE        also trust this CA certificate (PEM), e.g. your organisation's own
  --timeout-ms N   per request (default 5000)
Exit codes: 0 all passed, 1 warnings only, 2 at least one failure (or doctor could not run).`;

const EXIT: Record<Status, number> = { ok: 0, skip: 0, warn: 1, fail: 2 };

const LABELS: Record<Language, Record<Status, string>> = {
  en: { ok: 'ok', warn: 'WARN', fail: 'FAIL', skip: 'skip' },
  ja: { ok: '正常', warn: '警告', fail: '失敗', skip: '省略' },
};

/** The report's language from POSIX locale variables, in their order of precedence. */
export function languageFromLocale(env: Record<string, string | undefined>): Language {
  // ja_JP.UTF-8 → ja-JP.UTF-8, the form languageFor reads.
  return languageFor((env.LC_ALL || env.LC_MESSAGES || env.LANG || '').replace(/_/g, '-'));
}

export interface CheckReport {
  id: string;
  title: string;
  status: Status;
  findings: { status: Status; text: string; fix?: string }[];
}

export interface DoctorReport {
  version: string;
  language: Language;
  status: Status;
  exitCode: number;
  checks: CheckReport[];
}

const CONFIG_CHECK = { id: 'config', title: t('Configuration', '設定') };

function toReport(check: Pick<Check, 'id' | 'title'>, findings: Finding[], language: Language): CheckReport {
  return {
    id: check.id,
    title: localized(check.title, language),
    status: worst(findings),
    findings: findings.map((finding) => ({ status: finding.status, text: localized(finding.text, language), ...(finding.fix ? { fix: localized(finding.fix, language) } : {}) })),
  };
}

/** Pads to four terminal columns (a Japanese label's two characters already take four). */
function padColumns(text: string, columns: number): string {
  const width = [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! > 0xff ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, columns - width));
}

function paint(status: Status, label: string, palette: Palette): string {
  const padded = padColumns(label, 4);
  return status === 'fail' ? palette.red(palette.bold(padded)) : status === 'warn' ? palette.yellow(palette.bold(padded)) : status === 'ok' ? palette.green(padded) : palette.dim(padded);
}

export function formatReport(report: DoctorReport, palette: Palette, heading: string): string[] {
  const labels = LABELS[report.language];
  const lines = [heading];
  const counts: Record<Status, number> = { ok: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of report.checks) {
    for (const finding of check.findings) {
      counts[finding.status]++;
      lines.push(`${paint(finding.status, labels[finding.status], palette)}  ${palette.bold(check.title)}: ${terminalSafe(finding.text, 2000)}`);
      if (finding.fix) lines.push(`      → ${terminalSafe(finding.fix, 2000)}`);
    }
  }
  lines.push(
    report.language === 'ja'
      ? `結果: 正常 ${counts.ok}、警告 ${counts.warn}、失敗 ${counts.fail}、省略 ${counts.skip} — 終了コード ${report.exitCode}`
      : `Result: ${counts.ok} ok, ${counts.warn} warning(s), ${counts.fail} failure(s), ${counts.skip} skipped — exit ${report.exitCode}`,
  );
  return lines;
}

export interface DoctorOptions {
  env?: Record<string, string | undefined>;
  now?: Date;
}

/** Runs every check; a check that throws is reported as a failure of that check, and the rest still run. */
export async function diagnose(context: DoctorContext, language: Language): Promise<CheckReport[]> {
  const reports: CheckReport[] = [];
  for (const check of CHECKS) {
    let findings: Finding[];
    try {
      findings = await check.run(context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      findings = [{ status: 'fail', text: t(`the check itself failed: ${message}`, `チェック自体が失敗しました: ${message}`), fix: t('Report this with the message above.', '上のメッセージを添えて報告してください。') }];
    }
    reports.push(toReport(check, findings, language));
  }
  return reports;
}

export type ContextOptions = Pick<DoctorContext, 'network' | 'thorough' | 'timeoutMs' | 'ca' | 'now'> & { configFile?: string };

/** The context every check reads: the configuration, one request per URL, the database opened on first use. */
export function doctorContext(config: ServerConfig, options: ContextOptions): DoctorContext {
  const probes = new Map<string, Promise<ProbeResult>>();
  let database: ReturnType<DoctorContext['database']> | undefined;
  return {
    ...options,
    config,
    database: () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      database ??= (require('./database') as typeof import('./database')).databaseFor(config);
      return database;
    },
    fetch: (url, method = 'GET') => {
      const key = `${method} ${url}`;
      if (!probes.has(key)) probes.set(key, probe(url, { timeoutMs: options.timeoutMs, ca: options.ca, method }));
      return probes.get(key)!;
    },
  };
}

export async function runDoctor(argv: readonly string[], io: Io, options: DoctorOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  let args;
  let language: Language;
  let timeoutMs: number;
  let ca: string[];
  try {
    args = takeOptions(argv, { values: ['--lang', '--ca', '--timeout-ms'], flags: ['--json', '--offline', '--thorough'] });
    const lang = args.values.get('--lang');
    if (lang !== undefined && lang !== 'en' && lang !== 'ja') throw new UsageError(`--lang must be en or ja, not "${lang}"`);
    language = (lang as Language | undefined) ?? languageFromLocale(env);
    timeoutMs = integerOption(args, '--timeout-ms', 100, 120_000) ?? 5_000;
    const caFile = args.values.get('--ca');
    ca = caFile ? [readFileSync(caFile, 'utf8')] : [];
  } catch (error) {
    io.err(`lurelens doctor: ${(error as Error).message}\n${DOCTOR_USAGE}`);
    return 2;
  }
  if (args.help) return io.out(DOCTOR_USAGE), 0;

  const version = packageVersion();
  const configFile = args.rest.find((_, i) => args.rest[i - 1] === '--config') ?? args.rest.find((arg) => arg.startsWith('--config='))?.slice(9) ?? env.LURELENS_CONFIG;
  const heading =
    language === 'ja'
      ? `Lure Lens ${version} 診断 — 設定: ${configFile ?? '既定値・環境変数・オプション'}`
      : `Lure Lens ${version} doctor — configuration: ${configFile ?? 'defaults, environment and options'}`;
  const finish = (checks: CheckReport[]) => {
    const status = worst(checks);
    const report: DoctorReport = { version, language, status, exitCode: EXIT[status], checks };
    if (args.flags.has('--json')) io.out(JSON.stringify(report, null, 2));
    else for (const line of formatReport(report, io.color ? COLOR : PLAIN, heading)) io.out(line);
    return report.exitCode;
  };

  let config;
  try {
    config = (await loadServerConfig({ argv: args.rest, env })).config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const findings = [
      {
        status: 'fail' as const,
        text: t(error.message, error.message),
        fix: t('Correct the configuration (docs/service.md lists every setting); the other checks need it.', '設定を修正してください (全項目は docs/service.md)。他のチェックには正しい設定が必要です。'),
      },
    ];
    return finish([toReport(CONFIG_CHECK, findings, language)]);
  }

  const context = doctorContext(config, {
    ...(configFile ? { configFile } : {}),
    network: !args.flags.has('--offline'),
    thorough: args.flags.has('--thorough'),
    timeoutMs,
    ca,
    now: options.now ?? new Date(),
  });
  const loaded = toReport(CONFIG_CHECK, [{ status: 'ok', text: t(`loaded${configFile ? ` from ${configFile}` : ''}; public URL ${config.publicUrl}, data ${config.dataDir}`, `読み込み済み${configFile ? ` (${configFile})` : ''}。公開 URL ${config.publicUrl}、データ ${config.dataDir}`) }], language);
  return finish([loaded, ...(await diagnose(context, language))]);
}

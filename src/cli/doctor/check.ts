// A doctor check: one thing that makes deployments fail, what was found and how to fix it, in English
// and Japanese for the administrator running it. Like a detection rule, a check is a small unit (an
// id, a title, a run() returning findings); checks/index.ts lists them in the order they run.
// Findings never quote a secret (tokens are named by role and position).
import type { LocalizedText } from '../../engine/model';
import type { ServerConfig } from '../../server/config';
import type { ServicePolicy } from '../../server/policy';
import type { DatabaseMaintenance } from '../database/types';
import type { ProbeResult } from './network';

/** ok: fine; warn: works, but will hurt; fail: the deployment does not work; skip: not applicable or not checked. */
export type Status = 'ok' | 'warn' | 'fail' | 'skip';

export interface Finding {
  status: Status;
  text: LocalizedText;
  /** What to do about it; every warn and fail carries one. */
  fix?: LocalizedText;
}

export interface DoctorContext {
  config: ServerConfig;
  /** The JSON config file, when one was given (--config or LURELENS_CONFIG). */
  configFile?: string;
  /** Set by the policy check when the policy loads; later checks read it. */
  policy?: ServicePolicy;
  /** Opened on first use: the database module is native code the runtime check must be able to report on. */
  database(): DatabaseMaintenance;
  /** False with --offline: checks that need the network say they were skipped. */
  network: boolean;
  /** PRAGMA integrity_check instead of quick_check. */
  thorough: boolean;
  timeoutMs: number;
  /** One request per URL per run (memoised): several checks read the same answer. */
  fetch(url: string, method?: 'GET' | 'HEAD'): Promise<ProbeResult>;
  /** Extra CA certificates (PEM) to trust, like an organisation's own CA that clients trust. */
  ca: string[];
  now: Date;
}

export interface Check {
  id: string;
  title: LocalizedText;
  run(context: DoctorContext): Promise<Finding[]>;
}

export function t(en: string, ja: string): LocalizedText {
  return { en, ja };
}

export const ok = (text: LocalizedText): Finding => ({ status: 'ok', text });
export const skip = (text: LocalizedText): Finding => ({ status: 'skip', text });
export const warn = (text: LocalizedText, fix: LocalizedText): Finding => ({ status: 'warn', text, fix });
export const fail = (text: LocalizedText, fix: LocalizedText): Finding => ({ status: 'fail', text, fix });

export const OFFLINE = t('not checked (--offline)', '未確認 (--offline 指定)');
export const UNREACHABLE = t('not checked: the public URL does not answer (see Public URL)', '未確認: 公開 URL が応答しません (「公開 URL」を参照)');

const RANK: Record<Status, number> = { skip: 0, ok: 1, warn: 2, fail: 3 };

/** The worst status among findings (skip when there are none). */
export function worst(findings: readonly { status: Status }[]): Status {
  return findings.reduce<Status>((status, finding) => (RANK[finding.status] > RANK[status] ? finding.status : status), 'skip');
}

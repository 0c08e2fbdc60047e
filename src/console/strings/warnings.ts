// The service's warnings (/api/status warningDetails: a code and its parameters, server/warnings.ts)
// in the analyst's language. English and Japanese side by side, in one shape (Strings in index.ts,
// key `serviceWarnings`): a code the service adds is a type error here until it is worded.
import type { ServiceWarning, WarningCode } from '../api';

type Params = ServiceWarning['params'];
/** `at` is already formatted for the reader (the console formats times in its language). */
export type ServiceWarningStrings = Record<WarningCode, (params: Params) => string>;

/** Why analyses stopped at their budget (the service's reason names). */
const STOP_REASONS_EN: Record<string, string> = { time: 'time limit', memory: 'memory limit', parts: 'too many MIME parts', unreadable: 'unreadable', failed: 'failed' };
const STOP_REASONS_JA: Record<string, string> = { time: '時間の上限', memory: 'メモリーの上限', parts: 'MIME パートが多すぎる', unreadable: '読み取り不能', failed: '失敗' };

function counts(params: Params, names: Record<string, string>, join: string, format: (n: string | number, reason: string) => string): string {
  return Object.entries(params)
    .map(([reason, n]) => format(n, names[reason] ?? reason))
    .join(join);
}

export const serviceWarningsEn: ServiceWarningStrings = {
  'storage-unwritable': () => 'The database does not accept writes: new reports are refused (503).',
  'disk-full': (p) => `The disk holding the data directory is (nearly) full${p.freeMb !== undefined ? ` (${p.freeMb} MB free)` : ''}: new reports are refused (507).`,
  'storage-failed': (p) => `The last storage failure was at ${p.at}: ${p.detail}`,
  'analyses-stopped': (p) => `Analyses stopped at their budget since the service started: ${counts(p, STOP_REASONS_EN, ', ', (n, reason) => `${n} (${reason})`)}. Those reports are marked "not fully analysed".`,
  'webhook-failed': (p) => `${p.count} webhook deliveries failed for good. Re-drive them with the button below.`,
  'trust-proxy-any': () => 'trustProxy is true: clients can choose their own address in X-Forwarded-For. Set a hop count or the proxy addresses.',
  'public-url-not-https': () => 'publicUrl is not https: Outlook loads add-ins over https only.',
};

export const serviceWarningsJa: ServiceWarningStrings = {
  'storage-unwritable': () => 'データベースに書き込めません。新しい報告は受け付けられません (503)。',
  'disk-full': (p) => `データディレクトリのディスクがほぼ満杯です${p.freeMb !== undefined ? `（空き ${p.freeMb} MB）` : ''}。新しい報告は受け付けられません (507)。`,
  'storage-failed': (p) => `最後のストレージ障害: ${p.at}（${p.detail}）`,
  'analyses-stopped': (p) => `サービスの起動以降、上限で止めた分析: ${counts(p, STOP_REASONS_JA, '、', (n, reason) => `${reason} ${n} 件`)}。これらの報告は「未分析」と表示されます。`,
  'webhook-failed': (p) => `Webhook の配信 ${p.count} 件が最終的に失敗しました。下のボタンで再送できます。`,
  'trust-proxy-any': () => 'trustProxy が true です。クライアントが X-Forwarded-For で自分のアドレスを偽れます。ホップ数かプロキシのアドレスを設定してください。',
  'public-url-not-https': () => 'publicUrl が https ではありません。Outlook は https のアドインしか読み込みません。',
};

// The audit log page: who did what, when and from where, its filters, paging and export.
// English and Japanese side by side, in one shape (Strings in index.ts, key `audit`), so a missing
// translation is a type error; action names follow the service's own list (AUDIT_ACTIONS).
import type { AuditAction } from '../api';

export type ActorKind = 'session' | 'token' | 'reporter' | 'service' | 'none';

export interface AuditStrings {
  nav: string;
  title: string;
  intro: string;
  /** The page asked for by someone whose role is below admin. */
  adminOnly: string;
  actor: string;
  actorHint: string;
  action: string;
  since: string;
  until: string;
  timeHint: string;
  when: string;
  who: string;
  what: string;
  target: string;
  change: string;
  address: string;
  noEntries: string;
  newest: string;
  newer: string;
  older: string;
  shown: (count: number) => string;
  exportCsv: string;
  exportJson: string;
  /** Title of the button that filters the log by a value shown in a row. */
  onlyThis: (value: string) => string;
  actionNames: Record<AuditAction, string>;
  actorKinds: Record<ActorKind, string>;
  targetTypes: Record<'report' | 'campaign' | 'remediation' | 'person' | 'audit', string>;
}

export const auditEn: AuditStrings = {
  nav: 'Audit log',
  title: 'Audit log',
  intro: 'Who did what, when and from which address. Entries cannot be changed or deleted, not even by the database’s owner.',
  adminOnly: 'Only administrators can read the audit log. Ask an administrator if you need an entry.',
  actor: 'Who',
  actorHint: 'The sign-in name or token name, exactly',
  action: 'Action',
  since: 'From',
  until: 'Until',
  timeHint: 'Your local time',
  when: 'When',
  who: 'Who',
  what: 'Action',
  target: 'On',
  change: 'What changed',
  address: 'From address',
  noEntries: 'No entries match.',
  newest: 'Newest',
  newer: 'Newer',
  older: 'Older',
  shown: (count) => `${count} entr${count === 1 ? 'y' : 'ies'} on this page`,
  exportCsv: 'Export all as CSV',
  exportJson: 'Export all as JSON',
  onlyThis: (value) => `Show only entries for ${value}`,
  actionNames: {
    'auth.sign-in': 'Signed in',
    'auth.sign-in-refused': 'Sign-in refused (no role)',
    'auth.sign-out': 'Signed out',
    'report.triage': 'Triaged a report',
    'report.bulk-triage': 'Triaged several reports',
    'campaign.triage': 'Triaged a campaign',
    'campaign.merge': 'Merged campaigns',
    'campaign.split': 'Split a campaign',
    'campaign.keep-apart': 'Kept campaigns apart',
    'remediation.search': 'Searched mailboxes (dry run)',
    'remediation.move': 'Moved messages out of mailboxes',
    'remediation.undo': 'Undid a removal',
    'defender.submit': 'Sent a report to Microsoft Defender',
    'webhook.redrive': 'Re-sent failed webhook deliveries',
    'audit.export': 'Exported the audit log',
  },
  actorKinds: { session: 'signed in', token: 'token', reporter: 'reporter', service: 'the service', none: 'unknown' },
  targetTypes: { report: 'Report', campaign: 'Campaign', remediation: 'Removal run', person: 'Person', audit: 'Audit log' },
};

export const auditJa: AuditStrings = {
  nav: '監査ログ',
  title: '監査ログ',
  intro: 'いつ、誰が、どのアドレスから何をしたかの記録です。エントリーは変更も削除もできません（データベースの所有者でも不可）。',
  adminOnly: '監査ログを閲覧できるのは管理者だけです。必要なエントリーがあれば管理者に依頼してください。',
  actor: '実行者',
  actorHint: 'サインイン名またはトークン名（完全一致）',
  action: '操作',
  since: '開始',
  until: '終了',
  timeHint: 'お使いの端末の時刻',
  when: '日時',
  who: '実行者',
  what: '操作',
  target: '対象',
  change: '変更内容',
  address: '接続元アドレス',
  noEntries: '該当するエントリーはありません。',
  newest: '最新',
  newer: '新しいほう',
  older: '古いほう',
  shown: (count) => `このページに ${count} 件`,
  exportCsv: 'すべて CSV で出力',
  exportJson: 'すべて JSON で出力',
  onlyThis: (value) => `${value} のエントリーだけを表示`,
  actionNames: {
    'auth.sign-in': 'サインイン',
    'auth.sign-in-refused': 'サインイン拒否（ロールなし）',
    'auth.sign-out': 'サインアウト',
    'report.triage': '報告をトリアージ',
    'report.bulk-triage': '複数の報告をトリアージ',
    'campaign.triage': 'キャンペーンをトリアージ',
    'campaign.merge': 'キャンペーンを統合',
    'campaign.split': 'キャンペーンを分割',
    'campaign.keep-apart': 'キャンペーンを別のまま維持',
    'remediation.search': 'メールボックスを検索（予行）',
    'remediation.move': 'メールボックスからメッセージを移動',
    'remediation.undo': '移動を取り消し',
    'defender.submit': 'Microsoft Defender に報告を送信',
    'webhook.redrive': '失敗した Webhook 配信を再送',
    'audit.export': '監査ログを出力',
  },
  actorKinds: { session: 'サインイン', token: 'トークン', reporter: '報告者', service: 'サービス', none: '不明' },
  targetTypes: { report: '報告', campaign: 'キャンペーン', remediation: '削除の実行', person: '人', audit: '監査ログ' },
};

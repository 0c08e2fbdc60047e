// The console's words for an analyst's working day — refresh, bulk triage, the next report,
// grouping reasons, merges and splits, service warnings — in English and Japanese. Part of
// Strings (index.ts, key `work`); the same shape in both languages, so a missing translation is a type error.
export type GroupingKindName = 'raw' | 'message-id' | 'subject' | 'url' | 'attachment';

export interface WorkStrings {
  refresh: string;
  autoRefresh: string;
  refreshed: (time: string) => string;
  selectAll: string;
  selectReport: (subject: string) => string;
  selected: (count: number) => string;
  bulkLabel: string;
  bulkDone: (count: number, disposition: string) => string;
  clearSelection: string;
  nextReport: string;
  noNextReport: string;
  savedWithDrafts: string;
  notAnalysed: string;
  notAnalysedFilter: string;
  incompleteTitle: string;
  incompleteReasons: Record<string, string>;
  campaignOf: (title: string, count: number) => string;
  groupingTitle: string;
  groupingNone: string;
  groupingReason: (kind: string, count: number) => string;
  groupingKinds: Record<GroupingKindName, string>;
  historyTitle: string;
  eventMerged: (other: string) => string;
  eventProposed: (other: string) => string;
  eventSplit: (other: string) => string;
  eventBecause: string;
  proposalState: Record<'pending' | 'merged' | 'dismissed', string>;
  mergeNow: string;
  keepApart: string;
  pendingMerges: (count: number) => string;
  splitSelected: string;
  splitDone: string;
  statusTitle: string;
  redrive: string;
  redriven: (count: number) => string;
}

export const workEn: WorkStrings = {
  refresh: 'Refresh',
  autoRefresh: 'Refresh every 30 s',
  refreshed: (time) => `Updated ${time}`,
  selectAll: 'Select all reports on this page',
  selectReport: (subject) => `Select report: ${subject}`,
  selected: (count) => `${count} selected`,
  bulkLabel: 'Set the disposition of the selected reports',
  bulkDone: (count, disposition) => `${count} reports marked ${disposition}.`,
  clearSelection: 'Clear selection',
  nextReport: 'Next pending report',
  noNextReport: 'No other pending reports.',
  savedWithDrafts: 'Saved: disposition, feedback and note.',
  notAnalysed: 'Not fully analysed',
  notAnalysedFilter: 'Not fully analysed',
  incompleteTitle: 'Not fully analysed — judge it yourself; it is never marked clean',
  incompleteReasons: {
    parts: 'The message has more MIME parts than the service analyses; only the first ones were read.',
    time: 'The analysis took longer than its time budget.',
    memory: 'The analysis needed more memory than its budget.',
    unreadable: 'The message could not be read as mail.',
    failed: 'The analysis failed.',
  },
  campaignOf: (title, count) => `${title} (${count})`,
  groupingTitle: 'Why these reports are grouped',
  groupingNone: 'No key is shared by two or more reports (yet), or the reports were grouped before reasons were kept.',
  groupingReason: (kind, count) => `Grouped because ${count} reports share the same ${kind}:`,
  groupingKinds: {
    raw: 'message bytes (SHA-256)',
    'message-id': 'Message-ID',
    subject: 'sender domain and subject',
    url: 'link',
    attachment: 'attachment SHA-256',
  },
  historyTitle: 'Merges and splits',
  eventMerged: (other) => `Merged with campaign "${other}"`,
  eventProposed: (other) => `Proposed merge with campaign "${other}" (a report from an unverified reporter linked them)`,
  eventSplit: (other) => `Reports split off into campaign "${other}"`,
  eventBecause: 'because of',
  proposalState: { pending: 'waiting for an analyst', merged: 'merged', dismissed: 'kept apart' },
  mergeNow: 'Merge',
  keepApart: 'Keep apart',
  pendingMerges: (count) => `${count} merge${count === 1 ? '' : 's'} to review`,
  splitSelected: 'Split the selected reports into a new campaign',
  splitDone: 'Split off into a new campaign.',
  statusTitle: 'Service warnings',
  redrive: 'Re-drive failed deliveries',
  redriven: (count) => `${count} deliveries queued again.`,
};

export const workJa: WorkStrings = {
  refresh: '更新',
  autoRefresh: '30秒ごとに更新',
  refreshed: (time) => `${time} に更新`,
  selectAll: 'このページの報告をすべて選択',
  selectReport: (subject) => `報告を選択: ${subject}`,
  selected: (count) => `${count} 件を選択中`,
  bulkLabel: '選択した報告の判定を設定',
  bulkDone: (count, disposition) => `${count} 件を「${disposition}」にしました。`,
  clearSelection: '選択を解除',
  nextReport: '次の未対応の報告',
  noNextReport: 'ほかに未対応の報告はありません。',
  savedWithDrafts: '判定・報告者へのフィードバック・メモを保存しました。',
  notAnalysed: '分析未完了',
  notAnalysedFilter: '分析未完了',
  incompleteTitle: '分析が完了していません。ご自身で判断してください（「安全」とは表示されません）',
  incompleteReasons: {
    parts: 'MIMEパートが多すぎるため、先頭の部分だけを分析しました。',
    time: '分析が制限時間を超えました。',
    memory: '分析がメモリの上限を超えました。',
    unreadable: 'メールとして読み取れませんでした。',
    failed: '分析に失敗しました。',
  },
  campaignOf: (title, count) => `${title}（${count}件）`,
  groupingTitle: 'これらの報告がまとめられた理由',
  groupingNone: '2件以上の報告に共通するキーはまだありません（または理由の記録前にまとめられた報告です）。',
  groupingReason: (kind, count) => `${count} 件の報告で同じ${kind}が共通しているため:`,
  groupingKinds: {
    raw: 'メール本体（SHA-256）',
    'message-id': 'Message-ID',
    subject: '送信元ドメインと件名',
    url: 'リンク',
    attachment: '添付ファイルのSHA-256',
  },
  historyTitle: '統合と分割',
  eventMerged: (other) => `キャンペーン「${other}」を統合しました`,
  eventProposed: (other) => `キャンペーン「${other}」との統合の提案（未確認の報告者の報告が両者を結び付けました）`,
  eventSplit: (other) => `報告をキャンペーン「${other}」に分割しました`,
  eventBecause: '理由:',
  proposalState: { pending: 'アナリストの判断待ち', merged: '統合済み', dismissed: '別々のまま' },
  mergeNow: '統合する',
  keepApart: '別々にする',
  pendingMerges: (count) => `確認待ちの統合 ${count} 件`,
  splitSelected: '選択した報告を新しいキャンペーンに分割',
  splitDone: '新しいキャンペーンに分割しました。',
  statusTitle: 'サービスの警告',
  redrive: '失敗した配信を再送',
  redriven: (count) => `${count} 件を再送キューに入れました。`,
};

// Campaigns: the list, one campaign's page, a disposition for all its reports at once, and exports.
// English and Japanese side by side, in one shape (Strings in index.ts), so a missing translation is a type error.
export interface CampaignStrings {
  campaignsTitle: string;
  noCampaigns: string;
  campaignTitle: string;
  reporters: string;
  senders: string;
  indicatorCount: string;
  dispositions: string;
  campaignReports: string;
  campaignReportsCapped: (shown: number, total: number) => string;
  campaignDisposition: string;
  campaignDispositionHint: string;
  campaignUpdated: (count: number) => string;
  /** The question asked before a disposition is set on every report of a campaign. */
  campaignConfirm: (count: number, disposition: string) => string;
  confirm: string;
  cancel: string;
  exports: string;
  viewInInbox: string;
}

export const campaignsEn: CampaignStrings = {
  campaignsTitle: 'Campaigns',
  noCampaigns: 'No campaigns yet.',
  campaignTitle: 'Campaign',
  reporters: 'Reporters',
  senders: 'Senders',
  indicatorCount: 'Indicators',
  dispositions: 'Dispositions',
  campaignReports: 'Reports in this campaign',
  campaignReportsCapped: (shown, total) => `The newest ${shown} of ${total} reports are listed; the inbox filtered by this campaign shows all.`,
  campaignDisposition: 'Disposition for the whole campaign',
  campaignDispositionHint: 'Sets the disposition of every report in the campaign; reporters see it in "My reports".',
  campaignUpdated: (count) => `${count} report${count === 1 ? '' : 's'} updated.`,
  campaignConfirm: (count, disposition) => (count === 1 ? `Mark the 1 report of this campaign as ${disposition}?` : `Mark all ${count} reports of this campaign as ${disposition}?`),
  confirm: 'Confirm',
  cancel: 'Cancel',
  exports: 'Exports',
  viewInInbox: 'Show in the report list',
};

export const campaignsJa: CampaignStrings = {
  campaignsTitle: 'キャンペーン',
  noCampaigns: 'キャンペーンはまだありません。',
  campaignTitle: 'キャンペーン',
  reporters: '報告者数',
  senders: '送信者',
  indicatorCount: '痕跡情報数',
  dispositions: '対応区分',
  campaignReports: 'このキャンペーンの報告',
  campaignReportsCapped: (shown, total) => `${total} 件中、新しい ${shown} 件を表示しています。すべては、このキャンペーンで絞り込んだ報告一覧で確認できます。`,
  campaignDisposition: 'キャンペーン全体の対応区分',
  campaignDispositionHint: 'キャンペーン内のすべての報告の対応区分を設定します。報告者の「自分の報告」に表示されます。',
  campaignUpdated: (count) => `${count} 件の報告を更新しました。`,
  campaignConfirm: (count, disposition) => `このキャンペーンの報告 ${count} 件すべてを「${disposition}」にしますか？`,
  confirm: '確定',
  cancel: 'キャンセル',
  exports: '出力',
  viewInInbox: '報告一覧で表示',
};

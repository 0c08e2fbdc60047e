// One report's page: summary, headers, authentication, findings, message text, triage and downloads.
// English and Japanese side by side, in one shape (Strings in index.ts), so a missing translation is a type error.
export interface ReportStrings {
  backToReports: string;
  reportSummary: string;
  serviceVerdict: string;
  clientVerdict: string;
  reasons: string;
  comment: string;
  parseError: string;
  headerSummary: string;
  from: string;
  senderHeader: string;
  replyTo: string;
  returnPath: string;
  to: string;
  cc: string;
  messageId: string;
  date: string;
  arrivalDate: string;
  hops: string;
  sourceIp: string;
  rawSize: string;
  rawSha256: string;

  authentication: string;
  method: string;
  result: string;
  detail: string;
  noAuthentication: string;

  findings: string;
  noFindings: string;
  rule: string;
  severity: string;
  title: string;
  evidence: string;
  severityNames: Record<'low' | 'medium' | 'high', string>;
  notChecked: string;
  missingPart: string;

  body: string;
  bodyNote: string;
  bodyFromHtml: string;
  bodyTruncated: (shown: number, total: number) => string;
  emptyBody: string;
  rawHeaders: string;

  triage: string;
  setDisposition: string;
  feedbackLabel: string;
  feedbackHint: string;
  noteLabel: string;
  noteHint: string;
  saveNotes: string;
  nothingToSave: string;
  draftRestored: string;
  saving: string;
  saved: string;
  triagedBy: (who: string, when: string) => string;
  downloads: string;
  downloadEml: string;
  downloadArf: string;
  downloadStix: string;
  downloadCsv: string;
  downloadFailed: string;
}

export const reportEn: ReportStrings = {
  backToReports: 'All reports',
  reportSummary: 'Summary',
  serviceVerdict: "Service's verdict",
  clientVerdict: "Add-in's verdict",
  reasons: "Reporter's reasons",
  comment: "Reporter's comment",
  parseError: 'The message could not be fully read',
  headerSummary: 'Headers',
  from: 'From',
  senderHeader: 'Sender',
  replyTo: 'Reply-To',
  returnPath: 'Return-Path',
  to: 'To',
  cc: 'Cc',
  messageId: 'Message-ID',
  date: 'Date',
  arrivalDate: 'Arrived',
  hops: 'Hops (Received:)',
  sourceIp: 'Source IP',
  rawSize: 'Size',
  rawSha256: 'SHA-256 of the message',

  authentication: 'Authentication (as recorded by the receiving system)',
  method: 'Method',
  result: 'Result',
  detail: 'Detail',
  noAuthentication: 'No Authentication-Results were recorded.',

  findings: 'Findings',
  noFindings: 'No findings.',
  rule: 'Rule',
  severity: 'Severity',
  title: 'Title',
  evidence: 'Evidence',
  severityNames: { low: 'Low', medium: 'Medium', high: 'High' },
  notChecked: 'Not checked',
  missingPart: 'Missing',

  body: 'Message text',
  bodyNote: 'Shown as plain text; URLs are defanged. Nothing in it is loaded or clickable.',
  bodyFromHtml: 'The message has an HTML part; it is not rendered.',
  bodyTruncated: (shown, total) => `Showing the first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} characters. Download the .eml for the rest.`,
  emptyBody: '(no text)',
  rawHeaders: 'Raw headers',

  triage: 'Triage',
  setDisposition: 'Set disposition',
  feedbackLabel: 'Feedback for the reporter',
  feedbackHint: 'Shown to the reporter in the add-in under "My reports" once saved with "Save feedback and note".',
  noteLabel: 'Internal note',
  noteHint: 'For the security team only; never shown to the reporter.',
  saveNotes: 'Save feedback and note',
  nothingToSave: 'No changes to save.',
  draftRestored: 'Unsaved draft restored. It is not saved yet: check it and choose "Save feedback and note".',
  saving: 'Saving…',
  saved: 'Saved.',
  triagedBy: (who, when) => `Last triaged by ${who} at ${when}`,
  downloads: 'Downloads',
  downloadEml: 'Download original (.eml)',
  downloadArf: 'Download abuse report (ARF)',
  downloadStix: 'Export STIX 2.1',
  downloadCsv: 'Export CSV',
  downloadFailed: 'The download failed',
};

export const reportJa: ReportStrings = {
  backToReports: '報告の一覧',
  reportSummary: '概要',
  serviceVerdict: 'サービスの判定',
  clientVerdict: 'アドインの判定',
  reasons: '報告者が選んだ理由',
  comment: '報告者のコメント',
  parseError: 'メッセージを完全には読み取れませんでした',
  headerSummary: 'ヘッダー',
  from: '差出人 (From)',
  senderHeader: '送信者 (Sender)',
  replyTo: '返信先 (Reply-To)',
  returnPath: 'Return-Path',
  to: '宛先 (To)',
  cc: 'CC',
  messageId: 'Message-ID',
  date: '日付',
  arrivalDate: '到着日時',
  hops: '経由数 (Received:)',
  sourceIp: '送信元 IP',
  rawSize: 'サイズ',
  rawSha256: 'メッセージの SHA-256',

  authentication: '送信ドメイン認証（受信システムの記録）',
  method: '方式',
  result: '結果',
  detail: '詳細',
  noAuthentication: 'Authentication-Results の記録はありません。',

  findings: '検出事項',
  noFindings: '検出事項はありません。',
  rule: 'ルール',
  severity: '重大度',
  title: 'タイトル',
  evidence: '根拠',
  severityNames: { low: '低', medium: '中', high: '高' },
  notChecked: '未確認の項目',
  missingPart: '不足していた部分',

  body: '本文（テキスト）',
  bodyNote: 'プレーンテキストとして表示し、URL は無害化しています。読み込みやクリックはできません。',
  bodyFromHtml: 'このメッセージには HTML パートがありますが、表示しません。',
  bodyTruncated: (shown, total) => `${total.toLocaleString('ja')} 文字中、先頭の ${shown.toLocaleString('ja')} 文字を表示しています。全文は .eml をダウンロードしてください。`,
  emptyBody: '（テキストなし）',
  rawHeaders: '元のヘッダー',

  triage: 'トリアージ',
  setDisposition: '対応区分を設定',
  feedbackLabel: '報告者へのフィードバック',
  feedbackHint: '「フィードバックとメモを保存」で保存すると、アドインの「自分の報告」で報告者に表示されます。',
  noteLabel: '内部メモ',
  noteHint: 'セキュリティチーム専用です。報告者には表示されません。',
  saveNotes: 'フィードバックとメモを保存',
  nothingToSave: '保存する変更はありません。',
  draftRestored: '未保存の下書きを復元しました。まだ保存されていません。内容を確認して「フィードバックとメモを保存」を選んでください。',
  saving: '保存しています…',
  saved: '保存しました。',
  triagedBy: (who, when) => `最終トリアージ: ${who}（${when}）`,
  downloads: 'ダウンロード',
  downloadEml: '元のメッセージ (.eml)',
  downloadArf: '不正利用報告 (ARF)',
  downloadStix: 'STIX 2.1 で出力',
  downloadCsv: 'CSV で出力',
  downloadFailed: 'ダウンロードに失敗しました',
};

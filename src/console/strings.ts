// The triage console's words in English and Japanese. Both dictionaries have the same shape
// (checked by the Strings type), so a missing translation is a type error.
import type { Disposition } from '../report/protocol';
import { workEn, workJa, type WorkStrings } from './work-strings';
import { senderHistoryEn, senderHistoryJa, type SenderHistoryStrings } from './history-strings';

export type Language = 'en' | 'ja';
export type VerdictName = 'clean' | 'suspicious' | 'dangerous';

export interface Strings {
  appName: string;
  skipToContent: string;
  navLabel: string;
  navReports: string;
  navCampaigns: string;
  language: string;
  languageNames: Record<Language, string>;
  signOut: string;
  signedInAs: (version: string) => string;

  signInTitle: string;
  signInIntro: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  signingIn: string;
  tokenRequired: string;
  tokenRejected: string;
  tokenNotAnalyst: string;
  sessionEnded: string;
  /** The sign-in button when the service offers the organisation's identity provider. */
  signInWith: (provider: string) => string;
  tokenLabelAutomation: string;
  /** Why sign-in with the identity provider did not complete (?signin= from the service). */
  signInOutcome: Record<'no-role' | 'failed' | 'expired' | 'denied', string>;
  signedInPerson: (name: string, role: string) => string;
  roleNames: Record<'admin' | 'analyst' | 'viewer', string>;
  /** Beside a reporter who used the add-in's shared token: anyone could have written that address. */
  unverifiedReporter: string;
  unverifiedReporterHint: string;

  loading: string;
  retry: string;
  errorTitle: string;
  networkError: string;
  notFound: string;
  none: string;
  any: string;
  yes: string;
  no: string;

  reportsTitle: string;
  filters: string;
  verdict: string;
  disposition: string;
  campaign: string;
  reporter: string;
  search: string;
  searchHint: string;
  applyFilters: string;
  clearFilters: string;
  received: string;
  score: string;
  subject: string;
  sender: string;
  noSubject: string;
  noReports: string;
  pageInfo: (from: number, to: number, total: number) => string;
  pagingLabel: string;
  previousPage: string;
  nextPage: string;
  verdictNames: Record<VerdictName | 'unknown', string>;
  dispositionNames: Record<Disposition, string>;

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

  attachments: string;
  noAttachments: string;
  fileName: string;
  contentType: string;
  size: string;
  inline: string;
  sha256: string;

  links: string;
  linksNote: string;
  noLinks: string;
  linkShownText: string;
  linkTarget: string;
  linkSource: string;
  listedOf: (shown: number, total: number) => string;

  indicators: string;
  noIndicators: string;
  indicatorType: string;
  indicatorValue: string;
  indicatorName: string;
  indicatorTypes: Record<string, string>;
  firstSeen: string;
  lastSeen: string;
  reportsCount: string;

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

  work: WorkStrings;
  senderHistory: SenderHistoryStrings;

  evidenceLabels: {
    field: string;
    value: string;
    claimed: string;
    expected: string;
    actual: string;
    similarity: string;
    domain: string;
    resembles: string;
    technique: string;
    characters: string;
    shown: string;
    header: string;
    meaning: string;
    method: string;
    result: string;
    phrase: string;
    category: string;
    context: string;
    linkText: string;
    target: string;
    host: string;
    shownHost: string;
    reason: string;
    name: string;
    contentType: string;
    note: string;
    data: string;
  };
}

export const en: Strings = {
  work: workEn,
  senderHistory: senderHistoryEn,
  appName: 'Lure Lens triage console',
  skipToContent: 'Skip to content',
  navLabel: 'Main',
  navReports: 'Reports',
  navCampaigns: 'Campaigns',
  language: 'Language',
  languageNames: { en: 'English', ja: '日本語' },
  signOut: 'Sign out',
  signedInAs: (version) => `Connected to intake service ${version}`,

  signInTitle: 'Sign in',
  signInIntro: 'The console reads reports from the Lure Lens intake service. Sign in with an analyst token.',
  tokenLabel: 'Analyst token',
  tokenHint: 'The service prints it when it starts (npm start or lurelens serve). It is kept in this browser tab only.',
  signIn: 'Sign in',
  signingIn: 'Checking the token…',
  tokenRequired: 'Enter the analyst token.',
  tokenRejected: 'The service did not accept this token.',
  tokenNotAnalyst: 'This token may only submit reports. Use an analyst token.',
  sessionEnded: 'The service no longer accepts your token. Sign in again.',
  signInWith: (provider) => `Sign in with ${provider}`,
  tokenLabelAutomation: 'Or a static token (automation, local service)',
  signInOutcome: {
    'no-role': 'You signed in, but your account has no Lure Lens role. Ask an administrator to assign you Viewer, Analyst or Admin.',
    failed: 'Sign-in did not complete: the answer from the identity provider was refused. Try again.',
    expired: 'Sign-in took too long or was already used. Try again.',
    denied: 'The identity provider did not sign you in (cancelled, or consent is missing).',
  },
  signedInPerson: (name, role) => `${name} (${role})`,
  roleNames: { admin: 'Admin', analyst: 'Analyst', viewer: 'Viewer' },
  unverifiedReporter: 'unverified',
  unverifiedReporterHint: 'Sent with the add-in’s shared token: the reporter did not sign in, so this address is only what the add-in said.',

  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  networkError: 'The intake service could not be reached.',
  notFound: 'Not found.',
  none: 'None',
  any: 'Any',
  yes: 'Yes',
  no: 'No',

  reportsTitle: 'Reports',
  filters: 'Filters',
  verdict: 'Verdict',
  disposition: 'Disposition',
  campaign: 'Campaign',
  reporter: 'Reporter',
  search: 'Search',
  searchHint: 'Subject, sender, URL, domain, SHA-256, Message-ID or Network-Message-ID',
  applyFilters: 'Apply',
  clearFilters: 'Clear filters',
  received: 'Received',
  score: 'Score',
  subject: 'Subject',
  sender: 'Sender',
  noSubject: '(no subject)',
  noReports: 'No reports match.',
  pageInfo: (from, to, total) => `${from}–${to} of ${total}`,
  pagingLabel: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  verdictNames: { clean: 'Clean', suspicious: 'Suspicious', dangerous: 'Dangerous', unknown: 'Not analysed' },
  dispositionNames: { pending: 'Pending', malicious: 'Malicious', suspicious: 'Suspicious', benign: 'Benign', simulation: 'Simulation' },

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

  attachments: 'Attachments',
  noAttachments: 'No attachments.',
  fileName: 'Name',
  contentType: 'Type',
  size: 'Size',
  inline: 'Inline',
  sha256: 'SHA-256',

  links: 'Links',
  linksNote: 'Targets are defanged (hxxp, [.]) and are never clickable.',
  noLinks: 'No links.',
  linkShownText: 'Text shown',
  linkTarget: 'Real target',
  linkSource: 'Part',
  listedOf: (shown, total) => `${shown} of ${total} listed.`,

  indicators: 'Indicators',
  noIndicators: 'No indicators.',
  indicatorType: 'Type',
  indicatorValue: 'Value',
  indicatorName: 'Name',
  indicatorTypes: {
    'sender-address': 'Sender address',
    'sender-domain': 'Sender domain',
    'reply-to': 'Reply-To',
    'return-path': 'Return-Path',
    url: 'URL',
    'url-domain': 'URL domain',
    attachment: 'Attachment (SHA-256)',
  },
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  reportsCount: 'Reports',

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

  evidenceLabels: {
    field: 'Field',
    value: 'Value',
    claimed: 'Claims to be',
    expected: 'Expected addresses',
    actual: 'Actual address',
    similarity: 'Similarity',
    domain: 'Domain',
    resembles: 'Resembles',
    technique: 'Technique',
    characters: 'Characters',
    shown: 'Shown',
    header: 'Header',
    meaning: 'Meaning',
    method: 'Method',
    result: 'Result',
    phrase: 'Phrase',
    category: 'Category',
    context: 'Context',
    linkText: 'Link text',
    target: 'Target',
    host: 'Host',
    shownHost: 'Host shown',
    reason: 'Reason',
    name: 'Name',
    contentType: 'Type',
    note: 'Note',
    data: 'Data',
  },
};

export const ja: Strings = {
  work: workJa,
  senderHistory: senderHistoryJa,
  appName: 'Lure Lens トリアージコンソール',
  skipToContent: '本文へ移動',
  navLabel: 'メイン',
  navReports: '報告',
  navCampaigns: 'キャンペーン',
  language: '言語',
  languageNames: { en: 'English', ja: '日本語' },
  signOut: 'サインアウト',
  signedInAs: (version) => `受付サービス ${version} に接続中`,

  signInTitle: 'サインイン',
  signInIntro: 'このコンソールは Lure Lens 受付サービスの報告を表示します。アナリスト用トークンでサインインしてください。',
  tokenLabel: 'アナリスト用トークン',
  tokenHint: 'サービスの起動時（npm start または lurelens serve）に表示されます。このブラウザーのタブの中だけに保持されます。',
  signIn: 'サインイン',
  signingIn: 'トークンを確認しています…',
  tokenRequired: 'アナリスト用トークンを入力してください。',
  tokenRejected: 'このトークンはサービスに受け付けられませんでした。',
  tokenNotAnalyst: 'このトークンは報告の送信専用です。アナリスト用トークンを使ってください。',
  sessionEnded: 'トークンが受け付けられなくなりました。もう一度サインインしてください。',
  signInWith: (provider) => `${provider} でサインイン`,
  tokenLabelAutomation: 'または固定トークン（自動化、ローカルのサービス）',
  signInOutcome: {
    'no-role': 'サインインしましたが、このアカウントには Lure Lens のロールがありません。管理者に閲覧者・アナリスト・管理者のいずれかを割り当ててもらってください。',
    failed: 'サインインを完了できませんでした（ID プロバイダーからの応答を受け付けませんでした）。もう一度お試しください。',
    expired: 'サインインに時間がかかりすぎたか、すでに使われています。もう一度お試しください。',
    denied: 'ID プロバイダーでサインインできませんでした（キャンセル、または同意がありません）。',
  },
  signedInPerson: (name, role) => `${name}（${role}）`,
  roleNames: { admin: '管理者', analyst: 'アナリスト', viewer: '閲覧者' },
  unverifiedReporter: '未確認',
  unverifiedReporterHint: 'アドインの共通トークンで送信されました。報告者はサインインしていないため、このアドレスはアドインが示したものにすぎません。',

  loading: '読み込み中…',
  retry: '再試行',
  errorTitle: '問題が発生しました',
  networkError: '受付サービスに接続できませんでした。',
  notFound: '見つかりません。',
  none: 'なし',
  any: 'すべて',
  yes: 'はい',
  no: 'いいえ',

  reportsTitle: '報告',
  filters: '絞り込み',
  verdict: '判定',
  disposition: '対応区分',
  campaign: 'キャンペーン',
  reporter: '報告者',
  search: '検索',
  searchHint: '件名、送信者、URL、ドメイン、SHA-256、Message-ID、Network-Message-ID',
  applyFilters: '適用',
  clearFilters: '絞り込みを解除',
  received: '受付日時',
  score: 'スコア',
  subject: '件名',
  sender: '送信者',
  noSubject: '（件名なし）',
  noReports: '該当する報告はありません。',
  pageInfo: (from, to, total) => `${total} 件中 ${from}–${to} 件`,
  pagingLabel: 'ページ',
  previousPage: '前へ',
  nextPage: '次へ',
  verdictNames: { clean: '問題なし', suspicious: '不審', dangerous: '危険', unknown: '未分析' },
  dispositionNames: { pending: '未対応', malicious: '悪意あり', suspicious: '不審', benign: '問題なし', simulation: '訓練メール' },

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

  attachments: '添付ファイル',
  noAttachments: '添付ファイルはありません。',
  fileName: '名前',
  contentType: '種類',
  size: 'サイズ',
  inline: 'インライン',
  sha256: 'SHA-256',

  links: 'リンク',
  linksNote: 'リンク先は無害化表記（hxxp、[.]）で表示し、クリックできません。',
  noLinks: 'リンクはありません。',
  linkShownText: '表示テキスト',
  linkTarget: '実際のリンク先',
  linkSource: 'パート',
  listedOf: (shown, total) => `${total} 件中 ${shown} 件を表示。`,

  indicators: '痕跡情報 (IOC)',
  noIndicators: '痕跡情報はありません。',
  indicatorType: '種類',
  indicatorValue: '値',
  indicatorName: '名前',
  indicatorTypes: {
    'sender-address': '送信者アドレス',
    'sender-domain': '送信者ドメイン',
    'reply-to': '返信先 (Reply-To)',
    'return-path': 'Return-Path',
    url: 'URL',
    'url-domain': 'URL のドメイン',
    attachment: '添付ファイル (SHA-256)',
  },
  firstSeen: '初回確認',
  lastSeen: '最終確認',
  reportsCount: '報告数',

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

  evidenceLabels: {
    field: '項目',
    value: '値',
    claimed: '名乗っている相手',
    expected: '本来のアドレス',
    actual: '実際のアドレス',
    similarity: '類似度',
    domain: 'ドメイン',
    resembles: '似せている相手',
    technique: '手口',
    characters: '文字',
    shown: '表示',
    header: 'ヘッダー',
    meaning: '意味',
    method: '方式',
    result: '結果',
    phrase: '語句',
    category: '分類',
    context: '前後の文脈',
    linkText: 'リンクの表示',
    target: 'リンク先',
    host: 'ホスト',
    shownHost: '表示上のホスト',
    reason: '理由',
    name: '名前',
    contentType: '種類',
    note: '注記',
    data: 'データ',
  },
};

export function stringsFor(language: Language): Strings {
  return language === 'ja' ? ja : en;
}

/** navigator.language ("ja-JP", "en-US", …) -> the console's language. */
export function languageFor(tag: string | undefined): Language {
  return /^ja\b/i.test(tag ?? '') ? 'ja' : 'en';
}

/** A finding's title or explanation: LocalizedText from the engine, or a plain string (the add-in's findings). */
export function localizedText(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const text = value as { en?: unknown; ja?: unknown };
    const preferred = language === 'ja' ? text.ja : text.en;
    if (typeof preferred === 'string' && preferred) return preferred;
    if (typeof text.en === 'string') return text.en;
  }
  return '';
}

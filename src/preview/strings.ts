// The preview page's own words (the task pane inside it has its own, in src/i18n).
import type { Language } from '../i18n';

export interface PreviewStrings {
  pageTitle: string;
  heading: string;
  intro: string;
  languageLabel: string;
  themeLabel: string;
  themeNames: Record<'light' | 'dark', string>;
  samplesHeading: string;
  samplesNavLabel: string;
  reported: string;
  openFileHeading: string;
  fileInputLabel: string;
  dropHint: string;
  dropZoneLabel: string;
  readingPaneHeading: string;
  readingPaneEmpty: string;
  loadingMessage: string;
  from: string;
  onBehalfOf: string;
  to: string;
  cc: string;
  subject: string;
  date: string;
  attachments: string;
  noSubject: string;
  bodyLabel: string;
  bodyTruncated: (shown: number, total: number) => string;
  paneCaptionHeading: string;
  paneCaption: string;
  errorTitle: string;
  errorTooLarge: (maxMb: number) => string;
  errorEmpty: string;
  errorNotMail: string;
  errorReadFile: string;
  errorSampleFetch: (detail: string) => string;
  composeOpened: (to: string) => string;
  bytes: (size: number) => string;
}

function size(bytes: number, units: [string, string, string]): string {
  if (bytes < 1024) return `${bytes} ${units[0]}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} ${units[1]}`;
  return `${(bytes / 1024 / 1024).toFixed(1)} ${units[2]}`;
}

export const previewEn: PreviewStrings = {
  pageTitle: 'Lure Lens preview',
  heading: 'Lure Lens preview',
  intro:
    'This page stands in for Outlook: pick a sample message or open your own .eml file, and the real Lure Lens pane on the right checks it. Reports go to the Lure Lens service this page came from.',
  languageLabel: 'Language',
  themeLabel: 'Outlook theme',
  themeNames: { light: 'Light', dark: 'Dark' },
  samplesHeading: 'Sample messages',
  samplesNavLabel: 'Sample messages',
  reported: 'Reported',
  openFileHeading: 'Open a message file',
  fileInputLabel: 'Choose an .eml file',
  dropHint: 'or drop an .eml file here (up to 35 MB)',
  dropZoneLabel: 'Drop an .eml file here',
  readingPaneHeading: 'Reading pane',
  readingPaneEmpty: 'No message selected. Pick a sample message or open an .eml file.',
  loadingMessage: 'Opening the message…',
  from: 'From',
  onBehalfOf: 'on behalf of',
  to: 'To',
  cc: 'Cc',
  subject: 'Subject',
  date: 'Date',
  attachments: 'Attachments',
  noSubject: '(no subject)',
  bodyLabel: 'Message text',
  bodyTruncated: (shown, total) => `Only the first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} characters are shown.`,
  paneCaptionHeading: 'Lure Lens add-in',
  paneCaption: 'The real task pane, reading the message through a simulated Outlook mailbox.',
  errorTitle: 'This file could not be opened',
  errorTooLarge: (maxMb) => `The file is larger than ${maxMb} MB, the limit for messages in Outlook. Choose a smaller .eml file.`,
  errorEmpty: 'The file is empty.',
  errorNotMail: 'This file does not look like an email message (.eml). No headers, sender, subject or text could be read from it.',
  errorReadFile: 'The browser could not read the file.',
  errorSampleFetch: (detail) => `The sample message could not be loaded from this server (${detail}).`,
  composeOpened: (to) => `Outlook would now open a new message to ${to} with the report attached. The preview has no compose window.`,
  bytes: (value) => size(value, ['bytes', 'KB', 'MB']),
};

export const previewJa: PreviewStrings = {
  pageTitle: 'Lure Lens プレビュー',
  heading: 'Lure Lens プレビュー',
  intro:
    'このページは Outlook の代わりです。サンプルのメールを選ぶか、お手持ちの .eml ファイルを開くと、右側の本物の Lure Lens ペインがそのメールを確認します。報告は、このページを配信している Lure Lens サービスに送られます。',
  languageLabel: '表示言語',
  themeLabel: 'Outlook のテーマ',
  themeNames: { light: 'ライト', dark: 'ダーク' },
  samplesHeading: 'サンプルメール',
  samplesNavLabel: 'サンプルメール',
  reported: '報告済み',
  openFileHeading: 'メールファイルを開く',
  fileInputLabel: '.eml ファイルを選択',
  dropHint: 'または、ここに .eml ファイルをドロップ（35 MB まで）',
  dropZoneLabel: 'ここに .eml ファイルをドロップ',
  readingPaneHeading: '閲覧ウィンドウ',
  readingPaneEmpty: 'メールが選択されていません。サンプルを選ぶか、.eml ファイルを開いてください。',
  loadingMessage: 'メールを開いています…',
  from: '差出人',
  onBehalfOf: '代理',
  to: '宛先',
  cc: 'CC',
  subject: '件名',
  date: '日時',
  attachments: '添付ファイル',
  noSubject: '（件名なし）',
  bodyLabel: '本文',
  bodyTruncated: (shown, total) => `全 ${total.toLocaleString('ja')} 文字のうち、最初の ${shown.toLocaleString('ja')} 文字だけを表示しています。`,
  paneCaptionHeading: 'Lure Lens アドイン',
  paneCaption: '本物の作業ウィンドウが、模擬の Outlook メールボックスを通じてメールを読み取っています。',
  errorTitle: 'ファイルを開けませんでした',
  errorTooLarge: (maxMb) => `ファイルが ${maxMb} MB（Outlook のメールの上限）を超えています。小さい .eml ファイルを選んでください。`,
  errorEmpty: 'ファイルが空です。',
  errorNotMail: 'このファイルはメール（.eml）ではないようです。ヘッダー、差出人、件名、本文のいずれも読み取れませんでした。',
  errorReadFile: 'ブラウザーがファイルを読み込めませんでした。',
  errorSampleFetch: (detail) => `サンプルメールをサーバーから読み込めませんでした（${detail}）。`,
  composeOpened: (to) => `Outlook ではここで、報告を添付した ${to} 宛ての新しいメッセージが開きます。プレビューには作成ウィンドウがありません。`,
  bytes: (value) => size(value, ['バイト', 'KB', 'MB']),
};

export function previewStrings(language: Language): PreviewStrings {
  return language === 'ja' ? previewJa : previewEn;
}

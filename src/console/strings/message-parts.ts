// What a message carries, as the report and campaign pages list it: attachments, links and indicators.
// English and Japanese side by side, in one shape (Strings in index.ts), so a missing translation is a type error.
export interface MessagePartStrings {
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
}

export const messagePartsEn: MessagePartStrings = {
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
};

export const messagePartsJa: MessagePartStrings = {
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
};

// Labels of a finding's evidence fields (Evidence.tsx), the words an analyst reads beside each value.
// English and Japanese side by side, in one shape (Strings in index.ts), so a missing translation is a type error.

export interface EvidenceLabels {
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
  linkInAttachment: string;
  target: string;
  host: string;
  shownHost: string;
  reason: string;
  name: string;
  contentType: string;
  note: string;
  data: string;
}

export const evidenceLabelsEn: EvidenceLabels = {
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
  linkInAttachment: 'Inside the attached file',
  target: 'Target',
  host: 'Host',
  shownHost: 'Host shown',
  reason: 'Reason',
  name: 'Name',
  contentType: 'Type',
  note: 'Note',
  data: 'Data',
};

export const evidenceLabelsJa: EvidenceLabels = {
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
  linkInAttachment: 'リンクがある添付ファイル',
  target: 'リンク先',
  host: 'ホスト',
  shownHost: '表示上のホスト',
  reason: '理由',
  name: '名前',
  contentType: '種類',
  note: '注記',
  data: 'データ',
};

// The report list (the inbox): filters, columns, paging, and the names of verdicts and dispositions.
// English and Japanese side by side, in one shape (Strings in index.ts), so a missing translation is a type error.
import type { Disposition } from '../../report/protocol';

export type VerdictName = 'clean' | 'suspicious' | 'dangerous';

export interface ReportListStrings {
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
}

export const reportListEn: ReportListStrings = {
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
};

export const reportListJa: ReportListStrings = {
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
};

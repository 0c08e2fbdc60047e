// Removing a campaign's message from mailboxes: the campaign page's section (runs, the dry-run
// search) and one run's page (what was found per mailbox, the confirmed move, the undo).
// English and Japanese side by side, in one shape (Strings in index.ts, key `remediation`), so a
// missing translation is a type error.
import type { RemediationDestination, RemediationMessage, RemediationSummary } from '../api';

export type RemediationProblem = 'not_configured' | 'count_changed' | 'conflict' | 'graph' | 'forbidden';

export interface RemediationStrings {
  title: string;
  intro: string;
  notConfigured: string;
  viewerNote: string;
  senderAndSubject: string;
  search: string;
  searching: string;
  runs: string;
  noRuns: string;
  started: string;
  by: string;
  state: string;
  mailboxesSearched: string;
  counts: string;
  countsText: (counts: RemediationSummary['counts']) => string;
  open: string;
  states: Record<RemediationSummary['state'], string>;
  /** A move or move-back that stopped midway (the service stopped): what was done is kept. */
  interrupted: string;
  interruptedHint: string;
  messageStates: Record<RemediationMessage['state'], string>;
  destinations: Record<RemediationDestination, string>;
  pageTitle: string;
  backToCampaign: string;
  unsearched: (count: number) => string;
  truncated: string;
  copiesTitle: string;
  mailbox: string;
  subject: string;
  received: string;
  messageState: string;
  error: string;
  nothingFound: string;
  destination: string;
  move: (count: number) => string;
  confirmMove: (count: number, mailboxes: number, destination: string) => string;
  typeCount: (count: number) => string;
  moving: string;
  movedResult: (moved: number, failed: number) => string;
  undoTitle: string;
  undoHint: string;
  undo: string;
  confirmUndo: (count: number) => string;
  undoing: string;
  undoneResult: (restored: number, still: number) => string;
  undoneNote: string;
  problems: Record<RemediationProblem, string>;
}

export const remediationEn: RemediationStrings = {
  title: 'Remove from mailboxes',
  intro:
    'Finds this campaign’s message in every mailbox through Microsoft Graph first (a dry run that moves nothing). After you have checked the count, the copies are moved to Junk Email or Deleted Items, where users can still open them; an undo moves them back. Every step is in the audit log.',
  notConfigured: 'Removal is not set up on this service: it needs Microsoft Graph access (identity.graph; see docs/identity.md).',
  viewerNote: 'Your role can read removal runs; an analyst or administrator starts and confirms them.',
  senderAndSubject: 'Also match the sender and subject (for copies whose Message-ID differs per recipient)',
  search: 'Search mailboxes (dry run)',
  searching: 'Searching mailboxes…',
  runs: 'Removal runs',
  noRuns: 'No mailboxes have been searched for this campaign yet.',
  started: 'Started',
  by: 'By',
  state: 'State',
  mailboxesSearched: 'Mailboxes searched',
  counts: 'Messages',
  countsText: ({ found, moved, failed, restored }) =>
    [found && `${found} found`, moved && `${moved} moved`, failed && `${failed} failed`, restored && `${restored} moved back`].filter(Boolean).join(', ') || 'none found',
  open: 'Open',
  states: { searched: 'Dry run: nothing moved', moving: 'Moving now…', moved: 'Moved', undoing: 'Moving back now…', undone: 'Undone: moved back' },
  interrupted: 'Interrupted midway',
  interruptedHint:
    'This run stopped midway (the service was restarted or lost its connection). The copies already moved are recorded. Move the rest to the same folder, or move back what was moved.',
  messageStates: { found: 'Found', moved: 'Moved', failed: 'Move failed', restored: 'Moved back' },
  destinations: { junkemail: 'Junk Email', deleteditems: 'Deleted Items' },
  pageTitle: 'Removal run',
  backToCampaign: 'Back to the campaign',
  unsearched: (count) => `${count} mailbox${count === 1 ? '' : 'es'} could not be searched (permissions or throttling); copies there are not in this run:`,
  truncated: 'There were more mailboxes or copies than one run covers. After this run, search again for the rest.',
  copiesTitle: 'Copies per mailbox',
  mailbox: 'Mailbox',
  subject: 'Subject',
  received: 'Received',
  messageState: 'State',
  error: 'Problem',
  nothingFound: 'No copies were found, so there is nothing to move.',
  destination: 'Move to',
  move: (count) => `Move ${count} message${count === 1 ? '' : 's'}…`,
  confirmMove: (count, mailboxes, destination) =>
    `Move ${count} message${count === 1 ? '' : 's'} in ${mailboxes} mailbox${mailboxes === 1 ? '' : 'es'} to ${destination}? Users will no longer see ${count === 1 ? 'it' : 'them'} in the folder ${count === 1 ? 'it is' : 'they are'} in now.`,
  typeCount: (count) => `Type ${count} to confirm`,
  moving: 'Moving…',
  movedResult: (moved, failed) => `${moved} moved${failed ? `, ${failed} could not be moved (see the table)` : ''}.`,
  undoTitle: 'Undo',
  undoHint: 'Moves every moved message back to the folder it was found in.',
  undo: 'Move back…',
  confirmUndo: (count) => `Move ${count} message${count === 1 ? '' : 's'} back to where ${count === 1 ? 'it was' : 'they were'} found?`,
  undoing: 'Moving back…',
  undoneResult: (restored, still) => `${restored} moved back${still ? `, ${still} could not be (see the table)` : ''}.`,
  undoneNote: 'This run was undone. To act again, search again from the campaign.',
  problems: {
    not_configured: 'Removal is not set up on this service (identity.graph).',
    count_changed: 'The count you confirmed is not the number of copies this search found. Check the number and type it again.',
    conflict: 'This run has already been acted on (perhaps by a colleague just now). The page shows its current state; search again from the campaign to act once more.',
    graph: 'Microsoft Graph refused or could not be reached. Nothing was changed by this step. Details:',
    forbidden: 'Your role cannot do this: an analyst or administrator must.',
  },
};

export const remediationJa: RemediationStrings = {
  title: 'メールボックスからの除去',
  intro:
    'まず Microsoft Graph でこのキャンペーンのメッセージをすべてのメールボックスから探します（何も移動しない予行）。件数を確認したあと、コピーを「迷惑メール」または「削除済みアイテム」に移動します。利用者はそこで引き続き開くことができ、取り消せば元に戻ります。すべての操作は監査ログに残ります。',
  notConfigured: 'このサービスでは除去が設定されていません。Microsoft Graph へのアクセスが必要です（identity.graph、docs/identity.md を参照）。',
  viewerNote: 'このロールでは除去の記録を閲覧できます。開始と確定はアナリストまたは管理者が行います。',
  senderAndSubject: '差出人と件名でも照合する（受信者ごとに Message-ID が異なるコピー向け）',
  search: 'メールボックスを検索（予行）',
  searching: 'メールボックスを検索しています…',
  runs: '除去の記録',
  noRuns: 'このキャンペーンについてはまだメールボックスを検索していません。',
  started: '開始',
  by: '実行者',
  state: '状態',
  mailboxesSearched: '検索したメールボックス',
  counts: 'メッセージ',
  countsText: ({ found, moved, failed, restored }) =>
    [found && `検出 ${found} 件`, moved && `移動 ${moved} 件`, failed && `失敗 ${failed} 件`, restored && `復元 ${restored} 件`].filter(Boolean).join('、') || '検出なし',
  open: '開く',
  states: { searched: '予行（未移動）', moving: '移動中…', moved: '移動済み', undoing: '元に戻し中…', undone: '取り消し済み（元に戻しました）' },
  interrupted: '途中で中断',
  interruptedHint:
    'この実行は途中で止まりました（サービスの再起動または接続の切断）。移動済みのコピーは記録されています。残りを同じフォルダーに移動するか、移動したものを元に戻してください。',
  messageStates: { found: '検出', moved: '移動済み', failed: '移動失敗', restored: '元に戻しました' },
  destinations: { junkemail: '迷惑メール', deleteditems: '削除済みアイテム' },
  pageTitle: '除去の実行',
  backToCampaign: 'キャンペーンに戻る',
  unsearched: (count) => `${count} 件のメールボックスを検索できませんでした（権限またはスロットリング）。そこにあるコピーはこの実行に含まれていません:`,
  truncated: '1 回の実行で扱える数を超えるメールボックスまたはコピーがありました。この実行のあと、残りをもう一度検索してください。',
  copiesTitle: 'メールボックスごとのコピー',
  mailbox: 'メールボックス',
  subject: '件名',
  received: '受信日時',
  messageState: '状態',
  error: '問題',
  nothingFound: 'コピーは見つかりませんでした。移動するものはありません。',
  destination: '移動先',
  move: (count) => `${count} 件のメッセージを移動…`,
  confirmMove: (count, mailboxes, destination) => `${mailboxes} 件のメールボックスにある ${count} 件のメッセージを「${destination}」に移動しますか？利用者には現在のフォルダーに表示されなくなります。`,
  typeCount: (count) => `確認のため ${count} と入力してください`,
  moving: '移動しています…',
  movedResult: (moved, failed) => `${moved} 件を移動しました${failed ? `。${failed} 件は移動できませんでした（表を参照）` : ''}。`,
  undoTitle: '取り消し',
  undoHint: '移動したメッセージを、見つかったときのフォルダーにすべて戻します。',
  undo: '元に戻す…',
  confirmUndo: (count) => `${count} 件のメッセージを見つかった場所に戻しますか？`,
  undoing: '元に戻しています…',
  undoneResult: (restored, still) => `${restored} 件を元に戻しました${still ? `。${still} 件は戻せませんでした（表を参照）` : ''}。`,
  undoneNote: 'この実行は取り消されました。もう一度行うには、キャンペーンから再度検索してください。',
  problems: {
    not_configured: 'このサービスでは除去が設定されていません（identity.graph）。',
    count_changed: '確認した件数が、この検索で見つかったコピーの数と一致しません。件数を確かめて入力し直してください。',
    conflict: 'この実行はすでに処理されています（同僚がたった今行った可能性があります）。現在の状態を表示しています。もう一度行うにはキャンペーンから再度検索してください。',
    graph: 'Microsoft Graph に拒否されたか、接続できませんでした。この操作では何も変更されていません。詳細:',
    forbidden: 'このロールではこの操作はできません。アナリストまたは管理者が行ってください。',
  },
};

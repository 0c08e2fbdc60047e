// The console's words for the sender history a report carries (what the reporter's mailbox said about
// the sender), in English and Japanese. Part of Strings (index.ts, key `senderHistory`).
export type HistoryPart = 'received' | 'sent' | 'namesakes';

export interface SenderHistoryStrings {
  title: string;
  intro: string;
  /** `since` is already formatted; undefined when unknown. */
  received: (count: number, more: boolean, since: string | undefined) => string;
  sent: (count: number, more: boolean) => string;
  namesakesTitle: string;
  noNamesakes: string;
  namesake: (count: number, more: boolean, since: string | undefined) => string;
  unchecked: (parts: string) => string;
  parts: Record<HistoryPart, string>;
}

export const senderHistoryEn: SenderHistoryStrings = {
  title: 'Sender history (reporter’s mailbox)',
  intro: 'What the reporter’s own mailbox said about this sender when the message was reported: counts and addresses only.',
  received: (count, more, since) =>
    count === 0 && !more ? 'No earlier mail from this address' : `${more ? 'At least ' : ''}${count} earlier message${count === 1 ? '' : 's'} from this address${since ? ` since ${since}` : ''}`,
  sent: (count, more) => (count === 0 ? 'The reporter has never written to this address' : `The reporter has written to this address (${more ? 'more than ' : ''}${count} message${count === 1 ? '' : 's'})`),
  namesakesTitle: 'The same name from other addresses',
  noNamesakes: 'No other address wrote under this name.',
  namesake: (count, more, since) => `${more ? 'at least ' : ''}${count} message${count === 1 ? '' : 's'}${since ? ` since ${since}` : ''}`,
  unchecked: (parts) => `Could not be checked: ${parts}`,
  parts: { received: 'earlier mail from this address', sent: 'mail the reporter sent to it', namesakes: 'other addresses under this name' },
};

export const senderHistoryJa: SenderHistoryStrings = {
  title: '差出人の履歴(報告者のメールボックス)',
  intro: '報告時に、報告者自身のメールボックスでこの差出人について分かったこと(件数とアドレスのみ)。',
  received: (count, more, since) =>
    count === 0 && !more ? 'このアドレスからの過去のメールはありません' : `このアドレスからの過去のメール: ${since ? `${since}以降 ` : ''}${count}件${more ? '以上' : ''}`,
  sent: (count, more) => (count === 0 ? '報告者はこのアドレスに送信したことがありません' : `報告者はこのアドレスに送信したことがあります(${count}件${more ? '以上' : ''})`),
  namesakesTitle: '同じ名前の別のアドレス',
  noNamesakes: 'この名前で送信している別のアドレスはありません。',
  namesake: (count, more, since) => `${since ? `${since}以降 ` : ''}${count}件${more ? '以上' : ''}`,
  unchecked: (parts) => `確認できなかった項目: ${parts}`,
  parts: { received: 'このアドレスからの過去のメール', sent: '報告者からこのアドレスへの送信', namesakes: '同じ名前の別のアドレス' },
};

// The pane's words about the sender-history check (what the user's own mailbox says about the sender),
// in English and Japanese. A dictionary of its own so that it loads with the component that shows it,
// after the verdict; the same shape in both languages, so a missing translation is a type error.
import type { Language } from './strings';

/** Why the mailbox could not be asked; mirrors graph/sender-history.ts plus "this Outlook cannot". */
export type HistoryProblem = 'unsupported' | 'no-sender' | 'consent' | 'offline' | 'throttled' | 'timeout' | 'failed';

export interface SenderHistoryWords {
  checking: string;
  /** An address with earlier mail and no finding: `since` is a year or undefined. */
  known: (count: number, more: boolean, since: string | undefined) => string;
  unavailable: string;
  problems: Record<HistoryProblem, string>;
  allow: string;
}

const en: SenderHistoryWords = {
  checking: 'Checking your mailbox for earlier mail from this sender…',
  known: (count, more, since) => `Your mailbox has ${more ? 'at least ' : ''}${count} earlier message${count === 1 ? '' : 's'} from this address${since ? ` since ${since}` : ''}.`,
  unavailable: 'The sender’s history in your mailbox could not be checked',
  problems: {
    unsupported: 'this version of Outlook cannot let Lure Lens read it.',
    'no-sender': 'the message shows no usable sender address.',
    consent: 'Lure Lens has not been allowed to read your mail’s senders and dates.',
    offline: 'you seem to be offline.',
    throttled: 'Microsoft 365 is busy; it will be tried again next time.',
    timeout: 'your mailbox did not answer in time.',
    failed: 'your mailbox did not answer.',
  },
  allow: 'Allow and check',
};

const ja: SenderHistoryWords = {
  checking: 'この差出人からの過去のメールをメールボックスで確認しています…',
  known: (count, more, since) => `このアドレスからのメールは、メールボックスに${since ? `${since}年以降 ` : ''}${count}件${more ? '以上' : ''}あります。`,
  unavailable: 'メールボックスで差出人の履歴を確認できませんでした',
  problems: {
    unsupported: 'この Outlook のバージョンでは Lure Lens がメールボックスを読めません。',
    'no-sender': 'このメッセージには有効な差出人アドレスがありません。',
    consent: 'Lure Lens にメールの差出人と日時の読み取りが許可されていません。',
    offline: 'オフラインのようです。',
    throttled: 'Microsoft 365 が混み合っています。次回もう一度確認します。',
    timeout: 'メールボックスから時間内に応答がありませんでした。',
    failed: 'メールボックスから応答がありませんでした。',
  },
  allow: '許可して確認',
};

export function senderHistoryWords(language: Language): SenderHistoryWords {
  return language === 'ja' ? ja : en;
}

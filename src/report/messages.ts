// What the employee is told after pressing Report, in English and Japanese. Each message says where
// the report went (or that it did not), what happened to the message, and whether anything is left
// for them to do. Server messages are quoted as plain text; the pane renders these as text, never HTML.
import type { LocalizedText } from '../engine/model';
import type { MovedTo } from './after-report';

export type ReportProblem =
  /** Outlook would not give us the message. */
  | 'unreadable'
  /** No channel is configured in the policy. */
  | 'not-configured'
  /** The service or Graph refused the report. */
  | 'rejected'
  /** Sending failed and the report could not be kept for later either. */
  | 'not-saved'
  /** The compose form could not be opened. */
  | 'compose-failed'
  /** The Report button ran out of time before anything could be kept. */
  | 'timed-out'
  /** The organisation's reporting settings (policy.json) could not be loaded. */
  | 'no-policy'
  /** Only the compose channel is configured, and Outlook's Report button cannot open a message form. */
  | 'use-pane';

const MOVED: Record<MovedTo, LocalizedText> = {
  junk: { en: 'The message was moved to Junk Email.', ja: 'メッセージは迷惑メール フォルダーに移動しました。' },
  deletedItems: { en: 'The message was moved to Deleted Items.', ja: 'メッセージは削除済みアイテムに移動しました。' },
  reportedFolder: { en: 'The message was moved to your reported-messages folder.', ja: 'メッセージは報告済みメッセージ用のフォルダーに移動しました。' },
};

const UNTOUCHED: LocalizedText = { en: 'The message has not been moved or deleted.', ja: 'メッセージは移動も削除もしていません。' };

function join(...parts: (LocalizedText | undefined)[]): LocalizedText {
  const present = parts.filter((part): part is LocalizedText => !!part);
  return { en: present.map((part) => part.en).join(' '), ja: present.map((part) => part.ja).join('') };
}

/** What follows a delivery: moved as the policy says, left by policy, or left because moving failed. */
export function afterDeliveryText(moved: MovedTo | undefined, wanted: MovedTo | undefined): LocalizedText | undefined {
  if (moved) return MOVED[moved];
  if (wanted) {
    return {
      en: 'The message could not be moved automatically and is still in its folder; you can delete it.',
      ja: 'メッセージを自動的に移動できなかったため、元のフォルダーに残っています。削除してかまいません。',
    };
  }
  return undefined;
}

/** Who receives reports when policy.json does not name the security team. */
export const DEFAULT_TEAM: LocalizedText = { en: 'your security team', ja: 'セキュリティ担当' };

/** A delivery, named by the security team (never a host name: the employee knows the team, not the server). */
export function deliveredText(team: LocalizedText | undefined, options: { duplicate?: boolean; afterDelivery?: LocalizedText } = {}): LocalizedText {
  const name = team ?? DEFAULT_TEAM;
  const head: LocalizedText = options.duplicate
    ? {
        en: `${name.en.charAt(0).toUpperCase()}${name.en.slice(1)} already had this report; nothing more is needed.`,
        ja: `この報告はすでに${name.ja}に届いています。これ以上の操作は不要です。`,
      }
    : {
        en: `Reported to ${name.en}. Thank you.`,
        ja: `${name.ja}に報告しました。ご協力ありがとうございます。`,
      };
  return join(head, options.afterDelivery);
}

export function queuedText(): LocalizedText {
  return join(
    {
      en: 'Your security team could not be reached just now. The report is saved on this device and will be sent automatically the next time you open Lure Lens.',
      ja: '現在セキュリティ担当に接続できません。報告はこの端末に保存され、次に Lure Lens を開いたときに自動的に送信されます。',
    },
    UNTOUCHED,
  );
}

export function composeOpenedText(mailbox: string): LocalizedText {
  return {
    en: `A report to ${mailbox} has been prepared with the message attached. Press Send in the new window to finish reporting.`,
    ja: `メッセージを添付した ${mailbox} 宛ての報告メールを作成しました。新しいウィンドウで「送信」を押すと報告が完了します。`,
  };
}

export function problemText(problem: ReportProblem, detail?: { serverMessage?: string; destination?: string }): LocalizedText {
  const server = detail?.serverMessage;
  switch (problem) {
    case 'unreadable':
      return join(
        {
          en: 'Outlook could not read this message, so it was not reported. Try again, or forward it to your security team.',
          ja: 'Outlook がこのメッセージを読み取れなかったため、報告できませんでした。もう一度試すか、セキュリティ担当に転送してください。',
        },
        UNTOUCHED,
      );
    case 'not-configured':
      return join(
        {
          en: 'Reporting has not been set up for your organisation, so the message was not sent anywhere. Please tell your IT team.',
          ja: '組織で報告の設定がされていないため、メッセージはどこにも送信されていません。IT 担当者にお知らせください。',
        },
        UNTOUCHED,
      );
    case 'rejected':
      return join(
        {
          en: `The security team's service${detail?.destination ? ` (${detail.destination})` : ''} refused the report${server ? `: "${server}".` : '.'} Please forward the message to your security team instead.`,
          ja: `セキュリティ担当のサービス${detail?.destination ? `(${detail.destination})` : ''}が報告を受け付けませんでした${server ? `:「${server}」` : ''}。代わりにメッセージをセキュリティ担当へ転送してください。`,
        },
        UNTOUCHED,
      );
    case 'not-saved':
      return join(
        {
          en: 'Your security team could not be reached, and the report could not be saved on this device to send later. Please try again later.',
          ja: 'セキュリティ担当に接続できず、後で送信するための保存もできませんでした。時間をおいてもう一度お試しください。',
        },
        UNTOUCHED,
      );
    case 'compose-failed':
      return join(
        {
          en: 'Outlook could not open the report email. Please forward the message to your security team.',
          ja: 'Outlook で報告メールを開けませんでした。メッセージをセキュリティ担当へ転送してください。',
        },
        UNTOUCHED,
      );
    case 'no-policy':
      return join(
        {
          en: "Lure Lens could not load your organisation's reporting settings, so the report was not sent. Please try again when you are online.",
          ja: '組織の報告設定を読み込めなかったため、報告は送信されていません。オンラインのときにもう一度お試しください。',
        },
        UNTOUCHED,
      );
    case 'use-pane':
      return join(
        {
          en: `This button cannot send reports in your organisation's setup. Open Lure Lens and press Report there${detail?.destination ? `, or forward the message to ${detail.destination}` : ''}.`,
          ja: `組織の設定では、このボタンから報告を送信できません。Lure Lens を開いてそこで「報告」を押してください${detail?.destination ? `。または ${detail.destination} へメッセージを転送してください` : ''}。`,
        },
        UNTOUCHED,
      );
    case 'timed-out':
      return join(
        {
          en: 'Reporting took too long and was stopped before the report could be saved. Please try again.',
          ja: '報告に時間がかかりすぎたため、保存する前に中断されました。もう一度お試しください。',
        },
        UNTOUCHED,
      );
  }
}

/** Title for Outlook's post-processing dialog. */
export const DIALOG_TITLE: LocalizedText = { en: 'Lure Lens report', ja: 'Lure Lens 報告' };

/** Picks the language Outlook is displayed in. */
export function pick(text: LocalizedText, displayLanguage: string | undefined): string {
  return displayLanguage?.toLowerCase().startsWith('ja') ? text.ja : text.en;
}

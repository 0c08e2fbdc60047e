// The sender history a report carries: what the reporter's mailbox said about the sender (earlier mail
// from the address, mail the reporter sent to it, other addresses under the same name). Names and
// addresses came from mail and are shown as text, addresses defanged.
import type { ReportDetail } from './api';
import type { Strings } from './strings';
import { defangAddress } from './defang';
import { Txt } from './Text';

type History = NonNullable<ReportDetail['senderHistory']>;

/** Day precision is enough for "since when"; the mailbox's clock is not the service's. */
function day(value: string | undefined, language: 'en' | 'ja'): string | undefined {
  if (!value || !Number.isFinite(Date.parse(value))) return undefined;
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium' }).format(new Date(Date.parse(value)));
}

export function SenderHistory({ history, t, language }: { history: History; t: Strings; language: 'en' | 'ja' }) {
  const words = t.senderHistory;
  return (
    <div data-testid="sender-history">
      <p style={{ margin: '0 0 8px' }}>{words.intro}</p>
      <ul style={{ margin: '0 0 8px', paddingLeft: '20px' }}>
        <li data-testid="history-received">{words.received(history.received.count, history.received.more === true, day(history.received.since, language))}</li>
        <li data-testid="history-sent">{words.sent(history.sent.count, history.sent.more === true)}</li>
      </ul>
      <h3 style={{ fontSize: '15px', margin: '8px 0 4px' }}>{words.namesakesTitle}</h3>
      {history.namesakes.length === 0 ? (
        <p style={{ margin: 0 }}>{words.noNamesakes}</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '20px' }}>
          {history.namesakes.map((namesake) => (
            <li key={namesake.address} data-testid="history-namesake">
              <Txt value={namesake.name} max={120} /> <strong style={{ overflowWrap: 'anywhere' }}>&lt;<Txt value={defangAddress(namesake.address)} max={320} />&gt;</strong>
              {' — '}
              {words.namesake(namesake.count, namesake.more === true, day(namesake.since, language))}
            </li>
          ))}
        </ul>
      )}
      {history.unchecked && history.unchecked.length > 0 && (
        <p style={{ margin: '8px 0 0' }} data-testid="history-unchecked">
          {words.unchecked(history.unchecked.map((part) => words.parts[part]).join(language === 'ja' ? '、' : ', '))}
        </p>
      )}
    </div>
  );
}

/** @jest-environment jsdom */
// The sender history a report carries, as the analyst reads it: counts and addresses in the console's
// language, names from mail as text (never markup), addresses defanged.
import { render } from '@testing-library/react';
import { SenderHistory } from '../../src/console/SenderHistory';
import { en, ja } from '../../src/console/strings';
import type { ReportDetail } from '../../src/console/api';
import { XSS } from './helpers';

const HISTORY: NonNullable<ReportDetail['senderHistory']> = {
  address: 'watanabe.tiss@gmail.com',
  received: { count: 0 },
  sent: { count: 0 },
  namesakes: [{ name: `渡辺 隆 ${XSS}`, address: 't.watanabe@tiss.or.jp', count: 212, since: '2021-04-05T01:00:00.000Z' }],
  unchecked: ['sent'],
};

function shown(history: NonNullable<ReportDetail['senderHistory']>, language: 'en' | 'ja') {
  return render(<SenderHistory history={history} t={language === 'ja' ? ja : en} language={language} />);
}

describe('sender history in the report detail', () => {
  test('says in English what the reporter’s mailbox knew', () => {
    const { getByTestId, getAllByTestId, container } = shown(HISTORY, 'en');
    expect(getByTestId('history-received').textContent).toBe('No earlier mail from this address');
    expect(getByTestId('history-sent').textContent).toBe('The reporter has never written to this address');
    const [namesake] = getAllByTestId('history-namesake');
    expect(namesake.textContent).toContain('212 messages since 5 Apr 2021');
    expect(namesake.textContent).toContain('t.watanabe@tiss[.]or[.]jp');
    expect(getByTestId('history-unchecked').textContent).toBe('Could not be checked: mail the reporter sent to it');
    // The name is text: the image tag inside it never becomes an element.
    expect(namesake.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });

  test('says it in Japanese, with counts for an established sender', () => {
    const established = { ...HISTORY, received: { count: 40, since: '2022-01-10T00:00:00.000Z' }, sent: { count: 5, more: true }, namesakes: [], unchecked: undefined };
    const { getByTestId, queryByTestId, container } = shown(established, 'ja');
    expect(getByTestId('history-received').textContent).toBe('このアドレスからの過去のメール: 2022/01/10以降 40件');
    expect(getByTestId('history-sent').textContent).toBe('報告者はこのアドレスに送信したことがあります(5件以上)');
    expect(container.textContent).toContain('この名前で送信している別のアドレスはありません。');
    expect(queryByTestId('history-unchecked')).toBeNull();
  });
});

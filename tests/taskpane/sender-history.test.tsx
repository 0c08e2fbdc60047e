/** @jest-environment ./tests/console/environment.js */
// The sender-history check as an employee meets it: the verdict first, never waiting; the mailbox's
// answer then arrives as one more reason (and can change the verdict); without Graph the pane says the
// history could not be checked and works as before. The history comes from the real Graph client over
// the fake Graph, or from stand-ins that answer when the test says. (The console's jsdom environment
// lends the fake Graph Node's Response and Headers.)
import './polyfills';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MailMessage, SenderHistory } from '../../src/engine/model';
import { createSenderHistoryLookup } from '../../src/graph/sender-history';
import { App } from '../../src/taskpane/App';
import type { HistoryAccess, HistoryLookupFactory, HistoryLookupLike } from '../../src/taskpane/useSenderHistory';
import { correspondence, createFakeGraph } from '../../src/preview/fake-graph';
import { defaultPolicy, FakeReporter, loaded, message, staticSource } from './helpers';

const ME = { name: 'Aiko', address: 'aiko@example.co.jp' };
const WATANABE = { name: '渡辺 隆', address: 't.watanabe@tiss.or.jp' };
const LURE: MailMessage = message({ from: { name: '渡辺 隆', address: 'watanabe.tiss@gmail.com' }, subject: '研究会のご案内', messageId: '<lure@gmail.com>' });

function renderPane(target: MailMessage, createHistoryLookup: HistoryLookupFactory | undefined, language: 'en' | 'ja' = 'en') {
  return render(
    <App
      source={staticSource(loaded(target))}
      loadPolicy={defaultPolicy}
      createReporter={() => new FakeReporter(new Error('unused'))}
      createHistoryLookup={createHistoryLookup}
      language={language}
      theme="light"
    />,
  );
}

/** A lookup that answers only when the test calls answer(). */
function deferredLookup(): { lookup: HistoryLookupLike; answer: (history: SenderHistory) => void; asked: () => number } {
  let resolve: ((value: { state: 'checked'; history: SenderHistory }) => void) | undefined;
  let asked = 0;
  return {
    lookup: {
      lookUp: () => {
        asked++;
        return new Promise((done) => {
          resolve = done;
        });
      },
    },
    answer: (history) => resolve?.({ state: 'checked', history }),
    asked: () => asked,
  };
}

const FIRST_CONTACT_UNDER_KNOWN_NAME: SenderHistory = {
  address: 'watanabe.tiss@gmail.com',
  received: { count: 0 },
  sent: { count: 0 },
  namesakes: [{ name: '渡辺 隆', address: 't.watanabe@tiss.or.jp', count: 212, since: '2021-04-05T01:00:00.000Z' }],
};

describe('sender history in the pane', () => {
  it('shows the verdict without waiting, then adds the mailbox’s answer as a reason', async () => {
    const deferred = deferredLookup();
    renderPane(LURE, async () => ({ lookup: deferred.lookup }));
    const card = await screen.findByTestId('verdict-card');
    expect(card.getAttribute('data-verdict')).toBe('clean');
    expect((await screen.findByTestId('sender-history')).getAttribute('data-state')).toBe('checking');

    deferred.answer(FIRST_CONTACT_UNDER_KNOWN_NAME);
    await waitFor(() => expect(screen.getByTestId('verdict-card').getAttribute('data-verdict')).toBe('suspicious'));
    const reasons = await screen.findByTestId('reasons');
    expect(within(reasons).getByText('You have had little or no mail from this address before')).toBeTruthy();
    // The reason says it; the status line does not repeat it.
    await waitFor(() => expect(screen.queryByTestId('sender-history')).toBeNull());
    expect(deferred.asked()).toBe(1);
  });

  it('runs the real Graph client end to end over a mailbox that knows the name', async () => {
    const graph = createFakeGraph({
      messages: [
        ...correspondence({ from: WATANABE, to: ME, count: 212, first: '2021-04-05T01:00:00Z', everyDays: 7 }, 'tw'),
        ...correspondence({ from: ME, to: WATANABE, count: 3, first: '2021-06-01T01:00:00Z', everyDays: 90, folder: 'sentitems' }, 'to'),
      ],
    });
    const factory: HistoryLookupFactory = async (policy) => ({ lookup: createSenderHistoryLookup({ fetch: graph.fetch, tokens: { getToken: async () => 't' }, policy }) });
    const { container } = renderPane(LURE, factory);
    await waitFor(() => expect(screen.getByTestId('verdict-card').getAttribute('data-verdict')).toBe('suspicious'));
    fireEvent.click(await screen.findByText('You have had little or no mail from this address before'));
    await waitFor(() => expect(container.textContent).toContain('渡辺 隆 usually writes from t.watanabe@tiss.or.jp (212 messages since 2021)'));
  });

  it('says how much earlier mail a known address has sent when that raises nothing', async () => {
    const known: SenderHistory = { address: 'desk@example.net', received: { count: 40, since: '2022-03-01T00:00:00.000Z' }, sent: { count: 2 }, namesakes: [] };
    renderPane(message(), async () => ({ lookup: { lookUp: async () => ({ state: 'checked', history: known }) } }), 'ja');
    await waitFor(() => expect(screen.getByTestId('sender-history').getAttribute('data-state')).toBe('checked'));
    expect(screen.getByTestId('sender-history').textContent).toBe('このアドレスからのメールは、メールボックスに2022年以降 40件あります。');
  });

  it.each<[string, HistoryAccess, string]>([
    ['Outlook without nested app authentication', 'unsupported', 'this version of Outlook cannot let Lure Lens read it.'],
    ['offline', { lookup: { lookUp: async () => ({ state: 'unavailable', reason: 'offline' }) } }, 'you seem to be offline.'],
    ['throttled past the budget', { lookup: { lookUp: async () => ({ state: 'unavailable', reason: 'throttled' }) } }, 'Microsoft 365 is busy; it will be tried again next time.'],
  ])('says the history could not be checked: %s', async (_case, access, why) => {
    renderPane(LURE, async () => access);
    await waitFor(() => expect(screen.getByTestId('sender-history').getAttribute('data-state')).toBe('unavailable'));
    expect(screen.getByTestId('sender-history').textContent).toContain(`The sender’s history in your mailbox could not be checked: ${why}`);
    expect(screen.getByTestId('verdict-card').getAttribute('data-verdict')).toBe('clean');
  });

  it('asks for permission only when the user chooses to, then checks', async () => {
    let allowed = false;
    const consent = jest.fn(async () => {
      allowed = true;
    });
    const lookup: HistoryLookupLike = {
      lookUp: async () => (allowed ? { state: 'checked', history: FIRST_CONTACT_UNDER_KNOWN_NAME } : { state: 'unavailable', reason: 'consent' }),
    };
    renderPane(LURE, async () => ({ lookup, consent }));
    const allow = await screen.findByRole('button', { name: 'Allow and check' });
    expect(consent).not.toHaveBeenCalled();
    fireEvent.click(allow);
    await waitFor(() => expect(screen.getByTestId('verdict-card').getAttribute('data-verdict')).toBe('suspicious'));
    expect(consent).toHaveBeenCalledTimes(1);
  });

  it('shows nothing about history when the policy leaves it off or nothing is wired in', async () => {
    const off = jest.fn(async (): Promise<HistoryAccess> => 'off');
    renderPane(LURE, off);
    await screen.findByTestId('verdict-card');
    await waitFor(() => expect(off).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByTestId('sender-history')).toBeNull());
    const { container } = renderPane(LURE, undefined);
    await within(container).findByTestId('verdict-card');
    expect(within(container).queryByTestId('sender-history')).toBeNull();
  });
});

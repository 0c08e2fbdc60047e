/** @jest-environment jsdom */
import './polyfills';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MessageUnreadableError } from '../../src/office/read-message';
import { App } from '../../src/taskpane/App';
import { defaultPolicy, FakeReporter, loaded, message, openAllReasons, staticSource } from './helpers';

const XSS = '<img src=x onerror=alert(1)>';
const RLO = '\u202E';

function pane(source: ReturnType<typeof staticSource>, reporter = new FakeReporter(new Error('unused')), language: 'en' | 'ja' = 'en') {
  return render(<App source={source} loadPolicy={defaultPolicy} createReporter={() => reporter} language={language} theme="dark" />);
}

describe('hostile message content', () => {
  it('shows markup and bidi/zero-width tricks as text, never as elements', async () => {
    const hostile = message({
      from: { name: `IT Desk ${XSS}`, address: 'it@evil.example' },
      subject: `Invoice ${XSS} ${RLO}fdp.exe\u200B`,
      text: `Open ${XSS}`,
      html: `<p>${XSS}<a href="https://evil.example/login">${XSS} https://www.mofa.go.jp</a></p>`,
      links: [{ href: 'https://evil.example/login', text: `${XSS} https://www.mofa.go.jp`, source: 'html' }],
      attachments: [{ name: `${XSS}${RLO}fdp.exe`, contentType: 'application/octet-stream', size: 10 }],
      missing: ['attachmentContent'],
    });
    const { container } = pane(staticSource(loaded(hostile)));
    await screen.findByRole('heading', { level: 1 });
    await openAllReasons(container);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain(`Invoice ${XSS} ⟨U+202E⟩fdp.exe⟨U+200B⟩`);
    expect(container.textContent).toContain(`${XSS}⟨U+202E⟩fdp.exe`);
    expect(container.textContent).not.toContain(RLO);
    expect(container.textContent).not.toContain('\u200B');
  });
});

describe('states', () => {
  it('shows "no message selected"', async () => {
    pane(staticSource({ state: 'no-message', userAddress: 'a@example.co.jp' }));
    expect(await screen.findByText('No message selected')).toBeTruthy();
  });

  it('shows what failed with a retry button that reads again', async () => {
    const source = staticSource(new MessageUnreadableError([]));
    pane(source);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText(/did not give Lure Lens any part of this message/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(source.loads).toBe(2));
  });

  it('lists not-checked rules with why, and the missing-headers explanation (Japanese too)', async () => {
    const noHeaders = message({ headers: [], missing: ['headers'] });
    const { unmount } = pane(staticSource(loaded(noHeaders, 'unsupported')));
    const region = await screen.findByRole('region', { name: 'Not checked' });
    expect(region.textContent).toContain('This Outlook client cannot give add-ins the message headers');
    expect(region.textContent).toContain('This Outlook client did not provide the message headers.');
    expect(region.querySelectorAll('li').length).toBeGreaterThan(0);
    unmount();
    pane(staticSource(loaded(noHeaders, 'unsupported')), undefined, 'ja');
    expect((await screen.findByRole('region', { name: '未確認の項目' })).textContent).toContain('メッセージヘッダーを提供しませんでした');
  });

  it('reloads when the selected item changes', async () => {
    const source = staticSource(loaded(message({ subject: 'First subject' })));
    pane(source);
    await screen.findByText('First subject');
    act(() => source.fire());
    await waitFor(() => expect(source.loads).toBe(2));
  });
});

describe('my reports', () => {
  it('lists my reports with localized dispositions and pending entries', async () => {
    const reporter = new FakeReporter(
      new Error('unused'),
      [
        { id: 'r1', key: 'k1', subject: `Payroll ${XSS}`, receivedAt: '2025-01-10T00:00:00Z', disposition: 'simulation', feedback: 'Good catch' },
        { id: 'r2', key: 'k2', subject: 'Meeting', receivedAt: '2025-01-11T00:00:00Z', disposition: 'benign' },
      ],
      [{ key: 'p1', subject: 'Queued one', queuedAt: '2025-01-12T00:00:00Z', attempts: 2, state: 'rejected', serverMessage: 'too large' }],
    );
    const { container } = pane(staticSource(loaded(message())), reporter, 'ja');
    const region = await screen.findByRole('region', { name: '自分の報告' });
    await waitFor(() => expect(region.textContent).toContain('フィッシング訓練でした'));
    expect(region.textContent).toContain('安全');
    expect(region.textContent).toContain(`Payroll ${XSS}`);
    expect(region.textContent).toContain('サービスに拒否されました');
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '閉じる' }));
    await waitFor(() => expect(region.textContent).not.toContain('Queued one'));
  });
});

/** @jest-environment jsdom */
// A message the parser could not fully read is never shown as clean: the pane gives "could not be
// fully read" as a reason, with why one click away, in English and Japanese.
import './polyfills';
import { render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { defaultPolicy, FakeReporter, loaded, message, openAllReasons, staticSource } from './helpers';

function renderPane(language: 'en' | 'ja') {
  return render(
    <App
      source={staticSource(loaded(message({ incomplete: ['mime-depth'] })))}
      loadPolicy={defaultPolicy}
      createReporter={() => new FakeReporter(new Error('unused'))}
      language={language}
      theme="light"
    />,
  );
}

describe('a message that could not be fully read', () => {
  it.each([
    ['en', 'Suspicious message', 'This message could not be fully read', 'nested deeper than mail programs normally go'],
    ['ja', '不審なメッセージ', 'このメールは最後まで読み取れませんでした', '入れ子'],
  ] as const)('is suspicious and explained (%s)', async (language, banner, title, evidence) => {
    const { container } = renderPane(language);
    expect(await screen.findByText(banner)).toBeTruthy();
    await openAllReasons(container);
    expect(screen.getAllByText((text) => text.includes(title)).length).toBeGreaterThan(0);
    expect(screen.getAllByText((text) => text.includes(evidence)).length).toBeGreaterThan(0);
  });
});

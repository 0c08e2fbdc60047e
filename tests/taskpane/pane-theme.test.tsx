/** @jest-environment jsdom */
// The pane's look comes from Fluent's theme tokens on its root, in Outlook's light or dark theme, and the
// report form's Fluent controls get every token and show their focus outline when reached with the
// keyboard. The pane has no FluentProvider (components/PaneTheme.tsx): these hold what it gave the pane.
// (Which tokens the first screen's own styles need: tests/scripts/fluent-themes.test.ts.)
import './polyfills';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { Verdict } from '../../src/engine/model';
import type { ThemeName } from '../../src/office/theme';
import { App } from '../../src/taskpane/App';
import { FakeReporter, defaultPolicy, fixedVerdict, loaded, message, staticSource } from './helpers';

const CLEAN: Verdict = { verdict: 'clean', score: 0, notChecked: [], findings: [] };
const DELIVERED = { status: 'delivered', channel: 'endpoint', destination: 'lurelens.example.org', reportId: 'r-1', message: { en: 'Reported.', ja: '報告しました。' } } as const;

function pane(theme: ThemeName) {
  const props = {
    source: staticSource(loaded(message())),
    loadPolicy: defaultPolicy,
    createReporter: () => new FakeReporter(DELIVERED),
    language: 'en' as const,
    analyzeMessage: fixedVerdict(CLEAN),
  };
  const view = render(<App {...props} theme={theme} />);
  // Everything the pane shows loads before the test looks: the card, then the sections below it.
  const shown = () => screen.findByText('How Lure Lens decides');
  return { ...view, shown, switchTo: (next: ThemeName) => view.rerender(<App {...props} theme={next} />) };
}

/** A custom property as the pane's root gets it: the last rule that sets it on the root or an ancestor. */
function tokenAt(element: Element, name: keyof Theme): string | undefined {
  let value: string | undefined;
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSStyleRule)) continue;
      const declared = rule.style.getPropertyValue(`--${name}`).trim();
      // Only rules that set the variable; Fluent's other rules have selectors jsdom cannot match.
      if (declared && element.closest(rule.selectorText)) value = declared;
    }
  }
  return value;
}

describe('the pane’s theme', () => {
  it('gives the report form’s Fluent controls every token of Fluent’s light theme, and the dark theme’s when Outlook switches to dark', async () => {
    const view = pane('light');
    await view.shown();
    fireEvent.click(within(screen.getByTestId('verdict-card')).getByRole('button', { name: 'Report anyway' }));
    const control = await screen.findByLabelText('Unexpected attachment');
    for (const name of Object.keys(webLightTheme) as (keyof Theme)[]) expect([name, tokenAt(control, name)]).toEqual([name, String(webLightTheme[name])]);
    view.switchTo('dark');
    for (const name of Object.keys(webDarkTheme) as (keyof Theme)[]) expect([name, tokenAt(control, name)]).toEqual([name, String(webDarkTheme[name])]);
  });

  it('shows the report form’s focus outline on a control reached with the keyboard, not on one clicked', async () => {
    await pane('light').shown();
    const card = screen.getByTestId('verdict-card');
    fireEvent.click(within(card).getByRole('button', { name: 'Report anyway' }));
    const first = await screen.findByLabelText('The sender pretends to be someone else');
    const second = screen.getByLabelText('A link looks suspicious');
    // A click: no outline.
    fireEvent.mouseDown(first);
    act(() => first.focus());
    expect(first.hasAttribute('data-fui-focus-visible')).toBe(false);
    // Tab to the next control: Fluent's outline.
    fireEvent.keyDown(first, { key: 'Tab' });
    act(() => second.focus());
    await waitFor(() => expect(second.hasAttribute('data-fui-focus-visible')).toBe(true));
  });
});

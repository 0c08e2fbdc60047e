// The pane's root: the theme's tokens (those the pane's styles name; themes.ts) and the page's text and
// colours (PaneTheme.styles.ts), which is all the first screen took from Fluent's FluentProvider. FluentProvider itself, with the Griffel style
// engine and the keyboard-focus tracker (keyborg, tabster) it starts, cost the pane's first load 8.1 KB
// gzip for controls the first screen does not have: the pane draws its own (PaneButton). The report
// form, the one view with Fluent controls, adds the tokens they use and starts the focus tracker for
// them itself (ReportForm.tsx); they need no provider otherwise.
import type { ReactNode } from 'react';
import type { ThemeName } from '../../office/theme';
import { webDarkTheme, webLightTheme } from '../themes';
import { paneThemeClasses as classes, paneThemeStyles, themeTokenStyles } from './PaneTheme.styles';
import { useStyleSheets, type StyleSheet } from './stylesheet';

const THEMES = { light: webLightTheme, dark: webDarkTheme } as const;
// Written out once per theme, when the pane first shows it.
const tokenSheets: Partial<Record<ThemeName, StyleSheet>> = {};

export function PaneTheme({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  const tokens = (tokenSheets[theme] ??= themeTokenStyles(theme, THEMES[theme], 'pane'));
  useStyleSheets(tokens, paneThemeStyles);
  return (
    <div className={`${classes.root} ${classes.theme[theme]}`} dir="ltr" data-theme={theme}>
      {children}
    </div>
  );
}

// The pane's own styles: one style module per component (Component.styles.ts) holding plain CSS over
// Fluent's theme tokens (tokens.colorStatusDangerBackground1 is var(--colorStatusDangerBackground1),
// set on the pane's root by PaneTheme.tsx as FluentProvider would), with class names keyed by state.
// Written as CSS text rather than makeStyles, whose run-time CSS compiler (Griffel with stylis and
// rtl-css-js) would cost the pane's first load about 10 KB gzip; Fluent's own components come with
// precompiled styles. Tokens are named through the Theme type, so a misspelt token is a type error,
// and Fluent's 3 KB `tokens` object stays out.
import { useInsertionEffect } from 'react';
import type { Theme } from '@fluentui/react-components';

/** The CSS variable the pane's root (PaneTheme.tsx) sets for a theme token, as FluentProvider names it: tokens.X without importing `tokens`. */
export function token(name: keyof Theme): string {
  return `var(--${name})`;
}

export interface StyleSheet {
  /** Unique per module; the sheet is added to the document once. */
  id: string;
  css: string;
}

export function styleSheet(id: string, css: string): StyleSheet {
  return { id: `ll-css-${id}`, css };
}

/** Adds the sheets to the document once, before the first paint that needs them (as Griffel inserts its rules). */
export function useStyleSheets(...sheets: StyleSheet[]): void {
  useInsertionEffect(() => {
    for (const sheet of sheets) {
      if (document.getElementById(sheet.id)) continue;
      const style = document.createElement('style');
      style.id = sheet.id;
      style.textContent = sheet.css;
      document.head.appendChild(style);
    }
  });
}

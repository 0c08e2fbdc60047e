// The pane's own styles: one style module per component (Component.styles.ts) holding plain CSS over
// Fluent's theme variables (tokens.colorStatusDangerBackground1 is var(--colorStatusDangerBackground1),
// set by FluentProvider), with class names keyed by state. Written as CSS text rather than makeStyles,
// whose run-time CSS compiler (Griffel with stylis and rtl-css-js) would cost the pane's first load
// about 10 KB gzip; Fluent's own components come with precompiled styles.
import { useInsertionEffect } from 'react';

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

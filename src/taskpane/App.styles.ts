// The pane's frame: page colours from the theme, focus outlines, the loading line, and the visually
// hidden live region that announces each verdict.
import { styleSheet, token } from './components/stylesheet';

export const appClasses = {
  root: 'll-pane-root',
  announcer: 'll-visually-hidden',
  loading: 'll-loading',
  heading: 'll-pane-heading',
} as const;

export const appStyles = styleSheet(
  'app',
  `
.ll-pane-root { padding: 12px; font-family: ${token('fontFamilyBase')}; font-size: ${token('fontSizeBase300')}; line-height: ${token('lineHeightBase300')}; color: ${token('colorNeutralForeground1')}; background-color: ${token('colorNeutralBackground1')}; min-height: 100vh; box-sizing: border-box; overflow-wrap: anywhere; }
/* Native controls the pane draws itself; Fluent's controls bring their own focus indicator. */
.ll-pane-root summary:focus-visible { outline: 2px solid ${token('colorStrokeFocus2')}; outline-offset: 2px; border-radius: ${token('borderRadiusSmall')}; }
.ll-visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.ll-loading { display: flex; align-items: center; gap: 8px; color: ${token('colorNeutralForeground2')}; }
.ll-loading::before { content: ''; width: 16px; height: 16px; border-radius: 50%; border: 2px solid ${token('colorBrandStroke2')}; border-top-color: ${token('colorBrandStroke1')}; animation: ll-spin 0.8s linear infinite; }
@keyframes ll-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .ll-loading::before { animation: none; } }
.ll-pane-heading { font-size: ${token('fontSizeBase500')}; line-height: ${token('lineHeightBase500')}; margin: 0 0 8px; }
`,
);

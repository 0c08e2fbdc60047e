// Fluent UI's web themes for the pane's root (components/PaneTheme.tsx). In the pane's build, webpack gives this file
// the themes' values computed at build time instead (scripts/webpack/fluent-themes.ts says why).
export { webDarkTheme, webLightTheme } from '@fluentui/react-components';

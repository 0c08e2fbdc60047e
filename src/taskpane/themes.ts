// Fluent UI's web themes for the pane's root (components/PaneTheme.tsx). In the pane's build, webpack
// gives this file the values of the tokens the pane's style modules name, computed at build time
// (scripts/webpack/fluent-themes.ts says why); the report form brings the rest (form-themes.ts).
export { webDarkTheme, webLightTheme } from '@fluentui/react-components';

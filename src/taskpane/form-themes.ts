// Fluent UI's web themes, every token, for the report form's Fluent controls (ReportForm.tsx), which use
// tokens the pane's own styles do not. In the pane's build, webpack gives this file the themes' values
// computed at build time (scripts/webpack/fluent-themes.ts); themes.ts has only the first screen's.
export { webDarkTheme, webLightTheme } from '@fluentui/react-components';

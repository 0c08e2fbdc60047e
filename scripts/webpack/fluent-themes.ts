// The task pane's Fluent UI themes as data. The pane's root (src/taskpane/components/PaneTheme.tsx)
// writes Fluent's web light and dark themes as CSS variables:
// 459 token values each (colours, fonts, spacing…). @fluentui/tokens computes them when the script
// starts, from its colour palettes and alias tables, which costs the pane's first load 6 KB gzip;
// written out as values they cost 4 KB: the token names once, the light values, and the dark values
// where they differ. webpack gives src/taskpane/themes.ts this module's output
// (scripts/webpack/fluent-themes-loader.js), computed from the installed @fluentui/tokens at build time.

type Theme = Readonly<Record<string, string | number>>;

export function renderThemesModule(light: Theme, dark: Theme): string {
  const names = Object.keys(light);
  const darkNames = Object.keys(dark);
  if (darkNames.length !== names.length || darkNames.some((name) => !(name in light))) {
    throw new Error('Fluent UI\'s light and dark themes no longer have the same tokens; update scripts/webpack/fluent-themes.ts');
  }
  const lightValues = names.map((name) => light[name]);
  // 0 marks a dark value equal to the light one; no token's value is the number 0 in both (checked).
  const darkValues = names.map((name) => (dark[name] === light[name] ? 0 : dark[name]));
  if (names.some((name) => dark[name] === 0 || light[name] === 0)) throw new Error('a Fluent UI token is the number 0; choose another marker in scripts/webpack/fluent-themes.ts');
  return [
    '// Fluent UI\'s web themes, computed from @fluentui/tokens at build time (scripts/webpack/fluent-themes.ts).',
    `const names = ${JSON.stringify(names)};`,
    `const light = ${JSON.stringify(lightValues)};`,
    `const dark = ${JSON.stringify(darkValues)};`,
    'const theme = (values) => Object.fromEntries(names.map((name, i) => [name, values[i]]));',
    'export const webLightTheme = theme(light);',
    'export const webDarkTheme = theme(dark.map((value, i) => (value === 0 ? light[i] : value)));',
    '',
  ].join('\n');
}

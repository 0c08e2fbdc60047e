// The task pane's Fluent UI themes as data. The pane's root (src/taskpane/components/PaneTheme.tsx)
// writes Fluent's web light and dark themes as CSS variables: 459 token values each (colours, fonts,
// spacing…). @fluentui/tokens computes them when the script starts, from its colour palettes and alias
// tables, which costs the pane's first load 6 KB gzip; written out as values they cost 4 KB: the token
// names once, the light values, and the dark values where they differ. webpack gives
// src/taskpane/themes.ts and src/taskpane/form-themes.ts this module's output
// (scripts/webpack/fluent-themes-loader.js), computed from the installed @fluentui/tokens at build time.
//
// The first screen's styles name 62 of the 459 tokens, each through token('…') in a style module, so
// themes.ts carries those only (1 KB gzip instead of 4): tokensNamedIn finds them in the pane's source,
// and a call it cannot read stops the build. The report form's Fluent controls use tokens of their own;
// form-themes.ts, loaded with the form, carries every token.

type Theme = Readonly<Record<string, string | number>>;

/** The themes as a module; with `only`, just those tokens (each must be one of the themes'). */
export function renderThemesModule(light: Theme, dark: Theme, only?: readonly string[]): string {
  const darkNames = Object.keys(dark);
  if (darkNames.length !== Object.keys(light).length || darkNames.some((name) => !(name in light))) {
    throw new Error('Fluent UI\'s light and dark themes no longer have the same tokens; update scripts/webpack/fluent-themes.ts');
  }
  const unknown = only?.filter((name) => !(name in light)) ?? [];
  if (unknown.length > 0) throw new Error(`not tokens of Fluent UI's themes: ${unknown.join(', ')}`);
  const names = only ? Object.keys(light).filter((name) => only.includes(name)) : Object.keys(light);
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

/** token('colorNeutralBackground1') as the pane's style modules write it (src/taskpane/components/stylesheet.ts). */
const TOKEN_CALL = /\btoken\(\s*'([A-Za-z0-9]+)'\s*\)/g;
/** Any other call of token(), which the build could not read a name from (its definition aside). */
const OTHER_TOKEN_CALL = /(?<!function )\btoken\((?!\s*'[A-Za-z0-9]+'\s*\))/;

/** The tokens the given sources name through token('…'), sorted; throws on a call with any other argument. */
export function tokensNamedIn(sources: readonly { file: string; text: string }[]): string[] {
  const names = new Set<string>();
  for (const { file, text: source } of sources) {
    // Comments may mention token() without calling it.
    const text = source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
    for (const match of text.matchAll(TOKEN_CALL)) names.add(match[1]);
    const other = OTHER_TOKEN_CALL.exec(text);
    if (other) {
      const line = text.slice(0, other.index).split('\n').length;
      throw new Error(`${file}:${line}: token() with an argument other than a quoted token name; the pane's themes are cut to the names written out (scripts/webpack/fluent-themes.ts)`);
    }
  }
  return [...names].sort();
}

// The themes the pane's build writes out (scripts/webpack/fluent-themes.ts) are Fluent UI's own,
// token for token, and smaller than the code that computes them; the first load's carry every token
// the pane's style sheets use.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { renderThemesModule, tokensNamedIn } from '../../scripts/webpack/fluent-themes';
import type { StyleSheet } from '../../src/taskpane/components/stylesheet';

/** Runs the generated module and returns its exports. */
function evaluate(source: string): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  const body = source.replace(/^export const (\w+) = (.*);$/gm, (_line, name: string, value: string) => `exports.${name} = ${value};`);
  runInNewContext(body, { exports });
  return exports;
}

describe('the pane’s Fluent UI themes written out at build time', () => {
  const source = renderThemesModule(webLightTheme, webDarkTheme);

  it('are Fluent’s web light and dark themes, every token with its value and type', () => {
    const themes = evaluate(source);
    // As sorted JSON: the module runs in a context of its own, JSON tells 400 from '400', and the order of
    // the tokens does not matter (each becomes a CSS variable of its own; the dark theme lists them in
    // another order, the module in the light theme's).
    const sorted = (theme: unknown) => JSON.stringify(Object.entries(theme as object).sort(([a], [b]) => a.localeCompare(b)));
    expect(sorted(themes.webLightTheme)).toBe(sorted(webLightTheme));
    expect(sorted(themes.webDarkTheme)).toBe(sorted(webDarkTheme));
  });

  it('weigh less than 4.5 KB gzip for both', () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThan(4.5 * 1024);
  });

  it('stop the build when the two themes no longer have the same tokens', () => {
    expect(() => renderThemesModule(webLightTheme, { ...webDarkTheme, colorNew: '#fff' })).toThrow(/same tokens/);
  });
});

const PANE = path.join(__dirname, '..', '..', 'src', 'taskpane');

function paneFiles(dir = PANE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? paneFiles(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
  );
}

describe('the first load’s themes', () => {
  const named = tokensNamedIn(paneFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })));

  it('hold every token the pane’s style sheets use, with Fluent’s values in both themes', async () => {
    // The CSS the pane inserts: every StyleSheet its style modules export.
    const modules = await Promise.all(paneFiles().filter((file) => file.endsWith('.styles.ts')).map((file) => import(file) as Promise<Record<string, unknown>>));
    const sheets = modules
      .flatMap((module) => Object.values(module))
      .filter((value): value is StyleSheet => typeof value === 'object' && value !== null && 'css' in value && 'id' in value);
    const used = new Set(sheets.flatMap((sheet) => [...sheet.css.matchAll(/var\(--([A-Za-z0-9]+)\)/g)].map((match) => match[1])));
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((name) => !named.includes(name))).toEqual([]);
    const themes = evaluate(renderThemesModule(webLightTheme, webDarkTheme, named));
    const expected = (theme: Record<string, unknown>) => Object.fromEntries(named.map((name) => [name, theme[name]]));
    expect(themes.webLightTheme).toEqual(expected(webLightTheme));
    expect(themes.webDarkTheme).toEqual(expected(webDarkTheme));
  });

  it('weigh a quarter of the whole themes', () => {
    expect(gzipSync(renderThemesModule(webLightTheme, webDarkTheme, named), { level: 9 }).length).toBeLessThan(1.5 * 1024);
  });

  it('are read from token() calls only, and a call the build cannot read stops it', () => {
    const source = (text: string) => [{ file: 'Card.styles.ts', text }];
    expect(tokensNamedIn(source("// token() in a comment\nconst css = `a { color: ${token('colorNeutralForeground2')}; }`;"))).toEqual(['colorNeutralForeground2']);
    expect(() => tokensNamedIn(source('const css = `a { color: ${token(name)}; }`;'))).toThrow(/Card\.styles\.ts:1: token\(\) with an argument/);
    expect(() => renderThemesModule(webLightTheme, webDarkTheme, ['colorNotFluent'])).toThrow(/colorNotFluent/);
  });
});

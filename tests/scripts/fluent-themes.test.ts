// The themes the pane's build writes out (scripts/webpack/fluent-themes.ts) are Fluent UI's own,
// token for token, and smaller than the code that computes them.
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { renderThemesModule } from '../../scripts/webpack/fluent-themes';

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

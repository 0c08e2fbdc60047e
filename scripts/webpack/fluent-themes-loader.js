// webpack loader: src/taskpane/themes.ts as the themes' values (see fluent-themes.ts, which does the
// work and has the tests). The source file is only the seam; what it re-exports is computed here.
const { renderThemesModule } = require('tsx/cjs/api').require('./fluent-themes.ts', __filename);

module.exports = function fluentThemesLoader() {
  this.addDependency(require.resolve('@fluentui/tokens/package.json'));
  const { webLightTheme, webDarkTheme } = require('@fluentui/tokens');
  return renderThemesModule(webLightTheme, webDarkTheme);
};

// webpack loader: src/taskpane/themes.ts and form-themes.ts as the themes' values (see fluent-themes.ts,
// which does the work and has the tests). The source files are only seams; what they re-export is
// computed here: the tokens the pane's source names for themes.ts (the first load), every token for
// form-themes.ts (loaded with the report form's Fluent controls).
const fs = require('node:fs');
const path = require('node:path');
const { renderThemesModule, tokensNamedIn } = require('tsx/cjs/api').require('./fluent-themes.ts', __filename);

const PANE = path.resolve(__dirname, '..', '..', 'src', 'taskpane');

function paneSources(loader) {
  const sources = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name)) {
        loader.addDependency(file);
        sources.push({ file: path.relative(process.cwd(), file), text: fs.readFileSync(file, 'utf8') });
      }
    }
  };
  loader.addContextDependency(PANE);
  visit(PANE);
  return sources;
}

module.exports = function fluentThemesLoader() {
  this.addDependency(require.resolve('@fluentui/tokens/package.json'));
  const { webLightTheme, webDarkTheme } = require('@fluentui/tokens');
  if (path.basename(this.resourcePath) === 'form-themes.ts') return renderThemesModule(webLightTheme, webDarkTheme);
  return renderThemesModule(webLightTheme, webDarkTheme, tokensNamedIn(paneSources(this)));
};

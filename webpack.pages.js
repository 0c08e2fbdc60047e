// The two pages that are not part of the add-in itself, built into dist/web beside it:
//   preview.html  stands in for Outlook's reading pane and runs the real task pane (npm start)
//   console.html  the security team's triage console
//   samples/*.eml the preview's bundled sample messages, fetched by the page at run time
// They share webpack.config.js's TypeScript rule and output folder; called from there. Two configs,
// because the preview renders the pane exactly as Outlook gets it (Preact, the policy checker id, the
// public suffix list split in two, the themes as values)
// while the console keeps React.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OUTPUT = path.resolve(__dirname, 'dist', 'web');

function page(name, base, extra) {
  return {
    ...base,
    ...extra,
    name,
    entry: { [name]: `./src/${name}/${name}.tsx` },
    output: {
      path: OUTPUT,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
    },
    plugins: [new HtmlWebpackPlugin({ template: `./src/${name}/${name}.html`, filename: `${name}.html`, chunks: [name], scriptLoading: 'defer' }), ...(extra.plugins || [])],
  };
}

module.exports = (_env = {}, argv = {}, common, { paneReactAlias, policyCheckerPlugin, paneRules }) => {
  const base = common(argv);
  return [
    page('preview', base, {
      module: { rules: [...base.module.rules, ...paneRules] },
      resolve: { ...base.resolve, alias: paneReactAlias },
      plugins: [policyCheckerPlugin(), new CopyWebpackPlugin({ patterns: [{ from: 'src/samples/*.eml', to: 'samples/[name][ext]' }] })],
    }),
    page('console', base, {}),
  ];
};

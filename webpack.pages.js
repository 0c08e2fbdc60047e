// The two pages that are not part of the add-in itself, built into dist/web beside it:
//   preview.html  stands in for Outlook's reading pane and runs the real task pane (npm start)
//   console.html  the security team's triage console
//   samples/*.eml the preview's bundled sample messages, fetched by the page at run time
// They share webpack.config.js's TypeScript rule and output folder; called from there.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OUTPUT = path.resolve(__dirname, 'dist', 'web');

const PAGES = ['preview', 'console'];

module.exports = (_env = {}, argv = {}, common, { icannOnlySuffixesRule }) => ({
  ...common(argv),
  // The preview runs the task pane, with the pane's public suffix list (the console has none).
  module: { rules: [...common(argv).module.rules, icannOnlySuffixesRule] },
  name: 'pages',
  entry: Object.fromEntries(PAGES.map((name) => [name, `./src/${name}/${name}.tsx`])),
  output: {
    path: OUTPUT,
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
    publicPath: 'auto',
  },
  plugins: [
    ...PAGES.map((name) => new HtmlWebpackPlugin({ template: `./src/${name}/${name}.html`, filename: `${name}.html`, chunks: [name], scriptLoading: 'defer' })),
    new CopyWebpackPlugin({ patterns: [{ from: 'src/samples/*.eml', to: 'samples/[name][ext]' }] }),
  ],
});

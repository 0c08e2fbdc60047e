// Builds the add-in's web files into dist/web:
//   taskpane.html + taskpane.[contenthash].js (React pane) + chunks it loads on demand (reporting, the
//     policy.json checker, the report form, MSAL, the whole public suffix list; npm run size
//     budgets the first load, lists these apart)
//   commands.html + commands.js (Report button; exactly ONE file, see below)
//   help.html, assets/*.png, manifest.xml rendered for --env baseUrl=https://... (default https://localhost:3000)
// office.js is never bundled: the pages load it from Microsoft's CDN, as Office requires.
// The preview and triage console pages are configured in webpack.pages.js and built into dist/web too.
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OUTPUT = path.resolve(__dirname, 'dist', 'web');

// renderManifest is TypeScript (the service uses it too); tsx compiles it on the fly here.
function loadManifestRenderer() {
  const tsx = require('tsx/cjs/api');
  return { ...tsx.require('./src/manifest/render.ts', __filename), ...tsx.require('./src/manifest/well-known.ts', __filename) };
}

// dist/web/.well-known/microsoft-officeaddins-allowed.json for this base URL: classic Outlook trusts
// commands.js only if its origin lists it there. The service serves it itself; a static host or CDN must
// serve this file at the root of the origin, even when the add-in sits under a path prefix.
class WellKnownAllowedPlugin {
  constructor(content) {
    this.content = content;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('WellKnownAllowedPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'WellKnownAllowedPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset('.well-known/microsoft-officeaddins-allowed.json', new webpack.sources.RawSource(`${JSON.stringify(this.content, null, 2)}\n`));
      });
    });
  }
}

// The repo's tsconfig targets Node (module node16 → CommonJS). For the browser, keep ES modules so
// webpack can tree-shake Fluent UI and friends, and let webpack resolve imports.
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      configFile: path.resolve(__dirname, 'tsconfig.json'),
      compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'ES2020', sourceMap: false },
    },
  },
};

// src/mail/headers.ts imports postal-mime only for its address parser. For headers.ts alone, the browser
// bundles get a stand-in exposing just that function from postal-mime's own module (the package's
// exports map does not offer it, so it is named by file here); .eml parsing elsewhere keeps the package.
const POSTAL_MIME_ESM = path.join(path.dirname(require.resolve('postal-mime/package.json')), 'dist', 'esm');
const addressParserOnlyRule = {
  // headers.ts, and the stand-in itself (for its import of the parser's file).
  test: [/[\\/]src[\\/]mail[\\/]headers\.ts$/, /[\\/]scripts[\\/]webpack[\\/]postal-mime-addresses\.mjs$/],
  resolve: {
    alias: {
      'postal-mime$': path.resolve(__dirname, 'scripts', 'webpack', 'postal-mime-addresses.mjs'),
      'postal-mime/address-parser$': path.join(POSTAL_MIME_ESM, 'address-parser.js'),
    },
  },
};

// The task pane and the preview start with the public suffix list's ICANN rules of at most two labels
// and load the whole list when a question needs it (src/taskpane/suffix-list.ts, which says why):
// - tldts's data with those rules only (scripts/webpack/icann-trie.ts);
// - the engine's, the mail model's and the policy's imports of tldts get src/taskpane/suffix-list.ts;
// - src/taskpane/whole-suffix-list.ts, loaded when needed, gets tldts's own self-contained bundle,
//   which carries the whole list and which the first rule does not touch.
const TLDTS = path.dirname(require.resolve('tldts/package.json'));
const splitSuffixListRules = [
  { test: /[\\/]node_modules[\\/]tldts[\\/]dist[\\/]es6[\\/]src[\\/]data[\\/]trie\.js$/, use: path.resolve(__dirname, 'scripts', 'webpack', 'icann-trie-loader.js') },
  { test: /[\\/]src[\\/](?:engine|mail|policy)[\\/]/, resolve: { alias: { tldts$: path.resolve(__dirname, 'src', 'taskpane', 'suffix-list.ts') } } },
  { test: /[\\/]src[\\/]taskpane[\\/]whole-suffix-list\.ts$/, resolve: { alias: { tldts$: path.join(TLDTS, 'dist', 'index.esm.min.js') } } },
];

// The pane's Fluent UI themes as values computed at build time rather than code computing them when
// the pane starts: the tokens the pane's styles name in the first load (themes.ts), every token with the
// report form (form-themes.ts); scripts/webpack/fluent-themes.ts.
const fluentThemesRule = { test: /[\\/]src[\\/]taskpane[\\/](?:form-)?themes\.ts$/, use: path.resolve(__dirname, 'scripts', 'webpack', 'fluent-themes-loader.js') };

// The pane's scripts: smaller with terser's three passes and ES2020 syntax (the target), and an import
// of a name a module does not export (say, from the stand-in for tldts above) stops the build.
const paneOptimization = { minimizeOptions: { javascript: { compress: { passes: 3, ecma: 2020 }, ecma: 2020 } } };
const paneParser = { javascript: { exportsPresence: 'error' } };

// The task pane never has attachment bytes: the engine's archive and file-signature readers (and
// fflate, which only they use) are a stand-in there (the file says why).
const paneWithoutByteReaders = new webpack.NormalModuleReplacementPlugin(/^\.\/archives$/, (resource) => {
  if (/[\\/]src[\\/]engine[\\/]rules[\\/]content$/.test(resource.context)) resource.request = path.resolve(__dirname, 'scripts', 'webpack', 'archives-absent.ts');
});

// The task pane (and the preview, which runs it) render with Preact through its React compatibility
// layer instead of react-dom: the same components, hooks and Fluent UI controls, for about 4% of
// react-dom's 40 KB gzip on the pane's first load. The triage console keeps React.
const PANE_REACT_ALIAS = {
  react$: 'preact/compat',
  'react-dom$': 'preact/compat',
  'react-dom/client$': 'preact/compat/client',
  'react/jsx-runtime$': 'preact/jsx-runtime',
  'react/jsx-dev-runtime$': 'preact/jsx-dev-runtime',
};

// The pane remembers which policy.json text its checker passed (src/office/policy-source.ts), keyed by
// this: a hash of the policy code the checker is built from, so a build with another schema checks again.
function policyCheckerId() {
  const hash = require('node:crypto').createHash('sha256');
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) hash.update(`${path.relative(__dirname, file)}\0`).update(fs.readFileSync(file));
    }
  };
  visit(path.join(__dirname, 'src', 'policy'));
  return hash.digest('hex').slice(0, 16);
}

const policyCheckerPlugin = () => new webpack.DefinePlugin({ LURELENS_POLICY_CHECKER: JSON.stringify(policyCheckerId()) });

function common(argv) {
  const production = (argv && argv.mode) !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    target: ['web', 'es2020'],
    // extensionAlias: dynamic import() names TypeScript modules by their .js output (Node's rule for
    // import(), which the type check enforces); webpack finds the .ts source.
    resolve: { extensions: ['.tsx', '.ts', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
    module: { rules: [tsRule, addressParserOnlyRule] },
    // We measure bundle size against our own budget with `npm run size` (scripts/size.ts).
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function taskpaneConfig(env, argv) {
  const { renderManifest, normalizeBaseUrl, allowedAddinScripts } = loadManifestRenderer();
  // Checked before compiling, so a wrong --env baseUrl fails at once rather than after the build.
  const baseUrl = normalizeBaseUrl((env && env.baseUrl) || 'https://localhost:3000');
  const base = common(argv);
  return {
    ...base,
    module: { rules: [...base.module.rules, ...splitSuffixListRules, fluentThemesRule], parser: paneParser },
    optimization: paneOptimization,
    resolve: { ...base.resolve, alias: PANE_REACT_ALIAS },
    name: 'taskpane',
    entry: { taskpane: './src/taskpane/taskpane.tsx' },
    output: {
      path: OUTPUT,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
    },
    plugins: [
      policyCheckerPlugin(),
      paneWithoutByteReaders,
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new WellKnownAllowedPlugin(allowedAddinScripts(baseUrl)),
      new HtmlWebpackPlugin({ template: './assets/help.html', filename: 'help.html', chunks: [], inject: false, minify: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: { transformer: (content) => renderManifest(content.toString('utf8'), baseUrl, env && env.version ? { version: env.version } : {}), cache: false },
          },
        ],
      }),
    ],
  };
}

// Classic Outlook on Windows runs commands.js in a JavaScript-only runtime that cannot load further
// chunks, so this bundle must be a single file with a fixed name (the manifest's CommandsJs.Url).
function commandsConfig(env, argv) {
  return {
    ...common(argv),
    name: 'commands',
    entry: { commands: './src/commands/commands.ts' },
    output: { path: OUTPUT, filename: '[name].js', publicPath: 'auto', asyncChunks: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({ template: './src/commands/commands.html', filename: 'commands.html', chunks: ['commands'], scriptLoading: 'blocking' }),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const configs = [
    taskpaneConfig(env, argv),
    commandsConfig(env, argv),
    ...require('./webpack.pages.js')(env, argv, common, { paneReactAlias: PANE_REACT_ALIAS, policyCheckerPlugin, paneRules: [...splitSuffixListRules, fluentThemesRule] }),
  ];
  // Several configs share dist/web, so no single one may use output.clean; start from empty instead
  // (old hashed chunks would otherwise pile up and be served). Only once every config is valid.
  fs.rmSync(OUTPUT, { recursive: true, force: true });
  return configs;
};

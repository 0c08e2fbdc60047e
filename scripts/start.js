#!/usr/bin/env node
// `npm start`: everything a newcomer needs in one command, on embedded defaults (no Outlook, no
// Microsoft 365, no other service). Installs the locked dependencies if needed, builds the add-in,
// the pages and the CLI, then runs the intake service with the demo policy and prints where the
// preview (the real task pane beside a stand-in reading pane) and the triage console are.
//
//   npm start                       build, then serve on http://localhost:3000
//   npm start -- --port 3100        another port (also PORT=3100)
//   npm start -- --no-build         serve what was built last
//   npm start -- --data DIR         keep reports and tokens elsewhere (default ./.data)
//   npm start -- --https            serve https://localhost:3000 with the trusted development certificate
//                                   (npm run dev-certs), for sideloading manifest.xml into real Outlook
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const os = require('node:os');

const root = path.join(__dirname, '..');

function parseArgs(argv) {
  const options = { port: process.env.PORT || '3000', build: true, data: path.join(root, '.data') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--port' && argv[i + 1]) options.port = argv[++i];
    else if (arg === '--data' && argv[i + 1]) options.data = path.resolve(argv[++i]);
    else if (arg === '--https') options.https = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown option ${arg} (try --help)`);
  }
  if (!/^\d{1,5}$/.test(String(options.port)) || Number(options.port) > 65535) throw new Error(`--port must be a port number, not "${options.port}"`);
  return options;
}

function run(title, command, args) {
  console.log(`\n› ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`\nnpm start: "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

// The demo policy is the documented example (protected people, organisations, lure words) with the
// reporting block reduced to the security team's name: the service fills in its own URL and the
// reporter token when it serves /policy.json, so Report works against this very service.
function writeDemoPolicy(dataDir) {
  const example = JSON.parse(fs.readFileSync(path.join(root, 'policy.example.json'), 'utf8'));
  const { securityTeamName, securityTeamNameJa } = example.reporting || {};
  example.reporting = { securityTeamName, securityTeamNameJa };
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'demo-policy.json');
  fs.writeFileSync(file, JSON.stringify(example, null, 2) + '\n');
  return file;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`npm start: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(6, 12).map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }

  require('./ensure-installed.js');
  if (options.build) run('Building the add-in, preview, console and CLI (npm run build)', 'npm', ['run', 'build', '--silent']);

  const serveModule = path.join(root, 'dist', 'node', 'src', 'cli', 'serve.js');
  if (!fs.existsSync(serveModule)) {
    console.error('npm start: nothing is built yet; run without --no-build.');
    process.exit(2);
  }
  if (options.https) {
    // office-addin-dev-certs keeps its localhost certificate (issued by a CA it trusted on this machine) here.
    const certs = path.join(os.homedir(), '.office-addin-dev-certs');
    const cert = path.join(certs, 'localhost.crt');
    const key = path.join(certs, 'localhost.key');
    if (!fs.existsSync(cert) || !fs.existsSync(key)) {
      console.error(`npm start: no development certificate in ${certs}; run "npm run dev-certs" first.`);
      process.exit(2);
    }
    process.env.LURELENS_TLS_CERT = cert;
    process.env.LURELENS_TLS_KEY = key;
  }
  const policyFile = writeDemoPolicy(options.data);
  const { startServe } = require(serveModule);
  const publicUrl = `${options.https ? 'https' : 'http'}://localhost:${options.port}`;
  // Request logs would bury the addresses below; LURELENS_LOG_LEVEL=info brings them back.
  const logLevel = process.env.LURELENS_LOG_LEVEL ? [] : ['--log-level', 'warn'];
  const handle = await startServe(['--port', String(options.port), '--data', options.data, '--policy', policyFile, '--public-url', publicUrl, '--preview', ...logLevel]);
  if (typeof handle === 'number') process.exit(handle);

  // Local tokens exist unless tokens were configured (LURELENS_TOKENS, a config file): then those apply.
  const configuredTokens = Boolean(process.env.LURELENS_TOKENS || process.env.LURELENS_CONFIG);
  const tokensFile = path.join(options.data, 'tokens.json');
  const tokens = !configuredTokens && fs.existsSync(tokensFile) ? JSON.parse(fs.readFileSync(tokensFile, 'utf8')) : [];
  const analyst = tokens.find((token) => token.role === 'analyst');
  console.log('');
  console.log('Lure Lens is running. Open:');
  console.log(`  Preview (sample messages + the task pane):  ${publicUrl}/preview.html`);
  console.log(`  Triage console for the security team:       ${publicUrl}/console.html`);
  if (analyst) console.log(`  Console sign-in (analyst token):            ${analyst.token}`);
  else console.log('  Console sign-in: the analyst token you configured');
  console.log(`Demo policy: ${path.relative(root, policyFile)} (from policy.example.json). Stop with Ctrl+C.`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    handle.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.exitCode = await handle.stopped;
}

main().catch((error) => {
  console.error(`npm start: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});

#!/usr/bin/env node
// Runs the compiled CLI (npm run build writes dist/node).
'use strict';
const path = require('node:path');
let main;
try {
  ({ main } = require(path.join(__dirname, '..', 'dist', 'node', 'src', 'cli', 'main.js')));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('lurelens: not built yet. Run "npm run build" first.\n');
    process.exit(2);
  }
  throw error;
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`lurelens: ${error && error.message ? error.message : error}\n`); process.exitCode = 2; },
);

#!/usr/bin/env node
// `npm run build:node`: the CLI and service into dist/node, from empty (so a module that was renamed
// or moved to the browser build leaves no stale copy behind for the release package to ship), then the
// non-TypeScript files they read at run time next to the compiled code. Today those are the add-in
// manifest XML schemas that src/manifest/schema-check.ts reads from its own directory.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const OUTPUT = path.join(root, 'dist', 'node');
const ASSETS = [{ from: 'src/manifest/schema', to: 'dist/node/src/manifest/schema' }];

fs.rmSync(OUTPUT, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const { from, to } of ASSETS) fs.cpSync(path.join(root, from), path.join(root, to), { recursive: true });
